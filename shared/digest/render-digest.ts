// Renders one reader's digest: subject, HTML part and plain-text part from the same view.
import type { DigestLanguage } from '../config/digest-recipients.ts';
import type { Roster } from '../config/roster.ts';
import type { DigestContent } from './digest-content.ts';
import { renderDigestHtml } from './digest-html.ts';
import { renderDigestText } from './digest-text.ts';
import { digestView } from './digest-view.ts';

/** A rendered digest, ready for the mail port. */
export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/** Renders the content for a reader of `language` who follows `members` (everyone when absent). */
export function renderDigest(
  content: DigestContent,
  reader: { language: DigestLanguage; members?: string[] | undefined; roster: Roster },
): RenderedDigest {
  const view = digestView(content, {
    language: reader.language,
    roster: reader.roster,
    ...(reader.members ? { members: reader.members } : {}),
  });
  return { subject: view.subject, html: renderDigestHtml(view), text: renderDigestText(view) };
}
