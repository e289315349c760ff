// Speed harness for the editor at scale (a benchmark, not a test: it prints
// numbers and never fails on time). Release build in dist/, Chromium headless,
// a generated plan with 1000 appendix rows (`?sample=1000`, no autosave).
//
//   node e2e/perf.bench.mjs            (npm run bench:e2e)
//   ROWS=2000 KEYS=100 OPS=20 node e2e/perf.bench.mjs
//
// Every time is measured inside the page with performance.now():
//  - "dom"   = from the event until the DOM reflects it (the handler and every
//              reactive update it schedules have run: measured when a message
//              posted after them arrives);
//  - "work"  = "dom" plus a forced style recalculation and layout;
//  - "frame" = from the event until the next animation frame after the DOM
//              reflects it (includes waiting for the display's next vsync, so
//              it is never below the work and is at most ~16.7 ms above it).
import { loadavg, cpus } from 'node:os';
import { serve, launch, recordedPage } from './harness.mjs';

const ROWS = Number(process.env.ROWS ?? 1000);
const KEYS = Number(process.env.KEYS ?? 100);
const OPS = Number(process.env.OPS ?? 20);
const WARM = 5;

const TARGETS = { render: 300, key: 8, op: 8 };

const server = await serve();
const browser = await launch();
try {
  const { page, problems } = await recordedPage(browser);
  await page.goto(`${server.url}?sample=${ROWS}`);
  await page.locator('.kh-title').waitFor();
  await page.locator('[role=tab]').first().waitFor();
  await installProbes(page);

  // 1. First render of the appendix table, then re-renders (leave and come back).
  const first = await page.evaluate((rows) => window.__kh.renderTab('Phụ lục', rows), ROWS);
  const again = [];
  for (let i = 0; i < WARM; i++) {
    await page.evaluate(() => window.__kh.renderTab('Phần đầu', 0));
    again.push(await page.evaluate((rows) => window.__kh.renderTab('Phụ lục', rows), ROWS));
  }

  // 2. One typed character in a cell (a real key press through the browser),
  //    ~KEYS cells spread over the groups, text columns 1 and 5.
  const cells = [];
  const groups = Math.ceil(ROWS / 50);
  for (let i = 0; i < KEYS; i++) {
    const g = (i * 7) % groups;
    const inGroup = Math.min(50, ROWS - g * 50);
    cells.push(`f-appendices-0-groups-${g}-rows-${(i * 13) % inGroup}-cells-${i % 2 ? 5 : 1}`);
  }
  const keys = [];
  for (const id of cells) {
    await page.evaluate((id) => window.__kh.focus(id), id);
    await page.evaluate(() => window.__kh.armInput());
    await page.keyboard.type('x');
    const m = await page.evaluate((id) => window.__kh.inputDone(id), id);
    if (!m.ok) throw new Error(`the keystroke in #${id} did not reach the model: ${m.why}`);
    keys.push(m);
  }

  // 3. Toolbar "+ Chèn dòng dưới" then "Xóa dòng" on the current row.
  const adds = [];
  const dels = [];
  for (let i = 0; i < OPS; i++) {
    const g = (i * 3) % groups;
    const id = `f-appendices-0-groups-${g}-rows-0-cells-1`;
    await page.evaluate((id) => window.__kh.focus(id), id);
    adds.push(await page.evaluate(() => window.__kh.rowOp('+ Chèn dòng dưới', +1)));
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 30)));
    dels.push(await page.evaluate(() => window.__kh.rowOp('Xóa dòng', -1)));
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 30)));
  }
  const finalRows = await page.evaluate(() => window.__kh.rowCount());

  const rows = [
    ['first render of the appendix', [first], TARGETS.render, 'single'],
    [`re-render of the appendix (×${WARM})`, again, TARGETS.render],
    [`keystroke in a cell (×${keys.length})`, keys, TARGETS.key],
    [`add row (×${adds.length})`, adds, TARGETS.op],
    [`delete row (×${dels.length})`, dels, TARGETS.op],
  ];
  console.log(`\nkehoach editor, ?sample=${ROWS} (${ROWS} appendix rows), Chromium ${browser.version()}, times in ms`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (times grow with other work)\n`);
  const head = ['measure', 'dom med', 'dom p95', 'work med', 'work p95', 'frame med', 'frame p95', 'target', ''];
  const body = rows.map(([name, xs, target, single]) => {
    const d = xs.map((x) => x.dom);
    const w = xs.map((x) => x.work);
    const f = xs.map((x) => x.frame);
    const p95 = single ? w[0] : pct(w, 95);
    const two = (v) => [fmt(pct(v, 50)), single ? '—' : fmt(pct(v, 95))];
    return [name, ...two(d), ...two(w), ...two(f), `≤ ${target}`, p95 <= target ? 'ok' : 'OVER'];
  });
  printTable([head, ...body]);
  console.log(`\nfirst render: ${fmt(first.dom)} ms until ${ROWS} rows were in the DOM, ${fmt(first.work)} ms with style and layout, ${fmt(first.frame)} ms to the next frame.`);
  const late = [first, ...again, ...keys, ...adds, ...dels].filter((x) => x.waited > 0).length;
  if (late) console.log(`${late} measurement(s) were not in the DOM once the event's microtasks had run and waited for frames (their "dom" includes rendering).`);
  console.log(`keystrokes: slowest work ${fmt(Math.max(...keys.map((k) => k.work)))} ms; ${keys.filter((k) => k.flagged).length} of ${keys.length} cells flagged by a finding afterwards.`);
  console.log(`rows after the add/delete pairs: ${finalRows} (expected ${ROWS}).`);
  const p = problems();
  if (p.length) console.log(`\npage problems:\n  ${p.join('\n  ')}`);
} finally {
  await browser.close();
  await server.close();
}

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function fmt(x) {
  return Number.isFinite(x) ? x.toFixed(1) : '—';
}

