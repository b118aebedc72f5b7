// What the browser's load of an origin's localStorage into a tab costs, by how much is stored:
// `node bench/storage-load.mjs [runs]` (no build needed). Chromium loads all of an origin's
// storage on a tab's first read of any kind, in one synchronous call that no script can split;
// at 1,000 full incidents it is the longest task of a Mend start (`mend:storage-open`). Each
// store is written from one tab of a fresh context (a plain 404 page of the origin), and the
// first read is timed in a second tab. Stores: Mend's 1,000 incidents of 4.6 kB as `make bench`
// seeds them, plus the same bytes in fewer or more records, and fewer bytes in the same number
// of records; the same 1,000 records with one ’ in each, as typed (Chromium then keeps
// each value as UTF-16) and as Mend stores it since it keeps records within Latin-1
// (`persist/latin1.rs`: `\u2019`); and 1,000 copies of the benchmark's incident as JSON, and
// packed as Mend stores it since the store's version 5 (`persist/pack.rs`). Prints the
// medians in ms, and ms per million characters.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { serveDist } from '../tests/e2e/support/server.mjs';
import { pack } from '../tests/e2e/support/packed.mjs';
import { TEMPLATE } from './seed.mjs';
import { median } from './stats.mjs';

const runs = Number(process.argv[2] ?? 7);
/** A record of `size` bytes of text, ending in `odd` if given. */
const filler = (size, odd = '') => `{"text":"${'x'.repeat(size - 11 - odd.length)}${odd}"}`;
const packed = pack(TEMPLATE);
// [what it is, records, the text of each]
const STORES = [
  ...[[1000, 4600], [1000, 3450], [1000, 2300], [1000, 1150], [100, 46000], [3000, 1533]]
    .map(([n, size]) => [`${size} bytes`, n, filler(size)]),
  ['4600 bytes, one `’`', 1000, filler(4600, '’')],
  ['4600 bytes, one `\\u2019`', 1000, filler(4600, '\\u2019')],
  ['the benchmark\'s incident', 1000, TEMPLATE],
  ['the same, packed', 1000, packed],
];

const server = await serveDist();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page404 = new URL('bench-seed', server.url).href;

/** ms of the first read in a new tab of a context holding `n` records of `text`. */
async function firstRead(_, n, text) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const seeder = await context.newPage();
    await seeder.goto(page404);
    await seeder.evaluate(({ n, text }) => {
      for (let k = 0; k < n; k += 1) localStorage.setItem(`mend.incident.${String(k).padStart(8, '0')}`, text);
    }, { n, text });
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
console.log(`The benchmark's incident is ${TEMPLATE.length} characters, packed ${packed.length}.`);
console.log('| records | each | characters | ms | ms per million characters |');
console.log('|---:|---|---:|---:|---:|');
for (const [[what, n, text], times] of seen) {
  const chars = (n * text.length) / 1e6;
  const ms = median(times);
  console.log(`| ${n} | ${what} | ${chars.toFixed(2)} M | ${ms.toFixed(1)} | ${(ms / chars).toFixed(1)} |`);
}
await browser.close();
process.exit(0);
