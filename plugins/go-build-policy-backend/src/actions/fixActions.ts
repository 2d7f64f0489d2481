import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { FixPullRequestOpener } from '../fixes/FixPullRequestOpener';
import { authorizePullRequest, requesterName } from '../service/fixRoutes';

export interface RegisterFixActionsOptions {
  actionsRegistry: ActionsRegistryService;
  opener: FixPullRequestOpener;
  permissions: PermissionsService;
  auditor?: AuditorService;
}

/**
 * Registers `open-fix-pull-request`. Call only when pull requests are enabled: an action
 * that always answers "turned off" would only mislead an assistant.
 */
export function registerFixActions(options: RegisterFixActionsOptions): void {
  const { actionsRegistry, opener, permissions, auditor } = options;
  actionsRegistry.register({
    name: 'open-fix-pull-request',
    title: 'Open a pull request with a go-build-policy fix',
    description:
      "Opens a GitHub pull request with the suggested fix of a failing go-build-policy rule for a catalog entity (computed against the repository's current default branch). Returns the pull request already open for the same entity and rule instead of opening another.",
    attributes: { readOnly: false, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe('Entity ref, e.g. component:default/payments'),
          ruleId: z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
            .describe('Rule id, e.g. docker-mod-download-layer'),
        }),
      output: z =>
        z.object({
          created: z
            .boolean()
            .describe('False when an open pull request was returned'),
          number: z.number(),
          url: z.string(),
          branch: z.string(),
          baseCommit: z.string(),
          state: z.enum(['open', 'closed', 'merged']),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = input.entityRef.trim().toLocaleLowerCase('en-US');
      await authorizePullRequest(permissions, entityRef, credentials);
      const event = await auditor?.createEvent({
        eventId: 'fix-pull-request-create',
        severityLevel: 'medium',
        meta: { entityRef, ruleId: input.ruleId, via: 'action' },
      });
      let opened;
      try {
        opened = await opener.open({
          entityRef,
          ruleId: input.ruleId,
          credentials,
          requestedBy: requesterName(credentials),
        });
      } catch (error) {
        await event?.fail({ error: error as Error });
        throw error;
      }
      const { pullRequest, created } = opened;
      await event?.success({
        meta: { number: pullRequest.number, url: pullRequest.url, created },
      });
      return {
        output: {
          created,
          number: pullRequest.number,
          url: pullRequest.url,
          branch: pullRequest.branch,
          baseCommit: pullRequest.baseCommit,
          state: pullRequest.state,
        },
      };
    },
  });
}
