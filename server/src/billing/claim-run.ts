// Generating the claims of every agency of a pooling area for a month, in the background: a run row people can
// watch (agencies done of total, elapsed time) and a pg-boss job that does the work in steps of a few agencies,
// one transaction each. A run is never started twice for an area and month (a unique index on the active ones); a
// step's claims and their place in the run's progress commit together, so a run taken up again after its process died (pg-boss
// retries a job without heartbeats) goes on with the agencies it has not done; and generating one agency's month
// takes a lock, so nothing else generates that agency and month at the same time.
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { BillingService } from './billing.service.ts';
import type { Jobs, Worker } from '../app/jobs.ts';
import type { Actor } from '../graphql/context.ts';
import { AuditTrail } from '../audit/audit.service.ts';
import { areasWith, requirePermission } from '../identity/identity.access.ts';
import { InputError, notFound, requireMonth } from '../shared/errors.ts';
import { isUuid } from '../shared/identifiers.ts';
import { localDate, systemClock, type Clock } from '../shared/clock.ts';

export const CLAIM_RUN_QUEUE = 'claim-run';
const RETRIES = 3;
/** A run commits in about this many steps: one agency each in a small area, several in a large one. */
const STEPS = 12;

/**
 * The agencies not yet done, in the steps the run takes them: each step is one transaction, so that progress
 * moves about a twelfth of the area at a time, and a large area does not pay a transaction's fixed costs (the
 * month's prices and plans read again) once per agency.
 */
export function runSteps(agencyIds: readonly string[], done: readonly string[] = []): string[][] {
  const size = Math.max(1, Math.ceil(agencyIds.length / STEPS));
  const left = agencyIds.filter((a) => !done.includes(a));
  return Array.from({ length: Math.ceil(left.length / size) }, (_, i) => left.slice(i * size, (i + 1) * size));
}

export interface ClaimRunRow {
  id: string;
  pooling_area: string;
  month: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  skipped: number;
  attempts: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  requested_by: string;
}

const RUN_COLUMNS = `r.id, r.pooling_area, to_char(r.month, 'YYYY-MM') as month, r.state, cardinality(r.agency_ids) as total, cardinality(r.done_agency_ids) as done,
  r.skipped, r.attempts, r.error, r.created_at, r.started_at, r.finished_at, u.display_name as requested_by`;

const sql = <T>(em: EntityManager, q: string, params: unknown[] = []) => em.getConnection().execute<T[]>(q, params, 'all', em.getTransactionContext());

export class ClaimRuns {
  constructor(
    private readonly em: EntityManager,
    private readonly jobs: Jobs | null,
    private readonly audit: AuditTrail,
    private readonly clock: Clock = systemClock,
  ) {}

  private async row(em: EntityManager, id: string): Promise<ClaimRunRow | null> {
    const [r] = await sql<ClaimRunRow>(em, `select ${RUN_COLUMNS} from claim_run r join app_user u on u.id = r.requested_by_id where r.id = ?`, [id]);
    return r ?? null;
  }

