// The client's GraphQL types are generated from schema.graphql and committed. This fails when the schema or an
// operation changed without `npm run schema`, so the client never compiles against types that lie.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../../client/codegen.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUTPUT_DIR = 'client/src/lib/gql/';

describe('generated client types', () => {
  it('match schema.graphql and the operations in client/src', async () => {
    // generate() is typed loosely (it also serves watch mode); without saving it returns the files it would write.
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT, silent: true }, false);
    const generated = new Map(outputs.map((o) => [path.relative(ROOT, path.resolve(ROOT, o.filename)), o.content]));

    const committed = new Map(
      readdirSync(path.join(ROOT, OUTPUT_DIR)).map((f) => [path.join(OUTPUT_DIR, f), readFileSync(path.join(ROOT, OUTPUT_DIR, f), 'utf8')]),
    );
    expect([...generated.keys()].sort(), 'files under client/src/lib/gql/; run `npm run schema`').toEqual([...committed.keys()].sort());
    for (const [file, content] of generated) {
      expect(committed.get(file), `${file} is stale; run \`npm run schema\``).toBe(content);
    }
  }, 60_000);
});
