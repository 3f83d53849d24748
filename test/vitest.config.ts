import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: {
    // One graphql module: type-graphql (CommonJS) and our ESM imports must share it.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts', 'server/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Browser tests wait for the page with expect.poll: on 2 busy cores a second is not always enough.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    env: { NODE_ENV: 'test' },
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
