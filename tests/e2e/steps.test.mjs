// The seven steps, end to end: typing into every step survives a reload, Next and Back move
// focus to the step's heading, lists reorder from the keyboard, the briefing is drafted from
// Assess, and every step passes axe. Screenshots of each step land in target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { withApp, eventually, storageSnapshot, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage, STEPS, REASSURANCE } from './pages/incident-page.mjs';
import { fillEveryStep, WHAT_HAPPENED } from './support/screens.mjs';
import { isFocused } from './support/keyboard.mjs';
import { unpack } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 3 };

test('every step keeps what was typed across a reload', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const p = await fillEveryStep(page, baseUrl);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Step it up' }).waitFor();
    assert.match(page.url(), /\/step-it-up$/, 'the reload stays on the step');
    assert.equal(await p.field('What', p.entry('Prevention commitments', 'Commitment 1')).inputValue(), 'Check the address before sending');
    assert.equal(await p.field('What I learned').inputValue(), 'Slow down on invoices');
    assert.equal(await p.field("What didn't work").inputValue(), 'I waited too long to ask Ana');

    await p.goToStep('Stop');
    assert.equal(await p.titleField.inputValue(), 'Wrong invoice');
    assert.equal(await p.rated(p.distressBefore), '8');
    assert.equal(await p.rated(p.distressAfter), '5');
    assert.equal(await p.field('The thought').inputValue(), 'They will think I am careless');
    await p.goToStep('Assess');
    assert.equal(await p.field('What happened').inputValue(), WHAT_HAPPENED);
    assert.equal(await p.field('Customers').isChecked(), true);
    assert.equal(await p.field('Severity').inputValue(), 'high');
    assert.equal(await p.field('Point', p.entry('Key points to raise first', 'Key point 2')).inputValue(), 'The client already replied');
    const event = p.entry('Timeline', 'Event 1');
    assert.match(await p.field('Time', event).inputValue(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '"Now" filled in the time');
    assert.equal(await p.field('What happened then', event).inputValue(), 'Sent the invoice');
    await p.goToStep('Solutions');
    assert.equal(await p.entry('Options', 'Option 2').getByLabel('Recommend this option').isChecked(), true);
    await p.goToStep('Own up');
    assert.equal(await p.field('Who to tell').inputValue(), 'Sam');
    await p.goToStep('Fix');
    assert.equal(await p.field('Status', p.entry('Checklist', 'Item 1')).inputValue(), 'done');
    assert.match(await page.getByText(/of \d+ done/).textContent(), /1 of 1 done/);
    await p.goToStep('Follow up');
    assert.equal(await p.entry('People to follow up with', 'Person 1').getByLabel(/^Thanked/).isChecked(), true);
    assert.equal(await p.field('What caused it').inputValue(), 'Two clients with similar names');

    // Each step link says done only where its milestone is reached; notes alone are "started".
    const states = {};
    for (const name of STEPS) states[name] = await p.stepLink(name).getAttribute('aria-describedby');
    assert.deepEqual(states, {
      'Stop': 'step-done', // rated again after the pause
      'Assess': 'step-started', // no impact written yet
      'Solutions': 'step-done', // an option recommended
      'Own up': 'step-started', // not told yet
      'Fix': 'step-done', // every item done
      'Follow up': 'step-started',
      'Step it up': 'step-started', // not closed
    });
    assert.equal(await page.locator('#step-done').textContent(), 'Done');
    assert.equal(await page.locator('#step-started').textContent(), 'Started');
    assert.equal(await p.stepLink('Follow up').getAttribute('aria-current'), 'step');
    assert.equal(await p.stepLink('Fix').getAttribute('aria-current'), null);
  }));

test('Next and Back move along the steps and put focus on the heading', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.newIncident();
    assert.equal(await p.backButton.count(), 0, 'no Back on the first step');
    for (const name of STEPS.slice(1)) {
      await p.next(name);
      await eventually(async () => assert.equal(await isFocused(p.heading), true, `focus on the ${name} heading`));
      assert.equal(await p.stepLink(name).getAttribute('aria-current'), 'step');
    }
    assert.equal(await p.nextButton.count(), 0, 'no Next on the last step');
    await p.backButton.click();
    await page.getByRole('heading', { level: 1, name: 'Follow up' }).waitFor();
    await eventually(async () => assert.equal(await isFocused(p.heading), true));

    // Any step can be reached straight away from the navigation.
    await p.goToStep('Solutions');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Follow up' }).waitFor();
  }));

