// The passphrase lock's figures for `make bench` (issue 21): with `count` incidents stored,
// the lock is turned on through Settings, then timed: unlocking after a reload (from the
// Unlock click until the list is drawn: PBKDF2, unwrapping the key, opening every record,
// loading), and one keystroke until its sealed record is in localStorage, beside the same
// keystroke with the lock off. Both keystroke figures include the 250 ms save debounce.
import { benchId, seedInPage, TEMPLATE } from './seed.mjs';
import { markAfter, observeTimings } from './page-timing.mjs';

export const PASSPHRASE = 'bench harbour lantern seven';

/**
 * The lock's incidents: the benchmark's, filled up to Fix (about 3.3 KB). 1,000 of the full
 * 4.8 KB ones fill 4.8 M of Chromium's 5 M units, and sealed (a third larger) they no longer
 * fit: turning the lock on refuses, as it should, and there would be nothing to time.
 */
const LOCK_TEMPLATE = (() => {
  const record = JSON.parse(TEMPLATE);
  delete record.incident.steps.follow_up;
  delete record.incident.steps.step_it_up;
  return JSON.stringify(record);
})();

/** In the page: types one character into `selector` and waits for the incident's record to be written. */
async function keyUntilWritten({ selector, key }) {
  const writes = () => window.__bench.writes.filter((w) => w === key).length;
  const before = writes();
  const field = document.querySelector(selector);
  field.focus();
  field.value += 'x';
  const start = performance.now();
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
  const end = start + 10_000;
  while (writes() === before) {
    if (performance.now() > end) throw new Error(`${key} was not written; writes: ${window.__bench.writes.slice(-5).join(", ")}; value ${field.value.slice(-20)}; ${document.querySelector("[role=alert]")?.textContent}`);
    await new Promise((ok) => setTimeout(ok, 1));
  }
  return performance.now() - start;
}

/**
 * In the page: types the passphrase, clicks Unlock, and returns the ms until the list is
 * drawn, and the longest main-thread task from the click until its first page is all drawn
 * (Long Tasks API: 0 when none is over 50 ms).
 */
async function unlockUntilList({ passphrase }) {
  const field = document.querySelector('#unlock-passphrase');
  field.value = passphrase;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  document.querySelector('main form button[type="submit"]').click();
  const end = start + 60_000;
  const after = (name) => performance.getEntriesByName(name, 'mark').find((m) => m.startTime >= start);
  while (!after('mend:list-full')) {
    if (performance.now() > end) throw new Error('the list never came after Unlock');
    await new Promise((ok) => setTimeout(ok, 5));
  }
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50))));
  tasks.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return { ms: after('mend:list-ready').startTime - start, longest: Math.max(0, ...tasks) };
}

/** Keystrokes until written, `times` of them, in the incident open at Assess. */
async function keystrokes(page, id, times) {
  const out = [];
  for (let i = 0; i < times; i += 1) {
    out.push(await page.evaluate(keyUntilWritten, { selector: '#what-happened', key: `mend.incident.${id}` }));
    await page.waitForTimeout(100);
  }
  return out;
}

/** One round at `count` stored incidents: `{ turnOn, unlock, unlockTask, keyPlain, keyLocked }` in ms. */
export async function lockRound(browser, url, count, keys) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(observeTimings);
  const page = await context.newPage();
  try {
    await page.goto(new URL('bench-seed', url).href);
    await page.evaluate(seedInPage, { template: LOCK_TEMPLATE, count });
    const id = benchId(count - 1);
    await page.goto(`${url}#/incident/${id}/assess`);
    await page.locator('#what-happened').waitFor();
    const keyPlain = await keystrokes(page, id, keys);

    await page.evaluate(() => { location.hash = '#/settings'; });
    const section = page.getByRole('region', { name: 'Lock with a passphrase' });
    await section.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await section.getByLabel('Repeat the passphrase', { exact: true }).fill(PASSPHRASE);
    const started = Date.now();
    await section.getByRole('button', { name: 'Turn on the lock' }).click();
    const refused = section.getByRole('alert').filter({ hasText: /\S/ });
    await section.getByRole('status').filter({ hasText: 'The lock is on' }).or(refused).waitFor({ timeout: 120_000 });
    const turnOn = Date.now() - started;
    if (await refused.count()) throw new Error(`turning the lock on with ${count} incidents: ${await refused.textContent()}`);

    await page.goto(url);
    await page.locator('#unlock-passphrase').waitFor();
    const { ms: unlock, longest: unlockTask } = await page.evaluate(unlockUntilList, { passphrase: PASSPHRASE });
    await page.evaluate(() => { location.hash = `#/incident/${document.querySelector('ul.incident-list a').getAttribute('href').split('/')[2]}/assess`; });
    await page.locator('#what-happened').waitFor();
    const openId = await page.evaluate(() => location.hash.split('/')[2]);
    const keyLocked = await keystrokes(page, openId, keys);
    await page.evaluate(markAfter, { name: 'mend:step-ready' });
    return { turnOn, unlock, unlockTask, keyPlain, keyLocked };
  } finally {
    await context.close();
  }
}
