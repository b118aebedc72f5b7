// Files in and out: export and import round trips, the import preview and its choices, every
// bad file refused with its own message and storage untouched, the Markdown report with its
// redacted variant and print view, and the check-in calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, eventually, fillStorage, readDownload, storageSnapshot, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { ReportDialog } from './pages/report-dialog.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { benchId, bigTemplate, seedInPage } from '../../bench/seed.mjs';
import { incompressible } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };
const FIXTURES = 'tests/fixtures/import';
const DAY = /\d{4}-\d{2}-\d{2}/;

/** A file for the Import input, from text. */
const jsonFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** An incident with something in several steps: Assess, a helper with a role, an option, a fix item. */
async function fillIncident(list, title) {
  const incident = await list.createIncident(title);
  await incident.rating(incident.distressBefore, 7).check();
  await incident.type(incident.field('The thought'), 'Dana will be upset');
  await incident.field('Mind reading').check();
  await incident.goToStep('Assess');
  await incident.type(incident.field('What happened'), `${title}: Dana's numbers went out`);
  const helper = await incident.addEntry('Who must help', 'person');
  await incident.type(incident.field('Name', helper), 'Dana');
  await incident.type(incident.field('Role', helper), 'Finance lead');
  await incident.goToStep('Fix');
  const item = await incident.addEntry('Checklist', 'item');
  await incident.type(incident.field('What', item), 'Recall the email');
  await incident.type(incident.field('Owner', item), 'Dana');
  await incident.waitUntilSaved();
  return incident;
}

test('export all, import into an empty browser, export again: the same incidents field for field', opts, () =>
  withApp(async ({ page, context, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await fillIncident(list, 'Wrong invoice');
    await list.goto();
    // Beyond ASCII too: the file is written from the text's UTF-8 bytes as they are.
    await fillIncident(list, 'Missed the deadline – Zoë, 東京 😀');
    await list.goto();
    const first = await list.exportAll();
    assert.match(first.name, new RegExp(`^mend-backup-${DAY.source}\\.json$`));
    assert.equal(first.json.format, 'mend-backup');
    assert.equal(first.json.schema, 4);
    assert.match(first.json.app_version, /^\d+\.\d+\.\d+$/);
    assert.match(first.json.exported_at, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(first.json.incidents.length, 2);
    assert.ok(first.json.incidents.some((i) => i.title === 'Missed the deadline – Zoë, 東京 😀'), 'the title comes back character for character');
    assert.match(first.text, /^\{\n {2}"format": "mend-backup",\n {2}"schema": 4,/, 'pretty-printed, stable order');

    const fresh = await (await context.browser().newContext({ acceptDownloads: true })).newPage();
    const empty = await new ListPage(fresh, baseUrl).goto();
    const dialog = await (await empty.chooseImportFile(jsonFile(first.name, first.text))).waitFor();
    assert.deepEqual(await dialog.summaryLines(), ['2 new incidents']);
    await checkA11y('the import preview', fresh);
    await dialog.confirm();
    await eventually(async () => assert.equal(await empty.importStatus.textContent(), 'Imported 2 incidents: 2 new.'));
    assert.equal(await fresh.evaluate(() => document.activeElement?.id), 'import-file', 'focus is back on Import');

    await fresh.reload();
    await empty.heading.waitFor();
    assert.deepEqual((await empty.titles()).sort(), ['Missed the deadline – Zoë, 東京 😀', 'Wrong invoice']);
    const again = await empty.exportAll();
    assert.deepEqual(again.json.incidents, first.json.incidents);
  }));

test('one incident exports on its own, named after it, and imports the same way', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await fillIncident(list, 'Sent the invoice to the WRONG client!');
    const { name, json } = await incident.exportIncident();
    assert.match(name, new RegExp(`^mend-sent-the-invoice-to-the-wrong-client-${DAY.source}\\.json$`));
    assert.deepEqual(json.incidents.map((i) => i.title), ['Sent the invoice to the WRONG client!']);
    assert.match(await page.getByRole('status').filter({ hasText: 'Downloaded' }).textContent(), /Downloaded mend-sent/);

    await list.goto();
    const dialog = await (await list.chooseImportFile(jsonFile(name, JSON.stringify(json)))).waitFor();
    assert.deepEqual(await dialog.summaryLines(), ['1 already here, unchanged']);
    await dialog.confirm();
    await eventually(async () => assert.equal(await list.importStatus.textContent(), 'Nothing new to import. 1 was already here, unchanged.'));
  }));

test('the preview shows what differs, and the choice decides: keep both, keep newer or replace', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Mine');
    await list.goto();
    const { json } = await list.exportAll();
    const changed = structuredClone(json);
    changed.incidents[0].title = 'Theirs';
    changed.incidents[0].updated_at = '2030-01-01T00:00:00.000Z';
    const file = jsonFile('changed.json', JSON.stringify(changed));

    let dialog = await (await list.chooseImportFile(file)).waitFor();
    assert.deepEqual(await dialog.summaryLines(), ['1 differs from the one here']);
    assert.match(await dialog.rows.textContent(), /Theirs — Differs: the file's was changed later/);
    const before = await storageSnapshot(page);
    await dialog.cancel();
    assert.deepEqual(await storageSnapshot(page), before, 'Cancel writes nothing');
    assert.deepEqual(await list.titles(), ['Mine']);

    dialog = await (await list.chooseImportFile(file)).waitFor();
    await dialog.whenDifferent('Keep both: add the file\'s version as a copy');
    await dialog.confirm();
    await eventually(async () => assert.equal(await list.importStatus.textContent(), 'Imported 1 incident: 1 added as a copy.'));
    assert.deepEqual((await list.titles()).sort(), ['Mine', 'Theirs (imported copy)']);

    dialog = await (await list.chooseImportFile(file)).waitFor();
    await dialog.whenDifferent('Replace yours with the file\'s version');
    await dialog.confirm();
    await eventually(async () => assert.equal(await list.importStatus.textContent(), 'Imported 1 incident: 1 replaced.'));
    await page.reload();
    await list.heading.waitFor();
    assert.deepEqual((await list.titles()).sort(), ['Theirs', 'Theirs (imported copy)']);
  }));

