// Live audit findings over GraphQL subscriptions (graphql-ws on the API's port), through PostgreSQL LISTEN/NOTIFY:
// who may connect, who receives what, delivery at COMMIT only, several server processes on one database, a listener
// that survives losing its connection, and nothing left behind when clients go.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import getPort from 'get-port';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startTestServer, type TestServer, sqlOn } from '../helpers/server.ts';
import { liveClient, subscribe, type LiveClient, type Received } from '../helpers/live.ts';
import { startServer, type RunningServer } from '../../server/src/app/server.ts';
import { publishFindings, type FindingEvent } from '../../server/src/visits/finding-events.ts';
import { PayloadTooLargeError, PgPubSub, publish, SubscriberTooSlowError } from '../../server/src/shared/pubsub.ts';
import { createLogger } from '../../server/src/app/logger.ts';
import { sha256 } from '../../server/src/identity/auth.service.ts';
import { DEMO_AGENCIES } from '../../seeds/demo-users.ts';

const AGENCY_A = DEMO_AGENCIES[0]!;
const AGENCY_B = DEMO_AGENCIES[1]!;
const SUB = `subscription($agencyId: ID) {
  findingRaised(agencyId: $agencyId) { id visitId rule action status poolingArea agencyId agencyName personName caregiverName visitAt summary evidence createdAt }
}`;

let s: TestServer;
beforeAll(async () => {
  // Sessions of open sockets are re-checked every 200 ms here (60 s by default).
  s = await startTestServer({ wsSessionCheckMs: 200 });
});
afterAll(async () => {
  await s?.stop();
});

const opened: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.dispose()));
  // Every subscription of a closed socket is gone from the PubSub: no leak from one test to the next.
  await vi.waitFor(() => expect(s.pubSub.subscriberCount).toBe(0));
});

const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);

/** A WebSocket client signed in as `who` (through HTTP sign-in on `s`; sessions are shared by every process). */
async function live(who: string, on: { url: string } = s, headers: Record<string, string> = {}) {
  const http = await s.as(who);
  const c = liveClient(on.url, { cookie: http.cookie, ...headers });
  opened.push(c);
  await c.connected;
  return Object.assign(c, { http });
}

function finding(agency: { id: string; name: string }, over: Partial<FindingEvent> = {}): FindingEvent {
  return {
    id: randomUUID(),
    visitId: randomUUID(),
    rule: 'R03',
    action: 'FLAG',
    status: 'OPEN',
    poolingArea: '3702',
    agencyId: agency.id,
    agencyName: agency.name,
    personId: randomUUID(),
    personName: '张秀英',
    caregiverId: randomUUID(),
    caregiverName: '刘护理',
    visitAt: '2026-11-20T01:30:00.000Z',
    summary: '签到位置距住址 1.2 公里',
    evidence: { distanceMeters: 1200, checkIn: { lat: 36.07, lng: 120.38 } },
    createdAt: new Date().toISOString(),
    ...over,
  };
}

/** Publishes as a use case would: inside a transaction on that server's ORM. */
async function publishOn(server: RunningServer, events: FindingEvent[]) {
  await server.db.orm.em.fork().transactional((em) => publishFindings(em, events));
}

/** Waits until `server` holds `n` subscriptions (the subscribe message has been handled). */
const subscribed = (server: RunningServer, n: number) => vi.waitFor(() => expect(server.pubSub.subscriberCount).toBe(n));

const ids = (r: Received) => r.data.map((d) => d.findingRaised.id);
const codes = (r: Received) => r.results.flatMap((x) => x.errors ?? []).map((e) => e.extensions?.code);

