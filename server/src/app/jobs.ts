// Background jobs kept in PostgreSQL (pg-boss): no broker to run, every server process on the database takes
// jobs, and a job whose process died (no heartbeat) is given to another, or to the same one restarted. Modules
// declare their queues as workers; what a job did and how far it got is the module's own table, not pg-boss's.
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';

export interface Worker {
  queue: string;
  /** Seconds between heartbeats a live worker sends; a job without one for this long is retried elsewhere. */
  heartbeatSeconds: number;
  retryLimit: number;
  handler: (data: Record<string, unknown>, job: { id: string; retryCount: number }) => Promise<void>;
}

export interface Jobs {
  send(queue: string, data: Record<string, unknown>, options?: { singletonKey?: string }): Promise<string | null>;
  stop(): Promise<void>;
}

/** The schema pg-boss keeps its tables in (created on first start). */
export const JOB_SCHEMA = 'pgboss';

/** How often (seconds) this process looks for jobs whose worker stopped sending heartbeats. */
const SUPERVISE_SECONDS = Number(process.env.CHANGHU_JOB_SUPERVISE_SECONDS ?? 10);

export async function startJobs(connectionString: string, log: Logger, workers: Worker[]): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 3,
    application_name: 'changhu-jobs',
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
    registerInstance: false,
    schedule: false,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue'));
  await boss.start();
  for (const w of workers) {
    await boss.createQueue(w.queue, { policy: 'standard', retryLimit: w.retryLimit, retryDelay: 1, heartbeatSeconds: w.heartbeatSeconds, expireInSeconds: 3600 }).catch(async (err: Error) => {
      // Another process created it first.
      if (!(await boss.getQueue(w.queue))) throw err;
    });
    await boss.work<Record<string, unknown>>(w.queue, { pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
      for (const job of jobs) {
        const retryCount = (job as unknown as { retryCount?: number }).retryCount ?? 0;
        log.info({ queue: w.queue, job: job.id, retryCount }, 'job started');
        await w.handler(job.data, { id: job.id, retryCount });
        log.info({ queue: w.queue, job: job.id }, 'job done');
      }
    });
  }
  return {
    send: (queue, data, options = {}) => boss.send(queue, data, options),
    stop: () => boss.stop({ graceful: true, timeout: 5000 }),
  };
}
