// Builds the SPA into client/dist, which the server serves at `/`; in dev, GraphQL goes to the server on :4000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/graphql': { target: 'http://localhost:4000', changeOrigin: true } },
  },
});
