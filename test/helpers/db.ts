// Per-file test databases cloned from the migrated, seeded template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export async function createTestDatabase(): Promise<string> {
  const admin = new URL(inject('pgAdminUrl'));
  const name = 'test_' + randomBytes(6).toString('hex');
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${inject('templateDb')}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = '/' + name;
  return url.toString();
}
