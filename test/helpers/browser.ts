// The browser side of the end-to-end tests: Debian's Chromium driven by playwright-core, two device sizes,
// screenshots into test/.artifacts/ (git-ignored) to look at.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test/.artifacts');
export const DESK = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

/** Launches headless Chromium; the client must have been built (`npm test` builds it first). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(path.join(ROOT, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (`npm test` does it).');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Without the background-networking flags Chromium keeps dialling out, which this closed network refuses.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Saves a screenshot; a whole-page one from the top, since a capture keeps sticky bars where the scroll left them. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}
