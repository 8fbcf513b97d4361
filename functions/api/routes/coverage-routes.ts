// The coverage of an outreach event: its confirmed links and the proposals, and PR staff's decisions.
import { NotFoundError } from '#shared/errors.ts';
import { confirmCoverage, eventProposals, removeCoverage } from '#shared/store/event-coverage.ts';
import { getEvent } from '#shared/store/event-store.ts';
import { parseInput } from '../api-schemas.ts';
import { type ApiRoute, json } from '../api-types.ts';
import { coverageBody, coverageParams, eventIdParams } from '../event-schemas.ts';
import { eventView } from './event-routes.ts';

export const eventCoverageRoute: ApiRoute = {
  method: 'GET',
  path: '/api/events/{id}/coverage',
  access: 'read',
  async handle(request, deps) {
    const { id } = parseInput(eventIdParams, request.params, 'path');
    const event = await getEvent(deps.table, id);
    const proposals = await eventProposals(deps.table, event);
    const linked = Object.entries(event.coverage)
      .map(([mentionId, link]) => ({ mentionId, ...link }))
      .sort((a, b) => a.published.localeCompare(b.published));
    return json(200, {
      event: eventView(event),
      linked,
      proposed: proposals.map(({ mention, reasons }) => ({
        mentionId: mention.mentionId,
        entityId: mention.entityId,
        outletId: mention.outletId,
        outletName: mention.outletName,
        title: mention.title,
        url: mention.url,
        published: mention.published,
        reasons,
      })),
    });
  },
};

export const decideCoverageRoute: ApiRoute = {
  method: 'PUT',
  path: '/api/events/{id}/coverage/{mentionId}',
  access: 'review',
  async handle(request, deps) {
    const { id, mentionId } = parseInput(coverageParams, request.params, 'path');
    const { action } = parseInput(coverageBody, request.body, 'body');
    const actor = { by: request.caller?.name ?? 'unknown', at: deps.now().toISOString() };
    const decoded = decodeSegment(mentionId);
    const event =
      action === 'confirm'
        ? await confirmCoverage(deps.table, id, decoded, actor)
        : await removeCoverage(deps.table, id, decoded, actor);
    return json(200, eventView(event));
  },
};

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new NotFoundError(`No mention ${segment}`);
  }
}
