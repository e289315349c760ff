// Benchmark (not a test): how soon the editor accepts typing, for a new user
// and for a returning one, unthrottled and on a slow office PC and line
// (DevTools protocol: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, CPU
// 4× slower). Goals of issue 22: new user ≤ 3 s, returning user ≤ 1 s.
//
//   node e2e/offline.bench.mjs          (npm run bench:offline; RUNS=5 by default)
//   DIR=../other/dist node e2e/offline.bench.mjs   (another build, to compare)
//
// The files are served gzip -9, as by a production server (docs/deploying.md).
// Times are the page's own clock (performance.now(): 0 is the start of the
// navigation):
//  - new user, "gallery": the template gallery's «Văn bản trống» button is in
//    the document and the next task has started (seen inside the page, as
//    "ready" below); "typing": that button pressed, the first key typed in «Trích yếu»
//    reached the field (the input event);
//  - returning user: the same browser profile opens the app again; its draft is
//    restored, and the first key typed in «Trích yếu» reached the field;
//    "ready" is when the page could first take that key: «Trích yếu» is in the
//    document and the task after the one that drew it has started (seen from
//    inside the page, without the driver's round trips and actionability
//    checks, which take a few animation frames with the CPU slowed). With
//    the service worker every file comes from its cache; the row "no service
//    worker" is the same visit with workers blocked (the test server sends no
//    cache headers, so everything is downloaded again, as a server without
//    caching would make it). The new user's times with workers blocked show
//    what precaching (after the gallery is usable) costs the first clicks.
// The "typing" times include the test driver's own work: its round trips and
// its selector script, injected into the page once "gallery" or "ready" has
// been told (60–100 ms of the main thread with the CPU slowed); the driver
// waits for those two without it (see newPage). Medians and slowest of RUNS runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, launch } from './harness.mjs';
import { workerReady } from './sizes.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const SLOW = {
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  cpu: 4,
};

const DIR = process.env.DIR ?? DIST;
const withWorker = existsSync(join(DIR, 'sw.js'));
const server = await serve({ dir: DIR, gzip: true });
const browser = await launch();

/**
 * A page of `context`, throttled when `slow`, recording when the first key
 * reached a field. `page.seen(key)` resolves once the page has told, through a
 * DevTools binding, that `key` ("__gallery", "__ready") happened: the driver
 * waits for the page without Playwright's selectors, whose script, injected
 * while the app starts, took 60–100 ms of the page's main thread with the CPU
 * slowed 4× and delayed what it measured.
 */
async function newPage(context, slow) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const told = new Set();
  const waiting = new Map();
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name !== '__kehoachSeen') return;
    told.add(payload);
    waiting.get(payload)?.();
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__kehoachSeen' });
  page.seen = (key) => told.has(key) ? Promise.resolve() : new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the page did not show ${key} within 60 s`)), 60000);
    waiting.set(key, () => { clearTimeout(timer); ok(); });
  });
  await page.addInitScript(() => {
    addEventListener('input', () => { window.__typed ??= performance.now(); }, true);
    // A thing drawn, then the next task: the page is free to take a click or key.
    const after = (key) => {
      const next = new MessageChannel();
      next.port1.onmessage = () => {
        window[key] = performance.now();
        window.__kehoachSeen(key);
      };
      next.port2.postMessage(0);
    };
    new MutationObserver((_, seen) => {
      if (window.__gallery === undefined
        && [...document.querySelectorAll('button')].some((b) => b.textContent.startsWith('Văn bản trống'))) {
        window.__gallery = null;
        after('__gallery');
      }
      if (!document.getElementById('f-header-subject')) return;
      seen.disconnect();
      after('__ready');
    }).observe(document, { childList: true, subtree: true });
  });
  if (slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
  }
  return page;
}

const subject = (page) => page.getByLabel('Trích yếu');

async function typeFirstKey(page) {
  await subject(page).press('End');
  await page.keyboard.type('x');
  return page.evaluate(() => window.__typed);
}

/** One new user, then the same profile back; returns the times in ms. */
async function visit(slow, serviceWorkers) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers });
  try {
    let page = await newPage(context, slow);
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.seen('__gallery');
    const blank = page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' });
    const gallery = await page.evaluate(() => window.__gallery);
    await blank.click();
    await subject(page).waitFor();
    const typing = await typeFirstKey(page);
    await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
    if (serviceWorkers === 'allow') await workerReady(page);
    await page.close();

    page = await newPage(context, slow);
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.seen('__ready');
    const back = await typeFirstKey(page);
    const ready = await page.evaluate(() => window.__ready);
    return { gallery, typing, back, ready };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (xs) => `${(median(xs) / 1000).toFixed(2)} s (slowest ${(Math.max(...xs) / 1000).toFixed(2)} s)`;

try {
  for (const slow of [false, true]) {
    const runs = { allow: [], block: [] };
    for (let i = 0; i < RUNS; i++) {
      if (withWorker) runs.allow.push(await visit(slow, 'allow'));
      runs.block.push(await visit(slow, 'block'));
    }
    const pick = (list, key) => list.map((r) => r[key]);
    console.log(slow
      ? `throttled (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, CPU 4×), median of ${RUNS}:`
      : `unthrottled, median of ${RUNS}:`);
    if (withWorker) {
      console.log(`  new user: gallery shown ${fmt(pick(runs.allow, 'gallery'))}; typing in «Trích yếu» ${fmt(pick(runs.allow, 'typing'))} (goal ≤ 3 s)`);
    }
    console.log(`  new user, no service worker: gallery shown ${fmt(pick(runs.block, 'gallery'))}; typing ${fmt(pick(runs.block, 'typing'))}`);
    if (withWorker) console.log(`  returning user, service worker: ready ${fmt(pick(runs.allow, 'ready'))}; typing ${fmt(pick(runs.allow, 'back'))} (goal ≤ 1 s)`);
    console.log(`  returning user, no service worker, no cache headers: ready ${fmt(pick(runs.block, 'ready'))}; typing ${fmt(pick(runs.block, 'back'))}`);
  }
} finally {
  await browser.close();
  await server.close();
}
