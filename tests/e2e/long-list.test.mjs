// Long lists, end to end: the list of incidents draws 100 rows at first and a step's list 50
// entries, the rest on request, so start-up stays quick with 1,000 incidents and a step opens
// quickly with 2,000 entries; a change of step takes the old form down a task later (see the
// README's Performance section).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, TEST_TIMEOUT } from './support/browser.mjs';
import { holdLaterTasks } from './support/held-tasks.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { ChecklistPage } from './pages/checklist-page.mjs';
import { benchId, bigTemplate, everyListTemplate, seedInPage, TEMPLATE } from '../../bench/seed.mjs';

test('a long list shows 100 incidents, then more on request, and search still finds every one', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 105 });
    await page.reload();
    await list.heading.waitFor();
    const rows = await list.rowsDrawn(100);
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

/** An incident with 120 key points, open on Assess once its first 50 are drawn. */
async function assessWith120KeyPoints(page, baseUrl) {
  await new ListPage(page, baseUrl).goto();
  await page.evaluate(seedInPage, { template: bigTemplate(120), count: 1 });
  await page.goto(`${baseUrl}#/incident/${benchId(0)}/assess`);
  await page.reload();
  const incident = new IncidentPage(page);
  const points = incident.list('Key points to raise first');
  const entries = points.getByRole('group');
  await incident.entry('Key points to raise first', 'Key point 50').waitFor();
  return { incident, points, entries };
}

test('a step with 120 key points draws 50, then more on request; one added past them shows at once and is saved', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const { incident, points, entries } = await assessWith120KeyPoints(page, baseUrl);
    assert.equal(await entries.count(), 50);
    await checkA11y('a step with long lists');

    await points.getByRole('button', { name: 'Show 50 more (50 of 120 shown)', exact: true }).click();
    await eventually(async () => assert.equal(await entries.count(), 100));
    // Focus lands on the first entry just drawn.
    await assert.doesNotReject(incident.field('Point', incident.entry('Key points to raise first', 'Key point 51')).evaluate(
      (field) => { if (document.activeElement !== field) throw new Error('focus is elsewhere'); },
    ));

    const added = await incident.addEntry('Key points to raise first', 'key point');
    assert.equal(await added.getByRole('textbox').count(), 1);
    await incident.entry('Key points to raise first', 'Key point 121').waitFor();
    await incident.type(incident.field('Point', added), 'Call Contoso before noon');
    assert.equal(await entries.count(), 101);
    await incident.waitUntilSaved();

    await page.reload();
    await incident.entry('Key points to raise first', 'Key point 50').waitFor();
    assert.equal(await entries.count(), 50);
    await points.getByRole('button', { name: 'Show 50 more (50 of 121 shown)', exact: true }).click();
    await points.getByRole('button', { name: 'Show 21 more (100 of 121 shown)', exact: true }).click();
    await eventually(async () => assert.equal(await entries.count(), 121));
    assert.equal(await points.getByRole('button', { name: /^Show \d+ more/ }).count(), 0);
    assert.equal(await incident.field('Point', added).inputValue(), 'Call Contoso before noon');
  }));

test('Show more draws the next page a run after each frame, and an entry just added past the page stays drawn meanwhile', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const { incident, points, entries } = await assessWith120KeyPoints(page, baseUrl);
    const added = await incident.addEntry('Key points to raise first', 'key point');
    await incident.type(incident.field('Point', added), 'Added past the page');
    assert.equal(await entries.count(), 51);

    // The runs after each frame wait: at the import's limits at 4x CPU slowdown a page of 50
    // options drawn at once was a task of about 800 ms.
    await page.evaluate(holdLaterTasks);
    await points.getByRole('button', { name: 'Show 50 more (51 of 121 shown)', exact: true }).click();
    await incident.entry('Key points to raise first', 'Key point 53').waitFor();
    assert.equal(await entries.count(), 54, 'three of the next page, and the one just added');
    assert.equal(await incident.entry('Key points to raise first', 'Key point 54').count(), 0);
    assert.equal(await incident.field('Point', added).inputValue(), 'Added past the page');
    await assert.doesNotReject(incident.field('Point', incident.entry('Key points to raise first', 'Key point 51')).evaluate(
      (field) => { if (document.activeElement !== field) throw new Error('focus is elsewhere'); },
    ));

    await page.evaluate(() => window.__releaseTasks());
    await eventually(async () => assert.equal(await entries.count(), 101));
    assert.equal(await incident.field('Point', added).inputValue(), 'Added past the page');
  }));

