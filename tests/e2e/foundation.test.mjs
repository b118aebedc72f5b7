// The foundation, end to end, against the release build: create, reload, list, delete and
// undo, damaged and newer data, failing storage, and a subpath host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, fillStorage, readDownload, storageSnapshot, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { storedRecord, unpack } from './support/packed.mjs';

const TITLE = 'Sent the invoice to the wrong client';
const opts = { timeout: TEST_TIMEOUT };

test('a new incident keeps its title across a reload and shows in the list', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await checkA11y('the empty list');
    const incident = await list.newIncident();
    assert.ok(incident.id(), 'the address names the incident');
    await eventually(async () =>
      assert.equal(await incident.startButton.evaluate((el) => el === document.activeElement), true, 'focus is on the breathing Start'));
    assert.match(await incident.incidentName.textContent(), /^Incident on \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}$/, 'a plain placeholder until it is named');
    await incident.typeTitle(TITLE);
    await incident.waitUntilSaved();
    await checkA11y('an incident');

    const address = page.url();
    await page.reload();
    await incident.titleField.waitFor();
    assert.equal(page.url(), address, 'the reload stays on the incident');
    assert.equal(await incident.titleField.inputValue(), TITLE);
    assert.equal(await incident.heading.textContent(), 'Stop');
    assert.equal(await incident.incidentName.textContent(), TITLE);

    await incident.backToList();
    await list.heading.waitFor();
    await eventually(async () =>
      assert.equal(await list.heading.evaluate((el) => el === document.activeElement), true, 'focus is on the heading'));
    await list.incidentLink(TITLE).waitFor();
    await checkA11y('the list with an incident');
    const reopened = await list.open(TITLE);
    assert.equal(await reopened.titleField.inputValue(), TITLE);
  }));

test('text typed just before a reload is not lost', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.newIncident();
    await incident.typeTitle('Typed and reloaded at once');
    await page.reload();
    await incident.titleField.waitFor();
    assert.equal(await incident.titleField.inputValue(), 'Typed and reloaded at once');
  }));

test('typing without a pause still saves every couple of seconds', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.newIncident();
    const id = incident.id();
    await incident.titleField.click();
    // 100 ms between keys never leaves the 250 ms pause that a debounced save waits for.
    await incident.titleField.pressSequentially('I kept typing and typing for a while', { delay: 100 });
    const stored = storedRecord(await page.evaluate((key) => localStorage.getItem(key), `mend.incident.${id}`)).incident.title;
    assert.ok(stored.length >= 10, `saved while typing, got ${JSON.stringify(stored)}`);
  }));

test('Delete offers Undo, and Undo brings the incident back exactly as it was', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident(TITLE);
    const id = incident.id();
    const before = await storageSnapshot(page);
    assert.ok(before[`mend.incident.${id}`], 'the incident is stored under its own key');

    await incident.delete();
    await list.heading.waitFor();
    await list.undoButton.waitFor();
    assert.match(await list.undoNotice.textContent(), /Deleted/);
    assert.equal(await list.incidentLink(TITLE).count(), 0);
    const deleted = await storageSnapshot(page);
    assert.equal(deleted[`mend.incident.${id}`], undefined, 'deleting removes the stored record');
    await checkA11y('the list offering Undo');

    await list.undoDelete();
    await list.incidentLink(TITLE).waitFor();
    assert.deepEqual(await storageSnapshot(page), before, 'storage is back byte for byte');
    await page.reload();
    await list.incidentLink(TITLE).waitFor();
  }));

test('a damaged record is kept untouched while the others still show', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    for (const title of ['First incident', 'Second incident']) {
      const incident = await list.createIncident(title);
      await incident.backToList();
    }
    const damagedId = await list.incidentLink('Second incident').getAttribute('href').then((h) => h.split('/').pop());
    const damaged = '{"schema":1,"incident":{"id":"' + damagedId + '","title":"Second inc';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`mend.incident.${damagedId}`, damaged]);

    await page.reload();
    await list.incidentLink('First incident').waitFor();
    await list.unreadable.waitFor();
    assert.match(await list.unreadable.textContent(), /Could not be read/);
    await checkA11y('the list with an unreadable record');

    const download = await list.downloadRaw();
    assert.equal(download.text, damaged, 'the raw download is the stored text, byte for byte');

    const before = await storageSnapshot(page);
    const first = await list.open('First incident');
    await first.typeTitle(' (edited)');
    await first.waitUntilSaved();
    const after = await storageSnapshot(page);
    assert.equal(after[`mend.incident.${damagedId}`], damaged, 'the damaged record is untouched');
    assert.notEqual(after[`mend.incident.${first.id()}`], before[`mend.incident.${first.id()}`]);

    await page.goto(`${baseUrl}#/incident/${damagedId}`);
    await page.getByRole('heading', { level: 1, name: 'Incident unavailable' }).waitFor();
    await checkA11y('an unreadable incident');
  }));

