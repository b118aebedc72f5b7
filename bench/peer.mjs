// The TodoMVC peer in `make bench`: Leptos's own example (bench/peer/todomvc), built by
// `make peer` into target/peer-dist/ with Mend's trunk, wasm-opt, leptos and release profile.
// Its cold start is measured from outside, in the same rounds as Mend's and the same way: a
// fresh context with service workers blocked, a first page on its origin, then the app, at
// the same CPU throttling. Ready is when its `.new-todo` input is first in the DOM, the moment
// that matches Mend's `mend:list-ready` mark (an effect run once the list is mounted); the
// time one frame later is kept too (`painted`, in bench/results.json).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveDist } from '../tests/e2e/support/server.mjs';
import { distSizes } from './sizes.mjs';

export const PEER_DIST = resolve(import.meta.dirname, '../target/peer-dist');
const TIMEOUT = 30_000;

/** Init script: resolves `window.__peer` with the ms from navigation to `.new-todo` in the DOM, and to a frame later. */
export function watchForInput() {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__peer = new Promise((ok) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.new-todo')) return;
      observer.disconnect();
      const ready = performance.now();
      // The frame's style, layout and paint run after the animation frame callback.
      requestAnimationFrame(() => setTimeout(() => {
        const painted = performance.now();
        // The longest task over 50 ms until ready, as Mend's cold start counts it (else 0).
        const longestTask = Math.max(0, ...longTasks.filter((t) => t.start <= ready).map((t) => t.duration));
        ok({ ready, painted, longestTask });
      }));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export function waitForInput(timeout) {
  return Promise.race([
    window.__peer,
    new Promise((_, fail) => setTimeout(() => fail(new Error(`no .new-todo after ${timeout} ms`)), timeout)),
  ]);
}

/** Serves target/peer-dist; `coldStart(browser, throttle)` measures one start and keeps it in `raw`. */
export async function startPeer() {
  if (!existsSync(join(PEER_DIST, 'index.html'))) throw new Error('no target/peer-dist: run `make peer` first');
  const server = await serveDist({ root: PEER_DIST });
  const raw = { cold: [], throttled: [] };
  async function coldStart(browser, throttle) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      await context.addInitScript(watchForInput);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // As Mend's start: a plain 404 on the same origin first (Mend seeds storage there).
      await page.goto(new URL('bench-seed', server.url).href);
      const cdp = await context.newCDPSession(page);
      if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(server.url);
      const start = await page.evaluate(waitForInput, TIMEOUT);
      if (errors.length) throw new Error(`the peer failed: ${errors.join('; ')}`);
      (throttle === 1 ? raw.cold : raw.throttled).push(start);
    } finally {
      await context.close();
    }
  }
  return { url: server.url, raw, coldStart, close: server.close };
}

const wasmBrotli = (sizes) => sizes.files.filter((f) => f.file.endsWith('.wasm')).reduce((sum, f) => sum + f.brotli, 0);

/**
 * The table beside Mend's: Mend at 10 incidents (`mend`, its summary for that count, and
 * `mendSizes`) and the peer, from the same run. `summary` and `fmt` are the bench's own.
 */
export function peerReport({ peer, mend, mendSizes, throttle, summary, fmt }) {
  const readies = (starts) => starts.map((s) => s.ready);
  const summaries = {
    cold: { ready: summary(readies(peer.raw.cold)), painted: summary(peer.raw.cold.map((s) => s.painted)), longestTask: summary(peer.raw.cold.map((s) => s.longestTask)) },
    throttled: { ready: summary(readies(peer.raw.throttled)), painted: summary(peer.raw.throttled.map((s) => s.painted)), longestTask: summary(peer.raw.throttled.map((s) => s.longestTask)) },
  };
  const sizes = distSizes(PEER_DIST);
  const kB = (b) => b / 1000;
  const figures = [
    { key: 'cold', label: 'Cold start, median', unit: 'ms', mend: mend.cold.ready.median, peer: summaries.cold.ready.median },
    { key: 'cold-p95', label: 'Cold start, p95', unit: 'ms', mend: mend.cold.ready.p95, peer: summaries.cold.ready.p95 },
    { key: 'cold-4x', label: `Cold start, ${throttle}× CPU throttling, median`, unit: 'ms', mend: mend.throttled.ready.median, peer: summaries.throttled.ready.median },
    { key: 'start-task', label: 'Longest main-thread task until ready, median (0: none over 50 ms)', unit: 'ms', mend: mend.cold.longestTask.median, peer: summaries.cold.longestTask.median },
    { key: 'start-task-4x', label: `… at ${throttle}× CPU throttling, median`, unit: 'ms', mend: mend.throttled.longestTask.median, peer: summaries.throttled.longestTask.median },
    { key: 'dist-brotli', label: 'dist/ in all, brotli', unit: 'kB', mend: kB(mendSizes.total.brotli), peer: kB(sizes.total.brotli) },
    { key: 'wasm-brotli', label: 'wasm, brotli', unit: 'kB', mend: kB(wasmBrotli(mendSizes)), peer: kB(wasmBrotli(sizes)) },
  ];
  const show = (row, v) => (row.unit === 'kB' && v != null ? v.toFixed(1) : fmt(v));
  const rows = figures.map((f) => ({ ...f, ratio: f.mend == null || !f.peer ? null : f.mend / f.peer }));
  const lines = [
    'Cold start beside the TodoMVC peer (same run)',
    '',
    '| figure | Mend at 10 incidents | TodoMVC | Mend ÷ TodoMVC |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.label} (${r.unit}) | ${show(r, r.mend)} | ${show(r, r.peer)} | ${fmt(r.ratio)} |`),
  ];
  return { text: lines.join('\n'), json: { dist: 'target/peer-dist', table: rows, sizes, summaries, raw: peer.raw } };
}