test('every bad file gets its own message, and stored data stays byte for byte as it was', opts, (t) =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Already here');
    await list.goto();
    const expected = JSON.parse(await readFile(join(FIXTURES, 'bad/expected.json'), 'utf8'));
    const files = (await readdir(join(FIXTURES, 'bad'))).filter((name) => name !== 'expected.json');
    assert.deepEqual(files.sort(), Object.keys(expected).sort(), 'every fixture has its message');
    const cases = files.map((name) => [join(FIXTURES, 'bad', name), expected[name]]);
    // Over 32 MB: refused by its size, before it is read. On disk, so the browser reads it
    // from there rather than through the test's connection.
    const hugeDir = await mkdtemp(join(tmpdir(), 'mend-'));
    t.after(() => rm(hugeDir, { recursive: true, force: true }));
    const huge = join(hugeDir, 'huge.json');
    await writeFile(huge, `{"pad":"${'x'.repeat(32 * 1024 * 1024)}"}`);
    cases.push([huge, 'This file is 32.1 MB, more than the 32 MB Mend can import.']);
    // A text longer than any browser's storage holds: named, in a full sentence.
    const long = { id: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b', title: 'x'.repeat(5 * 1024 * 1024 + 1), created_at: '2026-11-20T09:15:00.000Z', updated_at: '2026-11-20T09:15:00.000Z' };
    cases.push([jsonFile('too-long-text.json', JSON.stringify({ format: 'mend-backup', schema: 2, incidents: [long] })),
      'has a piece of text longer than 5,242,880 characters, more than a browser\'s storage holds. Nothing was imported']);

    for (const [file, message] of cases) {
      const before = await storageSnapshot(page);
      await list.chooseImportFile(file);
      await eventually(async () => assert.ok((await list.importAlert.textContent()).includes(message), `${file.name ?? file}: ${await list.importAlert.textContent()}`));
      assert.match(await list.importAlert.textContent(), /Nothing was imported, and your saved incidents are unchanged\.$/);
      assert.equal(await page.getByRole('dialog').count(), 0, 'no preview for a bad file');
      assert.deepEqual(await storageSnapshot(page), before, `${file.name ?? file} changed nothing stored`);
    }
    await checkA11y('the list after a refused import');
  }));

