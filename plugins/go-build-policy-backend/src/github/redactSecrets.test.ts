import { redactSecrets } from './redactSecrets';

describe('redactSecrets', () => {
  it('removes known secrets wherever they appear', () => {
    expect(
      redactSecrets('bad credentials for s3cr3t-value!', ['s3cr3t-value']),
    ).toBe('bad credentials for [REDACTED]!');
  });

  it('removes GitHub token shapes and authorization values it was not told about', () => {
    const text =
      'token ghp_abcdefghijklmnopqrstuvwxyz0123456789 and ghs_ABCDEFGHIJKLMNOPQRSTUVWXYZ01 ' +
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnop; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x.y';
    const clean = redactSecrets(text);
    expect(clean).not.toMatch(/ghp_|ghs_|github_pat_|eyJhbGci/);
    expect(clean).toContain('Bearer [REDACTED]');
  });
});
