// The outlet registry: which press outlets are polled, through which feeds or listing pages, and how.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { ConfigError } from '#shared/errors.ts';
import { configErrorFrom } from './config-issues.ts';
import { fileReadReason } from './file-read-reason.ts';

/** The registry shipped with the repository, used when neither `--outlets` nor `OUTLETS_FILE` is set. */
export const defaultOutletsPath: string = fileURLToPath(
  new URL('../../config/outlets.json', import.meta.url),
);

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });
const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Baku');
const language = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as az');

// Fields any source may carry. `verified` records honestly how the address was checked, for the
// operator; a disabled source stays listed (with the reason in `verified`) but is never polled.
const sourceBase = {
  url: httpUrl,
  language: language.optional(),
  /** @default 'UTC' */
  timeZone: timeZone.default('UTC'),
  /** @default true */
  enabled: z.boolean().default(true),
  verified: z.string().optional(),
  /** Newest items of one answer handed on to matching and storage; overrides `maxItemsPerFeed`. */
  maxItems: z.number().int().positive().optional(),
};

const feedSourceSchema = z.strictObject({ type: z.literal('feed'), ...sourceBase });

const htmlSourceSchema = z.strictObject({
  type: z.literal('html'),
  ...sourceBase,
  selectors: z.strictObject({
    item: z.string().min(1),
    link: z.string().min(1),
    title: z.string().min(1),
    date: z.string().min(1).optional(),
  }),
  dateAttribute: z.string().min(1).optional(),
});

const outletSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1),
  languages: z.array(language).min(1),
  homepage: httpUrl,
  /** What the outlet's entry rests on, for the operator. */
  verified: z.string().optional(),
  /** An outlet with no source is still known by its homepage's domain, so coverage found elsewhere is attributed to it. @default [] */
  sources: z.array(z.discriminatedUnion('type', [feedSourceSchema, htmlSourceSchema])).default([]),
  /** User-Agent for this outlet only, for sites that refuse ours (azertag.az answers 400 to unknown agents). */
  userAgent: z.string().min(1).optional(),
  /** Fetch each article page and extract its main text when the feed carries only a teaser. @default false */
  fetchArticleText: z.boolean().default(false),
  enabled: z.boolean().default(true),
  notes: z.string().optional(),
});

/** A news-search feed: `url` is a template whose `{query}` is replaced by each roster query. */
const searchSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  engine: z.enum(['google-news', 'bing-news', 'generic']),
  url: httpUrl.refine(
    (url) => url.includes('{query}') || url.includes('%7Bquery%7D'),
    'must contain {query}',
  ),
  language: language,
  enabled: z.boolean().default(true),
  /** Follow result links for the article's address and text (up to 20 a query). @default true */
  resolveLinks: z.boolean().default(true),
  verified: z.string().optional(),
});

const addressOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
  error: 'must be an IP address or a CIDR range such as 127.0.0.0/8',
});

const registrySchema = z.strictObject({
  $schema: z.string().optional(),
  outlets: z.array(outletSchema),
  /** News-search sources turning the roster into queries (see searchSourceSchema). @default [] */
  searches: z.array(searchSourceSchema).default([]),
  allowPrivateAddresses: z.array(addressOrRange).default([]),
  /** Contact URL named in our User-Agent, so an outlet's admin can reach us. */
  contactUrl: httpUrl.optional(),
  /** Newest items of one answer handed on to matching and storage, per source. @default 500 */
  maxItemsPerFeed: z.number().int().positive().default(500),
});

type ParsedOutlet = z.infer<typeof outletSchema>;
type ParsedSource = ParsedOutlet['sources'][number];

/** One feed or listing page of an outlet, with the stable id its health state is kept under. */
export type OutletSource = ParsedSource & { sourceId: string };
/** A feed source. */
export type FeedSource = Extract<OutletSource, { type: 'feed' }>;
/** An HTML listing source. */
export type HtmlSource = Extract<OutletSource, { type: 'html' }>;
/** One press outlet and its sources. */
export type Outlet = Omit<ParsedOutlet, 'sources'> & { sources: OutletSource[] };
/** A news-search source of the registry. */
export type SearchSource = z.infer<typeof searchSourceSchema>;
/** The validated registry. */
export type OutletRegistry = Omit<z.infer<typeof registrySchema>, 'outlets'> & { outlets: Outlet[] };

/**
 * The id of a source: outlet id plus a short hash of its URL, so reordering the file keeps every
 * source's state, and a changed URL starts afresh (its validators belonged to the old URL).
 */
export function sourceIdOf(outletId: string, url: string): string {
  return `${outletId}:${createHash('sha256').update(url).digest('hex').slice(0, 10)}`;
}

/** Validates a parsed JSON value as a registry; `source` names the file in error messages. */
export function parseOutlets(value: unknown, source: string): OutletRegistry {
  const result = registrySchema.safeParse(value);
  if (!result.success) {
    throw configErrorFrom(source, result.error);
  }
  const seenOutlets = new Set<string>();
  const seenUrls = new Set<string>();
  const outlets = result.data.outlets.map((outlet, o) => {
    if (seenOutlets.has(outlet.id))
      throw new ConfigError(`${source}: outlets[${o}].id: duplicate id "${outlet.id}"`);
    seenOutlets.add(outlet.id);
    const sources = outlet.sources.map((entry, s) => {
      if (seenUrls.has(entry.url)) {
        throw new ConfigError(`${source}: outlets[${o}].sources[${s}].url: ${entry.url} is listed twice`);
      }
      seenUrls.add(entry.url);
      return { ...entry, sourceId: sourceIdOf(outlet.id, entry.url) };
    });
    return { ...outlet, sources };
  });
  return { ...result.data, outlets };
}

/** Reads and validates a registry file. */
export async function loadOutlets(path: string): Promise<OutletRegistry> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${path}: cannot read the outlet registry: ${fileReadReason(cause)}`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${path}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  return parseOutlets(value, path);
}

/** The registry file to use: the `--outlets` flag, else `OUTLETS_FILE`, else the shipped default. */
export function resolveOutletsPath(flag?: string): string {
  const fromEnv = process.env.OUTLETS_FILE?.trim();
  return flag?.trim() || fromEnv || defaultOutletsPath;
}

/** Every source that is listed but not polled: disabled itself, or of a disabled outlet. */
export function disabledSources(registry: OutletRegistry): { outlet: Outlet; source: OutletSource }[] {
  return registry.outlets.flatMap((outlet) =>
    outlet.sources.filter((s) => !(outlet.enabled && s.enabled)).map((source) => ({ outlet, source })),
  );
}

/** Every enabled source of every enabled outlet, paired with its outlet. */
export function enabledSources(registry: OutletRegistry): { outlet: Outlet; source: OutletSource }[] {
  return registry.outlets
    .filter((outlet) => outlet.enabled)
    .flatMap((outlet) => outlet.sources.filter((s) => s.enabled).map((source) => ({ outlet, source })));
}
