// The weekly digest end to end: seeded mentions in DynamoDB Local, the handler the schedule starts,
// a real SMTP server on 127.0.0.1, and what arrived parsed back with mailparser, compared with
// /api/summary for the same week.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestRecipient } from '#shared/config/digest-recipients.ts';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { buildDigestContent } from '#shared/digest/digest-content.ts';
import { parseIsoWeek } from '#shared/digest/digest-week.ts';
import { renderDigest } from '#shared/digest/render-digest.ts';
import { smtpMailSender } from '#shared/mail/mail-senders.ts';
import { readDigestRecord } from '#shared/store/digest-records.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { createWeeklyDigestHandler } from '../../../functions/weekly-digest/handler.ts';
import { digestMorning, hostileTitle, seedDigestWeek } from '../../helpers/digest-week-seed.ts';
import { startTestApi } from '../../helpers/local-api.ts';
import { startSmtpSink } from '../../helpers/smtp-sink.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let table: TableContext;

/** Intl separates date ranges with thin and narrow no-break spaces; compare them as plain spaces. */
const spaced = (text: string | undefined) => text?.replace(/[\u2009\u202f\u00a0]/g, ' ');

const english: DigestRecipient = { address: 'board@council.example', language: 'en' };
const azerbaijani: DigestRecipient = { address: 'press@council.example', language: 'az' };
const flaky: DigestRecipient = {
  address: 'flaky@council.example',
  language: 'ru',
  members: ['sahib-mammadov'],
};

async function digestHandler(recipients: DigestRecipient[], now = digestMorning) {
  return createWeeklyDigestHandler({
    table,
    registry: await loadOutlets(resolveOutletsPath()),
    roster: loadRoster(resolveRosterPath()),
    recipients,
    mail: smtpMailSender({ url: smtp.url, from: 'Press tracker <digest@council.example>' }),
    dashboardUrl: api.url,
    now: () => now,
    pendingLeads: async () => 3,
  });
}

beforeAll(async () => {
  api = await startTestApi();
  smtp = await startSmtpSink();
  table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedDigestWeek(table);
});

afterAll(async () => {
  await smtp?.close();
  await api?.close();
});

describe('the weekly digest through SMTP', () => {
  it('delivers both parts with the figures of /api/summary and the hostile title escaped', async () => {
    // Arrange
    smtp.refuse(flaky.address);
    const handler = await digestHandler([english, azerbaijani, flaky]);

    // Act: the flaky reader's server refuses at RCPT, so the run fails for that reader only.
    await expect(handler({ scheduleId: 'weekly-digest' })).rejects.toThrow(
      /1 failed \(flaky@council\.example\)/,
    );

    // Assert
    const summary = await (
      await api.request('/api/summary?from=2026-11-23&to=2026-11-29', { role: 'management' })
    ).json();
    expect(summary.totals).toMatchObject({ mentions: 6, distinctOutlets: 4 });
    const [board] = smtp.to(english.address);
    expect(board).toBeDefined();
    const mail = board?.mail;
    expect(spaced(mail?.subject)).toBe(
      `Press digest 2026-W48 (23 – 29 Nov 2026): ${summary.totals.mentions} mentions, ${summary.totals.distinctOutlets} outlets`,
    );
    const html = String(mail?.html);
    const text = String(mail?.text);
    for (const [member, count] of Object.entries(summary.totals.perMember)) {
      const name = member === 'azer-allahveranov' ? 'Azer Allahveranov' : 'Sahib Mammadov';
      expect(text).toContain(`${name}: ${count}`);
    }
    expect(text).toContain(
      `${summary.previous.totals.mentions === 1 ? '+5 (500%)' : '?'} on the week before`,
    );
    expect(text).toContain('1 story, 3 outlets');
    // The story's outlets by their registry names, in the order the digest lists them.
    const registry = await loadOutlets(resolveOutletsPath());
    const outletName = (id: string) => registry.outlets.find((outlet) => outlet.id === id)?.name;
    expect(text).toContain(['apa', 'report', 'trend'].map(outletName).sort().join(', '));
    expect(text).toContain('3 leads wait for review');
    expect(text).toContain('6 mentions not yet reviewed');
    expect(text).toContain(`${outletName('olke')} (https://olke.example/rss): http-status`);
    expect(text).toContain(`${api.url}/#from=2026-11-23&to=2026-11-29`);
    expect(text).not.toContain('next week');
    expect(text).not.toContain('başqa');
    // The title arrives as literal text in the text part, and only escaped in the HTML part.
    expect(text).toContain(hostileTitle);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/i);
    expect(html).toContain('<table role="presentation"');
  });

  it('writes each language in its own words and number format', () => {
    const [press] = smtp.to(azerbaijani.address);
    expect(spaced(press?.mail.subject)).toBe(
      'Mətbuat icmalı 2026-W48 (23 – 29 noy 2026): 6 istinad, 4 media',
    );
    expect(String(press?.mail.html)).toContain('<html lang="az">');
    expect(String(press?.mail.text)).toContain('1 xəbər, 3 media');
  });

  it('records each reader, and /api/status shows the failed run', async () => {
    const record = await readDigestRecord(table, '2026-W48');
    expect(record?.recipients[english.address]?.status).toBe('sent');
    expect(record?.recipients[azerbaijani.address]?.status).toBe('sent');
    expect(record?.recipients[flaky.address]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/550|reject/i),
    });
    const status = await (await api.request('/api/status', { role: 'management' })).json();
    expect(status.schedules).toContainEqual({
      id: 'weekly-digest',
      lastRun: expect.objectContaining({ outcome: 'failed' }),
    });
  });

  it('sends again only to the reader it failed for, then nothing on a further run', async () => {
    // Arrange
    smtp.accept(flaky.address);
    const handler = await digestHandler([english, azerbaijani, flaky]);
    const before = smtp.received.length;

    // Act
    const retry = await handler({ scheduleId: 'weekly-digest' });
    const afterRetry = smtp.received.length;
    const again = await handler({ scheduleId: 'weekly-digest' });

    // Assert
    expect(afterRetry - before).toBe(1);
    expect(smtp.received.at(-1)?.to).toEqual([flaky.address]);
    expect(retry.detail).toBe('2026-W48: 1 sent, 2 already sent');
    expect(smtp.received.length).toBe(afterRetry);
    expect(again.detail).toBe('2026-W48: 0 sent, 3 already sent');
    // The flaky reader follows one member, and gets that member's stories only, in Russian.
    const flakyMail = smtp.to(flaky.address)[0]?.mail;
    expect(String(flakyMail?.text)).toContain('Сахиб Мамедов');
    expect(String(flakyMail?.text)).not.toContain('miqrantlarla görüşüb');
    const status = await (await api.request('/api/status', { role: 'management' })).json();
    expect(status.schedules).toContainEqual({
      id: 'weekly-digest',
      lastRun: expect.objectContaining({ outcome: 'succeeded', detail: '2026-W48: 0 sent, 3 already sent' }),
    });
  });

  it('counts a Monday 00:30 Baku article in the week it belongs to', async () => {
    // Act: the next Monday's run, for 2026-W49, holds only the article published Monday 00:30 Baku time.
    const handler = await digestHandler([english], new Date('2026-12-07T05:00:00.000Z'));
    await handler({});

    // Assert
    const mail = smtp.to(english.address).at(-1)?.mail;
    expect(spaced(mail?.subject)).toBe('Press digest 2026-W49 (30 Nov – 6 Dec 2026): 1 mention, 1 outlet');
    expect(String(mail?.text)).toContain('Azər Allahverənov next week');
  });

  it('sends once when the schedule fires twice at the same time, and says plainly the week was empty', async () => {
    // Arrange: two runs for 2026-W50, a week without mentions.
    const monday = new Date('2026-12-14T05:00:00.000Z');
    const first = await digestHandler([english, azerbaijani], monday);
    const second = await digestHandler([english, azerbaijani], monday);
    const before = smtp.received.length;

    // Act
    const runs = await Promise.all([first({}), second({})]);

    // Assert
    expect(smtp.received.length - before).toBe(2);
    // However the two runs interleave, each reader is claimed by exactly one of them.
    const sentByRuns = runs.map((run) => Number(/: (\d+) sent/.exec(run.detail ?? '')?.[1]));
    expect(sentByRuns.reduce((sum, sent) => sum + sent, 0)).toBe(2);
    expect(
      smtp.received
        .slice(before)
        .flatMap((entry) => entry.to)
        .sort(),
    ).toEqual([english.address, azerbaijani.address].sort());
    const empty = smtp.to(english.address).at(-1)?.mail;
    expect(spaced(empty?.subject)).toBe('Press digest 2026-W50 (7 – 13 Dec 2026): 0 mentions, 0 outlets');
    expect(String(empty?.text)).toContain('No mentions were found this week.');
  });
});