describe('connecting', () => {
  it('refuses a socket without a valid session with 4401', async () => {
    const anonymous = liveClient(s.url);
    const forged = liveClient(s.url, { cookie: 'changhu_session=not-a-token' });
    opened.push(anonymous, forged);
    expect(await anonymous.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
    expect(await forged.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
  });

  it('refuses a cross-site upgrade with 4403 and accepts its own origin', async () => {
    const { cookie } = await s.as('supervisor');
    const evil = liveClient(s.url, { cookie, origin: 'https://evil.example' });
    const sandboxed = liveClient(s.url, { cookie, origin: 'null' });
    opened.push(evil, sandboxed);
    expect(await evil.closed).toEqual({ code: 4403, reason: 'Forbidden' });
    expect((await sandboxed.closed).code).toBe(4403);
    const own = liveClient(s.url, { cookie, origin: s.url });
    opened.push(own);
    await own.connected;
  });

  it('serves subscriptions only: queries and mutations go to HTTP', async () => {
    const c = await live('officer');
    const r = subscribe(c, '{ me { user { username } } }');
    await vi.waitFor(() => expect(r.error).toBeDefined());
    expect((r.error as any[])[0].extensions.code).toBe('BAD_REQUEST');
    const bad = subscribe(c, 'subscription { findingRaised { nope } }');
    await vi.waitFor(() => expect(bad.error).toBeDefined());
    expect((bad.error as any[])[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const wrongVariables = subscribe(c, SUB, { agencyId: { not: 'an id' } });
    await vi.waitFor(() => expect(wrongVariables.error).toBeDefined());
    expect((wrongVariables.error as any[])[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('allows 20 subscriptions on one socket, not more', async () => {
    const c = await live('supervisor');
    for (let i = 0; i < 20; i++) subscribe(c, SUB);
    await subscribed(s, 20);
    const extra = subscribe(c, SUB);
    await vi.waitFor(() => expect(extra.error).toBeDefined());
    expect((extra.error as any[])[0].extensions.code).toBe('BAD_REQUEST');
    expect(s.pubSub.subscriberCount).toBe(20);
  });

  it('closes the socket (4401) when the session is revoked by logout elsewhere', async () => {
    const c = await live('officer');
    subscribe(c, SUB);
    await subscribed(s, 1);
    expect((await c.http('mutation { logout }')).body.data.logout).toBe(true);
    expect(await c.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
    await subscribed(s, 0);
  });

  it('closes the socket when the session idles out, though the socket was open all along', async () => {
    const c = await live('supervisor');
    subscribe(c, SUB);
    await subscribed(s, 1);
    // The periodic check does not count as activity: it never moves last_seen_at.
    const token = c.http.cookie.split('=')[1]!;
    const [before] = await sql('select last_seen_at from session where token_hash = ?', [sha256(token)]);
    await new Promise((r) => setTimeout(r, 500));
    const [after] = await sql('select last_seen_at from session where token_hash = ?', [sha256(token)]);
    expect(after!.last_seen_at).toEqual(before!.last_seen_at);
    await sql(`update session set last_seen_at = now() - interval '31 minutes' where token_hash = ?`, [sha256(token)]);
    expect((await c.closed).code).toBe(4401);
  });
});

describe('who receives which finding', () => {
  it('an agency its own, the supervisor and fund officer their whole pooling area', async () => {
    const [a, b, sup, off] = await Promise.all([live('agency'), live('agency2'), live('supervisor'), live('officer')]);
    const got = { a: subscribe(a, SUB), b: subscribe(b, SUB), sup: subscribe(sup, SUB), off: subscribe(off, SUB) };
    await subscribed(s, 4);

    const a1 = finding(AGENCY_A);
    const b1 = finding(AGENCY_B, { rule: 'R07', action: 'DEDUCT', summary: '服务时长不足 30 分钟', evidence: { minutes: 12 } });
    await publishOn(s, [a1, b1]);
    // A second round as a barrier: once it has arrived, anything wrongly sent from the first would have too.
    const a2 = finding(AGENCY_A);
    const b2 = finding(AGENCY_B);
    await publishOn(s, [a2, b2]);
    await vi.waitFor(() => {
      expect(ids(got.a)).toContain(a2.id);
      expect(ids(got.b)).toContain(b2.id);
      expect(ids(got.sup)).toContain(b2.id);
      expect(ids(got.off)).toContain(b2.id);
    });
    expect(ids(got.a)).toEqual([a1.id, a2.id]);
    expect(ids(got.b)).toEqual([b1.id, b2.id]);
    expect(ids(got.sup)).toEqual([a1.id, b1.id, a2.id, b2.id]);
    expect(ids(got.off)).toEqual([a1.id, b1.id, a2.id, b2.id]);
    expect(got.b.data[0]!.findingRaised).toEqual({
      id: b1.id,
      visitId: b1.visitId,
      rule: 'R07',
      action: 'DEDUCT',
      status: 'OPEN',
      poolingArea: '3702',
      agencyId: AGENCY_B.id,
      agencyName: AGENCY_B.name,
      personName: '张秀英',
      caregiverName: '刘护理',
      visitAt: '2026-11-20T01:30:00.000Z',
      summary: '服务时长不足 30 分钟',
      evidence: { minutes: 12 },
      createdAt: b1.createdAt,
    });
  });

  it('nothing from another pooling area reaches a supervisor', async () => {
    const sup = subscribe(await live('supervisor'), SUB);
    await subscribed(s, 1);
    const elsewhere = finding(AGENCY_A, { poolingArea: '3701', agencyId: randomUUID() });
    const barrier = finding(AGENCY_B);
    await publishOn(s, [elsewhere]);
    await publishOn(s, [barrier]);
    await vi.waitFor(() => expect(ids(sup)).toContain(barrier.id));
    expect(ids(sup)).toEqual([barrier.id]);
  });

  it('agencyId narrows the feed; agency staff may name only their own agency', async () => {
    const sup = await live('supervisor');
    const agency = await live('agency');
    const onlyB = subscribe(sup, SUB, { agencyId: AGENCY_B.id });
    const own = subscribe(agency, SUB, { agencyId: AGENCY_A.id });
    const other = subscribe(agency, SUB, { agencyId: AGENCY_B.id });
    await subscribed(s, 2);
    await vi.waitFor(() => expect(other.completed).toBe(true));
    expect(codes(other)).toEqual(['NOT_FOUND']);
    const a1 = finding(AGENCY_A);
    const b1 = finding(AGENCY_B);
    await publishOn(s, [a1, b1]);
    await vi.waitFor(() => {
      expect(ids(onlyB)).toEqual([b1.id]);
      expect(ids(own)).toEqual([a1.id]);
    });
  });

  it.each(['caregiver', 'assessor', 'admin'])('%s is refused at subscribe time with FORBIDDEN', async (who) => {
    const r = subscribe(await live(who), SUB);
    await vi.waitFor(() => expect(r.completed).toBe(true));
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toEqual([]);
    expect(s.pubSub.subscriberCount).toBe(0);
  });
});

describe('delivery follows the transaction', () => {
  it('a finding is delivered at COMMIT, not before', async () => {
    const sup = subscribe(await live('supervisor'), SUB);
    await subscribed(s, 1);
    const f = finding(AGENCY_A);
    await s.db.orm.em.fork().transactional(async (em) => {
      await publishFindings(em, [f]);
      await new Promise((r) => setTimeout(r, 300));
      expect(sup.data).toEqual([]);
    });
    await vi.waitFor(() => expect(ids(sup)).toEqual([f.id]));
  });

  it('a finding published in a transaction that rolls back is never delivered', async () => {
    const sup = subscribe(await live('supervisor'), SUB);
    await subscribed(s, 1);
    const lost = finding(AGENCY_A);
    await expect(
      s.db.orm.em.fork().transactional(async (em) => {
        await publishFindings(em, [lost]);
        throw new Error('the use case failed after publishing');
      }),
    ).rejects.toThrow('the use case failed');
    const next = finding(AGENCY_A);
    await publishOn(s, [next]);
    await vi.waitFor(() => expect(ids(sup)).toContain(next.id));
    expect(ids(sup)).toEqual([next.id]);
  });

  it('evidence too large for a notification is sent as { truncated: true }; an event that cannot fit is refused', async () => {
    const sup = subscribe(await live('supervisor'), SUB);
    await subscribed(s, 1);
    const big = finding(AGENCY_A, { evidence: { track: Array.from({ length: 2000 }, (_, i) => ({ i, lat: 36.07, lng: 120.38 })) } });
    await publishOn(s, [big]);
    await vi.waitFor(() => expect(ids(sup)).toEqual([big.id]));
    expect(sup.data[0]!.findingRaised.evidence).toEqual({ truncated: true });
    // 2,700 Chinese characters are 8,100 bytes in UTF-8.
    const hopeless = finding(AGENCY_A, { summary: '签到位置距住址过远'.repeat(300) });
    await expect(publishOn(s, [finding(AGENCY_A), hopeless])).rejects.toThrow(PayloadTooLargeError);
  });
});

describe('several server processes on one database', () => {
  it('each delivers what the other publishes, and its own listener serves its own sockets', async () => {
    const other = await startServer({ databaseUrl: s.db.orm.config.get('clientUrl')!, port: 0, host: '127.0.0.1', logLevel: 'silent', seedDemo: false });
    try {
      expect(other.pubSub.backendPid).not.toBe(s.pubSub.backendPid);
      const onFirst = subscribe(await live('supervisor', s), SUB);
      const onSecond = subscribe(await live('agency', other), SUB);
      await subscribed(s, 1);
      await subscribed(other, 1);

      const fromSecond = finding(AGENCY_A);
      await publishOn(other, [fromSecond]);
      const fromFirst = finding(AGENCY_A);
      await publishOn(s, [fromFirst]);
      await vi.waitFor(() => {
        expect(ids(onFirst)).toEqual([fromSecond.id, fromFirst.id]);
        expect(ids(onSecond)).toEqual([fromSecond.id, fromFirst.id]);
      });

      // Stopping a server closes its sockets with 1001 (going away: clients reconnect elsewhere) and its listener.
      const socket = opened.at(-1)!;
      await other.stop();
      expect((await socket.closed).code).toBe(1001);
      expect(other.pubSub.listening).toBe(false);
    } finally {
      await other.stop();
    }
  });

  it('a separate OS process delivers findings published here, and drains its sockets on SIGTERM', async () => {
    const port = await getPort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: s.db.orm.config.get('clientUrl')!, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = `http://127.0.0.1:${port}`;
      await vi.waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error('server exited: ' + output);
          expect((await fetch(url + '/readyz').catch(() => null))?.ok).toBe(true);
        },
        { timeout: 60_000, interval: 200 },
      );
      const c = await live('supervisor', { url });
      const got = subscribe(c, SUB);
      // The child's subscriber count is out of reach: publish probes until one arrives, then the real one.
      await vi.waitFor(
        async () => {
          await publishOn(s, [finding(AGENCY_B, { rule: 'PROBE' })]);
          expect(got.data.length).toBeGreaterThan(0);
        },
        { timeout: 10_000, interval: 100 },
      );
      const real = finding(AGENCY_A);
      await publishOn(s, [real]);
      await vi.waitFor(() => expect(ids(got)).toContain(real.id));

      child.kill('SIGTERM');
      expect((await c.closed).code).toBe(1001);
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});

describe('the listener', () => {
  it('reconnects and LISTENs again when its connection is killed; open subscriptions keep receiving', async () => {
    const sup = subscribe(await live('supervisor'), SUB);
    await subscribed(s, 1);
    const pid = s.pubSub.backendPid!;
    expect(pid).toBeGreaterThan(0);
    const [killed] = await sql('select pg_terminate_backend(?) as ok', [pid]);
    expect(killed!.ok).toBe(true);
    // Noticing the loss and reconnecting (first retry after 125–250 ms) takes a moment.
    await vi.waitFor(() => expect([null, pid]).not.toContain(s.pubSub.backendPid), { timeout: 10_000 });
    const [listening] = await sql(`select count(*)::int as n from pg_stat_activity where pid = ? and application_name = 'changhu-listener'`, [s.pubSub.backendPid]);
    expect(listening!.n).toBe(1);
    const after = finding(AGENCY_A);
    await publishOn(s, [after]);
    await vi.waitFor(() => expect(ids(sup)).toEqual([after.id]));
  });

  it('keeps trying, with backoff, while the database refuses connections', async () => {
    const sup = subscribe(await live('supervisor'), SUB);
    await subscribed(s, 1);
    const database = new URL(s.db.orm.config.get('clientUrl')!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    try {
      // Existing connections (the server's pool) stay; new ones, the listener's included, are refused.
      await admin.query(`alter database ${database} allow_connections false`);
      const pid = s.pubSub.backendPid!;
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await vi.waitFor(() => expect(s.pubSub.listening).toBe(false));
      await new Promise((r) => setTimeout(r, 1000)); // a few refused attempts
      expect(s.pubSub.listening).toBe(false);
      await admin.query(`alter database ${database} allow_connections true`);
      await vi.waitFor(() => expect(s.pubSub.listening).toBe(true), { timeout: 15_000 });
    } finally {
      await admin.query(`alter database ${database} allow_connections true`);
      await admin.end();
    }
    const after = finding(AGENCY_B);
    await publishOn(s, [after]);
    await vi.waitFor(() => expect(ids(sup)).toEqual([after.id]));
  });
});

describe('PgPubSub itself', () => {
  const own = () => new PgPubSub({ connectionString: s.db.orm.config.get('clientUrl')!, log: createLogger('silent'), em: () => s.db.orm.em.fork(), maxQueued: 3 });

  it("is type-graphql's PubSub: publish(topic, [id,] data) and subscribe(topic, id?) across processes", async () => {
    const ps = own();
    await ps.start();
    try {
      const all = ps.subscribe('TOPIC')[Symbol.asyncIterator]();
      const one = ps.subscribe('TOPIC', 'x1')[Symbol.asyncIterator]();
      await s.pubSub.publish('TOPIC', { n: 1 });
      await s.pubSub.publish('TOPIC', 'x1', { n: 2 });
      expect(await all.next()).toEqual({ value: { n: 1 }, done: false });
      expect(await one.next()).toEqual({ value: { n: 2 }, done: false });
      expect(ps.subscriberCount).toBe(2);
      await all.return!();
      expect(ps.subscriberCount).toBe(1);
    } finally {
      await ps.close();
    }
    expect(ps.subscriberCount).toBe(0);
    expect(ps.listening).toBe(false);
  });

  it('ends a subscriber that does not keep up, with an error, rather than queueing without bound', async () => {
    const ps = own();
    await ps.start();
    try {
      const slow = ps.subscribe('SLOW')[Symbol.asyncIterator]();
      const mark = ps.subscribe('MARK')[Symbol.asyncIterator]();
      await publishOnTopic(['SLOW', 'SLOW', 'SLOW', 'SLOW', 'MARK']);
      await mark.next(); // everything before it has been dispatched
      await expect(slow.next()).rejects.toThrow(SubscriberTooSlowError);
      expect(await slow.next()).toEqual({ value: undefined, done: true });
      expect(ps.subscriberCount).toBe(1); // MARK's
    } finally {
      await ps.close();
    }
  });

  it('refuses to start when the database cannot be reached', async () => {
    const url = new URL(s.db.orm.config.get('clientUrl')!);
    url.port = String(await getPort());
    const ps = new PgPubSub({ connectionString: url.toString(), log: createLogger('silent'), em: () => s.db.orm.em.fork() });
    await expect(ps.start()).rejects.toThrow();
    expect(ps.listening).toBe(false);
    await ps.close();
  });

  it('ends open subscriptions when closed', async () => {
    const ps = own();
    await ps.start();
    const it = ps.subscribe('ANY')[Symbol.asyncIterator]();
    const pending = it.next();
    await ps.close();
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});

async function publishOnTopic(topics: string[]) {
  await publish(s.db.orm.em.fork(), topics.map((topic, i) => ({ topic, data: { i } })));
}

describe('nothing left behind', () => {
  it('unsubscribing and closing the socket free the subscriptions at once', async () => {
    const c = await live('supervisor');
    const first = subscribe(c, SUB);
    subscribe(c, SUB, { agencyId: AGENCY_A.id });
    await subscribed(s, 2);
    first.unsubscribe();
    await subscribed(s, 1);
    await c.dispose();
    await subscribed(s, 0);
  });
});
