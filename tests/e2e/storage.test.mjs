// Never lose a byte: closing right after typing, two tabs on one incident, the storage
// meter and the backup reminder. (Full, blocked, damaged and newer storage are covered in
// foundation.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, fillStorage, readDownload, storageSnapshot, TEST_TIMEOUT } from './support/browser.mjs';
import { holdLaterTasks } from './support/held-tasks.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { storedRecord, unpack } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };

/** A second tab in the same browser profile, open at `url`. */
async function secondTab(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('closing the tab right after typing keeps the text', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.newIncident();
    const url = page.url();
    await incident.typeTitle('Typed, then the tab closed');
    await page.close({ runBeforeUnload: true });
    const again = new IncidentPage(await secondTab(context, url));
    await again.titleField.waitFor();
    assert.equal(await again.titleField.inputValue(), 'Typed, then the tab closed');
  }));

// A save from the save timer is encoded in one task and written in the next. Holding the
// write shows the split, and a keystroke in between must be written, never the older text.
test('typing between a save\'s encoding and its write saves the later text', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Saved in two tasks');
    await incident.goToStep('Assess');
    const field = incident.field('What happened');
    await field.waitFor();
    const stored = async () => Object.entries(await storageSnapshot(page))
      .filter(([key]) => key.startsWith('mend.incident.'))
      .map(([, text]) => storedRecord(text).incident.steps.assess.what_happened);

    await page.evaluate(holdLaterTasks);
    await field.fill('Encoded first');
    await page.waitForFunction(() => window.__tasksHeld?.() === true);
    await page.waitForTimeout(400);
    assert.deepEqual(await stored(), [''], 'encoded, and its write still waits');
    await field.fill('Encoded first, then typed on');
    await page.waitForTimeout(400);
    await page.evaluate(() => window.__releaseTasks());
    await eventually(async () => assert.deepEqual(await stored(), ['Encoded first, then typed on']));
    await page.reload();
    await incident.field('What happened').waitFor();
    assert.equal(await incident.field('What happened').inputValue(), 'Encoded first, then typed on');
  }));

// Chromium keeps a stored value with any character past Latin-1 as UTF-16, and loads a
// store of such values about twice as slowly (bench/storage-load.mjs). An incident is stored
// packed, a character for each byte of its UTF-8, so within Latin-1 whatever was typed:
// a phone's ’ and —, or text mostly in another script.
test('a typed ’ or —, or text in another script, is stored within Latin-1 and comes back as typed', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const title = 'I’m sorry — the invoices went out 🙂';
    const incident = await list.createIncident(title);
    await incident.goToStep('Assess');
    const russian = 'Счета ушли не тому клиенту, и я это исправляю.';
    await incident.type(incident.field('What happened'), russian.repeat(6));
    const record = async () => {
      const stored = Object.entries(await storageSnapshot(page)).filter(([key]) => key.startsWith('mend.incident.'));
      assert.equal(stored.length, 1);
      const text = stored[0][1];
      assert.ok([...text].every((c) => c.codePointAt(0) <= 0xff), `stored within Latin-1: ${text.slice(0, 200)}`);
      return unpack(text);
    };
    await eventually(async () => assert.match(await record(), /Счета ушли не тому клиенту/));
    await incident.field('What happened').fill('Sent to the wrong list.');
    await incident.goToStep('Stop');
    await incident.typeTitle(' again');
    await eventually(async () => assert.match(await record(), /I’m sorry — the invoices went out 🙂 again/));
    await page.reload();
    await incident.titleField.waitFor();
    assert.equal(await incident.titleField.inputValue(), `${title} again`);
    await incident.goToStep('Assess');
    assert.equal(await incident.field('What happened').inputValue(), 'Sent to the wrong list.');
  }));

test('a change in one tab appears in the other', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const first = await list.createIncident('Shared');
    const second = new IncidentPage(await secondTab(context, page.url()));
    await second.titleField.waitFor();

    await first.typeTitle(' by two tabs');
    await eventually(async () => assert.equal(await second.titleField.inputValue(), 'Shared by two tabs'));
    await eventually(async () => assert.equal(await second.incidentName.textContent(), 'Shared by two tabs'));

    const otherList = await new ListPage(second.page, baseUrl).goto();
    await first.backToList();
    await list.createIncident('Started in the first tab');
    await otherList.incidentLink('Started in the first tab').waitFor();
  }));

test('two tabs editing different fields of one incident both keep their edits', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const first = await list.createIncident('Two tabs');
    await first.goToStep('Assess');
    const second = new IncidentPage(await secondTab(context, page.url()));
    await second.field('What happened').waitFor();

    // Both change before either has saved: each tab has unsaved edits when the other writes.
    await Promise.all([
      first.field('What happened').fill('Written in the first tab'),
      second.field('What it means').fill('Written in the second tab'),
    ]);
    for (const tab of [first, second]) {
      await eventually(async () => {
        assert.equal(await tab.field('What happened').inputValue(), 'Written in the first tab');
        assert.equal(await tab.field('What it means').inputValue(), 'Written in the second tab');
      });
    }
    // A tab shows a merge at once and writes it after the usual pause, so storage follows.
    for (const tab of [first, second]) {
      await eventually(async () => {
        const stored = Object.values(await storageSnapshot(tab.page)).map(unpack).find((v) => v.includes('"incident"'));
        assert.match(stored, /Written in the first tab/);
        assert.match(stored, /Written in the second tab/);
      });
      await tab.waitUntilSaved();
    }
    assert.equal(await page.getByText('changed in another tab').count(), 0, 'no clash to report');
  }));

