import {
  scanSnapshot,
  snapshotFromFiles,
} from '@go-build-policy/plugin-go-build-policy-node';
import { codeownersRule } from './exampleRulesModule';

function scan(files: Record<string, string>) {
  const result = scanSnapshot(snapshotFromFiles(files), {
    extraRules: [codeownersRule],
  });
  return result.findings.find(f => f.ruleId === 'acme-codeowners')!;
}

describe('acme-codeowners, the example organisation rule', () => {
  it('passes with a CODEOWNERS file and points at it', () => {
    const finding = scan({
      'go.mod': 'module example.com/x\n\ngo 1.24\n',
      '.github/CODEOWNERS': '* @acme/payments\n',
    });
    expect(finding.status).toBe('pass');
    expect(finding.locations[0].path).toBe('.github/CODEOWNERS');
  });

  it('fails a Go repository without one, with its own severity', () => {
    const finding = scan({ 'go.mod': 'module example.com/x\n\ngo 1.24\n' });
    expect(finding).toMatchObject({ status: 'fail', severity: 'info' });
  });

  it('does not apply to a repository without go.mod', () => {
    expect(scan({ 'README.md': '# docs' }).status).toBe('not-applicable');
  });
});
