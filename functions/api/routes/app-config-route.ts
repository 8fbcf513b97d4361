// GET /app-config.json (public): tells the dashboard how to sign users in before it has a token.
import { type ApiRoute, json } from '../api-types.ts';

export const appConfigRoute: ApiRoute = {
  method: 'GET',
  path: '/app-config.json',
  access: 'public',
  handle: async (_request, deps) => json(200, { auth: deps.auth, version: deps.version }),
};
