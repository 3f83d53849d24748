import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../server/src/app/schema.ts';

describe('schema.graphql', () => {
  it('is the live schema: run `npm run schema` after changing a resolver or type', async () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(await printedSchema());
  });
});
