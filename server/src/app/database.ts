// Opens the database: the configured server, or an embedded PostgreSQL; then migrates and seeds an empty one.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.ts';
import { openOrm } from './orm.ts';
import { DatabaseSeeder } from '../../../seeds/DatabaseSeeder.ts';
import { DEMO_PASSWORD } from '../../../seeds/demo-users.ts';
import { User } from '../identity/user.entity.ts';
import { verifyPassword } from '../identity/password.ts';

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
  let orm: MikroORM | undefined;
  try {
    orm = await openOrm(url, { log });
    const applied = await orm.migrator.up();
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await ensurePartitions(orm);
    if (config.seedDemo && (await isEmpty(orm))) {
      await orm.seeder.seed(DatabaseSeeder);
      log.info('demo data seeded into the empty database');
    }
    if (config.env === 'production') await refuseDemoPasswords(orm);
  } catch (e) {
    await orm?.close(true);
    await embedded?.stop();
    throw e;
  }
  const opened = orm;
  // The scheduled job: partitions are created months ahead, checked again every few hours by every process.
  const maintenance = setInterval(() => {
    ensurePartitions(opened).catch((err) => log.error({ err }, 'creating partitions ahead failed'));
  }, PARTITION_CHECK_MS).unref();
  return {
    orm: opened,
    embedded,
    async close() {
      clearInterval(maintenance);
      // A connection stuck in the pool must not keep the embedded server from stopping.
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
      await Promise.race([opened.close(true).catch((err) => log.error({ err }, 'closing the pool failed')), timeout]);
      await embedded?.stop();
    },
  };
}

const PARTITION_CHECK_MS = 6 * 3600_000;

/**
 * Monthly partitions of the big tables exist ahead of time: the audit trail (UTC months) and visits (Asia/Shanghai
 * months), this month and the two ahead. Several processes may run it at once: a transaction-scoped advisory lock
 * lets one do the work, the others skip.
 */
export async function ensurePartitions(orm: MikroORM): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const [lock] = await em.execute<{ got: boolean }[]>(`select pg_try_advisory_xact_lock(hashtext('changhu.partitions')) as got`);
    if (!lock?.got) return;
    await em.execute(`select audit_log_ensure_partitions(date_trunc('month', now())::date, 3)`);
    await em.execute(`select visit_ensure_partitions(date_trunc('month', now() at time zone 'Asia/Shanghai')::date, 3)`);
  });
}

/** Production refuses to run while any active account still has the published demo password. */
async function refuseDemoPasswords(orm: MikroORM): Promise<void> {
  const users = await orm.em.fork().find(User, { status: 'ACTIVE' }, { populate: ['passwordHash'] });
  const weak: string[] = [];
  for (const u of users) if (await verifyPassword(DEMO_PASSWORD, u.passwordHash)) weak.push(u.username);
  if (weak.length) {
    throw new Error(`Refusing to start in production: these accounts still have the demo password: ${weak.join(', ')}. Change or disable them first.`);
  }
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
