#!/usr/bin/env node
// Renders the app icons (PNG) from their SVG sources with headless Chromium, through the
// playwright-core that the tests already install. The PNGs are committed, so builds never
// need this; run it again after changing an SVG:
//   node scripts/render-icons.mjs
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
// [source SVG, output PNG, size]. Maskable: full-bleed background, the glyph well inside the
// central 80% safe zone, so any mask shape keeps it whole.
const ICONS = [
  // The tab's icon (index.html): a PNG, since Chromium parses an SVG icon as a document on the
  // page's main thread; outside icons/ so that trunk names it by its content.
  ['assets/icon.svg', 'assets/favicon-32.png', 32],
  ['assets/icon.svg', 'assets/icons/icon-192.png', 192],
  ['assets/icon.svg', 'assets/icons/icon-512.png', 512],
  ['assets/icon-maskable.svg', 'assets/icons/icon-maskable-512.png', 512],
];

/**
 * Chromium's screenshots are loosely compressed. Keeps the smaller of a lossless `optipng`
 * pass and a `pngquant` palette (quality 90+: two colours and their antialiasing, which
 * looks the same) followed by `optipng`. Both come from Debian (scripts/install-tools.sh).
 */
function shrink(path) {
  const quantised = `${path}.q.png`;
  execFileSync('optipng', ['-quiet', '-o7', '-strip', 'all', path]);
  execFileSync('pngquant', ['--quality', '90-100', '--speed', '1', '--strip', '--force', '--output', quantised, path]);
  execFileSync('optipng', ['-quiet', '-o7', '-strip', 'all', quantised]);
  if (statSync(quantised).size < statSync(path).size) renameSync(quantised, path);
  else rmSync(quantised);
  return statSync(path).size;
}

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
    const bytes = shrink(resolve(root, output));
    console.log(`${output} (${size}x${size}) from ${source}: ${bytes} bytes`);
  }
} finally {
  await browser.close();
}
