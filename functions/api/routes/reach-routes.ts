// Leads to review, and the outlet list with discovered outlets that PR staff can mark as not press.

import { reviewLead } from '#shared/reach/lead-review.ts';
import { registrableDomain } from '#shared/reach/outlet-attribution.ts';
import { listDiscoveredOutlets } from '#shared/store/discovered-outlet-store.ts';
import { listLeads } from '#shared/store/lead-store.ts';
import { listManualOutlets } from '#shared/store/manual-outlets.ts';
import { markOutletNotPress } from '#shared/store/outlet-exclusion.ts';
import { parseInput } from '../api-schemas.ts';
import { type ApiRoute, json } from '../api-types.ts';
import {
  leadIdParams,
  leadListQuery,
  leadReviewBody,
  outletIdParams,
  outletMarkBody,
} from '../reach-schemas.ts';

export const listLeadsRoute: ApiRoute = {
  method: 'GET',
  path: '/api/leads',
  access: 'read',
  async handle(request, deps) {
    const { status } = parseInput(leadListQuery, request.query, 'query');
    return json(200, { leads: await listLeads(deps.table, status) });
  },
};

export const reviewLeadRoute: ApiRoute = {
  method: 'PATCH',
  path: '/api/leads/{id}',
  access: 'review',
  async handle(request, deps) {
    const { id } = parseInput(leadIdParams, request.params, 'path');
    const body = parseInput(leadReviewBody, request.body, 'body');
    const lead = await reviewLead(deps.table, deps.roster, {
      leadId: id,
      action: body.action,
      ...(body.members ? { members: body.members } : {}),
      by: request.caller?.name ?? 'unknown',
      at: deps.now().toISOString(),
    });
    return json(200, lead);
  },
};

export const outletsRoute: ApiRoute = {
  method: 'GET',
  path: '/api/outlets',
  access: 'read',
  async handle(_request, deps) {
    const registered = deps.registry.outlets.map((outlet) => ({
      id: outlet.id,
      name: outlet.name,
      origin: 'registry' as const,
      domain: registrableDomain(outlet.homepage) ?? null,
      languages: outlet.languages ?? [],
      ...(outlet.homepage ? { homepage: outlet.homepage } : {}),
      sources: outlet.sources.length,
      enabled: outlet.enabled,
    }));
    const discovered = (await listDiscoveredOutlets(deps.table)).map((outlet) => ({
      id: outlet.domain,
      name: outlet.name,
      origin: 'search' as const,
      domain: outlet.domain,
      firstSeenAt: outlet.firstSeenAt,
      lastSeenAt: outlet.lastSeenAt,
      mentions: outlet.mentions,
      notPress: outlet.notPress,
      ...(outlet.markedBy ? { markedBy: outlet.markedBy, markedAt: outlet.markedAt } : {}),
    }));
    const manual = (await listManualOutlets(deps.table)).map((outlet) => ({
      id: outlet.id,
      name: outlet.name,
      origin: 'manual' as const,
      media: outlet.media,
      firstEnteredAt: outlet.firstEnteredAt,
      lastEnteredAt: outlet.lastEnteredAt,
    }));
    return json(200, { outlets: [...registered, ...discovered, ...manual] });
  },
};

export const markOutletRoute: ApiRoute = {
  method: 'PATCH',
  path: '/api/outlets/{id}',
  access: 'review',
  async handle(request, deps) {
    const { id } = parseInput(outletIdParams, request.params, 'path');
    const body = parseInput(outletMarkBody, request.body, 'body');
    const outlet = await markOutletNotPress(deps.table, {
      domain: id,
      notPress: body.notPress,
      by: request.caller?.name ?? 'unknown',
      at: deps.now().toISOString(),
    });
    return json(200, outlet);
  },
};
