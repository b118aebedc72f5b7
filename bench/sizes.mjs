// Transfer sizes of a build folder: raw and brotli (quality 11, 16 MB window, as `brotli -q 11`)
// per file and in total. Shared by the size budget check and the benchmark.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function brotliBytes(buffer) {
  return brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}

/** `{ files: [{ file, raw, brotli }], total: { raw, brotli } }`, files sorted by name. */
export function distSizes(dir) {
  const list = files(dir)
    .sort()
    .map((path) => {
      const body = readFileSync(path);
      return { file: relative(dir, path), raw: body.length, brotli: brotliBytes(body) };
    });
  const total = list.reduce((sum, f) => ({ raw: sum.raw + f.raw, brotli: sum.brotli + f.brotli }), { raw: 0, brotli: 0 });
  return { files: list, total };
}
