// What a first visit downloads over the network, the service worker included: dist/ served as
// a real host serves it (brotli, the files trunk names by their content cached for good, the
// rest revalidated), a fresh profile with service workers allowed, until the worker is active
// and its precache full. Bytes as sent (brotli, except the PNGs; a 304 sends none), split by
// who asked: what the page asked for until its list was ready, then what the worker asked for
// (its script and the precache, which can start before the list is drawn, so a split in time
// moved with the machine's load); then what a second visit (a reload, now served by the
// worker) sends. `make bench` prints it; alone: `node bench/first-visit.mjs [dist]`.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { DIST, serveDist } from '../tests/e2e/support/server.mjs';
import { markAfter, observeTimings } from './page-timing.mjs';

/** `{ beforeList, after, total, files: [{ file, times, bytes, unchanged }], secondVisit }` for one first visit. */
export async function firstVisit(browser, root = DIST) {
  const server = await serveDist({ root, compress: true });
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    await context.addInitScript(observeTimings);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(markAfter, { name: 'mend:list-ready' });
    const forList = server.served.filter((s) => !s.worker);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const atReady = server.served.length;
    await page.reload();
    await page.evaluate(markAfter, { name: 'mend:list-ready' });
    const second = server.served.slice(atReady);
    server.served.splice(atReady);
    const sum = (list) => list.reduce((n, s) => n + s.bytes, 0);
    const files = new Map();
    // A 304 (a file with a fixed name the host found unchanged) sends no body.
    for (const { file, bytes, status } of server.served) {
      const seen = files.get(file) ?? { file, times: 0, bytes: 0, unchanged: 0 };
      const full = status === 200 ? 1 : 0;
      files.set(file, { file, times: seen.times + full, bytes: seen.bytes + bytes, unchanged: seen.unchanged + 1 - full });
    }
    return {
      beforeList: sum(forList),
      after: sum(server.served) - sum(forList),
      total: sum(server.served),
      files: [...files.values()].sort((a, b) => b.bytes - a.bytes),
      secondVisit: { bytes: sum(second), files: second.map((s) => s.file) },
    };
  } finally {
    await context.close();
    await server.close();
  }
}

/** A Markdown table of one first visit. */
export function firstVisitTable(visit) {
  const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
  return [
    '| a first visit over the network, the service worker included (brotli as sent) | bytes |',
    '|---|---:|',
    `| until the list works (target ≤ 100 kB) | ${kb(visit.beforeList)} |`,
    `| then, for the service worker's precache | ${kb(visit.after)} |`,
    `| in all | ${kb(visit.total)} |`,
    `| files sent more than once | ${visit.files.filter((f) => f.times > 1).map((f) => `${f.file} ×${f.times}`).join(', ') || 'none'} |`,
    `| asked for again and found unchanged (304, no body) | ${visit.files.filter((f) => f.unchanged > 0).map((f) => `${f.file} ×${f.unchanged}`).join(', ') || 'none'} |`,
    `| a second visit until the list works (a reload, served by the worker) | ${kb(visit.secondVisit.bytes)}${visit.secondVisit.files.length ? ` (${visit.secondVisit.files.join(', ')})` : ''} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const visit = await firstVisit(browser, process.argv[2] ?? DIST);
    console.log(firstVisitTable(visit));
    console.log('');
    for (const f of visit.files) console.log(`${String(f.bytes).padStart(8)}  ${f.file}${f.times > 1 ? ` (×${f.times})` : ''}`);
  } finally {
    await browser.close();
  }
}
