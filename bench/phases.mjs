// Where a cold start goes, phase by phase: `node bench/phases.mjs [count] [runs]` after
// `make build` (and `make peer`, for the peer's line). Not part of `make bench`: it explains
// the cold start row there rather than adding a figure. Each start is a fresh context with
// service workers blocked and `count` incidents seeded from another tab, as in run.mjs; the
// peer's starts take turns with Mend's. Medians, in ms from navigation:
// - html, css, js, wasm: when each response had fully arrived (Resource Timing; Mend's
//   stylesheet is inside its index.html since the round of 2026-12-06 night, so only the
//   peer has a css time);
// - fcp: the first contentful paint (Mend's HTML shell; the peer paints nothing before its app);
// - started: trunk's TrunkApplicationStarted, once the wasm is compiled, instantiated and its
//   `main` has run (Mend's `main` mounts the app, whose first task is queued);
// - load start, load end: Mend's own read of its records (`mend:load`);
// - ready: `mend:list-ready`, or the peer's `.new-todo` input in the page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { DIST, serveDist } from '../tests/e2e/support/server.mjs';
import { PEER_DIST, waitForInput, watchForInput } from './peer.mjs';
import { freshStart } from './seed.mjs';
import { median } from './stats.mjs';
import { markAfter, observeTimings } from './page-timing.mjs';

const count = Number(process.argv[2] ?? 10);
const runs = Number(process.argv[3] ?? 11);

/** In the page, once ready: the phases, in ms from navigation. */
async function phases() {
  const resources = performance.getEntriesByType('resource');
  const arrived = (ending) => resources.find((e) => e.name.split('?')[0].endsWith(ending))?.responseEnd ?? null;
  const load = performance.getEntriesByName('mend:load', 'measure')[0];
  return {
    html: performance.getEntriesByType('navigation')[0].responseEnd,
    css: arrived('.css'),
    js: arrived('.js'),
    wasm: arrived('.wasm'),
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    started: window.__started ?? null,
    'load start': load?.startTime ?? null,
    'load end': load ? load.startTime + load.duration : null,
    // The peer's, from bench/peer.mjs's watch for its input.
    ready: window.__peer ? (await window.__peer).ready : performance.getEntriesByName('mend:list-ready', 'mark')[0]?.startTime ?? null,
  };
}

/** Init script: when trunk's loader says the app started. */
function watchStart() {
  addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); });
}

/** One fresh start: `seedCount` incidents stored first (when given), ready when `ready(page)` resolves. */
const start = (browser, server, { seedCount, ready, watch }) => freshStart(browser, server.url, {
  count: seedCount, initScripts: [observeTimings, watchStart, ...(watch ? [watch] : [])], ready, measure: phases,
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const mend = await serveDist({ root: DIST });
const peer = existsSync(join(PEER_DIST, 'index.html')) ? await serveDist({ root: PEER_DIST }) : null;
const seen = { mend: [], peer: [] };
for (let run = 0; run < runs; run += 1) {
  seen.mend.push(await start(browser, mend, { seedCount: count, ready: (page) => page.evaluate(markAfter, { name: 'mend:list-ready' }) }));
  if (peer) seen.peer.push(await start(browser, peer, { watch: watchForInput, ready: (page) => page.evaluate(waitForInput, 30_000) }));
}
const names = Object.keys(seen.mend[0]);
console.log(`| ms from navigation, median of ${runs} | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---:').join('|')}|`);
for (const [who, rows] of Object.entries(seen)) {
  if (!rows.length) continue;
  const label = who === 'mend' ? `Mend, ${count} incidents` : 'TodoMVC';
  console.log(`| ${label} | ${names.map((n) => median(rows.map((r) => r[n]))?.toFixed(1) ?? '–').join(' | ')} |`);
}
await browser.close();
process.exit(0);
