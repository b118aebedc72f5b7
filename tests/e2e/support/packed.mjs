// Mend's packed stored incidents (`src/persist/pack.rs`) in JavaScript, for the tests and the
// benchmark: `unpack` reads what the app stored, and `pack` stores seeded incidents as a save
// would, byte for byte (`tests/persist.rs` checks both against `v4-full-incident.packed`).
// LZ4's block format, starting from the dictionary the app packs with.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DICTIONARY = readFileSync(resolve(import.meta.dirname, '../../../src/persist/pack_dictionary.json'));
const MARK = '\u0001';
const MOST = 64 * 1024;
const MIN = 4;
const TAIL = 5;
const WINDOW = 65535;
const DEPTH = 32;
const HASH_BITS = 13;

// Rust's `wrapping_mul` on a u32: `Math.imul` keeps the product's low 32 bits too.
const hash = (src, at) =>
  Math.imul(src[at] | (src[at + 1] << 8) | (src[at + 2] << 16) | (src[at + 3] << 24), 2654435761) >>> (32 - HASH_BITS);

function length(out, n) {
  for (; n >= 255; n -= 255) out.push(255);
  out.push(n);
}

function sequence(out, src, from, to, offset, n) {
  const lit = to - from;
  const extra = n ? n - MIN : 0;
  out.push((Math.min(lit, 15) << 4) | Math.min(extra, 15));
  if (lit >= 15) length(out, lit - 15);
  for (let k = from; k < to; k += 1) out.push(src[k]);
  if (!n) return;
  out.push(offset & 255, offset >> 8);
  if (extra >= 15) length(out, extra - 15);
}

/** `text` as a save stores it: packed when that makes it fewer characters, else as it is. */
export function pack(text) {
  const input = new TextEncoder().encode(text);
  if (input.length > MOST) return text;
  const src = new Uint8Array(DICTIONARY.length + input.length);
  src.set(DICTIONARY);
  src.set(input, DICTIONARY.length);
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const prev = new Int32Array(src.length).fill(-1);
  const insert = (at) => {
    const h = hash(src, at);
    prev[at] = head[h];
    head[h] = at;
  };
  for (let at = 0; at + MIN <= DICTIONARY.length; at += 1) insert(at);
  const out = [];
  let at = DICTIONARY.length;
  let literals = at;
  while (at + MIN + TAIL <= src.length) {
    let [best, from] = [0, 0];
    let candidate = head[hash(src, at)];
    for (let d = 0; d < DEPTH && candidate >= 0 && at - candidate <= WINDOW; d += 1) {
      let n = 0;
      while (at + n < src.length - TAIL && src[candidate + n] === src[at + n]) n += 1;
      if (n > best) [best, from] = [n, candidate];
      candidate = prev[candidate];
    }
    if (best < MIN) {
      insert(at);
      at += 1;
      continue;
    }
    sequence(out, src, literals, at, at - from, best);
    for (let k = at; k < at + best; k += 1) insert(k);
    at += best;
    literals = at;
  }
  sequence(out, src, literals, src.length, 0, 0);
  if (out.length + 1 >= text.length) return text;
  return MARK + String.fromCharCode(...out);
}

/** What the app stored, as JSON text: unpacked if it is packed. */
export function unpack(stored) {
  if (!stored?.startsWith(MARK)) return stored;
  const packed = Array.from(stored.slice(1), (c) => c.charCodeAt(0));
  const out = [...DICTIONARY];
  const more = (p, n) => {
    if (n < 15) return [p, n];
    for (let b = 255; b === 255; p += 1) n += (b = packed[p]);
    return [p, n];
  };
  for (let p = 0; p < packed.length;) {
    const token = packed[p++];
    let n;
    [p, n] = more(p, token >> 4);
    for (let k = 0; k < n; k += 1) out.push(packed[p++]);
    if (p >= packed.length) break;
    const offset = packed[p] | (packed[p + 1] << 8);
    [p, n] = more(p + 2, token & 15);
    for (let k = 0, from = out.length - offset; k < n + MIN; k += 1) out.push(out[from + k]);
  }
  return new TextDecoder().decode(Uint8Array.from(out.slice(DICTIONARY.length)));
}

/** `n` letters that packing can't shorten (no run of four repeats), different for each `seed`. */
export function incompressible(n, seed = 0) {
  let state = (seed * 7919 + 1) >>> 0;
  return Array.from({ length: n }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return String.fromCharCode(97 + ((state >>> 16) % 26));
  }).join('');
}

/** A stored incident record, parsed. */
export const storedRecord = (stored) => JSON.parse(unpack(stored));
