// Calm and accessible everywhere: axe and landmarks on every screen and dialog in light and
// dark, the theme switch, a calm clock, reduced motion, a 360 px phone, touch target sizes,
// and tab order with visible focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, eventually, TEST_TIMEOUT } from './support/browser.mjs';
import { forEveryScreen } from './support/screens.mjs';
import { tabThroughPage } from './support/keyboard.mjs';
import { ListPage } from './pages/list-page.mjs';
import { SettingsPage } from './pages/settings-page.mjs';

const opts = { timeout: TEST_TIMEOUT * 4 };
const PHONE = { width: 360, height: 740 };

for (const colorScheme of ['light', 'dark']) {
  test(`every screen and dialog passes axe in the ${colorScheme} colour scheme`, opts, () =>
    withApp({ contextOptions: { colorScheme } }, async ({ page, baseUrl, checkA11y }) => {
      const visited = [];
      await forEveryScreen(page, baseUrl, async (screen) => {
        await checkA11y(`${screen} (${colorScheme})`);
        // Landmarks and one heading to start from, on every screen.
        for (const [role, name] of [['banner'], ['main'], ['heading', { level: 1 }]]) {
          assert.equal(await page.getByRole(role, name).count(), 1, `one ${role} on ${screen}`);
        }
        if (screen.endsWith(' step')) assert.equal(await page.getByRole('navigation', { name: 'Steps' }).count(), 1);
        visited.push(screen);
      });
      assert.equal(visited.length, 18, 'two lists, seven steps, Tell now, three dialogs, settings, Insights, the checklist, and two addresses that lead nowhere');
    }));
}

/** The page's background colour as [r, g, b]. */
function background(page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
}
const isDark = ([r, g, b]) => r + g + b < 3 * 80;

test('the theme follows the device until Settings picks one, which is remembered', opts, () =>
  withApp({ contextOptions: { colorScheme: 'light' } }, async ({ page, baseUrl, checkA11y }) => {
    await new ListPage(page, baseUrl).goto();
    assert.equal(isDark(await background(page)), false, 'a light device gets light colours');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(isDark(await background(page)), true, 'a dark device gets dark colours');
    await page.emulateMedia({ colorScheme: 'light' });

    const settings = await new SettingsPage(page, baseUrl).openFromBanner();
    assert.equal(await settings.theme('Same as this device').isChecked(), true);
    await settings.theme('Dark').check();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(isDark(await background(page)), true, 'Dark wins over a light device');
    await checkA11y('settings in the dark theme on a light device');
    assert.match(await page.evaluate(() => localStorage.getItem('mend.settings')), /"theme":"dark"/);
    await page.reload();
    await settings.heading.waitFor();
    await eventually(async () => assert.equal(isDark(await background(page)), true, 'remembered across a reload'));
    assert.equal(await settings.theme('Dark').isChecked(), true);

    await page.emulateMedia({ colorScheme: 'dark' });
    await settings.theme('Light').check();
    assert.equal(isDark(await background(page)), false, 'Light wins over a dark device');
    await checkA11y('settings in the light theme on a dark device');
    await settings.theme('Same as this device').check();
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-theme')), false);
    assert.equal(isDark(await background(page)), true, 'back to following the device');
  }));

/** Whether a CSS colour is an alarm red: a saturated hue near red. */
function isRed(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((n) => Number(n) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === 0 || max - min < 0.25) return false;
  return max === r && Math.abs(g - b) / (max - min) < 0.5;
}