test('with 12 options, Solutions weighs the first 8 and the recommended one side by side', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    await new ListPage(page, baseUrl).goto();
    const record = JSON.parse(everyListTemplate(12, 'solutions'));
    record.incident.steps.solutions.chosen = 12;
    await page.evaluate(seedInPage, { template: JSON.stringify(record), count: 1 });
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/solutions`);
    await page.reload();
    const incident = new IncidentPage(page);
    const firstEight = Array.from({ length: 8 }, (_, k) => `Option ${k + 1}`);
    assert.deepEqual(await incident.sideBySide(), [...firstEight, 'Option 12 (recommended)']);
    await page.getByText('Here: the first 8 options, and the recommended one.').waitFor();
    await checkA11y('many options side by side');

    // Recommending one of the first eight leaves the twelfth out.
    await incident.entry('Options', 'Option 3').getByLabel('Recommend this option').check();
    firstEight[2] = 'Option 3 (recommended)';
    await eventually(async () => assert.deepEqual(await incident.sideBySide(), firstEight));
    await page.getByText('Here: the first 8 options.', { exact: true }).waitFor();
  }));

test('an entry added while the step is still drawing its list is drawn at once, with focus in it', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    await new ListPage(page, baseUrl).goto();
    const record = JSON.parse(bigTemplate(10));
    record.incident.last_step = 'stop';
    await page.evaluate(seedInPage, { template: JSON.stringify(record), count: 1 });
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/stop`);
    await page.reload();
    const incident = new IncidentPage(page);
    await page.getByRole('heading', { level: 1, name: 'Stop', exact: true }).waitFor();

    // The later tasks in which the list draws the rest of its first entries wait: a slow
    // phone gives a person that long to press Add.
    await page.evaluate(holdLaterTasks);
    await incident.goToStep('Assess');
    const points = incident.list('Key points to raise first');
    await incident.entry('Key points to raise first', 'Key point 3').waitFor();
    assert.equal(await points.getByRole('group').count(), 3, 'the rest of the list is still to be drawn');

    await points.getByRole('button', { name: 'Add key point', exact: true }).click();
    const added = incident.entry('Key points to raise first', 'Key point 11');
    await eventually(async () => assert.ok(
      await incident.field('Point', added).evaluate((field) => document.activeElement === field, undefined, { timeout: 1_000 }),
      'focus is in the new entry',
    ));
    await page.evaluate(() => window.__releaseTasks());
    await incident.entry('Key points to raise first', 'Key point 10').waitFor();
    assert.equal(await points.getByRole('group').count(), 11);
  }));

test('an incident opened from the list shows its heading first and its form a task later, with nothing below it drawn before', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const record = JSON.parse(TEMPLATE);
    record.incident.last_step = 'assess';
    await page.evaluate(seedInPage, { template: JSON.stringify(record), count: 1 });
    await page.reload();
    const title = 'Sent the invoices to the wrong client list (1)';
    await list.incidentLink(title).waitFor();
    const incident = new IncidentPage(page);

    // Held from the moment the incident's heading is in the page.
    await page.evaluate(holdLaterTasks, { afterElement: '.incident-line' });
    await list.incidentLink(title).click();
    await page.waitForFunction(() => window.__tasksHeld?.() === true);
    await incident.steps.waitFor();
    assert.equal(await incident.heading.count(), 1, 'the step\'s heading is drawn');
    assert.equal(await page.getByLabel('What happened', { exact: true }).count(), 0, 'the form waits');
    assert.equal(await incident.nextButton.count(), 0, 'so does Next, which would move when the form came');
    assert.equal(await incident.deleteButton.count(), 0);

    await page.evaluate(() => window.__releaseTasks());
    await page.getByLabel('What happened', { exact: true }).waitFor();
    await incident.nextButton.waitFor();
    assert.equal(await incident.heading.textContent(), 'Assess');
  }));

