// Offline-first (issue 22): the service worker (assets/sw.js) caches every file
// of the build after a first visit, the app then opens, edits, checks, exports
// and lists drafts with no network; a new deployment is announced by a banner
// and loaded only when the person presses it, keeping the draft; embedded, the
// worker is off unless the portal asks; the build's scripts carry integrity
// hashes the browser enforces; the app is installable.
//
// Each test serves its own copy of dist/ (a "deployment" it may change or stop).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, serve, launch, recordedPage } from './harness.mjs';
import { workerReady } from './sizes.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SUBJECT = 'Triển khai chuyển đổi số ở phường năm 2026';
const BLANK = 'Văn bản trống (không dùng mẫu)';

let browser;
const temporary = [];
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const d of temporary) rmSync(d, { recursive: true, force: true });
});

/** A copy of dist/ under `sub` of a new temporary folder, and that folder. */
function deployment(sub = '') {
  const site = mkdtempSync(join(tmpdir(), 'kehoach-offline-'));
  temporary.push(site);
  cpSync(DIST, join(site, sub), { recursive: true });
  return { site, dir: join(site, sub) };
}

async function served(options) {
  const server = await serve(options);
  servers.push(server);
  return server;
}

/** The build's files as listed on the first line of its sw.js. */
const listed = (dir) => Object.keys(JSON.parse(readFileSync(join(dir, 'sw.js'), 'utf8').match(/const FILES = (\{.*?\}), VERSION/)[1]));

/** A new user starts a blank plan, types its subject and waits for the autosave. */
async function startDraft(page, url) {
  await page.goto(url);
  await page.getByRole('button', { name: BLANK }).click();
  await page.locator('#f-header-subject').fill(SUBJECT);
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
}

/** Resolves once `check` (run in the page, may be async) is true; fails after 30 s. */
async function until(page, check) {
  for (const end = Date.now() + 30000; Date.now() < end; await new Promise((ok) => setTimeout(ok, 100))) {
    if (await page.evaluate(check)) return;
  }
  assert.fail(`never true: ${check}`);
}

