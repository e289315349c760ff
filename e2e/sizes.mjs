// What the browser fetches for a first load, gzip -9 as a server would send
// it: shared by the first-load budget test and the size benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness.mjs';

/** Gzip -9 size of a file in dist/. */
export const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/**
 * The page opens (`open`) and is ready (`ready`): the dist/ files it downloaded
 * (icons aside; not those the service worker served from its cache), their
 * gzip sum, and how many files came from that cache.
 */
export async function firstLoad(page, log, open, ready) {
  log.requests.length = 0;
  log.cached.length = 0;
  await open(page);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const name = (u) => new URL(u).pathname.slice(1) || 'index.html';
  const cached = new Set(log.cached.map(name));
  const files = [...new Set(log.requests.map(name))].filter((f) => !f.endsWith('.svg') && !cached.has(f));
  return { files, total: files.reduce((s, f) => s + gz(f), 0), cached: cached.size };
}

/** A new user's first load ends on the template gallery. */
export const galleryReady = (p) => p.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor();

/** Resolves once the service worker has cached the build and controls `page`; fails after 60 s. */
export const workerReady = (page) => page.evaluate(() => Promise.race([
  (async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  })(),
  new Promise((_, fail) => setTimeout(() => fail(new Error('no service worker controls the page after 60 s')), 60000)),
]));
