import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/support/browser.mjs';
import { serveDist } from '../../tests/e2e/support/server.mjs';
import { benchId, seedInPage, TEMPLATE } from '../seed.mjs';
import { clickUntilMark, longestTaskUntilMark, markAfter, observeTimings } from '../page-timing.mjs';
const STEPS = ['stop', 'assess', 'solutions', 'own-up', 'fix', 'follow-up', 'step-it-up'];
const server = await serveDist({ root: process.argv[2] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ serviceWorkers: 'block' });
await context.addInitScript(observeTimings);
const page = await context.newPage();
await page.goto(new URL('bench-seed', server.url).href);
await page.evaluate(seedInPage, { template: TEMPLATE, count: 10 });
await page.goto(server.url);
await page.evaluate(markAfter, { name: 'mend:list-ready' });
const id = benchId(9);
await page.goto(`${server.url}#/incident/${id}/assess`);
await page.waitForTimeout(500);
const out = Object.fromEntries(STEPS.map((s) => [s, []]));
for (let i = 0; i < 5; i += 1) {
  for (const slug of STEPS) {
    const { ms, longest } = await page.evaluate(longestTaskUntilMark, { href: `#/incident/${id}/${slug}`, name: 'mend:step-ready' });
    out[slug].push(`${ms.toFixed(0)}/${longest.toFixed(0)}`);
    await page.waitForTimeout(50);
  }
  await page.evaluate(clickUntilMark, { href: `#/incident/${id}/assess`, name: 'mend:step-ready' });
}
console.log(out);
await browser.close(); await server.close();
