#!/usr/bin/env node
// Fails when a built file names an outside address (http:// or https://), so nothing in
// dist/ can quietly point the app at another server. Run by scripts/post-build.mjs on every
// build; also usable on its own: node scripts/check-addresses.mjs dist
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Addresses that are names, not places the app ever contacts. Exact matches only. */
export const ALLOWED = new Map([
  ['http://www.w3.org/2000/svg', "the SVG namespace, in the charts' drawing code (wasm)"],
  [
    'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/typeof#description',
    "a comment in wasm-bindgen's generated JS",
  ],
]);

// Ends at a control byte too: in the wasm a NUL often parts one string from the next.
const ADDRESS = /https?:\/\/[^\s"'`<>()\\\x00-\x1f\x7f]+/g;

/**
 * The wasm packs its strings end to end, so an allowed address there runs straight into the
 * next strings (the SVG namespace, once Mend draws charts: "…/2000/svgprogress…", or
 * "…/2000/svgtextarea…aria-current…" as the packing changes). That is still the allowed
 * address when only letters, digits and hyphens (tag and attribute names) follow, up to a
 * byte that can't be in an address.
 */
function packedInWasm(file, address) {
  if (!file.endsWith('.wasm')) return false;
  return [...ALLOWED.keys()].some((allowed) =>
    address.startsWith(allowed) && /^[A-Za-z0-9-]*(?:[^\x21-\x7e]|$)/.test(address.slice(allowed.length)));
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'))
    .sort();
}

/** `[{ file, address }]` for each address in `dir` that is not allowed. Binary files too. */
export async function findOutsideAddresses(dir) {
  const found = [];
  for (const file of await listFiles(dir)) {
    const text = (await readFile(join(dir, file))).toString('latin1');
    for (const [address] of text.matchAll(ADDRESS)) {
      if (!ALLOWED.has(address) && !packedInWasm(file, address)) found.push({ file, address });
    }
  }
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist';
  const found = await findOutsideAddresses(dir);
  for (const { file, address } of found) console.error(`outside address in ${file}: ${address}`);
  if (found.length) {
    console.error('Mend must not name other servers. Remove it, or add it to ALLOWED in scripts/check-addresses.mjs with the reason it is never contacted.');
    process.exit(1);
  }
  console.log(`no outside addresses in ${dir}/`);
}