test('the seed\'s reassurance shows once on Stop, Own up and Step it up, and nowhere else', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.newIncident();
    for (const [i, name] of STEPS.entries()) {
      if (i > 0) await p.next(name);
      for (const [step, line] of Object.entries(REASSURANCE)) {
        const times = step === name ? 1 : 0;
        await eventually(async () => assert.equal(await p.timesShown(line), times, `"${line}" on ${name}`));
      }
    }
    // Own up says it before anything to fill in.
    await p.goToStep('Own up');
    const first = page.locator('main p').filter({ hasText: REASSURANCE['Own up'] });
    const who = await p.field('Who to tell').elementHandle();
    const above = await first.evaluate((line, field) => Boolean(line.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING), who);
    assert.equal(above, true, 'the line comes before "Who to tell"');
  }));

test('the keyboard alone moves between steps and reorders a list', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.newIncident();
    await p.nextButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Assess' }).waitFor();
    await eventually(async () => assert.equal(await isFocused(p.heading), true));

    // Add two key points by keyboard.
    const add = p.list('Key points to raise first').getByRole('button', { name: 'Add key point' });
    for (const [n, text] of [[1, 'Second in importance'], [2, 'Most important']]) {
      await add.focus();
      await page.keyboard.press('Enter');
      const point = p.field('Point', p.entry('Key points to raise first', `Key point ${n}`));
      await eventually(async () => assert.equal(await isFocused(point), true, 'focus moves into the new entry'));
      await page.keyboard.type(text);
    }
    const moveUp = page.getByRole('button', { name: 'Move up: key point 2' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      assert.equal(await p.field('Point', p.entry('Key points to raise first', 'Key point 1')).inputValue(), 'Most important'));
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Move up: key point 1', 'focus stays on the moved entry'));
    await eventually(async () => assert.match(await p.list('Key points to raise first').getByRole('status').textContent(), /Moved to place 1 of 2/));

    // Step links are reachable with Tab and follow on Enter.
    await p.stepLink('Own up').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Own up' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Own up' }).waitFor();
    await p.goToStep('Assess');
    assert.equal(await p.field('Point', p.entry('Key points to raise first', 'Key point 1')).inputValue(), 'Most important');
  }));

test('removing an entry offers Undo, which puts it back in place', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.newIncident();
    await p.goToStep('Step it up');
    for (const text of ['Check twice', 'Ask for review', 'Use a template']) {
      const entry = await p.addEntry('Extra checks', 'check');
      await p.type(p.field('Check', entry), text);
    }
    await page.getByRole('button', { name: 'Remove: check 2' }).click();
    await eventually(async () => assert.match(await page.getByRole('status').filter({ hasText: 'Undo' }).textContent(), /Removed check 2/));
    assert.equal(await p.list('Extra checks').getByRole('group').count(), 2);
    await p.undoButton.click();
    await eventually(async () =>
      assert.equal(await p.field('Check', p.entry('Extra checks', 'Check 2')).inputValue(), 'Ask for review'));
    await eventually(async () => assert.equal(await isFocused(p.heading), true, 'focus is not lost when Undo goes'));
    await p.waitUntilSaved();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Step it up' }).waitFor();
    assert.equal(await p.list('Extra checks').getByRole('group').count(), 3);
  }));

