// How the editor answers on the largest plan its limits allow (a benchmark,
// not a test: it prints numbers and never fails on time). Release build in
// dist/, Chromium headless. The plan (e2e/bigplan.mjs) has every count at its
// limit (3,000 body parts, 5,000 rows, 200 agencies) and text up to the limit
// of 4 MB; it is imported through the file picker as a person would.
//
//   node e2e/limits.bench.mjs          (npm run bench:limits)
//   ROUNDS=3 node e2e/limits.bench.mjs
//   ROWS=2000 AGENCIES=200 NODES=3000 node e2e/limits.bench.mjs   (try other limits)
//
// For each tab: the time from the click until its content is in the page, and
// the longest task the browser ran from the click until it was quiet again
// (PerformanceObserver 'longtask': tasks over 50 ms). Target: no task over 200 ms.
// Then three characters typed into a field of «Phần đầu» and of «Nội dung».
import { loadavg, cpus } from 'node:os';
import { serve, launch, recordedPage } from './harness.mjs';
import { largestPlan, textBytes } from './bigplan.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const TARGET = 200;

/** Tabs and what shows each one is drawn. */
export const TABS = [
  ['Phần đầu', '#kh-sec-header #f-header-subject'],
  ['Nội dung', '#kh-sec-body .kh-node textarea'],
  ['Phụ lục', '.kh-table tr.kh-data-row'],
  ['Cơ quan', '#kh-sec-agencies tbody tr input'],
  ['Nơi nhận, chữ ký', '#kh-sec-signature'],
  ['Cấp trên, thời hạn', '#kh-sec-cascade'],
  ['Xem trước', '#kh-paper p'],
];

/** Record every long task of the page from its start. */
export async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Do `act`, wait for `selector`, then until no long task for `quietMs`; the timings. */
export async function timed(page, act, selector, quietMs = 600) {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  await page.locator(selector).first().waitFor({ timeout: 120000 });
  const shown = await page.evaluate(() => performance.now());
  for (;;) {
    const last = await page.evaluate(() => Math.max(0, ...window.__long.map((l) => l.start + l.duration)));
    const now = await page.evaluate(() => performance.now());
    if (now - Math.max(last, shown) >= quietMs) break;
    await page.waitForTimeout(100);
  }
  const tasks = await page.evaluate((t0) => window.__long.filter((l) => l.start + l.duration >= t0).map((l) => l.duration), t0);
  return { shown: shown - t0, longest: Math.max(0, ...tasks), tasks: tasks.length, busy: tasks.reduce((a, b) => a + b, 0) };
}

/** Open the largest plan in a fresh page through the file picker. */
export async function openLargest(browser, url, json) {
  const rec = await recordedPage(browser);
  await watchLongTasks(rec.page);
  await rec.page.goto(url);
  await rec.page.locator('.kh-title').waitFor();
  await rec.page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await rec.page.getByRole('tab', { name: 'Nội dung', exact: true }).waitFor();
  // The file is made in the page first: Playwright's setInputFiles builds it
  // in one task of ~0.7 s that is the harness's, not the app's.
  await rec.page.evaluate((text) => { window.__file = new File([text], 'lon-nhat.json', { type: 'application/json' }); }, json);
  await rec.page.waitForTimeout(1000);
  const pick = () => rec.page.locator('#kh-import').evaluate((input) => {
    const files = new DataTransfer();
    files.items.add(window.__file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const result = await timed(rec.page, pick, '.kh-status-msg:has-text("Đã mở"), .kh-status-msg:has-text("Không lưu được")');
  return { ...rec, result };
}

const fmt = (r) => `shown ${r.shown.toFixed(0).padStart(5)} ms · longest task ${r.longest.toFixed(0).padStart(4)} ms · ${String(r.tasks).padStart(2)} long tasks, ${r.busy.toFixed(0)} ms`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const counts = Object.fromEntries([['rows', 'ROWS'], ['agencies', 'AGENCIES'], ['nodes', 'NODES']]
    .filter(([, env]) => process.env[env]).map(([k, env]) => [k, Number(process.env[env])]));
  const doc = largestPlan(counts);
  const json = JSON.stringify(doc, null, 2);
  console.log(`largest plan: ${(Buffer.byteLength(json) / 1048576).toFixed(2)} MB JSON, text ${(textBytes(doc) / 1048576).toFixed(2)} MB`);
  console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const server = await serve();
  const browser = await launch();
  let worst = 0;
  try {
    const { page, problems, result } = await openLargest(browser, server.url, json);
    console.log(`${'import'.padEnd(20)} ${fmt(result)}`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, selector] of TABS) {
        const r = await timed(page, () => page.getByRole('tab', { name, exact: true }).click(), selector);
        worst = Math.max(worst, r.longest);
        console.log(`${`${name} (${round})`.padEnd(20)} ${fmt(r)}`);
      }
    }
    // Typing: three characters in a field of «Phần đầu» and of «Nội dung».
    for (const [name, selector] of [TABS[0], TABS[1]]) {
      await page.getByRole('tab', { name, exact: true }).click();
      const box = page.locator(selector).first();
      await box.waitFor();
      await page.waitForTimeout(2000);
      await box.click();
      await page.keyboard.press('End');
      const r = await timed(page, () => page.keyboard.type('abc', { delay: 30 }), selector);
      console.log(`${`typing in ${name}`.padEnd(20)} ${fmt(r)}`);
    }
    const p = problems().filter((x) => !/longtask/.test(x));
    if (p.length) console.log('page problems:', p.slice(0, 5));
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`longest task on a tab switch: ${worst.toFixed(0)} ms (target ≤ ${TARGET} ms): ${worst <= TARGET ? 'met' : 'NOT met'}`);
}
