// GET /api/members, /api/outlets and /api/feeds: who is tracked, where, and how the sources fare.
import { enabledSources } from '#shared/config/outlets.ts';
import { isFlagged } from '#shared/feeds/poll/feed-health.ts';
import { listFeedStates } from '#shared/store/feed-state-store.ts';
import { type ApiRoute, json } from '../api-types.ts';

export const membersRoute: ApiRoute = {
  method: 'GET',
  path: '/api/members',
  access: 'read',
  handle: async (_request, deps) =>
    json(200, {
      members: [
        ...deps.roster.people.map((person) => ({
          id: person.id,
          kind: 'person' as const,
          ...(person.role ? { role: person.role } : {}),
          names: person.names,
        })),
        ...deps.roster.organisations.map((organisation) => ({
          id: organisation.id,
          kind: 'organisation' as const,
          names: organisation.names,
        })),
      ],
    }),
};

export const feedsRoute: ApiRoute = {
  method: 'GET',
  path: '/api/feeds',
  access: 'read',
  async handle(_request, deps) {
    const states = new Map((await listFeedStates(deps.table)).map((state) => [state.sourceId, state]));
    const feeds = enabledSources(deps.registry).map(({ outlet, source }) => {
      const state = states.get(source.sourceId);
      return {
        sourceId: source.sourceId,
        outletId: outlet.id,
        url: source.url,
        type: source.type,
        ...(state?.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
        ...(state?.lastPolledAt ? { lastPolledAt: state.lastPolledAt } : {}),
        ...(state?.lastError ? { lastError: state.lastError } : {}),
        ...(state?.deferredUntil ? { deferredUntil: state.deferredUntil } : {}),
        consecutiveFailures: state?.consecutiveFailures ?? 0,
        itemsSeen: state?.itemsSeen ?? 0,
        ...(state?.itemsCut ? { itemsCut: state.itemsCut } : {}),
        ...(state?.notPolledAt ? { notPolledAt: state.notPolledAt } : {}),
        flagged: state ? isFlagged(state) : false,
        neverPolled: !state,
      };
    });
    return json(200, { feeds });
  },
};
