// Embedding security (docs/embedding.md, sections 5 and 8): hostile pages on
// other origins can neither read nor replace an officer's draft through
// frame.html (popup, iframe, forged query, a sibling frame); drafts are kept
// apart per person and per portal; clearDrafts() leaves no key; a shared
// computer keeps nothing after the tab closes.
//
// Three origins (loopback ports): APP serves the build (frame.html), PORTAL is
// the one origin in frame-config.json, HOSTILE is anyone else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DIST, serve, launch, recordedPage } from './harness.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const CLEAN = JSON.parse(readFileSync(new URL('../examples/portal.js', import.meta.url), 'utf8')
  .match(/const PLAN_FROM_WARD = (\{[\s\S]*?\n\});/)[1]);
const withSubject = (subject) => ({ ...CLEAN, header: { ...CLEAN.header, subject } });

function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** The parent page of section 5 of docs/embedding.md, as written there. */
function docsParent(frameUrl) {
  const md = readFileSync(join(ROOT, 'docs/embedding.md'), 'utf8');
  const section = md.match(/<!-- check:frame-parent:start[\s\S]*?-->([\s\S]*?)<!-- check:frame-parent:end -->/);
  assert.ok(section, 'docs/embedding.md has the check:frame-parent markers');
  const files = {};
  for (const [, name, code] of section[1].matchAll(/`([\w.-]+)`:\s*\n+```\w*\n([\s\S]*?)```/g)) files[name] = code;
  assert.ok(files['cong.html'] && files['cong.js'], `the snippet names its files: ${Object.keys(files)}`);
  files['cong.html'] = files['cong.html'].replace('src="/static/kehoach/frame.html"', `src="${frameUrl}"`);
  return files;
}

/** An attacker's page: opens frame.html in a popup or an iframe and keeps asking it for the draft. */
const ATTACK_JS = `window.received = [];
addEventListener('message', (ev) => window.received.push({ origin: ev.origin, data: ev.data }));
const target = new URLSearchParams(location.search).get('target');
let w;
if (location.pathname.endsWith('popup.html')) w = window.open(target, 'kehoach');
else { const f = document.createElement('iframe'); f.src = target; document.body.append(f); w = f.contentWindow; }
window.attackWindow = () => w;
const forged = ${JSON.stringify(withSubject('Văn bản giả mạo'))};
let n = 0;
window.timer = setInterval(() => {
  n += 1;
  for (const m of [
    { type: 'kehoach:init', id: 'i' + n, options: { user: 'can-bo-42', storage: '' } },
    { type: 'kehoach:getDocument', id: 'g' + n },
    { type: 'kehoach:setDocument', id: 's' + n, document: forged },
    { type: 'kehoach:clearDrafts', id: 'c' + n },
  ]) w.postMessage(m, '*');
}, 100);`;
const ATTACK_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><link rel="icon" href="data:,">
<script type="module" src="attack.js"></script></head><body></body></html>`;

let app, portal, hostile, browser, dirs;
const frameUrl = () => `${app.url}static/kehoach/frame.html`;
before(async () => {
  dirs = ['app', 'portal', 'hostile'].map((n) => mkdtempSync(join(tmpdir(), `kehoach-sec-${n}-`)));
  cpSync(DIST, join(dirs[0], 'static/kehoach'), { recursive: true });
  [app, portal, hostile] = await Promise.all(dirs.map((dir) => serve({ dir })));
  const portalOrigin = new URL(portal.url).origin;
  writeFiles(dirs[0], {
    'static/kehoach/frame-config.json': JSON.stringify({ origins: [portalOrigin] }),
    'cong-a/soan.html': hostHtml(),
    'cong-b/soan.html': hostHtml(),
    'host.js': HOST_JS,
  });
  writeFiles(dirs[1], {
    ...docsParent(frameUrl()),
    // A page of the allowed origin whose second frame (also the portal's origin)
    // is not the editor's parent: its messages must be ignored too.
    'hai-khung.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><link rel="icon" href="data:,"></head>
<body><iframe id="f" src="${frameUrl()}"></iframe><iframe id="g" src="ke-ben.html"></iframe></body></html>`,
    'ke-ben.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><link rel="icon" href="data:,"><script type="module" src="ke-ben.js"></script></head><body></body></html>`,
    'ke-ben.js': `window.received = [];
addEventListener('message', (ev) => window.received.push(ev.data));
setInterval(() => { for (const type of ['kehoach:init', 'kehoach:getDocument']) parent.frames[0].postMessage({ type, id: 1, options: { user: 'can-bo-42' } }, '*'); }, 100);`,
  });
  writeFiles(dirs[2], { 'popup.html': ATTACK_HTML, 'iframe.html': ATTACK_HTML, 'attack.js': ATTACK_JS });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([app, portal, hostile].map((s) => s?.close()));
  for (const d of dirs ?? []) rmSync(d, { recursive: true, force: true });
});

