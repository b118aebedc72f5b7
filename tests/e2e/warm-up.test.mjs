// Warming up (src/ui/warm_up.rs): once the first screen is drawn and the browser is idle,
// the incident's frame and each step's form are built off the page from a copy of the latest
// incident, so that the first opening of an incident or a step doesn't also compile its
// code. Whatever they would change must go nowhere: not into storage, the page, its title or
// focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, storageSnapshot } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { benchId, seedInPage, TEMPLATE } from '../../bench/seed.mjs';
import { storedRecord } from './support/packed.mjs';

/**
 * Incidents last left on Follow up, whose ledgers are still empty: opening Follow up fills
 * one from the helpers named in Assess, a change that is saved.
 */
function followUpToFill() {
  const record = JSON.parse(TEMPLATE);
  record.incident.steps.follow_up.people = [];
  record.incident.last_step = 'follow_up';
  return JSON.stringify(record);
}

const warmedUp = (page) => page.evaluate(() => performance.getEntriesByName('mend:warmed-up', 'mark').length > 0);
const record = async (page, id) => storedRecord((await storageSnapshot(page))[`mend.incident.${id}`]);

test('the steps are warmed up off the page, and nothing they would change is changed', () =>
  withApp(async ({ page, baseUrl }) => {
    const list = new ListPage(page, baseUrl);
    await list.goto();
    // The second is the most recent, so the warm-up copies it.
    await page.evaluate(seedInPage, { template: followUpToFill(), count: 2 });
    const [other, copied] = [benchId(0), benchId(1)];
    await page.reload();
    await list.heading.waitFor();
    await list.search.focus();
    const before = await storageSnapshot(page);

    await eventually(async () => assert.ok(await warmedUp(page), 'every step was warmed up'));
    assert.equal(await page.title(), 'Your incidents · Mend');
    assert.ok(await list.search.evaluate((el) => el === document.activeElement), 'focus stays in the search box');
    assert.equal(await page.getByLabel('What happened', { exact: true }).count(), 0, 'no step form is in the page');
    assert.equal(await page.getByRole('region', { name: 'Breathing pause' }).count(), 0);
    assert.equal(await page.getByRole('navigation', { name: 'Steps' }).count(), 0, 'no incident frame is in the page');
    // The frame's effects (the tab's title, the step to reopen on, its marks) never ran.
    assert.equal(await page.evaluate(() => performance.getEntriesByName('mend:incident-ready', 'mark').length), 0);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);

    // Opening the other incident for real fills its ledger, and that is saved: a save writes
    // every incident with a change waiting, so the copied one would be written with it.
    await page.evaluate((id) => { location.hash = `#/incident/${id}`; }, other);
    await eventually(async () => assert.ok((await record(page, other)).incident.steps.follow_up.people.length > 0, 'its ledger was filled and saved'));
    assert.equal((await storageSnapshot(page))[`mend.incident.${copied}`], before[`mend.incident.${copied}`], 'the copied incident is as it was');
    assert.equal((await record(page, copied)).incident.steps.follow_up.people.length, 0);
  }));