test('a checklist of 150 items, from 50 incidents with checks of their own, draws 20 a task after its heading and the rest a run a frame, in order, and all of them for a print', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 50 });
    // Each incident's check and two commitments its own; even ones tagged email, odd deploys.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage).filter((k) => k.startsWith('mend.incident.'))) {
        const record = JSON.parse(localStorage.getItem(key));
        const i = record.incident;
        const n = Number(i.title.match(/\((\d+)\)$/)[1]);
        i.tags = n % 2 ? 'deploys' : 'email';
        i.steps.step_it_up.extra_checks = [{ id: 1, text: `Check ${n}` }];
        i.steps.step_it_up.commitments.forEach((c, k) => { c.what = `Commitment ${n}.${k + 1}`; });
        localStorage.setItem(key, JSON.stringify(record));
      }
    });
    await page.reload();
    await list.heading.waitFor();
    // The items come a task after the heading; the tasks after that wait.
    await page.evaluate(holdLaterTasks, { afterElement: 'li.check-item' });
    const checklist = await new ChecklistPage(page).openFromList();
    const drawn = page.locator('li.check-item');
    await page.getByText('Added 150 new items from your incidents.').waitFor();
    await drawn.first().waitFor();
    assert.equal(await drawn.count(), 20, 'the first run only, while later tasks wait');
    // A print (here the browser's own) takes every item, whatever runs are still to come.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await eventually(async () => assert.equal(await drawn.count(), 150));
    assert.ok(await page.evaluate(() => window.__tasksHeld()), 'drawn for the print, not by the later tasks');
    await page.evaluate(() => window.__releaseTasks());
    // Oldest incident first; in each, its check, then its commitments.
    const own = (n) => [`Check ${n}`, `Commitment ${n}.1`, `Commitment ${n}.2`];
    const tagged = (odd) => Array.from({ length: 25 }, (_, k) => own(2 * k + 1 + odd)).flat();
    assert.deepEqual(await checklist.items('deploys'), tagged(0));
    assert.deepEqual(await checklist.items('email'), tagged(1));

    // The last item, drawn in the last run, retires like any other.
    await checklist.button('Retire', 'Commitment 50.2').click();
    await checklist.retired.waitFor();
    assert.deepEqual(await checklist.items('email', checklist.retired), ['Commitment 50.2']);
    // The group in use comes first; Retired has an email group of its own now.
    const inUse = page.getByRole('list', { name: 'email', exact: true }).first().locator('.check-text');
    assert.deepEqual(await inUse.allTextContents(), tagged(1).slice(0, -1));

    // The Print button, too, prints every item.
    await page.addInitScript(holdLaterTasks, { afterElement: 'li.check-item' });
    await page.reload();
    await drawn.first().waitFor();
    assert.equal(await drawn.count(), 21, 'the first run of each: 20 in use, and the retired one');
    await page.evaluate(() => { window.print = () => { window.__printed = document.querySelectorAll('li.check-item').length; }; });
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => window.__printed), 150, 'the 149 in use and the retired one'));

    // A change draws again only what it changed: retiring the first deploys item takes its
    // row out of the group and leaves the 74 after it exactly as they were.
    await page.evaluate(() => window.__releaseTasks());
    const deploys = page.getByRole('list', { name: 'deploys', exact: true }).first();
    await deploys.evaluate((list) => {
      window.__changes = [];
      new MutationObserver((records) => records.forEach((r) => window.__changes.push(
        r.target === list ? `${r.removedNodes.length} out, ${r.addedNodes.length} in` : `within ${r.target.nodeName}`,
      ))).observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await checklist.button('Retire', 'Check 1').click();
    await page.getByText('Retired \u201cCheck 1\u201d.', { exact: false }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__changes), ['1 out, 0 in']);
    assert.deepEqual(await deploys.locator('.check-text').allTextContents(), tagged(0).slice(1));
    assert.deepEqual(await checklist.items('deploys', checklist.retired), ['Check 1']);
  }));

