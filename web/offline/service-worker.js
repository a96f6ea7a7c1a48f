/* global self, caches, PRECACHE, VERSION */
/**
 * The phone's service worker: the app shell works without a network. Hand-written and
 * small on purpose. The build (vite.config.ts, `serviceWorker()`) writes it to `dist/sw.js`
 * with two constants in front of this text: PRECACHE, the phone page's built files (from
 * vite's bundle), and VERSION, a digest of that list, so a new build replaces the old cache.
 *
 * - `/assets/…` (content-hashed, never changed): from the cache, else the network, kept.
 * - The phone's page (`/join`, `/join/CODE`) and its catalogs (`/i18n/phone/…`): from the
 *   network, kept as the last copy; without a network, or with one that does not answer in
 *   a few seconds, the last copy. A reload on a dead Wi-Fi shows the app, its offline
 *   state and the cards still waiting in the outbox (kept in localStorage), not the
 *   browser's error page.
 * - Everything else (the API, the live stream, other pages): the network, untouched.
 */
const SHELL = `pd-shell-${VERSION}`;
const PAGES = 'pd-pages';
/** A page or catalog request the network has not answered in this long is served from the cache. */
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      await shell.addAll(PRECACHE);
      // The page that registered this worker was loaded before it existed: keep it now.
      const pages = await caches.open(PAGES);
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await Promise.all(windows.map((client) => new URL(client.url)).filter(isPhonePage).map((url) => pages.add(url.pathname).catch(() => {})));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('pd-shell-') && name !== SHELL) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (isPhonePage(url) || url.pathname.startsWith('/i18n/phone/')) {
    event.respondWith(networkThenCache(request, url.pathname));
  }
});

function isPhonePage(url) {
  return url.pathname === '/join' || /^\/join\/[A-Za-z0-9]{6}$/.test(url.pathname);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const shell = await caches.open(SHELL);
    await shell.put(request, response.clone());
  }
  return response;
}

/** The network's answer, kept; failing that (offline, or silent for NETWORK_WAIT_MS), the copy kept last time. */
async function networkThenCache(request, key) {
  const pages = await caches.open(PAGES);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok) await pages.put(key, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const response = await Promise.race([fromNetwork, timeout]);
    if (response) return response;
  } catch {
    // offline: the kept copy below
  }
  const kept = await pages.match(key);
  if (kept) return kept;
  return fromNetwork;
}
