// Learning across incidents: Insights shows the expected figures and tables for three
// incidents with causes, checks and check-ins; the pre-flight checklist holds their merged
// checks, and its edits survive a reload and export -> import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { InsightsPage } from './pages/insights-page.mjs';
import { ChecklistPage } from './pages/checklist-page.mjs';
import { TEMPLATE } from '../../bench/seed.mjs';
import { unpack } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };
const MINUTE = 60_000;

/** Three stored incidents, a day apart, told 10, 20 and 30 minutes after noticing. */
function threeIncidents() {
  const base = JSON.parse(TEMPLATE);
  const spec = [
    { title: 'Incident A', tags: 'email', severity: 'high', causes: ['rushed', 'missing_check'],
      checks: ['Check the recipients'], commitments: [['Send delay on invoices', 'kept', 'pending', 'pending']] },
    { title: 'Incident B', tags: 'Email, invoices', severity: 'high', causes: ['missing_check'],
      checks: ['check the  recipients!'], commitments: [['Read the list aloud', 'kept', 'missed', 'pending']] },
    { title: 'Incident C', tags: 'deploys', severity: 'low', causes: ['tool'], archived: true,
      checks: ['Run the tests'], commitments: [] },
  ];
  const day = Date.now() - 5 * 86_400_000;
  return spec.map((s, n) => {
    const record = structuredClone(base);
    const i = record.incident;
    const noticed = day + n * 86_400_000;
    i.id = `3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6${n}`;
    Object.assign(i, { title: s.title, tags: s.tags, archived: !!s.archived });
    i.created_at = i.updated_at = new Date(noticed).toISOString();
    i.noticed_at = new Date(noticed).toISOString();
    i.steps.assess.happened_at = null;
    i.steps.assess.severity = s.severity;
    i.steps.own_up.told_at = new Date(noticed + (n + 1) * 10 * MINUTE).toISOString();
    i.steps.stop.distress_before = 8;
    i.steps.stop.distress_after = 4 + n;
    i.steps.follow_up.cause_kinds = s.causes;
    i.steps.step_it_up.extra_checks = s.checks.map((text, id) => ({ id: id + 1, text }));
    i.steps.step_it_up.commitments = s.commitments.map(([what, day30, day60, day90], id) =>
      ({ id: id + 1, what, kind: 'habit', day30, day60, day90 }));
    i.steps.step_it_up.resolved_at = null;
    return [`mend.incident.${i.id}`, JSON.stringify(record)];
  });
}

async function seeded(page, baseUrl) {
  const list = await new ListPage(page, baseUrl).goto();
  await page.evaluate((records) => records.forEach(([k, v]) => localStorage.setItem(k, v)), threeIncidents());
  await page.reload();
  await list.heading.waitFor();
  return list;
}

test('Insights shows the figures and tables for three incidents, kindly and with no titles in discreet mode', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    await seeded(page, baseUrl);
    const insights = await new InsightsPage(page).openFromList();
    assert.equal(await page.title(), 'Insights · Mend');
    await page.getByText('3 incidents, 1 of them archived.').waitFor();
    assert.deepEqual(await insights.recurring.getByRole('listitem').allTextContents(), [
      'Missing check: 2 of your last 3',
      'Tagged \u201cemail\u201d: 2 of your last 3',
    ]);
    assert.deepEqual(await insights.table('Incidents by severity'), {
      'Not sure yet': '0', Low: '1', Medium: '0', High: '2', Critical: '0',
    });
    const causes = await insights.table('Kinds of cause');
    assert.equal(causes['Missing check'], '2');
    assert.equal(causes['Rushed or under time pressure'], '1');
    assert.equal(causes['Tool or process fault'], '1');
    assert.deepEqual(await insights.table('Incidents by tag'), { email: '2', deploys: '1', invoices: '1' });
    await page.getByText('Typically 20 minutes (noticing to telling, across 3 incidents).').waitFor();
    assert.deepEqual(Object.values(await insights.table('Time from noticing to telling')),
      ['10 minutes', '20 minutes', '30 minutes']);
    assert.deepEqual(await insights.table('Average distress'),
      { 'Before the pause': '8.0 of 10', 'After the pause': '5.0 of 10' });
    assert.deepEqual(await insights.table('Check-ins'), { Kept: '2', Missed: '1', 'Not yet': '3' });
    const months = await insights.table('Incidents by month');
    assert.equal(Object.values(months).reduce((sum, n) => sum + Number(n), 0), 3);
    await page.getByText('Send delay on invoices (Incident A): kept 1 time').waitFor();
    // Each chart is drawn by Mend as inline SVG, read out as one line.
    assert.match(await insights.figure('Check-ins').getByRole('img').getAttribute('aria-label'), /^Kept: 2; Missed: 1; Not yet: 3$/);
    await checkA11y('Insights with every table open');

    await page.goto(`${baseUrl}#/settings`);
    await page.getByLabel('Show neutral titles').check();
    await page.goto(`${baseUrl}#/insights`);
    await insights.heading.waitFor();
    await page.getByText('Send delay on invoices (Incident 1): kept 1 time').waitFor();
    assert.doesNotMatch(await page.locator('main').textContent(), /Incident A|Incident B/);
  }));

