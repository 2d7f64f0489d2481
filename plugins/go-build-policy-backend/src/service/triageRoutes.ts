import type {
  TriagePage,
  TriageRow,
} from '@go-build-policy/plugin-go-build-policy-common';
import express from 'express';
import { z } from 'zod';
import { ScanStore, TriageEntry } from '../database/ScanStore';
import { filterSchema, parseInput } from './validation';

/** GET /triage's query: the scorecard filters and a page. */
export const triageQuerySchema = filterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});

/** The API's shape of a triage entry (dates as ISO strings). */
export function triageRowResponse(entry: TriageEntry): TriageRow {
  return {
    entityRef: entry.entity.entityRef,
    entity: entry.entity,
    repository: entry.repository,
    score: entry.score,
    rawScore: entry.rawScore,
    level: entry.level,
    worstSeverity: entry.worstSeverity,
    failingSince: entry.failingSince.toISOString(),
    failingRules: entry.failingRules.map(rule => ({
      ruleId: rule.ruleId,
      severity: rule.severity,
      status: rule.status,
      failingSince: rule.failingSince?.toISOString(),
      waiver: rule.waiver && {
        id: rule.waiver.id,
        expiresAt: rule.waiver.expiresAt.toISOString(),
      },
    })),
    waiverState: entry.waiverState,
    stale: entry.stale,
    scannedAt: entry.scannedAt?.toISOString(),
  };
}

/**
 * Mounts GET /triage: the noncompliant services, worst first. `canRead` checks the read
 * permission (and throws when it is missing).
 */
export function addTriageRoutes(
  router: express.Router,
  options: {
    store: ScanStore;
    canRead: (req: express.Request) => Promise<void>;
  },
) {
  const { store, canRead } = options;
  router.get('/triage', async (req, res) => {
    await canRead(req);
    const query = parseInput(triageQuerySchema, req.query, 'query');
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const page = await store.listTriage({ ...query, limit, offset });
    const body: TriagePage = {
      items: page.items.map(triageRowResponse),
      total: page.total,
      limit,
      offset,
    };
    res.json(body);
  });
}
