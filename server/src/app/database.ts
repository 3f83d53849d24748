// Opens the database: the configured server, or an embedded PostgreSQL; then migrates and seeds an empty one.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.ts';
import { openOrm } from './orm.ts';
import { DatabaseSeeder } from '../../../seeds/DatabaseSeeder.ts';

export interface Database {
  orm: MikroORM;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.pgPort, log });
    url = embedded.url;
    log.info({ dataDir: config.dataDir, ms: Date.now() - started }, 'embedded PostgreSQL started');
  }
  let orm: MikroORM;
  try {
    orm = await openOrm(url, { log });
    const applied = await orm.migrator.up();
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    if (config.seedDemo && (await isEmpty(orm))) {
      await orm.seeder.seed(DatabaseSeeder);
      log.info('demo data seeded into the empty database');
    }
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  return {
    orm,
    embedded,
    async close() {
      // A connection stuck in the pool must not keep the embedded server from stopping.
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
      await Promise.race([orm.close(true).catch((err) => log.error({ err }, 'closing the pool failed')), timeout]);
      await embedded?.stop();
    },
  };
}

async function isEmpty(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from region');
  return (row?.n ?? 0) === 0;
}

/** Readiness: the database answers and no migration is pending. */
export async function isReady(orm: MikroORM): Promise<{ ok: boolean; reason?: string }> {
  try {
    await orm.em.fork().getConnection().execute('select 1');
    const pending = await orm.migrator.getPending();
    return pending.length === 0 ? { ok: true } : { ok: false, reason: 'migrations pending' };
  } catch {
    return { ok: false, reason: 'database unreachable' };
  }
}
