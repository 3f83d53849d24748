// The committed migrations build exactly the schema the entities describe.
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.ts';
import { openOrm } from '../../server/src/app/orm.ts';

describe('migrations', () => {
  it('leave nothing for a schema diff of the entities to change', async () => {
    const orm = await openOrm(await createTestDatabase(), { poolMax: 2 });
    try {
      const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(sql.trim()).toBe('');
    } finally {
      await orm.close(true);
    }
  });
});
