// Opening a large store: past 50 records, storage is read in steps, each in a task of its own
// (src/ui/opening.rs), while the HTML shell stays. Nothing read may be lost or stale for it,
// with the lock off or on, and focus in the shell is not lost when the app replaces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, TEST_TIMEOUT } from './support/browser.mjs';
import { holdLaterTasks } from './support/held-tasks.mjs';
import { LoadingShell } from './pages/loading-shell.mjs';
import { ListPage } from './pages/list-page.mjs';
import { LockScreen, LockSettings } from './pages/lock-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { benchId, seedInPage, TEMPLATE } from '../../bench/seed.mjs';

const COUNT = 400;
const FIRST = 'Sent the invoices to the wrong client list (1)';

/** The stored record of the first seeded incident, with another title. */
function retitle({ id, title }) {
  const key = `mend.incident.${id}`;
  const record = JSON.parse(localStorage.getItem(key));
  record.incident.title = title;
  localStorage.setItem(key, JSON.stringify(record));
}

/**
 * Init script: holds the app back before its wasm is compiled, until the test calls
 * `window.__releaseApp()`: the HTML shell is all there is until then, however busy the
 * machine running the test.
 */
function holdTheApp() {
  const held = new Promise((release) => { window.__releaseApp = release; });
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      await held;
      return original.apply(WebAssembly, args);
    };
  }
}

/**
 * Reloads `page` at 20× CPU slowdown, a slow phone, so that reading 1,000 stored records takes
 * many tasks and a while, and resolves once `until(page)` does. Returns what restores full
 * speed.
 */
async function reloadSlowly(page, context, until) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.reload({ waitUntil: 'commit' });
  await until(page);
  return () => cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}

/** Init script: notes each storage event the page is sent. */
function noteStorageEvents() {
  addEventListener('storage', () => { window.__storageSeen = true; });
}

/** Whether the list is still to come: the store is still being read. */
const stillReading = (page) => page.evaluate(() => performance.getEntriesByName('mend:list-ready', 'mark').length === 0);

test('400 stored incidents open in steps: every one is listed, in the colours chosen, and the shell gives way to the list', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: COUNT });
    await page.evaluate(() => localStorage.setItem('mend.settings', '{"schema":1,"settings":{"discreet":false,"theme":"dark"}}'));
    await page.reload();
    await list.heading.waitFor();
    await page.getByRole('status').filter({ hasText: `Showing 100 of ${COUNT}.` }).waitFor();
    assert.equal(await (await list.rowsDrawn(100)).count(), 100);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.getByText('Opening…', { exact: false }).count(), 0, 'the shell is gone');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await checkA11y('a large store, opened in steps');

    // The oldest, read in the first step, is found by search like any other.
    await list.search.fill('(1)');
    await list.incidentLink(FIRST).waitFor();
  }));

test('a record another tab changes while the store is being read shows as it is now, not as first read', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: COUNT });
    const other = await context.newPage();
    await new ListPage(other, baseUrl).goto();
    // The first incident (the lowest id) is read in the first step, before the read is held.
    // Once the read has begun, its next step (a zero timeout away) waits for the test: timing
    // alone lost the race to write mid-read once the read got quicker.
    await page.addInitScript(holdLaterTasks, { after: 'mend:load:start' });
    await page.addInitScript(noteStorageEvents);
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.__tasksHeld?.() === true);
    await other.evaluate(retitle, { id: benchId(0), title: 'Changed in the other tab' });
    await page.waitForFunction(() => window.__storageSeen === true);
    assert.ok(await stillReading(page), 'the other tab wrote while the store was still being read');
    await page.evaluate(() => window.__releaseTasks());

    await list.heading.waitFor();
    await list.search.fill('Changed in the other tab');
    await list.incidentLink('Changed in the other tab').waitFor();
    // The title first read is gone: nothing else has "(1)" in it.
    await list.search.fill('(1)');
    await page.getByText('Nothing matches.', { exact: false }).waitFor();
    assert.equal(await list.incidentLink(FIRST).count(), 0);
  }));

test('with the lock on, 400 incidents open in steps after Unlock, every one of them', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: COUNT });
    await page.reload();
    await list.heading.waitFor();
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    await settings.heading.waitFor();
    await new LockSettings(page).turnOn('quiet harbour lantern seven');
    assert.equal(await page.evaluate(() => localStorage.getItem('mend.incident.00000000-0000-4000-8000-000000000000').includes('Sent the invoices')), false, 'stored sealed');

    // The address still names Settings, so go to the list first: Unlock opens it.
    await page.goto(baseUrl);
    await page.reload();
    await new LockScreen(page).unlock('quiet harbour lantern seven');
    await list.heading.waitFor();
    await page.getByRole('status').filter({ hasText: `Showing 100 of ${COUNT}.` }).waitFor();
    await list.search.fill('(1)');
    await list.incidentLink(FIRST).waitFor();
  }));

test('someone who tabs into the shell while a large store is read keeps focus on the same link in the app', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 1000 });
    // The app is held back until the keys are pressed and focus is checked in the shell.
    await page.addInitScript(holdTheApp);
    const fullSpeed = await reloadSlowly(page, context, (p) => new LoadingShell(p).note.waitFor());
    // The shell's banner: Mend, then Settings.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      inShell: document.activeElement.closest('#shell') !== null,
      text: document.activeElement.textContent,
    }));
    assert.deepEqual(focused, { inShell: true, text: 'Settings' }, 'on the shell\'s Settings link');
    // The app starts; the shell stays while it reads the store, and goes when the workspace
    // is drawn.
    await page.evaluate(() => window.__releaseApp());
    await fullSpeed();

    await list.heading.waitFor();
    await new LoadingShell(page).note.waitFor({ state: 'detached' });
    await eventually(async () => assert.equal(await page.evaluate(() => {
      const focused = document.activeElement;
      return focused.closest('#shell') ? 'in the shell' : `${focused.closest('header')?.className}: ${focused.textContent}`;
    }), 'banner: Settings'));
    // And it is the app's own link, which works.
    await page.keyboard.press('Enter');
    await new SettingsPage(page, baseUrl).heading.waitFor();
  }));
