// Stop, for real: the pause comes first on a phone, a keyboard-only run through the distress
// scales, the breathing pause (reduced motion) and the thought record, which survives a reload
// and reaches the report only when ticked in; and a rating made by the old dropdown (schema 2)
// reads the same on the scale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { withApp, eventually, TEST_TIMEOUT } from './support/browser.mjs';
import { isFocused, pressKeys, tab, tabTo } from './support/keyboard.mjs';
import { ListPage } from './pages/list-page.mjs';
import { IncidentPage } from './pages/incident-page.mjs';
import { ReportDialog } from './pages/report-dialog.mjs';

const opts = { timeout: TEST_TIMEOUT * 2 };
const PHONE = { width: 360, height: 740 };

/** Where an element sits in the first screen, with the page scrolled to the top. */
function firstScreenBox(locator) {
  return locator.evaluate((el) => {
    window.scrollTo(0, 0);
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  });
}

for (const [size, viewport] of [['phone', PHONE], ['desktop', { width: 1280, height: 800 }]]) {
  test(`on a ${size}, the breathing Start is the step's first control and inside the first screen`, opts, () =>
    withApp({ contextOptions: { viewport } }, async ({ page, baseUrl }) => {
      const list = await new ListPage(page, baseUrl).goto();
      const p = await list.newIncident();
      for (const when of ['new', 'filled in']) {
        const box = await firstScreenBox(p.startButton);
        assert.ok(box.top >= 0 && box.bottom <= box.height, `Start at ${box.top}–${box.bottom} px of ${box.height} (${when})`);
        const first = await page.locator('.step').evaluate((step) => step.querySelector('button, input, select, textarea')?.id);
        assert.equal(first, 'breathing-toggle', `nothing to fill in before the pause (${when})`);
        await p.rating(p.distressBefore, 7).check();
        await p.rating(p.distressAfter, 6).check();
        await p.typeTitle('Deleted the shared folder');
        await p.waitUntilSaved();
        await page.reload();
        await p.heading.waitFor();
      }
    }));
}

