// Realistic stored incidents for the benchmark: copies of tests/fixtures/v4-full-incident.json
// (every step filled, about 4 KB; a native test proves it is exactly what a save writes),
// each with its own id, title and dates, stored one key per incident as Mend stores them:
// packed (`seedPacked`), as every save since the store's version 5 writes them, or as the
// JSON of earlier versions (`seedInPage`), which Mend still reads.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pack } from '../tests/e2e/support/packed.mjs';

export const TEMPLATE = readFileSync(resolve(import.meta.dirname, '../tests/fixtures/v4-full-incident.json'), 'utf8').trim();
/** The template as a row of the list's index (`persist/index.rs`), pinned by a native test. */
export const LIST_ROW = readFileSync(resolve(import.meta.dirname, '../tests/fixtures/v4-full-incident.list-row.json'), 'utf8').trim();

/** The id of the `n`th benchmark incident (from 0): a valid uuid v4, in a fixed order. */
export function benchId(n) {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * Runs in the page: clears storage and writes `count` incidents made from `template`,
 * plus the schema stamp a real save leaves. Returns the bytes stored (UTF-8 JSON text).
 * With `ownChecks`, each incident's extra checks and commitments end in its number, so none
 * is shared and the pre-flight checklist gathers three items from each. With `row` (the
 * template's `LIST_ROW`) and more than 50 incidents, the list's index is written too, as the
 * app leaves it when a page is hidden.
 */
export function seedInPage({ template, count, ownChecks = false, row = null }) {
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const titles = ['Sent the invoices to the wrong client list', 'Deleted the shared planning folder',
    'Deployed on a Friday without the migration', 'Missed the contract deadline', 'Shared the payroll sheet by mistake'];
  const start = Date.parse('2024-01-01T09:00:00Z');
  const iso = (ms) => new Date(ms).toISOString();
  localStorage.clear();
  const record = JSON.parse(template);
  let bytes = 0;
  const put = (key, value) => {
    localStorage.setItem(key, value);
    bytes += new TextEncoder().encode(key + value).length;
  };
  put('mend.meta', '{"schema":4}');
  const later = ownChecks ? record.incident.steps.step_it_up : null;
  const checks = later?.extra_checks.map((c) => c.text);
  const rows = [];
  const commitments = later?.commitments.map((c) => c.what);
  for (let n = 0; n < count; n += 1) {
    const created = start + n * 7_200_000;
    const incident = record.incident;
    if (ownChecks) {
      later.extra_checks.forEach((c, k) => { c.text = `${checks[k]} (${n + 1})`; });
      later.commitments.forEach((c, k) => { c.what = `${commitments[k]} (${n + 1})`; });
    }
    incident.id = id(n);
    incident.title = `${titles[n % titles.length]} (${n + 1})`;
    incident.created_at = iso(created);
    incident.noticed_at = iso(created - 180_000);
    incident.updated_at = iso(created + 3_600_000);
    put(`mend.incident.${incident.id}`, JSON.stringify(record));
    if (row) {
      // A row is [id, title, created_at, updated_at, status, archived, untold_since, plan].
      rows.push(JSON.stringify([incident.id, incident.title, incident.created_at, incident.updated_at, ...JSON.parse(row).slice(4)]));
    }
  }
  // The app keeps one only for a store of more than 50 (`persist/index.rs`).
  if (row && count > 50) put('mend.index', `{"schema":2,"index":{"discreet":false,"rows":[${rows.join(',')}]}}`);
  return bytes;
}

/** What `seedInPage` would write, made here: a stand-in storage collects it. */
function seededEntries(options) {
  const entries = [];
  const storage = { clear() {}, setItem: (key, value) => entries.push([key, value]) };
  const saved = globalThis.localStorage;
  globalThis.localStorage = storage;
  try {
    seedInPage(options);
  } finally {
    globalThis.localStorage = saved;
  }
  return entries;
}

/**
 * `seedInPage` in `page`, each incident packed as a save packs it and the store stamped with
 * version 5, as Mend leaves a store it has saved in. Returns the bytes of what it stored as
 * JSON (UTF-8), as `seedInPage` does.
 */
export async function seedPacked(page, options) {
  const entries = seededEntries(options);
  const json = entries.reduce((sum, [key, value]) => sum + Buffer.byteLength(key + value), 0);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, entries.map(([key, value]) => [key,
    key === 'mend.meta' ? '{"schema":5}' : key.startsWith('mend.incident.') ? pack(value) : value]));
  return json;
}

/**
 * One cold start in a fresh context (nothing cached, service workers blocked), with `count`
 * incidents stored first, when given, from another tab of the app's origin (a plain 404):
 * Chromium loads all of an origin's localStorage into a tab on its first read there, so the
 * app's own tab must start with none of it loaded, as a real first open does. `others`
 * records of the template's size are stored beside them under another app's keys, which Mend
 * leaves alone. With `packed` false the incidents are stored as JSON, which builds before
 * the store's version 5 also read (`ab.mjs` compares such builds). `initScripts` run in every
 * page; once `ready(page)` resolves, `measure` is evaluated in the page and its result
 * returned.
 */
export async function freshStart(browser, url, { count, others = 0, index = true, packed = true, initScripts = [], ready, measure, rate = 1 }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    for (const script of initScripts) await context.addInitScript(script);
    const seeder = await context.newPage();
    await seeder.goto(new URL('bench-seed', url).href);
    const options = { template: TEMPLATE, count, row: index ? LIST_ROW : null };
    if (count != null) await (packed ? seedPacked(seeder, options) : seeder.evaluate(seedInPage, options));
    if (others > 0) {
      await seeder.evaluate(({ text, n }) => {
        for (let k = 0; k < n; k += 1) localStorage.setItem(`other.${k}`, text);
      }, { text: TEMPLATE, n: others });
    }
    const page = await context.newPage();
    if (rate !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url);
    await ready(page);
    return await page.evaluate(measure);
  } finally {
    await context.close();
  }
}

