// `npm start`'s process as a newcomer runs it: embedded PostgreSQL in a data folder, migrations, demo
// seed, graceful shutdown on SIGTERM that lets an in-flight request finish, and data that survives a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { afterAll, describe, expect, it } from 'vitest';
import { personInput } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { LOGIN } from '../helpers/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'changhu-life-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('server exited: ' + output);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ok) return { child, exited, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready: ' + output);
}

let cookie = '';
async function gql(port: number, query: string, variables?: unknown) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const set = r.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0]!;
  return (await r.json()) as any;
}
const signIn = (port: number) => gql(port, LOGIN, { u: 'officer', p: DEMO_PASSWORD });

const COUNT = '{ insuredPersons { totalCount } }';

describe('server lifecycle', () => {
  it('starts an embedded PostgreSQL, seeds once, drains on SIGTERM and keeps the data across restarts', async () => {
    const port = await getPort();
    const first = await start(port);
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    await signIn(port);
    const seeded = (await gql(port, COUNT)).data.insuredPersons.totalCount;
    expect(seeded).toBeGreaterThan(100);
    const created = await gql(port, 'mutation($i: CreateInsuredPersonInput!) { createInsuredPerson(input: $i) { id } }', { i: personInput({ name: '重启之后' }) });
    expect(created.errors).toBeUndefined();

    // An in-flight request: headers and half the body sent before SIGTERM, the rest after.
    const body = JSON.stringify({ query: COUNT });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        first.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text).data.insuredPersons.totalCount).toBe(seeded + 1);
    expect(await first.exited).toBe(0);
    // New connections are refused once it has stopped.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    const second = await start(port);
    expect((await gql(port, COUNT)).data.insuredPersons.totalCount).toBe(seeded + 1);
    const found = await gql(port, '{ insuredPersons(filter: { search: "重启之后" }) { totalCount } }');
    expect(found.data.insuredPersons.totalCount).toBe(1);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000); // two real starts of the whole server, each seeding or migrating: slow on a busy 2-core machine

  it('uses DATABASE_URL when given and starts no PostgreSQL of its own', async () => {
    const port = await getPort();
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'changhu-ext-'));
    try {
      const server = await start(port, { DATABASE_URL: await createTestDatabase(), DATA_DIR: emptyDir });
      expect(existsSync(path.join(emptyDir, 'pg'))).toBe(false);
      await signIn(port);
      expect((await gql(port, '{ regions { code } }')).data.regions).toEqual([{ code: '3702' }]);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 120_000);
});