test('the briefing is drafted from Assess, kept once edited, and redrafted only on request', opts, () =>
  withApp({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } }, async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.newIncident();
    await p.typeTitle('Wrong invoice');
    await p.goToStep('Assess');
    await p.type(p.field('What happened'), WHAT_HAPPENED);
    await p.goToStep('Own up');
    const briefing = p.field('What to say');
    assert.match(await briefing.inputValue(), new RegExp(`What happened: ${WHAT_HAPPENED}\\.`));
    assert.match(await page.getByRole('timer').textContent(), /since you noticed/);

    // The user's own words stay.
    await p.type(briefing, ' I\'m sorry, but nobody told me. It was Sam\'s fault. The fix is small but needs a review. It was just a small slip.');
    const wording = page.getByRole('region', { name: 'Wording check' });
    await eventually(async () =>
      assert.match(await wording.textContent(), /“just”: Leave this word out/));
    const flagged = await wording.getByRole('listitem').allTextContents();
    assert.deepEqual(flagged.map((item) => item.split(':')[0]), ['“but”', '“nobody told me”', '“sam\'s fault”', '“just”', '“a small”'],
      'the excuse and the blame are flagged, the ordinary "but" is not');
    assert.match(flagged[0], /After owning up, “but” can read as an excuse/);
    assert.match(flagged[1], /Say what you knew at the time/);
    assert.match(flagged[2], /Say what happened, not who is to blame/);
    await p.goToStep('Assess');
    await p.type(p.field('What happened'), ' today');
    await p.goToStep('Own up');
    assert.match(await briefing.inputValue(), /small slip\.$/);

    // Copy and the mail app.
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await briefing.inputValue()));
    const href = await page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    assert.match(href, /^mailto:\?subject=A%20mistake%20I%20need%20to%20tell%20you%20about%3A%20Wrong%20invoice&body=Hi%2C%0D%0AI%20made/);

    // A fresh draft asks first; Escape or "Keep my version" keeps the text.
    const dialog = await p.openFreshDraftDialog();
    await checkA11y('the fresh draft dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.match(await briefing.inputValue(), /small slip\.$/);
    await p.openFreshDraftDialog();
    await dialog.getByRole('button', { name: 'Replace with a fresh draft' }).click();
    await eventually(async () => assert.match(await briefing.inputValue(), new RegExp(`${WHAT_HAPPENED} today\\.`)));
    assert.doesNotMatch(await briefing.inputValue(), /small slip/);
  }));

// A dialog's close event comes a task after it closes. Escape then Enter at once used to let
// that late event close the dialog as it opened again, leaving an empty modal over the page.
test('Escape then Enter at once opens a dialog again, whole, every time', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.newIncident();
    await p.goToStep('Own up');
    const dialog = await p.openFreshDraftDialog();
    const keep = dialog.getByRole('button', { name: 'Keep my version' });
    for (let n = 0; n < 12; n += 1) {
      await keep.waitFor({ timeout: 3_000 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
    }
    await keep.waitFor({ timeout: 3_000 });
    await keep.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => assert.equal(await isFocused(p.freshDraftButton), true, 'focus is back on the button'));
  }));

test('the list finds, filters, sorts and archives incidents', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    for (const title of ['Deleted the shared folder', 'Wrong invoice', 'Missed the deadline']) {
      const incident = await list.createIncident(title);
      await incident.backToList();
    }
    assert.deepEqual(await list.titles(), ['Missed the deadline', 'Wrong invoice', 'Deleted the shared folder'], 'newest change first');
    const invoice = await list.open('Wrong invoice');
    await invoice.goToStep('Assess');
    await invoice.type(invoice.field('What happened'), 'The March figures went to the wrong client');
    await invoice.goToStep('Own up');
    await page.getByLabel(/^I told them/).check();
    await invoice.waitUntilSaved();
    await invoice.backToList();
    assert.equal((await list.titles())[0], 'Wrong invoice', 'a change moves it to the top');
    assert.match(await list.row('Wrong invoice').textContent(), /Fixing/, 'told: on to the fix');
    await checkA11y('the list with search and filters');

    await list.search.fill('march FIGURES');
    await eventually(async () => assert.deepEqual(await list.titles(), ['Wrong invoice']));
    await list.search.fill('');
    await list.statusFilter.selectOption({ label: 'Not told yet' });
    await eventually(async () => assert.deepEqual(await list.titles(), ['Missed the deadline', 'Deleted the shared folder']));
    await list.statusFilter.selectOption('');
    await list.sort.selectOption('oldest');
    await eventually(async () => assert.deepEqual(await list.titles(), ['Deleted the shared folder', 'Missed the deadline', 'Wrong invoice']));

    await list.archive('Missed the deadline');
    await eventually(async () => assert.deepEqual(await list.titles(), ['Deleted the shared folder', 'Wrong invoice']));
    await page.reload();
    await list.heading.waitFor();
    assert.equal(await list.incidentLink('Missed the deadline').count(), 0, 'archived stays archived');
    await list.showArchived.check();
    await list.incidentLink('Missed the deadline').waitFor();
    await page.getByRole('button', { name: 'Unarchive: Missed the deadline' }).click();
    await list.showArchived.uncheck();
    await list.incidentLink('Missed the deadline').waitFor();
  }));

