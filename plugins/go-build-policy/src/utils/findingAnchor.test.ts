import { findingAnchor, ruleOfAnchor } from './findingAnchor';

describe('finding anchors', () => {
  it('round-trips a rule id through the URL fragment', () => {
    expect(ruleOfAnchor(`#${findingAnchor('ci-module-cache')}`)).toBe(
      'ci-module-cache',
    );
    expect(ruleOfAnchor('#finding-acme%2Fno-cgo')).toBe('acme/no-cgo');
  });

  it('names no rule for other fragments', () => {
    expect(ruleOfAnchor('')).toBeUndefined();
    expect(ruleOfAnchor('#ci-module-cache')).toBeUndefined();
    expect(ruleOfAnchor('#finding-')).toBeUndefined();
  });

  it('survives a malformed escape instead of throwing', () => {
    expect(ruleOfAnchor('#finding-%E0%A4%A')).toBeUndefined();
  });
});
