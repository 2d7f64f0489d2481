import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type {
  PolicySettings,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';
import type { RetentionPolicy } from '../database/ScanStore';
import {
  DEFAULT_ENTITY_FILTERS,
  EntityFilters,
} from '../scanning/EntitySelector';

/** `goBuildPolicy` in app-config, with defaults applied (see config.d.ts). */
export interface PluginConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
  pollIntervalSeconds: number;
  leaseMs: number;
  maxAttempts: number;
  entities: EntityFilters;
  rateLimitShare: number;
  retention: RetentionPolicy;
  webhookSecret?: string;
  policy: PolicySettings;
  learnPrivateModules: boolean;
  waivers: {
    /** Longest a waiver may last, in days. */
    maxDays: number;
  };
  pullRequests: {
    /** Off by default: opening pull requests writes to repositories. */
    enabled: boolean;
    /** Prefix of the branches fix pull requests are opened from. */
    branchPrefix: string;
  };
  notifications: {
    /** Notify owners when a result regresses (needs the notifications plugin). */
    enabled: boolean;
  };
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 15 },
  initialDelay: { minutes: 1 },
};

const DEFAULT_RETENTION_DAYS = 180;
const DEFAULT_MAX_SCANS_PER_ENTITY = 100;

const DEFAULT_WAIVER_MAX_DAYS = 90;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function positiveInt(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `goBuildPolicy.${key} must be a positive integer, got ${value}`,
    );
  }
  return value;
}

function readPolicy(config: Config | undefined): PolicySettings {
  const rules: NonNullable<PolicySettings['rules']> = {};
  const rulesConfig = config?.getOptionalConfig('rules');
  for (const id of rulesConfig?.keys() ?? []) {
    const rule = rulesConfig!.getConfig(id);
    const severity = rule.getOptionalString('severity');
    if (severity !== undefined && !SEVERITIES.includes(severity as Severity)) {
      throw new Error(
        `goBuildPolicy.policy.rules.${id}.severity must be one of ${SEVERITIES.join(
          ', ',
        )}`,
      );
    }
    const enabled = rule.getOptionalBoolean('enabled');
    rules[id] = {
      ...(enabled !== undefined ? { enabled } : {}),
      ...(severity ? { severity: severity as Severity } : {}),
    };
  }
  return {
    rules,
    privateModules: config?.getOptionalStringArray('privateModules') ?? [],
  };
}

/** Reads and checks `goBuildPolicy`; a wrong value stops the plugin with a clear message. */
export function readPluginConfig(root: Config): PluginConfig {
  const config = root.getOptionalConfig('goBuildPolicy');
  const share = config?.getOptionalNumber('rateLimit.share') ?? 0.5;
  if (!(share > 0 && share <= 1)) {
    throw new Error(
      `goBuildPolicy.rateLimit.share must be in (0, 1], got ${share}`,
    );
  }
  const scheduleConfig = config?.getOptionalConfig('schedule');
  const entities = config?.getOptionalConfig('entities');
  const retentionDays = config?.getOptionalNumber('retention.days');
  const maxScans = config?.getOptionalNumber('retention.maxScansPerEntity');
  return {
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE,
    concurrency: positiveInt(config, 'concurrency', 4),
    pollIntervalSeconds: positiveInt(config, 'queue.pollIntervalSeconds', 10),
    leaseMs: positiveInt(config, 'queue.leaseSeconds', 900) * 1000,
    maxAttempts: positiveInt(config, 'queue.maxAttempts', 5),
    entities: {
      kinds:
        entities?.getOptionalStringArray('kinds') ??
        DEFAULT_ENTITY_FILTERS.kinds,
      types: entities?.getOptionalStringArray('types'),
      tags: entities?.getOptionalStringArray('tags'),
      lifecycles: entities?.getOptionalStringArray('lifecycles'),
    },
    rateLimitShare: share,
    retention: {
      days: retentionDays ?? DEFAULT_RETENTION_DAYS,
      maxScansPerEntity: maxScans ?? DEFAULT_MAX_SCANS_PER_ENTITY,
    },
    webhookSecret: config?.getOptionalString('webhook.secret') || undefined,
    policy: readPolicy(config?.getOptionalConfig('policy')),
    learnPrivateModules:
      config?.getOptionalBoolean('policy.learnPrivateModules') ?? false,
    waivers: {
      maxDays: positiveInt(config, 'waivers.maxDays', DEFAULT_WAIVER_MAX_DAYS),
    },
    pullRequests: {
      enabled: config?.getOptionalBoolean('pullRequests.enabled') ?? false,
      branchPrefix:
        config?.getOptionalString('pullRequests.branchPrefix') ||
        'go-build-policy/',
    },
    notifications: {
      enabled: config?.getOptionalBoolean('notifications.enabled') ?? true,
    },
  };
}
