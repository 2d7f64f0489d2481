import {
  Capabilities,
  CreateWaiverRequest,
  EntityResult,
  FixPullRequest,
  FixSuggestion,
  TriagePage,
  TriageRow,
  Waiver,
  WaiverPage,
  WaiverQuery,
} from '../api/types';

const DAY_MS = 24 * 3600 * 1000;

/** An ISO time `days` from now (negative: in the past), so relative texts are stable. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString();
}

export const capabilities: Capabilities = {
  waivers: { maxDays: 90 },
  pullRequests: { enabled: true },
};

export function waiver(overrides: Partial<Waiver> = {}): Waiver {
  return {
    id: 'w-1',
    entityRef: 'component:default/payments-api',
    ruleId: 'docker-mod-download-layer',
    reason: 'Base image rebuild scheduled with the platform team',
    expiresAt: daysFromNow(12.5),
    createdBy: 'user:default/jane',
    createdAt: daysFromNow(-3.5),
    state: 'active',
    ...overrides,
  };
}

export function createdWaiver(
  entityRef: string,
  request: CreateWaiverRequest,
): Waiver {
  return waiver({
    ...request,
    entityRef,
    id: 'w-new',
    createdAt: daysFromNow(0),
  });
}

export const dockerFix: FixSuggestion = {
  title: 'Download modules in their own layer',
  description:
    'Copies **go.mod** and go.sum first, so the module layer is cached.',
  files: [
    {
      path: 'build/Dockerfile',
      diff: [
        '--- a/build/Dockerfile',
        '+++ b/build/Dockerfile',
        '@@ -5,3 +5,5 @@ FROM golang:1.22',
        ' WORKDIR /src',
        '-COPY . .',
        '+COPY go.mod go.sum ./',
        '+RUN go mod download',
        '+COPY . .',
        '',
      ].join('\n'),
    },
    {
      path: '.dockerignore',
      created: true,
      diff: '--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1 @@\n+.git\n',
    },
  ],
};

export function pullRequest(
  overrides: Partial<FixPullRequest> = {},
): FixPullRequest {
  return {
    entityRef: 'component:default/payments-api',
    ruleId: 'docker-mod-download-layer',
    number: 42,
    url: 'https://github.com/acme/payments-api/pull/42',
    branch: 'go-build-policy/docker-mod-download-layer',
    baseCommit: 'abc',
    state: 'open',
    createdBy: 'user:default/jane',
    createdAt: daysFromNow(-1),
    ...overrides,
  };
}

/** The failing finding of `result`, with triage attached. */
export function withTriage(
  result: EntityResult,
  triage: Partial<EntityResult['findings'][number]>,
): EntityResult {
  return {
    ...result,
    findings: result.findings.map(f =>
      f.status === 'fail' ? { ...f, ...triage } : f,
    ),
  };
}

export function triageRow(
  name: string,
  overrides: Partial<TriageRow> = {},
): TriageRow {
  const entityRef = `component:default/${name}`;
  return {
    entityRef,
    entity: {
      entityRef,
      kind: 'Component',
      owner: 'group:default/payments',
    },
    score: 55,
    rawScore: 55,
    level: 'needs-work',
    worstSeverity: 'error',
    failingSince: daysFromNow(-10.5),
    failingRules: [
      {
        ruleId: 'docker-mod-download-layer',
        severity: 'error',
        status: 'fail',
        failingSince: daysFromNow(-10.5),
      },
    ],
    waiverState: 'none',
    stale: false,
    ...overrides,
  };
}

/** In the server's order (worst severity, then longest failing), not alphabetical. */
export const triageRows: TriageRow[] = [
  triageRow('zeta-api'),
  triageRow('alpha-api', {
    score: 82,
    rawScore: 70,
    level: 'bronze',
    worstSeverity: 'warning',
    failingSince: daysFromNow(-2.5),
    waiverState: 'partial',
    failingRules: [
      {
        ruleId: 'docker-mod-download-layer',
        severity: 'error',
        status: 'fail',
        waiver: { id: 'w-1', expiresAt: daysFromNow(12.5) },
      },
      { ruleId: 'ci-module-cache', severity: 'warning', status: 'fail' },
    ],
  }),
];

export function pageOf<T>(
  items: T[],
  query: { limit?: number; offset?: number } = {},
): { items: T[]; total: number; limit: number; offset: number } {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  return {
    items: items.slice(offset, offset + limit),
    total: items.length,
    limit,
    offset,
  };
}

export function triagePage(
  query: { limit?: number; offset?: number } = {},
): TriagePage {
  return pageOf(triageRows, query);
}

export const orgWaivers: WaiverPage['items'] = [
  {
    ...waiver(),
    entity: {
      entityRef: 'component:default/payments-api',
      kind: 'Component',
      owner: 'group:default/payments',
    },
  },
  {
    ...waiver({
      id: 'w-2',
      entityRef: 'component:default/ledger',
      ruleId: 'ci-module-cache',
      reason: 'CI moves to the new runners',
      expiresAt: daysFromNow(-5),
      state: 'expired',
    }),
    entity: {
      entityRef: 'component:default/ledger',
      kind: 'Component',
      title: 'Ledger',
      owner: 'group:default/payments',
    },
  },
];

/** The org waivers the state and expiry filters select, as the server pages them. */
export function waiverPage(query: WaiverQuery = {}): WaiverPage {
  const selected = orgWaivers.filter(
    w =>
      (!query.state?.length || query.state.includes(w.state)) &&
      (!query.expiresBefore || w.expiresAt < query.expiresBefore),
  );
  return pageOf(selected, query);
}
