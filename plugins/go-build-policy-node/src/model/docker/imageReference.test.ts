import { parseImageReference } from './imageReference';

describe('parseImageReference', () => {
  it.each([
    [
      'golang:1.23-alpine',
      { repository: 'golang', tag: '1.23-alpine', isGolang: true },
    ],
    [
      'docker.io/library/golang:1.23',
      { repository: 'docker.io/library/golang', tag: '1.23', isGolang: true },
    ],
    [
      'golang@sha256:abc',
      {
        repository: 'golang',
        tag: undefined,
        digest: 'sha256:abc',
        isGolang: true,
      },
    ],
    [
      'golang:1.23@sha256:abc',
      { tag: '1.23', digest: 'sha256:abc', isGolang: true },
    ],
    [
      'registry:5000/team/golang:1.23',
      { repository: 'registry:5000/team/golang', tag: '1.23', isGolang: false },
    ],
    ['scratch', { isScratch: true, isGolang: false }],
  ])('reads %s', (text, expected) => {
    expect(parseImageReference(text)).toMatchObject(expected);
  });
});
