// Issue 14's storage and two-tab cases: a full store, a record under an odd key, Delete and
// Undo across two tabs, an import preview left open while another tab edits, and another
// page emptying storage. Each compares storage byte for byte: nothing is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, fillStorage, readDownload, storageSnapshot, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { storedRecord } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };

/** A second tab in the same browser profile, open at `url`. */
async function secondTab(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The app-wide alert about unsaved text. */
const unsavedAlert = (page) => page.getByRole('alert').filter({ hasText: 'What you typed is still here' });

/** What the stored record of incident `id` holds, parsed. */
const storedIncident = async (page, id) => {
  const text = await page.evaluate((key) => localStorage.getItem(key), `mend.incident.${id}`);
  return text === null ? null : storedRecord(text).incident;
};

/** Makes every localStorage write in `page` fail as a full store does, until `release`. */
async function holdWrites(page) {
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => { throw new DOMException('held back by the test', 'QuotaExceededError'); };
  });
  return () => page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
}

test('Export all from the storage-full alert keeps the unsaved warning, and the text saves once there is room', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Typed while full');
    await fillStorage(page);
    const before = await storageSnapshot(page);
    await incident.typeTitle(', and more');
    await unsavedAlert(page).waitFor();
    assert.match(await unsavedAlert(page).textContent(), /^Not saved: the browser's storage for Mend is full\. What you typed is still here\./);

    const saved = await readDownload(page, () => unsavedAlert(page).getByRole('button', { name: 'Export all' }).click());
    assert.deepEqual(JSON.parse(saved.text).incidents.map((i) => i.title), ['Typed while full, and more']);
    // The export's own note arrives, and the warning about the unsaved text is still there.
    await eventually(async () => assert.match(await unsavedAlert(page).textContent(), /Downloaded mend-backup-/));
    assert.match(await unsavedAlert(page).textContent(), /^Not saved: the browser's storage for Mend is full\. What you typed is still here\./);
    assert.deepEqual(await storageSnapshot(page), before, 'nothing stored changed');

    // Room is made where no event reports it (this very tab): the waiting save still goes
    // through, with no further keystroke.
    await page.evaluate(() => localStorage.removeItem('filler'));
    await eventually(async () => assert.equal((await storedIncident(page, incident.id()))?.title, 'Typed while full, and more'));
    await eventually(async () => assert.equal(await unsavedAlert(page).count(), 0));
    await incident.waitUntilSaved();
  }));

test('deleting a bulky incident makes room, and the waiting save goes through at once', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const bulky = await list.createIncident('Bulky');
    await bulky.goToStep('Assess');
    await bulky.field('What happened').fill('x'.repeat(40_000));
    await bulky.field('What it means').fill('y'.repeat(40_000));
    await bulky.waitUntilSaved();
    const bulkyId = bulky.id();
    await bulky.backToList();
    const small = await list.createIncident('Small');
    const smallId = small.id();
    await fillStorage(page);
    const before = await storageSnapshot(page);

    await small.typeTitle(', typed while full');
    await unsavedAlert(page).waitFor();
    // Opened at the step it was left on, so opening it changes nothing that would save.
    await page.goto(`${baseUrl}#/incident/${bulkyId}/assess`);
    await eventually(async () => assert.equal(await bulky.field('What it means').inputValue(), 'y'.repeat(40_000)));
    await bulky.delete();
    await list.heading.waitFor();

    await eventually(async () => assert.equal((await storedIncident(page, smallId))?.title, 'Small, typed while full'));
    await eventually(async () => assert.equal(await unsavedAlert(page).count(), 0));
    const after = await storageSnapshot(page);
    const expected = { ...before, [`mend.incident.${smallId}`]: after[`mend.incident.${smallId}`] };
    delete expected[`mend.incident.${bulkyId}`];
    assert.deepEqual(after, expected, 'only the delete and the waiting save changed storage');
  }));

test('a valid record under a key in capitals is listed as unreadable, kept and exportable', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Listed as usual');
    const id = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const record = JSON.stringify({ schema: 2, incident: { id, title: 'Filed under capitals', created_at: '2026-11-26T08:00:00.000Z', updated_at: '2026-11-26T08:00:00.000Z' } });
    const key = `mend.incident.${id.toUpperCase()}`;
    await page.evaluate(([key, record]) => localStorage.setItem(key, record), [key, record]);
    const before = await storageSnapshot(page);

    await list.goto();
    await page.reload();
    await list.unreadable.waitFor();
    assert.match(await list.unreadable.textContent(), new RegExp(`record ${key}`));
    assert.deepEqual(await list.titles(), ['Listed as usual']);
    assert.equal((await list.downloadRaw()).text, record, 'its raw text, byte for byte');
    const exported = await list.exportAll();
    assert.deepEqual(exported.json.unreadable.map((u) => [u.key, u.raw]), [[key, record]]);
    const after = await storageSnapshot(page);
    delete after['mend.settings'];
    delete before['mend.settings'];
    assert.deepEqual(after, before, 'left as it was');
  }));

