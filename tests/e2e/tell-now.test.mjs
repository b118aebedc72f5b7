// Tell now: from "New incident" to "I told them" on one short screen, by keyboard alone, on
// a phone and on a desktop; what is typed there is the same record the steps show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hideAndShow, withApp, TEST_TIMEOUT } from './support/browser.mjs';
import { isFocused, pressKeys, tab } from './support/keyboard.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { TellNowPage } from './pages/tell-now-page.mjs';
import { benchId, everyListTemplate, seedInPage, TEMPLATE } from '../../bench/seed.mjs';
import { storedRecord } from './support/packed.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`keyboard only, ${viewport.width}×${viewport.height}: New incident to "I told them" through Tell now`, opts, () =>
    withApp({ contextOptions: { viewport } }, async ({ page, baseUrl }) => {
      await page.addInitScript(() => { delete Navigator.prototype.share; });
      const list = await new ListPage(page, baseUrl).goto();
      const incident = new IncidentPage(page);
      const tell = new TellNowPage(page);
      let keys = 0;
      const press = async (key) => { keys += 1; await page.keyboard.press(key); };
      const tabTo = async (locator, backwards = false) => {
        keys += 1;
        await tab(page, { backwards });
        assert.ok(await isFocused(locator), 'focus is where the fixed sequence expects it');
      };

      await list.newIncidentButton.focus();
      await press('Enter');
      await incident.startButton.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'breathing-toggle');
      // Stop opens on the breathing guide; Tell now is one step back, under the heading.
      await tabTo(incident.tellNowLink, true);
      await press('Enter');
      await tell.heading.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'screen-heading');
      await tabTo(tell.whatHappened);
      await pressKeys(page, 'Sent the March invoice to the wrong client');
      await tabTo(tell.impact);
      await pressKeys(page, 'The client saw another client');
      await tabTo(tell.doneSoFar);
      await pressKeys(page, 'Asked them to delete it');
      await tabTo(tell.need);
      await pressKeys(page, 'Your OK to call them');
      // Past the options pointer and the briefing's own controls to the stamp. (This browser
      // has no Web Share, so there is no Share button on the way.)
      for (const stop of [tell.options.getByRole('link'), tell.briefing, tell.email, tell.copyButton, tell.mailLink, tell.told]) {
        await tabTo(stop);
      }
      await press('Space');
      assert.ok(await tell.told.isChecked(), 'told, with the time noted');
      assert.equal(keys, 14, 'a short, fixed number of keypresses, besides the typing');

      const briefing = await tell.briefing.inputValue();
      for (const typed of ['Sent the March invoice to the wrong client', 'The client saw another client', 'Asked them to delete it', 'Your OK to call them']) {
        assert.ok(briefing.includes(typed), `the briefing holds "${typed}"`);
      }
      assert.match(await tell.clock.textContent(), /^You told them (less than a minute|[1-9]\d* minutes?) after noticing\.$/);

      // The same record: the steps show what was typed here, and the way back is gone.
      await page.reload();
      await tell.heading.waitFor();
      assert.ok(await tell.told.isChecked());
      await tell.backLink.click();
      await incident.goToStep('Assess');
      assert.equal(await incident.field('What happened').inputValue(), 'Sent the March invoice to the wrong client');
      assert.equal(await incident.field('What it means').inputValue(), 'The client saw another client');
      assert.equal(await incident.tellNowLink.count(), 0, 'told: no Tell now any more');
      await incident.goToStep('Own up');
      assert.equal(await incident.field('What I need from them').inputValue(), 'Your OK to call them');
    }));
}

// A frozen tab or a sleeping phone runs no timers, so the clock's next tick could be seconds
// away when the person comes back; shown again, it reads the time at once. The page's timers
// are paused here, so only the showing can move it.
test('the calm clock reads the time again as soon as the tab is shown', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    await page.clock.install();
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.newIncident();
    assert.match(await incident.clock.textContent(), /since you noticed\. Aim to tell them/);
    const now = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(now + 1_000);
    await page.clock.setSystemTime(now + 20 * 60_000);
    await hideAndShow(page);
    assert.match(await incident.clock.textContent(), /^20 minutes since you noticed\. That's past the 15-minute aim/);
  }));

test('until they are told, every step shows the calm clock and Tell now', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.newIncident();
    for (const step of ['Stop', 'Assess', 'Solutions', 'Fix', 'Follow up', 'Step it up']) {
      await incident.goToStep(step);
      assert.match(await incident.clock.textContent(), /since you noticed\. Aim to tell them within about 15 minutes\./, step);
      assert.equal(await incident.tellNowLink.count(), 1, step);
    }
    // Critical, or still getting worse: Stop and Assess say telling now helps, calmly.
    const urge = page.getByRole('status').filter({ hasText: 'telling them now' });
    await incident.goToStep('Assess');
    assert.equal(await urge.count(), 0, 'not while it is unclear');
    await incident.field('Is it still getting worse?').selectOption('yes');
    assert.equal(await urge.textContent(), 'It is still getting worse: telling them now lets them help sooner.');
    await incident.goToStep('Stop');
    assert.equal(await urge.count(), 1);
    await incident.goToStep('Fix');
    assert.equal(await urge.count(), 0, 'only on Stop and Assess');
  }));

