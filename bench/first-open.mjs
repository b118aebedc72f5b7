// The first opening of an incident after a cold start, against the next one, for one or more
// builds taking turns: `node bench/first-open.mjs DIR[,DIR…] [rate] [runs]` (each DIR a copy
// of dist/; rate is the CPU slowdown, from the start; runs per build, 5 by default). Not part
// of `make bench`: it shows what the warm-up (src/ui/warm_up.rs) is for. Chromium compiles a
// wasm function on the main thread the first time it runs, so the first incident opened
// in a page also compiles the incident screen's and its step's code, unless the warm-up
// has. Each run: a fresh context with 10 stored incidents left on Assess, the list, 1.5 s
// for a person to read it, a click on the first incident until `mend:incident-ready`, back
// to the list, then a click on the second. Prints each run's ms and longest task (0: none
// over 50 ms) for both, and the medians.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { serveDist } from '../tests/e2e/support/server.mjs';
import { benchId, seedInPage, TEMPLATE } from './seed.mjs';
import { longestTaskUntilMark, markAfter, observeTimings } from './page-timing.mjs';
import { median } from './stats.mjs';

const roots = (process.argv[2] ?? 'dist').split(',');
const rate = Number(process.argv[3] ?? 1);
const runs = Number(process.argv[4] ?? 5);
const template = TEMPLATE.replace(/"last_step":"[a-z_]+"/, '"last_step":"assess"');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const servers = await Promise.all(roots.map((root) => serveDist({ root })));
const results = roots.map(() => []);
for (let run = 0; run < runs; run++) {
  for (const [k, server] of servers.entries()) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(observeTimings);
    const page = await context.newPage();
    await page.goto(new URL('bench-seed', server.url).href);
    await page.evaluate(seedInPage, { template, count: 10 });
    const cdp = await context.newCDPSession(page);
    if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(server.url);
    await page.evaluate(markAfter, { name: 'mend:list-ready' });
    await page.waitForTimeout(1500);
    const first = await page.evaluate(longestTaskUntilMark, { href: `#/incident/${benchId(0)}`, name: 'mend:incident-ready' });
    const since = await page.evaluate(() => performance.now());
    await page.evaluate(() => { location.hash = '#/'; });
    await page.evaluate(markAfter, { name: 'mend:list-ready', since });
    await page.waitForTimeout(500);
    const next = await page.evaluate(longestTaskUntilMark, { href: `#/incident/${benchId(1)}`, name: 'mend:incident-ready' });
    results[k].push({ first, next });
    await context.close();
  }
}
const ms = (x) => x.toFixed(0);
for (const [k, root] of roots.entries()) {
  const r = results[k];
  console.log(`${root} at ${rate}×: first opening ${r.map((x) => `${ms(x.first.ms)} (${ms(x.first.longest)})`).join(', ')}; next ${r.map((x) => `${ms(x.next.ms)} (${ms(x.next.longest)})`).join(', ')}`);
  console.log(`  median: first ${ms(median(r.map((x) => x.first.ms)))} ms, next ${ms(median(r.map((x) => x.next.ms)))} ms; longest task of the first, median ${ms(median(r.map((x) => x.first.longest)))} ms`);
}
await browser.close();
process.exit(0);
