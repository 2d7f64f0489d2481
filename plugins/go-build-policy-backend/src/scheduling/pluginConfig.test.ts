import { ConfigReader } from '@backstage/config';
import { readPluginConfig } from './pluginConfig';

describe('readPluginConfig', () => {
  it('applies the documented defaults', () => {
    const config = readPluginConfig(new ConfigReader({}));
    expect(config).toMatchObject({
      concurrency: 4,
      rateLimitShare: 0.5,
      entities: { kinds: ['Component'] },
      learnPrivateModules: false,
      retention: { days: 180, maxScansPerEntity: 100 },
      policy: { rules: {}, privateModules: [] },
    });
    expect(config.webhookSecret).toBeUndefined();
  });

  it('reads schedule, filters, policy and webhook settings', () => {
    const config = readPluginConfig(
      new ConfigReader({
        goBuildPolicy: {
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
          concurrency: 8,
          entities: { kinds: ['Component'], types: ['service'], tags: ['go'] },
          rateLimit: { share: 0.25 },
          retention: { days: 90, maxScansPerEntity: 50 },
          webhook: { secret: 's' },
          policy: {
            rules: {
              'ci-no-double-cache': { enabled: false },
              'mod-go-sum': { severity: 'warning' },
            },
            privateModules: ['github.com/acme/*'],
            learnPrivateModules: true,
          },
        },
      }),
    );
    expect(config).toMatchObject({
      schedule: { frequency: { minutes: 30 } },
      concurrency: 8,
      entities: { types: ['service'], tags: ['go'] },
      rateLimitShare: 0.25,
      retention: { days: 90, maxScansPerEntity: 50 },
      webhookSecret: 's',
      policy: {
        rules: {
          'ci-no-double-cache': { enabled: false },
          'mod-go-sum': { severity: 'warning' },
        },
        privateModules: ['github.com/acme/*'],
      },
      learnPrivateModules: true,
    });
  });

  it('rejects a share outside (0, 1], a bad severity and a zero concurrency', () => {
    const read = (goBuildPolicy: object) => () =>
      readPluginConfig(new ConfigReader({ goBuildPolicy }));
    expect(read({ rateLimit: { share: 1.5 } })).toThrow(/share/);
    expect(read({ policy: { rules: { x: { severity: 'fatal' } } } })).toThrow(
      /severity/,
    );
    expect(read({ concurrency: 0 })).toThrow(/concurrency/);
  });
});
