import { Entity } from '@backstage/catalog-model';
import { Finding, RULES } from '@go-build-policy/plugin-go-build-policy-common';
import { GoBuildPolicyApi } from '../api/GoBuildPolicyApi';
import {
  EntityResult,
  HistoryEntry,
  RepositoryRow,
  Summary,
} from '../api/types';
import {
  capabilities,
  createdWaiver,
  pullRequest,
  triagePage,
  waiver,
  waiverPage,
} from './triageFixtures';

export const SHA = '3f1c2a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39';

export const goEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: { 'github.com/project-slug': 'acme/payments-api' },
  },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

export const entityWithoutSource: Entity = {
  ...goEntity,
  metadata: { name: 'no-source', annotations: {} },
};

const failingDockerLayer: Finding = {
  ruleId: 'docker-mod-download-layer',
  status: 'fail',
  severity: 'error',
  message: 'Dockerfile copies the whole source before `go mod download`',
  locations: [{ path: 'build/Dockerfile', startLine: 7, endLine: 9 }],
  remediation:
    'Copy the module files first:\n\n```dockerfile\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n```\n',
};

const passingModuleCache: Finding = {
  ruleId: 'ci-module-cache',
  status: 'pass',
  severity: 'warning',
  message: 'Every Go job restores the module cache',
  locations: [{ path: '.github/workflows/ci.yml', startLine: 12, endLine: 12 }],
  remediation: 'Nothing to do.',
};

/** A scored result, on github.com, at SHA. */
export function scoredResult(
  overrides: Partial<EntityResult> = {},
): EntityResult {
  return {
    entityRef: 'component:default/payments-api',
    state: 'ok',
    stale: false,
    score: 72,
    rawScore: 72,
    level: 'bronze',
    categories: {
      ci: { score: 90, earned: 9, possible: 10 },
      docker: { score: 40, earned: 4, possible: 10 },
    },
    failingRuleIds: ['docker-mod-download-layer'],
    waivedRuleIds: [],
    worstSeverity: 'error',
    findings: [passingModuleCache, failingDockerLayer],
    commit: SHA,
    repository: {
      host: 'github.com',
      owner: 'acme',
      name: 'payments-api',
      defaultBranch: 'main',
      commitSha: SHA,
    },
    scannedAt: '2026-11-27T10:00:00.000Z',
    checkedAt: '2026-11-28T10:00:00.000Z',
    ...overrides,
  };
}

export function bareResult(overrides: Partial<EntityResult>): EntityResult {
  return {
    entityRef: 'component:default/payments-api',
    state: 'never-scanned',
    stale: false,
    findings: [],
    failingRuleIds: [],
    waivedRuleIds: [],
    ...overrides,
  };
}

export const history: HistoryEntry[] = [
  {
    scanId: '2',
    commitSha: SHA,
    scannedAt: '2026-11-27T10:00:00.000Z',
    score: 72,
    rawScore: 72,
    level: 'bronze',
    failingRuleIds: ['docker-mod-download-layer'],
  },
  {
    scanId: '1',
    commitSha: 'aaaa',
    scannedAt: '2026-11-20T10:00:00.000Z',
    score: 55,
    rawScore: 55,
    level: 'needs-work',
    failingRuleIds: [],
  },
];

export function row(name: string, owner: string, score: number): RepositoryRow {
  return {
    entityRef: `component:default/${name}`,
    entity: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      owner: `group:default/${owner}`,
      system: 'system:default/billing',
    },
    state: 'ok',
    stale: false,
    repository: { host: 'github.com', owner: 'acme', name },
    commit: SHA,
    score,
    rawScore: score,
    level: score >= 90 ? 'gold' : 'needs-work',
    worstSeverity: score >= 90 ? undefined : 'error',
    failingCount: score >= 90 ? 0 : 1,
    failingRuleIds: score >= 90 ? [] : ['docker-mod-download-layer'],
    scannedAt: '2026-11-27T10:00:00.000Z',
  };
}

export const summary: Summary = {
  entities: 3,
  scored: 3,
  compliant: 1,
  compliantShare: 1 / 3,
  averageScore: 70.4,
  stale: 0,
  levels: { gold: 1, 'needs-work': 2 },
  states: { ok: 3 },
  trend: [
    { day: '2026-11-26', averageScore: 60, scans: 3 },
    { day: '2026-11-27', averageScore: 70.4, scans: 3 },
  ],
};

/**
 * An in-memory API over a few rows, with the owner filter, text search and paging done
 * "server-side" as the backend does, and every call recorded as a jest mock.
 */
export function createFakeApi(
  overrides: Partial<GoBuildPolicyApi> = {},
  rows: RepositoryRow[] = [
    row('payments-api', 'payments', 55),
    row('ledger', 'payments', 96),
    row('search', 'discovery', 60),
  ],
): jest.Mocked<GoBuildPolicyApi> {
  const select = (filter: { owner?: string[]; q?: string } = {}) =>
    rows.filter(
      r =>
        (!filter.owner?.length || filter.owner.includes(r.entity.owner!)) &&
        (!filter.q || r.entityRef.includes(filter.q.toLocaleLowerCase())),
    );
  const api: GoBuildPolicyApi = {
    getEntityResult: async () => scoredResult(),
    getHistory: async () => history,
    requestRescan: async () => undefined,
    getRules: async () => [...RULES],
    getSummary: async () => summary,
    listRepositories: async (query = {}) => {
      const selected = select(query);
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      return {
        items: selected.slice(offset, offset + limit),
        total: selected.length,
        limit,
        offset,
      };
    },
    getGroups: async (dimension, filter) => {
      if (dimension === 'rule') {
        return [
          {
            key: 'docker-mod-download-layer',
            total: 3,
            scored: 3,
            compliant: 1,
            failing: 2,
            failingShare: 2 / 3,
            averageScore: null,
          },
        ];
      }
      const keys = [
        ...new Set(
          select(filter).map(r =>
            dimension === 'owner' ? r.entity.owner! : r.entity.system!,
          ),
        ),
      ];
      return keys.map(key => ({
        key,
        total: select({
          ...filter,
          owner: dimension === 'owner' ? [key] : filter?.owner,
        }).length,
        scored: 1,
        compliant: 0,
        failing: 1,
        failingShare: 1,
        averageScore: 57.5,
      }));
    },
    exportRepositories: async () => new Blob(['entityRef,score\n']),
    getCapabilities: async () => capabilities,
    listEntityWaivers: async () => [],
    createWaiver: async (entityRef, request) =>
      createdWaiver(entityRef, request),
    revokeWaiver: async (entityRef, waiverId) =>
      waiver({ entityRef, id: waiverId, state: 'revoked' }),
    listWaivers: async query => waiverPage(query),
    getTriage: async query => triagePage(query),
    openFixPullRequest: async (entityRef, ruleId) =>
      pullRequest({ entityRef, ruleId }),
    ...overrides,
  };
  // Every method becomes a jest mock that still runs the fake, so calls can be asserted.
  const mocked: Record<string, jest.Mock> = {};
  for (const [key, method] of Object.entries(api)) {
    mocked[key] = jest.fn(method as (...args: unknown[]) => unknown);
  }
  return mocked as unknown as jest.Mocked<GoBuildPolicyApi>;
}
