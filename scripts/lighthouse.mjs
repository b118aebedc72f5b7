// `make lighthouse`: Lighthouse 12.2.3 (pinned, installed under target/ on first use) against
// the release build in dist/, served as a real host serves it (brotli, hashed files cached),
// on the list and on Assess of a stored incident with every step filled, with the mobile and
// desktop presets. Prints the four scores, the paint and blocking figures, and every audit
// that does not pass. A measurement, not a test: figures vary from run to run.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, serveDist } from '../tests/e2e/support/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { TEMPLATE, benchId, seedInPage } from '../bench/seed.mjs';

const VERSION = '12.2.3';
const PREFIX = resolve(import.meta.dirname, '../target/lighthouse');
const BIN = join(PREFIX, 'node_modules/.bin/lighthouse');
const PORT = 9339;

if (!existsSync(BIN)) {
  console.log(`installing lighthouse ${VERSION} into target/lighthouse`);
  execFileSync('npm', ['install', '--prefix', PREFIX, '--no-audit', '--no-fund', `lighthouse@${VERSION}`], { stdio: 'inherit' });
}

// `node scripts/lighthouse.mjs DIR` measures another build (e.g. a copy of dist/ before a change).
const root = process.argv[2] ? resolve(process.argv[2]) : DIST;
const server = await serveDist({ compress: true, root });
const profile = mkdtempSync(join(tmpdir(), 'mend-lighthouse-'));
// The list as a first visit (Lighthouse empties the cache and storage first); Assess as a
// returning person sees it, with their incident stored and the app cached by the worker.
const screens = [
  { name: 'list, first visit', url: server.url, firstVisit: true },
  { name: 'Assess, returning', url: `${server.url}#/incident/${benchId(0)}/assess`, firstVisit: false },
];
// For the return visit, Chromium is started here, so the seeded storage is there when it looks.
const browser = spawn('/usr/bin/chromium', ['--headless=new', ...CHROMIUM_ARGS.slice(1),
  `--remote-debugging-port=${PORT}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
try {
  const cdp = await connect();
  const rows = [];
  for (const { name, url, firstVisit } of screens) {
    if (!firstVisit) {
      const page = await cdp.contexts()[0].newPage();
      await page.goto(server.url);
      await page.evaluate(seedInPage, { template: TEMPLATE, count: 1 });
      // The worker active with its precache full, as after a real first visit; closing the
      // page sooner left it installing during the measured run, or not registered at all.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.close();
    }
    for (const preset of ['mobile', 'desktop']) {
      const args = [url, '--output=json', '--quiet', '--only-categories=performance,accessibility,best-practices,seo'];
      // A first visit in a Chromium of Lighthouse's own, with a new profile; a return visit
      // in the one above, whose storage Lighthouse is told to keep.
      if (firstVisit) args.push(`--chrome-flags=--headless=new ${CHROMIUM_ARGS.slice(1).join(' ')}`);
      else args.push(`--port=${PORT}`, '--disable-storage-reset');
      if (preset === 'desktop') args.push('--preset=desktop');
      let text;
      try {
        // Not a sync call: this process serves dist/ meanwhile.
        ({ stdout: text } = await promisify(execFile)(BIN, args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } }));
      } catch (error) {
        // Lighthouse exits non-zero when some audits error (see toolchain.md); the report stands.
        text = error.stdout;
      }
      rows.push(summarise(name, preset, JSON.parse(text)));
    }
  }
  await cdp.close();
  console.log('\n| screen | preset | Perf | A11y | BP | SEO | FCP | LCP | TBT | CLS |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.preset} | ${r.scores.join(' | ')} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} |`);
  for (const r of rows) {
    if (r.failing.length) console.log(`\n${r.name}, ${r.preset}: not passing\n${r.failing.map((f) => `  - ${f}`).join('\n')}`);
  }
} finally {
  const exited = new Promise((ok) => browser.once('exit', ok));
  browser.kill();
  await exited;
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

/** Connects to the Chromium started above once its debugging port answers. */
async function connect() {
  for (let tries = 0; ; tries += 1) {
    try {
      return await chromium.connectOverCDP(`http://127.0.0.1:${PORT}`);
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

function summarise(name, preset, report) {
  const cat = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id) => report.audits[id]?.displayValue ?? 'n/a';
  const failing = Object.values(report.audits)
    .filter((a) => a.scoreDisplayMode === 'error' || (a.score !== null && a.score < 0.9 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode)))
    .map((a) => (a.scoreDisplayMode === 'error' ? `${a.title} (audit errored)` : `${a.title}${a.displayValue ? `: ${a.displayValue}` : ''}`));
  return {
    name, preset, failing,
    scores: ['performance', 'accessibility', 'best-practices', 'seo'].map(cat),
    fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
  };
}
