// Renders news-search answers in the shapes of Google News RSS and Bing News RSS, for the local
// stand-in and the tests: Google names the outlet in <source url> and suffixes the title with it;
// Bing hides the article's address in the `url` parameter of a click link.

/** One result as the stand-in serves it. */
export interface StandInResult {
  title: string;
  /** The article's real address. */
  url: string;
  /** Google's redirect link to serve instead of `url`; Bing-shaped answers always use a click link. */
  redirect?: string;
  outletName: string;
  /** The outlet's homepage, for Google's <source url>. */
  outletUrl: string;
  snippet: string;
  published: Date;
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Google News RSS search answer. */
export function googleNewsRss(query: string, results: StandInResult[]): string {
  const items = results
    .map((r) => {
      const link = r.redirect ?? r.url;
      const description = `<a href="${xml(link)}" target="_blank">${xml(r.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${xml(r.outletName)}</font>`;
      return `<item><title>${xml(`${r.title} - ${r.outletName}`)}</title><link>${xml(link)}</link><guid isPermaLink="false">${xml(link)}</guid><pubDate>${r.published.toUTCString()}</pubDate><description>${xml(description)}</description><source url="${xml(r.outletUrl)}">${xml(r.outletName)}</source></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator><title>${xml(query)} - Google News</title><link>https://news.google.com/search</link><language>az</language><description>Google News</description>${items}</channel></rss>`;
}

/** A Bing News RSS search answer (`format=rss`); `clickBase` is the click-tracking address. */
export function bingNewsRss(query: string, results: StandInResult[], clickBase: string): string {
  const items = results
    .map((r, i) => {
      const click = `${clickBase}?ref=FexRss&aid=&tid=${i}&url=${encodeURIComponent(r.url)}&c=${i}&mkt=en-us`;
      return `<item><title>${xml(r.title)}</title><link>${xml(click)}</link><description>${xml(r.snippet)}</description><pubDate>${r.published.toUTCString()}</pubDate><News:Source>${xml(r.outletName)}</News:Source></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8" ?><rss version="2.0" xmlns:News="https://www.bing.com:443/news/search?format=rss"><channel><title>${xml(query)} - BingNews</title><link>https://www.bing.com/news/search</link><description>Search results</description>${items}</channel></rss>`;
}