/** axe-core's violations on the page (its default rules, as e2e/a11y.test.mjs). */
async function axe(page) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.html?.slice(0, 120)})`));
}

/** Click `button` and return the downloaded file's bytes. */
async function download(page, button) {
  const started = page.waitForEvent('download');
  await page.locator(button).click();
  return readFileSync(await (await started).path());
}

test('after a first visit the app opens, edits, checks, exports and lists drafts with no network', async () => {
  const { dir } = deployment();
  const server = await served({ dir });
  const { page, context, log, problems } = await recordedPage(browser, { acceptDownloads: true });
  page.on('dialog', (d) => d.accept()); // «Văn bản còn N lỗi… Vẫn xuất?»
  await startDraft(page, server.url);
  await workerReady(page);

  // Every file of the build is cached (frame-config.json is the deployment's own).
  const files = readdirSync(dir).filter((f) => f !== 'sw.js' && f !== 'frame-config.json').sort();
  assert.deepEqual(listed(dir).sort(), files);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const keys = await (await caches.open(names[0])).keys();
    return { names, files: keys.map((r) => new URL(r.url).pathname.slice(1)) };
  });
  assert.equal(cached.names.length, 1, `one cache: ${cached.names}`);
  assert.deepEqual(cached.files.sort(), files);

  // No network at all: the browser is offline and the server is gone.
  await context.setOffline(true);
  await server.close();
  log.requests.length = 0;
  log.cached.length = 0;
  await page.reload();
  await page.locator('.kh-title').waitFor();
  assert.equal(await page.locator('#f-header-subject').inputValue(), SUBJECT, 'the draft reopened');

  // Check: emptying the subject is an error the rules find at once.
  const counts = page.locator('.kh-counts');
  const before = await counts.innerText();
  await page.locator('#f-header-subject').fill('');
  await page.waitForFunction((b) => document.querySelector('.kh-counts').innerText !== b, before);
  await page.locator('#f-header-subject').fill(`${SUBJECT} (soạn khi mất mạng)`);
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();

  // Exports: each loads its part of the editor from the cache.
  const docx = await download(page, '#kh-export-docx');
  assert.equal(docx.subarray(0, 2).toString(), 'PK', '.docx is a zip');
  assert.match((await download(page, '#kh-export-txt')).toString(), /soạn khi mất mạng/);
  const json = JSON.parse((await download(page, '#kh-export-json')).toString());
  assert.equal(json.header.subject, `${SUBJECT} (soạn khi mất mạng)`);

  // The drafts dialog (a part of its own) lists the draft.
  await page.getByRole('button', { name: 'Các bản nháp' }).click();
  await page.locator('.kh-draft-list li').first().waitFor();

  const fetched = log.requests.filter((u) => u.startsWith('http'));
  assert.ok(fetched.some((u) => /split_export\.wasm$/.test(u)), 'the export part was loaded');
  assert.deepEqual(fetched.filter((u) => !log.cached.includes(u)), [], 'every file came from the cache');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a new deployment shows a banner; «tải lại» loads it and keeps what was typed', async () => {
  const { dir } = deployment();
  const server = await served({ dir });
  const { page, context, problems } = await recordedPage(browser);
  await startDraft(page, server.url);
  await workerReady(page);
  const first = await page.evaluate(() => caches.keys());

  // Build B on the same origin: a changed stylesheet, with index.html and
  // sw.js brought up to date by the build's last step.
  appendFileSync(join(dir, 'app.css'), '\n.kh-app .kh-build-b { color: #000; }\n');
  execFileSync('node', [join(ROOT, 'scripts/offline.mjs'), dir], { stdio: 'ignore' });
  const styleB = () => page.evaluate(() => fetch('app.css').then((r) => r.text()).then((t) => t.includes('kh-build-b')));

  await page.reload();
  const banner = page.locator('.kh-update');
  await banner.waitFor({ timeout: 30000 });
  assert.equal(await banner.textContent(), 'Đã có phiên bản mới — tải lại');
  assert.deepEqual(await axe(page), [], 'axe-core: no violation with the banner shown');
  assert.equal(await styleB(), false, 'the page still runs on build A, whole');
  assert.equal(await page.locator('#f-header-subject').inputValue(), SUBJECT);

  // In English when the editor is.
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.kh-update', { hasText: 'A new version is available — reload' }).waitFor();

  // Typed just before the button: saved as the page goes (pagehide), not lost.
  await page.locator('#f-header-subject').fill(`${SUBJECT}, bản cuối`);
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'reload', exact: true }).click();
  await reloaded;
  await page.locator('.kh-title').waitFor();
  assert.equal(await page.locator('#f-header-subject').inputValue(), `${SUBJECT}, bản cuối`);
  assert.equal(await styleB(), true, 'build B is running');
  assert.equal(await banner.count(), 0);
  const now = await page.evaluate(() => caches.keys());
  assert.equal(now.length, 1, `build A's cache was deleted: ${now}`);
  assert.notDeepEqual(now, first);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a build without a service worker (scripts/run.sh) removes one left by an earlier build', async () => {
  const { dir } = deployment();
  const server = await served({ dir });
  const { page, context, problems } = await recordedPage(browser);
  await page.goto(server.url);
  await page.getByRole('button', { name: BLANK }).waitFor();
  await workerReady(page);

  execFileSync('node', [join(ROOT, 'scripts/offline.mjs'), dir, '--no-service-worker'], { stdio: 'ignore' });
  assert.doesNotMatch(readFileSync(join(dir, 'index.html'), 'utf8'), /data-service-worker/);
  const gone = async (build) => {
    await page.getByRole('button', { name: BLANK }).waitFor();
    await until(page, async () => (await navigator.serviceWorker.getRegistrations()).length === 0);
    assert.equal(await page.locator('script[data-service-worker]').count(), build === 'new' ? 0 : 1, `the ${build} build's page`);
  };
  // Served by the old worker (cache-first), whose sw.js the browser finds
  // changed: the new one unregisters itself; the old page may register it
  // again, and again it goes.
  await page.reload();
  await gone('old');
  // Now from the network: the build without a worker registers none.
  await page.reload();
  await gone('new');
  await page.reload();
  await page.getByRole('button', { name: BLANK }).waitFor();
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller === null), true, 'not controlled');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [], 'the caches are deleted');
  assert.deepEqual(problems(), []);
  await context.close();
});

