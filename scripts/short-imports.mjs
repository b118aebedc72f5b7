// Gives the wasm's imports from wasm-bindgen's glue JS short names ("a", "b", … "hi"), in
// the wasm and in the glue alike. wasm-bindgen names each import after the API it wraps plus a
// 16-digit hash (`__wbg_getItem_5b6d0aafd85e7ffb`), so that crates linked together can't
// clash; once linked, a name is only the key that joins the two files shipped together, and
// its random hex compressed to about 5.5 kB of brotli across them. Run by post-build.mjs
// before the glue is minified and its integrity taken. Also runs on an already-built folder:
// a wasm whose imports are already short is left as it is.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** wasm-bindgen's module name for the glue's imports, and what it becomes. */
const GLUE = './mend_bg.js';
const SHORT_GLUE = 'a';

/** The `n`th short name: a … z, aa … zz, … */
export function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let name = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) name = letters[i % 26] + name;
  return name;
}

function leb128(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

function reader(bytes, at) {
  const r = {
    at,
    u32() {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bytes[r.at++];
        value |= (byte & 0x7f) << shift;
        if (!(byte & 0x80)) return value >>> 0;
      }
    },
    name() {
      const length = r.u32();
      const text = bytes.subarray(r.at, r.at + length).toString('utf8');
      r.at += length;
      return text;
    },
  };
  return r;
}

/**
 * The wasm with its import section rewritten through `rename(module, field)`, which returns
 * the new `[module, field]`; every other byte as it was.
 */
export function renameImports(wasm, rename) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  const r = reader(wasm, 8);
  while (r.at < wasm.length) {
    const start = r.at;
    const id = wasm[r.at++];
    const size = r.u32();
    const end = r.at + size;
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      r.at = end;
      continue;
    }
    const count = r.u32();
    const entries = [leb128(count)];
    for (let i = 0; i < count; i += 1) {
      const [module, field] = rename(r.name(), r.name());
      const described = r.at;
      const kind = wasm[r.at++];
      if (kind === 0) r.u32(); // a function: its type index
      else if (kind === 1) { r.at += 1; if (wasm[r.at++] & 1) { r.u32(); } r.u32(); } // a table: type, limits
      else if (kind === 2) { if (wasm[r.at++] & 1) { r.u32(); } r.u32(); } // a memory: limits
      else if (kind === 3) r.at += 2; // a global: type, mutability
      else throw new Error(`import ${i} is of an unknown kind (${kind})`);
      for (const text of [module, field]) entries.push(leb128(Buffer.byteLength(text)), Buffer.from(text));
      entries.push(wasm.subarray(described, r.at));
    }
    if (r.at !== end) throw new Error('the import section ends where it should not');
    const section = Buffer.concat(entries);
    parts.push(Buffer.from([2]), leb128(section.length), section);
  }
  return Buffer.concat(parts);
}

/** Each name in `renamed` (a Map of old to new) replaced in the glue, where it must stand once. */
export function renameInGlue(js, renamed) {
  let out = js;
  for (const [from, to] of renamed) {
    const found = out.split(from).length - 1;
    if (found !== 1) throw new Error(`the glue names ${from} ${found} times, not once`);
    out = out.replace(from, to);
  }
  return out;
}

/** Shortens the imports of the wasm and glue JS in `dir`. Returns how many were renamed. */
export async function shortenImports(dir, files) {
  const wasmFile = files.find((file) => file.endsWith('_bg.wasm'));
  const jsFile = wasmFile && files.find((file) => file === wasmFile.replace(/_bg\.wasm$/, '.js'));
  if (!jsFile) throw new Error('no wasm and glue JS pair in the build');
  const wasm = await readFile(join(dir, wasmFile));
  const renamed = new Map();
  let already = false;
  const out = renameImports(wasm, (module, field) => {
    if (module === SHORT_GLUE) already = true;
    if (module !== GLUE) return [module, field];
    if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
    return [SHORT_GLUE, renamed.get(field)];
  });
  if (renamed.size === 0) {
    if (already) return 0;
    throw new Error(`the wasm imports nothing from ${GLUE}`);
  }
  // The module's key in the glue's import object is quoted; the fields are plain keys.
  const js = renameInGlue(await readFile(join(dir, jsFile), 'utf8'), new Map([[`"${GLUE}"`, SHORT_GLUE], ...renamed]));
  await writeFile(join(dir, wasmFile), out);
  await writeFile(join(dir, jsFile), js);
  return renamed.size;
}
