// Draws the installable app's icons (client/public/icons/*.png) from the favicon's house and heart, with Debian's
// Chromium, so the PNGs are reproducible: `npx tsx client/scripts/make-icons.ts`. The PNGs are committed.
import path from 'node:path';
import { chromium } from 'playwright-core';

const OUT = path.resolve(import.meta.dirname, '../public/icons');
const TEAL = '#0f6e6e';
// The favicon's drawing on a 32-unit grid: a house outline and a heart inside it.
const GLYPH = `<path d="M7.5 15.5 16 8.5l8.5 7V24.5h-17z" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>
  <path d="M16 22s-3.4-2-3.4-4.3a1.8 1.8 0 0 1 3.4-.9 1.8 1.8 0 0 1 3.4.9C19.4 20 16 22 16 22z" fill="#fff"/>`;

/** `rounded`: a rounded tile on transparency ("any" icons); else full bleed (maskable and Apple's, which crop). */
function svg(size: number, { rounded, scale }: { rounded: boolean; scale: number }): string {
  // The glyph spans x 7.5–24.5 and y 8.5–24.5 of 32: centred, then scaled about the centre.
  const t = `translate(16 16.5) scale(${scale}) translate(-16 -16.5)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#13807f"/><stop offset="1" stop-color="${TEAL}"/></linearGradient></defs>
    <rect width="32" height="32" rx="${rounded ? 7 : 0}" fill="url(#g)"/>
    <g transform="${t}">${GLYPH}</g></svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, rounded: true, scale: 1.05 },
  { file: 'icon-512.png', size: 512, rounded: true, scale: 1.05 },
  // Maskable: the launcher may cut a circle of 80 % of the width, so the drawing keeps well inside it.
  { file: 'icon-maskable-512.png', size: 512, rounded: false, scale: 0.8 },
  { file: 'apple-touch-icon.png', size: 180, rounded: false, scale: 0.95 },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(icon.size, icon)}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(OUT, icon.file), omitBackground: true });
    console.log(icon.file);
  }
} finally {
  await browser.close();
}
