// Log ports over a Powertools Logger whose lines carry the run's correlation id: `correlate` sets it as
// a persistent key (appendKeys), so every later line of the run has it until the next run sets another.
import type { Logger } from '@aws-lambda-powertools/logger';

/** The `log` and `correlate` dependencies of the dispatcher and the scrape worker. */
export function correlatedLogger(logger: Logger): {
  log: (message: string, detail?: Record<string, unknown>) => void;
  correlate: (correlationId: string | undefined) => void;
} {
  return {
    // A line without detail is a warning about one source; a line with detail is a run summary.
    log: (message, detail) => (detail ? logger.info(message, detail) : logger.warn(message)),
    correlate: (correlationId) =>
      correlationId ? logger.appendKeys({ correlationId }) : logger.removeKeys(['correlationId']),
  };
}
