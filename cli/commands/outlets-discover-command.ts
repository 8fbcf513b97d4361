// `tracker outlets discover <homepage>...`: finds and validates the feeds of each site and prints
// ready-to-paste registry entries. Every request goes through the address guard; private and
// loopback addresses are refused unless `--allow-private` names them (for local stand-ins and tests).
import * as z from 'zod';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { createHttpClient } from '#shared/feeds/fetch/http-client.ts';
import { createOriginLimiter } from '#shared/feeds/fetch/origin-limiter.ts';
import { trackerUserAgent } from '#shared/feeds/poll/poll-sources.ts';
import { parseCommandFlags } from '../command-flags.ts';
import type { CommandIo } from '../command-io.ts';
import { discoverFeeds } from '../outlets/feed-discovery.ts';
import { registryEntryOf } from '../outlets/registry-entry.ts';
import { outletsUsage } from './outlets-command.ts';

const addressOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
const homepageUrl = z.url({ protocol: /^https?$/ });

/** Runs `outlets discover`; resolves to the exit code (1 when no homepage could be fetched). */
export async function runOutletsDiscover(argv: string[], io: CommandIo): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(
    argv,
    {
      'allow-private': { type: 'string', multiple: true },
      outlets: { type: 'string' },
      json: { type: 'boolean' },
    },
    { usage: outletsUsage },
    io,
    true,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const allowed = values['allow-private'] ?? [];
  const badAddress = allowed.find((a) => !addressOrRange.safeParse(a).success);
  const badUrl = positionals.find((u) => !homepageUrl.safeParse(u).success);
  if (positionals.length === 0 || badAddress !== undefined || badUrl !== undefined) {
    err(
      `${
        positionals.length === 0
          ? 'outlets discover: give at least one homepage'
          : badUrl !== undefined
            ? `outlets discover: ${badUrl} is not an absolute http(s) URL`
            : `outlets discover: --allow-private ${badAddress} is not an IP address or CIDR range`
      }\n${outletsUsage}`,
    );
    return 2;
  }
  // The registry only lends its contact URL to the User-Agent; a missing one is not an error here.
  const contactUrl = await loadOutlets(resolveOutletsPath(values.outlets)).then(
    (r) => r.contactUrl,
    () => undefined,
  );
  const agent = createHttpClient({ allowPrivateAddresses: allowed });
  const ctx = { agent, limiter: createOriginLimiter(2), userAgent: trackerUserAgent(contactUrl) };
  const on = new Date().toISOString().slice(0, 10);
  const entries: Record<string, unknown>[] = [];
  let reached = 0;
  try {
    for (const homepage of positionals) {
      err(`discover ${homepage}`);
      const site = await discoverFeeds(homepage, ctx);
      if (site.error) err(`  cannot fetch the homepage: ${site.error}`);
      else reached++;
      for (const c of site.candidates) {
        if (c.ok) err(`  ${c.how} ${c.url}: ${c.items} items${c.language ? `, language ${c.language}` : ''}`);
        else if (c.how === 'advertised') err(`  advertised ${c.url} rejected: ${c.error}`);
      }
      const entry = site.error ? undefined : registryEntryOf(site, on);
      if (values.json)
        io.stdout.write(
          `${JSON.stringify({ homepage, ...(site.error ? { error: site.error } : {}), candidates: site.candidates, entry: entry ?? null })}\n`,
        );
      else if (entry) entries.push(entry);
    }
  } finally {
    await agent.close();
  }
  // Entries separated by commas paste straight into the "outlets" array of the registry.
  if (!values.json && entries.length > 0)
    io.stdout.write(`${entries.map((e) => JSON.stringify(e, null, 2)).join(',\n')}\n`);
  return reached === 0 ? 1 : 0;
}
