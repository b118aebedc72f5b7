// The first paint comes from HTML and CSS alone, before the app's code has arrived, and the
// app then takes its place without moving what was already on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { LoadingShell } from './pages/loading-shell.mjs';
import { holdLaterTasks } from './support/held-tasks.mjs';

test('a calm shell shows while the app downloads, then the app replaces it in place', () =>
  withApp(async ({ page, baseUrl }) => {
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    const shell = new LoadingShell(page);
    const list = new ListPage(page, baseUrl);
    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    await shell.brand.waitFor();
    assert.match(await shell.note.textContent(), /Everything stays in this browser/);
    assert.equal(await list.heading.count(), 0, 'the app has not run yet');
    const before = await shell.banner.boundingBox();

    release();
    await list.heading.waitFor();
    assert.equal(await shell.note.count(), 0, 'the shell is gone');
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    assert.deepEqual(await page.getByRole('banner').boundingBox(), before, 'the banner stays put');
  }));

test('the app draws its frame a task before its first screen, and until then the shell alone shows', () =>
  withApp(async ({ page, baseUrl }) => {
    // Held from the moment the app's own banner is in the page: the frame is drawn, the
    // screen waits for the next task.
    await page.addInitScript(holdLaterTasks, { afterElement: 'body > .banner' });
    const shell = new LoadingShell(page);
    const list = new ListPage(page, baseUrl);
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.__tasksHeld?.() === true);
    assert.equal(await shell.appBanner.count(), 1, 'the app\'s frame is drawn');
    assert.ok(await shell.note.isVisible(), 'the shell still shows');
    assert.equal(await page.getByRole('banner').count(), 1, 'one banner shows: the shell\'s');
    assert.equal(await list.heading.count(), 0, 'the list is not drawn yet');

    await page.evaluate(() => window.__releaseTasks());
    await list.heading.waitFor();
    assert.equal(await shell.note.count(), 0, 'the shell is gone');
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.ok(await shell.appBanner.isVisible(), 'the app\'s banner shows');
  }));

test('a start, first or again, writes nothing to the browser console', () =>
  withApp(async ({ page, baseUrl }) => {
    // Errors already fail every test; a warning at each start (the browser's own, about the
    // page) would bury anything that matters to whoever opens the console.
    const said = [];
    page.on('console', (message) => said.push(`${message.type()}: ${message.text()}`));
    const list = new ListPage(page, baseUrl);
    await page.goto(baseUrl);
    await list.heading.waitFor();
    await page.reload();
    await list.heading.waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(said, []);
  }));