  /** Starts the area's run for the month, or answers the one already queued or running. */
  async start(actor: Actor | null, poolingArea: string, month: string): Promise<ClaimRunRow> {
    const a = requirePermission(actor, 'claim.generate');
    if (!areasWith(a, 'claim.generate').includes(poolingArea)) throw notFound('Pooling area');
    requireMonth(month);
    if (`${month}-01` > localDate(this.clock.now())) throw new InputError([{ field: 'month', reason: 'FUTURE', message: 'A month that has begun' }]);
    if (!this.jobs) throw new Error('Background jobs are not running in this process');
    const billing = new BillingService(this.em, this.clock, this.audit);
    const created = await this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      const [active] = await sql<{ id: string }>(em, `select id from claim_run where pooling_area = ? and month = ?::date and state in ('QUEUED', 'RUNNING') for update`, [poolingArea, `${month}-01`]);
      if (active) return { id: active.id, fresh: false };
      const agencies = await billing.contractedAgencies(em, poolingArea, month);
      const [run] = await sql<{ id: string }>(
        em,
        `insert into claim_run (id, pooling_area, month, agency_ids, requested_by_id) values (gen_random_uuid(), ?, ?::date, ?::uuid[], ?)
         on conflict do nothing returning id`,
        [poolingArea, `${month}-01`, `{${agencies.join(',')}}`, a.userId],
      );
      if (!run) {
        // Another officer started it a moment ago.
        const [other] = await sql<{ id: string }>(em, `select id from claim_run where pooling_area = ? and month = ?::date and state in ('QUEUED', 'RUNNING')`, [poolingArea, `${month}-01`]);
        return { id: other!.id, fresh: false };
      }
      await this.audit.record(em, a, { operation: 'START_CLAIM_RUN', entity: 'ClaimRun', entityId: run.id, poolingArea, after: { month, agencies: agencies.length } });
      return { id: run.id, fresh: true };
    });
    if (created.fresh) {
      try {
        await this.jobs.send(CLAIM_RUN_QUEUE, { runId: created.id }, { singletonKey: created.id });
      } catch (err) {
        await sql(this.em, `update claim_run set state = 'FAILED', error = ?, finished_at = now() where id = ?`, [String((err as Error).message).slice(0, 500), created.id]);
        throw err;
      }
    }
    return (await this.row(this.em, created.id))!;
  }

  async get(actor: Actor | null, id: string): Promise<ClaimRunRow> {
    const a = requirePermission(actor, 'claim.read');
    const r = isUuid(id) ? await this.row(this.em, id) : null;
    if (!r || !areasWith(a, 'claim.read').includes(r.pooling_area)) throw notFound('Claim run');
    return r;
  }

  /** The area's latest runs (of a month, or of all months), newest first. */
  async list(actor: Actor | null, poolingArea: string, month: string | null): Promise<ClaimRunRow[]> {
    const a = requirePermission(actor, 'claim.read');
    if (!areasWith(a, 'claim.read').includes(poolingArea)) return [];
    return sql<ClaimRunRow>(
      this.em,
      `select ${RUN_COLUMNS} from claim_run r join app_user u on u.id = r.requested_by_id
        where r.pooling_area = ? and (?::date is null or r.month = ?::date) order by r.created_at desc limit 20`,
      [poolingArea, month ? `${month}-01` : null, month ? `${month}-01` : null],
    );
  }
}

/** The worker of the run queue: a step of agencies per transaction, their claims and the run's progress committed together. */
export function claimRunWorker(orm: MikroORM, log: Logger): Worker {
  return {
    queue: CLAIM_RUN_QUEUE,
    heartbeatSeconds: 10,
    retryLimit: RETRIES,
    async handler(data, job) {
      const runId = String(data.runId);
      const em = orm.em.fork() as unknown as EntityManager;
      const [run] = await sql<{ pooling_area: string; month: string; agency_ids: string[]; done_agency_ids: string[]; requested_by_id: string; username: string; roles: string[] }>(
        em,
        `update claim_run r set state = 'RUNNING', started_at = coalesce(r.started_at, now()), attempts = r.attempts + 1
          from app_user u where r.id = ? and u.id = r.requested_by_id and r.state in ('QUEUED', 'RUNNING')
          returning r.pooling_area, to_char(r.month, 'YYYY-MM') as month, r.agency_ids, r.done_agency_ids, r.requested_by_id, u.username,
                    array(select distinct g.role::text from role_grant g where g.user_id = u.id) as roles`,
        [runId],
      );
      if (!run) return;
      // The officer who started the run is the actor of its audit rows.
      const actor: Actor = { userId: run.requested_by_id, username: run.username, poolingArea: run.pooling_area, roles: run.roles as Actor['roles'], grants: [], mustChangePassword: false };
      const audit = new AuditTrail({ requestId: job.id, clientIp: null });
      const billing = new BillingService(em, systemClock, audit);
      try {
        for (const step of runSteps(run.agency_ids, run.done_agency_ids)) {
          await em.fork().transactional(async (tx) => {
            const t = tx as unknown as EntityManager;
            const r = await billing.generateIn(t, actor, run.pooling_area, run.month, step);
            await sql(t, `update claim_run set done_agency_ids = done_agency_ids || ?::uuid[], skipped = skipped + ? where id = ?`, [`{${step.join(',')}}`, r.skipped.length, runId]);
          });
        }
        await sql(em, `update claim_run set state = 'DONE', finished_at = now(), error = null where id = ?`, [runId]);
        log.info({ runId, agencies: run.agency_ids.length }, 'claim run done');
      } catch (err) {
        log.error({ err, runId, retryCount: job.retryCount }, 'claim run failed');
        const last = job.retryCount >= RETRIES;
        await sql(em, `update claim_run set state = ?, error = ?, finished_at = ${last ? 'now()' : 'null'} where id = ?`, [last ? 'FAILED' : 'RUNNING', String((err as Error).message).slice(0, 500), runId]);
        throw err;
      }
    },
  };
}