test('by keyboard alone: rate, breathe under reduced motion, rate again, see the change, fill the thought record; it survives a reload', opts, () =>
  withApp({ contextOptions: { reducedMotion: 'reduce', viewport: PHONE } }, async ({ page, context, baseUrl, checkA11y }) => {
    // The pause lasts over a minute; a fake clock moves it along.
    await context.clock.install();
    const list = new ListPage(page, baseUrl);
    const p = new IncidentPage(page);
    const press = (key) => page.keyboard.press(key);
    const focused = (locator, what) => eventually(async () => assert.equal(await isFocused(locator), true, what));
    const typeInto = async (locator, text) => {
      await tabTo(page, locator);
      await pressKeys(page, text);
    };
    /** Tabs into a scale (landing on its first or checked button) and arrows to `steps` past 0. */
    const rate = async (scale, steps) => {
      await tabTo(page, scale.getByRole('radio').first());
      for (let n = 0; n < steps; n += 1) await press('ArrowRight');
    };

    await list.goto();
    await tab(page);
    await press('Enter');
    await tabTo(page, list.newIncidentButton);
    await press('Enter');
    await focused(p.startButton, 'a new incident opens on Start');

    // Labelled at both ends, for the ear as well as the eye.
    assert.equal(await p.distressBefore.getByRole('radio', { name: '0 calm', exact: true }).count(), 1);
    assert.equal(await p.distressBefore.getByRole('radio', { name: '10 overwhelmed', exact: true }).count(), 1);
    assert.equal(await p.distressBefore.getByRole('radio').count(), 11, 'one button for each of 0 to 10');
    await rate(p.distressBefore, 8);
    await eventually(async () => assert.equal(await p.rated(p.distressBefore), '8'));
    assert.equal(await p.distressChange.textContent(), '', 'nothing to compare yet');
    await tabTo(page, p.startButton, { backwards: true });
    await press('Enter');
    const cue = p.guide.locator('.cue');
    await eventually(async () => assert.equal(await cue.textContent(), 'Breathe in through your nose'));
    assert.equal(await p.guide.locator('.breath-shape').isVisible(), false, 'words and a countdown, no moving shape');
    await eventually(async () => assert.match(await p.guide.locator('.countdown').textContent(), /^\d+$/));
    await context.clock.runFor(90_000);
    await eventually(async () => assert.equal(await cue.textContent(), 'Done. Notice how you feel now.'));
    await focused(p.guide.getByRole('button', { name: 'Start again' }), 'focus stays on the guide\'s button');

    await rate(p.distressAfter, 5);
    await eventually(async () => assert.equal(await p.distressChange.textContent(), '8 \u2192 5: your body is settling.'));

    await typeInto(p.field('The thought'), 'Dana will think I am careless');
    await rate(p.beliefBefore, 9);
    await tabTo(page, p.field('Mind reading'));
    await press('Space');
    await tabTo(page, p.field('Labelling'));
    await press('Space');
    await typeInto(p.field('A balanced thought'), 'I told Dana quickly and I have a plan');
    await rate(p.beliefAfter, 4);
    await tabTo(page, p.field('Put the thought record in the report'));
    await press('Space');
    await context.clock.runFor(3_000);
    await p.waitUntilSaved();

    const check = async (when) => {
      assert.equal(await p.rated(p.distressBefore), '8', when);
      assert.equal(await p.rated(p.distressAfter), '5', when);
      assert.equal(await p.distressChange.textContent(), '8 \u2192 5: your body is settling.', when);
      assert.equal(await p.field('The thought').inputValue(), 'Dana will think I am careless', when);
      assert.equal(await p.rated(p.beliefBefore), '90', when);
      assert.equal(await p.field('Mind reading').isChecked(), true, when);
      assert.equal(await p.field('Labelling').isChecked(), true, when);
      assert.equal(await p.field('Catastrophising').isChecked(), false, when);
      assert.equal(await p.field('A balanced thought').inputValue(), 'I told Dana quickly and I have a plan', when);
      assert.equal(await p.rated(p.beliefAfter), '40', when);
      assert.equal(await p.field('Put the thought record in the report').isChecked(), true, when);
    };
    await check('as typed');
    await page.reload();
    await p.heading.waitFor();
    await check('after a reload');
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await checkA11y(`the Stop step, filled in (${colorScheme})`);
    }

    // Ticked in, so the report carries it; ticked out, it is gone again.
    const report = await new ReportDialog(page).open();
    assert.match(await report.markdown.inputValue(), /## Thought record\n\nThe thought: Dana will think I am careless\n\nPatterns it follows: Mind reading, Labelling/);
    await press('Escape');
    await report.dialog.waitFor({ state: 'hidden' });
    await p.field('Put the thought record in the report').uncheck();
    await report.open();
    assert.doesNotMatch(await report.markdown.inputValue(), /Thought record|careless/);
  }));

test('a distress rating from the old dropdown (schema 2) reads the same on the scale, and its thoughts become the thought', opts, () =>
  withApp(async ({ page, baseUrl }) => {
    const v2 = (await readFile('tests/fixtures/v2-full-incident.json', 'utf8')).trim();
    const { incident } = JSON.parse(v2);
    const list = await new ListPage(page, baseUrl).goto();
    await page.evaluate(([key, record]) => {
      localStorage.setItem(key, record);
      localStorage.setItem('mend.meta', '{"schema":2}');
    }, [`mend.incident.${incident.id}`, v2]);
    // A fresh start, as when the page is opened again after an update.
    await page.goto(`${baseUrl}#/incident/${incident.id}/stop`);
    await page.reload();
    const p = new IncidentPage(page);
    await page.getByRole('heading', { level: 1, name: 'Stop' }).waitFor();
    assert.equal(await p.rated(p.distressBefore), String(incident.steps.stop.distress_before));
    assert.equal(await p.rated(p.distressAfter), String(incident.steps.stop.distress_after));
    assert.equal(await p.distressChange.textContent(), '8 \u2192 5: your body is settling.');
    assert.equal(await p.field('The thought').inputValue(), incident.steps.stop.thoughts);
    assert.equal(await p.field('Put the thought record in the report').isChecked(), false, 'private until ticked in');
    await list.goto();
  }));
