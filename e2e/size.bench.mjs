// Benchmark (not a test): the bytes the browser fetches, gzip -9 as a server
// would send them, for the first load of the editor and for each part loaded
// on first use. Prints the sums; e2e/size.test.mjs holds the new user's first
// load to 360 KB gzip. A returning user's files come from the service worker's
// cache (assets/sw.js): none is downloaded.
// Run: node e2e/size.bench.mjs (needs the release build in dist/).
import { DIST, serve, launch, recordedPage } from './harness.mjs';
import { firstLoad, galleryReady, gz, kb, workerReady } from './sizes.mjs';

const server = await serve();
const browser = await launch();
try {
  // A new user (the template gallery), then a returning one: the same browser
  // reopens the page and its draft is restored, the header form first.
  const { page, context, log } = await recordedPage(browser);
  for (const [what, open, ready] of [
    ['new user (template gallery)', (p) => p.goto(server.url), galleryReady],
    ['returning user (draft restored, header tab)', (p) => p.reload(), (p) => p.getByLabel('Trích yếu').waitFor()],
  ]) {
    const { files: first, total, cached } = await firstLoad(page, log, open, ready);
    console.log(`first load, ${what}: ${kb(total)} gzip in ${first.length} files (${first.map((f) => `${f} ${kb(gz(f))}`).join(', ')})${cached ? `; ${cached} files from the service worker's cache` : ''}`);
    if (what.startsWith('new')) {
      // Start a draft, so that the next visit restores it.
      await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
      await page.getByLabel('Trích yếu').fill('Kế hoạch thử');
      await page.getByText('đã lưu').waitFor();
      // The service worker, registered once the editor is usable, has cached the build.
      await workerReady(page);
    }
  }
  await context.close();
  const { readdirSync } = await import('node:fs');
  const parts = readdirSync(DIST).filter((f) => /^split_.*\.wasm$/.test(f));
  console.log(`parts loaded on first use: ${parts.map((f) => `${f} ${kb(gz(f))}`).join(', ')}`);
  // Downloaded in the background after the first load, and at each later visit
  // only sw.js (the browser's check for a new version).
  const all = readdirSync(DIST).filter((f) => f !== 'frame-config.json');
  console.log(`service worker: precaches ${all.length - 1} files, ${kb(all.filter((f) => f !== 'sw.js').reduce((s, f) => s + gz(f), 0))} gzip, after the first load; sw.js ${kb(gz('sw.js'))} gzip per update check`);
} finally {
  await browser.close();
  await server.close();
}
