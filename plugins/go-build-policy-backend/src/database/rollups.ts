import {
  ComplianceLevel,
  LEVELS,
} from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import {
  DailyAverage,
  ENTITY_SCAN_STATES,
  EntityScanState,
  GroupDimension,
  GroupRow,
  RepositoryFilter,
  Summary,
} from './ScanStore';
import { applyRepositoryFilter } from './filters';
import { DAY_MS, TABLES } from './rows';

const E = TABLES.entities;

const COMPLIANT_LEVELS: ComplianceLevel[] = ['gold', 'silver'];

function hasFilter(filter: RepositoryFilter): boolean {
  return Object.values(filter).some(v =>
    Array.isArray(v) ? v.length > 0 : Boolean(v),
  );
}

function toGroupRow(row: Record<string, unknown>): GroupRow {
  const scored = Number(row.scored ?? 0);
  const failing = Number(row.failing ?? 0);
  const average = row.average_score;
  return {
    key: (row.key as string | null) ?? null,
    total: Number(row.total ?? 0),
    scored,
    compliant: Number(row.compliant ?? 0),
    failing,
    failingShare: scored === 0 ? 0 : failing / scored,
    averageScore:
      average === null || average === undefined
        ? null
        : Math.round(Number(average) * 10) / 10,
  };
}

/**
 * Roll-up by owner, system or domain (one row per value, entities without one under a
 * null key), or by rule: for a rule, `scored` counts entities where it applies,
 * `compliant` those passing it, `failing` those failing it (fail or error), and the
 * average is the score of the entities where it applies.
 */
export async function getGroups(
  db: Knex,
  dimension: GroupDimension,
  filter: RepositoryFilter,
): Promise<GroupRow[]> {
  if (dimension === 'rule') return getRuleGroups(db, filter);
  const column = `${E}.${dimension}`;
  const query = db(E)
    .select(
      db.raw(`${column} as ??`, ['key']),
      db.raw('count(*) as total'),
      db.raw(`count(${E}.score) as scored`),
      db.raw(
        `sum(case when ${E}.level in (?, ?) then 1 else 0 end) as compliant`,
        COMPLIANT_LEVELS,
      ),
      db.raw(
        `sum(case when ${E}.score is not null and ${E}.failing_count > 0 then 1 else 0 end) as failing`,
      ),
      db.raw(`avg(${E}.score) as average_score`),
    )
    .groupBy(column)
    .orderByRaw(`case when ?? is null then 1 else 0 end`, [column])
    .orderBy(column, 'asc');
  applyRepositoryFilter(query, filter);
  const rows = await query;
  return rows.map(toGroupRow);
}

async function getRuleGroups(
  db: Knex,
  filter: RepositoryFilter,
): Promise<GroupRow[]> {
  const R = TABLES.ruleResults;
  // Unfiltered, the tallies kept beside the rule results hold the same sums.
  const rows: Array<Record<string, unknown>> = hasFilter(filter)
    ? await applyRepositoryFilter(
        db(R)
          .join(E, `${E}.entity_ref`, `${R}.entity_ref`)
          .select(
            `${R}.rule_id`,
            `${R}.status`,
            db.raw('count(*) as entities'),
            db.raw(`sum(${R}.entity_score) as score_sum`),
          )
          .groupBy(`${R}.rule_id`, `${R}.status`),
        filter,
      )
    : await db(TABLES.ruleTallies)
        .select('rule_id', 'status', 'entities', 'score_sum')
        .where('entities', '>', 0);

  const byRule = new Map<
    string,
    {
      total: number;
      scored: number;
      compliant: number;
      failing: number;
      scoreSum: number;
    }
  >();
  for (const row of rows) {
    const ruleId = row.rule_id as string;
    const status = row.status as string;
    const entities = Number(row.entities);
    const group = byRule.get(ruleId) ?? {
      total: 0,
      scored: 0,
      compliant: 0,
      failing: 0,
      scoreSum: 0,
    };
    group.total += entities;
    if (status !== 'not-applicable') {
      group.scored += entities;
      group.scoreSum += Number(row.score_sum ?? 0);
    }
    if (status === 'pass') group.compliant += entities;
    if (status === 'fail' || status === 'error') group.failing += entities;
    byRule.set(ruleId, group);
  }
  return [...byRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) =>
      toGroupRow({
        key,
        total: g.total,
        scored: g.scored,
        compliant: g.compliant,
        failing: g.failing,
        average_score: g.scored ? g.scoreSum / g.scored : null,
      }),
    );
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map(k => [k, 0])) as Record<K, number>;
}

