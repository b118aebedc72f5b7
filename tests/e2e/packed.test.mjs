// The tests' and the benchmark's packer (support/packed.mjs) against the app's: both pack the
// benchmark's incident into the very text a save stores (tests/persist.rs checks the app's
// side against the same fixture), so the benchmark stores what a save would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pack, unpack } from './support/packed.mjs';
import { TEMPLATE } from '../../bench/seed.mjs';

const PACKED = readFileSync(resolve(import.meta.dirname, '../fixtures/v4-full-incident.packed'), 'utf8');

test('the benchmark\'s incident packs as a save packs it, and unpacks as it was', () => {
  assert.equal(pack(TEMPLATE), PACKED);
  assert.equal(unpack(PACKED), TEMPLATE);
  assert.ok(PACKED.length * 2 < TEMPLATE.length, `${PACKED.length} of ${TEMPLATE.length}`);
});

test('JSON is read as it is, and a text too short to gain is stored as it is', () => {
  assert.equal(unpack('{"schema":4}'), '{"schema":4}');
  assert.equal(pack('{"a":1}'), '{"a":1}');
});
