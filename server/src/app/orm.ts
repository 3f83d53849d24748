// MikroORM configuration shared by the server, the migration generator, the seeders and the tests.
import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import path from 'node:path';
import type { Logger } from 'pino';
import { entities } from './entities.ts';
import { migrationsList } from '../../migrations/index.ts';
import { ROOT } from './config.ts';

export function ormConfig(url: string, opts: { log?: Logger; poolMax?: number } = {}) {
  return defineConfig({
    clientUrl: url,
    entities,
    extensions: [Migrator, SeedManager],
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
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
      snapshot: true,
      snapshotName: '.snapshot-changhu',
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    seeder: { path: path.join(ROOT, 'seeds'), pathTs: path.join(ROOT, 'seeds'), defaultSeeder: 'DatabaseSeeder' },
  });
}

export async function openOrm(url: string, opts: { log?: Logger; poolMax?: number } = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url, opts));
}
