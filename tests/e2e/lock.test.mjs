// The passphrase lock end to end: everything encrypted at rest, the lock screen, Lock now
// across tabs, the idle lock under a fake clock, changing the passphrase, turning it off,
// and a full store while turning it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, fillStorage, hideAndShow, readDownload, storageSnapshot, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { ImportDialog } from './pages/import-dialog.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { EncryptedBackup, LockScreen, LockSettings } from './pages/lock-page.mjs';
import { benchId, TEMPLATE } from '../../bench/seed.mjs';
import { unpack } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };
const PASSPHRASE = 'quiet harbour lantern seven';
const TYPED = ['Overwrote', 'quarterly', 'invoices', 'Priya', 'reconciled'];

/** Fails if any key or value in localStorage holds one of `words`. */
async function assertNothingPlain(page, words) {
  const stored = await storageSnapshot(page);
  for (const [key, value] of Object.entries(stored)) {
    for (const word of words) {
      assert.ok(!key.includes(word) && !value.includes(word), `${key} holds "${word}": ${value.slice(0, 120)}`);
    }
  }
  return stored;
}

/** An incident with words in its title and in Assess, saved. */
async function incidentWithWords(page, baseUrl) {
  const list = await new ListPage(page, baseUrl).goto();
  const incident = await list.createIncident('Overwrote the quarterly');
  await incident.goToStep('Assess');
  await incident.type(page.getByLabel('What happened', { exact: true }), 'Priya reconciled them by hand');
  await incident.waitUntilSaved();
  // Back to Stop, where the title is, so the incident opens there again. The step is written
  // with the next save, the title's end here, so nothing is left waiting for a snapshot.
  await incident.goToStep('Stop');
  await incident.type(incident.titleField, ' invoices');
  await incident.waitUntilSaved();
  await eventually(async () => {
    const records = Object.entries(await storageSnapshot(page)).filter(([key]) => key.startsWith('mend.incident.'));
    assert.equal(records.length, 1);
    const text = unpack(records[0][1]);
    assert.match(text, /"last_step":"stop","steps".*"what_happened":"Priya reconciled them by hand"/);
    assert.match(text, /"title":"Overwrote the quarterly invoices"/);
  });
  return incident;
}

/** The list, from the banner: with the lock on, a new page load would show the lock screen. */
async function listFromBanner(page, baseUrl) {
  const list = new ListPage(page, baseUrl);
  await page.getByRole('banner').getByRole('link', { name: 'Mend', exact: true }).click();
  await list.heading.waitFor();
  return list;
}

async function turnOnLock(page, baseUrl) {
  const settings = await new SettingsPage(page, baseUrl).openFromBanner();
  const lock = new LockSettings(page);
  await lock.turnOn(PASSPHRASE);
  return { settings, lock };
}