test('the pre-flight checklist merges the checks; edits survive a reload and export -> import', opts, () =>
  withApp(async ({ page, context, baseUrl, checkA11y }) => {
    const list = await seeded(page, baseUrl);
    // Step it up adds its own in one action.
    await list.incidentLink('Incident A').click();
    await page.getByRole('heading', { level: 1, name: 'Step it up' }).waitFor();
    await page.getByRole('button', { name: 'Add to my pre-flight checklist' }).click();
    await page.getByText('Added 2 to your pre-flight checklist.').waitFor();
    await page.getByRole('button', { name: 'Add to my pre-flight checklist' }).click();
    await page.getByText('They are all on your pre-flight checklist already.').waitFor();

    await list.goto();
    const checklist = await new ChecklistPage(page).openFromList();
    await page.getByText('Added 2 new items from your incidents.').waitFor();
    assert.deepEqual(await checklist.items('deploys'), ['Run the tests']);
    assert.deepEqual(await checklist.items('email'),
      ['Check the recipients', 'Send delay on invoices', 'Read the list aloud'], 'the two spellings merged');
    assert.match(await checklist.item('Check the recipients').textContent(), /From: Incident A, Incident B/);
    await checkA11y('the pre-flight checklist');

    // An item drawn again, edited or moved, keeps focus on the button that changed it.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await checklist.edit('Send delay on invoices', 'Turn on the send delay');
    await eventually(async () => assert.equal(await focused(), 'Edit: Turn on the send delay'));
    await checklist.button('Move up', 'Read the list aloud').click();
    await page.getByText('Moved \u201cRead the list aloud\u201d up.').waitFor();
    await eventually(async () => assert.equal(await focused(), 'Move up: Read the list aloud'));
    await checklist.button('Retire', 'Run the tests').click();
    await checklist.retired.waitFor();
    const expected = ['Check the recipients', 'Read the list aloud', 'Turn on the send delay'];
    assert.deepEqual(await checklist.items('email'), expected);
    assert.deepEqual(await checklist.items('deploys', checklist.retired), ['Run the tests']);
    await checkA11y('the checklist with a retired item');
    // Retiring never changes the incident it came from.
    assert.match(unpack(await page.evaluate(() => localStorage.getItem('mend.incident.3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a62'))), /"Run the tests"/);
    assert.match(await page.evaluate(() => localStorage.getItem('mend.checklist')), /^\{"schema":1,"checklist":\{"items":\[/);

    await page.reload();
    await checklist.heading.waitFor();
    assert.deepEqual(await checklist.items('email'), expected, 'after a reload');
    const markdown = await readMarkdown(page);
    assert.match(markdown, /^# My pre-flight checklist\n\n## email\n\n- Check the recipients\n- Read the list aloud\n- Turn on the send delay\n$/);
    await page.getByLabel('Remind me').selectOption('weekly');
    const ics = await download(page, 'Add to calendar (.ics)');
    assert.match(ics, /RRULE:FREQ=WEEKLY\r\n/);

    await list.goto();
    const backup = await list.exportAll();
    assert.equal(backup.json.checklist.items.length, 4);
    const fresh = await (await context.browser().newContext({ acceptDownloads: true })).newPage();
    const empty = await new ListPage(fresh, baseUrl).goto();
    const dialog = await (await empty.chooseImportFile({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) })).waitFor();
    await dialog.confirm();
    await eventually(async () => assert.match(await empty.importStatus.textContent(), /Your pre-flight checklist gained 4\./));
    const imported = await new ChecklistPage(fresh).openFromList();
    assert.deepEqual(await imported.items('email'), expected, 'after export and import');
    assert.deepEqual(await imported.items('deploys', imported.retired), ['Run the tests']);
  }));

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const readMarkdown = (page) => download(page, 'Download as Markdown');
