// Every screen and dialog of Mend, with something in every step, for the tests that check
// each one the same way (axe, motion, phone width, tab order, screenshots).
import assert from 'node:assert/strict';
import { ListPage } from '../pages/list-page.mjs';
import { STEPS } from '../pages/incident-page.mjs';
import { SettingsPage } from '../pages/settings-page.mjs';
import { ReportDialog } from '../pages/report-dialog.mjs';
import { TellNowPage } from '../pages/tell-now-page.mjs';

export const WHAT_HAPPENED = 'I sent the March invoice to the wrong client';

/** Creates an incident and fills something in every step, moving on with Next. */
export async function fillEveryStep(page, baseUrl) {
  const list = await new ListPage(page, baseUrl).goto();
  const p = await list.newIncident();

  // 1 Stop
  await p.rating(p.distressBefore, 8).check();
  await p.rating(p.distressAfter, 5).check();
  await p.typeTitle('Wrong invoice');
  await p.type(p.field('The thought'), 'They will think I am careless');
  await p.next('Assess');

  // 2 Assess
  await p.type(p.field('What happened'), WHAT_HAPPENED);
  await p.field('Customers').check();
  await p.field('Severity').selectOption('high');
  const first = await p.addEntry('Key points to raise first', 'key point');
  await p.type(p.field('Point', first), 'No bank details were in it');
  const second = await p.addEntry('Key points to raise first', 'key point');
  await p.type(p.field('Point', second), 'The client already replied');
  const event = await p.addEntry('Timeline', 'event');
  await event.getByRole('button', { name: 'Now: Time' }).click();
  await p.type(p.field('What happened then', event), 'Sent the invoice');
  const helper = await p.addEntry('Who must help', 'person');
  await p.type(p.field('Name', helper), 'Ana');
  await p.type(p.field('Role', helper), 'Accounts');
  await p.next('Solutions');

  // 3 Solutions
  const call = await p.addEntry('Options', 'option');
  await p.type(p.field('Option', call), 'Call the client');
  const resend = await p.addEntry('Options', 'option');
  await p.type(p.field('Option', resend), 'Resend the right invoice');
  await p.field('Effort', resend).selectOption('small');
  await resend.getByLabel('Recommend this option').check();
  await p.next('Own up');

  // 4 Own up
  await p.type(p.field('Who to tell'), 'Sam');
  await p.type(p.field('What I need from them'), 'Your OK to call the client');
  await p.next('Fix');

  // 5 Fix: the recommended option is already the first item.
  const seeded = p.entry('Checklist', 'Item 1');
  assert.equal(await p.field('What', seeded).inputValue(), 'Resend the right invoice');
  await p.type(p.field('Owner', seeded), 'Me');
  await p.field('Status', seeded).selectOption('done');
  await p.next('Follow up');

  // 6 Follow up: the ledger starts from Assess and Own up.
  const ana = p.entry('People to follow up with', 'Person 1');
  assert.equal(await p.field('Name', ana).inputValue(), 'Ana');
  assert.equal(await p.field('Name', p.entry('People to follow up with', 'Person 2')).inputValue(), 'Sam');
  await ana.getByLabel('Thanked').check();
  await p.type(p.field('What caused it'), 'Two clients with similar names');
  await p.field('Missing check').check();
  await p.next('Step it up');

  // 7 Step it up
  const commitment = await p.addEntry('Prevention commitments', 'commitment');
  await p.type(p.field('What', commitment), 'Check the address before sending');
  const check = await p.addEntry('Extra checks', 'check');
  await p.type(p.field('Check', check), 'Read the client name aloud');
  await p.type(p.field('What I learned'), 'Slow down on invoices');
  await p.type(p.field("What didn't work"), 'I waited too long to ask Ana');
  await p.waitUntilSaved();
  return p;
}

/**
 * Shows every screen and dialog in turn and awaits `check(name)` on each: the empty list, the
 * list, each of the seven steps (filled in), the "fresh draft" dialog, Tell now, settings,
 * Insights, the pre-flight checklist, an incident
 * that isn't there, and an unknown address.
 */
export async function forEveryScreen(page, baseUrl, check) {
  // After navigation the app moves focus to the heading a frame later; let that happen first.
  const visit = async (screen) => {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await check(screen);
  };
  const list = await new ListPage(page, baseUrl).goto();
  await visit('the empty list');
  const p = await fillEveryStep(page, baseUrl);
  await p.backToList();
  await list.heading.waitFor();
  await visit('the list');
  await list.incidentLink('Wrong invoice').click();
  await p.heading.waitFor();
  for (const name of STEPS) {
    await p.goToStep(name);
    await visit(`the ${name} step`);
    if (name === 'Own up') {
      const dialog = await p.openFreshDraftDialog();
      await visit('the fresh draft dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    if (name === 'Step it up') {
      const report = await new ReportDialog(page).open();
      await visit('the report dialog');
      await page.keyboard.press('Escape');
      await report.dialog.waitFor({ state: 'hidden' });
    }
  }
  // Tell now, from the step the person is on.
  await p.tellNowLink.click();
  await new TellNowPage(page).heading.waitFor();
  await visit('the Tell now screen');
  await new TellNowPage(page).backLink.click();
  await p.heading.waitFor();
  // The import preview, with the choice it offers when an incident differs.
  const { json } = await p.exportIncident();
  json.incidents[0].title = 'Changed in the file';
  await p.backToList();
  await list.heading.waitFor();
  const preview = await (await list.chooseImportFile({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) })).waitFor();
  await visit('the import dialog');
  await preview.cancel();
  await new SettingsPage(page, baseUrl).goto();
  await visit('settings');
  // Across incidents: Insights with one chart's table open, and the pre-flight checklist.
  await list.goto();
  await page.getByRole('link', { name: 'Insights', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  await page.getByRole('figure', { name: /^Kinds of cause/ }).getByRole('button', { name: 'Show as table' }).click();
  await visit('Insights');
  await list.goto();
  await page.getByRole('link', { name: 'Pre-flight checklist', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Pre-flight checklist' }).waitFor();
  await visit('the pre-flight checklist');
  await page.goto(`${baseUrl}#/incident/00000000-0000-4000-8000-000000000000/stop`);
  await page.getByRole('heading', { level: 1, name: 'Incident unavailable' }).waitFor();
  await visit('a missing incident');
  await page.goto(`${baseUrl}#/no/such/screen`);
  await page.getByRole('heading', { level: 1, name: 'Nothing at this address' }).waitFor();
  await visit('an unknown address');
}