/** The template with `n` entries in each of Assess's lists, and Assess as its last step. */
export function bigTemplate(n) {
  const record = JSON.parse(TEMPLATE);
  const assess = record.incident.steps.assess;
  const ids = Array.from({ length: n }, (_, k) => k + 1);
  assess.key_points = ids.map((id) => ({ id, text: `Key point ${id}: the email went to 12 people at Contoso.` }));
  assess.timeline = ids.map((id) => ({ id, at: '2026-11-20T08:55:00.000Z', what: `Event ${id}: a Contoso contact replied` }));
  assess.helpers = ids.map((id) => ({ id, name: `Helper ${id}`, role: 'Finance' }));
  record.incident.last_step = 'assess';
  return JSON.stringify(record);
}

/**
 * The template with `n` entries in every list of every step (Assess's, the options, the Fix
 * checklist, the people to follow up with, the commitments and extra checks), the import's
 * limits when `n` is 2,000, and `lastStep` as its last step.
 */
export function everyListTemplate(n, lastStep = 'stop') {
  const record = JSON.parse(bigTemplate(n));
  const s = record.incident.steps;
  const many = (first, change) => Array.from({ length: n }, (_, k) => change({ ...first, id: k + 1 }, k + 1));
  s.solutions.options = many(s.solutions.options[0], (o, id) => ({ ...o, title: `Option ${id}` }));
  s.fix.items = many(s.fix.items[1], (o, id) => ({ ...o, what: `Item ${id}` }));
  s.follow_up.people = many(s.follow_up.people[0], (o, id) => ({ ...o, name: `Person ${id}` }));
  s.step_it_up.commitments = many(s.step_it_up.commitments[0], (o, id) => ({ ...o, what: `Commitment ${id}` }));
  s.step_it_up.extra_checks = many(s.step_it_up.extra_checks[0], (o, id) => ({ ...o, text: `Check ${id}` }));
  record.incident.last_step = lastStep;
  return JSON.stringify(record);
}

/**
 * The same `count` incidents as one Export all file (`persist/backup.rs`), for measuring
 * import: `{"format":"mend-backup","schema":4,"exported_at":…,"incidents":[…],"unreadable":[]}`.
 */
export function backupFileText(count) {
  const records = seededEntries({ template: TEMPLATE, count }).map(([, value]) => JSON.parse(value));
  const stored = records.filter((r) => r.incident);
  const incidents = stored.map((r) => r.incident);
  // The schema the records are in, as Mend's own export says (it once said 2 for these
  // schema-4 records, so every bench import ran the migrations).
  return JSON.stringify({ format: 'mend-backup', schema: stored[0]?.schema, exported_at: new Date().toISOString(), incidents, unreadable: [] });
}
