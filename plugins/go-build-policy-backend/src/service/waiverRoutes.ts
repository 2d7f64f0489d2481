import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import {
  goBuildPolicyWaiverCreatePermission,
  goBuildPolicyWaiverDeletePermission,
  Waiver,
  WaiverList,
  WaiverPage,
  WaiverState,
} from '@go-build-policy/plugin-go-build-policy-common';
import express from 'express';
import { z } from 'zod';
import { WaiverRecord, WaiverStore } from '../database/WaiverStore';
import { authorizeResourceOrThrow } from '../permissions';
import { entityRefFromParams, filterSchema, parseInput } from './validation';

const DAY_MS = 86_400_000;
const WAIVER_STATES = ['active', 'expired', 'revoked'] as const;

type AuditMeta = NonNullable<AuditorServiceCreateEventOptions['meta']>;
type Credentials = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

/** The API's shape of a waiver (dates as ISO strings). */
export function waiverResponse(waiver: WaiverRecord): Waiver {
  return {
    id: waiver.id,
    entityRef: waiver.entityRef,
    ruleId: waiver.ruleId,
    reason: waiver.reason,
    expiresAt: waiver.expiresAt.toISOString(),
    createdBy: waiver.createdBy,
    createdAt: waiver.createdAt.toISOString(),
    revokedBy: waiver.revokedBy,
    revokedAt: waiver.revokedAt?.toISOString(),
    state: waiver.state,
  };
}

const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-12-31T00:00:00Z',
});

/** POST /entities/…/waivers; the rule and the dates are checked afterwards, with context. */
export const createWaiverBodySchema = z.object({
  ruleId: z.string().trim().min(1).max(128),
  reason: z
    .string()
    .trim()
    .min(1, 'must say why the rule is waived')
    .max(2000, 'must be at most 2000 characters'),
  expiresAt: isoDateTime,
});

/** GET /waivers: the scorecard filters, states, a horizon and a page. */
export const waiverQuerySchema = filterSchema.extend({
  state: z.preprocess(
    value =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value])
            .flatMap(v => (typeof v === 'string' ? v.split(',') : [v]))
            .map(v => (typeof v === 'string' ? v.trim() : v))
            .filter(v => v !== ''),
    z.array(z.enum(WAIVER_STATES)).max(3).optional(),
  ),
  expiresBefore: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});

const waiverParamsSchema = z.object({
  waiverId: z.string().min(1).max(64),
});

export interface WaiverRouteOptions {
  /** Absent in routers built without a database: the routes answer 503. */
  waivers?: { store: WaiverStore; auditor: AuditorService };
  permissions: PermissionsService;
  authenticate: (req: express.Request) => Promise<Credentials>;
  canRead: (req: express.Request) => Promise<void>;
  /** Who acts: the user entity ref, or `service <subject>`. */
  principalName: (credentials: Credentials) => string;
  /** Longest a waiver may last (app-config `goBuildPolicy.waivers.maxDays`). */
  maxDays: number;
  /** Built-in and extension rule ids. */
  isKnownRule: (ruleId: string) => boolean;
}

/** Checks what the schema cannot: a rule the policy runs, and the waiver's lifetime. */
function validateWaiver(
  body: unknown,
  options: Pick<WaiverRouteOptions, 'maxDays' | 'isKnownRule'>,
  now: Date,
) {
  const input = parseInput(createWaiverBodySchema, body, 'waiver');
  if (!options.isKnownRule(input.ruleId)) {
    throw new InputError(
      `Invalid waiver: unknown rule "${input.ruleId}" (see GET /rules)`,
    );
  }
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new InputError('Invalid waiver: expiresAt must be in the future');
  }
  if (expiresAt.getTime() > now.getTime() + options.maxDays * DAY_MS) {
    throw new InputError(
      `Invalid waiver: expiresAt must be at most ${options.maxDays} days from now`,
    );
  }
  return { ...input, expiresAt };
}

/** A string field of an untrusted body, for the audit trail (bounded). */
function auditText(body: unknown, key: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 2000) : undefined;
}

/**
 * Runs a waiver change as an audit event: denied, invalid and conflicting attempts are
 * recorded as failures, with the error.
 */
