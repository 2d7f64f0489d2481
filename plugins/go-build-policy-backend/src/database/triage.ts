import {
  ComplianceLevel,
  FindingStatus,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import {
  TriageEntry,
  TriageList,
  TriageQuery,
  TriageRuleEntry,
} from './ScanStore';
import { NONCOMPLIANT_LEVELS } from './failingSince';
import { applyRepositoryFilter } from './filters';
import {
  EntityRow,
  entityInfoFromRow,
  repositoryOfRow,
  SEVERITY_RANK,
  TABLES,
} from './rows';
import { WAIVERS_TABLE, WaiverRow, whereActive } from './waiverRows';

const E = TABLES.entities;
const SEVERITY_BY_RANK = Object.fromEntries(
  Object.entries(SEVERITY_RANK).map(([severity, rank]) => [rank, severity]),
) as Record<number, Severity>;

type TriageEntityRow = EntityRow & {
  failing_since: string | number | null;
  triage_rank: string | number;
};

interface FailingRuleRow {
  entity_ref: string;
  rule_id: string;
  severity: string;
  status: string;
  failing_since: string | number | null;
}

/** Scored, noncompliant entities whose result stands (current, or stale after a failure). */
function noncompliant(db: Knex, query: TriageQuery): Knex.QueryBuilder {
  return applyRepositoryFilter(db(E), query)
    .whereNotNull(`${E}.latest_scan_id`)
    .whereNotNull(`${E}.score`)
    .whereIn(`${E}.level`, NONCOMPLIANT_LEVELS)
    .where(q => q.where(`${E}.state`, 'ok').orWhere(`${E}.stale`, true));
}

/**
 * Selects the worst failing severity that no active waiver covers, as `triage_rank` (0
 * when all are waived). Entities without active waivers, nearly all of them, take the rank
 * stored with their result; the rule results are read, through their primary key, only for
 * the few entities with waivers.
 */
function withUnwaivedRank(
  db: Knex,
  query: Knex.QueryBuilder,
  now: Date,
): Knex.QueryBuilder {
  const R = TABLES.ruleResults;
  const activeWaivers = (alias: string) =>
    whereActive(db(`${WAIVERS_TABLE} as ${alias}`), now, alias);
  const rankCase = `case r.severity ${Object.entries(SEVERITY_RANK)
    .map(([severity, rank]) => `when '${severity}' then ${rank}`)
    .join(' ')} else 0 end`;
  const unwaivedRank = db(`${R} as r`)
    .max(db.raw(rankCase))
    .whereRaw('r.entity_ref = waived_entities.entity_ref')
    .where('r.failing', true)
    .whereNotExists(
      activeWaivers('w')
        .select(db.raw('1'))
        .whereRaw('w.entity_ref = r.entity_ref and w.rule_id = r.rule_id'),
    );
  const waived = db
    .from(activeWaivers('aw').distinct('aw.entity_ref').as('waived_entities'))
    .select(
      'waived_entities.entity_ref',
      db.raw('coalesce(?, 0) as unwaived_rank', [unwaivedRank]),
    );
  return query
    .leftJoin(waived.as('waived'), 'waived.entity_ref', `${E}.entity_ref`)
    .select(
      db.raw(`coalesce(waived.unwaived_rank, ??.??) as triage_rank`, [
        E,
        'worst_severity_rank',
      ]),
    );
}

function toDate(value: string | number | null | undefined): Date | undefined {
  return value === null || value === undefined
    ? undefined
    : new Date(Number(value));
}

/** Failing rules of the page's entities, worst severity first, then longest failing. */
async function failingRulesOf(
  db: Knex,
  entityRefs: string[],
  now: Date,
): Promise<Map<string, TriageRuleEntry[]>> {
  const [rules, waivers] = await Promise.all([
    db(TABLES.ruleResults)
      .whereIn('entity_ref', entityRefs)
      .where('failing', true)
      .select(
        'entity_ref',
        'rule_id',
        'severity',
        'status',
        'failing_since',
      ) as Promise<FailingRuleRow[]>,
    whereActive(
      db(WAIVERS_TABLE).whereIn('entity_ref', entityRefs),
      now,
    ).select('id', 'entity_ref', 'rule_id', 'expires_at') as Promise<
      WaiverRow[]
    >,
  ]);
  const waiverOf = new Map(
    waivers.map(w => [`${w.entity_ref}\u0000${w.rule_id}`, w]),
  );
  const byEntity = new Map<string, TriageRuleEntry[]>();
  for (const row of rules) {
    const waiver = waiverOf.get(`${row.entity_ref}\u0000${row.rule_id}`);
    const entry: TriageRuleEntry = {
      ruleId: row.rule_id,
      severity: row.severity as Severity,
      status: row.status as FindingStatus,
      failingSince: toDate(row.failing_since),
    };
    if (waiver) {
      entry.waiver = {
        id: waiver.id,
        expiresAt: new Date(Number(waiver.expires_at)),
      };
    }
    const list = byEntity.get(row.entity_ref) ?? [];
    list.push(entry);
    byEntity.set(row.entity_ref, list);
  }
  const since = (r: TriageRuleEntry) =>
    r.failingSince?.getTime() ?? Number.MAX_SAFE_INTEGER;
  for (const list of byEntity.values()) {
    list.sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        since(a) - since(b) ||
        a.ruleId.localeCompare(b.ruleId),
    );
  }
  return byEntity;
}

