// Two builds side by side: `node bench/ab.mjs DIR_A DIR_B [count] [runs] [rate]`, each DIR a
// copy of `dist/` from `make build`. Fresh cold starts with `count` incidents (1,000 unless
// given) seeded from another tab, as in run.mjs, at `rate`× CPU slowdown (1 unless given),
// taking turns (A then B, then B then A) so that a busy moment on the machine falls on both
// alike. Prints each build's medians, in ms: `mend:load` (reading Mend's records) and
// `mend:list-ready` from navigation. For the figures behind a lever kept or dropped; `make
// bench` is the benchmark of record.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { serveDist } from '../tests/e2e/support/server.mjs';
import { freshStart } from './seed.mjs';
import { median } from './stats.mjs';
import { markAfter, observeTimings } from './page-timing.mjs';

const [dirA, dirB] = process.argv.slice(2, 4);
if (!dirA || !dirB) {
  console.error('usage: node bench/ab.mjs DIR_A DIR_B [count] [runs] [rate]');
  process.exit(2);
}
const count = Number(process.argv[4] ?? 1000);
const runs = Number(process.argv[5] ?? 12);
const rate = Number(process.argv[6] ?? 1);

/** In the page, once the list is ready: Mend's read, and when the list was ready. */
function marks() {
  return {
    load: performance.getEntriesByName('mend:load', 'measure')[0]?.duration,
    ready: performance.getEntriesByName('mend:list-ready', 'mark')[0]?.startTime,
  };
}

const start = (browser, server) => freshStart(browser, server.url, {
  count, rate, initScripts: [observeTimings], ready: (page) => page.evaluate(markAfter, { name: 'mend:list-ready' }), measure: marks,
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const builds = { A: { dir: dirA, seen: [] }, B: { dir: dirB, seen: [] } };
for (const build of Object.values(builds)) build.server = await serveDist({ root: build.dir });
for (let run = 0; run < runs; run += 1) {
  for (const name of run % 2 ? ['B', 'A'] : ['A', 'B']) {
    builds[name].seen.push(await start(browser, builds[name].server));
  }
}
console.log(`${runs} cold starts of each at ${count} incidents${rate === 1 ? '' : ` at ${rate}× CPU slowdown`}, medians in ms`);
for (const [name, { dir, seen }] of Object.entries(builds)) {
  const load = median(seen.map((s) => s.load))?.toFixed(1) ?? '–';
  const ready = median(seen.map((s) => s.ready))?.toFixed(1) ?? '–';
  console.log(`${name} ${dir}: mend:load ${load}, list ready ${ready}`);
}
await browser.close();
process.exit(0);
