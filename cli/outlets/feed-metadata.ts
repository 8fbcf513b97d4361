// The title and language a feed declares about itself: RSS <language> (RSS 2.0 spec, "language"),
// Dublin Core dc:language in RSS 1.0, Atom's xml:lang (RFC 4287 §2) and JSON Feed's `language`.
import { load } from 'cheerio/slim';
import { detectFormat } from '#shared/feeds/parse/format-detector.ts';

/** What a feed says about itself. */
export interface FeedMetadata {
  title?: string;
  /** Two-letter code (ISO 639-1), from a tag such as az-AZ or ru_RU. */
  language?: string;
}

/** The two-letter primary subtag of a language tag (BCP 47), or undefined. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

const clean = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

/** Reads the feed's declared title and language from its decoded text. */
export function readFeedMetadata(text: string): FeedMetadata {
  const format = detectFormat(text);
  if (format === 'json-feed') {
    try {
      const feed = JSON.parse(text) as { title?: unknown; language?: unknown };
      const title = clean(typeof feed.title === 'string' ? feed.title : undefined);
      const language = primaryLanguage(typeof feed.language === 'string' ? feed.language : undefined);
      return { ...(title ? { title } : {}), ...(language ? { language } : {}) };
    } catch {
      return {};
    }
  }
  const $ = load(text, { xml: true });
  let title: string | undefined;
  let language: string | undefined;
  if (format === 'atom') {
    title = clean($('feed > title').first().text());
    language = primaryLanguage($('feed').attr('xml:lang'));
  } else {
    title = clean($('channel > title').first().text());
    language = primaryLanguage(
      $('channel > language').first().text() ||
        $('channel > dc\\:language').first().text() ||
        $('rss').attr('xml:lang'),
    );
  }
  return { ...(title ? { title } : {}), ...(language ? { language } : {}) };
}