test('a damaged packed record downloads what can still be read of it, and stays as it was', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Sent the invoice to the wrong client');
    await incident.waitUntilSaved();
    const key = `mend.incident.${incident.id()}`;
    const packed = await page.evaluate((key) => localStorage.getItem(key), key);
    assert.ok(packed.startsWith('\u0001'), 'stored packed');
    // Cut, then a character no packed byte can be: it can only be unpacked up to there.
    const damaged = packed.slice(0, Math.floor(packed.length * 0.6)) + '\u0100';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [key, damaged]);

    await page.goto(baseUrl);
    await page.reload();
    await list.unreadable.waitFor();
    assert.match(await list.unreadable.textContent(), /stored compressed, and could not be unpacked/);
    const download = await list.downloadRaw();
    assert.match(download.text, /"title":"Sent the invoice to the wrong client"/, 'the readable part comes first');
    assert.ok(download.text.endsWith(damaged), 'then the record exactly as stored');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), damaged, 'storage untouched');
  }));

test('data from a newer Mend is read but never written over', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Written by this version');
    await page.evaluate(() => localStorage.setItem('mend.meta', '{"schema":99}'));
    await page.reload();
    await incident.titleField.waitFor();
    await eventually(async () => assert.match(await incident.alert.first().textContent(), /newer version of Mend/));
    const before = await storageSnapshot(page);
    await incident.typeTitle(' and edited');
    await eventually(async () => assert.match(await incident.alert.first().textContent(), /Not saved/));
    assert.deepEqual(await storageSnapshot(page), before);
    assert.equal(await incident.titleField.inputValue(), 'Written by this version and edited', 'the text stays on screen');

    await incident.delete();
    await eventually(async () => assert.match(await list.alert.first().textContent(), /Couldn't delete it/));
    await list.incidentLink('Written by this version and edited').waitFor();
    assert.deepEqual(await storageSnapshot(page), before, 'deleting changed nothing stored');
  }));

test('when storage is full, the failure is announced and the text stays on screen', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Before it filled up');
    await fillStorage(page);
    const before = await storageSnapshot(page);
    await incident.typeTitle(', then more words');
    await eventually(async () => assert.match(await incident.alert.first().textContent(), /full/));
    await checkA11y('an incident with a save failure');
    assert.equal(await incident.titleField.inputValue(), 'Before it filled up, then more words');
    assert.deepEqual(await storageSnapshot(page), before, 'nothing stored changed');
    // The notice's Export keeps what is only in memory safe, in a file.
    const saved = await readDownload(page, () => incident.alert.first().getByRole('button', { name: 'Export all' }).click());
    assert.deepEqual(JSON.parse(saved.text).incidents.map((i) => i.title), ['Before it filled up, then more words']);
    assert.deepEqual(await storageSnapshot(page), before, 'exporting changed nothing stored');

    await page.evaluate(() => localStorage.removeItem('filler'));
    await incident.typeTitle('!');
    await incident.waitUntilSaved();
    await eventually(async () => assert.equal((await incident.alert.first().textContent()).trim(), ''));
    const stored = await page.evaluate((id) => localStorage.getItem(`mend.incident.${id}`), incident.id());
    assert.match(unpack(stored), /Before it filled up, then more words!/);
  }));

test('blocked storage still opens the app and says nothing can be saved', opts, () =>
  withApp(
    {
      initScript: () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      },
    },
    async ({ page, baseUrl, checkA11y }) => {
      const list = await new ListPage(page, baseUrl).goto();
      await eventually(async () => assert.match(await list.alert.first().textContent(), /can't save/));
      const incident = await list.newIncident();
      await incident.typeTitle('Only in memory');
      assert.equal(await incident.titleField.inputValue(), 'Only in memory');
      await checkA11y('the app with blocked storage');
      // Nothing can be stored, but the work can still leave as a file.
      const saved = await readDownload(page, () => incident.alert.first().getByRole('button', { name: 'Export all' }).click());
      assert.deepEqual(JSON.parse(saved.text).incidents.map((i) => i.title), ['Only in memory']);
    },
  ));

test('works under a subpath, with every screen reachable by its own address', opts, () =>
  withApp({ prefix: '/tools/mend/' }, async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident(TITLE);
    assert.ok(page.url().startsWith(`${baseUrl}#/incident/`), page.url());
    await page.reload();
    assert.equal(await new IncidentPage(page).titleField.inputValue(), TITLE);

    await page.goto(`${baseUrl}#/no/such/screen`);
    await page.getByRole('heading', { level: 1, name: 'Nothing at this address' }).waitFor();
    await checkA11y('an unknown address');
    await page.getByRole('link', { name: 'Go to your incidents' }).click();
    await list.incidentLink(TITLE).waitFor();

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Nothing at this address' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Stop' }).waitFor();
    assert.equal(await new IncidentPage(page).incidentName.textContent(), TITLE);
  }));
