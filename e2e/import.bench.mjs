// Benchmark (not a test): a plan of about 50 pages with a 1,000-row appendix,
// as a .docx written by the app's export, opened with «Mở tệp Word (.docx)…»
// in Chromium: from choosing the file until the import report shows (the
// first run includes fetching the import part). Asserts nothing about time.
// Run: node e2e/import.bench.mjs (needs dist/ and the native CLI in target/debug).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, recordedPage } from './harness.mjs';

const ROWS = Number(process.env.ROWS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 7);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const bin = join(ROOT, process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'kehoach');
const dir = mkdtempSync(join(tmpdir(), 'kh-bench-'));
writeFileSync(join(dir, 'plan.json'), execFileSync(bin, ['sample', String(ROWS)]));
execFileSync(bin, ['export', join(dir, 'plan.json'), '--docx', join(dir, 'plan.docx')]);

const server = await serve();
const browser = await launch();
try {
  const { page, problems } = await recordedPage(browser);
  await page.goto(server.url);
  await page.locator('.kh-gallery-wrap').waitFor();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#kh-import-word').setInputFiles(join(dir, 'plan.docx'));
    await page.locator('.kh-import-report').waitFor();
    const t1 = await page.evaluate(() => performance.now());
    times.push(t1 - t0);
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.locator('.kh-import').waitFor({ state: 'detached' });
  }
  const first = times[0];
  const rest = times.slice(1).sort((a, b) => a - b);
  console.log(`.docx import of a ${ROWS}-row plan in Chromium (file chosen → report shown): first ${first.toFixed(0)} ms (loads the import part), then median ${rest[rest.length >> 1].toFixed(0)} ms, slowest ${rest.at(-1).toFixed(0)} ms over ${rest.length} runs (includes the 30 ms pause that lets «Đang đọc…» show)`);
  const p = problems();
  if (p.length) console.log(`page problems:\n  ${p.join('\n  ')}`);
} finally {
  await browser.close();
  await server.close();
}
