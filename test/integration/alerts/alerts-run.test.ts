// Instant alerts end to end: mentions seeded in DynamoDB Local, the handler the schedule starts with an
// injected clock, a real SMTP server and a webhook receiver on 127.0.0.1, and /api/status.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableSeal } from '#shared/alerts/alert-key-source.ts';
import type { QuietHours } from '#shared/alerts/alert-subscription.ts';
import { type ChannelInput, newSubscription } from '#shared/alerts/subscription-input.ts';
import { type WebhookSeal, webhookSeal } from '#shared/alerts/webhook-seal.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { smtpMailSender } from '#shared/mail/mail-senders.ts';
import { metricNames } from '#shared/observability/metric-names.ts';
import { collectingMetrics, type MetricsSink } from '#shared/observability/metrics-port.ts';
import { putAlertSubscription } from '#shared/store/alert-subscription-store.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { createAlertsHandler } from '../../../functions/alerts/handler.ts';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';
import { startSmtpSink } from '../../helpers/smtp-sink.ts';
import { startWebhookReceiver } from '../../helpers/webhook-receiver.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let table: TableContext;
const roster = loadRoster(resolveRosterPath());
const seal = webhookSeal(randomBytes(32));
const created = new Date('2026-11-01T00:00:00Z');

/** Runs the alerts handler as the schedule would, at `now`. */
async function runAt(
  now: string,
  allowPrivateAddresses = ['127.0.0.1'],
  metrics?: MetricsSink,
  runSeal: WebhookSeal = seal,
) {
  const mail = smtpMailSender({ url: smtp.url, from: 'Press tracker <alerts@council.example>' });
  const handler = createAlertsHandler(
    {
      table,
      roster,
      mail,
      seal: runSeal,
      allowPrivateAddresses,
      now: () => new Date(now),
    },
    undefined,
    metrics,
  );
  try {
    return await handler({ scheduleId: 'alerts' });
  } finally {
    mail.close();
  }
}

async function subscribe(
  members: string[],
  channel: ChannelInput,
  quietHours: QuietHours | null = null,
  spikes = false,
) {
  const subscription = newSubscription(
    { roster, seal, allowPlainHttp: true },
    { members, channel, quietHours, spikes },
    { subject: 'user-1', name: 'press@council.example' },
    created,
  );
  await putAlertSubscription(table, subscription);
  return subscription;
}

const mention = (
  entity: string,
  title: string,
  published: string,
  kind: 'person' | 'organisation' = 'person',
) => ({
  outletId: 'apa',
  outletName: 'APA',
  title,
  published,
  entities: [{ id: entity, kind }],
});

beforeAll(async () => {
  api = await startTestApi();
  smtp = await startSmtpSink();
  hook = await startWebhookReceiver();
  table = { db: api.table.documentClient, tableName: api.table.tableName };
});

afterAll(async () => {
  await hook?.close();
  await smtp?.close();
  await api?.close();
});