test('with the lock on nothing typed is stored plain; a reload locks, a wrong passphrase is refused, the right one opens everything', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    await incidentWithWords(page, baseUrl);
    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    const lock = new LockSettings(page);
    await lock.newPassphrase.fill('password');
    assert.match(await lock.strength.textContent(), /^Weak/);
    await lock.newPassphrase.fill(PASSPHRASE);
    assert.equal(await lock.strength.textContent(), 'Strong.');
    await lock.repeat.fill(`${PASSPHRASE}!`);
    await lock.turnOnButton.click();
    await lock.alert.filter({ hasText: 'not the same' }).waitFor();
    await lock.turnOn(PASSPHRASE);
    await checkA11y('settings with the lock on');
    const sealed = await assertNothingPlain(page, TYPED);
    assert.ok(sealed['mend.lock'], 'the lock record is there');
    const recordKey = Object.keys(sealed).find((k) => k.startsWith('mend.incident.'));
    assert.match(sealed[recordKey], /^\{"v":1,"iv":"[^"]+","ct":"[^"]+"\}$/);

    // Typing with the lock on is saved, sealed.
    const list = await listFromBanner(page, baseUrl);
    const incident = await list.open('Overwrote the quarterly invoices');
    await incident.type(incident.titleField, ' twice');
    await incident.waitUntilSaved();
    await eventually(() => assertNothingPlain(page, [...TYPED, 'twice']));

    await page.reload();
    const screen = new LockScreen(page);
    await screen.heading.waitFor();
    assert.equal(await page.title(), 'Locked · Mend');
    assert.equal(await page.getByText('quarterly').count(), 0, 'nothing of the incidents shows');
    await checkA11y('the lock screen');
    const before = await storageSnapshot(page);
    await screen.unlock('quiet harbour lantern eight');
    await screen.message.filter({ hasText: 'not the right one' }).waitFor({ timeout: 20_000 });
    assert.deepEqual(await storageSnapshot(page), before, 'a wrong try changes nothing');
    await screen.unlock(PASSPHRASE);
    // Back where the reload was: the incident, with everything typed.
    await incident.titleField.waitFor({ timeout: 20_000 });
    assert.equal(await incident.titleField.inputValue(), 'Overwrote the quarterly invoices twice');
    assert.ok(await lock.lockNowButton.isVisible(), 'Lock now is offered');
    await incident.goToStep('Assess');
    const happened = page.getByLabel('What happened', { exact: true });
    assert.equal(await happened.inputValue(), 'Priya reconciled them by hand');
    // Saving goes on after unlocking, sealed.
    await incident.type(happened, ', twice over');
    await incident.waitUntilSaved();
    await eventually(() => assertNothingPlain(page, [...TYPED, 'twice']));
    await page.reload();
    await screen.unlock(PASSPHRASE);
    await happened.waitFor({ timeout: 20_000 });
    assert.equal(await happened.inputValue(), 'Priya reconciled them by hand, twice over');
  }));

for (const colorScheme of ['light', 'dark']) {
  test(`the lock screen passes axe in the ${colorScheme} colour scheme`, opts, () =>
    withApp({ contextOptions: { colorScheme } }, async ({ page, baseUrl, checkA11y }) => {
      await new ListPage(page, baseUrl).goto();
      await turnOnLock(page, baseUrl);
      await new LockSettings(page).lockNowButton.click();
      const screen = new LockScreen(page);
      await screen.heading.waitFor();
      await checkA11y(`the lock screen (${colorScheme})`);
      await screen.unlock('not it at all');
      await screen.message.filter({ hasText: 'not the right one' }).waitFor({ timeout: 20_000 });
      await checkA11y(`the lock screen after a wrong try (${colorScheme})`);
    }));
}

test('Lock now in one tab locks the other, and its waiting edit is saved first', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    await incidentWithWords(page, baseUrl);
    const { lock } = await turnOnLock(page, baseUrl);
    const other = await context.newPage();
    await other.goto(baseUrl);
    const otherScreen = new LockScreen(other);
    await otherScreen.heading.waitFor();
    await otherScreen.unlock(PASSPHRASE);
    const otherList = new ListPage(other, baseUrl);
    await otherList.incidentLink('Overwrote the quarterly invoices').waitFor({ timeout: 20_000 });

    const list = await listFromBanner(page, baseUrl);
    const incident = await list.open('Overwrote the quarterly invoices');
    await incident.type(incident.titleField, ' again');
    await lock.lockNowButton.click();
    await new LockScreen(page).heading.waitFor();
    await otherScreen.heading.waitFor();
    assert.equal(await other.getByText('quarterly').count(), 0);
    await assertNothingPlain(page, [...TYPED, 'again']);
    const screen = new LockScreen(page);
    await screen.unlock(PASSPHRASE);
    await incident.titleField.waitFor({ timeout: 20_000 });
    assert.equal(await incident.titleField.inputValue(), 'Overwrote the quarterly invoices again');
  }));

/** The lock on, to lock after 5 idle minutes, with the page's clock and timers faked. */
async function idleLockOnFakeClock(page, baseUrl) {
  await page.clock.install();
  await new ListPage(page, baseUrl).goto();
  const { lock } = await turnOnLock(page, baseUrl);
  await lock.idleChoice('After 5 minutes').check();
  return lock;
}