test('markup in an imported file is plain text and never runs', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const dialog = await (await list.chooseImportFile(join(FIXTURES, 'good/hostile-text.json'))).waitFor();
    await dialog.confirm();
    const title = '<img src=x onerror="window.__pwned=1">';
    await list.incidentLink(title).waitFor();
    const incident = await list.open(title);
    await incident.goToStep('Assess');
    assert.match(await incident.field('What happened').inputValue(), /^<script>window.__pwned=2<\/script>/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main img, main script').count(), 0);
  }));

test('a file dropped on the list opens the same preview', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const text = await readFile(join(FIXTURES, 'good/two-incidents.json'), 'utf8');
    const dialog = await (await list.dropFile('two-incidents.json', text)).waitFor();
    assert.deepEqual(await dialog.summaryLines(), ['2 new incidents']);
    await dialog.confirm();
    assert.deepEqual((await list.titles()).sort(), ['Missed the deadline', 'Sent the invoice to the wrong client']);
  }));

test('an import that would not fit in storage writes nothing and says so', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await list.createIncident('Kept safe');
    await list.goto();
    const { json } = await list.exportAll();
    // Forty incidents of 20 kB each, which packing can't shorten: more than the room left
    // once storage is nearly full.
    const big = structuredClone(json);
    big.incidents = Array.from({ length: 40 }, (_, n) => ({
      ...json.incidents[0],
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      title: `Big ${n}`,
      tags: incompressible(20_000, n),
    }));
    await fillStorage(page);
    await page.evaluate(() => localStorage.setItem('filler', localStorage.getItem('filler').slice(0, -300_000)));
    const before = await storageSnapshot(page);
    const dialog = await (await list.chooseImportFile(jsonFile('big.json', JSON.stringify(big)))).waitFor();
    await dialog.confirm();
    await eventually(async () => assert.match(await list.importAlert.textContent(), /There isn't room for them in this browser's storage\. Nothing was imported/));
    assert.deepEqual(await storageSnapshot(page), before, 'not one incident was written');
    assert.deepEqual(await list.titles(), ['Kept safe']);
  }));

test('the Markdown report: postmortem order, a redacted variant, copy, and a print view', opts, () =>
  withApp({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } }, async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await fillIncident(list, 'Wrong invoice');
    const report = await new ReportDialog(page).open();
    await checkA11y('the report dialog');

    const full = await report.download();
    assert.match(full.name, new RegExp(`^mend-wrong-invoice-${DAY.source}\\.md$`));
    const headings = full.text.split('\n').filter((line) => /^#{1,2} /.test(line));
    assert.deepEqual(headings, [
      '# Wrong invoice', '## Summary and timeline', '## Impact', '## Options', '## Briefing',
      '## Fix', '## Follow-up', '## Debrief', '## Prevention',
    ]);
    assert.match(full.text, /- Recall the email \(To do\); owner: Dana\n/);
    assert.match(full.text, /- Dana \(Finance lead\)\n/);

    await report.rolesInsteadOfNames.check();
    await report.section('Debrief').uncheck();
    const shared = await report.download();
    assert.doesNotMatch(shared.text, /Dana/);
    assert.doesNotMatch(shared.text, /## Debrief/);
    assert.match(shared.text, /Wrong invoice: Finance lead's numbers went out/);
    assert.match(shared.text, /owner: Finance lead/);

    await report.copyButton.click();
    await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shared.text));
    assert.equal(await report.status.textContent(), 'Copied the report.');

    await page.keyboard.press('Escape');
    await report.dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Report', 'focus is back on Report');

    // Printing: only the report is on paper, then the print view goes away.
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await report.open();
    await report.printButton.click();
    await eventually(async () => assert.equal(await page.evaluate(() => window.__printed), true));
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-report');
    assert.ok(await printed.isVisible());
    assert.match(await printed.innerText(), /^Wrong invoice\n/);
    for (const part of [page.getByRole('navigation', { name: 'Steps' }), page.getByRole('banner'), page.getByRole('button', { name: 'Next' })]) {
      assert.equal(await part.isVisible(), false);
    }
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await printed.waitFor({ state: 'detached' });
    // Without the report, printing a step drops the navigation and buttons but keeps the form.
    assert.ok(await page.getByRole('heading', { level: 1 }).isVisible());
    assert.equal(await page.getByRole('navigation', { name: 'Steps' }).isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
  }));

