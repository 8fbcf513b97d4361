// Listing pages of outlets without a feed, read with cheerio through the configured selectors.
import { type CheerioAPI, load } from 'cheerio/slim';
import type { HtmlSource } from '#shared/config/outlets.ts';
import { findDateInText, parseDateAttribute } from './date-parser.ts';
import type { ParseContext, RawItem } from './raw-item.ts';
import { collapseWhitespace } from './text-normaliser.ts';
import { canonicalUrl } from './url-canonicalizer.ts';

/**
 * The attribute's value on the date element, else on the item, else on the first element inside the
 * item carrying it: listings put a `data-time` on the card, the link or a span, as they please.
 */
type Selection = ReturnType<CheerioAPI>;

function attributeNear(item: Selection, dateElement: Selection, name: string): string | undefined {
  const inside = /^[\w:-]+$/.test(name) ? item.find(`[${name}]`).first().attr(name) : undefined;
  const value = dateElement.attr(name) ?? item.attr(name) ?? inside;
  return value?.trim() || undefined;
}

/** Parses a listing page into items: link, title and date per `selectors.item`. */
export function parseHtmlListing(
  html: string,
  source: Pick<HtmlSource, 'selectors' | 'dateAttribute'>,
  ctx: ParseContext,
): RawItem[] {
  const $ = load(html);
  // HTML §4.2.3: the document base is <base href> resolved against the page URL.
  const base = canonicalUrl($('base[href]').first().attr('href'), ctx.finalUrl) ?? ctx.finalUrl;
  const { selectors } = source;
  const items: RawItem[] = [];
  $(selectors.item).each((_, element) => {
    const item = $(element);
    const anchor = item.is(selectors.link) ? item : item.find(selectors.link).first();
    const link = canonicalUrl(anchor.attr('href'), base);
    const titleElement = item.find(selectors.title).first();
    // cheerio's text() is already decoded, so the title is not decoded again.
    const title = collapseWhitespace((titleElement.length ? titleElement : anchor).text());
    if (!link || !title) return;
    const dateElement = selectors.date ? item.find(selectors.date).first() : item;
    const dateRaw = source.dateAttribute
      ? attributeNear(item, dateElement, source.dateAttribute)
      : collapseWhitespace(dateElement.text());
    const date = dateRaw
      ? source.dateAttribute
        ? parseDateAttribute(dateRaw, ctx.timeZone)
        : findDateInText(dateRaw, ctx.timeZone)
      : undefined;
    items.push({ link, title, text: '', ...(dateRaw ? { dateRaw, date } : {}) });
  });
  return items;
}
