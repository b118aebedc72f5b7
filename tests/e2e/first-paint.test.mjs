// The first paint comes from HTML and CSS alone, before the app's code has arrived, and the
// app then takes its place without moving what was already on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { LoadingShell } from './pages/loading-shell.mjs';

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
