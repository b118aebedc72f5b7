// A large store's list drawn from its index (src/persist/index.rs) before its records are read:
// the rows show at once, what needs the records waits for them rather than acting on the index,
// the records win where the index differs, and the index follows what the list shows, but is
// never kept in plain text while the lock is on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, hideAndShow, TEST_TIMEOUT } from './support/browser.mjs';
import { holdLaterTasks } from './support/held-tasks.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { WaitingScreen } from './pages/waiting-screen.mjs';
import { LockSettings } from './pages/lock-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { LIST_ROW, seedInPage, TEMPLATE } from '../../bench/seed.mjs';

const COUNT = 400;
const FIRST = 'Sent the invoices to the wrong client list (1)';
const SECOND = 'Deleted the shared planning folder (2)';

/** Whether every record has been read (`src/ui/opening.rs`). */
const allRead = (page) => page.evaluate(() => performance.getEntriesByName('mend:all-read', 'mark').length > 0);

/** The stored index's text, or null. */
const storedIndex = (page) => page.evaluate(() => localStorage.getItem('mend.index'));

/**
 * `COUNT` incidents and their index stored, then a reload that holds every task after the list
 * is first drawn, until the test calls `window.__releaseTasks()`.
 */
async function openHeld(page, baseUrl, change = () => {}) {
  const list = await new ListPage(page, baseUrl).goto();
  await page.evaluate(seedInPage, { template: TEMPLATE, count: COUNT, row: LIST_ROW });
  await page.evaluate(change);
  await page.addInitScript(holdLaterTasks, { after: 'mend:list-ready' });
  await page.reload();
  await list.heading.waitFor();
  return list;
}

test('a large store opens on its list from the index; an incident opened before the records are read opens once they are, where it was left', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    // The index has one title otherwise than its record: the record's wins once read.
    const list = await openHeld(page, baseUrl, () => {
      localStorage.setItem('mend.index', localStorage.getItem('mend.index').replace('folder (2)"', 'folder (2), as the index had it"'));
    });
    await page.getByRole('status').filter({ hasText: `Showing 100 of ${COUNT}.` }).waitFor();
    assert.equal(await allRead(page), false, 'drawn before the records are read');
    await list.search.fill('as the index had it');
    await list.incidentLink(`${SECOND}, as the index had it`).waitFor();
    await list.search.fill('');

    await list.search.fill('(1)');
    await list.incidentLink(FIRST).click();
    await new WaitingScreen(page).heading.waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await page.evaluate(() => window.__releaseTasks());

    // At the step it was left on.
    const incident = new IncidentPage(page);
    await page.getByRole('heading', { level: 1, name: 'Step it up' }).waitFor();
    assert.equal(await incident.incidentName.textContent(), FIRST);
    assert.match(page.url(), /step-it-up$/);
    await incident.backLink.click();
    await list.search.fill('(2)');
    await list.incidentLink(SECOND).waitFor();
    assert.equal(await list.incidentLink(`${SECOND}, as the index had it`).count(), 0);
    // And the index is put right: the next start shows the record's title at once.
    await eventually(async () => assert.equal((await storedIndex(page)).includes('as the index had it'), false), { timeout: 10_000 });
  }));

test('New incident before the records are read starts one once they are, none is lost, and Export all waits', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await openHeld(page, baseUrl);
    // A file now would leave out the records not read yet.
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await list.exportAllButton.click();
    await list.files.getByRole('status').filter({ hasText: 'One moment: your incidents are still being read.' }).waitFor();
    assert.equal(downloads, 0);
    await list.newIncidentButton.click();
    await page.getByRole('status').filter({ hasText: 'Starting a new incident as soon as your incidents are read' }).waitFor();
    assert.equal(await allRead(page), false);
    await page.evaluate(() => window.__releaseTasks());

    const incident = new IncidentPage(page);
    await incident.titleField.waitFor();
    await incident.typeTitle('Started while it was reading');
    await incident.waitUntilSaved();
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mend.incident.')).length);
    assert.equal(stored, COUNT + 1);
  }));

