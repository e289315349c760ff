// The service worker of the build folder (docs/deploying.md, section 5).
//
// scripts/offline.mjs puts the build's files on the first line of the copy in
// dist/: `const FILES = {"index.html": "sha256-…", …}, VERSION = "…";`. So this
// file changes whenever any file of the build does, and the browser installs
// the new version beside the old one. A version:
//  - install: fetches every file of its build, each checked against its hash
//    (SRI), into a cache of its own; one wrong or missing file and it does not
//    install (the page keeps working from the network, as without a worker);
//  - waits while an older version serves open pages, until the page asks it to
//    take over (the banner's «tải lại», assets/offline.js): a page never mixes
//    the files of two builds, and nothing reloads by itself;
//  - activate: deletes the caches of older versions of this scope;
//  - fetch: serves the build's files from its cache; anything else (a portal's
//    own pages when the scope is wider than the build folder) goes to the network.
// frame-config.json is left out of the list: the administrator edits it after
// installing a build. It is fetched from the network, and its last good copy
// serves when offline.

const BASE = new URL('./', self.location.href).href;
const PREFIX = `kehoach ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', BASE).href;
const CONFIG = new URL('frame-config.json', BASE).href;
const KNOWN = new Set(Object.keys(FILES).map((f) => new URL(f, BASE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        Object.entries(FILES).map(
          // no-cache: revalidate with the server rather than trust a copy in
          // the HTTP cache (a 304 still costs no download).
          ([file, integrity]) => new Request(new URL(file, BASE), { integrity, cache: 'no-cache' }),
        ),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The first visit's page was loaded before this worker: take it over,
      // so the parts it loads later come from the cache (offline too).
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'kehoach:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // A query never changes which file a page is (?sample=… is read by the app).
  if (request.mode === 'navigate') url.search = '';
  let key = url.href;
  if (key === BASE && request.mode === 'navigate') key = INDEX;
  if (key === CONFIG) {
    event.respondWith(networkFirst(request));
  } else if (KNOWN.has(key)) {
    event.respondWith(cached(key, request));
  }
});

async function cached(key, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) ?? fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(CONFIG, response.clone());
    return response;
  } catch (e) {
    const copy = await cache.match(CONFIG);
    if (copy) return copy;
    throw e;
  }
}
