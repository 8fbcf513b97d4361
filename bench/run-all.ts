// `npm run bench`: every benchmark of the project, each printing its figures and its ratios against
// a baseline measured in the same run. Medians of repeated runs: the machine is shared and noisy.
import { fileURLToPath } from 'node:url';
import { runApiBench } from './api-bench.ts';
import { runMatcherBench } from './matcher-bench.ts';
import { runPollBench } from './poll-bench.ts';
import { runReachBench } from './reach-bench.ts';
import { runStorageBench } from './storage-bench.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  matcher: () => runMatcherBench(),
  // Matching runs inside the timed poll; storage is timed apart, below.
  poll: () => runPollBench({ hookModule: fileURLToPath(new URL('./match-hook.ts', import.meta.url)) }),
  storage: () => runStorageBench(),
  api: () => runApiBench(),
  reach: () => runReachBench(),
};

for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