test('the index follows a renamed incident once the page is hidden, is not kept in plain text with the lock on, and comes back once it is off', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 60, row: LIST_ROW });
    await page.reload();
    await list.search.fill('(1)');
    await list.incidentLink(FIRST).click();
    const incident = new IncidentPage(page);
    await incident.goToStep('Stop');
    await incident.titleField.fill('Renamed after the index was written');
    await incident.waitUntilSaved();
    await hideAndShow(page);
    assert.ok((await storedIndex(page)).includes('"Renamed after the index was written"'));

    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    await settings.heading.waitFor();
    await new LockSettings(page).turnOn('quiet harbour lantern seven');
    assert.equal(await storedIndex(page), null, 'gone as the lock comes on');
    await hideAndShow(page);
    assert.equal(await storedIndex(page), null, 'and not written again');

    // Off again, with the same rows as before: the index comes back with the next hide, so
    // the next start opens on it rather than reading every record first. Then on and off
    // again with no hide between, so that only the lock's own pass took the index out.
    const lock = new LockSettings(page);
    await lock.turnOff();
    await hideAndShow(page);
    assert.ok((await storedIndex(page))?.includes('"Renamed after the index was written"'), 'written again once the lock is off');
    await lock.turnOn('quiet harbour lantern seven');
    assert.equal(await storedIndex(page), null);
    await lock.turnOff();
    await hideAndShow(page);
    assert.ok((await storedIndex(page))?.includes('"Renamed after the index was written"'), 'written again after a lock that never hid the page');
  }));

test('with storage full, a setting saves in the room the index gave up, and the index comes back once there is room', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 60, row: LIST_ROW });
    await page.reload();
    await list.heading.waitFor();
    await eventually(async () => assert.ok(await allRead(page)));
    // Full while the index is there: its room is what a save can have.
    await page.evaluate(() => {
      window.__setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (this.getItem('mend.index') !== null) throw new DOMException('held back by the test', 'QuotaExceededError');
        return window.__setItem.call(this, key, value);
      };
    });
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    await settings.theme('Dark').check();
    // Only once the index is gone can anything be written (the check a second after the
    // start may write the index again, as there is room for it then).
    await eventually(async () => assert.match(await page.evaluate(() => localStorage.getItem('mend.settings')), /"theme":"dark"/));
    assert.equal(await page.getByRole('alert').filter({ hasText: 'Setting not saved' }).count(), 0, 'no trouble shown');

    await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
    await hideAndShow(page);
    assert.ok((await storedIndex(page))?.includes('"rows":['), 'written again when the page is hidden');
  }));

test('an index an older Mend wrote, each row an object, is not read but written again in this form', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    // Schema 1 kept each row as an object; this one says something the records don't.
    const list = await openHeld(page, baseUrl, () => {
      const { index } = JSON.parse(localStorage.getItem('mend.index'));
      const rows = index.rows.map(([id, title, created_at, updated_at, status, archived, untold_since, plan]) => ({
        id, title: `${title}, as the old index had it`, created_at, updated_at, status, archived, untold_since,
        plan: { tell: plan[0], due: plan[1], check_ins: plan[2], fix_left: plan[3], followed_up: plan[4], prevention_set: plan[5] },
      }));
      localStorage.setItem('mend.index', JSON.stringify({ schema: 1, index: { discreet: false, rows } }));
    });
    // Drawn from the records, read before the list as a store without an index is.
    await list.rowsDrawn(10);
    assert.equal(await page.getByText('as the old index had it').count(), 0, 'the old index was not read');
    await page.evaluate(() => window.__releaseTasks());
    await eventually(async () => assert.ok(await allRead(page)));
    await hideAndShow(page);
    const stored = JSON.parse(await storedIndex(page));
    assert.equal(stored.schema, 2);
    assert.equal(stored.index.rows.length, COUNT);
    assert.ok(stored.index.rows.every((row) => Array.isArray(row) && !row[1].includes('old index')));
  }));
