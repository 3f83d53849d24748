// Monthly settlement at a large pilot city's scale: a generated month of 1,000,000 home visits for 30,000
// beneficiaries of 60 agencies, audited first (so that findings deduct), then settled by generateClaims, against
// the bare aggregate floor in the same run: one SQL GROUP BY over the month's visits with prices, the level's cap
// and the fund ratio. Settlement is timed both as one transaction for the whole area and as the background run
// does it, in steps of a few agencies (runSteps), one transaction each. The process's memory is watched to show no visit passes through JavaScript.
// Run: npm run bench -- test/bench/billing-generate.bench.ts
// Options (environment): BENCH_VISITS (1000000), BENCH_EXPLAIN=1 prints the care lines' query plan.
import os from 'node:os';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { generateVisitMonth } from '../../seeds/visit-generator.ts';
import { runMonthlyAudit } from '../../server/src/visits/visits.audit-sql.ts';
import { DEFAULT_VISIT_SETTINGS } from '../../server/src/visits/visits.rules.ts';
import { GENERATE_WORK_MEM, careLinesSql, generateClaims } from '../../server/src/billing/billing.generate-sql.ts';
import { runSteps } from '../../server/src/billing/claim-run.ts';
import { DEFAULT_BENEFITS } from '../../server/src/careplan/careplan.rules.ts';

