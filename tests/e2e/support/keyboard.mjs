// Moving through Mend with the keyboard alone. Every Tab checks that a sighted keyboard user
// can see where focus is: on screen, outlined, and not covered by anything.
import assert from 'node:assert/strict';
import { eventually } from './browser.mjs';

export function isFocused(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Types `text` one `keyboard.press` at a time, as the keyboard-only walk-through must. */
export async function pressKeys(page, text) {
  for (const key of text) await page.keyboard.press(key);
}

/** The focused element, where it is, and whether its focus can be seen; null on the body. */
function focusReport(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    window.__mendTabbed ??= new WeakSet();
    const seen = window.__mendTabbed.has(el);
    window.__mendTabbed.add(el);
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent;
    return {
      name: `${el.tagName.toLowerCase()} "${(label ?? '').trim().slice(0, 40)}"`,
      seen,
      skipLink: el.classList.contains('skip-link'),
      // Page coordinates, so that scrolling between two stops doesn't matter.
      top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX,
      // Its top edge with the outline (3 px and an offset), and its first line: Chrome scrolls a
      // text area only as far as its caret.
      onScreen: r.width > 0 && r.height > 0 && r.top >= 5 && r.top + Math.min(r.height, 24) <= innerHeight - 5
        && r.left >= 0 && r.right <= innerWidth,
      uncovered: hit !== null && (hit === el || el.contains(hit)),
      // A date field's focus sits on a part inside it, so the field matches :focus-within.
      outlined: el.matches(':focus-visible, :focus-within') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

function assertVisible(report) {
  assert.ok(report, 'focus is on an element, not lost on the page');
  assert.ok(report.onScreen, `${report.name} is scrolled into view`);
  assert.ok(report.uncovered, `${report.name} is not hidden behind anything`);
  assert.ok(report.outlined, `${report.name} shows a focus outline`);
}

/** Presses Tab (or Shift+Tab) and checks the newly focused element can be seen. */
export async function tab(page, { backwards = false } = {}) {
  await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  // Checked until it holds (2 s at most): on a loaded machine the first Tab on a page just
  // drawn was once measured before the focused skip link had moved into view.
  return eventually(async () => {
    const report = await focusReport(page);
    assertVisible(report);
    return report;
  }, { timeout: 2_000 });
}

/** Tabs until `locator` has focus, checking every stop on the way. */
export async function tabTo(page, locator, { backwards = false, max = 120 } = {}) {
  const passed = [];
  for (let n = 0; n < max; n += 1) {
    const report = await tab(page, { backwards });
    if (await isFocused(locator)) return;
    passed.push(report.name);
  }
  assert.fail(`Tab never reached ${locator}; it passed ${passed.join(', ')}`);
}

/**
 * Tabs from the top of the page through every focusable element once, checking each can be
 * seen and that the order follows reading order: down the page, and left to right on a line.
 */
export async function tabThroughPage(page, screen) {
  // Tab starts from wherever focus last was, so start it from a mark at the top of the page.
  await page.evaluate(() => {
    window.__mendTabbed = new WeakSet();
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = 'tab-start';
    document.body.prepend(start);
    start.focus();
  });
  const stops = [];
  for (let n = 0; n < 400; n += 1) {
    await page.keyboard.press('Tab');
    if (n === 0) await page.evaluate(() => document.getElementById('tab-start')?.remove());
    const report = await focusReport(page);
    if (!report || report.seen) break;
    assertVisible(report);
    stops.push(report);
  }
  assert.ok(stops.length > 2, `Tab reaches the controls on ${screen}`);
  assert.ok(stops[0].skipLink, `"Skip to content" comes first on ${screen}`);
  // The skip link sits over the banner while focused, so the order is checked after it.
  const rest = stops.slice(1);
  for (let i = 1; i < rest.length; i += 1) {
    const [a, b] = [rest[i - 1], rest[i]];
    const nextLine = b.top >= a.bottom - 4;
    const sameLineOnwards = b.top < a.bottom && b.bottom > a.top && b.left >= a.right - 4;
    assert.ok(nextLine || sameLineOnwards, `on ${screen}, ${b.name} follows ${a.name} in reading order`);
  }
  return stops;
}
