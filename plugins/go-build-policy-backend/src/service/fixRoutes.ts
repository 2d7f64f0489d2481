import type {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { goBuildPolicyPullRequestCreatePermission } from '@go-build-policy/plugin-go-build-policy-common';
import express from 'express';
import { z } from 'zod';
import { PullRequestStore } from '../database/PullRequestStore';
import { FixPullRequestOpener } from '../fixes/FixPullRequestOpener';
import { entityRefFromParams, parseInput } from './validation';

export const PULL_REQUESTS_DISABLED =
  'Pull requests are turned off: set goBuildPolicy.pullRequests.enabled';

const ruleParamsSchema = z.object({
  ruleId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'must be a rule id'),
});

/** Who asked, as the record and the pull request's footer name them. */
export function requesterName(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
    | { type: 'none' };
  if (principal.type === 'user') return principal.userEntityRef;
  if (principal.type === 'service') return `service ${principal.subject}`;
  return 'anonymous';
}

/** Throws 403 unless the policy allows opening fix pull requests for this entity. */
export async function authorizePullRequest(
  permissions: PermissionsService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [
      {
        permission: goBuildPolicyPullRequestCreatePermission,
        resourceRef: entityRef,
      },
    ],
    { credentials },
  );
  if (decision?.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed: ${goBuildPolicyPullRequestCreatePermission.name} on ${entityRef}`,
    );
  }
}

export interface FixRoutesOptions {
  /** Undefined when `goBuildPolicy.pullRequests.enabled` is false. */
  opener?: FixPullRequestOpener;
  /** Undefined in setups without the store: the list is empty. */
  pullRequests?: PullRequestStore;
  permissions: PermissionsService;
  auditor?: AuditorService;
  authenticate: (req: express.Request) => Promise<BackstageCredentials>;
  canRead: (req: express.Request) => Promise<void>;
}

/**
 * Mounts POST …/fixes/{ruleId}/pull-request (open a pull request with the rule's
 * suggested fix; 201, or 200 with the one already open) and GET …/pull-requests.
 */
export function addFixRoutes(
  router: express.Router,
  options: FixRoutesOptions,
) {
  const { opener, pullRequests, permissions, auditor } = options;

  router.post(
    '/entities/:kind/:namespace/:name/fixes/:ruleId/pull-request',
    async (req, res) => {
      const credentials = await options.authenticate(req);
      const entityRef = entityRefFromParams(req.params);
      const { ruleId } = parseInput(ruleParamsSchema, req.params, 'rule');
      if (!opener) throw new ConflictError(PULL_REQUESTS_DISABLED);
      // Started before the permission check: denied attempts are audited too.
      const event = await auditor?.createEvent({
        eventId: 'fix-pull-request-create',
        severityLevel: 'medium',
        request: req,
        meta: { entityRef, ruleId },
      });
      try {
        await authorizePullRequest(permissions, entityRef, credentials);
        const { pullRequest, created } = await opener.open({
          entityRef,
          ruleId,
          credentials,
          requestedBy: requesterName(credentials),
        });
        await event?.success({
          meta: { number: pullRequest.number, url: pullRequest.url, created },
        });
        res.status(created ? 201 : 200).json(pullRequest);
      } catch (error) {
        await event?.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/pull-requests',
    async (req, res) => {
      await options.canRead(req);
      const entityRef = entityRefFromParams(req.params);
      res.json({ items: (await pullRequests?.list(entityRef)) ?? [] });
    },
  );
}
