// `npm run bench`: every benchmark of the project, each printing its figures and its ratios against
// a baseline measured in the same run. Medians of repeated runs: the machine is shared and noisy.
import { fileURLToPath } from 'node:url';
import { runApiBench } from './api-bench.ts';
import { runBundleBench } from './bundle-bench.ts';
import { runCliPollBench } from './cli-poll-bench.ts';
import { runCostBench } from './cost-bench.ts';
import { runLargeFeedBench } from './large-feed-bench.ts';
import { runLoadBench } from './load-bench.ts';
import { runMatcherBench } from './matcher-bench.ts';
import { runPollBench } from './poll-bench.ts';
import { runReachBench } from './reach-bench.ts';
import { runStartupBench } from './startup-bench.ts';
import { runStorageBench } from './storage-bench.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  // Start-up first, while the machine is as quiet as this run will find it.
  startup: () => runStartupBench(),
  'cli-poll': () => runCliPollBench(),
  bundles: () => runBundleBench(),
  matcher: () => runMatcherBench(),
  // Matching runs inside the timed poll; storage is timed apart, below.
  poll: () => runPollBench({ hookModule: fileURLToPath(new URL('./match-hook.ts', import.meta.url)) }),
  // Peak memory of one 60,000-item feed against an empty one, each poll in its own process.
  'large-feed': () => runLargeFeedBench(),
  storage: () => runStorageBench(),
  api: () => runApiBench(),
  load: () => runLoadBench(),
  reach: () => runReachBench(),
  // 2,000 loopback sources through dispatch → queue → worker, priced at 200 and 10,000 sources.
  cost: () => runCostBench(),
};

for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
