// Fails when everything in dist/ together is larger, in brotli, than bench/size-budget.json
// allows. Size is deterministic, so this runs in `make test`; lower the budget as the build
// shrinks, and never raise it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { distSizes } from '../bench/sizes.mjs';

const root = resolve(import.meta.dirname, '..');
const budget = JSON.parse(readFileSync(resolve(root, 'bench/size-budget.json'), 'utf8'));
const { total } = distSizes(resolve(root, 'dist'));
const limit = budget.dist_brotli_bytes;
const verdict = total.brotli <= limit ? 'within' : 'OVER';
console.log(`size budget: dist/ is ${total.brotli} bytes brotli, ${verdict} the budget of ${limit} (${total.raw} raw)`);
if (total.brotli > limit) {
  console.error('size budget exceeded: shrink the build (make twiggy shows what is big), or explain why not.');
  process.exit(1);
}
if (limit - total.brotli >= 1000) {
  console.log(`the build is ${limit - total.brotli} bytes under budget: lower dist_brotli_bytes in bench/size-budget.json`);
}
