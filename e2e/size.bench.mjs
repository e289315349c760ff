// Benchmark (not a test): the bytes the browser fetches, gzip -9 as a server
// would send them, for the first load of the editor and for each part loaded
// on first use. Prints the sums; the budget is first load ≤ 200 KB gzip.
// Run: node e2e/size.bench.mjs (needs the release build in dist/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, serve, launch, recordedPage } from './harness.mjs';

const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const files = (log) => [...new Set(log.requests.map((u) => new URL(u).pathname.slice(1) || 'index.html'))];
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

const server = await serve();
const browser = await launch();
try {
  // A new user (the template gallery), then a returning one: the same browser
  // reopens the page and its draft is restored, the header form first.
  const { page, context, log } = await recordedPage(browser);
  for (const [what, open, ready] of [
    ['new user (template gallery)', (p) => p.goto(server.url), (p) => p.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor()],
    ['returning user (draft restored, header tab)', (p) => p.reload(), (p) => p.getByLabel('Trích yếu').waitFor()],
  ]) {
    log.requests.length = 0;
    await open(page);
    await ready(page);
    await page.waitForLoadState('networkidle');
    const first = files(log).filter((f) => !f.endsWith('.svg'));
    const total = first.reduce((s, f) => s + gz(f), 0);
    console.log(`first load, ${what}: ${kb(total)} gzip in ${first.length} files (${first.map((f) => `${f} ${kb(gz(f))}`).join(', ')})`);
    if (what.startsWith('new')) {
      // Start a draft, so that the next visit restores it.
      await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
      await page.getByLabel('Trích yếu').fill('Kế hoạch thử');
      await page.getByText('đã lưu').waitFor();
    }
  }
  await context.close();
  const { readdirSync } = await import('node:fs');
  const parts = readdirSync(DIST).filter((f) => /^split_.*\.wasm$/.test(f));
  console.log(`parts loaded on first use: ${parts.map((f) => `${f} ${kb(gz(f))}`).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
