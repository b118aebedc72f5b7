// Two builds side by side: `node bench/ab.mjs DIR_A DIR_B [count] [runs] [rate]`, each DIR a
// copy of `dist/` from `make build`. Fresh cold starts with `count` incidents (1,000 unless
// given) seeded from another tab, as in run.mjs, at `rate`× CPU slowdown (1 unless given),
// taking turns (A then B, then B then A) so that a busy moment on the machine falls on both
// alike. Prints each build's medians, in ms: the browser's load of all of the origin's storage
// (`mend:storage-open`, where the build marks it), `mend:load` (reading Mend's records), what was
// read before the list was drawn (`mend:list-read`, or `mend:load` for a build without it),
// `mend:list-ready` from navigation, and `mend:all-read` (every record read) where the build
// marks it. The stores hold the list's index too, except for the builds left out of
// `AB_INDEX` (`AB_INDEX=B` for a build from before the index, which would list it as a
// record it can't read), and the incidents are packed, as a save stores them, except for the
// builds left out of `AB_PACKED` (`AB_PACKED=B` when A is a build from before the store's
// version 5, which can't read them). For the figures behind a lever kept or dropped;
// `make bench` is the benchmark of record.
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

const indexed = process.env.AB_INDEX ?? 'AB';
const packed = process.env.AB_PACKED ?? 'AB';

/** In the page, once the list is ready: Mend's reads, and when the list was ready. */
async function marks() {
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
  const measure = (name) => performance.getEntriesByName(name, 'measure')[0]?.duration;
  // A build that reads its records after drawing the list marks when it is done.
  for (let waited = 0; mark('mend:all-read') === undefined && waited < 3_000; waited += 5) {
    await new Promise((ok) => setTimeout(ok, 5));
  }
  return { open: measure('mend:storage-open'), load: measure('mend:load'), listRead: measure('mend:list-read') ?? measure('mend:load'), ready: mark('mend:list-ready'), allRead: mark('mend:all-read') };
}

const start = (browser, server, name) => freshStart(browser, server.url, {
  count, rate, index: indexed.includes(name), packed: packed.includes(name), initScripts: [observeTimings], ready: (page) => page.evaluate(markAfter, { name: 'mend:list-ready' }), measure: marks,
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const builds = { A: { dir: dirA, seen: [] }, B: { dir: dirB, seen: [] } };
for (const build of Object.values(builds)) build.server = await serveDist({ root: build.dir });
for (let run = 0; run < runs; run += 1) {
  for (const name of run % 2 ? ['B', 'A'] : ['A', 'B']) {
    builds[name].seen.push(await start(browser, builds[name].server, name));
  }
}
console.log(`${runs} cold starts of each at ${count} incidents${rate === 1 ? '' : ` at ${rate}× CPU slowdown`}, medians in ms`);
for (const [name, { dir, seen }] of Object.entries(builds)) {
  const of = (key) => median(seen.map((s) => s[key]).filter((v) => v !== undefined))?.toFixed(1) ?? '–';
  console.log(`${name} ${dir}: the browser's storage load ${of('open')}, mend:load ${of('load')}, read before the list ${of('listRead')}, list ready ${of('ready')}, every record read ${of('allRead')}`);
}
await browser.close();
process.exit(0);
