// Starts and stops the whole server: database, its listener for live updates, HTTP and WebSocket, graceful
// shutdown. Used by main.ts and the tests.
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openDatabase, type Database } from './database.ts';
import { createHttpApp } from './http.ts';
import { PgPubSub } from '../shared/pubsub.ts';
import { factCachesOf } from '../shared/fact-cache.ts';
import { startJobs, type Jobs } from './jobs.ts';
import { claimRunWorker } from '../billing/claim-run.ts';

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  /** This process's listener for live updates (PostgreSQL LISTEN/NOTIFY). */
  pubSub: PgPubSub;
  /** This process's share of the background jobs (pg-boss). */
  jobs: Jobs;
  log: Logger;
  stop(): Promise<void>;
}

export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = { ...loadConfig(), ...overrides };
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  const pubSub = new PgPubSub({ connectionString: db.orm.config.get('clientUrl')!, log, em: () => db.orm.em.fork(), caches: factCachesOf(db.orm.em) });
  let app;
  let jobs: Jobs | undefined;
  try {
    await pubSub.start();
    jobs = await startJobs(db.orm.config.get('clientUrl')!, log, [claimRunWorker(db.orm, log)]);
    app = await createHttpApp(config, db.orm, log, pubSub, jobs);
    await new Promise<void>((resolve, reject) => {
      app!.server.once('error', reject);
      app!.server.listen(config.port, config.host, () => resolve());
    });
  } catch (e) {
    await app?.live.close(0);
    await jobs?.stop();
    await pubSub.close();
    await db.close();
    throw e;
  }
  const { server, apollo, live } = app;
  const port = (server.address() as AddressInfo).port;
  log.info({ port, env: config.env }, `Changhu listening on http://localhost:${port}`);
  let stopping: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    pubSub,
    jobs,
    log,
    stop() {
      // Close the WebSockets first (the HTTP server would otherwise wait for them), stop accepting, let in-flight
      // requests finish (Apollo's drain plugin closes the server), stop listening, then close the pool and the
      // embedded PostgreSQL.
      stopping ??= (async () => {
        await live.close(Math.min(config.shutdownGraceMs, 2000));
        const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
        await apollo.stop();
        clearTimeout(force);
        await jobs.stop();
        await pubSub.close();
        await db.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
