// The main text of an article page, for outlets whose feeds carry only a title or a teaser: names
// of council members are often only in the body.
import { load } from 'cheerio/slim';
import { collapseWhitespace } from '../parse/text-normaliser.ts';

const candidates = [
  '[itemprop="articleBody"]',
  'article',
  '.article-body',
  '.news-text',
  '.post-content',
  'main',
];

/** Extracts the main text of an article page: the candidate container with the most paragraph text. */
export function extractArticleText(html: string): string {
  const $ = load(html);
  $('script, style, noscript, nav, header, footer, aside, form, iframe, .share, .related').remove();
  let best = '';
  for (const selector of [...candidates, 'body']) {
    $(selector).each((_, element) => {
      const paragraphs = $(element)
        .find('p')
        .map((__, p) => collapseWhitespace($(p).text()))
        .get()
        .filter((p) => p.length > 0);
      const text = paragraphs.join(' ');
      if (text.length > best.length) best = text;
    });
    if (best.length > 200) break;
  }
  return best;
}
