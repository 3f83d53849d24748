// `npm run schema` (from the repo root) types every operation in client/src from schema.graphql.
// test/unit/client-types.test.ts imports this config to check that the committed output is current.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  // Operations live in .ts files only, so the default TypeScript pluck needs no Svelte support.
  documents: ['client/src/**/*.ts', '!client/src/lib/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/lib/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: false,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