describe('alerts of new mentions', () => {
  it('sends each mention once per channel, batched, and a re-run sends nothing', async () => {
    const slack = await subscribe(['azer-allahveranov'], {
      kind: 'webhook',
      service: 'slack',
      url: `${hook.origin}/services/T1/B1/secret-path`,
    });
    await subscribe(['azer-allahveranov'], { kind: 'email', address: 'chair-alerts@council.example' });
    await seedArticles(table, [
      mention('azer-allahveranov', 'Allahveranov met <script>refugees</script>', '2026-11-30T07:00:00Z'),
      mention('azer-allahveranov', 'Allahveranov on language courses', '2026-11-30T07:05:00Z'),
      mention('davud-rahimli', 'Rahimli visits Ganja', '2026-11-30T07:06:00Z'),
    ]);

    const firstRun = collectingMetrics();
    const secondRun = collectingMetrics();
    await runAt('2026-11-30T07:10:00Z', undefined, firstRun);
    await runAt('2026-11-30T07:15:00Z', undefined, secondRun);
    // Two mentions to each of two channels; a run that sends nothing publishes no data point.
    expect(firstRun.total(metricNames.alertsSent)).toBe(4);
    expect(secondRun.points).toEqual([]);

    const posts = hook.received.filter((entry) => entry.path === '/services/T1/B1/secret-path');
    expect(posts).toHaveLength(1);
    const text = String(posts[0]?.body.text);
    expect(text).toContain('Allahveranov on language courses');
    expect(text).toContain('&lt;script&gt;');
    expect(text).not.toContain('Rahimli');
    const mails = smtp.to('chair-alerts@council.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.mail.subject).toContain('2 new mentions');
    expect(mails[0]?.mail.html).not.toContain('<script>');

    await seedArticles(table, [
      mention('azer-allahveranov', 'Allahveranov at the round table', '2026-11-30T07:20:00Z'),
    ]);
    await runAt('2026-11-30T07:25:00Z');
    const later = hook.received.filter((entry) => entry.path === '/services/T1/B1/secret-path');
    expect(later).toHaveLength(2);
    expect(String(later[1]?.body.text)).toContain('round table');
    expect(String(later[1]?.body.text)).not.toContain('language courses');
    expect(smtp.to('chair-alerts@council.example')).toHaveLength(2);
    expect(slack.channel.kind === 'webhook' && slack.channel.maskedUrl).not.toContain('secret-path');
  });
});

describe('quiet hours', () => {
  it('holds an alert found at night until the morning in Baku, then sends it once', async () => {
    const path = '/bot123:tok/sendMessage?chat_id=42';
    await subscribe(
      ['sahib-mammadov'],
      { kind: 'webhook', service: 'telegram', url: `${hook.origin}${path}` },
      { start: '22:00', end: '08:00' },
    );
    // 23:00 in Baku.
    await seedArticles(table, [
      mention('sahib-mammadov', 'Mammadov speaks at night', '2026-11-30T19:00:00Z'),
    ]);
    const sent = () => hook.received.filter((entry) => entry.path === path);

    await runAt('2026-11-30T19:05:00Z');
    await runAt('2026-12-01T03:59:00Z'); // 07:59 in Baku
    expect(sent()).toHaveLength(0);

    await runAt('2026-12-01T04:00:00Z'); // 08:00 in Baku
    await runAt('2026-12-01T04:05:00Z');
    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.body.chat_id).toBe('42');
    expect(String(sent()[0]?.body.text)).toContain('Mammadov speaks at night');
  });
});

describe('spikes', () => {
  it('alerts once per member and day when the day exceeds three times the trailing average and five', async () => {
    await subscribe(
      ['ilgar-orujov', 'parviz-musayev'],
      { kind: 'email', address: 'spikes@council.example' },
      null,
      true,
    );
    // A fortnight with two mentions in all (average 1/7), then six on 2026-11-30 (Baku day).
    const quiet = ['2026-11-20T08:00:00Z', '2026-11-25T08:00:00Z'].map((at, i) =>
      mention('ilgar-orujov', `Orujov earlier ${i}`, at),
    );
    const busy = Array.from({ length: 6 }, (_, i) =>
      mention('ilgar-orujov', `Orujov busy day ${i}`, `2026-11-30T0${i}:30:00Z`),
    );
    // Four in a day is below the floor of five, whatever the average.
    const few = Array.from({ length: 4 }, (_, i) =>
      mention('parviz-musayev', `Musayev day ${i}`, `2026-11-30T0${i}:40:00Z`),
    );
    await seedArticles(table, [...quiet, ...busy, ...few]);

    await runAt('2026-11-30T08:00:00Z');
    await seedArticles(table, [mention('ilgar-orujov', 'Orujov seventh item', '2026-11-30T08:01:00Z')]);
    await runAt('2026-11-30T08:05:00Z');

    const mails = smtp.to('spikes@council.example');
    const spikeMails = mails.filter((entry) => entry.mail.text?.includes('mentions on 2026-11-30'));
    expect(spikeMails).toHaveLength(1);
    expect(spikeMails[0]?.mail.text).toContain('Ilgar');
    expect(mails.some((entry) => /Musayev: \d+ mentions on/.test(entry.mail.text ?? ''))).toBe(false);
    expect(mails.some((entry) => entry.mail.text?.includes('Musayev day 3'))).toBe(true);
    expect(mails.at(-1)?.mail.text).toContain('Orujov seventh item');
    expect(mails.at(-1)?.mail.subject).not.toContain('spike');
  });
});

