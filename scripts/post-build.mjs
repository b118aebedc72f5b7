#!/usr/bin/env node
// trunk post_build hook (Trunk.toml), run on the staged build in $TRUNK_STAGING_DIR before it
// becomes dist/. Also runs on an already-built folder: node scripts/post-build.mjs dist
//
// 0. Gives the wasm's imports from the glue JS short names in both files
//    (scripts/short-imports.mjs): wasm-bindgen's carry a random hash each.
//    Then minifies wasm-bindgen's glue JS and the stylesheet with esbuild, and writes the JS's
//    new sha384 into its link's integrity attribute (trunk --minify can't be used: it minifies
//    index.html's inline loader too, after which no hash of it is known here). The
//    stylesheet's comments stay in style/ for whoever reads it. The minified stylesheet then
//    goes into index.html as its one `<style>`, and its file is removed: on a phone each
//    request waits a round trip, and the shell's first paint waited for the stylesheet's
//    (under Lighthouse's mobile throttling, 1.38 s; inlined, 0.76 s). Drops the `integrity` trunk
//    puts on the wasm's `<link rel="preload" as="fetch">`: Chromium ignores it there and warns
//    so in the console at every start (crbug.com/981419), and the loader's own fetch of the
//    wasm never carried it, so it checked nothing. The glue JS's modulepreload keeps its own.
// 1. CSP: puts the sha256 of each inline script (trunk's module loader) into script-src of
//    the Content-Security-Policy meta tag, and of the inlined stylesheet into style-src, and
//    refuses any other inline style (a `style` attribute), which the policy would block.
// 2. Fails if any file names an outside address (scripts/check-addresses.mjs).
// 3. Service worker: writes the precache list (every file but sw.js) and a cache version
//    hashed from all of them into sw.js, and drops its whole-line comments.
// Every step rewrites its own output, so it can run again on a built folder (the update test
// does). Not byte for byte: esbuild renames again what it had already minified, so the glue
// JS, its integrity and the cache version change; trunk runs it once per build.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { findOutsideAddresses, listFiles } from './check-addresses.mjs';
import { shortenImports } from './short-imports.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) fail('no folder: run from trunk (TRUNK_STAGING_DIR) or pass one');

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

const sha256 = (data) => createHash('sha256').update(data);

/** The script-src sources: the fixed ones, plus one hash per inline script in `html`. */
function scriptSources(html) {
  // `trunk serve` fills its reload script in per request (the Host header), so no hash made
  // here can match it. Only that development page allows inline scripts; `trunk build` never
  // includes the reload script.
  if (html.includes('{{__TRUNK_ADDRESS__}}')) {
    console.warn("post-build: trunk serve's reload script found; script-src allows 'unsafe-inline' on this development page only");
    return "'self' 'wasm-unsafe-eval' 'unsafe-inline'";
  }
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , body]) => `'sha256-${sha256(body).digest('base64')}'`);
  return ["'self'", "'wasm-unsafe-eval'", ...inline].join(' ');
}

async function applyCsp() {
  const path = join(dir, 'index.html');
  let html = await readFile(path, 'utf8');
  const meta = /(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src )[^;"]*/;
  const styleSrc = /(<meta http-equiv="Content-Security-Policy" content="[^"]*?style-src )[^;"]*/;
  if (!meta.test(html) || !styleSrc.test(html)) fail('index.html has no Content-Security-Policy meta tag with script-src and style-src');
  // Style set from script (CSSOM, as trunk serve's reload overlay does) is allowed; markup
  // only as the stylesheet inlined above.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const tags = markup.match(/<style\b[^>]*>/gi) ?? [];
  const styles = [...markup.matchAll(/<style>([\s\S]*?)<\/style>/gi)].map(([, body]) => body);
  if (tags.length !== 1 || styles.length !== 1) fail(`index.html has ${tags.length} <style> elements, not just the inlined stylesheet`);
  if (/<[a-z][^>]*\sstyle\s*=/i.test(markup)) fail('index.html has a style attribute, which the policy blocks');
  const sources = scriptSources(html);
  html = html.replace(meta, (_, start) => start + sources);
  html = html.replace(styleSrc, (_, start) => `${start}'self' 'sha256-${sha256(styles[0]).digest('base64')}'`);
  await writeFile(path, html);
  return sources;
}

async function writeServiceWorker() {
  const path = join(dir, 'sw.js');
  let worker = await readFile(path, 'utf8').catch(() => fail('no sw.js in the build'));
  const files = (await listFiles(dir)).filter((file) => file !== 'sw.js');
  const versionLine = /^const CACHE_VERSION = '[^']*';$/m;
  const listLine = /^const PRECACHE = \[.*\];$/m;
  if (!versionLine.test(worker) || !listLine.test(worker)) fail('sw.js lacks the CACHE_VERSION or PRECACHE line');
  worker = worker.replace(listLine, `const PRECACHE = ${JSON.stringify(files)};`);
  // Its comments stay in web/sw.js for whoever reads it; whole-line ones only, so the lines
  // above are still found on a second run.
  worker = worker.replace(/^[ \t]*\/\/.*\n/gm, '');
  // The version covers every file and the worker itself, so any change makes a new cache.
  const hash = sha256(worker.replace(versionLine, ''));
  for (const file of files) hash.update(`\0${file}\0`).update(await readFile(join(dir, file)));
  const version = hash.digest('hex').slice(0, 16);
  worker = worker.replace(versionLine, `const CACHE_VERSION = '${version}';`);
  await writeFile(path, worker);
  return { version, files };
}

/** `html` with `file`'s `<link rel="stylesheet">` replaced by a `<style>` holding `code`. */
function inlineStylesheet(html, file, code) {
  const link = new RegExp(`<link rel="stylesheet" href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*>`);
  if (!link.test(html)) fail(`no <link rel="stylesheet"> for ${file} in index.html`);
  if (/<\/style/i.test(code)) fail(`${file} holds "</style", which would end its <style> early`);
  return html.replace(link, () => `<style>${code}</style>`);
}

async function minify() {
  const indexPath = join(dir, 'index.html');
  let html = await readFile(indexPath, 'utf8');
  const files = (await listFiles(dir)).filter((file) => /^[\w-]+\.(js|css)$/.test(file) && file !== 'sw.js');
  for (const file of files) {
    const path = join(dir, file);
    const options = file.endsWith('.css') ? { loader: 'css' } : { format: 'esm', target: 'es2020' };
    const { code } = await transform(await readFile(path, 'utf8'), { minify: true, ...options });
    if (file.endsWith('.css')) {
      html = inlineStylesheet(html, file, code);
      await rm(path);
      continue;
    }
    await writeFile(path, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    const link = new RegExp(`(href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]*`);
    html = html.replace(link, (_, start) => start + integrity);
  }
  html = html.replace(/<link rel="preload"[^>]*as="fetch"[^>]*>/g, (tag) => tag.replace(/ integrity="[^"]*"/, ''));
  await writeFile(indexPath, html);
  return files;
}

const shortened = await shortenImports(dir, await listFiles(dir)).catch((e) => fail(`short import names: ${e.message}`));
const minified = await minify();
const sources = await applyCsp();
const outside = await findOutsideAddresses(dir);
if (outside.length) {
  fail(`outside addresses in the build (allow-list: scripts/check-addresses.mjs):\n${outside.map((o) => `  ${o.file}: ${o.address}`).join('\n')}`);
}
const { version, files } = await writeServiceWorker();
console.log(`post-build: ${shortened} imports named short; minified ${minified.join(', ')}; script-src ${sources}; no outside addresses; sw.js caches ${files.length} files as version ${version}`);
