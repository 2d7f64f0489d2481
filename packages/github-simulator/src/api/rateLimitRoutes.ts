import { RouteDefinition } from '../http/types';

/** GET /rate_limit: free, like GitHub's. Only `core` is simulated; the rest show full budgets. */
export const rateLimitRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    template: '/rate_limit',
    free: true,
    handler: (request, context) => {
      const core = context.rateLimitOf(request.caller);
      const untouched = (limit: number) => ({
        limit,
        used: 0,
        remaining: limit,
        reset: core.reset,
      });
      const authenticated = request.caller.kind !== 'anonymous';
      return {
        status: 200,
        json: {
          resources: {
            core,
            search: untouched(authenticated ? 30 : 10),
            graphql: untouched(authenticated ? 5000 : 0),
            integration_manifest: untouched(5000),
            code_search: untouched(authenticated ? 10 : 0),
          },
          rate: core,
        },
      };
    },
  },
];