function waiverStateOf(rules: TriageRuleEntry[]): TriageEntry['waiverState'] {
  const waived = rules.filter(r => r.waiver).length;
  if (waived === 0) return 'none';
  return waived === rules.length ? 'all' : 'partial';
}

function triageEntry(
  row: TriageEntityRow,
  failingRules: TriageRuleEntry[],
): TriageEntry {
  const scannedAt = toDate(row.scanned_at);
  return {
    entity: entityInfoFromRow(row),
    repository: repositoryOfRow(row),
    commitSha: row.commit_sha ?? undefined,
    score: row.score ?? undefined,
    rawScore: row.raw_score ?? undefined,
    level: (row.level as ComplianceLevel | null) ?? undefined,
    worstSeverity: SEVERITY_BY_RANK[Number(row.triage_rank)],
    // Before the first scan that recorded it, the result's own time is the best known.
    failingSince: toDate(row.failing_since) ?? scannedAt ?? new Date(0),
    failingRules,
    waiverState: waiverStateOf(failingRules),
    stale: Boolean(row.stale),
    scannedAt,
  };
}

/**
 * The triage queue: noncompliant scored entities (the scorecard filters apply), ordered by
 * the worst failing severity no waiver covers, then longest failing first, then name.
 * Waived rules stay listed, marked with their waiver.
 */
export async function listTriage(
  db: Knex,
  query: TriageQuery,
  now: Date,
): Promise<TriageList> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 1000);
  const offset = Math.max(query.offset ?? 0, 0);
  // The page is ordered over narrow rows (ref and sort keys), then read in full: sorting
  // thousands of whole entity rows costs more than the second query. Count in parallel.
  const [[countRow], page] = await Promise.all([
    noncompliant(db, query).count({ total: '*' }),
    withUnwaivedRank(db, noncompliant(db, query).select(`${E}.entity_ref`), now)
      .orderBy('triage_rank', 'desc')
      .orderByRaw(`coalesce(??, ??) asc`, [
        `${E}.failing_since`,
        `${E}.scanned_at`,
      ])
      .orderBy(`${E}.name`, 'asc')
      .orderBy(`${E}.entity_ref`, 'asc')
      .limit(limit)
      .offset(offset) as Promise<
      Array<{ entity_ref: string; triage_rank: string | number }>
    >,
  ]);
  const refs = page.map(r => r.entity_ref);
  const [rows, rules] = refs.length
    ? await Promise.all([
        db<EntityRow>(E).whereIn('entity_ref', refs) as Promise<EntityRow[]>,
        failingRulesOf(db, refs, now),
      ])
    : [[], new Map<string, TriageRuleEntry[]>()];
  const byRef = new Map(rows.map(row => [row.entity_ref, row]));
  const items: TriageEntry[] = [];
  for (const { entity_ref: ref, triage_rank: rank } of page) {
    const row = byRef.get(ref);
    // Removed between the two reads: the page is one shorter, never wrong.
    if (!row) continue;
    items.push(
      triageEntry(
        { ...row, triage_rank: rank } as TriageEntityRow,
        rules.get(ref) ?? [],
      ),
    );
  }
  return { items, total: Number(countRow?.total ?? 0) };
}
