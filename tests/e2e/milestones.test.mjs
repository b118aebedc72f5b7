// A status that tells the truth: each incident's status comes from its milestones (told, fix
// done, followed up, prevention set), the list shows its next real action, and "Needs
// something from me" filters to the ones waiting on the person. Old records (schema 3) are
// seeded as they were stored, so this also checks that they migrate forward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withApp, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };
const V3 = readFileSync(resolve(import.meta.dirname, '../fixtures/v3-full-incident.json'), 'utf8');
const DAY_MS = 86_400_000;

/** Runs in the page: stores v3 records made from the fixture, each changed by its recipe. */
function seed({ template, now, dayMs }) {
  const iso = (ms) => new Date(ms).toISOString();
  const ymd = (ms) => iso(ms).slice(0, 10);
  const recipes = {
    // Told, two items past their due day.
    'Overdue fix': (i) => {
      i.steps.fix.items.forEach((item) => { item.status = 'todo'; item.verified_by = ''; item.due = ymd(now - 9 * dayMs); });
    },
    // Closed 31 days ago with a commitment's 30-day check-in still "Not yet".
    'Check-in waiting': (i) => {
      i.steps.step_it_up.resolved_at = iso(now - 31 * dayMs);
      i.steps.step_it_up.commitments.forEach((c) => { c.day30 = 'pending'; });
    },
    // Notes in every step, but the boss not told: the old status said "Preventing".
    'Not told': (i) => { i.steps.own_up.told_at = null; },
    // Told and fixed, everyone told it is resolved, but the fixture has no debrief held.
    'Following up': () => {},
  };
  localStorage.clear();
  localStorage.setItem('mend.meta', '{"schema":3}');
  Object.entries(recipes).forEach(([title, recipe], n) => {
    const record = JSON.parse(template);
    const incident = record.incident;
    incident.id = `00000000-0000-4000-8000-00000000000${n}`;
    incident.title = title;
    incident.noticed_at = iso(now - 20 * 60_000);
    incident.updated_at = iso(now - n * 60_000);
    recipe(incident);
    localStorage.setItem(`mend.incident.${incident.id}`, JSON.stringify(record));
  });
}

test('the list shows each incident\'s real status and next action, and filters to what needs me', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    await page.goto(baseUrl);
    await page.evaluate(seed, { template: V3, now: Date.now(), dayMs: DAY_MS });
    const list = await new ListPage(page, baseUrl).goto();
    const text = async (title) => (await list.row(title).textContent()).replace(/\s+/g, ' ');

    assert.match(await text('Overdue fix'), /Fixing 2 fix items overdue/);
    assert.match(await text('Check-in waiting'), /Resolved Check-in overdue/);
    assert.match(await text('Not told'), /Not told yet · 20 minutes/);
    assert.doesNotMatch(await text('Not told'), /Preventing/, 'notes in Step it up are not a status');
    assert.match(await text('Following up'), /Following up Next: follow up/);
    // Weight, not colour: the ones waiting on the person are marked for CSS and say so in words.
    assert.equal(await list.row('Overdue fix').locator('.next-action.needs-me').count(), 1);
    assert.equal(await list.row('Following up').locator('.next-action.needs-me').count(), 0);

    await list.needsMe.check();
    assert.deepEqual((await list.titles()).sort(), ['Check-in waiting', 'Not told', 'Overdue fix']);
    await list.statusFilter.selectOption({ label: 'Not told yet' });
    assert.deepEqual(await list.titles(), ['Not told']);
    await list.needsMe.uncheck();
    await list.statusFilter.selectOption({ label: 'Following up' });
    assert.deepEqual(await list.titles(), ['Following up']);

    // The old records were read, not rewritten behind the person's back: still schema 3
    // until each is next saved, and nothing stores a status.
    const stored = await page.evaluate(() => localStorage.getItem('mend.incident.00000000-0000-4000-8000-000000000003'));
    assert.match(stored, /^\{"schema":3,/, 'still the JSON it was seeded as');
    assert.doesNotMatch(stored, /"status"\s*:\s*"(following|fixing|not-told)/);
  }));

test('Follow up is done once everyone is told, the helpers are thanked in private and in public, and the debrief is held', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Wrong invoice');
    await incident.goToStep('Assess');
    const helper = await incident.addEntry('Who must help', 'person');
    await incident.type(incident.field('Name', helper), 'Ana');
    await incident.goToStep('Follow up');
    const publicThanks = page.getByRole('region', { name: 'Public thank-you, for the wider team' });
    assert.match(await publicThanks.getByRole('textbox').inputValue(), /“Wrong invoice” is resolved, and that is thanks to Ana,/);

    const followUp = incident.stepLink('Follow up');
    const ana = incident.entry('People to follow up with', 'Person 1');
    await ana.getByLabel(/^Told it's resolved/).check();
    await ana.getByLabel(/^Thanked/).check();
    assert.equal(await followUp.getAttribute('aria-describedby'), 'step-started', 'no debrief yet');
    const held = page.getByLabel(/^Debrief held/);
    await held.check();
    assert.equal(await followUp.getAttribute('aria-describedby'), 'step-done');
    await incident.waitUntilSaved();
    await page.reload();
    await held.waitFor();
    assert.ok(await held.isChecked());
    assert.equal(await followUp.getAttribute('aria-describedby'), 'step-done');
  }));
