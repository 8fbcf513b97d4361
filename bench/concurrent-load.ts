// Drives an HTTP API with many clients at once for a fixed time: each client sends its next request as
// soon as the previous answer is read. Shared by the load benchmark and the load test.

/** One request a client sends: answers the HTTP status. */
export type LoadRequest = (client: number, sequence: number) => Promise<number>;

/** What a load run saw. */
export interface LoadResult {
  requests: number;
  /** Count of answers by HTTP status; a request that failed outright counts under 0. */
  statuses: Record<number, number>;
  /** Latency of every request, in milliseconds. */
  latencies: number[];
  seconds: number;
}

/** Runs `clients` loops of `send` for `durationMs`. */
export async function runConcurrentLoad(options: {
  clients: number;
  durationMs: number;
  send: LoadRequest;
}): Promise<LoadResult> {
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const loop = async (client: number) => {
    for (let sequence = 0; performance.now() < deadline; sequence++) {
      const sent = performance.now();
      const status = await options.send(client, sequence).catch(() => 0);
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, client) => loop(client)));
  return {
    requests: latencies.length,
    statuses,
    latencies,
    seconds: (performance.now() - started) / 1000,
  };
}
