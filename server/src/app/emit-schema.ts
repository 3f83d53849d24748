// `npm run schema`: writes schema.graphql from the live type-graphql schema.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printedSchema } from './schema.ts';
import { ROOT } from './config.ts';

writeFileSync(path.join(ROOT, 'schema.graphql'), await printedSchema());
console.log('wrote schema.graphql');
