// The digest's rendering, pure: a week's content in, subject and both parts out, per reader.
import { describe, expect, it } from 'vitest';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import type { DigestContent } from '#shared/digest/digest-content.ts';
import type { DigestStory } from '#shared/digest/digest-stories.ts';
import { renderDigest } from '#shared/digest/render-digest.ts';

const roster = loadRoster(resolveRosterPath());
const emptyTotals = {
  mentions: 0,
  distinctOutlets: 0,
  membersMentioned: 0,
  perMember: {},
  perOrganisation: {},
  perOutlet: {},
  perLanguage: {},
};

function story(n: number, outlets = 1): DigestStory {
  return {
    title: `Story number ${n}`,
    url: `https://apa.example/${n}`,
    published: '2026-11-24T08:00:00.000Z',
    outlets: Array.from({ length: outlets }, (_, i) => ({
      outletId: `o${i}`,
      name: `Outlet ${i}`,
      url: null,
    })),
  };
}

function content(overrides: Partial<DigestContent> = {}): DigestContent {
  return {
    week: '2026-W48',
    from: '2026-11-23',
    to: '2026-11-29',
    totals: {
      ...emptyTotals,
      mentions: 12345,
      distinctOutlets: 212,
      perMember: { 'azer-allahveranov': 12345 },
    },
    previous: { ...emptyTotals, mentions: 10000 },
    perEntity: [{ entityId: 'azer-allahveranov', count: 12345 }],
    topOutlets: [{ outletId: 'apa', name: 'APA', count: 5000 }],
    stories: [{ entityId: 'azer-allahveranov', stories: [story(1, 5)] }],
    listTruncated: false,
    unreviewed: 7,
    failingSources: [],
    dashboardUrl: 'https://tracker.example/#from=2026-11-23&to=2026-11-29',
    ...overrides,
  };
}

describe('renderDigest', () => {
  it('puts the week and the headline figures, as numbers, in the subject of each language', () => {
    const subjects = (['en', 'az', 'ru'] as const).map(
      (language) => renderDigest(content(), { language, roster }).subject,
    );
    expect(subjects[0]).toMatch(/^Press digest 2026-W48 \(.+\): 12,345 mentions, 212 outlets$/);
    expect(subjects[1]).toMatch(/^Mətbuat icmalı 2026-W48 \(.+noy.+\): 12\.345 istinad, 212 media$/);
    expect(subjects[2]).toMatch(/^Обзор прессы 2026-W48 \(.+нояб.+\): 12\s345 упоминаний, 212 СМИ$/);
  });

  it('says how the week compares with the one before, in the reader’s number format', () => {
    const { text } = renderDigest(content(), { language: 'en', roster });
    expect(text).toContain('+2,345 (23%) on the week before');
    const fewer = renderDigest(content({ previous: { ...emptyTotals, mentions: 20000 } }), {
      language: 'ru',
      roster,
    });
    expect(fewer.text).toMatch(/−7\s655 \(38\s?%\) к предыдущей неделе/);
  });

  it('groups a story carried by several outlets into one line', () => {
    const { text, html } = renderDigest(content(), { language: 'az', roster });
    expect(text).toContain('1 xəbər, 5 media');
    expect(text).toContain('Outlet 0, Outlet 1, Outlet 2, Outlet 3, Outlet 4');
    expect(html).toContain('1 xəbər, 5 media');
  });

  it('cuts a long week with a count and the dashboard link, never silently', () => {
    const many = Array.from({ length: 12 }, (_, i) => story(i + 1));
    const { text, html } = renderDigest(
      content({ stories: [{ entityId: 'azer-allahveranov', stories: many }], listTruncated: true }),
      { language: 'en', roster },
    );
    expect(text).toContain('Story number 5');
    expect(text).not.toContain('Story number 6');
    expect(text).toContain('…and 7 more stories on the dashboard');
    expect(text).toContain('the dashboard shows them all');
    expect(html).toContain('href="https://tracker.example/#from=2026-11-23&amp;to=2026-11-29"');
  });

  it('says plainly that a week was empty', () => {
    const { text, subject } = renderDigest(
      content({
        totals: emptyTotals,
        previous: emptyTotals,
        perEntity: [],
        topOutlets: [],
        stories: [],
        unreviewed: 0,
      }),
      { language: 'en', roster },
    );
    expect(subject).toMatch(/: 0 mentions, 0 outlets$/);
    expect(text).toContain('No mentions were found this week.');
    expect(text).toContain('the same as the week before');
  });

  it('escapes hostile titles, outlet names and links in the HTML part and keeps them one line in the text', () => {
    const hostile: DigestStory = {
      title: '<img src=x onerror=alert(1)>\r\nBcc: victim@example.org',
      url: 'javascript:alert(1)',
      published: '2026-11-24T08:00:00.000Z',
      outlets: [
        {
          outletId: 'x',
          name: '"><script>alert(3)</script>',
          url: 'https://x.example/"onmouseover="alert(4)',
        },
      ],
    };
    const { html, text } = renderDigest(
      content({ stories: [{ entityId: 'azer-allahveranov', stories: [hostile] }] }),
      {
        language: 'en',
        roster,
      },
    );
    expect(html).not.toMatch(/<img|<script|javascript:|"onmouseover=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Bcc: victim@example.org');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect(text).toContain('- <img src=x onerror=alert(1)> Bcc: victim@example.org');
    expect(text).not.toContain('\nBcc:');
    expect(text).not.toContain('javascript:');
  });

  it('is email-safe HTML: tables and inline styles, no scripts, images or external resources', () => {
    const { html } = renderDigest(content(), { language: 'az', roster });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<img|<link|<style|@import|url\(/i);
    expect(html).toContain('bgcolor="#2b6cb0"');
    expect(html).toContain('max-width:640px');
  });

  it('shows only the members a reader follows, and the Facebook week and leads when given', () => {
    const page = {
      posts: 4,
      reactions: 120,
      comments: null,
      shares: 9,
      engagement: 135,
      followers: { start: 1000, end: 1012, change: 12 },
      mediaViews: null,
      uniqueMediaViewers: null,
    };
    const { text } = renderDigest(content({ facebook: page, pendingLeads: 2 }), {
      language: 'en',
      members: ['sahib-mammadov'],
      roster,
    });
    expect(text).not.toContain('Story number 1');
    expect(text).toContain('You follow other members; they were not mentioned this week.');
    expect(text).toContain('Posts: 4');
    expect(text).toContain('Followers: 1,012 (+12)');
    expect(text).not.toContain('Comments');
    expect(text).toContain('2 leads wait for review');
    const none = renderDigest(content({ facebook: null }), { language: 'en', roster });
    expect(none.text).toContain('No page activity was recorded this week.');
    expect(renderDigest(content(), { language: 'en', roster }).text).not.toContain('Facebook');
  });
});