/** The frame.html frame of `page`. */
async function editorFrame(page) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((fr) => fr.url().startsWith(frameUrl()));
    if (f) return f;
    await page.waitForTimeout(100);
  }
  throw new Error('no frame.html in the page');
}

/** Storage keys of `frame` (a page or a frame) that start with `prefix`. */
const keysOf = (frame, prefix) => frame.evaluate((p) => ({
  local: Object.keys(localStorage).filter((k) => k.startsWith(p)),
  session: Object.keys(sessionStorage).filter((k) => k.startsWith(p)),
}), prefix);

/** The officer's portal (the page of the docs), with the editor ready. */
async function officerPortal(context) {
  const page = await context.newPage();
  await page.goto(`${portal.url}cong.html`);
  const frame = await editorFrame(page);
  await frame.locator('.kh-app').waitFor({ timeout: 15000 });
  await page.waitForFunction(() => typeof window.ask === 'function');
  return { page, frame };
}

test('frame.html: a hostile page (popup, iframe, forged query, sibling frame) neither reads nor replaces the draft', async () => {
  const officer = await recordedPage(browser);
  const { page, frame } = await officerPortal(officer.context);
  // The officer's work: a plan, autosaved under the portal's origin and the user.
  const set = await page.evaluate((doc) => window.ask('kehoach:setDocument', { document: doc }), withSubject('Bản của cán bộ 42'));
  assert.equal(set.ok, true);
  await frame.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes(':u:can-bo-42:draft:')));
  const prefix = `kehoach-frame:${encodeURIComponent(new URL(portal.url).origin)}:`;
  assert.ok((await keysOf(frame, prefix)).local.length >= 3, 'draft, list and current under the portal and the user');

  // The attacker knows the URL and the storage prefix, and forges ?origins= and ?storage=.
  const forgedUrl = `${frameUrl()}?origins=${encodeURIComponent(new URL(hostile.url).origin)}&storage=${encodeURIComponent(prefix)}`;
  for (const kind of ['popup', 'iframe']) {
    // Same browser profile as the officer: the attack runs in the officer's context.
    const a = await officer.context.newPage();
    const popup = kind === 'popup' ? a.waitForEvent('popup') : null;
    await a.goto(`${hostile.url}${kind}.html?target=${encodeURIComponent(forgedUrl)}`);
    const opened = popup ? await popup : a;
    const target = kind === 'popup' ? opened.mainFrame() : await editorFrame(a);
    await target.waitForFunction(() => Number(document.documentElement.dataset.ignoredMessages) >= 12, null, { timeout: 15000 });
    assert.match(await target.locator('body').innerText(), kind === 'popup' ? /chỉ mở được bên trong cổng thông tin/ : /chưa được phép nhúng/);
    assert.equal(await target.locator('.kh-app').count(), 0, `${kind}: no editor, no draft loaded`);
    assert.deepEqual(await a.evaluate(() => window.received), [], `${kind}: the attacker received nothing (no hello, no result)`);
    await a.close();
    if (kind === 'popup') await opened.close();
  }
  // A second frame of the allowed origin is not the parent: ignored as well.
  const two = await officer.context.newPage();
  await two.goto(`${portal.url}hai-khung.html`);
  const inner = await editorFrame(two);
  await inner.waitForFunction(() => Number(document.documentElement.dataset.ignoredMessages) >= 6, null, { timeout: 15000 });
  assert.equal(await inner.locator('.kh-app').count(), 0, 'no editor started by a sibling frame');
  assert.deepEqual(await two.frames().find((f) => f.url().endsWith('ke-ben.html')).evaluate(() => window.received), []);
  await two.close();

  // The officer's draft is untouched: a reload of the portal opens it.
  await page.reload();
  const again = await editorFrame(page);
  await again.locator('.kh-app').waitFor({ timeout: 15000 });
  await page.waitForFunction(() => typeof window.ask === 'function');
  const got = await page.evaluate(() => window.ask('kehoach:getDocument'));
  assert.equal(got.value.header.subject, 'Bản của cán bộ 42');
  // A second init from the real parent is refused; the editor stays.
  const second = await page.evaluate(() => window.ask('kehoach:init', { options: { user: 'can-bo-43' } }));
  assert.equal(second.ok, false);
  // Logout: the frame message clears every key of the person's drafts.
  const cleared = await page.evaluate(() => window.dangXuat());
  assert.equal(cleared.ok, true);
  await page.waitForTimeout(1200); // past the autosave delay: nothing comes back
  assert.deepEqual(await keysOf(again, prefix), { local: [], session: [] });
  assert.equal((await page.evaluate(() => window.ask('kehoach:getDocument'))).value.header.subject, '');
  assert.deepEqual(officer.problems(), []);
  await officer.context.close();
});

