import { evidenceUrl, locationLabel } from './githubLinks';

describe('evidence links', () => {
  const repo = { host: 'github.com', owner: 'acme', name: 'payments-api' };

  it('points at the exact lines of the scanned commit', () => {
    expect(
      evidenceUrl(repo, 'abc123', {
        path: 'build/Dockerfile',
        startLine: 7,
        endLine: 9,
      }),
    ).toBe(
      'https://github.com/acme/payments-api/blob/abc123/build/Dockerfile#L7-L9',
    );
  });

  it('uses a single-line anchor for one line, and the enterprise host', () => {
    const ghe = { ...repo, host: 'ghe.example.net' };
    expect(
      evidenceUrl(ghe, 'def', {
        path: '.github/workflows/ci.yml',
        startLine: 3,
        endLine: 3,
      }),
    ).toBe(
      'https://ghe.example.net/acme/payments-api/blob/def/.github/workflows/ci.yml#L3',
    );
  });

  it('encodes unusual path characters', () => {
    expect(
      evidenceUrl(repo, 's', {
        path: 'a dir/Dockerfile#1',
        startLine: 1,
        endLine: 1,
      }),
    ).toContain('/blob/s/a%20dir/Dockerfile%231#L1');
    expect(locationLabel({ path: 'go.mod', startLine: 2, endLine: 4 })).toBe(
      'go.mod:2-4',
    );
  });
});
