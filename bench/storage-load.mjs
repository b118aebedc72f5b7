// What the browser's load of an origin's localStorage into a tab costs, by how much is stored:
// `node bench/storage-load.mjs [runs]` (no build needed). Chromium loads all of an origin's
// storage on a tab's first read of any kind, in one synchronous call that no script can split;
// at 1,000 full incidents it is the longest task of a Mend start (`mend:storage-open`). Each
// store is written from one tab of a fresh context (a plain 404 page of the origin), and the
// first read is timed in a second tab. Stores: Mend's 1,000 incidents of 4.6 kB as `make bench`
// seeds them, plus the same bytes in fewer or more records, and fewer bytes in the same number
// of records; and the same 1,000 records with one ’ in each, as typed (Chromium then keeps
// each value as UTF-16) and as Mend stores it since it keeps records within Latin-1
// (`persist/latin1.rs`: `\u2019`). Prints the medians in ms, and ms per MB.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { serveDist } from '../tests/e2e/support/server.mjs';
import { median } from './stats.mjs';

const runs = Number(process.argv[2] ?? 7);
// [records, bytes each, the one character past ASCII in each record, if any]
const STORES = [[1000, 4600], [1000, 3450], [1000, 2300], [1000, 1150], [100, 46000], [3000, 1533],
  [1000, 4600, '’'], [1000, 4600, '\\u2019']];

const server = await serveDist();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page404 = new URL('bench-seed', server.url).href;

/** ms of the first read in a new tab of a context holding `n` records of `size` bytes. */
async function firstRead(n, size, odd = '') {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const seeder = await context.newPage();
    await seeder.goto(page404);
    await seeder.evaluate(({ n, size, odd }) => {
      const text = 'x'.repeat(size - 40 - odd.length) + odd;
      for (let k = 0; k < n; k += 1) localStorage.setItem(`mend.incident.${String(k).padStart(8, '0')}`, `{"n":${k},"text":"${text}"}`);
    }, { n, size, odd });
    const page = await context.newPage();
    await page.goto(page404);
    return await page.evaluate(() => {
      const start = performance.now();
      void localStorage.length;
      return performance.now() - start;
    });
  } finally {
    await context.close();
  }
}

const seen = new Map(STORES.map((s) => [s, []]));
for (let run = 0; run < runs; run += 1) {
  for (const store of STORES) seen.get(store).push(await firstRead(...store));
}
console.log(`The first localStorage read in a new tab, medians of ${runs}`);
console.log('| records | bytes each | one in each | MB | ms | ms per MB |');
console.log('|---:|---:|---|---:|---:|---:|');
for (const [[n, size, odd = ''], times] of seen) {
  const mb = (n * size) / 1e6;
  const ms = median(times);
  console.log(`| ${n} | ${size} | ${odd ? `\`${odd}\`` : ''} | ${mb.toFixed(2)} | ${ms.toFixed(1)} | ${(ms / mb).toFixed(1)} |`);
}
await browser.close();
process.exit(0);