describe('a failing webhook', () => {
  it('is retried with backoff, reported in /api/status, and recovers', async () => {
    const path = '/services/T9/B9/failing-secret';
    const subscription = await subscribe(['public-council-sms'], {
      kind: 'webhook',
      service: 'slack',
      url: `${hook.origin}${path}`,
    });
    await seedArticles(table, [
      mention('public-council-sms', 'The council meets', '2026-11-30T10:00:00Z', 'organisation'),
    ]);
    const calls = () => hook.received.filter((entry) => entry.path === path).length;
    hook.fail();

    await runAt('2026-11-30T10:05:00Z');
    expect(calls()).toBe(1);
    await runAt('2026-11-30T10:06:00Z'); // before the first retry (2 minutes)
    expect(calls()).toBe(1);
    await runAt('2026-11-30T10:07:00Z');
    expect(calls()).toBe(2);

    const status = await (await api.request('/api/status', { role: 'management' })).json();
    const failing = status.alerts.failing.find(
      (entry: { subscriptionId: string }) => entry.subscriptionId === subscription.subscriptionId,
    );
    expect(failing).toMatchObject({
      failures: 2,
      lastError: 'http-status 500',
      nextRetryAt: '2026-11-30T10:11:00.000Z',
    });
    expect(JSON.stringify(status)).not.toContain('failing-secret');

    hook.recover();
    await runAt('2026-11-30T10:11:00Z');
    expect(calls()).toBe(3);
    await runAt('2026-11-30T10:20:00Z');
    expect(calls()).toBe(3);
    const after = await (await api.request('/api/status', { role: 'management' })).json();
    expect(
      after.alerts.failing.map((entry: { subscriptionId: string }) => entry.subscriptionId),
    ).not.toContain(subscription.subscriptionId);
  });
});

describe('a missing webhook key', () => {
  it('fails the webhook channels with the reason while e-mail alerts still go out', async () => {
    const path = '/services/T5/B5/keyless';
    const webhook = await subscribe(['sahib-mammadov'], {
      kind: 'webhook',
      service: 'slack',
      url: `${hook.origin}${path}`,
    });
    await subscribe(['sahib-mammadov'], { kind: 'email', address: 'keyless@council.example' });
    await seedArticles(table, [mention('sahib-mammadov', 'Mammadov opens a course', '2026-11-30T12:00:00Z')]);

    const reason = 'The parameter /council-press-tracker/webhook-key is missing or empty';
    const summary = await runAt('2026-11-30T12:05:00Z', undefined, undefined, unavailableSeal(reason));

    // The run completes and is recorded: the one e-mail went out (earlier tests' channels may fail too).
    expect(summary).toMatchObject({ detail: expect.stringMatching(/^1 sent, 0 held, [1-9]\d* failed/) });
    expect(hook.received.filter((entry) => entry.path === path)).toHaveLength(0);
    expect(smtp.to('keyless@council.example')).toHaveLength(1);
    const status = await (await api.request('/api/status', { role: 'management' })).json();
    const failing = status.alerts.failing.find(
      (entry: { subscriptionId: string }) => entry.subscriptionId === webhook.subscriptionId,
    );
    expect(failing?.lastError).toBe(reason);
  });
});

describe('the address guard', () => {
  it('refuses a loopback webhook unless private addresses are allowed explicitly', async () => {
    const path = '/services/T7/B7/guarded';
    const subscription = await subscribe(['davud-rahimli'], {
      kind: 'webhook',
      service: 'slack',
      url: `${hook.origin}${path}`,
    });
    await seedArticles(table, [mention('davud-rahimli', 'Rahimli at the forum', '2026-11-30T11:00:00Z')]);

    await runAt('2026-11-30T11:05:00Z', []);

    expect(hook.received.filter((entry) => entry.path === path)).toHaveLength(0);
    const status = await (await api.request('/api/status', { role: 'pr-staff' })).json();
    const failing = status.alerts.failing.find(
      (entry: { subscriptionId: string }) => entry.subscriptionId === subscription.subscriptionId,
    );
    expect(failing).toMatchObject({ failures: 1, lastError: 'blocked' });
  });
});
