// The API's route table: every route, its method, path and access rule, in one place.
import type { ApiRoute } from './api-types.ts';
import { indexRoute, staticFileRoute } from './routes/static-routes.ts';
import { healthRoute, statusRoute } from './routes/status-routes.ts';

export const apiRoutes: readonly ApiRoute[] = [healthRoute, statusRoute, indexRoute, staticFileRoute];
