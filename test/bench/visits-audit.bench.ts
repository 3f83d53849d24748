// The monthly audit of visits at a large pilot city's scale: a generated month of 1,000,000 home visits for
// 30,000 beneficiaries of 60 agencies, audited by runMonthlyAudit (first run, then a re-run that changes
// nothing), with the process's memory watched to show no visit passes through JavaScript.
// Run: npm run bench -- test/bench/visits-audit.bench.ts
import os from 'node:os';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { pgCpuMeter } from '../helpers/cpu.ts';
import { generateVisitMonth } from '../../seeds/visit-generator.ts';
import { runMonthlyAudit } from '../../server/src/visits/visits.audit-sql.ts';
import { DEFAULT_VISIT_SETTINGS } from '../../server/src/visits/visits.rules.ts';

const AREA = '3702';
const MONTH = '2026-10';
const VISITS = 1_000_000;
const BENEFICIARIES = 30_000;
const AGENCIES = 60;
let s: TestServer;
const em = () => s.db.orm.em.fork() as unknown as EntityManager;
const mb = (bytes: number) => Math.round(bytes / 1e6);

interface Watched<T> {
  result: T;
  ms: number;
  pgCpu: number;
  rssBefore: number;
  rssPeak: number;
}

/** Runs `work` while sampling the resident set every 50 ms; returns its result, wall and database CPU time, peak RSS. */
async function watched<T>(work: () => Promise<T>): Promise<Watched<T>> {
  const port = new URL(inject('pgAdminUrl')).port;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  // The database's CPU, with the audit's sessions of its own that come and go within the run.
  const cpu = pgCpuMeter(port);
  const timer = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    cpu.sample();
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, pgCpu: cpu.seconds(), rssBefore, rssPeak: Math.max(rssPeak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

beforeAll(async () => {
  s = await startTestServer();
}, 120_000);

afterAll(async () => {
  await s?.stop();
});

test(`monthly audit of ${VISITS.toLocaleString('en')} visits (${BENEFICIARIES.toLocaleString('en')} beneficiaries, ${AGENCIES} agencies)`, async () => {
  const generated = await watched(() => generateVisitMonth(em(), { poolingArea: AREA, month: MONTH, beneficiaries: BENEFICIARIES, agencies: AGENCIES, visitsTarget: VISITS, seed: 2026 }));
  const [count] = await em().getConnection().execute<{ n: number }[]>(
    `select count(*)::int as n from visit where pooling_area = '${AREA}' and check_in_at >= '2026-09-30T16:00:00Z' and check_in_at < '2026-10-31T16:00:00Z'`,
  );
  expect(count?.n).toBe(VISITS);
  // What autovacuum does soon after a bulk load (hint bits, visibility map, statistics), here for the whole
  // database so that no autovacuum worker runs during the audit: a month's visits arrive over the month, not in
  // one statement just before the audit.
  // Then a checkpoint, as the checkpointer makes every few minutes: else the first run shares the machine with
  // the write-out of the bulk load.
  const vacuumed = await watched(async () => {
    await em().getConnection().execute(`vacuum analyze`);
    await em().getConnection().execute(`checkpoint`);
  });
  const first = await watched(() => runMonthlyAudit(em(), AREA, MONTH, DEFAULT_VISIT_SETTINGS));
  const again = await watched(() => runMonthlyAudit(em(), AREA, MONTH, DEFAULT_VISIT_SETTINGS));
  expect(again.result.findings).toBe(first.result.findings);

  const row = (what: string, w: Watched<unknown>, rows: number) => [
    what,
    {
      seconds: (w.ms / 1000).toFixed(1),
      'visits/s': Math.round(rows / (w.ms / 1000)).toLocaleString('en'),
      'PostgreSQL CPU s': w.pgCpu.toFixed(1),
      'RSS before MB': mb(w.rssBefore),
      'RSS peak MB': mb(w.rssPeak),
    },
  ];
  console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.table(
    Object.fromEntries([
      row(`generate the month (${VISITS.toLocaleString('en')} visits)`, generated, VISITS),
      row('vacuum analyze, checkpoint', vacuumed, VISITS),
      row(`audit, first run (${first.result.findings.toLocaleString('en')} findings)`, first, VISITS),
      row('audit, run again (nothing changes)', again, VISITS),
    ]),
  );
  console.table(first.result.byRule);
  // Nothing row by row in JavaScript: the process grows by far less than the month's visits would take.
  expect(mb(first.rssPeak - first.rssBefore)).toBeLessThan(64);
  expect(mb(again.rssPeak - again.rssBefore)).toBeLessThan(64);
}, 600_000);