const HOST_JS = `import * as kehoach from '/static/kehoach/kehoach.js';
window.kehoach = kehoach;
window.hostReady = true;`;
function hostHtml() {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng</title><link rel="icon" href="data:,">
<script type="module" src="/host.js"></script></head><body><div id="ke-hoach"></div></body></html>`;
}

/** A portal page (cong-a or cong-b) of the APP origin, with kehoach loaded. */
async function portalPage(context, which = 'cong-a') {
  const page = await context.newPage();
  await page.goto(`${app.url}${which}/soan.html`);
  await page.waitForFunction(() => window.hostReady);
  return page;
}

/** Mount into #ke-hoach; returns the subject the editor opened with ('' for a new plan). */
async function open(page, options) {
  return page.evaluate(async (o) => {
    window.handle?.destroy();
    window.handle = await window.kehoach.mount(document.getElementById('ke-hoach'), o);
    return window.handle.getDocument().header.subject;
  }, options);
}

/** Type a subject as a person would and wait until it is kept. */
async function typeSubject(page, subject) {
  await page.locator('#ke-hoach').getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await page.locator('#ke-hoach').getByLabel('Trích yếu').fill(subject);
  await page.waitForFunction((s) => [localStorage, sessionStorage].some((st) => Object.keys(st).some((k) => k.includes(':draft:') && st.getItem(k).includes(s))), subject);
}

test('two people and two portals on one origin never see each other\'s drafts', async () => {
  const { context, problems } = await recordedPage(browser);
  const page = await portalPage(context);
  assert.equal(await open(page, { user: 'a' }), '');
  await typeSubject(page, 'Kế hoạch của người A');
  // The next person on the same computer, same portal.
  assert.equal(await open(page, { user: 'b' }), '', 'B does not get A\'s draft');
  const ed = page.locator('#ke-hoach');
  await ed.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor();
  await ed.getByRole('button', { name: 'Các bản nháp' }).click();
  assert.equal(await ed.locator('.kh-draft-list li').count(), 0, 'B\'s drafts list is empty');
  // A comes back: the draft is there.
  assert.equal(await open(page, { user: 'a' }), 'Kế hoạch của người A');
  // Another portal on the same origin, same element id and user key.
  const other = await portalPage(context, 'cong-b');
  assert.equal(await open(other, { user: 'a' }), '', 'another portal page does not share drafts');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('clearDrafts() leaves no key: the handle, the element and the module function', async () => {
  const { context, problems } = await recordedPage(browser);
  const page = await portalPage(context);
  assert.equal(await open(page, { user: 'a', storage: 'p:' }), '');
  await typeSubject(page, 'Sẽ bị xóa');
  assert.ok((await keysOf(page, 'p:')).local.length >= 3);
  await page.evaluate(() => window.handle.clearDrafts());
  await page.locator('#ke-hoach').getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor();
  await page.waitForTimeout(1200); // past the autosave delay
  await page.reload(); // and past pagehide
  await page.waitForFunction(() => window.hostReady);
  assert.deepEqual(await keysOf(page, 'p:'), { local: [], session: [] });
  assert.equal(await open(page, { user: 'a', storage: 'p:' }), '', 'nothing to restore');

  // The module function, with no editor on the page: one person, then everyone.
  for (const user of ['a', 'b']) {
    await open(page, { user, storage: 'p:' });
    await typeSubject(page, `Bản của ${user}`);
  }
  await open(page, { storage: 'p:' });
  await typeSubject(page, 'Bản trong thẻ');
  await page.evaluate(() => window.handle.destroy());
  await page.evaluate(() => window.kehoach.clearDrafts({ storage: 'p:', user: 'a' }));
  let keys = await keysOf(page, 'p:');
  assert.equal(keys.local.filter((k) => k.startsWith('p:u:a:')).length, 0);
  assert.ok(keys.local.some((k) => k.startsWith('p:u:b:')), 'B keeps hers');
  await page.evaluate(() => window.kehoach.clearDrafts({ storage: 'p:' }));
  assert.deepEqual(await keysOf(page, 'p:'), { local: [], session: [] });

  // The element.
  const left = await page.evaluate(async () => {
    const e = document.createElement('kehoach-editor');
    e.setAttribute('storage', 'q:');
    e.setAttribute('user', 'a');
    document.body.append(e);
    const h = await e.ready;
    h.setDocument({ ...h.getDocument(), header: { ...h.getDocument().header, subject: 'Phần tử' } });
    while (!Object.keys(localStorage).some((k) => k.startsWith('q:'))) await new Promise((r) => setTimeout(r, 50));
    e.clearDrafts();
    await new Promise((r) => setTimeout(r, 1200));
    return Object.keys(localStorage).filter((k) => k.startsWith('q:'));
  });
  assert.deepEqual(left, []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a shared computer, or no user key: drafts last for the tab (a reload keeps them) and nothing is left after it', async () => {
  const { context, problems } = await recordedPage(browser);
  const page = await portalPage(context);
  for (const options of [{ user: 'a', sharedComputer: true, storage: 's:' }, { storage: 't:' }]) {
    assert.equal(await open(page, options), '');
    await typeSubject(page, 'Chỉ trong thẻ này');
    // Autosave keeps it shortly after the typing (the first round's draft,
    // with the same subject, is already there under another prefix).
    await page.waitForFunction((p) => Object.keys(sessionStorage).some((k) => k.startsWith(p) && k.includes(':draft:')), options.storage);
    const keys = await keysOf(page, options.storage);
    assert.equal(keys.local.length, 0, 'nothing in localStorage');
    assert.ok(keys.session.length >= 3);
    await page.reload();
    await page.waitForFunction(() => window.hostReady);
    assert.equal(await open(page, options), 'Chỉ trong thẻ này', 'a reload of the tab keeps the draft');
    const tab = await portalPage(context);
    assert.equal(await open(tab, options), '', 'another tab does not see it');
    await tab.close();
  }
  assert.deepEqual(problems(), []);
  await context.close();
});
