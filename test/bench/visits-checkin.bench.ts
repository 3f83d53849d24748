// Check-in then check-out through real HTTP GraphQL, with session cookies, at 64 concurrent connections for 15 s
// (autocannon): requests per second, p50 and p99, and the stored visits counted against the successful requests.
// The server runs in a process of its own, as `npm start` runs it (with its request log), so that the load
// generator in this process does not share its event loop.
//
// Two patterns of work (BENCH_PATTERN):
// - `rounds` (the default): a city's caregivers on their rounds: 1,024 (16 per connection), each signed in with her
//   own session, taking turns across all connections. Each serves 3 beneficiaries and visits them in order, one visit every 3
//   hours from 46 hours ago, 30 minutes each, as phones syncing the last two days would (up to 16 visits each, so
//   up to 2,100 requests a second stay in the past). Most visits are clean, as most are in a real city.
// - `dense`: the most neighbours for the rules to read: 64 caregivers, one beneficiary each, every caregiver's
//   visits 40 minutes apart going back in time, so that each check-out reads up to 54 of her visits within 36
//   hours. (Each new visit comes before all her others, so the day-load and frequency rules, which count the
//   visits before it, find nothing; the month's audit does.)
//
// Beside them, the rest of the city's month: 200,000 generated visits of other agencies (BENCH_BACKGROUND_VISITS),
// and the partitions of two years of months before it (BENCH_PAST_MONTHS), as a city that has run that long has.
//
// Before the measured run, unless BENCH_WARMUP=0, each caregiver visits each of her beneficiaries once, eight days
// back (not measured): the server keeps the facts of a caregiver and her beneficiaries from their first visit on
// (server/src/shared/fact-cache.ts), as it would after the first round of a working day. With BENCH_WARMUP=0 the
// measured run starts cold, and in 15 s most of its check-ins are some caregiver's first with that beneficiary.
//
// Run: npm run bench -- test/bench/visits-checkin.bench.ts
// Options (environment): BENCH_PATTERN (rounds), BENCH_CONNECTIONS (64), BENCH_SECONDS (15),
// BENCH_BACKGROUND_VISITS (200000), BENCH_PAST_MONTHS (24), BENCH_WARMUP (1), BENCH_LOG_LEVEL (info), BENCH_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=prof" to profile the server).
import { afterAll, beforeAll, expect, test } from 'vitest';
import autocannon from 'autocannon';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase } from '../helpers/db.ts';
import { clientFor, LOGIN, sessionCookie } from '../helpers/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { resetStatementStats, topStatements } from '../helpers/cpu.ts';
import { cpuSpan, graphqlTally, startServerProcess, type ServerProcess } from '../helpers/bench.ts';
import { openOrm } from '../../server/src/app/orm.ts';
import { generateVisitMonth } from '../../seeds/visit-generator.ts';
import { localDate } from '../../server/src/shared/clock.ts';