test('a checklist of 210 items shows 200, then the rest on request, with focus on the first of them', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 70, ownChecks: true });
    await page.reload();
    await list.heading.waitFor();
    const checklist = await new ChecklistPage(page).openFromList();
    const drawn = page.locator('li.check-item');
    await eventually(async () => assert.equal(await drawn.count(), 200));
    assert.equal(await checklist.showMore.textContent(), 'Show 10 more (200 of 210 shown)');
    await checkA11y('a checklist with more to show');
    // Still 200 once the runs are done: the rest wait for the button.
    await page.waitForTimeout(300);
    assert.equal(await drawn.count(), 200);

    await checklist.showMore.click();
    await eventually(async () => assert.equal(await drawn.count(), 210));
    assert.equal(await checklist.showMore.count(), 0);
    const first = (await drawn.locator('.check-text').allTextContents())[200];
    await eventually(async () => assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `Edit: ${first}`));

    // Back to the list and in again: the first page again.
    await page.getByRole('link', { name: 'Back to your incidents' }).click();
    await list.heading.waitFor();
    await checklist.openFromList();
    await eventually(async () => assert.equal(await drawn.count(), 200));
  }));

test('a checklist with a tag for every incident draws its groups a run a frame too, in order of their names', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 30, ownChecks: true });
    // Incident n tagged "tag NN": 30 groups of 3 items each.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage).filter((k) => k.startsWith('mend.incident.'))) {
        const record = JSON.parse(localStorage.getItem(key));
        const n = Number(record.incident.title.match(/\((\d+)\)$/)[1]);
        record.incident.tags = `tag ${String(n).padStart(2, '0')}`;
        localStorage.setItem(key, JSON.stringify(record));
      }
    });
    await page.reload();
    await list.heading.waitFor();
    await page.evaluate(holdLaterTasks, { afterElement: 'li.check-item' });
    await new ChecklistPage(page).openFromList();
    const groups = page.getByRole('heading', { level: 2, name: /^tag \d\d$/ });
    const drawn = page.locator('li.check-item');
    await drawn.first().waitFor();
    // The first 20 items: all of the first six groups and two of the seventh, and no more
    // groups than those.
    assert.equal(await drawn.count(), 20);
    assert.deepEqual(await groups.allTextContents(), ['tag 01', 'tag 02', 'tag 03', 'tag 04', 'tag 05', 'tag 06', 'tag 07']);
    await page.evaluate(() => window.__releaseTasks());
    await eventually(async () => assert.equal(await drawn.count(), 90));
    const names = Array.from({ length: 30 }, (_, k) => `tag ${String(k + 1).padStart(2, '0')}`);
    assert.deepEqual(await groups.allTextContents(), names);
  }));