test('the Own up clock stays calm past its aim, with no alarm red in either theme', opts, () =>
  withApp(async ({ page, baseUrl, checkA11y }) => {
    const list = await new ListPage(page, baseUrl).goto();
    const p = await list.createIncident('Noticed a while ago');
    await p.goToStep('Assess');
    const anHourAgo = await page.evaluate(() => {
      const t = new Date(Date.now() - 60 * 60 * 1000 - new Date().getTimezoneOffset() * 60 * 1000);
      return t.toISOString().slice(0, 16);
    });
    await p.field('When you noticed').fill(anHourAgo);
    await p.goToStep('Own up');
    const clock = page.getByRole('timer');
    assert.match(await clock.textContent(), /past the 15-minute aim, and telling them now still helps/);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const colours = await clock.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.color, style.backgroundColor, style.borderTopColor];
      });
      assert.deepEqual(colours.filter(isRed), [], `no red on the clock in ${colorScheme}`);
      await checkA11y(`Own up past the aim (${colorScheme})`);
    }
  }));

/** Every animation or transition longer than 0.01 s, on any element or its ::before/::after. */
function longMotions(page) {
  return page.evaluate(() => {
    const longest = (list) => Math.max(0, ...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)) || 0));
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(el, pseudo);
        const seconds = Math.max(longest(style.animationDuration), longest(style.transitionDuration));
        if (seconds > 0.01 + 1e-9) found.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}: ${seconds}s`);
      }
    }
    return found;
  });
}

test('under reduced motion nothing animates for longer than 0.01 s, and breathing is led by words', opts, () =>
  withApp({ contextOptions: { reducedMotion: 'reduce' } }, async ({ page, baseUrl }) => {
    await forEveryScreen(page, baseUrl, async (screen) => {
      if (screen === 'the Stop step') {
        // Mid-breath, when the shape would be moving.
        const guide = page.getByRole('region', { name: 'Breathing pause' });
        await guide.getByRole('button', { name: 'Start' }).click();
        await eventually(async () => assert.match(await guide.locator('.countdown').textContent(), /^\d+$/));
        assert.equal(await guide.locator('.breath-shape').isVisible(), false, 'words and a countdown instead of the shape');
        assert.deepEqual(await longMotions(page), [], `no long motion on ${screen} while breathing`);
        await guide.getByRole('button', { name: 'Pause' }).click();
      }
      assert.deepEqual(await longMotions(page), [], `no long motion on ${screen}`);
    });
  }));

/** Controls smaller than 24×24 CSS px. Links inside a sentence are exempt (WCAG 2.5.8). */
function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]'))
    .filter((el) => !(el.tagName === 'A' && getComputedStyle(el).display === 'inline'))
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([, r]) => r.width < 24 || r.height < 24)
    .map(([el, r]) => `${el.tagName.toLowerCase()}#${el.id} ${Math.round(r.width)}×${Math.round(r.height)}`));
}

test('on a 360×740 phone nothing overflows sideways, targets are big enough, and steps still switch', opts, () =>
  withApp({ contextOptions: { viewport: PHONE, hasTouch: true, isMobile: true } }, async ({ page, baseUrl }) => {
    await forEveryScreen(page, baseUrl, async (screen) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `${screen} is ${width} px wide`);
      assert.deepEqual(await smallTargets(page), [], `targets of at least 24×24 px on ${screen}`);
      if (screen === 'the Assess step') {
        // The step links shrink to numbers in one row, and still name their steps.
        const links = page.getByRole('navigation', { name: 'Steps' }).getByRole('link');
        const tops = await links.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top)));
        assert.equal(new Set(tops).size, 1, 'one row of step links');
        assert.ok(await links.nth(2).evaluate((a) => a.getBoundingClientRect().width) <= 48, 'numbers only');
        assert.equal(await links.filter({ has: page.getByText('Solutions', { exact: true }) }).count(), 1, 'names for screen readers');
      }
    });
  }));

for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', PHONE]]) {
  test(`on ${size}, Tab follows reading order on every screen, and focus is always visible`, opts, () =>
    withApp({ contextOptions: { viewport } }, async ({ page, baseUrl }) => {
      await forEveryScreen(page, baseUrl, async (screen) => {
        // Dialogs have their own test of where Tab goes (keyboard.test.mjs).
        if (!screen.endsWith(' dialog')) await tabThroughPage(page, screen);
      });
    }));
}
