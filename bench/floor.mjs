// The floor of a start at 1,000 incidents for a list drawn from a small index (built since; in
// bench/README.md, "Start-up at 1,000"), measured without building it: `node bench/floor.mjs
// [runs] [rate]` after `make build`. Fresh cold starts, taking turns, of three stores: 10
// incidents ("ten"); the same 10 beside 990 records of the same size under another app's keys,
// so that the browser's load of all 4.8 MB of the origin's storage is paid in full while Mend
// reads only 10 records ("floor"); and 1,000 incidents ("full"). Prints the medians of
// `mend:list-ready` from navigation and of `mend:load`, in ms, and each store's ratio to "ten".
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { serveDist } from '../tests/e2e/support/server.mjs';
import { freshStart } from './seed.mjs';
import { median } from './stats.mjs';
import { markAfter, observeTimings } from './page-timing.mjs';

const runs = Number(process.argv[2] ?? 12);
const rate = Number(process.argv[3] ?? 1);
// "full" without the list's index, read whole before the list as it was when this was written
// (now built: a store with its index opens on the list drawn from it).
const STORES = { ten: { count: 10 }, floor: { count: 10, others: 990 }, full: { count: 1000, index: false } };

const server = await serveDist();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const start = (kind) => freshStart(browser, server.url, {
  ...STORES[kind], rate, initScripts: [observeTimings], ready: (page) => page.evaluate(markAfter, { name: 'mend:list-ready' }),
  measure: () => ({
    ready: performance.getEntriesByName('mend:list-ready', 'mark')[0]?.startTime,
    load: performance.getEntriesByName('mend:load', 'measure')[0]?.duration,
  }),
});
const seen = { ten: [], floor: [], full: [] };
for (let r = 0; r < runs; r += 1) {
  for (const kind of (r % 2 ? ['full', 'floor', 'ten'] : ['ten', 'floor', 'full'])) seen[kind].push(await start(kind));
}
const medians = Object.fromEntries(Object.entries(seen).map(([kind, s]) => [kind, {
  ready: median(s.map((x) => x.ready)), load: median(s.map((x) => x.load)),
}]));
console.log(`${runs} cold starts of each${rate === 1 ? '' : ` at ${rate}× CPU slowdown`}, medians in ms (÷ ten)`);
for (const [kind, m] of Object.entries(medians)) {
  const ratio = (key) => (m[key] / medians.ten[key]).toFixed(2);
  console.log(`${kind}: list ready ${m.ready.toFixed(1)} (${ratio('ready')}), mend:load ${m.load.toFixed(1)} (${ratio('load')})`);
}
await browser.close();
process.exit(0);
