// Runs a search poll with its own guarded HTTP client, the registry's User-Agent and address
// exemptions: the one entry the CLI, the scrape worker and the benchmark share.
import type { OutletRegistry } from '../config/outlets.ts';
import { createHttpClient } from '../feeds/fetch/http-client.ts';
import { trackerUserAgent } from '../feeds/poll/poll-sources.ts';
import type { FeedStateStore } from '../feeds/poll/ports.ts';
import type { FetchOptions } from '../feeds/poll/source-poller.ts';
import type { Matcher } from '../matching/index.ts';
import { createAttributor } from './outlet-attribution.ts';
import { pollSearches, type SearchReport, type SearchSink } from './poll-searches.ts';
import type { SearchTarget } from './search-sources.ts';

/** What a search run needs. */
export interface SearchRunInput extends FetchOptions {
  registry: OutletRegistry;
  targets: SearchTarget[];
  stateStore: FeedStateStore;
  matcher: Matcher;
  sink?: SearchSink;
  onlyDue?: boolean;
  now?: Date;
  log?: (line: string) => void;
}

/** Polls the targets once and closes the client. */
export async function runSearches(input: SearchRunInput): Promise<SearchReport[]> {
  if (input.targets.length === 0) return [];
  const agent = createHttpClient({
    allowPrivateAddresses: input.registry.allowPrivateAddresses,
    ...(input.connectTimeoutMs ? { connectTimeoutMs: input.connectTimeoutMs } : {}),
  });
  try {
    return await pollSearches({
      ...input,
      attributor: createAttributor(input.registry),
      agent,
      userAgent: input.userAgent ?? trackerUserAgent(input.registry.contactUrl),
    });
  } finally {
    await agent.close();
  }
}