test('two tabs editing the same field: the person is told, and the other version is kept', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const first = await list.createIncident('Same field');
    await first.goToStep('Assess');
    const second = new IncidentPage(await secondTab(context, page.url()));
    await second.field('What happened').waitFor();

    // The second tab's writes fail for a moment, so its edit is still unsaved when the first
    // tab saves, however slow the machine: the overlap two people typing at once would make.
    await second.page.evaluate(() => {
      window.__setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => { throw new DOMException('held back by the test', 'QuotaExceededError'); };
    });
    await second.field('What happened').fill('The second tab says that');
    await eventually(async () => assert.match(await second.page.getByRole('alert').first().textContent(), /Not saved/));
    await first.field('What happened').fill('The first tab says this');
    await first.waitUntilSaved();
    // The second tab learns of the first tab's change while its own is unsaved, and says so.
    const clash = (tab) => tab.page.getByRole('alert').filter({ hasText: 'changed in another tab' });
    const told = second;
    await eventually(async () => assert.equal(await clash(told).count(), 1));
    const other = 'The first tab says this';
    const mine = 'The second tab says that';
    assert.match(await clash(told).textContent(), /“Same field” was changed in another tab at the same moment as here, in Assess/);
    assert.equal(await told.field('What happened').inputValue(), mine, 'this tab keeps its own text');

    // Once it can write again, its version is saved and reaches the first tab too.
    await second.page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
    await second.type(second.field('What happened'), '.');
    await second.waitUntilSaved();
    await eventually(async () => assert.equal(await first.field('What happened').inputValue(), `${mine}.`));

    const { text } = await readDownload(told.page, () => clash(told).getByRole('button', { name: "Download the other tab's version" }).click());
    const file = JSON.parse(text);
    assert.equal(file.format, 'mend-backup', 'the other version imports like any export');
    assert.equal(file.incidents[0].steps.assess.what_happened, other);

    await clash(told).getByRole('button', { name: 'Dismiss' }).click();
    await eventually(async () => assert.equal(await clash(told).count(), 0));
  }));

test('settings show how much of the storage is in use', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Measured');
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    const meter = page.getByText(/of roughly 5 MB is in use/);
    assert.equal(await meter.textContent(), 'Less than 0.1 MB of roughly 5 MB is in use (1%).');
    await fillStorage(page);
    await page.reload();
    await settings.heading.waitFor();
    assert.equal(await meter.textContent(), 'About 5.0 MB of roughly 5 MB is in use (100%).');
  }));

/** Stores `count` incidents last changed `days` ago, as an earlier session would have. */
async function storeOldIncidents(page, count, days) {
  await page.evaluate(([count, days]) => {
    const at = new Date(Date.now() - days * 86_400_000).toISOString();
    for (let n = 0; n < count; n += 1) {
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const incident = { id, title: `From ${days} days ago, ${n + 1}`, created_at: at, updated_at: at };
      localStorage.setItem(`mend.incident.${id}`, JSON.stringify({ schema: 2, incident }));
    }
  }, [count, days]);
}

test('after a week without an export, a calm reminder offers one, and Not now puts it off', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const reminder = page.getByRole('status').filter({ hasText: 'Keep a copy?' });
    await storeOldIncidents(page, 1, 3);
    await page.reload();
    await list.heading.waitFor();
    assert.equal(await reminder.count(), 0, 'three days is too soon');

    await storeOldIncidents(page, 1, 8);
    await page.reload();
    await reminder.waitFor();
    assert.match(await reminder.textContent(), /You haven't exported a copy yet\. A file keeps your notes safe/);
    await checkA11y('the list with the backup reminder');
    await reminder.getByRole('button', { name: 'Not now' }).click();
    await eventually(async () => assert.equal(await reminder.count(), 0));
    await page.reload();
    await list.heading.waitFor();
    assert.equal(await reminder.count(), 0, 'put off for a week, across reloads');
  }));

test('after several changed incidents the reminder comes sooner, and an export ends it', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const reminder = page.getByRole('status').filter({ hasText: 'Keep a copy?' });
    await storeOldIncidents(page, 5, 1);
    await page.reload();
    await reminder.waitFor();
    const before = await storageSnapshot(page);
    const exported = await list.exportAll();
    assert.equal(exported.json.incidents.length, 5);
    await eventually(async () => assert.equal(await reminder.count(), 0));
    const after = await storageSnapshot(page);
    for (const key of Object.keys(before).filter((k) => k.startsWith('mend.incident.'))) {
      assert.equal(after[key], before[key], 'exporting leaves the incidents as they were');
    }
  }));