/** A portal page that mounts the editor with `options` (JSON in the query). */
const PORTAL_HTML = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng</title>
<link rel="icon" href="data:,"><script type="module" src="portal.js"></script></head>
<body><h1>Cổng</h1><div id="k"></div></body></html>`;
const PORTAL_JS = `import { mount } from '/static/kehoach/kehoach.js';
const options = JSON.parse(new URLSearchParams(location.search).get('o') ?? '{}');
window.handle = await mount(document.getElementById('k'), { storage: false, ...options });`;

test('embedded, the service worker is off unless the portal turns it on', async () => {
  const { site } = deployment('static/kehoach');
  writeFileSync(join(site, 'portal.html'), PORTAL_HTML);
  writeFileSync(join(site, 'portal.js'), PORTAL_JS);
  // A scope wider than the build folder needs this header on sw.js (docs/embedding.md).
  const server = await served({ dir: site, headers: { 'service-worker-allowed': '/' } });
  const open = async (options) => {
    const rec = await recordedPage(browser);
    await rec.page.goto(`${server.url}portal.html?o=${encodeURIComponent(JSON.stringify(options))}`);
    await rec.page.locator('.kh-title').waitFor();
    return rec;
  };

  // Off by default: once the editor is usable and the page idle, nothing registered.
  const off = await open({});
  await off.page.evaluate(() => new Promise((ok) => requestIdleCallback(() => setTimeout(ok, 500))));
  assert.deepEqual(await off.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(off.log.requests.filter((u) => /offline\.js|sw\.js/.test(u)), [], 'the worker code was not even loaded');
  assert.deepEqual(off.problems(), []);
  await off.context.close();

  // On, for the build folder: registered there; the portal page is not its to serve.
  const on = await open({ serviceWorker: true });
  await until(on.page, async () => (await navigator.serviceWorker.getRegistration('/static/kehoach/'))?.active?.state === 'activated');
  assert.equal(await on.page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/static/kehoach/')).scope), `${server.url}static/kehoach/`);
  assert.deepEqual(on.problems(), []);
  await on.context.close();

  // On, with the portal's scope: the editor's files then come from the cache,
  // the portal's own page and script still from the network.
  const wide = await open({ serviceWorker: { scope: '/' } });
  await workerReady(wide.page);
  wide.log.cached.length = 0;
  await wide.page.reload();
  await wide.page.locator('.kh-title').waitFor();
  const cached = wide.log.cached.map((u) => new URL(u).pathname);
  assert.ok(cached.includes('/static/kehoach/kehoach-web_bg.wasm'), `from the cache: ${cached}`);
  assert.ok(!cached.includes('/portal.html') && !cached.includes('/portal.js'), 'the portal page is left to the network');
  assert.deepEqual(wide.problems(), []);
  await wide.context.close();
});

test('index.html pins its scripts, module preloads, wasm and stylesheet by sha384, and the browser enforces it', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  for (const file of ['start.js', 'offline.js', '__wasm_split.js', 'kehoach-web.js', 'kehoach-web_bg.wasm', 'app.css']) {
    const tag = html.match(new RegExp(`<(?:script|link)\\b[^>]*(?:src|href)=["']?(?:\\./)?${file.replace('.', '\\.')}[\\s"'>][^>]*>`))?.[0];
    assert.ok(tag, `a tag loads ${file}`);
    const sha = createHash('sha384').update(readFileSync(join(DIST, file))).digest('base64');
    // The wasm's on its preload as data-integrity, which start.js fetches it with.
    assert.match(tag, new RegExp(`\\s${file.endsWith('.wasm') ? 'data-' : ''}integrity="?sha384-${sha.replace(/[+/]/g, '\\$&')}`), `${file}: ${tag}`);
  }

  // A changed glue, or a wasm module with a section more (still valid
  // WebAssembly): the browser refuses it and the app does not start.
  for (const [file, change] of [['kehoach-web.js', ';'], ['kehoach-web_bg.wasm', Buffer.from([0, 5, 4, 116, 101, 115, 116])]]) {
    const { dir } = deployment();
    appendFileSync(join(dir, file), change);
    const server = await served({ dir });
    const { page, context, log } = await recordedPage(browser);
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('.kh-title').count(), 0, `${file} changed: the editor did not start`);
    assert.ok(log.console.some((m) => m.type === 'error' && m.text.includes(file) && /integrity/i.test(m.text)), `${file} refused for its integrity`);
    await context.close();
  }
});

test('the app can be installed from Chromium: its manifest parses and nothing blocks installing', async () => {
  const server = await served({});
  const profile = mkdtempSync(join(tmpdir(), 'kehoach-profile-'));
  temporary.push(profile);
  // A persistent profile: Chromium never offers to install from an incognito-like context.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: BLANK }).waitFor();
    await workerReady(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.name, 'Kế hoạch');
    assert.equal(parsed.display, 'standalone');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await context.close();
  }
});