test('two tabs: Undo of a delete the other tab kept brings back its newest text, once', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const first = await list.createIncident('Kept by the first tab');
    await first.goToStep('Assess');
    const id = first.id();
    const second = new IncidentPage(await secondTab(context, page.url()));
    await second.field('What happened').waitFor();

    // The first tab's typing is still unsaved when the second tab deletes the incident.
    const release = await holdWrites(page);
    await first.field('What happened').fill('Typed in the first tab');
    await unsavedAlert(page).waitFor();
    await second.delete();
    const otherList = new ListPage(second.page, baseUrl);
    await otherList.undoButton.waitFor();
    await eventually(async () => assert.match(await page.getByRole('alert').filter({ hasText: 'deleted in another tab' }).textContent(), /It is kept here, with your changes/));
    await release();
    await first.type(first.field('What happened'), '.');
    // Both tabs see the saved text before the second one presses Undo.
    for (const tab of [page, second.page]) {
      await eventually(async () => assert.equal((await storedIncident(tab, id))?.steps.assess.what_happened, 'Typed in the first tab.'));
    }
    const before = await storageSnapshot(page);

    await otherList.undoDelete();
    await eventually(async () => assert.deepEqual(await otherList.titles(), ['Kept by the first tab']));
    assert.deepEqual(await storageSnapshot(second.page), before, 'Undo wrote nothing over the newer text');
    await otherList.incidentLink('Kept by the first tab').click();
    const back = new IncidentPage(second.page);
    await eventually(async () => assert.equal(await back.field('What happened').inputValue(), 'Typed in the first tab.'));
    assert.equal(await first.field('What happened').inputValue(), 'Typed in the first tab.');
    assert.equal((await storedIncident(page, id)).steps.assess.what_happened, 'Typed in the first tab.');
  }));

test('two tabs: an import preview left open is checked again, and a newer edit is kept', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Shared');
    const id = incident.id();
    await list.goto();
    const { json } = await list.exportAll();
    const stored = await storedIncident(page, id);
    const fileTime = Date.parse(stored.updated_at) + 1_000;
    const file = structuredClone(json);
    file.incidents[0].steps.assess.what_happened = 'From the file';
    file.incidents[0].updated_at = new Date(fileTime).toISOString();

    const dialog = await (await list.chooseImportFile({ name: 'later.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })).waitFor();
    assert.match(await dialog.rows.textContent(), /Shared — Differs: the file's was changed later/);
    await dialog.whenDifferent('Keep whichever was changed last');

    // Another tab edits it after the file's last change, while the preview is open here.
    const other = new IncidentPage(await secondTab(context, `${baseUrl}#/incident/${id}/assess`));
    await other.field('What happened').waitFor();
    await eventually(async () => assert.ok(Date.now() > fileTime, 'the clock has passed the file\'s time'));
    await other.field('What happened').fill('Typed in the other tab');
    await other.waitUntilSaved();
    await eventually(async () => assert.equal((await storedIncident(page, id)).steps.assess.what_happened, 'Typed in the other tab'));
    const before = await storageSnapshot(page);

    await dialog.importButton.click();
    const changed = dialog.dialog.getByRole('alert');
    await eventually(async () => assert.equal(await changed.textContent(), 'Changed in another tab since this preview opened: “Shared”. Here is what importing would do now. Press Import again to go ahead.'));
    assert.match(await dialog.rows.textContent(), /Shared — Differs: yours was changed later/);
    assert.deepEqual(await storageSnapshot(page), before, 'nothing written yet');

    await dialog.confirm();
    await eventually(async () => assert.equal(await list.importStatus.textContent(), 'Nothing new to import. 1 was skipped because yours was changed more recently.'));
    assert.deepEqual(await storageSnapshot(page), before, 'the newer edit is kept byte for byte');
    assert.equal((await storedIncident(page, id)).steps.assess.what_happened, 'Typed in the other tab');
  }));

test('another page clearing storage: the open tab says so, exports, and puts it back byte for byte', opts, () =>
  withApp(async ({ page, context, baseUrl, checkA11y, takeProblems }) => {
    const list = await new ListPage(page, baseUrl).goto();
    for (const title of ['First', 'Second']) {
      const incident = await list.createIncident(title);
      await incident.backToList();
    }
    const before = await storageSnapshot(page);

    const other = await secondTab(context, `${baseUrl}sw.js`);
    await other.evaluate(() => localStorage.clear());
    const notice = page.getByRole('alert').filter({ hasText: 'was just cleared' });
    await notice.waitFor();
    assert.equal(await notice.locator('span').first().textContent(), "Mend's saved data in this browser was just cleared, by another page or tab. This tab still has 2 incidents. You can put them back, or export them to a file. ");
    await eventually(async () => assert.deepEqual(await storageSnapshot(page), {}, 'storage really is empty'));
    assert.deepEqual((await list.titles()).sort(), ['First', 'Second'], 'this tab still holds them');
    await checkA11y('the list after another page cleared storage');

    const saved = await readDownload(page, () => notice.getByRole('button', { name: 'Export all' }).click());
    assert.deepEqual(JSON.parse(saved.text).incidents.map((i) => i.title).sort(), ['First', 'Second']);
    await notice.getByRole('button', { name: 'Put them back' }).click();
    await eventually(async () => assert.equal(await notice.count(), 0));
    const after = await storageSnapshot(page);
    // The export itself noted when it was made, in the settings; everything else is as it was.
    delete after['mend.settings'];
    assert.deepEqual(after, before);
    await page.reload();
    await list.heading.waitFor();
    assert.deepEqual((await list.titles()).sort(), ['First', 'Second']);
    // The plain page that cleared storage asks for a favicon the app doesn't have.
    takeProblems(/favicon\.ico/);
  }));
