// Installable and offline: the manifest and installability as Chrome reports them, reloading
// any screen with no network, the service worker under a subpath, and updates that wait for
// the person to press Reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { withApp, eventually, hideAndShow, serviceWorkerReady, TEST_TIMEOUT } from './support/browser.mjs';
import { CONTENT_NAMED, DIST } from './support/server.mjs';
import { listFiles } from '../../scripts/check-addresses.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { AppShell } from './pages/app-shell.mjs';

const opts = { timeout: TEST_TIMEOUT };
const TITLE = 'Emailed the draft to the whole team';

const cacheNames = (page) => page.evaluate(() => caches.keys());
const buildMarker = (page) => page.evaluate(() => document.querySelector('meta[name="mend-build"]')?.content ?? null);

// trunk names a file by its content's 64-bit hash in hex, without leading zeros: one build in
// 16 has a 15-digit name, which the worker and the test server must still take for content-named.
test('files named by their content are told from fixed names, whatever the hash\'s length', async () => {
  const worker = await readFile(resolve(import.meta.dirname, '../../web/sw.js'), 'utf8');
  const pattern = /^const CONTENT_NAMED = (\/.*\/);$/m.exec(worker)[1];
  assert.equal(pattern, String(CONTENT_NAMED), 'the worker and the test server tell them apart alike');
  for (const file of ['mend-4c5f0e2a9b7d1e63_bg.wasm', 'mend-ab1ee76e880dbfa_bg.wasm', 'mend-ab1ee76e880dbfa.js', 'main-91ea5ed1b5ddc0df.css', 'favicon-32-98f1729f51316676.png']) {
    assert.ok(CONTENT_NAMED.test(file), `${file} is content-named`);
  }
  for (const file of ['index.html', 'sw.js', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png']) {
    assert.ok(!CONTENT_NAMED.test(file), `${file} has a fixed name`);
  }
});

test('the service worker precaches every file in dist/ under a versioned cache', opts, async () => {
  const worker = await readFile(join(DIST, 'sw.js'), 'utf8');
  const list = JSON.parse(/^const PRECACHE = (\[.*\]);$/m.exec(worker)[1]);
  const files = (await listFiles(DIST)).filter((file) => file !== 'sw.js');
  assert.deepEqual(list, files);
  assert.ok(files.includes('index.html') && files.some((f) => f.endsWith('.wasm')));
  assert.match(worker, /^const CACHE_VERSION = '[0-9a-f]{16}';$/m);
  // Only when the app asks (Reload), never on install.
  assert.deepEqual(worker.match(/.*skipWaiting\(\).*/g), ["  if (event.data === 'skip-waiting') self.skipWaiting();"]);
});

test('installable, and every screen reloads offline with its data', opts, () =>
  withApp({ persistent: true }, async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident(TITLE);
    const address = page.url();
    const { state } = await serviceWorkerReady(page);
    assert.equal(state, 'activated');

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.equal(manifest.url, `${baseUrl}manifest.webmanifest`);
    const data = JSON.parse(manifest.data);
    assert.equal(data.display, 'standalone');
    assert.deepEqual(data.icons.map((i) => `${i.sizes} ${i.purpose}`), ['192x192 any', '512x512 any', '512x512 maskable']);

    await context.setOffline(true);
    await page.reload();
    await incident.titleField.waitFor();
    assert.equal(page.url(), address);
    assert.equal(await incident.titleField.inputValue(), TITLE);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'served by the worker');

    await incident.backToList();
    await page.reload();
    await list.incidentLink(TITLE).waitFor();
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    await page.reload();
    await settings.heading.waitFor();
    await context.setOffline(false);
  }));

// Served as a real host serves it (brotli, the content-named files cached for good, the rest
// revalidated), a first visit on a phone downloads the app once: the worker's precache takes
// the content-named files from the browser's HTTP cache, where it had fetched every file a
// second time, and asks the host whether index.html changed rather than fetching it again.
test('a first visit downloads each file once, and the precache is still whole', opts, () =>
  withApp({ compress: true }, async ({ page, context, baseUrl, served }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await serviceWorkerReady(page);
    const sent = (file) => served.filter((s) => s.file === file && s.status === 200).length;
    const unchanged = (file) => served.filter((s) => s.file === file && s.status === 304).length;
    const files = (await listFiles(DIST)).filter((file) => file !== 'sw.js');
    // The wasm and the glue JS (the stylesheet is inside index.html). The tab's icon is named
    // by its content too, but the browser may fetch it at the same moment as the precache
    // does, before either is cached.
    const contentNamed = files.filter((file) => CONTENT_NAMED.test(file) && !file.endsWith('.png'));
    assert.equal(contentNamed.length, 2, `${contentNamed}`);
    for (const file of contentNamed) assert.equal(sent(file), 1, `${file} sent once`);
    // The files with fixed names are checked with the host for the precache, so it holds
    // this build's: index.html (with the stylesheet inside) is sent once, then found unchanged.
    assert.equal(sent('index.html'), 1, 'index.html sent once, for the page');
    assert.equal(unchanged('index.html'), 1, "the precache's check: unchanged");
    assert.ok(sent('icons/icon-512.png') >= 1, 'the precache fetched the icons');

    await context.setOffline(true);
    await page.reload();
    await list.heading.waitFor();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'served by the worker');
    await context.setOffline(false);
  }));

