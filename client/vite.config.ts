// Builds the SPA into client/dist, which the server serves at `/`; in dev, GraphQL and /api go to the server on :4000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = fileURLToPath(new URL('.', import.meta.url));
// The assessment's standard and scoring rules are the server's own modules (pure TS, no Node imports): the client
// imports them through this alias to show the level live, so the two can never score differently.
const rules = fileURLToPath(new URL('../server/src/assessment', import.meta.url));
// Likewise the care-plan rules: the editor costs a plan against its cap with the code the server prices it with.
const careplan = fileURLToPath(new URL('../server/src/careplan', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte()],
  resolve: { alias: { '@rules': rules, '@careplan': careplan } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      // ws: the findings' live updates come over a WebSocket on the same path.
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true, ws: true },
      // Documents and the conclusion notice PDF are plain HTTP endpoints of the same server.
      '/api': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
});
