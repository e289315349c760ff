// Benchmark (not a test): a plan with a 1,000-row appendix exported to .docx in
// Chromium, from the click on «Tải .docx» until the download starts. Prints the
// median and the slowest of several runs; asserts nothing about time.
// Run: node e2e/export.bench.mjs (needs the release build in dist/).
import { serve, launch, recordedPage } from './harness.mjs';

const ROWS = Number(process.env.ROWS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 7);
const server = await serve();
const browser = await launch();
try {
  const { page, problems } = await recordedPage(browser, { acceptDownloads: true });
  await page.goto(`${server.url}?sample=${ROWS}`);
  await page.locator('#kh-export-docx').waitFor();
  const times = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const download = page.waitForEvent('download');
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#kh-export-docx').click();
    const d = await download;
    const t1 = await page.evaluate(() => performance.now());
    times.push(t1 - t0);
    size = (await import('node:fs')).statSync(await d.path()).size;
  }
  times.sort((a, b) => a - b);
  console.log(`.docx of a ${ROWS}-row plan in Chromium: median ${times[times.length >> 1].toFixed(1)} ms, slowest ${times.at(-1).toFixed(1)} ms over ${RUNS} runs (click to download, includes the round trips of the test driver); file ${(size / 1024).toFixed(0)} KiB`);
  const p = problems();
  if (p.length) console.log(`page problems:\n  ${p.join('\n  ')}`);
} finally {
  await browser.close();
  await server.close();
}
