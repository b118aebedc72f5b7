// A whole walk-through from the keyboard alone: only keyboard.press, no clicks, no focus()
// calls. Create an incident, fill something in every step, reorder a list, use the dialog,
// and in Settings switch the theme and export; then export one incident, use the report
// dialog, and import a changed copy. Every Tab checks that focus can be seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, fileChoosers, TEST_TIMEOUT } from './support/browser.mjs';
import { isFocused, pressKeys, tab, tabTo } from './support/keyboard.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';
import { ReportDialog } from './pages/report-dialog.mjs';
import { ImportDialog } from './pages/import-dialog.mjs';
import { unpack } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 3 };

test('a whole walk-through works from the keyboard alone', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = new ListPage(page, baseUrl);
    const p = new IncidentPage(page);
    const nextFileChooser = await fileChoosers(page);
    const focused = (locator, what) => eventually(async () => assert.equal(await isFocused(locator), true, what));
    const press = (key) => page.keyboard.press(key);
    /** Tabs to a control and presses a key on it. */
    const activate = async (locator, key = 'Enter') => {
      await tabTo(page, locator);
      await press(key);
    };
    /** Tabs to a text control and types after what it holds. */
    const typeInto = async (locator, text) => {
      await tabTo(page, locator);
      await press('End');
      await pressKeys(page, text);
    };
    /** Adds an entry to a list and waits for focus in its first field, ready for typing. */
    const addEntry = async (listName, noun, firstField) => {
      const list = p.list(listName);
      await activate(list.getByRole('button', { name: `Add ${noun}` }));
      const legend = `${noun[0].toUpperCase()}${noun.slice(1)} ${await list.getByRole('group').count()}`;
      await focused(p.field(firstField, p.entry(listName, legend)), 'focus moves into the new entry');
    };
    const nextStep = async (name) => {
      await activate(p.nextButton);
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      await focused(p.heading, `focus on the ${name} heading`);
    };

    // The list: Skip to content, then start an incident.
    await list.goto();
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await tab(page);
    await focused(skip, 'Skip to content comes first');
    await press('Enter');
    await focused(list.heading, 'skipping lands on the heading');
    await activate(list.newIncidentButton);
    await focused(p.startButton, 'a new incident starts on the breathing Start');

    // 1 Stop: the pause started with Enter, paused and skipped; distress; a title; a thought.
    await press('Enter');
    await p.guide.getByRole('button', { name: 'Pause' }).waitFor();
    await press('Enter');
    await p.guide.getByRole('button', { name: 'Carry on' }).waitFor();
    await activate(p.guide.getByRole('button', { name: 'Skip' }));
    await focused(p.guide.getByRole('button', { name: 'Start again' }), 'focus stays in the guide');
    await tabTo(page, p.rating(p.distressBefore, 0));
    for (let n = 0; n < 8; n += 1) await press('ArrowRight');
    await eventually(async () => assert.equal(await p.rated(p.distressBefore), '8'));
    await typeInto(p.titleField, 'Wrong invoice');
    await typeInto(p.field('The thought'), 'It will be fine');
    await nextStep('Assess');

    // 2 Assess: a fact, a tick, two key points, then the second moved to the top.
    await typeInto(p.field('What happened'), 'Sent the invoice to the wrong client');
    await activate(p.field('Customers'), 'Space');
    for (const text of ['The client replied', 'No bank details']) {
      await addEntry('Key points to raise first', 'key point', 'Point');
      await pressKeys(page, text);
    }
    await activate(page.getByRole('button', { name: 'Move up: key point 2' }));
    await eventually(async () =>
      assert.equal(await p.field('Point', p.entry('Key points to raise first', 'Key point 1')).inputValue(), 'No bank details'));
    await focused(page.getByRole('button', { name: 'Move up: key point 1' }), 'focus follows the moved entry');
    await nextStep('Solutions');

    // 3 Solutions: an option, recommended.
    await addEntry('Options', 'option', 'Option');
    await pressKeys(page, 'Resend it');
    await activate(page.getByRole('radio', { name: 'Recommend this option' }), 'Space');
    await eventually(async () => assert.equal(await page.getByRole('radio', { name: 'Recommend this option' }).isChecked(), true));
    await nextStep('Own up');

    // 4 Own up: who to tell, the briefing made my own, and the fresh-draft dialog.
    await typeInto(p.field('Who to tell'), 'Sam');
    await tabTo(page, p.briefing);
    await press('Control+End');
    await pressKeys(page, ' Thanks.');
    await activate(p.freshDraftButton);
    const dialog = p.freshDraftDialog;
    await dialog.waitFor();
    const keep = dialog.getByRole('button', { name: 'Keep my version' });
    await focused(keep, 'the dialog opens on its safe choice');
    for (const backwards of [false, false, false, true, true, true]) {
      await tab(page, { backwards });
      assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'Tab stays inside the dialog');
    }
    await press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await focused(p.freshDraftButton, 'Escape returns focus to the button that opened the dialog');
    assert.match(await p.briefing.inputValue(), /Thanks\.$/);
    await press('Enter');
    await focused(keep, 'it opens again');
    await press('Shift+Tab');
    await focused(dialog.getByRole('button', { name: 'Replace with a fresh draft' }));
    await press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await focused(p.briefing, 'with its opener gone, focus goes to the fresh draft');
    assert.doesNotMatch(await p.briefing.inputValue(), /Thanks\./);
    await nextStep('Fix');

    // 5 Fix: the recommended option is the first item; mark it Doing.
    const item = p.entry('Checklist', 'Item 1');
    await tabTo(page, p.field('Status', item));
    await press('ArrowDown');
    await eventually(async () => assert.equal(await p.field('Status', item).inputValue(), 'doing'));
    await nextStep('Follow up');

    // 6 Follow up: a tick in the ledger and a debrief note.
    await activate(p.entry('People to follow up with', 'Person 1').getByLabel(/^Informed/), 'Space');
    await typeInto(p.field('What caused it'), 'Two similar names');
    await nextStep('Step it up');

    // 7 Step it up: a commitment.
    await addEntry('Prevention commitments', 'commitment', 'What');
    await pressKeys(page, 'Read the address aloud');
    await p.waitUntilSaved();

    // Settings, back up through the page: the theme, then Export all.
    const settings = new SettingsPage(page, baseUrl);
    await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'Settings' }), { backwards: true, max: 200 });
    await press('Enter');
    await settings.heading.waitFor();
    await focused(settings.heading, 'focus on the Settings heading');
    await tabTo(page, settings.theme('Same as this device'));
    await press('ArrowDown');
    await press('ArrowDown');
    await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark'));
    assert.equal(await settings.theme('Dark').isChecked(), true);
    await tabTo(page, settings.exportButton);
    const [download] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
    assert.match(download.suggestedFilename(), /^mend-backup-/);
    await eventually(async () => assert.match(await settings.status.textContent(), /Downloaded/));

    // Back to the list, into the incident: Export, and the report dialog.
    await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'Mend' }), { backwards: true, max: 200 });
    await press('Enter');
    await list.heading.waitFor();
    await activate(list.incidentLink('Wrong invoice'));
    await page.getByRole('heading', { level: 1, name: 'Step it up' }).waitFor();
    await tabTo(page, p.exportButton, { max: 200 });
    const [exported] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
    assert.match(exported.suggestedFilename(), /^mend-wrong-invoice-\d{4}-\d{2}-\d{2}\.json$/);
    const chunks = [];
    for await (const chunk of await exported.createReadStream()) chunks.push(chunk);
    const file = JSON.parse(Buffer.concat(chunks).toString('utf8'));

    const report = new ReportDialog(page);
    await activate(report.openButton);
    await report.dialog.waitFor();
    await focused(report.section('Summary and timeline'), 'focus starts inside the report dialog');
    await tab(page, { backwards: true });
    assert.equal(await isFocused(report.closeButton), true, 'Shift+Tab from the first control wraps to the last');
    await tab(page);
    assert.equal(await isFocused(report.section('Summary and timeline')), true, 'Tab from the last wraps to the first');
    await press('Space');
    assert.equal(await report.section('Summary and timeline').isChecked(), false, 'a section left out');
    await press('Escape');
    await report.dialog.waitFor({ state: 'hidden' });
    await focused(report.openButton, 'Escape hands focus back to Report');

    // Import a changed copy of that file from the list, keeping both versions.
    file.incidents[0].title = 'Wrong invoice, from the file';
    file.incidents[0].updated_at = new Date(Date.now() + 60_000).toISOString();
    await tabTo(page, p.backLink, { backwards: true, max: 200 });
    await press('Enter');
    await list.heading.waitFor();
    await tabTo(page, list.importInput, { max: 200 });
    await press('Enter');
    const chooser = await nextFileChooser();
    await chooser.setFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const preview = new ImportDialog(page);
    await preview.dialog.waitFor();
    await focused(preview.importButton, 'focus starts on Import');
    await tabTo(page, preview.dialog.getByLabel('Keep whichever was changed last'), { backwards: true, max: 10 });
    await press('ArrowUp');
    assert.equal(await preview.dialog.getByLabel("Keep both: add the file's version as a copy").isChecked(), true);
    await tabTo(page, preview.importButton, { max: 10 });
    await press('Enter');
    await preview.dialog.waitFor({ state: 'hidden' });
    await eventually(async () => assert.equal(await list.importStatus.textContent(), 'Imported 1 incident: 1 added as a copy.'));
    await focused(list.importInput, 'focus is back on Import');
    await list.incidentLink('Wrong invoice, from the file (imported copy)').waitFor();

    // Everything typed was kept.
    const stored = (await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('mend.incident.')).map(([, v]) => v)))
      .map(unpack).join('');
    for (const text of ['Wrong invoice', 'It will be fine', 'Sent the invoice to the wrong client', 'Resend it', 'Sam', 'Two similar names', 'Read the address aloud']) {
      assert.ok(stored.includes(text), `"${text}" was saved`);
    }
    assert.ok(stored.indexOf('No bank details') < stored.indexOf('The client replied'), 'the reorder was saved');
  }));
