// One alerts run: reads the mentions published in the look-back window through the month index, and
// for each subscription claims every alert not yet claimed (ALERT#<subject>#<channel>, a conditional
// put before sending), holds it through quiet hours, sends each channel's due alerts as one batch, and
// schedules failed ones for a retry with backoff. A re-run or a retried invocation finds the records
// and sends nothing again.
import type { Roster } from '../config/roster.ts';
import type { Mention } from '../domain/mention.ts';
import { claimDueAlert, claimNewAlert, readAlertRecords } from '../store/alert-records.ts';
import { listAlertSubscriptions } from '../store/alert-subscription-store.ts';
import { spikeSubject } from '../store/keys.ts';
import { mentionsPublishedSince } from '../store/recent-mentions.ts';
import type { TableContext } from '../store/table-context.ts';
import { addDays, bakuDay } from '../time/baku-calendar.ts';
import { type DeliveryDeps, deliverAlerts } from './alert-delivery.ts';
import type { AlertItem } from './alert-message.ts';
import type { AlertSubscription } from './alert-subscription.ts';
import { type ClaimedAlert, recordOutcome } from './delivery-outcome.ts';
import { isQuiet, quietEnd } from './quiet-hours.ts';
import { detectSpikes } from './spike-detection.ts';

/** What a run needs. */
export interface AlertRunDeps extends DeliveryDeps {
  table: TableContext;
  roster: Roster;
  now: () => Date;
  /** How far back a run looks for new mentions. @default 48 */
  lookbackHours?: number;
}

/** What a run did. */
export interface AlertRunReport {
  subscriptions: number;
  sent: number;
  held: number;
  failed: number;
}

const alerted = new Set(['auto', 'confirmed']);

/** Runs the alerts once. */
export async function runAlerts(deps: AlertRunDeps): Promise<AlertRunReport> {
  const now = deps.now();
  const report: AlertRunReport = { subscriptions: 0, sent: 0, held: 0, failed: 0 };
  const subscriptions = (await listAlertSubscriptions(deps.table)).filter((s) => s.enabled);
  if (subscriptions.length === 0) return report;
  const since = new Date(now.getTime() - (deps.lookbackHours ?? 48) * 3_600_000).toISOString();
  const mentions = (await mentionsPublishedSince(deps.table, since, now.toISOString())).filter(
    (mention) => alerted.has(mention.status) && !mention.outletExcluded,
  );
  const today = bakuDay(now);
  // Yesterday too: a spike found late in the evening may still be held for the morning.
  const spikeMembers = [...new Set(subscriptions.filter((s) => s.spikes).flatMap((s) => s.members))];
  const spikes = await detectSpikes(deps.table, deps.roster, spikeMembers, [addDays(today, -1), today]);
  const names = memberNames(deps.roster);
  for (const subscription of subscriptions) {
    report.subscriptions += 1;
    const candidates: AlertItem[] = [
      ...mentions
        .filter((m) => subscription.members.includes(m.entityId) && m.published >= subscription.createdAt)
        .map((m) => mentionItem(m, names)),
      ...(subscription.spikes ? spikes.filter((s) => subscription.members.includes(s.entityId)) : []).map(
        (s): AlertItem => ({
          kind: 'spike',
          subject: spikeSubject(s.entityId, s.day),
          memberName: names(s.entityId),
          ...s,
        }),
      ),
    ];
    const due = await claimAlerts(deps, subscription, candidates, now, report);
    if (due.length > 0) {
      const failure = await deliverAlerts(
        deps,
        subscription,
        due.map((entry) => entry.item),
      ).then(
        () => undefined,
        (error: Error) => error,
      );
      await recordOutcome(deps.table, subscription, due, now, failure);
      report[failure ? 'failed' : 'sent'] += due.length;
    }
  }
  return report;
}

/** Claims the candidates this run may send now; new ones met in quiet hours are claimed as held. */
async function claimAlerts(
  deps: AlertRunDeps,
  subscription: AlertSubscription,
  candidates: AlertItem[],
  now: Date,
  report: AlertRunReport,
): Promise<ClaimedAlert[]> {
  const channel = subscription.subscriptionId;
  const records = await readAlertRecords(
    deps.table,
    channel,
    candidates.map((c) => c.subject),
  );
  const quiet = isQuiet(subscription.quietHours, now);
  const at = now.toISOString();
  const due: ClaimedAlert[] = [];
  for (const item of candidates) {
    const record = records.get(item.subject);
    if (!record) {
      const status = quiet ? 'held' : 'sending';
      const dueAt = quietEnd(subscription.quietHours, now).toISOString();
      const claimed = await claimNewAlert(deps.table, {
        subject: item.subject,
        channel,
        status,
        attempts: 0,
        dueAt,
        createdAt: at,
      });
      if (claimed && quiet) report.held += 1;
      if (claimed && !quiet) due.push({ item, attempts: 0 });
    } else if (!quiet && (record.status === 'held' || record.status === 'failed') && record.dueAt <= at) {
      if (await claimDueAlert(deps.table, record, at)) due.push({ item, attempts: record.attempts });
    }
  }
  return due;
}

function mentionItem(mention: Mention, names: (id: string) => string): AlertItem {
  return {
    kind: 'mention',
    subject: mention.mentionId,
    memberName: names(mention.entityId),
    title: mention.title,
    outletName: mention.outletName,
    url: mention.url,
    published: mention.published,
  };
}

function memberNames(roster: Roster): (id: string) => string {
  const byId = new Map<string, string>();
  for (const entry of [...roster.people, ...roster.organisations]) {
    byId.set(entry.id, entry.names.en ?? entry.names.az ?? entry.names.ru ?? entry.id);
  }
  return (id) => byId.get(id) ?? id;
}
