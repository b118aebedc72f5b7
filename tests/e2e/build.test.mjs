// The shipped build: the wasm's imports from the glue JS carry short names in both files
// (scripts/short-imports.mjs), and shortening a build again changes nothing. Every other test
// here starts the app from the same files, so a name the two files disagreed on would fail
// them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './support/server.mjs';
import { renameImports, shortenImports, shortName } from '../../scripts/short-imports.mjs';

async function builtPair() {
  const files = await readdir(DIST);
  const wasm = files.find((file) => file.endsWith('_bg.wasm'));
  return { files, wasm, js: wasm.replace(/_bg\.wasm$/, '.js') };
}

/** Every import of a wasm module, as [module, field]. */
function importsOf(wasm) {
  const found = [];
  renameImports(wasm, (module, field) => {
    found.push([module, field]);
    return [module, field];
  });
  return found;
}

test('the wasm imports its glue under short names, and the glue names each once', async () => {
  const { wasm, js } = await builtPair();
  const imports = importsOf(await readFile(join(DIST, wasm)));
  const glue = await readFile(join(DIST, js), 'utf8');
  assert.ok(imports.length > 100, `the app imports ${imports.length} functions`);
  const fields = [...new Set(imports.map(([, field]) => field))];
  assert.deepEqual(new Set(imports.map(([module]) => module)), new Set(['a']));
  assert.deepEqual(fields, fields.map((_, n) => shortName(n)), 'named a, b, … in the order they are imported');
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/, 'no hashed wasm-bindgen name is left in the glue');
  assert.doesNotMatch(glue, /mend_bg\.js/);
  // The last import's key in the glue's import object, as esbuild writes it.
  assert.match(glue, new RegExp(`[{,]${fields.at(-1)}:`));
});

test('shortening a build that is already short leaves its files as they are', async () => {
  const { files, wasm, js } = await builtPair();
  const dir = await mkdtemp(join(tmpdir(), 'mend-short-'));
  try {
    for (const file of [wasm, js]) await cp(join(DIST, file), join(dir, file));
    assert.equal(await shortenImports(dir, files), 0);
    for (const file of [wasm, js]) {
      assert.ok((await readFile(join(dir, file))).equals(await readFile(join(DIST, file))), `${file} unchanged`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('short names run a to z, then aa, ab and on', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(shortName), ['a', 'b', 'z', 'aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
});