async function audited(
  auditor: AuditorService,
  req: express.Request,
  eventId: 'waiver-create' | 'waiver-revoke',
  meta: AuditMeta,
  change: () => Promise<WaiverRecord>,
): Promise<WaiverRecord> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request: req,
    meta,
  });
  try {
    const waiver = await change();
    await event.success({
      meta: {
        entityRef: waiver.entityRef,
        ruleId: waiver.ruleId,
        waiverId: waiver.id,
        expiresAt: waiver.expiresAt.toISOString(),
        reason: waiver.reason,
      },
    });
    return waiver;
  } catch (error) {
    await event.fail({ error: toError(error), meta });
    throw error;
  }
}

/** Mounts the waiver routes on the plugin's router (listed in API_ROUTES). */
export function addWaiverRoutes(
  router: express.Router,
  options: WaiverRouteOptions,
) {
  const { permissions, authenticate, canRead, principalName } = options;
  const waivers = () => {
    if (!options.waivers) {
      throw new ServiceUnavailableError('Waivers are not set up');
    }
    return options.waivers;
  };

  router.get('/entities/:kind/:namespace/:name/waivers', async (req, res) => {
    await canRead(req);
    const entityRef = entityRefFromParams(req.params);
    const items = await waivers().store.listForEntity(entityRef);
    const body: WaiverList = { items: items.map(waiverResponse) };
    res.json(body);
  });

  router.post(
    '/entities/:kind/:namespace/:name/waivers',
    express.json({ limit: '64kb' }),
    async (req, res) => {
      const { store, auditor } = waivers();
      const credentials = await authenticate(req);
      const entityRef = entityRefFromParams(req.params);
      const meta = {
        entityRef,
        ruleId: auditText(req.body, 'ruleId'),
        expiresAt: auditText(req.body, 'expiresAt'),
        reason: auditText(req.body, 'reason'),
      };
      const waiver = await audited(
        auditor,
        req,
        'waiver-create',
        meta,
        async () => {
          await authorizeResourceOrThrow(
            permissions,
            goBuildPolicyWaiverCreatePermission,
            entityRef,
            credentials,
          );
          const input = validateWaiver(req.body, options, new Date());
          const result = await store.createWaiver({
            entityRef,
            ...input,
            createdBy: principalName(credentials),
          });
          if (result.outcome === 'unknown-entity') {
            throw new NotFoundError(
              `${entityRef} has no scan result: there is nothing to waive yet`,
            );
          }
          if (result.outcome === 'already-waived') {
            throw new ConflictError(
              `${input.ruleId} is already waived for ${entityRef} until ` +
                `${result.active.expiresAt.toISOString()} (waiver ${
                  result.active.id
                }); revoke it first`,
            );
          }
          return result.waiver;
        },
      );
      res.status(201).json(waiverResponse(waiver));
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/waivers/:waiverId',
    async (req, res) => {
      const { store, auditor } = waivers();
      const credentials = await authenticate(req);
      const entityRef = entityRefFromParams(req.params);
      const { waiverId } = parseInput(waiverParamsSchema, req.params, 'path');
      const waiver = await audited(
        auditor,
        req,
        'waiver-revoke',
        { entityRef, waiverId },
        async () => {
          await authorizeResourceOrThrow(
            permissions,
            goBuildPolicyWaiverDeletePermission,
            entityRef,
            credentials,
          );
          const result = await store.revokeWaiver(
            entityRef,
            waiverId,
            principalName(credentials),
          );
          if (result.outcome === 'not-found') {
            throw new NotFoundError(`No waiver ${waiverId} for ${entityRef}`);
          }
          if (result.outcome === 'not-active') {
            throw new ConflictError(
              `Waiver ${waiverId} is already ${result.waiver.state}`,
            );
          }
          return result.waiver;
        },
      );
      res.json(waiverResponse(waiver));
    },
  );

  router.get('/waivers', async (req, res) => {
    await canRead(req);
    const query = parseInput(waiverQuerySchema, req.query, 'query');
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const page = await waivers().store.listWaivers({
      ...query,
      state: query.state as WaiverState[] | undefined,
      expiresBefore: query.expiresBefore
        ? new Date(query.expiresBefore)
        : undefined,
      limit,
      offset,
    });
    const body: WaiverPage = {
      items: page.items.map(item => ({
        ...waiverResponse(item),
        entity: item.entity,
      })),
      total: page.total,
      limit,
      offset,
    };
    res.json(body);
  });
}
