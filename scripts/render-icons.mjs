#!/usr/bin/env node
// Renders the app icons (PNG) from their SVG sources with headless Chromium, through the
// playwright-core that the tests already install. The PNGs are committed, so builds never
// need this; run it again after changing an SVG:
//   node scripts/render-icons.mjs
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
// [source SVG, output PNG, size]. Maskable: full-bleed background, the glyph well inside the
// central 80% safe zone, so any mask shape keeps it whole.
const ICONS = [
  ['assets/icon.svg', 'assets/icons/icon-192.png', 192],
  ['assets/icon.svg', 'assets/icons/icon-512.png', 512],
  ['assets/icon-maskable.svg', 'assets/icons/icon-maskable-512.png', 512],
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [source, output, size] of ICONS) {
    const svg = await readFile(resolve(root, source), 'base64');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="data:image/svg+xml;base64,${svg}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: resolve(root, output), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${output} (${size}x${size}) from ${source}`);
  }
} finally {
  await browser.close();
}
