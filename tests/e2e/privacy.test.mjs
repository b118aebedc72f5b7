// Private, provably: a strict Content-Security-Policy that the app never trips (the shared
// fixture fails any test with a violation or an off-origin request), no requests at all while
// idle, and a build that refuses to name outside addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, eventually, serviceWorkerReady, TEST_TIMEOUT } from './support/browser.mjs';
import { DIST } from './support/server.mjs';
import { findOutsideAddresses } from '../../scripts/check-addresses.mjs';
import { ListPage } from './pages/list-page.mjs';

const opts = { timeout: TEST_TIMEOUT };

const EXPECTED_POLICY = {
  'default-src': ["'none'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};

test('the page carries a strict policy: own files, the hashed loader and stylesheet, nothing else inline', opts, () =>
  withApp(async ({ page, baseUrl, served }) => {
    await new ListPage(page, baseUrl).goto();
    const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const policy = Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    const { 'script-src': scriptSrc, 'style-src': styleSrc, ...rest } = policy;
    assert.deepEqual(rest, EXPECTED_POLICY);
    assert.deepEqual(scriptSrc.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
    assert.equal(scriptSrc.length, 3, "one hash: trunk's inline loader");
    assert.match(scriptSrc[2], /^'sha256-[A-Za-z0-9+/]{43}='$/);
    // The stylesheet comes inside index.html, so the shell paints without waiting for a
    // second request; its hash is the only style the policy allows beyond the site's files.
    assert.equal(styleSrc[0], "'self'");
    assert.equal(styleSrc.length, 2, 'one hash: the inlined stylesheet');
    assert.match(styleSrc[1], /^'sha256-[A-Za-z0-9+/]{43}='$/);
    assert.equal(await page.locator('head > style').count(), 1);
    assert.equal(await page.locator('link[rel="stylesheet"]').count(), 0);
    assert.deepEqual(served.filter((s) => s.file.endsWith('.css')), [], 'no stylesheet requested');
    // And it is the page's styles: the shell's banner is laid out by it.
    assert.notEqual(await page.locator('header.banner').evaluate((e) => getComputedStyle(e).display), 'inline');
    assert.doesNotMatch(content, /'unsafe-inline'|'unsafe-eval'|\*/);
  }));

test('the policy is enforced, and the fixture notices a violation', opts, () =>
  withApp(async ({ page, baseUrl, takeProblems }) => {
    await new ListPage(page, baseUrl).goto();
    // Text injected as a script must not run; the violation must reach the fixture.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await eventually(() => assert.equal(takeProblems(/CSP violation.*script-src-elem blocked inline/).length, 1));
    assert.equal(await page.evaluate(() => window.injected), undefined);
    await eventually(() => assert.ok(takeProblems(/console error: .*Content Security Policy/).length >= 1, 'Chromium logs it too'));

    // Nor does a style injected beside the inlined stylesheet apply.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { visibility: hidden }';
      document.head.append(style);
    });
    await eventually(() => assert.equal(takeProblems(/CSP violation.*style-src-elem blocked inline/).length, 1));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).visibility), 'visible');
    await eventually(() => assert.ok(takeProblems(/console error: .*Content Security Policy/).length >= 1));
  }));

test('once loaded, Mend makes no requests at all in ten idle minutes', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    // The page's own timers (saves, retries, update checks) run on a fake clock, so ten idle
    // minutes pass at once instead of being waited out.
    await page.clock.install();
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Idle check');
    await serviceWorkerReady(page);
    const requests = [];
    context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    await page.clock.runFor(10 * 60_000);
    // A request started in those minutes has been reported by the time the page answers again.
    await page.evaluate(() => document.readyState);
    assert.deepEqual(requests, []);
  }));

test('the build names no outside address, and the check would catch one', opts, async () => {
  assert.deepEqual(await findOutsideAddresses(DIST), []);
  const dir = await mkdtemp(join(tmpdir(), 'mend-check-'));
  try {
    await writeFile(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(dir, 'app.js'), 'fetch("https://tracker.example/collect?x=1")');
    // In the wasm, strings run together: the SVG namespace followed by tag and attribute
    // names is still the namespace; the same followed by a path is not.
    await writeFile(join(dir, 'app.wasm'), Buffer.from(
      'http://www.w3.org/2000/svgtextareaaria-current\0\0http://www.w3.org/2000/svg/../x.example/y\0', 'latin1'));
    assert.deepEqual(await findOutsideAddresses(dir), [
      { file: 'app.js', address: 'https://tracker.example/collect?x=1' },
      { file: 'app.wasm', address: 'http://www.w3.org/2000/svg/../x.example/y' },
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