describe('the optional inputs', () => {
  it('renders the Facebook week when given, and a note instead of failing when it cannot be read', async () => {
    // Arrange
    const sources = {
      table,
      registry: await loadOutlets(resolveOutletsPath()),
      dashboardUrl: api.url,
      now: () => digestMorning,
    };
    const page = {
      posts: 5,
      reactions: 230,
      comments: 14,
      shares: 8,
      engagement: 252,
      followers: { start: 4100, end: 4135, change: 35 },
      mediaViews: 9100,
      uniqueMediaViewers: null,
    };

    // Act
    const withPage = await buildDigestContent(
      { ...sources, facebookWeek: async () => page },
      parseIsoWeek('2026-W48'),
    );
    const broken = await buildDigestContent(
      {
        ...sources,
        facebookWeek: async () => {
          throw new Error('Graph API down');
        },
        pendingLeads: async () => {
          throw new Error('leads unreadable');
        },
      },
      parseIsoWeek('2026-W48'),
    );

    // Assert
    const roster = loadRoster(resolveRosterPath());
    const shown = renderDigest(withPage, { language: 'en', roster }).text;
    expect(shown).toContain('Reactions: 230');
    expect(shown).toContain('Followers: 4,135 (+35)');
    expect(shown).toContain('Views: 9,100');
    expect(shown).not.toContain('Viewers');
    const note = renderDigest(broken, { language: 'en', roster }).text;
    expect(note).toContain('The page’s figures could not be read this time');
    expect(note).not.toContain('leads wait');
    expect(broken.totals.mentions).toBe(6);
  });
});

describe('GET /api/digest/preview', () => {
  it('renders the HTML part for a signed-in reader, without sending or recording', async () => {
    const before = smtp.received.length;
    const response = await api.request('/api/digest/preview?week=2026-W48&lang=az', { role: 'management' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('Həftəlik mətbuat icmalı');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script/i);
    expect(smtp.received.length).toBe(before);
    expect(await readDigestRecord(table, '2026-W47')).toBeUndefined();
  });

  it('needs a token and a real ISO week', async () => {
    expect((await api.request('/api/digest/preview?week=2026-W48')).status).toBe(401);
    const bad = await api.request('/api/digest/preview?week=2026-W54&lang=az', { role: 'management' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^week: /);
    const language = await api.request('/api/digest/preview?week=2026-W48&lang=de', { role: 'management' });
    expect(language.status).toBe(400);
  });
});
