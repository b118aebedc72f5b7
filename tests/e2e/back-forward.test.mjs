// Back to Mend from another page (a link followed, a web mail opened from a draft): the browser
// keeps the page whole in its back/forward cache and shows it again at once, instead of a new
// start. What another tab did meanwhile still shows. Served as a real host serves it (with
// every file `no-store`, as the plain test server sends them, Chromium keeps nothing). A
// listener the cache can't keep (an `unload` handler, for one) makes the first test fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { LockScreen, LockSettings } from './pages/lock-page.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };
const TITLE = 'Sent the price list to the wrong customer';

/**
 * The list with one incident, then another page of the site (a missing one, whose 404 the
 * browser reports in the console): the list waits in the cache.
 */
async function awayFromTheList(page, baseUrl) {
  const list = new ListPage(page, baseUrl);
  await list.goto();
  await list.createIncident(TITLE);
  await list.goto();
  // Gone if the page is loaded again rather than shown from the cache.
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.goto(new URL('elsewhere', baseUrl).href);
  return list;
}

test('Back to Mend comes from the back/forward cache and shows what another tab changed meanwhile', opts, () =>
  withApp({ compress: true, backForwardCache: true }, async ({ page, context, baseUrl, takeProblems }) => {
    const list = await awayFromTheList(page, baseUrl);
    const other = await context.newPage();
    const incident = await new ListPage(other, baseUrl).goto().then((l) => l.open(TITLE));
    await incident.titleField.fill(`${TITLE} (resent)`);
    await incident.waitUntilSaved();
    await other.close();

    await page.goBack({ waitUntil: 'commit' });
    takeProblems(/404 \(Not Found\) at \S+\/(elsewhere|favicon\.ico)$/);
    await list.incidentLink(`${TITLE} (resent)`).waitFor();
    assert.ok(await page.evaluate(() => window.__sameDocument === true), 'shown from the cache, not started again');
  }));

test('Back to Mend after another tab turned the lock on shows the lock screen, and nothing plain', opts, () =>
  withApp({ compress: true, backForwardCache: true }, async ({ page, context, baseUrl, takeProblems }) => {
    await awayFromTheList(page, baseUrl);
    const other = await context.newPage();
    await new SettingsPage(other, baseUrl).goto();
    await new LockSettings(other).turnOn('amber meadow falcon ninety');
    await other.close();

    await page.goBack({ waitUntil: 'commit' });
    takeProblems(/404 \(Not Found\) at \S+\/(elsewhere|favicon\.ico)$/);
    await new LockScreen(page).heading.waitFor();
    assert.equal(await page.getByText(TITLE).count(), 0);
  }));
