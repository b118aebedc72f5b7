// A first visit on a phone: Mend's dist/ and the TodoMVC peer's, each served as a real host
// serves it (brotli, compressed once), opened in a fresh profile with nothing stored, under
// Lighthouse's mobile throttling as DevTools applies it (562.5 ms added to each request,
// 1,474.56 kbps down, 675 kbps up, 4× CPU slowdown). Mend and the peer take turns. Prints the
// medians, in ms from navigation: first paint, the wasm downloaded, and ready (Mend's
// `mend:list-ready`; the peer's `.new-todo` in the page). `make bench` prints it; alone, after
// `make build` and `make peer`: `node bench/phone.mjs [runs]`.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { DIST, serveDist } from '../tests/e2e/support/server.mjs';
import { PEER_DIST, waitForInput, watchForInput } from './peer.mjs';
import { markAfter } from './page-timing.mjs';
import { median } from './stats.mjs';

const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU = 4;
const TIMEOUT = 60_000;

/** In the page, once ready: the ms from navigation to first paint and to the wasm's last byte. */
async function timings() {
  // The peer's first paint is its ready frame's, whose entry can come a few frames after the
  // page is ready at 4x CPU slowdown: waited for (at most 5 s) rather than read once.
  const paint = await new Promise((ok) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) ok(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
    setTimeout(() => ok(null), 5_000);
  });
  const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
  return {
    paint,
    wasm: wasm?.responseEnd ?? null,
    wasmBytes: wasm?.encodedBodySize ?? null,
  };
}

async function start(browser, url, ready) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(watchForInput);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await page.goto(url);
    const at = await ready(page);
    return { ready: at, ...(await page.evaluate(timings)) };
  } finally {
    await context.close();
  }
}

/** `runs` first visits of each, taking turns: `{ mend: [...], peer: [...] }`. */
export async function phoneStarts(browser, { runs = 3, mendRoot = DIST, peerRoot = PEER_DIST } = {}) {
  const mend = await serveDist({ root: mendRoot, compress: true });
  const peer = await serveDist({ root: peerRoot, compress: true });
  const apps = {
    mend: { url: mend.url, ready: (page) => page.evaluate(markAfter, { name: 'mend:list-ready', timeout: TIMEOUT }) },
    peer: { url: peer.url, ready: async (page) => (await page.evaluate(waitForInput, TIMEOUT)).ready },
  };
  const seen = { mend: [], peer: [] };
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const name of run % 2 ? ['peer', 'mend'] : ['mend', 'peer']) {
        seen[name].push(await start(browser, apps[name].url, apps[name].ready));
      }
    }
  } finally {
    await mend.close();
    await peer.close();
  }
  return seen;
}

/** A Markdown table of the medians, Mend beside the peer. */
export function phoneTable(seen) {
  const ms = (xs) => `${Math.round(median(xs))}`;
  const row = (label, pick) => `| ${label} | ${ms(seen.mend.map(pick))} | ${ms(seen.peer.map(pick))} |`;
  return [
    `| a first visit on a phone (Lighthouse's mobile throttling as DevTools applies it; medians of ${seen.mend.length}, ms from navigation) | Mend | TodoMVC |`,
    '|---|---:|---:|',
    row('first paint', (s) => s.paint),
    row('the wasm downloaded', (s) => s.wasm),
    row('ready (Mend: the list; TodoMVC: its input)', (s) => s.ready),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const seen = await phoneStarts(browser, { runs: Number(process.argv[2] ?? 3) });
    console.log(phoneTable(seen));
  } finally {
    await browser.close();
  }
}
