import { accountRoutes } from '../api/accountRoutes';
import { appRoutes } from '../api/appRoutes';
import { contentsRoutes } from '../api/contentsRoutes';
import { gitDataRoutes } from '../api/gitDataRoutes';
import { gitWriteRoutes } from '../api/gitWriteRoutes';
import { pullRoutes } from '../api/pullRoutes';
import { rateLimitRoutes } from '../api/rateLimitRoutes';
import { repositoryRoutes } from '../api/repositoryRoutes';
import { webRoutes } from '../api/webRoutes';
import { Router } from '../http/router';

/** The REST API, under the base path and at the root. */
export const apiRouter = new Router([
  ...rateLimitRoutes,
  ...repositoryRoutes,
  ...gitDataRoutes,
  ...gitWriteRoutes,
  ...pullRoutes,
  ...contentsRoutes,
  ...accountRoutes,
  ...appRoutes,
]);

/** Web pages (blob views, raw files), at the root only. */
export const webRouter = new Router(webRoutes);
