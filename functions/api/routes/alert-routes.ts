// Alert subscriptions: every signed-in user manages their own; PR staff see and manage everyone's
// (they run the press desk and answer for where alerts go). A webhook address is accepted once and
// only ever answered masked.
import { alertSealFromEnv } from '#shared/alerts/alert-key-source.ts';
import { publicSubscription } from '#shared/alerts/alert-subscription.ts';
import {
  changedSubscription,
  newSubscription,
  type SubscriptionContext,
} from '#shared/alerts/subscription-input.ts';
import type { Caller } from '#shared/auth/roles.ts';
import { NotFoundError } from '#shared/errors.ts';
import {
  deleteAlertSubscription,
  getAlertSubscription,
  listAlertSubscriptions,
  putAlertSubscription,
} from '#shared/store/alert-subscription-store.ts';
import { alertSubscriptionBody, alertSubscriptionParams, alertSubscriptionPatch } from '../alert-schemas.ts';
import type { ApiDependencies } from '../api-dependencies.ts';
import { parseInput } from '../api-schemas.ts';
import { type ApiRequest, type ApiRoute, json } from '../api-types.ts';

const seesAll = (caller: Caller) => caller.roles.includes('pr-staff');

async function subscriptionContext(deps: ApiDependencies): Promise<SubscriptionContext> {
  const allowed = deps.alertWebhookAllowPrivate ?? [];
  return {
    roster: deps.roster,
    seal: await (deps.alertSeal ?? alertSealFromEnv)(),
    allowPlainHttp: allowed.length > 0,
  };
}

/** The subscription the path names, if the caller may manage it; others' are answered as not found. */
async function ownedSubscription(request: ApiRequest, deps: ApiDependencies) {
  const { id } = parseInput(alertSubscriptionParams, request.params, 'path');
  const caller = request.caller as Caller;
  const subscription = await getAlertSubscription(deps.table, id);
  if (subscription.owner !== caller.subject && !seesAll(caller))
    throw new NotFoundError(`No alert subscription ${id}`);
  return subscription;
}

export const listAlertSubscriptionsRoute: ApiRoute = {
  method: 'GET',
  path: '/api/alerts/subscriptions',
  access: 'read',
  async handle(request, deps) {
    const caller = request.caller as Caller;
    const all = await listAlertSubscriptions(deps.table);
    const visible = seesAll(caller)
      ? all
      : all.filter((subscription) => subscription.owner === caller.subject);
    return json(200, { subscriptions: visible.map(publicSubscription) });
  },
};

export const createAlertSubscriptionRoute: ApiRoute = {
  method: 'POST',
  path: '/api/alerts/subscriptions',
  access: 'read',
  async handle(request, deps) {
    const body = parseInput(alertSubscriptionBody, request.body, 'body');
    const caller = request.caller as Caller;
    const subscription = newSubscription(
      await subscriptionContext(deps),
      body,
      { subject: caller.subject, name: caller.name },
      deps.now(),
    );
    await putAlertSubscription(deps.table, subscription);
    return json(201, publicSubscription(subscription));
  },
};

export const updateAlertSubscriptionRoute: ApiRoute = {
  method: 'PATCH',
  path: '/api/alerts/subscriptions/{id}',
  access: 'read',
  async handle(request, deps) {
    const current = await ownedSubscription(request, deps);
    const body = parseInput(alertSubscriptionPatch, request.body, 'body');
    const changed = changedSubscription(await subscriptionContext(deps), current, body, deps.now());
    await putAlertSubscription(deps.table, changed);
    return json(200, publicSubscription(changed));
  },
};

export const deleteAlertSubscriptionRoute: ApiRoute = {
  method: 'DELETE',
  path: '/api/alerts/subscriptions/{id}',
  access: 'read',
  async handle(request, deps) {
    const current = await ownedSubscription(request, deps);
    await deleteAlertSubscription(deps.table, current.subscriptionId, deps.now());
    return json(200, { deleted: current.subscriptionId });
  },
};