test('opening an incident from the list returns to the step last used', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.createIncident('Came back later');
    await p.goToStep('Fix');
    await p.backToList();
    await list.incidentLink('Came back later').click();
    await page.getByRole('heading', { level: 1, name: 'Fix' }).waitFor();
    assert.match(page.url(), /\/fix$/);
  }));

test('a change of step writes nothing at once, and is written when the page is left', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    // The page's timers on a fake clock, so the save delay passes at once.
    await page.clock.install();
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.createIncident('Went to Fix and left');
    await page.clock.runFor(1000);
    await p.waitUntilSaved();
    const stored = await storageSnapshot(page);
    await p.goToStep('Fix');
    // Past the save delay (250 ms): a change of step alone is not a reason to write.
    await page.clock.runFor(1000);
    assert.deepEqual(await storageSnapshot(page), stored, 'nothing written for a change of step');
    // Leaving the page writes it.
    await page.goto('about:blank');
    await list.goto();
    const record = unpack(Object.entries(await storageSnapshot(page)).find(([key]) => key.startsWith('mend.incident.'))[1]);
    assert.match(record, /"last_step":"fix"/);
    await list.incidentLink('Went to Fix and left').click();
    await page.getByRole('heading', { level: 1, name: 'Fix' }).waitFor();
    assert.match(page.url(), /\/fix$/);
  }));

test('every step passes axe and is screenshotted at phone and desktop sizes', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const p = await fillEveryStep(page, baseUrl);
    await mkdir('target/screenshots', { recursive: true });
    for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
      await page.setViewportSize(viewport);
      for (const [n, name] of STEPS.entries()) {
        await p.goToStep(name);
        if (size === 'desktop') await checkA11y(`the ${name} step`);
        const slug = name.toLowerCase().replaceAll(' ', '-');
        await page.screenshot({ path: `target/screenshots/step-${n + 1}-${slug}-${size}.png`, fullPage: true });
      }
    }
  }));

test('the breathing guide starts, pauses and skips, and leads with words under reduced motion', opts, () =>
  withApp({ contextOptions: { reducedMotion: 'reduce' } }, async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.newIncident();
    const guide = page.getByRole('region', { name: 'Breathing pause' });
    const cue = guide.locator('.cue');
    await guide.getByLabel('Pattern').selectOption('box');
    await guide.getByRole('button', { name: 'Start' }).click();
    await eventually(async () => assert.equal(await cue.textContent(), 'Breathe in'));
    // A screen reader hears one line a round, not every cue.
    const spoken = guide.locator('[aria-live="polite"]');
    await eventually(async () => assert.equal(await spoken.textContent(), 'Round 1 of 4. Breathe in.'));
    assert.equal(await cue.getAttribute('aria-live'), null, 'the cue itself is not announced');
    assert.equal(await guide.locator('.breath-shape').isVisible(), false, 'no moving shape under reduced motion');
    await eventually(async () => assert.match(await guide.locator('.countdown').textContent(), /^[1-4]$/), { timeout: 3000 });
    await eventually(async () => assert.equal(await cue.textContent(), 'Hold'), { timeout: 6000 });
    assert.equal(await spoken.textContent(), 'Round 1 of 4. Breathe in.', 'nothing new said within the round');
    await guide.getByRole('button', { name: 'Pause' }).click();
    assert.match(await cue.textContent(), /Paused/);
    assert.match(await spoken.textContent(), /Paused/);
    await guide.getByRole('button', { name: 'Skip' }).click();
    assert.match(await cue.textContent(), /Skipped/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Start again', 'focus stays in the guide');
    // Skipping never blocks: the next step is right there.
    await new IncidentPage(page).next('Assess');
  }));

test('the checklist is seeded once, when an option is recommended, and a removed seed stays removed', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.newIncident();
    await p.goToStep('Solutions');
    const option = await p.addEntry('Options', 'option');
    await p.type(p.field('Option', option), 'Resend the invoice');
    await option.getByLabel('Recommend this option').check();
    await p.goToStep('Fix');
    assert.equal(await p.field('What', p.entry('Checklist', 'Item 1')).inputValue(), 'Resend the invoice');
    await page.getByRole('button', { name: 'Remove: item 1' }).click();
    await p.goToStep('Follow up');
    await p.goToStep('Fix');
    assert.equal(await p.list('Checklist').getByRole('group').count(), 0, 'not seeded again behind the user\'s back');
  }));
