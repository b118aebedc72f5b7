// A long list, end to end: it draws 100 rows at first and the rest on request, so start-up
// stays quick with 1,000 incidents (see the README's Performance section).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, TEST_TIMEOUT } from './support/browser.mjs';
import { ListPage } from './pages/list-page.mjs';
import { seedInPage, TEMPLATE } from '../../bench/seed.mjs';

test('a long list shows 100 incidents, then more on request, and search still finds every one', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 105 });
    await page.reload();
    await list.heading.waitFor();
    const rows = list.incidents.getByRole('listitem');
    assert.equal(await rows.count(), 100);
    await page.getByRole('status').filter({ hasText: 'Showing 100 of 105.' }).waitFor();
    await checkA11y('a long list');

    // Newest first, so the oldest five wait behind the button.
    assert.equal(await list.incidentLink('Sent the invoices to the wrong client list (1)').count(), 0);
    await page.getByRole('button', { name: 'Show 5 more', exact: true }).click();
    assert.equal(await rows.count(), 105);
    await list.incidentLink('Sent the invoices to the wrong client list (1)').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Show \d+ more$/ }).count(), 0);

    await page.reload();
    await list.search.fill('(1)');
    await list.incidentLink('Sent the invoices to the wrong client list (1)').waitFor();
  }));
