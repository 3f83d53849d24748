// The service worker (built by vite-plugin-pwa, see vite.config.ts): it precaches the app shell so the caregiver's
// screens open without a network. A new version takes control at once; the page itself moves onto it by reloading
// only where nothing can be lost, the caregiver's lists (today, the queue, the records), and never in the middle of
// a visit or on another page's form: elsewhere the next opening of the app loads the new version.
import { registerSW } from 'virtual:pwa-register';

const calm = () => /^#\/my-day(\/queue|\/records)?\/?$/.test(location.hash);

export function registerServiceWorker(): void {
  // Served over plain HTTP on a pilot's intranet, browsers allow no service worker (except on localhost): the app
  // then needs the network to open, like any page.
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  registerSW({
    immediate: true,
    onNeedReload() {
      if (calm()) return location.reload();
      const later = () => {
        if (!calm()) return;
        window.removeEventListener('hashchange', later);
        location.reload();
      };
      window.addEventListener('hashchange', later);
    },
  });
}
