// A plain static server for dist/, like any host with no rewrite rules. It can mount the app
// under a subpath (e.g. /tools/mend/) to prove the app works there, and serve a copy of dist/
// (`root`) that a test rewrites to stand for a new release. With `compress`, it serves as a
// real host does: brotli, hashed files cached for good, and the files with fixed names
// revalidated (`no-cache` with an ETag, answered by a 304 while unchanged), as the README asks
// of a host. `served` lists each request answered, in order: the file, the bytes of its body
// as sent, its status, and `worker` when the service worker asked (its script, or a request
// whose referrer is the script: the precache).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { brotliCompressSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { listFiles } from '../../../scripts/check-addresses.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export const DIST = resolve(import.meta.dirname, '../../../dist');

/**
 * A file trunk names by a hash of its content, as web/sw.js tells them apart too: trunk
 * writes its 64-bit hash in hex without leading zeros, so it can be shorter than 16 digits.
 */
export const CONTENT_NAMED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;

// Each body's brotli, made once: at quality 11 the wasm takes about 1.5 s to compress, which a
// real host (compressing once, or ahead) never adds to a request. Keyed by content, since tests
// rewrite files in a copy of dist/.
const compressed = new Map();
/** PNGs are compressed already. */
const compressible = (file) => !/\.png$/.test(file);
const digest = (body) => createHash('sha256').update(body).digest('hex');
function brotli(body, key = digest(body)) {
  if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body));
  return compressed.get(key);
}

/** Starts serving `root` (dist/) at `prefix` on 127.0.0.1 and an ephemeral port. */
export async function serveDist({ prefix = '/', root = DIST, compress = false } = {}) {
  const served = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    const worker = rel === 'sw.js' || /\/sw\.js$/.test(req.headers.referer ?? '');
    try {
      let body = await readFile(join(root, rel));
      const headers = { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (compress) {
        // One hash a request: the ETag's, and the key of the body's brotli.
        const key = digest(body);
        if (CONTENT_NAMED.test(rel)) {
          headers['cache-control'] = 'public, max-age=31536000, immutable';
        } else {
          headers['cache-control'] = 'no-cache';
          headers.etag = `W/"${key.slice(0, 16)}"`;
          if (req.headers['if-none-match'] === headers.etag) {
            served.push({ file: rel, bytes: 0, status: 304, worker });
            res.writeHead(304, { 'cache-control': headers['cache-control'], etag: headers.etag }).end();
            return;
          }
        }
        if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') && compressible(rel)) {
          body = brotli(body, key);
          headers['content-encoding'] = 'br';
          headers.vary = 'accept-encoding';
        }
      }
      served.push({ file: rel, bytes: body.length, status: 200, worker });
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  // Every file's brotli made before the first request, as a host has them ready: made on a
  // request, the wasm's held up every request behind it for about 2 s, which Lighthouse took
  // for the host's response time (the measuring scripts each had a warm-up of their own).
  if (compress) {
    for (const file of await listFiles(root)) {
      if (compressible(file)) brotli(await readFile(join(root, file)));
    }
  }
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, served, close: () => new Promise((ok) => server.close(ok)) };
}