test('the list flags each incident not told yet, with the way to Tell now, until it is told', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await (await list.createIncident('Told already')).backToList();
    await (await list.createIncident('Wrong invoice')).backToList();
    const row = (title) => list.incidents.getByRole('listitem').filter({ hasText: title });
    assert.match(await row('Wrong invoice').textContent(), /Not told yet · (less than a minute|[1-9]\d* minutes?)/);

    await row('Told already').getByRole('link', { name: 'Tell now: Told already' }).click();
    const tell = new TellNowPage(page);
    await tell.heading.waitFor();
    await tell.told.check();
    await list.goto();
    assert.equal(await row('Told already').getByText(/Not told yet/).count(), 0, 'told: no flag');
    assert.equal(await row('Told already').getByRole('link', { name: /^Tell now/ }).count(), 0);
    assert.equal(await row('Wrong invoice').getByRole('link', { name: 'Tell now: Wrong invoice' }).count(), 1);
  }));

test('Share hands the briefing to the phone\'s share sheet where the browser has one; the email link takes an address', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    // A stand-in for the phone's share sheet: records what it was given.
    await page.addInitScript(() => {
      window.shared = [];
      Navigator.prototype.share = function share(data) { window.shared.push(data); return Promise.resolve(); };
    });
    const list = await new ListPage(page, baseUrl).goto();
    const incident = await list.createIncident('Wrong invoice');
    await incident.tellNowLink.click();
    const tell = new TellNowPage(page);
    await tell.heading.waitFor();
    await tell.whatHappened.fill('Sent the March invoice to the wrong client');
    await tell.shareButton.click();
    await tell.page.getByRole('status').filter({ hasText: 'Shared.' }).waitFor();
    const [shared] = await page.evaluate(() => window.shared);
    assert.equal(shared.text, await tell.briefing.inputValue());
    assert.match(shared.text, /Sent the March invoice to the wrong client/);
    assert.match(shared.title, /Wrong invoice/);

    assert.match(await tell.mailLink.getAttribute('href'), /^mailto:\?subject=/, 'no address: the mail app asks');
    await tell.email.fill('sam.okafor@example.com');
    assert.match(await tell.mailLink.getAttribute('href'), /^mailto:sam\.okafor@example\.com\?subject=[^&]*Wrong%20invoice[^&]*&body=/);
    await page.reload();
    await tell.heading.waitFor();
    assert.equal(await tell.email.inputValue(), 'sam.okafor@example.com', 'kept with the incident');
  }));

test('an incident closed or archived without being told no longer urges Tell now, on the list or its steps', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 2 });
    // Neither was told; the first is closed and the second archived.
    await page.evaluate(() => {
      for (const [n, change] of [[0, (i) => { i.steps.step_it_up.resolved_at = '2026-11-25T10:00:00.000Z'; }], [1, (i) => { i.archived = true; }]]) {
        const key = `mend.incident.00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
        const record = JSON.parse(localStorage.getItem(key));
        record.incident.steps.own_up.told_at = null;
        change(record.incident);
        localStorage.setItem(key, JSON.stringify(record));
      }
    });
    await page.reload();
    await list.showArchived.check();
    const incident = new IncidentPage(page);
    for (const n of [0, 1]) {
      const row = list.incidents.getByRole('listitem').nth(n);
      await row.waitFor();
      // Its status may still say it wasn't told; only the urge (the clock and the link) goes.
      assert.doesNotMatch(await row.textContent(), /Not told yet · /, 'no clock on the list');
      assert.equal(await row.getByRole('link', { name: /^Tell now/ }).count(), 0, 'no Tell now on the list');
      await page.goto(`${baseUrl}#/incident/${benchId(n)}/assess`);
      await page.getByRole('heading', { level: 1, name: 'Assess', exact: true }).waitFor();
      assert.equal(await incident.tellNowLink.count(), 0, 'no Tell now bar on its steps');
      await list.goto();
      await list.showArchived.check();
    }

    // Opened again, the closed one urges once more.
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/assess`);
    // Saved by now, so packed: read here, and written back as JSON, which Mend reads too.
    const key = 'mend.incident.00000000-0000-4000-8000-000000000000';
    const record = storedRecord(await page.evaluate((key) => localStorage.getItem(key), key));
    record.incident.steps.step_it_up.resolved_at = null;
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [key, JSON.stringify(record)]);
    await page.reload();
    await incident.tellNowLink.waitFor();
  }));

test('Tell now names the recommended option and seven more, and points to Solutions for the rest', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    await new ListPage(page, baseUrl).goto();
    // 2,000 options (the import's limit), the recommended one far down the list.
    const record = JSON.parse(everyListTemplate(2000));
    record.incident.steps.solutions.chosen = 1500;
    record.incident.steps.own_up.told_at = null;
    await page.evaluate(seedInPage, { template: JSON.stringify(record), count: 1 });
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/tell`);
    await page.reload();
    const tell = new TellNowPage(page);
    await tell.heading.waitFor();
    const named = tell.options.getByRole('listitem');
    await named.first().waitFor();
    assert.deepEqual(await named.allTextContents(), [
      'Option 1500 (recommended)', 'Option 1', 'Option 2', 'Option 3', 'Option 4', 'Option 5', 'Option 6', 'Option 7',
    ]);
    assert.equal(await tell.options.getByRole('paragraph').textContent(), 'And 1992 more in Solutions.');
    await checkA11y('Tell now with 2,000 options');
    await tell.options.getByRole('link', { name: 'Solutions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Solutions', exact: true }).waitFor();
  }));