function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

/** In-page helpers: all timing happens here, on the page's own clock. */
async function installProbes(page) {
  await page.evaluate(() => {
    const ROW = '.kh-table tbody tr:not(.kh-group-row)';
    const rowCount = () => document.querySelectorAll(ROW).length;
    // A message posted now arrives after every microtask queued before it
    // (Leptos runs its effects as microtasks), without waiting for a frame.
    const channel = new MessageChannel();
    const waiting = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    const afterMicrotasks = () => new Promise((ok) => { waiting.push(ok); channel.port2.postMessage(0); });
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    const layout = () => document.body.getBoundingClientRect().height + document.documentElement.scrollHeight;

    /** Wait until cond() holds (checking after microtasks, then every frame). */
    async function until(cond, t0) {
      await afterMicrotasks();
      let frames = 0;
      while (!cond()) {
        if (performance.now() - t0 > 10000) throw new Error('timed out');
        await frame();
        frames++;
      }
      return frames;
    }

    /** After the trigger at t0: time to the DOM, with layout, and to the next frame. */
    async function settle(t0, cond) {
      const waited = await until(cond, t0);
      const dom = performance.now() - t0;
      layout();
      const work = performance.now() - t0;
      await frame();
      const frameT = performance.now() - t0;
      return { dom, work, frame: frameT, waited };
    }

    let pending = null;
    document.addEventListener('input', (ev) => {
      if (!pending) return;
      const t0 = performance.now();
      const p = pending;
      pending = null;
      p.resolve({ t0, target: ev.target });
    }, { capture: true });

    window.__kh = {
      rowCount,
      async renderTab(name, rows) {
        const tab = [...document.querySelectorAll('[role=tab]')].find((b) => b.textContent.trim() === name);
        await frame();
        const t0 = performance.now();
        tab.click();
        return settle(t0, () => tab.getAttribute('aria-selected') === 'true' && (rows === 0 || rowCount() >= rows));
      },
      focus(id) {
        const el = document.getElementById(id);
        el.scrollIntoView({ block: 'center' });
        el.focus();
        el.setSelectionRange?.(el.value.length, el.value.length);
      },
      armInput() {
        let resolve;
        const started = new Promise((ok) => { resolve = ok; });
        pending = { resolve };
        window.__kh.started = started;
      },
      async inputDone(id) {
        const { t0, target } = await window.__kh.started;
        const el = document.getElementById(id);
        if (target !== el) return { ok: false, why: 'the key went to another element' };
        const want = el.value;
        // The model round-trip: the row memo re-renders the value from the document.
        const r = await settle(t0, () => el.value === want);
        const flagged = el.closest('td')?.classList.contains('kh-cell-flagged') ?? false;
        return { ok: want.endsWith('x'), why: `value «${want}»`, flagged, ...r };
      },
      async rowOp(name, delta) {
        const el = document.activeElement;
        const table = el.closest('.kh-appendix');
        const button = [...table.querySelectorAll('.kh-row-tools button')].find((b) => b.textContent.trim() === name);
        const before = rowCount();
        await frame();
        const t0 = performance.now();
        button.click();
        const r = await settle(t0, () => rowCount() === before + delta);
        // Focus follows the row (one frame later); let it land before the next op.
        await frame();
        return r;
      },
    };
  });
}
