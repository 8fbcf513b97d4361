// What the local schedules start: the handlers the cloud runs, each built by its function's own factory.
// The dispatcher's queue is in process and delivers SQS-shaped events to the scrape worker's handler,
// a few at a time, as the SQS event source does in the cloud.
import { resolveOutletsPath } from '#shared/config/outlets.ts';
import { resolveRosterPath } from '#shared/config/roster.ts';
import type { TableSettings } from '#shared/config/settings.ts';
import { type Ingestion, openIngestion } from '#shared/ingest/open-ingestion.ts';
import type { PollQueue } from '#shared/ingest/poll-queue.ts';
import type { MailSender } from '#shared/mail/mail-port.ts';
import { mailSenderFromEnv } from '#shared/mail/mail-senders.ts';
import type { ScheduledFunction } from '#shared/schedules.ts';
import { createDispatchHandler } from '../../functions/dispatch/handler.ts';
import { createScrapeWorkerHandler } from '../../functions/scrape-worker/handler.ts';
import { localAlerts } from './alerts-local-target.ts';
import { facebookBackfill, localFacebookSnapshot } from './facebook-local-target.ts';
import { inProcessSqsQueue } from './in-process-sqs-queue.ts';
import type { LocalTargets } from './local-scheduler.ts';
import { localWeeklyDigest } from './weekly-digest-target.ts';

/** What every scheduled handler receives, locally as from EventBridge Scheduler in the cloud. */
export interface ScheduledEvent {
  scheduleId: string;
}

/** A scheduled function's handler; what it answers is logged (a ScheduleRun for the dispatcher). */
export type ScheduledHandler = (event: ScheduledEvent) => Promise<unknown>;

/** What a local factory may build a handler from. */
export interface LocalContext {
  ingestion: Ingestion;
  /** The in-process queue in front of the scrape worker's handler. */
  queue: PollQueue;
  table: TableSettings;
  outletsPath: string;
  rosterPath: string;
  /** The dashboard's address, linked from the digest. */
  dashboardUrl: string;
  /** The carrier of every mail the stack sends (SMTP when SMTP_URL is set, else the outbox). */
  mail: MailSender;
  log: (line: string) => void;
}

/**
 * One entry per scheduled function: its handler, built by the factory the function's handler.ts
 * exports. A new ScheduledFunction fails the type check until it has an entry here.
 */
export const localHandlerFactories: Record<ScheduledFunction, (context: LocalContext) => ScheduledHandler> = {
  dispatch: localDispatch,
  weeklyDigest: localWeeklyDigest,
  facebookSnapshot: localFacebookSnapshot,
  alerts: localAlerts,
};

function localDispatch(context: LocalContext) {
  return createDispatchHandler({
    table: context.ingestion.table,
    registry: context.ingestion.registry,
    roster: context.ingestion.roster,
    stateStore: context.ingestion.storage.stateStore,
    queue: context.queue,
    log: () => undefined, // the run's outcome is logged by the target
  });
}

/** Options of the local targets. */
export interface LocalTargetOptions {
  table: TableSettings;
  /** Overrides the default or OUTLETS_FILE registry. */
  outletsPath?: string;
  /** Overrides the default or ROSTER_FILE roster. */
  rosterPath?: string;
  /** The dashboard's address, linked from the digest. */
  dashboardUrl?: string;
  log: (line: string) => void;
}

/** The local targets, plus a way to poll right away (the demo) and to close them. */
export interface LocalTargetSet {
  targets: LocalTargets;
  pollNow(): Promise<void>;
  /** Reads the Facebook page's last `days` days at once (the demo). */
  backfillFacebook(days: number): Promise<void>;
  close(): Promise<void>;
  outletsPath: string;
  rosterPath: string;
  /** Where the digest's mail goes, for the start banner. */
  mailDescription: string;
}

/** Builds every scheduled function's handler over the local table and files. */
export async function buildLocalTargets(options: LocalTargetOptions): Promise<LocalTargetSet> {
  const outletsPath = resolveOutletsPath(options.outletsPath);
  const rosterPath = resolveRosterPath(options.rosterPath);
  const ingestion = await openIngestion({ table: options.table, outletsPath, rosterPath });
  const worker = createScrapeWorkerHandler({
    registry: ingestion.registry,
    storage: ingestion.storage,
    log: (message, detail) => options.log([message, ...Object.entries(detail ?? {}).map(pair)].join(' ')),
  });
  const queue = inProcessSqsQueue(worker, options.log);
  const mail = mailSenderFromEnv();
  const context: LocalContext = {
    ingestion,
    queue,
    ...options,
    outletsPath,
    rosterPath,
    dashboardUrl: options.dashboardUrl ?? 'http://127.0.0.1:3000',
    mail,
  };
  const entries = Object.entries(localHandlerFactories) as Array<
    [ScheduledFunction, (context: LocalContext) => ScheduledHandler]
  >;
  const handlers = Object.fromEntries(entries.map(([name, factory]) => [name, factory(context)])) as Record<
    ScheduledFunction,
    ScheduledHandler
  >;
  const dispatch = localDispatch(context);

  async function run(id: string, invoke: () => Promise<unknown>): Promise<void> {
    try {
      options.log(`schedule ${id}: ${describe(await invoke())}`);
    } catch (error) {
      options.log(`schedule ${id}: failed (${(error as Error).message})`);
      throw error;
    }
  }

  const targets = Object.fromEntries(
    entries.map(([name]) => [
      name,
      (schedule: { id: string }) => run(schedule.id, () => handlers[name]({ scheduleId: schedule.id })),
    ]),
  ) as unknown as LocalTargets;
  return {
    targets,
    pollNow: () => run('poll-press', () => dispatch({ scheduleId: 'poll-press', all: true })),
    backfillFacebook: (days) => facebookBackfill(context, days),
    close: async () => {
      mail.close();
      await ingestion.storage.close();
    },
    outletsPath,
    rosterPath,
    mailDescription: mail.description,
  };
}

function pair([key, value]: [string, unknown]): string {
  return `${key}=${String(value)}`;
}

/** A run's outcome and detail when the handler answered one, else what it answered. */
function describe(result: unknown): string {
  const run = result as { outcome?: string; detail?: string } | undefined;
  return run?.outcome ? `${run.outcome} (${run.detail ?? ''})` : JSON.stringify(result ?? 'done');
}
