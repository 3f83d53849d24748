// Builds the SPA into client/dist, which the server serves at `/`; in dev, GraphQL and /api go to the server on :4000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
// The assessment's standard and scoring rules are the server's own modules (pure TS, no Node imports): the client
// imports them through this alias to show the level live, so the two can never score differently.
const rules = fileURLToPath(new URL('../server/src/assessment', import.meta.url));
// Likewise the care-plan rules: the editor costs a plan against its cap with the code the server prices it with.
const careplan = fileURLToPath(new URL('../server/src/careplan', import.meta.url));
// And the visit rules: the caregiver's phone checks a visit before check-out with the audit the server runs on it.
const visits = fileURLToPath(new URL('../server/src/visits', import.meta.url));

export default defineConfig({
  root,
  plugins: [
    svelte(),
    // Installable, and the built app opens without a network: a service worker precaches the app shell (every
    // built file: ~1.5 MB, fetched once in the background). It caches no API answer: GraphQL is POST, /api is
    // left to the network, and the caregiver's day and queue live in the app's own IndexedDB. A new version
    // takes over at once; lib/pwa.ts decides when the page reloads onto it (never in the middle of a visit).
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '长护',
        short_name: '长护',
        description: '长期护理保险经办：护理员上门服务签到、签退与记录',
        lang: 'zh-CN',
        start_url: '/#/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f4f6f7',
        theme_color: '#0f6e6e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The routes are hash routes, so a navigation is to `/`; the server's own paths must still reach it.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/api\//, /^\/healthz/, /^\/readyz/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // The assessment chunk is large; the default 2 MiB limit would silently leave a bigger one out.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // The settlement dashboard's chunk carries its charting library (ECharts, ~570 kB): a desk page that needs the
        // network for its figures anyway, so phones are not made to fetch it in the background. Loaded when opened.
        globIgnores: ['**/DashboardPage-*'],
      },
    }),
  ],
  resolve: { alias: { '@rules': rules, '@careplan': careplan, '@visits': visits } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The dashboard's lazy chunk is ECharts' core with three charts (~590 kB, ~200 kB gzipped), and no other page
    // loads it; the warning is kept for any chunk beyond that.
    chunkSizeWarningLimit: 600,
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