test('with 600 helpers, Follow up\'s thank-you box shows the message\'s beginning and says so, and Copy takes all of it', { timeout: TEST_TIMEOUT }, () =>
  withApp({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } }, async ({ page, baseUrl, checkA11y }) => {
    await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: bigTemplate(600), count: 1 });
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/follow-up`);
    await page.reload();
    const card = page.getByRole('region', { name: 'Thank-you to the people who helped', exact: true });
    const box = card.getByRole('textbox');
    await eventually(async () => assert.match(await box.inputValue(), /^Hi Helper 1, Helper 2, /));
    const shown = await box.inputValue();
    assert.ok(shown.length <= 4_000 && shown.length > 3_900, `${shown.length} characters shown`);
    assert.ok(!shown.includes('Helper 600'));
    const note = 'This message is long, so the box shows its beginning. Copy, Share and Open in mail app take all of it.';
    await assert.doesNotReject(box.evaluate((el, note) => {
      if (document.getElementById(el.getAttribute('aria-describedby'))?.textContent !== note) throw new Error('the box is not described by the note');
    }, note));
    await checkA11y('a message longer than its box');

    await card.getByRole('button', { name: 'Copy', exact: true }).click();
    const copied = await eventually(async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(text.startsWith(shown));
      return text;
    });
    assert.match(copied, /Helper 599 and Helper 600,\n/);

    // A short message is shown whole, with no note.
    const resolution = page.getByRole('region', { name: 'Resolution note for the customer', exact: true });
    assert.match(await resolution.getByRole('textbox').inputValue(), /is now resolved\.\n[\s\S]*patience\.\n$/);
    assert.equal(await resolution.getByText(note).count(), 0);
  }));

test('a step\'s long lists draw the rest of their first entries one run a frame between them, so that no frame lays out two runs', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: bigTemplate(120), count: 1 });
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/stop`);
    await page.reload();
    const incident = new IncidentPage(page);
    await page.getByRole('heading', { level: 1, name: 'Stop', exact: true }).waitFor();

    // At the start of every frame: how many entries Assess's three lists have in the page.
    const lists = ['Key points to raise first', 'Timeline', 'Who must help'];
    await page.evaluate((lists) => {
      window.__drawn = [];
      const count = () => [...document.querySelectorAll('h2')]
        .filter((h) => lists.includes(h.textContent))
        .reduce((n, h) => n + h.closest('section').querySelectorAll('fieldset').length, 0);
      const frame = () => {
        window.__drawn.push(count());
        if (window.__drawn.at(-1) < 150) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, lists);
    await incident.goToStep('Assess');
    await page.waitForFunction(() => window.__drawn.at(-1) === 150);
    const drawn = (await page.evaluate(() => window.__drawn)).filter((n) => n > 0);
    assert.equal(drawn[0], 9, 'three of each list as the step opens');
    const added = drawn.slice(1).map((n, k) => n - drawn[k]);
    assert.ok(Math.max(...added) <= 15, `entries added between two frames: ${added.filter((n) => n > 0).join(', ')}`);
  }));

test('a change of step draws the new form at once and takes the old one down a task later, hidden meanwhile; going back in between shows it again as it was', { timeout: TEST_TIMEOUT }, () =>
  withApp(async ({ page, baseUrl }) => {
    await new ListPage(page, baseUrl).goto();
    await page.evaluate(seedInPage, { template: TEMPLATE, count: 1 });
    await page.goto(`${baseUrl}#/incident/${benchId(0)}/assess`);
    await page.reload();
    const incident = new IncidentPage(page);
    const whatHappened = incident.field('What happened');
    const theOptions = incident.list('Options');
    await whatHappened.waitFor();
    await whatHappened.fill('Typed just before leaving');
    await whatHappened.evaluate((field) => { field.dataset.drawn = 'first'; });

    // Every later task held from the click on: the old form's removal is one of them.
    await page.evaluate(holdLaterTasks);
    await incident.goToStep('Solutions');
    await theOptions.waitFor();
    assert.equal(await whatHappened.count(), 1, 'Assess\'s form is still in the page');
    assert.equal(await whatHappened.isVisible(), false, '… hidden');
    assert.equal(await page.getByRole('textbox', { name: 'What happened', exact: true }).count(), 0, '… and out of the accessibility tree');

    // Back before it has gone: the same form shows again, with what was typed.
    await incident.goToStep('Assess');
    await whatHappened.waitFor();
    assert.equal(await whatHappened.getAttribute('data-drawn'), 'first', 'the field drawn before, not a new one');
    assert.equal(await whatHappened.inputValue(), 'Typed just before leaving');
    assert.equal(await theOptions.isVisible(), false, 'now Solutions\' form waits to go');

    await page.evaluate(() => window.__releaseTasks());
    await eventually(async () => assert.equal(await page.locator('section[aria-labelledby="options-heading"]').count(), 0, 'Solutions\' form is gone'));
    assert.equal(await whatHappened.isVisible(), true);
    assert.equal(await whatHappened.inputValue(), 'Typed just before leaving');
    await incident.waitUntilSaved();
    await page.reload();
    await whatHappened.waitFor();
    assert.equal(await whatHappened.inputValue(), 'Typed just before leaving');
  }));
