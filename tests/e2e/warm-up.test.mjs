// Warming up (src/ui/warm_up.rs): once the first screen is drawn and the browser is idle,
// each step's form is built off the page from a copy of the latest incident, so that the
// first opening of a step doesn't also compile its code. Whatever those forms would change
// must go nowhere: not into storage, the page, its title or focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, storageSnapshot } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { benchId, seedInPage, TEMPLATE } from '../../bench/seed.mjs';

/**
 * One incident last left on Follow up, whose ledger is still empty: opening Follow up
 * fills it from the helpers named in Assess, a change that is saved.
 */
function followUpToFill() {
  const record = JSON.parse(TEMPLATE);
  record.incident.steps.follow_up.people = [];
  record.incident.last_step = 'follow_up';
  return JSON.stringify(record);
}

const warmedUp = (page) => page.evaluate(() => performance.getEntriesByName('mend:warmed-up', 'mark').length > 0);

test('the steps are warmed up off the page, and nothing they would change is changed', () =>
  withApp(async ({ page, baseUrl }) => {
    const list = new ListPage(page, baseUrl);
    await list.goto();
    await page.evaluate(seedInPage, { template: followUpToFill(), count: 1 });
    await page.reload();
    await list.heading.waitFor();
    await list.search.focus();
    const before = await storageSnapshot(page);

    await eventually(async () => assert.ok(await warmedUp(page), 'every step was warmed up'));
    // Longer than the save delay (250 ms), so a save the warm-up caused would have landed.
    await page.waitForTimeout(600);
    assert.deepEqual(await storageSnapshot(page), before, 'storage is as it was');
    assert.equal(await page.title(), 'Your incidents · Mend');
    assert.ok(await list.search.evaluate((el) => el === document.activeElement), 'focus stays in the search box');
    assert.equal(await page.getByLabel('What happened', { exact: true }).count(), 0, 'no step form is in the page');
    assert.equal(await page.getByRole('region', { name: 'Breathing pause' }).count(), 0);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);

    // The premise: opening Follow up for real does fill its ledger, and that is saved.
    await page.evaluate((id) => { location.hash = `#/incident/${id}/follow-up`; }, benchId(0));
    await eventually(async () => {
      const record = JSON.parse((await storageSnapshot(page))[`mend.incident.${benchId(0)}`]);
      assert.ok(record.incident.steps.follow_up.people.length > 0, 'the ledger was filled');
    });
  }));