test('the idle lock locks after the chosen time under a fake clock', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const lock = await idleLockOnFakeClock(page, baseUrl);
    await page.clock.fastForward('04:00');
    assert.ok(await lock.section.isVisible(), 'still open before the time');
    await page.keyboard.press('Shift');
    await page.clock.fastForward('04:30');
    assert.ok(await lock.section.isVisible(), 'a key press starts the wait again');
    await page.clock.fastForward('01:00');
    await new LockScreen(page).heading.waitFor();
  }));

// A frozen tab runs no timers, and a phone's timers don't count the time it slept: the clock
// moves on with no timer due. Shown again, the tab checks the idle time against the clock.
test('a tab shown again after the idle time has passed, with no timer run meanwhile, locks at once', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const lock = await idleLockOnFakeClock(page, baseUrl);
    const now = await page.evaluate(() => Date.now());
    await page.clock.setSystemTime(now + 4 * 60_000);
    await hideAndShow(page);
    await page.waitForTimeout(500);
    assert.ok(await lock.section.isVisible(), 'shown again before the time: still open');
    await page.clock.setSystemTime(now + 6 * 60_000);
    await hideAndShow(page);
    await new LockScreen(page).heading.waitFor({ timeout: 3_000 });
  }));

test('a changed passphrase is the only one that unlocks; turning the lock off leaves plain records', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    await incidentWithWords(page, baseUrl);
    const { lock } = await turnOnLock(page, baseUrl);
    const sealedBefore = await storageSnapshot(page);
    await lock.change('wrong current passphrase', 'amber meadow falcon ninety');
    await lock.alert.filter({ hasText: 'not the current passphrase' }).waitFor({ timeout: 20_000 });
    await lock.change(PASSPHRASE, 'amber meadow falcon ninety');
    await lock.status.filter({ hasText: 'The passphrase is changed' }).waitFor({ timeout: 20_000 });
    const sealedAfter = await storageSnapshot(page);
    assert.notEqual(sealedAfter['mend.lock'], sealedBefore['mend.lock']);
    const recordKey = Object.keys(sealedBefore).find((k) => k.startsWith('mend.incident.'));
    assert.equal(sealedAfter[recordKey], sealedBefore[recordKey], 'records are not encrypted again');

    await page.reload();
    const screen = new LockScreen(page);
    await screen.unlock(PASSPHRASE);
    await screen.message.filter({ hasText: 'not the right one' }).waitFor({ timeout: 20_000 });
    await screen.unlock('amber meadow falcon ninety');
    await new SettingsPage(page, baseUrl).heading.waitFor({ timeout: 20_000 });
    const list = await listFromBanner(page, baseUrl);
    await list.incidentLink('Overwrote the quarterly invoices').waitFor({ timeout: 20_000 });

    await new SettingsPage(page, baseUrl).openFromBanner();
    await lock.turnOff();
    const plain = await storageSnapshot(page);
    assert.equal(plain['mend.lock'], undefined);
    assert.match(unpack(plain[recordKey]), /^\{"schema":\d+,"incident":\{.*Overwrote the quarterly invoices/);
    assert.ok(!(await lock.lockNowButton.isVisible()));
    await page.reload();
    await (await listFromBanner(page, baseUrl)).incidentLink('Overwrote the quarterly invoices').waitFor();
  }));

// Unlocking reads each record once, in its turn: the sealed ones are opened, and any left
// plain (a pass cut short, or an older Mend's write) is sealed before the list shows it.
test('a record left plain while locked is sealed by the unlock and listed with the rest', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    await incidentWithWords(page, baseUrl);
    await turnOnLock(page, baseUrl);
    await page.reload();
    const screen = new LockScreen(page);
    const record = JSON.parse(TEMPLATE);
    record.incident.id = benchId(5);
    record.incident.title = 'Left plain by an older Mend';
    const key = `mend.incident.${benchId(5)}`;
    await page.evaluate(([k, text]) => localStorage.setItem(k, text), [key, JSON.stringify(record)]);

    await screen.unlock(PASSPHRASE);
    await new SettingsPage(page, baseUrl).heading.waitFor({ timeout: 20_000 });
    const list = await listFromBanner(page, baseUrl);
    await list.incidentLink('Left plain by an older Mend').waitFor();
    await list.incidentLink('Overwrote the quarterly invoices').waitFor();
    const stored = await assertNothingPlain(page, ['Left plain', ...TYPED]);
    assert.match(stored[key], /^\{"v":1,"iv":/);
  }));

