// The text of one batch of alerts, for email (HTML and plain text) and for chat webhooks. Titles and
// outlet names come from feeds, so they are escaped for each carrier.
import { escapeHtml, plainLine, safeUrl } from '../digest/digest-escape.ts';

/** One item of a batch: a mention of a member, or a member's spike day. */
export type AlertItem =
  | {
      kind: 'mention';
      subject: string;
      memberName: string;
      title: string;
      outletName: string;
      url: string | null;
      published: string;
    }
  | { kind: 'spike'; subject: string; memberName: string; day: string; count: number; average: number };

/** Slack's mrkdwn reserves &, < and > (its "Formatting text" guide asks for these three escapes). */
const slackEscape = (text: string) =>
  plainLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function line(item: AlertItem, clean: (text: string) => string): string {
  if (item.kind === 'spike') {
    return `${clean(item.memberName)}: ${item.count} mentions on ${item.day} (14-day average ${item.average.toFixed(1)})`;
  }
  return `${clean(item.memberName)}: ${clean(item.title)} (${clean(item.outletName)})`;
}

/** The subject line of a batch. */
export function alertSubjectLine(items: readonly AlertItem[]): string {
  const spikes = items.filter((item) => item.kind === 'spike').length;
  const mentions = items.length - spikes;
  const parts = [
    mentions ? `${mentions} new mention${mentions === 1 ? '' : 's'}` : '',
    spikes ? `${spikes} spike${spikes === 1 ? '' : 's'}` : '',
  ];
  return `Council press alert: ${parts.filter(Boolean).join(', ')}`;
}

/** Plain text: one line per item, with its link. */
export function alertText(items: readonly AlertItem[]): string {
  return items
    .map((item) => {
      const url = item.kind === 'mention' ? safeUrl(item.url) : null;
      return `- ${line(item, plainLine)}${url ? `\n  ${url}` : ''}`;
    })
    .join('\n');
}

/** Slack text: one line per item, linked with Slack's <url|label> form when the item has a link. */
export function alertSlackText(items: readonly AlertItem[]): string {
  const body = items.map((item) => {
    const url = item.kind === 'mention' ? safeUrl(item.url) : null;
    return `• ${line(item, slackEscape)}${url ? ` <${url.replace(/[<>|]/g, encodeURIComponent)}|open>` : ''}`;
  });
  return [alertSubjectLine(items), ...body].join('\n');
}

/** HTML for the email: an escaped list. */
export function alertHtml(items: readonly AlertItem[]): string {
  const rows = items.map((item) => {
    const url = item.kind === 'mention' ? safeUrl(item.url) : null;
    const text = line(item, escapeHtml);
    return `<li>${url ? `<a href="${escapeHtml(url)}">${text}</a>` : text}</li>`;
  });
  return `<!doctype html><html><body><h1>${escapeHtml(alertSubjectLine(items))}</h1><ul>${rows.join('')}</ul></body></html>`;
}