const PATTERN = (process.env.BENCH_PATTERN ?? 'rounds') as 'rounds' | 'dense';
if (!['rounds', 'dense'].includes(PATTERN)) throw new Error(`BENCH_PATTERN is rounds or dense, not ${PATTERN}`);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Visits of the month so far in the rest of the city (generated), so that the tables are not the few rows of the demo. */
const BACKGROUND = Number(process.env.BENCH_BACKGROUND_VISITS ?? 200_000);
const WARMUP = process.env.BENCH_WARMUP !== '0';
const PAST_MONTHS = Number(process.env.BENCH_PAST_MONTHS ?? 24);
/** Caregivers each connection speaks for, beneficiaries each caregiver serves, and the plan's times a day per item. */
const SHAPE = PATTERN === 'rounds' ? { caregiversPerConnection: 16, peoplePerCaregiver: 3, timesPerDay: 3 } : { caregiversPerConnection: 1, peoplePerCaregiver: 1, timesPerDay: 6 };
const CAREGIVERS = CONNECTIONS * SHAPE.caregiversPerConnection;
let db: pg.Client;
let server: ServerProcess;
let pgPort: string;
interface Stop {
  person: string;
  lat: number;
  lng: number;
  item: string;
  family: string;
}
/** Per caregiver (1-based order of setup): her session cookie and the beneficiaries she visits in turn. */
const caregivers: { cookie: string; stops: Stop[] }[] = [];

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  pgPort = new URL(databaseUrl).port;
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // The caregivers of the first demo agency, each with a sign-in and beneficiaries of her own whose plans are in
  // force (copied from a demo plan, each item so many times a day), all set up with SQL. Homes lie 150 m apart.
  await db.query(`
    do $$
    declare
      tpl record; pid uuid; plid uuid; vid uuid; cid uuid; uid uuid; n int;
    begin
      select p.id as plan_id, v.id as version_id, p.agency_id, p.conclusion_id, p.requested_by_id, ip.region_code, ip.latitude, ip.longitude
        into tpl from care_plan p join care_plan_version v on v.plan_id = p.id join insured_person ip on ip.id = p.person_id
       where p.care_form = 'HOME' and v.state = 'APPROVED' and v.effective_until is null
         and p.agency_id = '0b9c6a52-5d3e-4c44-9a57-7a3f1c2d0a01' limit 1;
      for i in 1 .. ${CAREGIVERS} loop
        cid := gen_random_uuid(); uid := gen_random_uuid();
        insert into app_user (id, username, display_name, pooling_area, password_hash, must_change_password, created_at, version)
          select uid, 'bench.cg' || i, '压测护理员' || i, '3702', password_hash, false, now(), 1 from app_user where username = 'caregiver';
        insert into role_grant (id, user_id, role, agency_id) values (gen_random_uuid(), uid, 'CAREGIVER', tpl.agency_id);
        insert into caregiver (id, pooling_area, agency_id, name, id_number, birth_date, sex, qualification, certificate_no, certificate_expiry, training_hours, active, user_id, created_at, version)
          values (cid, '3702', tpl.agency_id, '压测护理员' || i, '370203198001' || lpad(i::text, 6, '0'), date '1980-01-01', 'FEMALE', 'NURSE', 'BENCH' || i, date '2030-12-31', 40, true, uid, now(), 1);
        insert into employment (id, pooling_area, caregiver_id, agency_id, "from") values (gen_random_uuid(), '3702', cid, tpl.agency_id, date '2025-01-01');
        for j in 1 .. ${SHAPE.peoplePerCaregiver} loop
          n := (i - 1) * ${SHAPE.peoplePerCaregiver} + j;
          pid := gen_random_uuid(); plid := gen_random_uuid(); vid := gen_random_uuid();
          insert into insured_person (id, pooling_area, name, id_number, birth_date, sex, insurance_type, insured_since, address, region_code, status, latitude, longitude, emergency_contact_name)
            values (pid, '3702', '压测' || n, '370202194001' || lpad(n::text, 6, '0'), date '1940-01-01', 'FEMALE', 'RESIDENT', date '2015-01-01', '压测地址' || n, tpl.region_code, 'ACTIVE',
                    tpl.latitude + (i % 200) * 0.0005, tpl.longitude + j * 0.00165, '家属' || n);
          insert into agency_client (id, pooling_area, agency_id, person_id, since) values (gen_random_uuid(), '3702', tpl.agency_id, pid, date '2025-01-01');
          insert into caregiver_assignment (id, pooling_area, person_id, caregiver_id, agency_id, role, since)
            values (gen_random_uuid(), '3702', pid, cid, tpl.agency_id, 'PRIMARY', date '2025-01-01');
          insert into care_plan (id, pooling_area, person_id, agency_id, care_form, state, start_date, conclusion_id, tube_feeding, requested_by_id, created_at, version)
            values (plid, '3702', pid, tpl.agency_id, 'HOME', 'ACTIVE', current_date - 60, tpl.conclusion_id, false, tpl.requested_by_id, now(), 1);
          insert into care_plan_version (id, pooling_area, plan_id, number, state, conclusion_id, level, effective_from, fit_changes, cost, auto_approved, created_by_id, created_at, updated_at, version)
            select vid, '3702', plid, 1, 'APPROVED', conclusion_id, level, current_date - 60, '[]', cost, false, created_by_id, now(), now(), 1 from care_plan_version where id = tpl.version_id;
          insert into care_plan_line (id, pooling_area, plan_version_id, position, kind, code, name, category, times, per, days, time_of_day, unit_price_fen, minutes, reasons, alternatives)
            select gen_random_uuid(), '3702', vid, position, kind, code, name, category, ${SHAPE.timesPerDay}, 'DAY', days, time_of_day, unit_price_fen, minutes, '[]', '[]'
              from care_plan_line where plan_version_id = tpl.version_id;
        end loop;
      end loop;
    end $$`);
  const { rows } = await db.query<{ caregiver: number; id: string; latitude: number; longitude: number; code: string; family: string }>(
    `select substring(u.username from 9)::int as caregiver, ip.id, ip.latitude, ip.longitude, ip.emergency_contact_name as family,
            (select l.code from care_plan_line l join care_plan_version v on v.id = l.plan_version_id join care_plan p on p.id = v.plan_id
              where p.person_id = ip.id and l.kind = 'ITEM' and l.minutes <= 30 order by l.position limit 1) as code
       from insured_person ip join caregiver_assignment a on a.person_id = ip.id join caregiver c on c.id = a.caregiver_id join app_user u on u.id = c.user_id
      where ip.name like '压测%' order by ip.id_number`,
  );
  // The rest of the city's month so far: other agencies' visits, with their findings.
  if (BACKGROUND > 0) {
    const orm = await openOrm(databaseUrl, { poolMax: 2 });
    try {
      await generateVisitMonth(orm.em.fork() as never, { poolingArea: '3702', month: localDate(new Date()).slice(0, 7), beneficiaries: Math.ceil(BACKGROUND / 30), agencies: 20, visitsTarget: BACKGROUND, seed: 11 });
    } finally {
      await orm.close(true);
    }
  }
  // Empty partitions of the months before the ones the migrations made (two back): each costs a statement on the
  // partitioned table a lock at every execution of a generic plan.
  if (PAST_MONTHS > 0) await db.query(`select visit_ensure_partitions((date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '${2 + PAST_MONTHS} months')::date, ${PAST_MONTHS})`);
  // A city's database is vacuumed and has its statistics (autovacuum keeps them): so is this one, after the bulk
  // set-up (else autovacuum starts on it during some runs and not others).
  await db.query('vacuum analyze');
  // pg_stat_statements also counts planning time (off by default), so that re-planned statements show.
  await db.query(`alter database ${new URL(databaseUrl).pathname.slice(1)} set pg_stat_statements.track_planning = on`);
  for (let i = 0; i < CAREGIVERS; i++) caregivers.push({ cookie: '', stops: [] });
  for (const r of rows) caregivers[r.caregiver - 1]!.stops.push({ person: r.id, lat: r.latitude, lng: r.longitude, item: r.code, family: r.family });
  // As `npm start` runs it, request log included.
  server = await startServerProcess(
    'server/src/main.ts',
    { NODE_ENV: 'development', DATABASE_URL: databaseUrl, HOST: '127.0.0.1', SEED_DEMO: '0', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' },
    process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [],
  );
  // Every caregiver signs in through the API (scrypt: a few at a time).
  const gql = clientFor(server.url);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < CAREGIVERS) {
        const i = next++;
        const res = await gql(LOGIN, { u: `bench.cg${i + 1}`, p: DEMO_PASSWORD });
        if (res.body.errors) throw new Error(`login failed: ${JSON.stringify(res.body.errors)}`);
        caregivers[i]!.cookie = sessionCookie(res);
      }
    }),
  );
  if (WARMUP) {
    // Each caregiver's first round, eight days back (beyond every measured visit's 36 hours), 8 at a time.
    const rounds = caregivers.flatMap((cg) => cg.stops.map((stop, j) => ({ cg, stop, at: Date.now() - 8 * 24 * 3_600_000 + j * 3_600_000 })));
    let nextVisit = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (nextVisit < rounds.length) {
          const { cg, stop, at } = rounds[nextVisit++]!;
          const visit = clientFor(server.url, cg.cookie);
          const id = randomUUID();
          const position = { lat: stop.lat, lng: stop.lng, accuracy: 8 };
          const a = await visit(CHECK_IN, { i: { id, personId: stop.person, at: new Date(at).toISOString(), position } });
          const b = await visit(CHECK_OUT, { i: { visitId: id, at: new Date(at + 30 * 60_000).toISOString(), position, items: [{ code: stop.item, quantity: 1 }], confirmation: { method: 'FAMILY', familyName: stop.family } } });
          if (a.body.errors || b.body.errors) throw new Error(`warm-up failed: ${JSON.stringify(a.body.errors ?? b.body.errors)}`);
        }
      }),
    );
  }
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await db?.end();
});

