// Settings end to end: discreet mode, asking the browser to keep data, Export all, and
// clearing only Mend's data after a typed confirmation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, storageSnapshot, description, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { unpack } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT };

/** Stands in for navigator.storage: counts persist() calls and answers `grant`. */
const fakeStorageManager = (grant) => () => {
  let persisted = false;
  window.persistCalls = 0;
  Object.defineProperty(navigator, 'storage', {
    value: {
      persisted: async () => persisted,
      persist: async () => {
        window.persistCalls += 1;
        persisted = GRANT;
        return persisted;
      },
    },
  });
};
const storageManagerAnswering = (grant) => `(${fakeStorageManager(grant).toString().replace('GRANT', String(grant))})()`;

test('discreet mode shows neutral titles in the list and the tab, and is remembered', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    for (const title of ['Lost the client contract', 'Missed the payroll deadline']) {
      const incident = await list.createIncident(title);
      await incident.backToList();
    }
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    assert.equal(await page.title(), 'Settings · Mend');
    await checkA11y('settings');
    await settings.setDiscreet(true);
    assert.equal(
      await page.evaluate(() => localStorage.getItem('mend.settings')),
      '{"schema":1,"settings":{"discreet":true,"theme":"system"}}',
    );

    await page.reload();
    await settings.heading.waitFor();
    assert.equal(await settings.discreetMode.isChecked(), true, 'remembered across a reload');
    await page.getByRole('link', { name: 'Mend', exact: true }).click();
    await list.incidentLink('Incident 1').waitFor();
    await list.incidentLink('Incident 2').waitFor();
    const listText = await page.getByRole('list', { name: 'Incidents' }).textContent();
    assert.doesNotMatch(listText, /contract|payroll/);
    await checkA11y('the list in discreet mode');

    const incident = await list.open('Incident 2');
    await eventually(async () => assert.equal(await page.title(), 'Stop · Incident 2 · Mend'));
    assert.equal(await incident.titleField.inputValue(), 'Missed the payroll deadline', 'the editor still shows it');

    await settings.goto();
    await settings.setDiscreet(false);
    await list.goto();
    await list.incidentLink('Missed the payroll deadline').waitFor();
  }));

test('after the first incident, Mend asks the browser to keep its data and says what it answered', opts, () =>
  withApp({ initScript: storageManagerAnswering(true) }, async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    assert.equal(await page.evaluate(() => window.persistCalls), 0, 'nothing to keep yet');
    await list.createIncident('Worth keeping');
    await eventually(async () => assert.equal(await page.evaluate(() => window.persistCalls), 1));
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    await eventually(async () =>
      assert.match(await settings.keeping.textContent(), /agreed to keep Mend's data until you delete it/));
    assert.equal(await settings.askToKeep.count(), 0);
  }));

test('when the browser makes no promise, settings says what it may do and can ask again', opts, () =>
  withApp({ initScript: storageManagerAnswering(false) }, async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Maybe kept');
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    await eventually(async () => assert.match(await settings.keeping.textContent(), /has not promised/));
    assert.match(await settings.keeping.textContent(), /Safari deletes the data of sites you have not used for 7 days/);
    await checkA11y('settings without persistent storage');
    await settings.askToKeep.click();
    await eventually(async () => assert.equal(await page.evaluate(() => window.persistCalls), 2));
  }));

test('Export all downloads every incident; Clear all removes only Mend data after typing delete', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Deleted the shared folder');
    const id = incident.id();
    await page.evaluate(() => localStorage.setItem('other-app.theme', 'dark'));
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();

    const { name, json } = await settings.exportAll();
    assert.match(name, /^mend-backup-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(json.format, 'mend-backup');
    assert.equal(json.schema, 4, 'the incident schema the records are in');
    assert.match(json.exported_at, /^\d{4}-\d{2}-\d{2}T/);
    assert.deepEqual(json.incidents.map((i) => [i.id, i.title]), [[id, 'Deleted the shared folder']]);
    assert.match(await settings.status.textContent(), /Downloaded mend-backup/);

    const before = await storageSnapshot(page);
    await settings.clearAll('yes');
    await eventually(async () => assert.match(await settings.alert.textContent(), /Nothing was deleted/));
    assert.match(await description(settings.confirmField), /Nothing was deleted/, 'the problem is tied to its field');
    assert.equal(await settings.confirmField.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await storageSnapshot(page), before, 'a wrong word deletes nothing');
    await checkA11y('settings after a refused clear');

    await settings.clearAll('delete');
    await eventually(async () => assert.match(await settings.status.textContent(), /has been deleted/));
    assert.equal(await settings.alert.count(), 0, 'no problem is shown');
    assert.equal(await settings.confirmField.getAttribute('aria-invalid'), null);
    assert.deepEqual(await storageSnapshot(page), { 'other-app.theme': 'dark' }, "other apps' data stays");
    assert.match(await settings.yourData.textContent(), /0 incidents are saved/);

    await list.goto();
    await page.getByText('No incidents yet.').waitFor();
    await page.reload();
    await page.getByText('No incidents yet.').waitFor();
  }));

test('clearing a store a newer Mend wrote lets this version save again', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Before the newer version');
    await page.evaluate(() => localStorage.setItem('mend.meta', '{"schema":99}'));
    const settings = await new SettingsPage(page, baseUrl).goto();
    await page.reload();
    await settings.heading.waitFor();
    const readOnly = page.getByRole('alert').filter({ hasText: 'newer version of Mend' });
    await readOnly.waitFor();

    await settings.clearAll('delete');
    await eventually(async () => assert.match(await settings.status.textContent(), /has been deleted/));
    assert.equal(await readOnly.count(), 0, 'the read-only notice is gone');
    assert.deepEqual(await storageSnapshot(page), {});
    await list.goto();
    const incident = await list.createIncident('Written again');
    assert.match(unpack(await page.evaluate((id) => localStorage.getItem(`mend.incident.${id}`), incident.id())), /Written again/);
  }));

test('in discreet mode, an incident brought back by Undo renumbers the rows after it', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    for (const title of ['First', 'Second', 'Third']) {
      const incident = await list.createIncident(title);
      await incident.backToList();
    }
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    await settings.setDiscreet(true);
    await page.getByRole('link', { name: 'Mend', exact: true }).click();
    const second = await list.open('Incident 2');
    await second.delete();
    await list.undoButton.waitFor();
    await eventually(async () => assert.deepEqual((await list.titles()).sort(), ['Incident 1', 'Incident 2']));
    await list.undoDelete();
    await eventually(async () => assert.deepEqual((await list.titles()).sort(), ['Incident 1', 'Incident 2', 'Incident 3']));
  }));
