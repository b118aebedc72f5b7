// The README's screenshots: seven screens at phone (360×740) and desktop (1280×800) sizes, in
// light and dark, written to docs/screenshots/. Time, time zone and language are fixed, so a
// file changes only when its screen does; commit them when they change.
import { test } from 'node:test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { withApp, TEST_TIMEOUT } from './support/browser.mjs';
import { fillEveryStep } from './support/screens.mjs';
import { ListPage } from './pages/list-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';

const FOLDER = 'docs/screenshots';
const NOW = new Date('2026-03-12T09:41:00Z');
const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

/** How many pixels differ between two PNGs of the same size, counted in the page. */
function pixelsChanged(page, before, after) {
  const url = (png) => `data:image/png;base64,${png.toString('base64')}`;
  return page.evaluate(async ([a, b]) => {
    const pixels = async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
    if (pa.length !== pb.length) return Infinity;
    let changed = 0;
    for (let i = 0; i < pa.length; i += 4) if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) changed += 1;
    return changed;
  }, [url(before), url(after)]);
}

/** Writes the screenshot unless the committed one differs only by a few anti-aliased pixels. */
async function save(page, path) {
  const shot = await page.screenshot({ animations: 'disabled' });
  const old = await readFile(path).catch(() => null);
  if (old && (old.equals(shot) || (await pixelsChanged(page, old, shot)) <= 20)) return;
  await writeFile(path, shot);
}

for (const colorScheme of ['light', 'dark']) {
  test(`README screenshots in ${colorScheme}`, { timeout: TEST_TIMEOUT * 3 }, () =>
    withApp({ contextOptions: { colorScheme, timezoneId: 'UTC', locale: 'en-GB' } }, async ({ page, context, baseUrl }) => {
      await mkdir(FOLDER, { recursive: true });
      // An older incident first, so the list's order never depends on random ids.
      await context.clock.setFixedTime(new Date(NOW - 3 * 24 * 3600 * 1000));
      const list = await new ListPage(page, baseUrl).goto();
      // Told, with a fix item now overdue: the list shows its status and next action.
      const payroll = await list.createIncident('Missed the payroll cut-off');
      await payroll.goToStep('Own up');
      await page.getByLabel(/^I told them/).check();
      await payroll.goToStep('Fix');
      const item = await payroll.addEntry('Checklist', 'item');
      await payroll.type(payroll.field('What', item), 'Run the payroll by hand');
      await payroll.field('Due', item).fill('2026-03-10');
      await payroll.waitUntilSaved();
      await payroll.backToList();
      await context.clock.setFixedTime(NOW);
      const p = await fillEveryStep(page, baseUrl);
      const id = p.id();
      await p.goToStep('Assess');
      await p.field('When you noticed').fill('2026-03-12T09:29');
      await p.waitUntilSaved();
      const step = (slug, name) => async () => {
        await page.goto(`${baseUrl}#/incident/${id}/${slug}`);
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      };

      const screens = {
        list: () => list.goto(),
        stop: step('stop', 'Stop'),
        'own-up': step('own-up', 'Own up'),
        'tell-now': step('tell', 'Tell now'),
        settings: () => new SettingsPage(page, baseUrl).goto(),
        insights: async () => {
          await page.goto(`${baseUrl}#/insights`);
          await page.getByRole('heading', { level: 1, name: 'Insights', exact: true }).waitFor();
        },
        checklist: async () => {
          await page.goto(`${baseUrl}#/checklist`);
          await page.getByRole('heading', { level: 1, name: 'Pre-flight checklist', exact: true }).waitFor();
        },
      };
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        for (const [name, show] of Object.entries(screens)) {
          await show();
          // Settled ("Saved", not "Saving…"), and as it first looks: no focus ring from the
          // test's own moves, at the top.
          await page.locator('.save-indicator[data-state="saving…"]').waitFor({ state: 'detached' });
          await page.evaluate(() => {
            document.activeElement?.blur();
            window.scrollTo(0, 0);
          });
          await save(page, `${FOLDER}/${name}-${size}-${colorScheme}.png`);
        }
      }
    }));
}
