// Detects a body's format from its content, never the Content-Type (servers send feeds as
// text/html and error pages as application/rss+xml alike).

/** The formats a source body can be in. */
export type BodyFormat = 'rss' | 'atom' | 'rdf' | 'json-feed' | 'html' | 'unknown';

/** Names the format of a decoded body. */
export function detectFormat(text: string): BodyFormat {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{'))
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ? 'json-feed' : 'unknown';
  // Skip the prolog, comments, processing instructions and a DOCTYPE to reach the root element.
  const root = /^(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|\s)*<([\w:.-]+)/i.exec(
    head,
  )?.[1];
  switch (root?.toLowerCase()) {
    case 'rss':
      return 'rss';
    case 'feed':
      return 'atom';
    case 'rdf:rdf':
      return 'rdf';
    case 'html':
      return 'html';
    default:
      return /<html[\s>]|<body[\s>]/i.test(head) ? 'html' : 'unknown';
  }
}
