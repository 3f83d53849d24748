// Starts and stops the whole server: database, HTTP, graceful shutdown. Used by main.ts and the tests.
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openDatabase, type Database } from './database.ts';
import { createHttpApp } from './http.ts';

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  log: Logger;
  stop(): Promise<void>;
}

export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = { ...loadConfig(), ...overrides };
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  let app;
  try {
    app = await createHttpApp(config, db.orm, log);
    await new Promise<void>((resolve, reject) => {
      app!.server.once('error', reject);
      app!.server.listen(config.port, config.host, () => resolve());
    });
  } catch (e) {
    await db.close();
    throw e;
  }
  const { server, apollo } = app;
  const port = (server.address() as AddressInfo).port;
  log.info({ port, env: config.env }, `Changhu listening on http://localhost:${port}`);
  let stopping: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    log,
    stop() {
      // Stop accepting, let in-flight requests finish (Apollo's drain plugin closes the server), then close
      // the pool and the embedded PostgreSQL.
      stopping ??= (async () => {
        const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
        await apollo.stop();
        clearTimeout(force);
        await db.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
