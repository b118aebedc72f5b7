// One fixture for every end-to-end test: a served dist/, headless Debian Chromium, and
// watchers that fail the test on any uncaught error or any request off 127.0.0.1.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveDist } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const TEST_TIMEOUT = 60_000;

/**
 * Runs `body({ page, context, baseUrl, checkA11y })` against a fresh browser profile.
 * Options: `prefix` (serve under a subpath), `initScript` (runs before the app in every page).
 */
export async function withApp(options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const server = await serveDist({ prefix: options.prefix ?? '/' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const problems = [];
  try {
    const context = await browser.newContext({ acceptDownloads: true, ...options.contextOptions });
    if (options.initScript) await context.addInitScript(options.initScript);
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
        problems.push(`request off 127.0.0.1: ${request.url()}`);
      }
    });
    const watch = (page) => {
      page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()} at ${message.location().url}`);
      });
    };
    context.on('page', watch);
    const page = await context.newPage();
    const checkA11y = async (screen) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
      assert.deepEqual(found, [], `axe violations on ${screen}`);
    };
    await body({ page, context, baseUrl: server.url, checkA11y });
    assert.deepEqual(problems, [], 'no uncaught errors and no requests off 127.0.0.1');
  } finally {
    await browser.close();
    await server.close();
  }
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
