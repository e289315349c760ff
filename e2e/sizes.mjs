// What the browser fetches for a first load, gzip -9 as a server would send
// it: shared by the first-load budget test and the size benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness.mjs';

/** Gzip -9 size of a file in dist/. */
export const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** The page opens (`open`) and is ready (`ready`): the dist/ files it fetched (icons aside) and their gzip sum. */
export async function firstLoad(page, log, open, ready) {
  log.requests.length = 0;
  await open(page);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const files = [...new Set(log.requests.map((u) => new URL(u).pathname.slice(1) || 'index.html'))].filter((f) => !f.endsWith('.svg'));
  return { files, total: files.reduce((s, f) => s + gz(f), 0) };
}

/** A new user's first load ends on the template gallery. */
export const galleryReady = (p) => p.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor();
