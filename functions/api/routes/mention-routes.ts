// The mention list, reviews and manual entries.
import { NotFoundError } from '#shared/errors.ts';
import { recordManualMention } from '#shared/review/manual-mention.ts';
import { countMentions } from '#shared/store/mention-count.ts';
import { listMentions } from '#shared/store/mention-list.ts';
import { reviewMention } from '#shared/store/mention-review.ts';
import { listReviewHistory } from '#shared/store/review-history.ts';
import {
  manualMentionBody,
  mentionFilterQuery,
  mentionIdParams,
  mentionListQuery,
  parseInput,
  reviewBody,
  reviewHistoryQuery,
} from '../api-schemas.ts';
import { type ApiRoute, json } from '../api-types.ts';
import { resolvePeriod } from '../period.ts';
import { searchMembers } from '../search-members.ts';

export const listMentionsRoute: ApiRoute = {
  method: 'GET',
  path: '/api/mentions',
  access: 'read',
  async handle(request, deps) {
    const query = parseInput(mentionListQuery, request.query, 'query');
    const period = resolvePeriod(query, deps.now());
    const page = await listMentions(
      deps.table,
      { ...query, ...searchMembers(query.q, deps.roster), from: period.fromInstant, to: period.toInstant },
      query.limit,
      query.cursor,
    );
    return json(200, page);
  },
};

export const countMentionsRoute: ApiRoute = {
  method: 'GET',
  path: '/api/mention-counts',
  access: 'read',
  async handle(request, deps) {
    const query = parseInput(mentionFilterQuery, request.query, 'query');
    const period = resolvePeriod(query, deps.now());
    return json(
      200,
      await countMentions(deps.table, {
        ...query,
        ...searchMembers(query.q, deps.roster),
        from: period.fromInstant,
        to: period.toInstant,
      }),
    );
  },
};

export const reviewMentionRoute: ApiRoute = {
  method: 'PATCH',
  path: '/api/mentions/{id}',
  access: 'review',
  async handle(request, deps) {
    const { id } = parseInput(mentionIdParams, request.params, 'path');
    const body = parseInput(reviewBody, request.body, 'body');
    const mention = await reviewMention(deps.table, {
      mentionId: decodePathSegment(id),
      decision: body.status,
      ...(body.note ? { note: body.note } : {}),
      by: request.caller?.name ?? 'unknown',
      at: deps.now().toISOString(),
    });
    return json(200, mention);
  },
};

export const reviewHistoryRoute: ApiRoute = {
  method: 'GET',
  path: '/api/mentions/{id}/history',
  access: 'read',
  async handle(request, deps) {
    const { id } = parseInput(mentionIdParams, request.params, 'path');
    const query = parseInput(reviewHistoryQuery, request.query, 'query');
    const before = query.cursor === undefined ? undefined : Number(query.cursor);
    return json(200, await listReviewHistory(deps.table, decodePathSegment(id), query.limit, before));
  },
};

export const createManualMentionRoute: ApiRoute = {
  method: 'POST',
  path: '/api/mentions',
  access: 'review',
  async handle(request, deps) {
    const body = parseInput(manualMentionBody, request.body, 'body');
    const mentions = await recordManualMention(
      deps.table,
      deps,
      { ...body, enteredBy: request.caller?.name ?? 'unknown' },
      deps.now(),
    );
    return json(201, { mentions });
  },
};

/** A percent-decoded path segment; a malformed escape cannot name a mention, so it is a 404. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new NotFoundError(`No mention ${segment}`);
  }
}
