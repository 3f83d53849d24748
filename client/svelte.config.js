// Read by vite-plugin-svelte and svelte-check. Runes everywhere: no component may fall back to legacy mode.
export default {
  compilerOptions: { runes: true },
};
