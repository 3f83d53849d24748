// Starts one embedded PostgreSQL for the whole run and prepares a migrated, seeded template database;
// each test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/src/app/embedded-postgres.ts';
import { openOrm } from '../../server/src/app/orm.ts';
import { DatabaseSeeder } from '../../seeds/DatabaseSeeder.ts';
import { PgBoss } from 'pg-boss';
import { JOB_SCHEMA } from '../../server/src/app/jobs.ts';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): in this
// process (Vitest's main one) that turned a run with failed tests into exit code 0 (and its 'exit' handler then
// fails on an async hook). Unhook both; the teardown below stops PostgreSQL itself.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'changhu-test-'));
  // pg_stat_statements lets a benchmark say where the database's time went (test/helpers/cpu.ts).
  const db = await startEmbeddedPostgres({ dataDir: dir, persistent: false, settings: { shared_preload_libraries: 'pg_stat_statements' } });
  const admin = new URL(db.url);
  admin.pathname = '/postgres';
  const templateUrl = new URL(db.url);
  templateUrl.pathname = '/changhu';
  const orm = await openOrm(templateUrl.toString(), { poolMax: 2 });
  await orm.migrator.up();
  await orm.seeder.seed(DatabaseSeeder);
  await orm.close(true);
  // The job queue's tables too (pg-boss creates them on its first start), so that each test database has them.
  const boss = new PgBoss({ connectionString: templateUrl.toString(), schema: JOB_SCHEMA, max: 1, supervise: false, schedule: false, registerInstance: false });
  await boss.start();
  await boss.stop({ graceful: false });
  project.provide('pgAdminUrl', admin.toString());
  project.provide('templateDb', 'changhu');
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