/**
 * Daily mean score of the scans finished in the window, oldest day first. Unfiltered, it
 * reads the daily tallies; filtered, the history of the selected entities.
 */
async function getTrend(
  db: Knex,
  filter: RepositoryFilter,
  sinceDay: number,
): Promise<DailyAverage[]> {
  let rows: Array<Record<string, unknown>>;
  if (!hasFilter(filter)) {
    rows = await db(TABLES.dailyScores)
      .select(
        'day',
        'scans',
        db.raw('cast(score_sum as float) / scans as average_score'),
      )
      .where('day', '>=', sinceDay)
      .orderBy('day');
  } else {
    const S = TABLES.scans;
    const query = db(S)
      .join(E, `${E}.entity_ref`, `${S}.entity_ref`)
      .select(
        db.raw(`(${S}.finished_at / ${DAY_MS}) as day`),
        db.raw(`avg(${S}.score) as average_score`),
        db.raw('count(*) as scans'),
      )
      .where(`${S}.finished_at`, '>=', sinceDay * DAY_MS)
      .groupByRaw(`(${S}.finished_at / ${DAY_MS})`)
      .orderBy('day');
    rows = await applyRepositoryFilter(query, filter);
  }
  return rows.map(row => ({
    day: new Date(Math.floor(Number(row.day)) * DAY_MS)
      .toISOString()
      .slice(0, 10),
    averageScore: Math.round(Number(row.average_score) * 10) / 10,
    scans: Number(row.scans),
  }));
}

/** Headline figures over the filtered entities (one pass over them, plus the trend). */
export async function getSummary(
  db: Knex,
  filter: RepositoryFilter,
  options: { trendDays?: number; now?: Date },
): Promise<Summary> {
  const trendDays = Math.min(Math.max(options.trendDays ?? 30, 1), 366);
  const today = Math.floor((options.now ?? new Date()).getTime() / DAY_MS);
  const stateExpression = `coalesce(${E}.activity, ${E}.state)`;
  const groupsQuery = applyRepositoryFilter(
    db(E)
      .select(
        db.raw(`${E}.level as level`),
        db.raw(`${stateExpression} as state`),
        db.raw(`case when ${E}.stale then 1 else 0 end as stale`),
        db.raw('count(*) as entities'),
        db.raw(`count(${E}.score) as scored`),
        db.raw(`sum(${E}.score) as score_sum`),
      )
      .groupByRaw(`${E}.level, ${stateExpression}, ${E}.stale`),
    filter,
  );
  const [groups, trend] = await Promise.all([
    groupsQuery as Promise<Array<Record<string, unknown>>>,
    getTrend(db, filter, today - (trendDays - 1)),
  ]);

  const levels = zeroCounts(LEVELS);
  const states = zeroCounts(ENTITY_SCAN_STATES);
  let entities = 0;
  let scored = 0;
  let scoreSum = 0;
  let stale = 0;
  for (const row of groups) {
    const count = Number(row.entities);
    entities += count;
    scored += Number(row.scored);
    scoreSum += Number(row.score_sum ?? 0);
    if (Number(row.stale)) stale += count;
    const level = row.level as ComplianceLevel | null;
    if (level && level in levels) levels[level] += count;
    const state = row.state as EntityScanState;
    if (state in states) states[state] += count;
  }
  const compliant = COMPLIANT_LEVELS.reduce((sum, l) => sum + levels[l], 0);
  return {
    entities,
    scored,
    compliant,
    compliantShare: scored === 0 ? 0 : compliant / scored,
    averageScore:
      scored === 0 ? null : Math.round((scoreSum / scored) * 10) / 10,
    stale,
    levels,
    states,
    trend,
  };
}
