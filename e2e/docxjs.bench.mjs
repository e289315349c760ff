// Benchmark (not a test): the .docx export beside docx.js (issue 21: "≤ 0.5×
// docx.js, measured side by side"). In one Chromium page holding a plan with a
// 1,000-row appendix, each is timed the same way, from a click until the
// download starts: the app's «Tải .docx», and a button that builds the same
// paragraphs and table with docx.js 9 (npm `docx`, from node_modules, served
// from the page's own origin) and packs them. docx.js gets the content ready
// made (read from the app's print preview before the clock starts), so its
// figure is only building and packing the file.
// Run: node e2e/docxjs.bench.mjs (needs the release build in dist/).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serve, launch, recordedPage } from './harness.mjs';

const ROWS = Number(process.env.ROWS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 7);
const DOCX_JS = join(ROOT, 'node_modules/docx/dist/index.iife.js');

/** Median and slowest of `times`, and the size of the last file. */
const summary = (name, times, size) => {
  const t = [...times].sort((a, b) => a - b);
  return `${name.padEnd(8)} median ${t[t.length >> 1].toFixed(1)} ms, slowest ${t.at(-1).toFixed(1)} ms, file ${(size / 1024).toFixed(0)} KiB`;
};

/** Time `RUNS` downloads started by clicking `selector`. */
async function timeDownloads(page, selector) {
  const times = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const download = page.waitForEvent('download');
    const t0 = await page.evaluate(() => performance.now());
    await page.locator(selector).click();
    const d = await download;
    times.push((await page.evaluate(() => performance.now())) - t0);
    size = statSync(await d.path()).size;
  }
  return { times, size };
}

const server = await serve();
const browser = await launch();
try {
  const { page, problems } = await recordedPage(browser, { acceptDownloads: true });
  await page.route('**/__bench/docx.iife.js', (route) =>
    route.fulfill({ body: readFileSync(DOCX_JS), contentType: 'text/javascript' }),
  );
  await page.goto(`${server.url}?sample=${ROWS}`);
  await page.locator('#kh-export-docx').waitFor();
  // The content, as printed: paragraphs (bold, centred) and tables of cell texts.
  await page.getByRole('tab', { name: 'Xem trước', exact: true }).click();
  await page.locator('#kh-paper p').first().waitFor();
  await page.addScriptTag({ url: '/__bench/docx.iife.js' });
  const blocks = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('#kh-paper p, #kh-paper table')) {
      if (el.parentElement.closest('table')) continue; // a cell's paragraph: read with its table
      if (el.tagName === 'TABLE') {
        out.push({ rows: [...el.rows].map((r) => [...r.cells].map((c) => c.innerText)) });
      } else if (el.tagName === 'P') {
        const s = getComputedStyle(el);
        out.push({ text: el.innerText, bold: Number(s.fontWeight) >= 600, center: s.textAlign === 'center' });
      }
    }
    return out;
  });
  const rows = blocks.filter((b) => b.rows).reduce((n, b) => n + b.rows.length, 0);
  await page.evaluate((blocks) => {
    const d = window.docx;
    const run = (text, bold) => new d.TextRun({ text, bold, font: 'Times New Roman', size: 28 });
    const children = blocks.map((b) =>
      b.rows
        ? new d.Table({
            rows: b.rows.map((r, i) => new d.TableRow({
              tableHeader: i === 0,
              children: r.map((c) => new d.TableCell({ children: [new d.Paragraph({ children: [run(c, i === 0)] })] })),
            })),
          })
        : new d.Paragraph({ children: [run(b.text, b.bold)], alignment: b.center ? d.AlignmentType.CENTER : undefined }),
    );
    const button = document.createElement('button');
    button.id = 'bench-docxjs';
    button.textContent = 'docx.js';
    button.addEventListener('click', async () => {
      const doc = new d.Document({ sections: [{ children }] });
      const blob = await d.Packer.toBlob(doc);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'docxjs.docx';
      a.click();
    });
    document.body.append(button);
  }, blocks);
  const ours = await timeDownloads(page, '#kh-export-docx');
  const theirs = await timeDownloads(page, '#bench-docxjs');
  console.log(`a plan with a ${ROWS}-row appendix: ${blocks.length} blocks, ${rows} table rows, in Chromium (click to download, ${RUNS} runs each, one page)`);
  console.log(summary('kehoach', ours.times, ours.size));
  console.log(summary('docx.js', theirs.times, theirs.size));
  const median = (t) => [...t].sort((a, b) => a - b)[t.length >> 1];
  console.log(`ratio kehoach / docx.js: ${(median(ours.times) / median(theirs.times)).toFixed(2)} (goal ≤ 0.5)`);
  const p = problems();
  if (p.length) console.log(`page problems:\n  ${p.join('\n  ')}`);
} finally {
  await browser.close();
  await server.close();
}
