// Benchmark (not a test): the bytes the browser fetches, gzip -9 as a server
// would send them, for the first load of the editor and for each part loaded
// on first use. Prints the sums; e2e/size.test.mjs holds the new user's first
// load to 360 KB gzip. Run: node e2e/size.bench.mjs (needs the release build in dist/).
import { DIST, serve, launch, recordedPage } from './harness.mjs';
import { firstLoad, galleryReady, gz, kb } from './sizes.mjs';

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
    const { files: first, total } = await firstLoad(page, log, open, ready);
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
