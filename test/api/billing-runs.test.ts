// Generating an area's claims in the background (pg-boss): a run shows agencies done of total and its time, is
// never started twice for an area and month, and survives its server: killed in the middle of an agency's claim
// (SIGKILL while the claim's lines are being written), the process leaves no partial claim, and another server
// process on the database takes the run up again and finishes it, every agency generated once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../helpers/db.ts';
import { clientFor, LOGIN, sessionCookie, startTestServer, type Gql, type TestServer } from '../helpers/server.ts';
import { startServerProcess, type ServerProcess } from '../helpers/bench.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { openOrm } from '../../server/src/app/orm.ts';
import { generateVisitMonth } from '../../seeds/visit-generator.ts';
import { localDate } from '../../server/src/shared/clock.ts';

const RUN = `id state total done skipped attempts error startedAt finishedAt elapsedMs month poolingArea requestedBy`;
const START = `mutation($p: String!, $m: String!) { startClaimRun(poolingArea: $p, month: $m) { ${RUN} } }`;
const GET = `query($id: ID!) { claimRun(id: $id) { ${RUN} } }`;
const MONTH = localDate(new Date()).slice(0, 7);

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds: number): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a background run in one server', () => {
  let s: TestServer;
  let officer: Gql;
  beforeAll(async () => {
    s = await startTestServer();
    officer = (await s.as('officer')) as unknown as Gql;
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('generates every contracted agency of the area, showing its progress; a second start answers the same run', async () => {
    const [a, b] = await Promise.all([ok(officer, START, { p: '3702', m: MONTH }), ok(officer, START, { p: '3702', m: MONTH })]);
    expect(a.startClaimRun.id).toBe(b.startClaimRun.id);
    expect(a.startClaimRun.total).toBeGreaterThanOrEqual(2);
    const done = await until('the run to finish', async () => {
      const r = (await ok(officer, GET, { id: a.startClaimRun.id })).claimRun;
      return r.state === 'DONE' ? r : null;
    }, 60);
    expect(done).toMatchObject({ done: done!.total, skipped: 0, attempts: 1, error: null, requestedBy: '王经办' });
    expect(done!.elapsedMs).toBeGreaterThanOrEqual(0);
    const claims = await s.db.orm.em.fork().getConnection().execute(`select count(*)::int as n from claim where month = ?::date and pooling_area = '3702'`, [`${MONTH}-01`]);
    expect(claims[0]!.n).toBe(done!.total);
    // Finished, a new run may start; the agency's administrator may not start one for the area.
    const agency = (await s.as('agency')) as unknown as Gql;
    expect((await agency(START, { p: '3702', m: MONTH })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const future = await officer(START, { p: '3702', m: '2099-01' });
    expect(future.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a background run across a killed server', () => {
  const AREA = '3798';
  let databaseUrl: string;
  let db: pg.Client;
  let a: ServerProcess | null = null;
  let b: ServerProcess | null = null;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const orm = await openOrm(databaseUrl, { poolMax: 2 });
    // Eight agencies of an area of their own, enough visits that each agency's claim takes a moment to write.
    await generateVisitMonth(orm.em.fork() as never, { poolingArea: AREA, month: MONTH, beneficiaries: 2_400, agencies: 8, visitsTarget: 48_000, seed: 5 });
    // An officer of that area.
    await orm.em.getConnection().execute(
      `insert into app_user (id, username, display_name, pooling_area, password_hash, status)
       select gen_random_uuid(), 'officer3798', '区经办', ?, password_hash, 'ACTIVE' from app_user where username = 'officer'`,
      [AREA],
    );
    await orm.em.getConnection().execute(
      `insert into role_grant (id, user_id, role, pooling_area) select gen_random_uuid(), id, 'FUND_OFFICER', ? from app_user where username = 'officer3798'`,
      [AREA],
    );
    await orm.close(true);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.end();
  });

  const env = () => ({ NODE_ENV: 'development', DATABASE_URL: databaseUrl, HOST: '127.0.0.1', SEED_DEMO: '0', LOG_LEVEL: 'warn', CHANGHU_JOB_SUPERVISE_SECONDS: '1' });

  it('killed while writing a claim, the server leaves no partial claim; another server finishes the run', async () => {
    a = await startServerProcess('server/src/main.ts', env());
    const login = await clientFor(a.url)(LOGIN, { u: 'officer3798', p: DEMO_PASSWORD });
    const officer = clientFor(a.url, sessionCookie(login));
    // The run takes the agencies in order. Holding the third one's generation lock lets the first two finish; then,
    // with writes to claim_line held up, the lock is let go: the third agency's transaction has written its claim
    // row and waits to replace its lines when the process is killed.
    const agencies = (await db.query(`select distinct k.agency_id as id from contract k where k.pooling_area = $1 order by 1`, [AREA])).rows.map((r) => r.id);
    const lockKey = [`select hashtext('claim-generate')`, `select hashtext($1::text || $2)`];
    const k1 = (await db.query(lockKey[0]!)).rows[0].hashtext;
    const k2 = (await db.query(lockKey[1]!, [agencies[2], `${MONTH}-01`])).rows[0].hashtext;
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query(`select pg_advisory_lock($1, $2)`, [k1, k2]);
    const run = (await ok(officer, START, { p: AREA, m: MONTH })).startClaimRun;
    expect(run.total).toBe(8);
    await until('two agencies done and the third waiting', async () => {
      const [r] = (await db.query(`select cardinality(done_agency_ids) as done from claim_run where id = $1`, [run.id])).rows;
      const waiting = await db.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event = 'advisory'`);
      return r.done === 2 && waiting.rowCount! > 0;
    }, 90);
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table claim_line in share mode');
    await holder.query(`select pg_advisory_unlock($1, $2)`, [k1, k2]);
    await until('the third claim’s lines being written', async () => {
      const busy = await db.query(`select 1 from pg_stat_activity where datname = current_database() and state = 'active' and wait_event_type = 'Lock' and query ilike '%from claim_line%'`);
      return busy.rowCount! > 0;
    }, 30);
    const [written] = (await db.query(`select count(*)::int as n from claim where pooling_area = $1`, [AREA])).rows;
    expect(written.n).toBe(2);
    a.child.kill('SIGKILL');
    await new Promise((r) => a!.child.once('exit', r));
    a = null;
    await blocker.query('rollback');
    await blocker.end();
    await holder.end();
    // PostgreSQL rolls back the killed server's transaction once its connections drop.
    await until('the killed server’s sessions to end', async () => {
      const left = await db.query(`select 1 from pg_stat_activity where datname = current_database() and application_name not in ('changhu-jobs') and pid <> pg_backend_pid() and state <> 'idle'`);
      return left.rowCount === 0;
    }, 30);
    const mid = (await db.query(`select state, cardinality(done_agency_ids) as done from claim_run where id = $1`, [run.id])).rows[0];
    expect(mid.state).toBe('RUNNING');
    expect(mid.done).toBe(2);
    // No partial claim: every claim there is has all its lines (its totals were written last, in the same transaction).
    const partial = await db.query(
      `select c.id from claim c where c.pooling_area = $1 and (c.lines <> (select count(*) from claim_line l where l.claim_id = c.id) or c.lines = 0)`,
      [AREA],
    );
    expect(partial.rows).toEqual([]);
    const claimsAtKill = Number((await db.query(`select count(*) from claim where pooling_area = $1`, [AREA])).rows[0].count);
    expect(claimsAtKill).toBe(mid.done);

    // Another server takes the job up once its heartbeats are missed, and finishes with the agencies not done.
    b = await startServerProcess('server/src/main.ts', env());
    const finished = await until('the run to finish on the second server', async () => {
      const [r] = (await db.query(`select state, cardinality(done_agency_ids) as done, attempts from claim_run where id = $1`, [run.id])).rows;
      return r.state === 'DONE' ? r : null;
    }, 90);
    expect(finished.done).toBe(8);
    expect(finished.attempts).toBeGreaterThanOrEqual(2);
    const claims = await db.query(`select agency_id, lines, (select count(*)::int from claim_line l where l.claim_id = c.id) as stored from claim c where pooling_area = $1`, [AREA]);
    expect(claims.rows).toHaveLength(8);
    for (const c of claims.rows) expect(c.stored).toBe(c.lines);
  }, 240_000);
});
