import { snapshotFromFiles } from '../snapshot/RepositorySnapshot';
import { RuleContext } from './RuleContext';

const snapshot = snapshotFromFiles({ 'go.mod': 'module a\n\ngo 1.23\n' });

describe('RuleContext.shared', () => {
  it('derives a value once per scan and gives every rule the same one', () => {
    const context = new RuleContext(snapshot, { privateModules: [] });
    let calls = 0;
    const countModules = (c: RuleContext) => {
      calls++;
      return { modules: c.go.modules.length };
    };
    const first = context.shared(countModules);
    expect(context.shared(countModules)).toBe(first);
    expect(first).toEqual({ modules: 1 });
    expect(calls).toBe(1);
  });

  it('keeps values of different derivations apart', () => {
    const context = new RuleContext(snapshot, { privateModules: ['x'] });
    const one = () => 1;
    const two = () => 2;
    expect(context.shared(one)).toBe(1);
    expect(context.shared(two)).toBe(2);
  });

  it('caches undefined results too', () => {
    const context = new RuleContext(snapshot, { privateModules: [] });
    let calls = 0;
    const nothing = () => {
      calls++;
      return undefined;
    };
    context.shared(nothing);
    context.shared(nothing);
    expect(calls).toBe(1);
  });

  it('derives anew for another scan', () => {
    let calls = 0;
    const derive = (c: RuleContext) => {
      calls++;
      return c.settings.privateModules.join(',');
    };
    expect(
      new RuleContext(snapshot, { privateModules: ['a'] }).shared(derive),
    ).toBe('a');
    expect(
      new RuleContext(snapshot, { privateModules: ['b'] }).shared(derive),
    ).toBe('b');
    expect(calls).toBe(2);
  });
});
