import { entityFor } from './__testUtils__/scanHarness';
import {
  normaliseModuleRoot,
  resolveEntitySource,
} from './resolveEntitySource';

const isGithubHost = (host: string) =>
  host === 'github.com' || host === 'ghe.acme.dev';

describe('resolveEntitySource', () => {
  it('reads the project slug on github.com', () => {
    expect(
      resolveEntitySource(
        entityFor('a', { 'github.com/project-slug': 'acme/payments' }),
        isGithubHost,
      ),
    ).toEqual({
      kind: 'github',
      coordinates: { host: 'github.com', owner: 'acme', name: 'payments' },
    });
  });

  it('takes the GitHub Enterprise host from the source location', () => {
    const entity = entityFor('a', {
      'github.com/project-slug': 'acme/payments',
      'backstage.io/source-location':
        'url:https://ghe.acme.dev/acme/payments/tree/main/',
    });
    expect(resolveEntitySource(entity, isGithubHost)).toMatchObject({
      coordinates: { host: 'ghe.acme.dev', owner: 'acme', name: 'payments' },
    });
  });

  it('falls back to the managed-by location and carries the module root', () => {
    const entity = entityFor('a', {
      'backstage.io/managed-by-location':
        'url:https://github.com/acme/mono/blob/main/services/api/catalog-info.yaml',
      'go-build-policy/module-root': './services/api/',
    });
    expect(resolveEntitySource(entity, isGithubHost)).toEqual({
      kind: 'github',
      coordinates: {
        host: 'github.com',
        owner: 'acme',
        name: 'mono',
        moduleRoot: 'services/api',
      },
    });
  });

  it('gives no source for other hosts, broken slugs and unsafe module roots', () => {
    const cases: Array<Record<string, string>> = [
      {
        'backstage.io/source-location': 'url:https://gitlab.com/acme/payments',
      },
      { 'github.com/project-slug': 'just-a-name' },
      {
        'github.com/project-slug': 'acme/payments',
        'go-build-policy/module-root': '../elsewhere',
      },
      {},
    ];
    for (const annotations of cases) {
      expect(
        resolveEntitySource(entityFor('a', annotations), isGithubHost).kind,
      ).toBe('none');
    }
  });

  it('treats the repository root as no module root', () => {
    expect(normaliseModuleRoot('.')).toBeUndefined();
    expect(normaliseModuleRoot('/')).toBeUndefined();
    expect(normaliseModuleRoot('a//b')).toBeNull();
  });
});
