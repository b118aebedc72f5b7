// One fixture for every end-to-end test: a served dist/, headless Debian Chromium, and
// watchers that fail the test on any uncaught error, any Content-Security-Policy violation,
// or any request to an origin other than the app's own.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveDist } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const TEST_TIMEOUT = 60_000;

const LAUNCH = { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS };

// Runs in every page before the app: records each CSP violation on window and reports it at
// once through a binding, so a violation just before a reload or close is not lost.
function recordCspViolations() {
  window.__mendCspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    const text = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`;
    window.__mendCspViolations.push(text);
    window.__mendReportCspViolation?.(text);
  }, true);
}

/**
 * Runs `body({ page, context, baseUrl, served, checkA11y, takeProblems })` against a fresh
 * browser profile; `checkA11y(screen, page?)` runs axe on `page` or another page given;
 * `served` lists the files the server sent. Options: `prefix` (serve under a subpath), `root`
 * (serve this folder instead of dist/), `compress` (serve as a real host: brotli, hashed files
 * cached for good), `persistent` (a real on-disk profile, as installability needs),
 * `backForwardCache` (Playwright turns Chromium's off; this leaves it on), `initScript` (runs
 * before the app in every page), `contextOptions`.
 */
export async function withApp(options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const server = await serveDist({ prefix: options.prefix ?? '/', root: options.root, compress: options.compress });
  const appOrigin = new URL(server.url).origin;
  const contextOptions = { acceptDownloads: true, ...options.contextOptions };
  let browser;
  let profile;
  let context;
  const problems = [];
  const reported = new Set();
  try {
    if (options.persistent) {
      profile = await mkdtemp(join(tmpdir(), 'mend-profile-'));
      context = await chromium.launchPersistentContext(profile, { ...LAUNCH, ...contextOptions });
    } else {
      browser = await chromium.launch(options.backForwardCache ? { ...LAUNCH, ignoreDefaultArgs: ['--disable-back-forward-cache'] } : LAUNCH);
      context = await browser.newContext(contextOptions);
    }
    await context.exposeBinding('__mendReportCspViolation', ({ page }, text) => {
      reported.add(text);
      problems.push(`CSP violation on ${page?.url()}: ${text}`);
    });
    await context.addInitScript(recordCspViolations);
    if (options.initScript) await context.addInitScript(options.initScript);
    // Pages and the service worker alike: nothing may leave the app's own origin.
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== appOrigin) {
        problems.push(`request off ${appOrigin}: ${request.url()}`);
      }
    });
    const watch = (page) => {
      page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()} at ${message.location().url}`);
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    const page = context.pages()[0] ?? (await context.newPage());
    const checkA11y = async (screen, target = page) => {
      const results = await new AxeBuilder({ page: target })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
      assert.deepEqual(found, [], `axe violations on ${screen}`);
    };
    /** Removes and returns the problems matching `pattern`, for tests that provoke one. */
    const takeProblems = (pattern) => {
      const taken = problems.filter((p) => pattern.test(p));
      problems.splice(0, problems.length, ...problems.filter((p) => !pattern.test(p)));
      return taken;
    };
    await body({ page, context, baseUrl: server.url, served: server.served, checkA11y, takeProblems });
    // Collected from each page before close, in case a report was still on its way.
    for (const open of context.pages()) {
      const recorded = await open.evaluate(() => window.__mendCspViolations ?? []).catch(() => []);
      for (const text of recorded.filter((t) => !reported.has(t))) problems.push(`CSP violation on ${open.url()}: ${text}`);
    }
    assert.deepEqual(problems, [], `no uncaught errors, no CSP violations, no requests off ${appOrigin}`);
  } finally {
    await (browser ?? context)?.close();
    await server.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  }
}

/**
 * The page hidden and shown again, as when the person switches away and back: the document's
 * visibility changes twice. Headless Chromium never hides a page itself.
 */
export function hideAndShow(page) {
  return page.evaluate(() => {
    for (const state of ['hidden', 'visible']) {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    }
  });
}

/** Retries `check` until it stops throwing, like a web-first assertion. */
export async function eventually(check, { timeout = 5_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((ok) => setTimeout(ok, interval));
    }
  }
}

/** Every localStorage entry, for byte-for-byte before/after comparisons. */
export function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** Runs `action` (a click) and returns the download it starts: `{ name, text }`. */
export async function readDownload(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Fills what is left of the storage quota with one key, `filler`. */
export function fillStorage(page) {
  return page.evaluate(() => {
    let size = 1 << 22;
    let filler = '';
    while (size >= 1) {
      try {
        localStorage.setItem('filler', filler + 'x'.repeat(size));
        filler += 'x'.repeat(size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** Waits until the service worker is active and has precached this version. */
export function serviceWorkerReady(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, state: registration.active?.state };
  });
}

/** The text of the elements a control's `aria-describedby` names, as a screen reader hears it. */
export function description(locator) {
  return locator.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim());
}

/**
 * Hands out the file choosers `page` opens, in order: `const next = fileChoosers(page)`, then
 * press the key and `await next()`. Playwright only starts catching choosers once a listener
 * exists, and switching that on races a key press sent straight after it (measured on a plain
 * page with no app: `Promise.all([waitForEvent('filechooser'), press('Enter')])` missed the
 * chooser 10 times in 60). So the listener is set up, and confirmed by a round trip, first.
 */
export async function fileChoosers(page) {
  const opened = [];
  const waiting = [];
  page.on('filechooser', (chooser) => {
    const wake = waiting.shift();
    if (wake) wake(chooser);
    else opened.push(chooser);
  });
  await page.evaluate(() => document.readyState);
  return () => (opened.length ? Promise.resolve(opened.shift()) : new Promise((ok) => waiting.push(ok)));
}