const AREA = '3702';
const MONTH = '2026-10';
const VISITS = Number(process.env.BENCH_VISITS ?? 1_000_000);
const BENEFICIARIES = Math.round((VISITS * 30_000) / 1_000_000);
const AGENCIES = 60;
const FROM = `'2026-09-30T16:00:00Z'`;
const UNTIL = `'2026-10-31T16:00:00Z'`;
let s: TestServer;
const em = () => s.db.orm.em.fork() as unknown as EntityManager;
const mb = (bytes: number) => Math.round(bytes / 1e6);

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; rssBefore: number; rssPeak: number }> {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, rssBefore, rssPeak: Math.max(rssPeak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/** The floor: per agency, Σ over beneficiaries of round(min(Σ price × quantity, the level's cap) × 75%), in one GROUP BY. */
const FLOOR = `
  with u as (
    select v.agency_id, v.person_id, max(pv.level) as level, sum((s.item_prices ->> i.code)::bigint * i.quantity) as gross
      from visit v
      cross join lateral jsonb_to_recordset(v.items) as i(code text, quantity int)
      join care_plan_version pv on pv.id = v.plan_version_id
      join contract k on k.agency_id = v.agency_id and k.pooling_area = v.pooling_area
      join price_schedule s on s.contract_id = k.id
     where v.pooling_area = '${AREA}' and v.status = 'DONE' and v.check_in_at >= ${FROM} and v.check_in_at < ${UNTIL}
     group by v.agency_id, v.person_id)
  select agency_id, count(*) as people, sum(gross) as gross,
         sum((least(gross, case level when 3 then 120000 when 4 then 150000 else 180000 end) * 7500 + 5000) / 10000) as fund
    from u group by agency_id`;

beforeAll(async () => {
  s = await startTestServer();
}, 120_000);

afterAll(async () => {
  await s?.stop();
});

test(`settlement of ${VISITS.toLocaleString('en')} visits (${BENEFICIARIES.toLocaleString('en')} beneficiaries, ${AGENCIES} agencies) against the GROUP BY floor`, async () => {
  await generateVisitMonth(em(), { poolingArea: AREA, month: MONTH, beneficiaries: BENEFICIARIES, agencies: AGENCIES, visitsTarget: VISITS, seed: 2026 });
  await em().getConnection().execute(`vacuum analyze`);
  await em().getConnection().execute(`checkpoint`);
  const audit = await runMonthlyAudit(em(), AREA, MONTH, DEFAULT_VISIT_SETTINGS);
  await em().getConnection().execute(`vacuum analyze visit_finding`);
  const userId = (await em().getConnection().execute<{ id: string }[]>(`select id from app_user where username = 'officer'`))[0]!.id;
  const agencies = (await em().getConnection().execute<{ id: string }[]>(`select distinct agency_id as id from contract where pooling_area = '${AREA}' order by 1`)).map((r) => r.id);
  const run = { poolingArea: AREA, month: MONTH, userId, benefits: DEFAULT_BENEFITS, deductOpenFindings: true, now: new Date() };

  const floor1 = await timed(() => em().getConnection().execute<{ fund: string }[]>(FLOOR));
  const area = await timed(() => em().transactional((t) => generateClaims(t as unknown as EntityManager, { ...run, agencyIds: agencies })));
  const floor2 = await timed(() => em().getConnection().execute<{ fund: string }[]>(FLOOR));
  const steps = runSteps(agencies);
  const perStep = await timed(async () => {
    for (const step of steps) await em().transactional((t) => generateClaims(t as unknown as EntityManager, { ...run, agencyIds: step }));
  });
  const perAgency = await timed(async () => {
    for (const a of agencies) await em().transactional((t) => generateClaims(t as unknown as EntityManager, { ...run, agencyIds: [a] }));
  });
  const floorMs = Math.min(floor1.ms, floor2.ms);
  if (process.env.BENCH_EXPLAIN) {
    // The care lines' plan, for the area in one go (rolled back).
    await em()
      .transactional(async (t) => {
        await t.getConnection().execute(`set local work_mem = '${GENERATE_WORK_MEM}'`, [], 'run', t.getTransactionContext());
        await t.getConnection().execute(`delete from claim_line where claim_id in (select id from claim where month = '${MONTH}-01' and pooling_area = '${AREA}' and state = 'DRAFT')`, [], 'run', t.getTransactionContext());
        const plan = await t.getConnection().execute<{ 'QUERY PLAN': string }[]>(`explain (analyze, costs off, timing on) ${careLinesSql({ ...run, agencyIds: agencies })}`, [], 'all', t.getTransactionContext());
        console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
        throw new Error('rollback');
      })
      .catch((e: Error) => e.message !== 'rollback' && console.log(e));
  }

  const [totals] = await em().getConnection().execute<{ claims: number; lines: number; visits: number; fund: number; deducted: number }[]>(
    `select count(*)::int as claims, sum(lines)::int as lines, sum(visits)::int as visits, sum(fund_fen)::float8 as fund, sum(deducted_fen)::float8 as deducted
       from claim where pooling_area = '${AREA}' and month = '${MONTH}-01'`,
  );
  expect(totals!.claims).toBe(agencies.length);
  expect(totals!.visits).toBe(VISITS - Number((await em().getConnection().execute<{ n: string }[]>(`select count(*) as n from visit where pooling_area = '${AREA}' and status <> 'DONE' and check_in_at >= ${FROM} and check_in_at < ${UNTIL}`))[0]!.n));
  const floorFund = floor1.result.reduce((n, r) => n + Number(r.fund), 0);

  const row = (what: string, w: { ms: number; rssBefore: number; rssPeak: number }) => [
    what,
    { seconds: (w.ms / 1000).toFixed(2), 'x floor': (w.ms / floorMs).toFixed(1), 'RSS before MB': mb(w.rssBefore), 'RSS peak MB': mb(w.rssPeak) },
  ];
  console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${audit.findings.toLocaleString('en')} findings`);
  console.table(
    Object.fromEntries([
      row('floor: one GROUP BY (prices, caps, fund ratio)', floor1),
      row('floor, again', floor2),
      row(`generateClaims, the area in one transaction (${totals!.lines.toLocaleString('en')} lines)`, area),
      row(`generateClaims, the background run's ${steps.length} steps of up to ${steps[0]!.length} agencies`, perStep),
      row(`generateClaims, one agency per transaction (${agencies.length})`, perAgency),
    ]),
  );
  console.log(`fund: settlement ${totals!.fund.toLocaleString('en')} fen (audit deductions ${totals!.deducted.toLocaleString('en')} fen left out of gross), floor ${floorFund.toLocaleString('en')} fen`);
  expect(mb(area.rssPeak - area.rssBefore)).toBeLessThan(64);
  expect(mb(perStep.rssPeak - perStep.rssBefore)).toBeLessThan(64);
  expect(mb(perAgency.rssPeak - perAgency.rssBefore)).toBeLessThan(64);
}, 900_000);