test('with storage full, turning the lock on changes nothing and says so', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    await incidentWithWords(page, baseUrl);
    await new SettingsPage(page, baseUrl).openFromBanner();
    await fillStorage(page);
    const before = await storageSnapshot(page);
    const lock = new LockSettings(page);
    await lock.newPassphrase.fill(PASSPHRASE);
    await lock.repeat.fill(PASSPHRASE);
    await lock.turnOnButton.click();
    await lock.alert.filter({ hasText: "isn't room" }).waitFor({ timeout: 20_000 });
    assert.deepEqual(await storageSnapshot(page), before, 'not one record changed');
    assert.ok(!(await lock.lockNowButton.isVisible()));
    await page.reload();
    await (await listFromBanner(page, baseUrl)).incidentLink('Overwrote the quarterly invoices').waitFor();
  }));

test('an encrypted backup holds nothing readable and imports into an empty browser with its passphrase', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    await incidentWithWords(page, baseUrl);
    await turnOnLock(page, baseUrl);
    const backup = new EncryptedBackup(page);
    await backup.passphrase.fill('velvet canyon orbit twelve');
    await backup.repeat.fill('velvet canyon orbit twelve');
    const { name, text } = await readDownload(page, () => backup.exportButton.click());
    assert.match(name, /^mend-backup-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
    assert.equal(JSON.parse(text).mend, 'Mend encrypted backup');
    for (const word of TYPED) assert.ok(!text.includes(word), `the file holds "${word}"`);

    const empty = await context.browser().newContext();
    try {
      const other = await empty.newPage();
      const list = await new ListPage(other, baseUrl).goto();
      await list.chooseImportFile({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const opening = new EncryptedBackup(other);
      await opening.open('velvet canyon orbit eleven');
      await list.importAlert.filter({ hasText: "doesn't open this backup" }).waitFor({ timeout: 20_000 });
      const dialog = new ImportDialog(other);
      await opening.open('velvet canyon orbit twelve');
      await dialog.waitFor();
      assert.deepEqual(await dialog.summaryLines(), ['1 new incident']);
      await dialog.confirm();
      await list.incidentLink('Overwrote the quarterly invoices').waitFor();
    } finally {
      await empty.close();
    }
  }));

test('with the lock on, a damaged record is listed as unreadable and kept, and another tab sees each change', opts, () =>
  withApp(async ({ page, context, baseUrl }) => {
    const list = new ListPage(page, baseUrl);
    await list.goto();
    for (const title of ['First of two', 'Second of two']) {
      const incident = await list.createIncident(title);
      await incident.backToList();
    }
    await turnOnLock(page, baseUrl);
    const stored = await storageSnapshot(page);
    const damagedKey = Object.keys(stored).find((k) => k.startsWith('mend.incident.'));
    const damaged = stored[damagedKey].replace(/"ct":"(.{8})/, '"ct":"AAAAAAAA');
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [damagedKey, damaged]);
    await page.reload();
    await new LockScreen(page).unlock(PASSPHRASE);
    await new SettingsPage(page, baseUrl).heading.waitFor({ timeout: 20_000 });
    await listFromBanner(page, baseUrl);
    await list.unreadable.waitFor();
    assert.match(await list.unreadable.textContent(), /encrypted, and could not be opened/);
    assert.equal(await list.incidents.getByRole('listitem').count(), 1);
    assert.equal((await storageSnapshot(page))[damagedKey], damaged, 'kept byte for byte');

    const other = await context.newPage();
    await other.goto(baseUrl);
    await new LockScreen(other).unlock(PASSPHRASE);
    const otherList = new ListPage(other, baseUrl);
    await otherList.heading.waitFor({ timeout: 20_000 });
    const [title] = await list.titles();
    const incident = await list.open(title);
    await incident.type(incident.titleField, ', edited in tab one');
    await incident.waitUntilSaved();
    await otherList.incidentLink(`${title}, edited in tab one`).waitFor();
    await assertNothingPlain(page, ['edited in tab one']);
  }));