// A tab shown again asks the host whether sw.js changed. On a phone that was every switch back
// to the app; now it is at most once an hour.
test('a tab shown again looks for a new version at most once an hour', opts, () =>
  withApp(async ({ page, baseUrl, served }) => {
    await page.clock.install();
    await new ListPage(page, baseUrl).goto();
    await serviceWorkerReady(page);
    const asked = () => served.filter((s) => s.file === 'sw.js').length;
    const before = asked();
    await hideAndShow(page);
    await hideAndShow(page);
    await page.waitForTimeout(1000);
    assert.equal(asked(), before, 'shown again twice within the hour: sw.js not asked for');
    await page.clock.fastForward('01:00:01');
    await hideAndShow(page);
    await eventually(() => assert.equal(asked(), before + 1, 'shown again an hour later: asked for once'));
    await hideAndShow(page);
    await page.waitForTimeout(1000);
    assert.equal(asked(), before + 1, 'and not again straight after');
  }));

test('under a subpath, the worker is scoped to it and the app reloads offline', opts, () =>
  withApp({ prefix: '/tools/mend/' }, async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident(TITLE);
    const { scope } = await serviceWorkerReady(page);
    assert.equal(scope, baseUrl);
    assert.ok((await cacheNames(page)).every((name) => name.startsWith('mend:/tools/mend/:')));
    await context.setOffline(true);
    await page.reload();
    await incident.titleField.waitFor();
    assert.equal(await incident.titleField.inputValue(), TITLE);
    await context.setOffline(false);
  }));

// Chromium answers `register` with no registration when workers are blocked (by policy, or
// by a harness such as the benchmark's); the app then runs as a plain page, with no error.
test('with service workers blocked, the app works and throws nothing', opts, () =>
  withApp({
    contextOptions: { serviceWorkers: 'block' },
    initScript: () => {
      const container = navigator.serviceWorker;
      if (!container) return;
      const register = container.register.bind(container);
      container.register = (...args) => register(...args).finally(() => setTimeout(() => { window.__mendRegistered = true; }, 0));
    },
  }, async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident(TITLE);
    await page.waitForFunction(() => window.__mendRegistered === true);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
    await page.reload();
    await incident.titleField.waitFor();
    assert.equal(await incident.titleField.inputValue(), TITLE);
    await page.waitForFunction(() => window.__mendRegistered === true);
  }));

test('a new version waits for Reload; open tabs keep their version until then', opts, async () => {
  // A copy of dist/ stands for the host; "rebuilding" changes index.html and reruns the real
  // post_build hook on the copy, which writes a new precache list and cache version.
  const root = await mkdtemp(join(tmpdir(), 'mend-host-'));
  try {
    await cp(DIST, root, { recursive: true });
    await withApp({ root }, async ({ page, context, baseUrl }) => {
      const list = await new ListPage(page, baseUrl).goto();
      await list.createIncident(TITLE);
      await serviceWorkerReady(page);
      await page.reload();
      const shell = new AppShell(page);
      const other = await context.newPage();
      await other.goto(baseUrl);
      await new ListPage(other, baseUrl).incidentLink(TITLE).waitFor();
      const [oldCache] = await cacheNames(page);

      const index = join(root, 'index.html');
      const html = await readFile(index, 'utf8');
      await writeFile(index, html.replace('<title>', '<meta name="mend-build" content="2">\n  <title>'));
      await promisify(execFile)('node', [resolve(import.meta.dirname, '../../scripts/post-build.mjs'), root]);

      // The browser looks for a new worker on navigation.
      await page.reload();
      await shell.updatePrompt.waitFor({ timeout: 15_000 });
      assert.equal(await buildMarker(page), null, 'this tab still runs the version it started');
      assert.equal((await cacheNames(page)).length, 2, 'the new version waits in its own cache');
      assert.ok((await cacheNames(page)).includes(oldCache), 'the old cache stays while it is in use');
      const incident = new IncidentPage(page);
      await incident.typeTitle(' (still working)');
      await incident.waitUntilSaved();

      await shell.reloadToUpdate();
      await incident.titleField.waitFor();
      assert.equal(await buildMarker(page), '2', 'the reloaded tab runs the new version');
      assert.equal(await incident.titleField.inputValue(), `${TITLE} (still working)`);
      await eventually(async () => assert.deepEqual(await cacheNames(page), (await cacheNames(page)).filter((n) => n !== oldCache)));
      assert.equal((await cacheNames(page)).length, 1, 'the old cache is deleted once the new worker takes over');
      assert.equal(await shell.updatePrompt.count(), 0);

      // The other tab was switched over underneath; it says so and reloads when asked.
      const otherShell = new AppShell(other);
      await otherShell.updatePrompt.waitFor();
      assert.equal(await buildMarker(other), null);
      await otherShell.reloadToUpdate();
      assert.equal(await buildMarker(other), '2');
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
