// MikroORM configuration shared by the server, the migration generator, the seeders and the tests.
import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import path from 'node:path';
import type { Logger } from 'pino';
import { entities } from './entities.ts';
import { migrationsList } from '../../migrations/index.ts';
import { ROOT } from './config.ts';
import { FactsChangedSubscriber } from '../shared/fact-cache.ts';

export function ormConfig(url: string, opts: { log?: Logger; poolMax?: number } = {}) {
  return defineConfig({
    clientUrl: url,
    entities,
    extensions: [Migrator, SeedManager],
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    subscribers: [new FactsChangedSubscriber()],
    pool: { min: 0, max: opts.poolMax ?? 10 },
    debug: false,
    logger: (message) => opts.log?.debug({ orm: message }, 'orm'),
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(ROOT, 'server/migrations'),
      pathTs: path.join(ROOT, 'server/migrations'),
      migrationsList,
      transactional: true,
      allOrNothing: true,
      // No snapshot file: `npm run migration:create` diffs the entities against a database migrated from the
      // committed migrations, the one truth; running migrations never writes into the tree.
      snapshot: false,
      snapshotOnMigrate: false,
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    // The audit trail, its triggers and its partition function, the visits, the audit's staging tables and the
    // claims with their guards are made by hand in migrations: the schema diff must leave them alone.
    schemaGenerator: { skipTables: ['audit_log', /^audit_log_/, 'visit', 'visit_key', /^visit_\d{4}_\d{2}$/, /^visit_audit_stage_/, /^claim/], ignoreRoutines: true, ignoreTriggers: true },
    seeder: { path: path.join(ROOT, 'seeds'), pathTs: path.join(ROOT, 'seeds'), defaultSeeder: 'DatabaseSeeder' },
  });
}

export async function openOrm(url: string, opts: { log?: Logger; poolMax?: number } = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url, opts));
}
