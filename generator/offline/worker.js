// The service worker: after a reader's first visit it keeps, for reading
// offline, the files the build listed in KEEP (the pages of the kinds
// marked Offline in generator/pages, the search index and the files those
// pages load), in a cache named by the build's content hash, VERSION.
// A deploy changes the hash, so this file's bytes change, the browser
// installs the new worker, and the new one drops every older cache.
//
// Pages and every other unhashed file come from the network first, so a
// reader online never sees a page older than the deploy; the cache
// answers only when the network fails, and for a page not kept, the
// language's offline page does. Files under /css/ and /js/ carry their
// content hash in their names and come from the cache first. Embed
// pages, and whatever they load, are left to the network untouched.

const CACHE = 'plan-site-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload': the files as the server has them now, not an HTTP cache's.
    await cache.addAll(KEEP.map((u) => new Request(u, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE && name.startsWith('plan-site-')) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

const embed = (path) => /^(\/en)?\/embed\//.test(path);
const hashed = (path) => /^\/(css|js)\//.test(path);

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || embed(url.pathname)) return;
  if (req.referrer && embed(new URL(req.referrer).pathname)) return;
  event.respondWith(hashed(url.pathname) ? cacheFirst(req) : networkFirst(req, url));
});

async function cacheFirst(req) {
  const hit = await caches.match(req, { cacheName: CACHE });
  return hit || fetch(req);
}

async function networkFirst(req, url) {
  try {
    return await fetch(req);
  } catch (err) {
    const cache = await caches.open(CACHE);
    const navigate = req.mode === 'navigate';
    // No file of the site depends on its query: the search page reads
    // ?q= in the browser, Pagefind adds ?ts= to its entry file.
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    if (navigate) {
      const page = await cache.match(url.pathname.startsWith('/en/') ? OFFLINE.en : OFFLINE.zh);
      if (page) return page;
    }
    throw err;
  }
}