test('a report too long for its box shows the beginning there, and Download, Copy and roles take all of it', opts, () =>
  withApp({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } }, async ({ page, baseUrl, checkA11y }) => {
    // 2,000 entries in each of Assess's lists, 2,000 helpers among them: a report of about 300 kB.
    await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: bigTemplate(2000), count: 1 });
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/assess`);
    await page.reload();
    await new IncidentPage(page).heading.waitFor();
    const report = await new ReportDialog(page).open();
    await report.cutNote.waitFor();
    assert.equal(await report.markdown.evaluate((box) => box.ariaDescribedByElements?.[0]?.textContent ?? document.getElementById(box.getAttribute('aria-describedby'))?.textContent),
      'This report is long, so the box shows its beginning. Download, Copy and Print take all of it.', 'the note describes the box');
    await checkA11y('the report dialog with a long report');
    const shown = await report.markdown.inputValue();
    assert.ok(shown.length <= 35_000, `the box holds ${shown.length} characters`);
    assert.match(shown, /- Key point 1: the email went to 12 people at Contoso\.\n/);

    const whole = await report.download();
    assert.ok(whole.text.startsWith(shown.slice(0, shown.lastIndexOf('\n'))), 'the box shows the beginning of the file');
    assert.match(whole.text, /- Helper 2000 \(Finance\)\n/);

    // Roles in place of 2,000 names: the box follows, and the file has none of the names.
    await report.rolesInsteadOfNames.check();
    await eventually(async () => assert.doesNotMatch(await report.markdown.inputValue(), /Helper \d/));
    const shared = await report.download();
    assert.doesNotMatch(shared.text, /Helper \d/);
    assert.ok(shared.text.length > 200_000, `the shared file has ${shared.text.length} characters`);
    await report.copyButton.click();
    await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shared.text));

    // Fewer sections fit in the box: the note goes.
    for (const name of ['Summary and timeline', 'Impact']) await report.section(name).uncheck();
    await report.cutNote.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#report-text-cut').textContent(), '');
  }));

test('reminders download as an iCalendar file: fix items, the debrief with its agenda, and check-ins', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Wrong invoice');
    await incident.goToStep('Step it up');
    const button = page.getByRole('button', { name: 'Download reminders (.ics)' });
    await button.click();
    await eventually(async () => assert.match(await page.getByRole('status').filter({ hasText: 'no dates' }).textContent(), /write a commitment/));

    const commitment = await incident.addEntry('Prevention commitments', 'commitment');
    await incident.type(incident.field('What', commitment), 'Read the recipient line aloud, every time');
    await incident.waitUntilSaved();
    const { name, text } = await readDownload(page, () => button.click());
    assert.match(name, new RegExp(`^mend-wrong-invoice-${DAY.source}\\.ics$`));
    assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    assert.equal(text.match(/BEGIN:VEVENT\r\n/g).length, 3, '30, 60 and 90 days');
    assert.match(text, /SUMMARY:Check-in: Read the recipient line aloud\\, every time\r\n/);
    assert.match(text, /DTSTART;VALUE=DATE:\d{8}\r\n/);
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));

    // A fix item with a due day, and the debrief's day, join the same file from their steps.
    await incident.goToStep('Fix');
    const item = await incident.addEntry('Checklist', 'item');
    await incident.type(incident.field('What', item), 'Ask the client to delete it');
    await incident.field('Due', item).fill('2027-01-15');
    await incident.goToStep('Follow up');
    await incident.type(incident.field('What made it seem reasonable at the time'), 'Both clients are called Acme');
    await incident.field('Debrief day').fill('2027-01-20');
    await incident.waitUntilSaved();
    const reminders = (await readDownload(page, () => button.click())).text.replace(/\r\n /g, '');
    assert.equal(reminders.match(/BEGIN:VEVENT\r\n/g).length, 5);
    assert.match(reminders, /DTSTART;VALUE=DATE:20270115\r\nDTEND;VALUE=DATE:20270116\r\nSUMMARY:Fix: Ask the client to delete it\r\n/);
    assert.match(reminders, /DTSTART;VALUE=DATE:20270120\r\nDTEND;VALUE=DATE:20270121\r\nSUMMARY:Debrief\r\n/);
    assert.match(reminders, /2\. Why it seemed reasonable at the time: Both clients are called Acme/);
    assert.match(reminders, /3\. What we'll change: Read the recipient line aloud\\, every time/);
  }));