const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { id } }`;
const CHECK_OUT = `mutation($i: CheckOutInput!) { checkOut(input: $i) { id status } }`;

test(`check-in then check-out, ${CONNECTIONS} connections for ${SECONDS} s`, async () => {
  let nextPair = 0;
  const tally = graphqlTally();
  const now = Date.now();
  await resetStatementStats(db);
  const cpuUse = cpuSpan(server.child.pid!, pgPort);
  // What the database's busy sessions were doing, sampled every 100 ms: on CPU, or waiting (and for what).
  const waits: Record<string, number> = {};
  let samples = 0;
  const sampler = setInterval(() => {
    samples++;
    void db.query(`select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, state) as w, count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle' group by 1`).then((r) => {
      for (const row of r.rows as any[]) waits[row.w] = (waits[row.w] ?? 0) + row.n;
    });
  }, 100);
  const instance = autocannon({
    url: `${server.url}/graphql`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: any, context: any) => {
          // autocannon starts each connection's context afresh at every check-in/check-out pair, so the pairs are
          // dealt out from one count: pair n goes to caregiver n mod CAREGIVERS as her visit n div CAREGIVERS (a
          // caregiver's next pair comes only after all the others have had theirs, long after her last one ended).
          const n = nextPair++;
          const cg = caregivers[n % CAREGIVERS]!;
          const k = Math.floor(n / CAREGIVERS) + 1;
          const stop = cg.stops[(k - 1) % cg.stops.length]!;
          context.cg = cg;
          context.stop = stop;
          context.at = PATTERN === 'rounds' ? new Date(now - 46 * 3_600_000 + (k - 1) * 3 * 3_600_000).toISOString() : new Date(now - k * 40 * 60_000).toISOString();
          context.visitId = randomUUID();
          req.headers = { ...req.headers, cookie: cg.cookie };
          req.body = JSON.stringify({ query: CHECK_IN, variables: { i: { id: context.visitId, personId: stop.person, at: context.at, position: { lat: stop.lat, lng: stop.lng, accuracy: 8 } } } });
          return req;
        },
        onResponse: tally.counting('checkIn'),
      },
      {
        method: 'POST',
        setupRequest: (req: any, context: any) => {
          const stop: Stop = context.stop;
          req.headers = { ...req.headers, cookie: context.cg.cookie };
          req.body = JSON.stringify({
            query: CHECK_OUT,
            variables: { i: { visitId: context.visitId, at: new Date(Date.parse(context.at) + 30 * 60_000).toISOString(), position: { lat: stop.lat, lng: stop.lng, accuracy: 8 }, items: [{ code: stop.item, quantity: 1 }], confirmation: { method: 'FAMILY', familyName: stop.family } } },
          });
          return req;
        },
        onResponse: tally.counting('checkOut'),
      },
    ],
  } as never) as unknown as autocannon.Instance;
  instance.on('error', (e: Error) => console.error('autocannon', e));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.on('done', resolve);
    setTimeout(() => reject(new Error(`no result after ${SECONDS + 30} s: ${JSON.stringify(tally.ok)}, ${tally.errors} errors ${tally.firstErrors.join(' | ')}`)), (SECONDS + 30) * 1000);
  });
  clearInterval(sampler);
  const cpu = cpuUse.seconds();
  const okCheckIns = tally.ok.checkIn!;
  const okCheckOuts = tally.ok.checkOut!;
  const {
    rows: [stored],
  } = await db.query<{ visits: number; done: number }>(
    `select count(*)::int as visits, count(*) filter (where status = 'DONE')::int as done from visit v join caregiver c on c.id = v.caregiver_id where c.name like '压测护理员%' and v.check_in_at > now() - interval '7 days'`,
  );
  const { rows: findings } = await db.query<{ rule: string; n: number }>(
    `select f.rule, count(*)::int as n from visit_finding f join caregiver c on c.id = f.caregiver_id where c.name like '压测护理员%' and f.visit_at > now() - interval '7 days' group by 1 order by 1`,
  );
  const r = result as any;
  console.log(
    JSON.stringify(
      {
        pattern: PATTERN,
        warmedUp: WARMUP,
        caregivers: CAREGIVERS,
        requests: r.requests.total,
        rps: Math.round(r.requests.average),
        p50ms: r.latency.p50,
        p99ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        graphqlErrors: tally.errors,
        okCheckIns,
        okCheckOuts,
        storedVisits: stored!.visits,
        storedDone: stored!.done,
        findingsByRule: Object.fromEntries(findings.map((f) => [f.rule, f.n])),
        cpu,
        loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
        busySessionsOnAverage: Object.fromEntries(Object.entries(waits).sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, +(n / Math.max(samples, 1)).toFixed(2)])),
        topStatements: await topStatements(db),
        firstError: tally.firstErrors,
      },
      null,
      2,
    ),
  );
  // Every answered request is stored; requests still in flight when the run stops (at most one per connection)
  // are stored too, without autocannon counting their answers.
  expect(stored!.visits - okCheckIns).toBeGreaterThanOrEqual(0);
  expect(stored!.visits - okCheckIns).toBeLessThanOrEqual(CONNECTIONS);
  expect(stored!.done - okCheckOuts).toBeGreaterThanOrEqual(0);
  expect(stored!.done - okCheckOuts).toBeLessThanOrEqual(CONNECTIONS);
}, 120_000);
