// GET /api/digest/preview?week=2026-W48&lang=az: the HTML part of a week's digest as a reader in
// that language would get it (following every member). Nothing is sent or recorded.
import * as z from 'zod';
import { digestLanguages } from '#shared/config/digest-recipients.ts';
import { optionalEnv } from '#shared/config/settings.ts';
import { buildDigestContent } from '#shared/digest/digest-content.ts';
import { parseIsoWeek, previousIsoWeek } from '#shared/digest/digest-week.ts';
import { renderDigest } from '#shared/digest/render-digest.ts';
import { parseInput } from '../api-schemas.ts';
import type { ApiRequest, ApiRoute } from '../api-types.ts';
import { lazySchemas } from '../lazy-schemas.ts';

export const digestPreviewQuery = lazySchemas(() =>
  z.object({
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W48')
      .optional()
      .describe('ISO week (Monday to Sunday, Asia/Baku); default the last whole week'),
    lang: z.enum(digestLanguages).default('az').describe('Language of the digest'),
  }),
);

/** The digest has no scripts, images or external styles; the policy says so to the browser too. */
const previewPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export const digestPreviewRoute: ApiRoute = {
  method: 'GET',
  path: '/api/digest/preview',
  access: 'read',
  async handle(request, deps) {
    const query = parseInput(digestPreviewQuery, request.query, 'query');
    const week = query.week ? parseIsoWeek(query.week) : previousIsoWeek(deps.now());
    const content = await buildDigestContent(
      {
        table: deps.table,
        registry: deps.registry,
        dashboardUrl: optionalEnv('DASHBOARD_URL') ?? originOf(request),
        now: deps.now,
        ...(deps.facebookWeek ? { facebookWeek: deps.facebookWeek } : {}),
        ...(deps.pendingLeads ? { pendingLeads: deps.pendingLeads } : {}),
      },
      week,
    );
    const { html } = renderDigest(content, { language: query.lang, roster: deps.roster });
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': previewPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
      body: html,
    };
  },
};

/** The address the request came to: plain http only for the local stack on loopback. */
function originOf(request: ApiRequest): string {
  const host = request.event.requestContext.domainName;
  const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
  return `${local ? 'http' : 'https'}://${host}`;
}
