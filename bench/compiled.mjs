// How much wasm code the browser compiles before a screen works. Chromium compiles a wasm
// function lazily, on the main thread, the first time it runs, so the code a start-up runs is
// paid for twice: compiled, then run. A trace of V8's wasm events (the detailed category
// gives each compiled function's index and body size) counts it. The functions and bytes
// are the same on every run of the same build, whatever else the machine is doing, so they
// compare builds exactly where milliseconds on a shared machine can't; the milliseconds of
// lazy compilation are kept beside them.
import { benchId, seedInPage, TEMPLATE } from './seed.mjs';
import { markAfter, observeTimings } from './page-timing.mjs';

const CATEGORIES = ['v8.wasm', 'disabled-by-default-v8.wasm.detailed'];

/** The functions compiled in a trace: how many, their body bytes, and ms of lazy compiling. */
function compiledIn(trace) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents ?? [];
  const bodies = new Map();
  let lazyMicros = 0;
  for (const e of events) {
    if (e.name === 'wasm.CompileBaseline' && e.args?.funcIndex != null) bodies.set(e.args.funcIndex, e.args.bodySize ?? 0);
    if (e.name === 'wasm.CompileLazy' && e.ph === 'X') lazyMicros += e.dur ?? 0;
  }
  let bytes = 0;
  for (const size of bodies.values()) bytes += size;
  return { functions: bodies.size, bytes, lazyMs: lazyMicros / 1000 };
}

/**
 * A cold start in a fresh context (service workers blocked), traced from navigation until
 * `ready` resolves in the page; `seedCount` incidents stored first, when given.
 */
async function tracedStart(browser, url, { seedCount, ready }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(observeTimings);
    const page = await context.newPage();
    await page.goto(new URL('bench-seed', url).href);
    if (seedCount != null) await page.evaluate(seedInPage, { template: TEMPLATE, count: seedCount });
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url);
    await ready(page);
    const start = compiledIn(await browser.stopTracing());
    return { page, start, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Mend at `count` incidents: the code compiled until the list is ready; then by the warm-up
 * that builds each step's form off the page while the browser is idle (`src/ui/warm_up.rs`,
 * until `mend:warmed-up`); then until an incident opened from the list shows Assess (its
 * first step opening in this page).
 */
export async function mendCompiled(browser, url, count) {
  const s = await tracedStart(browser, url, { seedCount: count, ready: (page) => page.evaluate(markAfter, { name: 'mend:list-ready' }) });
  try {
    await browser.startTracing(s.page, { categories: CATEGORIES });
    await s.page.evaluate(markAfter, { name: 'mend:warmed-up' });
    const warmUp = compiledIn(await browser.stopTracing());
    await s.page.waitForTimeout(300);
    await browser.startTracing(s.page, { categories: CATEGORIES });
    const since = await s.page.evaluate(() => performance.now());
    await s.page.evaluate((href) => { location.hash = href; }, `#/incident/${benchId(count - 1)}/assess`);
    await s.page.evaluate(markAfter, { name: 'mend:step-ready', since });
    const assess = compiledIn(await browser.stopTracing());
    return { start: s.start, warmUp, assess };
  } finally {
    await s.close();
  }
}

/** The peer: the code compiled until its `.new-todo` input is in the page. */
export async function peerCompiled(browser, url) {
  const s = await tracedStart(browser, url, { ready: (page) => page.locator('.new-todo').waitFor() });
  await s.close();
  return { start: s.start };
}
