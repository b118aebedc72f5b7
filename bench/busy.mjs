// The main thread's busy time in a cold start, for builds side by side: `node bench/busy.mjs
// DIR[,DIR…] [count] [runs]`, each DIR a copy of `dist/` from `make build`. Fresh cold starts
// with `count` incidents (100 unless given) seeded from another tab, as in run.mjs, the builds
// taking turns (in reverse every other round), each traced from navigation until
// `mend:list-ready`. Prints each build's medians, in ms: the time the page's main thread spent
// in tasks from `mend:storage-open`'s start, and from the end of `mend:list-read`, until the
// list is ready. Idle gaps and what another process takes from the core don't count, so a
// change of a few ms shows here where the wall-clock figures of ab.mjs move by more than that
// from run to run (20 against 10 first rows of the list: 28.9 against 30.1 ms here, where
// wall-clock runs had said 58.7 against 48.1). Tracing slows the page, so compare builds
// within one run only.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { serveDist } from '../tests/e2e/support/server.mjs';
import { LIST_ROW, seedInPage, TEMPLATE } from './seed.mjs';
import { median } from './stats.mjs';
import { markAfter, observeTimings } from './page-timing.mjs';

const dirs = process.argv[2]?.split(',');
if (!dirs) {
  console.error('usage: node bench/busy.mjs DIR[,DIR…] [count] [runs]');
  process.exit(2);
}
const count = Number(process.argv[3] ?? 100);
const runs = Number(process.argv[4] ?? 10);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const servers = await Promise.all(dirs.map((root) => serveDist({ root })));

/** One traced cold start of the build at `url`: busy ms from storage-open and from list-read's end. */
async function busyStart(url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(observeTimings);
    const seeder = await context.newPage();
    await seeder.goto(new URL('bench-seed', url).href);
    await seeder.evaluate(seedInPage, { template: TEMPLATE, count, row: LIST_ROW });
    const page = await context.newPage();
    await seeder.close();
    await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await page.goto(url);
    await page.evaluate(markAfter, { name: 'mend:list-ready' });
    await page.waitForTimeout(100);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const opened = events.find((e) => e.name === 'mend:storage-open:start');
    const ready = events.find((e) => e.name === 'mend:list-ready');
    if (!opened || !ready) throw new Error('no mend:storage-open:start or mend:list-ready in the trace');
    const read = Math.max(...events.filter((e) => e.name === 'mend:list-read').map((e) => e.ts + (e.dur ?? 0)));
    // The page's main thread is the one its marks are on.
    const tasks = events.filter((e) => e.name === 'RunTask' && e.pid === opened.pid && e.tid === opened.tid);
    const busy = (from) => tasks.filter((t) => t.ts >= from && t.ts <= ready.ts)
      .reduce((sum, t) => sum + Math.min(t.ts + t.dur, ready.ts) - t.ts, 0) / 1000;
    return { fromOpen: busy(opened.ts - 1), fromRead: busy(read) };
  } finally {
    await context.close();
  }
}

const seen = dirs.map(() => []);
for (let run = 0; run < runs; run += 1) {
  const order = run % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()];
  for (const i of order) seen[i].push(await busyStart(servers[i].url));
}
console.log(`${runs} traced cold starts of each at ${count} incidents: main-thread busy ms until mend:list-ready, medians`);
dirs.forEach((dir, i) => {
  const of = (key) => median(seen[i].map((s) => s[key])).toFixed(1);
  console.log(`${dir}: from mend:storage-open ${of('fromOpen')}, from the end of mend:list-read ${of('fromRead')}`);
});
await browser.close();
process.exit(0);
