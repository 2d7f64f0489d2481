import {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Capabilities,
  goBuildPolicyReadPermission,
  goBuildPolicyRescanPermission,
  RuleMetadata,
  RULES,
} from '@go-build-policy/plugin-go-build-policy-common';
import { BUILT_IN_RULES } from '@go-build-policy/plugin-go-build-policy-node';
import express from 'express';
import Router from 'express-promise-router';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { ScanStore } from '../database/ScanStore';
import type { WaiverStore } from '../database/WaiverStore';
import type { ScanRequester } from '../scheduling/ScanRequester';
import { authorizeOrThrow } from '../permissions';
import { csvExport, exportRows, jsonExport } from './exporter';
import { addFixRoutes, FixRoutesOptions } from './fixRoutes';
import { addTriageRoutes } from './triageRoutes';
import { addWaiverRoutes } from './waiverRoutes';
import {
  entityResultResponse,
  historyEntryResponse,
  repositoryRowResponse,
} from './responses';
import {
  entityRefFromParams,
  exportQuerySchema,
  filterSchema,
  groupParamsSchema,
  historyQuerySchema,
  parseInput,
  repositoriesQuerySchema,
  summaryQuerySchema,
} from './validation';

export type { ScanRequester };

/** Built-in rules that propose patches (fix suggestions) for failing repositories. */
const FIXABLE_RULE_IDS = new Set(
  BUILT_IN_RULES.filter(rule => rule.fix).map(rule => rule.id),
);

export interface RouterOptions {
  logger: LoggerService;
  store: ScanStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scanRequester: ScanRequester;
  /** GitHub push webhook; unauthenticated (signature-verified by the handler itself). */
  webhookHandler?: express.RequestHandler;
  /** Rules besides the built-in ones (from the rules extension point). */
  extraRules?: () => readonly RuleMetadata[];
  /** What this installation allows (GET /capabilities). */
  capabilities?: Capabilities;
  /** Waivers and the auditor their changes are recorded with (the routes answer 503 without). */
  waivers?: { store: WaiverStore; auditor: AuditorService };
  /** Fix pull requests: the opener is set only when `pullRequests.enabled` is true. */
  fixes?: Pick<FixRoutesOptions, 'opener' | 'pullRequests' | 'auditor'>;
}

/** The routes of the API, as `METHOD /path` in OpenAPI syntax (checked against the spec). */
export const API_ROUTES = [
  'GET /rules',
  'GET /capabilities',
  'GET /entities/{kind}/{namespace}/{name}',
  'GET /entities/{kind}/{namespace}/{name}/history',
  'POST /entities/{kind}/{namespace}/{name}/rescan',
  'GET /summary',
  'GET /repositories',
  'GET /groups/{dimension}',
  'GET /triage',
  'GET /entities/{kind}/{namespace}/{name}/waivers',
  'POST /entities/{kind}/{namespace}/{name}/waivers',
  'DELETE /entities/{kind}/{namespace}/{name}/waivers/{waiverId}',
  'GET /waivers',
  'POST /entities/{kind}/{namespace}/{name}/fixes/{ruleId}/pull-request',
  'GET /entities/{kind}/{namespace}/{name}/pull-requests',
  'GET /export',
  'POST /webhooks/github',
] as const;

function principalName(
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
): string {
  const { principal } = credentials;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service ${principal.subject}`;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, store, httpAuth, permissions, scanRequester } = options;
  const router = Router();

  // Before any body parser: the handler verifies the signature over the raw body.
  if (options.webhookHandler) {
    router.post('/webhooks/github', options.webhookHandler);
  }

  // Explicit: the default auth policy already demands credentials, but a route must not
  // depend on how the backend is configured.
  const authenticate = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  const canRead = async (req: express.Request) => {
    const credentials = await authenticate(req);
    await authorizeOrThrow(
      permissions,
      goBuildPolicyReadPermission,
      credentials,
    );
  };

  router.get('/rules', async (req, res) => {
    await canRead(req);
    const extra = options.extraRules?.() ?? [];
    const builtIn = new Set(RULES.map(r => r.id));
    res.json({
      items: [
        ...RULES.map(r => ({ ...r, fixable: FIXABLE_RULE_IDS.has(r.id) })),
        ...extra.filter(r => !builtIn.has(r.id)),
      ],
    });
  });

  router.get('/capabilities', async (req, res) => {
    await canRead(req);
    res.json(
      options.capabilities ?? {
        waivers: { maxDays: 90 },
        pullRequests: { enabled: false },
      },
    );
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    await canRead(req);
    const entityRef = entityRefFromParams(req.params);
    const result = await store.getEntityResult(entityRef);
    res.json(entityResultResponse(entityRef, result));
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    await canRead(req);
    const entityRef = entityRefFromParams(req.params);
    const { limit } = parseInput(historyQuerySchema, req.query, 'query');
    const items = await store.getHistory(entityRef, { limit });
    res.json({ entityRef, items: items.map(historyEntryResponse) });
  });

  router.post('/entities/:kind/:namespace/:name/rescan', async (req, res) => {
    const credentials = await authenticate(req);
    await authorizeOrThrow(
      permissions,
      goBuildPolicyRescanPermission,
      credentials,
    );
    const entityRef = entityRefFromParams(req.params);
    const requestedBy = principalName(credentials);
    const result = await scanRequester.requestScan(
      entityRef,
      `rescan requested by ${requestedBy}`,
    );
    if (result.status === 'not-found') {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    if (result.status === 'excluded') {
      throw new ConflictError(`${entityRef} is not scanned: ${result.reason}`);
    }
    logger.info(`Rescan of ${entityRef} requested by ${requestedBy}`);
    res.status(202).json({ entityRef: result.entityRef, state: 'queued' });
  });

  router.get('/summary', async (req, res) => {
    await canRead(req);
    const { trendDays, ...filter } = parseInput(
      summaryQuerySchema,
      req.query,
      'query',
    );
    res.json(await store.getSummary(filter, { trendDays }));
  });

  router.get('/repositories', async (req, res) => {
    await canRead(req);
    const query = parseInput(repositoriesQuerySchema, req.query, 'query');
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const page = await store.listRepositories({ ...query, limit, offset });
    res.json({
      items: page.items.map(repositoryRowResponse),
      total: page.total,
      limit,
      offset,
    });
  });

  addTriageRoutes(router, { store, canRead });

  addFixRoutes(router, {
    ...options.fixes,
    permissions,
    authenticate,
    canRead,
  });

  addWaiverRoutes(router, {
    waivers: options.waivers,
    permissions,
    authenticate,
    canRead,
    principalName,
    maxDays: options.capabilities?.waivers.maxDays ?? 90,
    isKnownRule: ruleId =>
      RULES.some(r => r.id === ruleId) ||
      (options.extraRules?.() ?? []).some(r => r.id === ruleId),
  });

  router.get('/groups/:dimension', async (req, res) => {
    await canRead(req);
    const { dimension } = parseInput(groupParamsSchema, req.params, 'path');
    const filter = parseInput(filterSchema, req.query, 'query');
    res.json({ dimension, items: await store.getGroups(dimension, filter) });
  });

  router.get('/export', async (req, res) => {
    await canRead(req);
    const { format, ...query } = parseInput(
      exportQuerySchema,
      req.query,
      'query',
    );
    const rows = exportRows(store, query);
    const day = new Date().toISOString().slice(0, 10);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="go-build-policy-${day}.${format}"`,
    );
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json');
    const body = format === 'csv' ? csvExport(rows) : jsonExport(rows);
    await pipeline(Readable.from(body), res);
  });

  return router;
}
