// Mend's service worker: serves the app from one versioned cache, so it works offline and a
// tab never mixes files of two versions.
//
// scripts/post-build.mjs fills in CACHE_VERSION and PRECACHE at build time (never by hand):
// the list is every file in dist/, the version a hash of all of them.
//
// Updates: a new worker installs its own cache and then waits. It takes over only when the
// app asks (the user pressed Reload, see src/browser/service_worker.rs) or when no tab uses
// the old version any more; only then are old caches deleted.
const CACHE_VERSION = 'development';
const PRECACHE = [];

// Several copies of Mend may live on one origin under different paths; each keeps its own.
const CACHE_PREFIX = `mend:${new URL('./', self.location).pathname}:`;
const CACHE = CACHE_PREFIX + CACHE_VERSION;
const INDEX = new URL('./index.html', self.location).href;
const SCOPE = new URL('./', self.location).href;

// A file trunk named by its content's hash may come from the HTTP cache, so a first visit
// downloads the app once; the rest are checked with the host first (`no-cache`), so the
// precache holds this build's: a copy the page's own load left in the HTTP cache comes back
// as a 304 where the host gives a validator, and is fetched whole where it doesn't.
// trunk writes its 64-bit hash in hex without leading zeros: 16 digits, or fewer in one build
// of 16. At least 8 keeps fixed names such as icon-512.png out.
const CONTENT_NAMED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;
const fetchMode = (file) => (CONTENT_NAMED.test(file) ? 'default' : 'no-cache');

// index.html is asked for at the scope's own address, where the page that registered this
// worker was loaded, so the host can answer from the copy that load left in the HTTP cache (a
// 304) instead of sending it again. A host whose folder address gives no page of its own, or
// only by redirecting, is asked for index.html by name.
const fetchIndex = () =>
  fetch(new Request(SCOPE, { cache: 'no-cache' }))
    .then((response) => (response.ok && !response.redirected ? response : fetch(new Request(INDEX, { cache: 'no-cache' }))))
    .then((response) => {
      if (!response.ok) throw new TypeError(`index.html: ${response.status}`);
      return response;
    });

self.addEventListener('install', (event) => {
  // No skipWaiting here: open tabs keep the version they started with. The page is fetched
  // before anything is stored and stored after the rest, which addAll writes all or nothing.
  const rest = PRECACHE.filter((file) => file !== 'index.html');
  event.waitUntil(
    Promise.all([caches.open(CACHE), fetchIndex()]).then(([cache, index]) =>
      cache
        .addAll(rest.map((file) => new Request(new URL(file, self.location), { cache: fetchMode(file) })))
        .then(() => cache.put(INDEX, index)),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  // Every screen lives in the URL fragment, so the one page is index.html.
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  const key = request.mode === 'navigate' && (url.href === SCOPE || url.href === INDEX) ? INDEX : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, { ignoreSearch: true }).then((hit) => hit ?? fetch(request)),
    ),
  );
});
