import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  getRuleMetadata,
  goBuildPolicyReadPermission,
  RuleMetadata,
  RULES,
} from '@go-build-policy/plugin-go-build-policy-common';
import { ScanStore } from '../database/ScanStore';
import { authorizeOrThrow } from '../permissions';
import {
  failingRuleSchema,
  levelSchema,
  severitySchema,
  stateSchema,
} from './schemas';

export interface RegisterActionsOptions {
  actionsRegistry: ActionsRegistryService;
  store: ScanStore;
  permissions: PermissionsService;
  /** Rules besides the built-in ones (from the rules extension point). */
  extraRules?: () => readonly RuleMetadata[];
}

/** Registers the plugin's actions (reachable by MCP clients through the actions registry). */
export function registerActions(options: RegisterActionsOptions): void {
  const { actionsRegistry, store, permissions } = options;
  const allRules = () => {
    const builtIn = new Set(RULES.map(r => r.id));
    const extra = (options.extraRules?.() ?? []).filter(
      r => !builtIn.has(r.id),
    );
    return [...RULES, ...extra];
  };
  const titleOf = (ruleId: string) =>
    getRuleMetadata(ruleId)?.title ??
    options.extraRules?.().find(r => r.id === ruleId)?.title;

  actionsRegistry.register({
    name: 'get-entity-compliance',
    title: 'Go build policy compliance of an entity',
    description:
      'The latest go-build-policy result of a catalog entity: score (0-100), level, whether it is stale, and each failing or warning rule with its message, locations and remediation.',
    visibilityPermission: goBuildPolicyReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe('Entity ref, e.g. component:default/payments'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          state: stateSchema(z),
          score: z.number().optional(),
          level: levelSchema(z).optional(),
          stale: z.boolean(),
          staleReason: z.string().optional(),
          scannedAt: z.string().optional(),
          commit: z.string().optional(),
          failingRules: z.array(failingRuleSchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeOrThrow(
        permissions,
        goBuildPolicyReadPermission,
        credentials,
      );
      const entityRef = input.entityRef.trim().toLocaleLowerCase('en-US');
      const result = await store.getEntityResult(entityRef);
      if (!result) {
        return {
          output: {
            entityRef,
            state: 'never-scanned' as const,
            stale: false,
            failingRules: [],
          },
        };
      }
      const failingRules = result.findings
        .filter(
          f =>
            f.status === 'fail' || f.status === 'error' || f.status === 'warn',
        )
        .map(f => ({
          ruleId: f.ruleId,
          title: titleOf(f.ruleId),
          status: f.status as 'fail' | 'error' | 'warn',
          severity: f.severity,
          message: f.message,
          remediation: f.remediation,
          locations: f.locations,
        }));
      return {
        output: {
          entityRef: result.entity.entityRef,
          state: result.state,
          score: result.score,
          level: result.level,
          stale: result.stale,
          staleReason: result.staleReason,
          scannedAt: result.scannedAt?.toISOString(),
          commit: result.repository?.commitSha || undefined,
          failingRules,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-noncompliant-repositories',
    title: 'Go repositories of an owner below the policy',
    description:
      'Repositories owned by a group or user whose go-build-policy level is below silver (bronze or needs-work), worst score first, with their failing rules.',
    visibilityPermission: goBuildPolicyReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .min(1)
            .describe('Owner entity ref, e.g. group:default/team-a'),
          limit: z.number().int().min(1).max(500).optional(),
        }),
      output: z =>
        z.object({
          owner: z.string(),
          total: z.number(),
          repositories: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              score: z.number().optional(),
              level: levelSchema(z).optional(),
              worstSeverity: severitySchema(z).optional(),
              failingRuleIds: z.array(z.string()),
              stale: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeOrThrow(
        permissions,
        goBuildPolicyReadPermission,
        credentials,
      );
      const owner = input.owner.trim().toLocaleLowerCase('en-US');
      const page = await store.listRepositories({
        owner: [owner],
        level: ['bronze', 'needs-work'],
        sort: 'score',
        order: 'asc',
        limit: input.limit ?? 100,
      });
      return {
        output: {
          owner,
          total: page.total,
          repositories: page.items.map(row => ({
            entityRef: row.entity.entityRef,
            title: row.entity.title,
            score: row.score,
            level: row.level,
            worstSeverity: row.worstSeverity,
            failingRuleIds: row.failingRuleIds,
            stale: row.stale,
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-rules',
    title: 'Go build policy rules',
    description:
      'Every rule of the go build policy: id, category, default severity, title, why it exists, when it passes, fails or does not apply, and how to fix it.',
    visibilityPermission: goBuildPolicyReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          rules: z.array(
            z.object({
              id: z.string(),
              category: z.string(),
              defaultSeverity: severitySchema(z),
              title: z.string(),
              rationale: z.string(),
              passWhen: z.string(),
              failWhen: z.string(),
              notApplicableWhen: z.string(),
              remediation: z.string(),
            }),
          ),
        }),
    },
    action: async ({ credentials }) => {
      await authorizeOrThrow(
        permissions,
        goBuildPolicyReadPermission,
        credentials,
      );
      return { output: { rules: allRules().map(r => ({ ...r })) } };
    },
  });
}
