// The floor for the check-in benchmark (visits-checkin.bench.ts): the plainest GraphQL insert of this stack on the
// same machine, the same partitioned visit table and the same load (autocannon, 64 connections, 15 s). The server
// (floor-server.ts) runs in a process of its own; each request stores one visit with a fresh id in one statement.
// What the check-in adds above this (a sign-in, its rules, the audit row, the request log) is its own cost; what
// is below it is the stack's.
//
// Run: npm run bench -- test/bench/graphql-floor.bench.ts
// Options (environment): BENCH_CONNECTIONS (64), BENCH_SECONDS (15).
import { afterAll, beforeAll, expect, test } from 'vitest';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import getPort from 'get-port';
import { createTestDatabase } from '../helpers/db.ts';
import { ROOT } from '../../server/src/app/config.ts';
import { pgCpuSeconds, processCpuSeconds } from '../helpers/cpu.ts';
import { localDate } from '../../server/src/shared/clock.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
let db: pg.Client;
let server: ChildProcess;
let url: string;
let pgPort: string;
let template: Record<string, string>;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  pgPort = new URL(databaseUrl).port;
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // A demo caregiver's visit, as the rows would be: her agency, a beneficiary with a plan in force.
  const { rows } = await db.query(
    `select p.pooling_area as "poolingArea", p.agency_id as "agencyId", c.id as "caregiverId", p.person_id as "personId", p.id as "planId", v.id as "planVersionId", c.user_id as "recordedBy"
       from care_plan p join care_plan_version v on v.plan_id = p.id join caregiver c on c.agency_id = p.agency_id
      where p.care_form = 'HOME' and v.state = 'APPROVED' and c.user_id is not null limit 1`,
  );
  template = rows[0];
  await db.query('vacuum analyze visit');
  const port = await getPort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'test/bench/floor-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the floor server exited with ${server.exitCode}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the floor server did not become ready in 30 s');
}, 60_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  await db?.end();
});

const INSERT = `mutation($i: VisitInsert!) { createVisit(input: $i) { id status } }`;

test(`plain GraphQL insert, ${CONNECTIONS} connections for ${SECONDS} s`, async () => {
  let n = 0;
  let graphqlErrors = 0;
  let ok = 0;
  const firstError: string[] = [];
  // Visits of today so far, a minute apart going back (all in this month's partition).
  const now = Date.now();
  const cpuBefore = { server: processCpuSeconds(server.pid!), database: pgCpuSeconds(pgPort), generator: process.cpuUsage() };
  const instance = autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupClient: () => {},
    requests: [
      {
        setupRequest: (req: any) => {
          const at = new Date(now - (n++ % 600) * 1000);
          req.body = JSON.stringify({
            query: INSERT,
            variables: { i: { ...template, id: randomUUID(), localDate: localDate(at), checkInAt: at.toISOString(), checkInLat: 36.07, checkInLng: 120.38, checkInAccuracy: 8 } },
          });
          return req;
        },
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) {
            graphqlErrors++;
            if (firstError.length < 3) firstError.push(body.slice(0, 300));
          } else ok++;
        },
      },
    ],
  } as never) as unknown as autocannon.Instance;
  const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
  const generator = process.cpuUsage(cpuBefore.generator);
  const {
    rows: [stored],
  } = await db.query<{ n: number }>(`select count(*)::int as n from visit where caregiver_id = $1 and check_in_at > $2`, [template.caregiverId, new Date(now - 700_000)]);
  const r = result as any;
  console.log(
    JSON.stringify(
      {
        requests: r.requests.total,
        rps: Math.round(r.requests.average),
        p50ms: r.latency.p50,
        p99ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        graphqlErrors,
        ok,
        stored: stored!.n,
        cpu: {
          serverSeconds: +(processCpuSeconds(server.pid!) - cpuBefore.server).toFixed(1),
          databaseSeconds: +(pgCpuSeconds(pgPort) - cpuBefore.database).toFixed(1),
          loadGeneratorSeconds: +((generator.user + generator.system) / 1e6).toFixed(1),
        },
        firstError,
      },
      null,
      2,
    ),
  );
  expect(graphqlErrors).toBe(0);
  expect(stored!.n - ok).toBeGreaterThanOrEqual(0);
  expect(stored!.n - ok).toBeLessThanOrEqual(CONNECTIONS);
}, 120_000);
