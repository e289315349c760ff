// Embedding in a portal (docs/embedding.md): the example portal under a strict
// CSP, two independent editors, the events and their payloads, the handle
// methods, the iframe mode's origin allow-list, hosting under a sub-path, and
// a host page written only from the snippet in the docs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DIST, serve, launch, recordedPage } from './harness.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

/** A plan with no error (one info): the blank template with its example facts. */
const CLEAN = JSON.parse(readFileSync(new URL('../examples/portal.js', import.meta.url), 'utf8')
  .match(/const PLAN_FROM_WARD = (\{[\s\S]*?\n\});/)[1]);
/** The same plan with two errors (no issuing body, no subject). */
const WITH_ERRORS = structuredClone(CLEAN);
WITH_ERRORS.header.issuing_body = '';
WITH_ERRORS.header.subject = '';

function ensureBuild() {
  const entry = join(DIST, 'kehoach.js');
  const built = existsSync(entry) && readFileSync(entry, 'utf8').includes('kehoach-editor')
    && existsSync(join(DIST, 'frame.html')) && existsSync(join(DIST, 'frame.js')) && existsSync(join(DIST, 'kehoach-web_bg.wasm'));
  if (built) return;
  const r = spawnSync('trunk', ['build', '--release', '--offline'], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  assert.equal(r.status, 0, 'trunk build failed');
}

/** Write `files` ({relative path: text}) under `dir`. */
function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A blank host page (strict CSP) that loads the entry and records events. */
const HOST_HTML = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Trang thử</title><link rel="icon" href="data:,">
<script type="module" src="host.js"></script></head>
<body><h1>Trang thử</h1><div id="a"></div><div id="b"></div></body></html>`;
const HOST_JS = `import * as kehoach from './dist/kehoach.js';
window.kehoach = kehoach;
window.events = [];
window.lastInput = 0;
document.addEventListener('input', () => { window.lastInput = performance.now(); }, true);
const brief = (type, d) => type === 'export'
  ? { format: d.format, filename: d.filename, text: typeof d.content === 'string' ? d.content : null,
      bytes: d.content instanceof Uint8Array ? Array.from(d.content.slice(0, 2)) : null, length: d.content.length }
  : d;
window.track = (el, name) => {
  for (const type of ['change', 'validate', 'export', 'submit']) {
    el.addEventListener(type, (ev) => window.events.push({ editor: name, via: 'event', type, detail: brief(type, ev.detail), t: performance.now() }));
  }
};
window.callbacks = (name) => Object.fromEntries(['change', 'validate', 'export', 'submit'].map((type) => [
  'on' + type[0].toUpperCase() + type.slice(1),
  (d) => window.events.push({ editor: name, via: 'callback', type, detail: brief(type, d), t: performance.now() }),
]));
window.hostReady = true;
`;

let site, server, browser;
before(async () => {
  ensureBuild();
  site = mkdtempSync(join(tmpdir(), 'kehoach-embed-'));
  cpSync(DIST, join(site, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'examples'), join(site, 'examples'), { recursive: true });
  writeFiles(site, { 'host.html': HOST_HTML, 'host.js': HOST_JS });
  // The strict CSP also as a header, for every page of the site.
  server = await serve({ dir: site, headers: { 'content-security-policy': CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** A recorded page that also collects CSP violations (in the page and its shadow roots). */
async function cspPage(options) {
  const rec = await recordedPage(browser, options);
  await rec.page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  rec.violations = () => rec.page.evaluate(() => window.cspViolations);
  return rec;
}

/** The blank host page with `kehoach` loaded. */
async function hostPage() {
  const rec = await cspPage();
  await rec.page.goto(`${server.url}host.html`);
  await rec.page.waitForFunction(() => window.hostReady);
  return rec;
}

/** Mount into #id with options (plus recording callbacks) and DOM event tracking. */
async function mountIn(page, id, options) {
  return page.evaluate(async ([id, options]) => {
    const el = document.getElementById(id);
    window.track(el, id);
    try {
      window.handles ??= {};
      window.handles[id] = await window.kehoach.mount(el, { ...options, ...window.callbacks(id) });
      return null;
    } catch (e) {
      return String(e.message ?? e);
    }
  }, [id, options]);
}

const eventsOf = (page, editor, type, via = 'event') => page.evaluate(([e, t, v]) => window.events.filter((x) => x.editor === e && x.type === t && x.via === v), [editor, type, via]);

/** Fill a template's start form (as a person would) and create the plan. */
async function startFromTemplate(editor) {
  const facts = { cap: 'phường', ten_don_vi: 'Hồng An', so_nq: '41', ngay_nq: '23/12/2025', nguoi_ky: 'Nguyễn Hữu Thanh' };
  for (const el of await editor.locator('.kh-start input, .kh-start select').all()) {
    const key = (await el.getAttribute('id')).replace(/^fact-/, '');
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') {
      const options = await el.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      await el.selectOption(facts[key] && options.includes(facts[key]) ? facts[key] : options[0]);
    } else {
      // The template's example is in the help line under the label.
      const hint = editor.locator(`[id="fact-${key}-hint"]`);
      const example = (await hint.count()) ? ((await hint.innerText()).split(/ví dụ:\s*/i)[1] ?? '') : '';
      await el.fill(facts[key] ?? example);
    }
  }
  await editor.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await editor.getByRole('tab', { name: 'Phần đầu' }).waitFor();
}

test('the example portal loads under the strict CSP: two editors, no violation, no console error, styles isolated', async () => {
  const html = readFileSync(join(ROOT, 'examples/portal.html'), 'utf8');
  assert.ok(html.includes(`content="${CSP}"`), 'the example carries the strict CSP meta tag');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in the example');
  assert.doesNotMatch(html, /\sstyle=|<style/, 'no inline style in the example');
  const { page, problems, violations, log } = await cspPage();
  await page.goto(`${server.url}examples/portal.html`);
  const writer = page.locator('#soan-thao');
  const reviewer = page.locator('#duyet');
  await writer.locator('.kh-start').waitFor({ timeout: 15000 });
  await reviewer.locator('#kh-paper').waitFor({ timeout: 15000 });
  await page.locator('#nhat-ky li[data-editor="duyet"][data-event="validate"]').waitFor();
  await page.locator('#nhat-ky li[data-editor="soan-thao"][data-event="validate"]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('h1').first().innerText(), 'Cổng thông tin Sở Nội vụ');
  // Both editors have their own h1 inside their shadow roots.
  assert.equal(await page.locator('kehoach-editor h1.kh-title, #duyet h1.kh-title').count(), 2);
  // Read-only review: only the preview tab, no editing toolbar, the ward's plan shown.
  await reviewer.locator('#kh-paper p').first().waitFor(); // laid out a task after it is made
  assert.match(await reviewer.locator('#kh-paper').innerText(), /Triển khai công tác chuyển đổi số năm 2026/);
  assert.equal(await reviewer.locator('#kh-new').count(), 0);
  assert.equal(await reviewer.locator('#kh-export-json').count(), 0, 'the review editor offers only docx, text, print');
  assert.equal(await reviewer.locator('#kh-export-docx').count(), 1);
  // Styles do not cross the shadow boundary in either direction.
  const radius = (loc) => loc.evaluate((e) => getComputedStyle(e).borderTopLeftRadius);
  assert.equal(await radius(writer.locator('#kh-submit')), '3px', "the portal's button rule does not reach the editor");
  assert.equal(await radius(page.locator('#duyet-kiem-tra')), '999px', "the editor's button rule does not reach the portal");
  assert.equal(await writer.locator('.kh-topbar').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(11, 79, 138)', 'app.css applies inside the shadow root');
  // Every asset came from the build folder next to the example.
  for (const f of ['dist/kehoach.js', 'dist/kehoach-web.js', 'dist/kehoach-web_bg.wasm', 'dist/app.css']) {
    assert.ok(log.requests.some((u) => u === `${server.url}${f}`), `${f} requested`);
  }
  const v = await violations();
  assert.deepEqual(v.slice(0, 3), [], `no CSP violation (got ${v.length}; the first ones shown)`);
  assert.deepEqual(problems(), []);
});

test('the example portal: a plan made in the custom element is submitted and logged; the review editor is unchanged', async () => {
  const { page, problems } = await cspPage();
  await page.goto(`${server.url}examples/portal.html`);
  const writer = page.locator('#soan-thao');
  await writer.locator('.kh-start').waitFor({ timeout: 15000 });
  await page.locator('#duyet #kh-paper').waitFor({ timeout: 15000 });
  await startFromTemplate(writer);
  await writer.getByLabel('Trích yếu').fill('Thực hiện dân chủ ở cơ sở năm 2026');
  await page.locator('#nhat-ky li[data-editor="soan-thao"][data-event="change"]', { hasText: 'Thực hiện dân chủ ở cơ sở năm 2026' }).waitFor();
  assert.match(await writer.locator('.kh-counts').innerText(), /^0 lỗi/);
  await writer.locator('#kh-submit').click();
  const line = page.locator('#nhat-ky li[data-editor="soan-thao"][data-event="submit"]');
  await line.waitFor();
  assert.match(await line.innerText(), /nhận văn bản «Thực hiện dân chủ ở cơ sở năm 2026» — 0 lỗi/);
  // An attribute changed later remounts the element and keeps the open document:
  // the portal's checkbox lets «Gửi» deliver a plan that still has errors.
  await page.locator('#cho-phep-loi').check();
  await page.evaluate(() => document.getElementById('soan-thao').ready);
  await writer.getByLabel('Trích yếu').waitFor();
  assert.equal(await writer.getByLabel('Trích yếu').inputValue(), 'Thực hiện dân chủ ở cơ sở năm 2026');
  assert.equal(await writer.locator('.kh-start').count(), 0, 'no template start form over the kept document');
  await writer.getByLabel('Trích yếu').fill('');
  await writer.locator('.kh-counts', { hasText: /^1 lỗi/ }).waitFor();
  await writer.locator('#kh-submit').click();
  await page.locator('#nhat-ky li[data-event="submit"]', { hasText: '1 lỗi' }).waitFor();
  // The other editor never saw any of it.
  const reviewed = await page.evaluate(() => window.kehoachPortal.reviewer.getDocument());
  assert.equal(reviewed.header.subject, CLEAN.header.subject);
  assert.equal(await page.locator('#nhat-ky li[data-editor="duyet"][data-event="change"]').count(), 0);
  assert.deepEqual(problems().filter((p) => !/Applying inline style/.test(p)), []);
});

test("an embedded editor speaks its host's language, not the one the standalone app remembers", async () => {
  const { page, problems } = await hostPage();
  // The standalone app on this origin was last used in English.
  await page.evaluate(() => localStorage.setItem('kehoach-lang', 'en'));
  assert.equal(await mountIn(page, 'a', { document: CLEAN, storage: false }), null);
  assert.equal(await mountIn(page, 'b', { document: CLEAN, storage: false, locale: 'en' }), null);
  await page.locator('#a').getByLabel('Trích yếu').waitFor();
  await page.locator('#b').getByLabel('Subject').waitFor();
  // Switching in an embedded editor changes nothing stored.
  await page.locator('#a .kh-lang').click();
  await page.locator('#a').getByLabel('Subject').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kehoach-lang')), 'en');
  await page.locator('#b .kh-lang').click();
  await page.locator('#b').getByLabel('Trích yếu').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kehoach-lang')), 'en');
  assert.deepEqual(problems().filter((p) => !/Applying inline style/.test(p)), []);
});

test('two editors on one page stay independent: same ids, separate documents, undo and events', async () => {
  const { page, problems, violations } = await hostPage();
  assert.equal(await mountIn(page, 'a', { document: CLEAN, storage: false }), null);
  assert.equal(await mountIn(page, 'b', { document: CLEAN, storage: false }), null);
  const a = page.locator('#a');
  const b = page.locator('#b');
  await a.getByLabel('Trích yếu').waitFor();
  await b.getByLabel('Trích yếu').waitFor();
  assert.equal(await page.locator('#a #f-header-subject, #b #f-header-subject').count(), 2, 'each editor has its own #f-header-subject');
  await a.getByLabel('Trích yếu').fill('Chỉ sửa trình soạn thảo A');
  await page.waitForFunction(() => window.events.some((e) => e.editor === 'a' && e.type === 'change'));
  assert.equal(await b.getByLabel('Trích yếu').inputValue(), CLEAN.header.subject);
  const docs = await page.evaluate(() => [window.handles.a.getDocument(), window.handles.b.getDocument()]);
  assert.equal(docs[0].header.subject, 'Chỉ sửa trình soạn thảo A');
  assert.equal(docs[1].header.subject, CLEAN.header.subject);
  assert.equal((await eventsOf(page, 'b', 'change')).length, 0, 'B sent no change event');
  // Undo in B does nothing to A (B has nothing to undo).
  await b.getByLabel('Trích yếu').click();
  await page.keyboard.press('Control+z');
  assert.equal(await a.getByLabel('Trích yếu').inputValue(), 'Chỉ sửa trình soạn thảo A');
  // Destroying A leaves B working.
  await page.waitForTimeout(700); // (destroying right after an edit: see the test below)
  await page.evaluate(() => window.handles.a.destroy());
  await b.getByLabel('Trích yếu').fill('B vẫn soạn được');
  await page.waitForFunction(() => window.events.some((e) => e.editor === 'b' && e.type === 'change'));
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems(), []);
});

test('destroying an editor right after an edit leaves nothing running (no panic, no late event)', async () => {
  const { page, problems } = await hostPage();
  assert.equal(await mountIn(page, 'a', { document: CLEAN, storage: false }), null);
  assert.equal(await mountIn(page, 'b', { document: CLEAN }), null);
  for (const id of ['a', 'b']) {
    await page.locator(`#${id}`).getByLabel('Trích yếu').fill(`Sửa rồi đóng ngay ${id}`);
    await page.evaluate((id) => window.handles[id].destroy(), id);
  }
  await page.waitForTimeout(1200); // past the change debounce (300 ms) and the autosave (500 ms)
  assert.equal((await page.evaluate(() => window.events.filter((e) => e.type === 'change'))).length, 0, 'no change event after destroy');
  // The module still works for a new editor.
  assert.equal(await mountIn(page, 'a', { document: CLEAN, storage: false }), null);
  await page.locator('#a').getByLabel('Trích yếu').fill('Vẫn chạy');
  await page.waitForFunction(() => window.events.some((e) => e.type === 'change' && e.detail.header.subject === 'Vẫn chạy'));
  assert.deepEqual(problems(), []);
});

test('events: change is debounced and carries the JSON, validate carries the report, export and submit their payloads', async () => {
  const { page, problems, violations } = await hostPage();
  assert.equal(await mountIn(page, 'a', { document: WITH_ERRORS, storage: false, submit: true, exports: ['json', 'docx', 'text'] }), null);
  const a = page.locator('#a');
  await a.getByLabel('Trích yếu').waitFor();

  // validate: at start, with counts and findings (event and callback alike).
  await page.waitForFunction(() => window.events.some((e) => e.type === 'validate' && e.via === 'callback'));
  const [first] = await eventsOf(page, 'a', 'validate');
  assert.equal(first.detail.errors, 2);
  assert.equal(typeof first.detail.warnings, 'number');
  assert.equal(typeof first.detail.infos, 'number');
  const missing = first.detail.findings.find((f) => f.path === 'header.subject');
  assert.ok(missing, 'a finding at header.subject');
  assert.deepEqual(Object.keys(missing).sort(), ['fixable', 'message_en', 'message_vi', 'path', 'rule', 'severity']);
  assert.equal(missing.severity, 'error');
  assert.deepEqual((await eventsOf(page, 'a', 'validate', 'callback'))[0].detail, first.detail);

  // submit with errors: refused, the summary shown, no event.
  await a.locator('#kh-submit').click();
  await a.locator('.kh-status', { hasText: 'Chưa gửi được: văn bản còn 2 lỗi' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal((await eventsOf(page, 'a', 'submit')).length, 0);
  assert.equal((await eventsOf(page, 'a', 'submit', 'callback')).length, 0);

  // change: one event 300 ms after the last keystroke, with the document.
  await a.getByLabel('Cơ quan ban hành').fill(CLEAN.header.issuing_body);
  await page.waitForFunction(() => window.events.some((e) => e.type === 'change'));
  await a.getByLabel('Trích yếu').click();
  await page.keyboard.type('Kế hoạch thử', { delay: 40 });
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'change' && e.via === 'event').length >= 2);
  await page.waitForTimeout(700);
  const changes = await eventsOf(page, 'a', 'change');
  assert.equal(changes.length, 2, `one debounced change event per burst of typing, got ${changes.length}`);
  assert.equal(changes[0].detail.header.issuing_body, CLEAN.header.issuing_body);
  assert.equal(changes[1].detail.format, 'kehoach');
  assert.equal(changes[1].detail.header.subject, 'Kế hoạch thử');
  assert.equal(changes[1].detail.header.issuing_body, CLEAN.header.issuing_body);
  const lastInput = await page.evaluate(() => window.lastInput);
  assert.ok(changes[1].t - lastInput >= 250, `sent ${Math.round(changes[1].t - lastInput)} ms after the last input`);
  assert.equal((await eventsOf(page, 'a', 'change', 'callback')).length, 2);
  const latest = (await eventsOf(page, 'a', 'validate')).at(-1);
  assert.equal(latest.detail.errors, 0, 'a new validate event followed the fix');

  // export: the .txt and .docx buttons inside the editor.
  await a.getByRole('button', { name: 'Tải .txt' }).click();
  await page.waitForFunction(() => window.events.some((e) => e.type === 'export' && e.detail.format === 'text'));
  const text = (await eventsOf(page, 'a', 'export')).find((e) => e.detail.format === 'text').detail;
  assert.match(text.filename, /\.txt$/);
  assert.match(text.text, /Kế hoạch thử/);
  await a.getByRole('button', { name: 'Tải .docx' }).click();
  await page.waitForFunction(() => window.events.some((e) => e.type === 'export' && e.detail.format === 'docx'));
  const docx = (await eventsOf(page, 'a', 'export')).find((e) => e.detail.format === 'docx').detail;
  assert.match(docx.filename, /\.docx$/);
  assert.deepEqual(docx.bytes, [0x50, 0x4b], 'docx content is a Uint8Array (a zip: PK)');
  assert.equal(await a.getByRole('button', { name: 'Sao chép văn bản' }).count(), 0, 'copy is not offered');

  // submit when clean: delivered with the document and the report.
  await a.locator('#kh-submit').click();
  await page.waitForFunction(() => window.events.some((e) => e.type === 'submit' && e.via === 'event'));
  const [sent] = await eventsOf(page, 'a', 'submit');
  assert.equal(sent.detail.document.header.subject, 'Kế hoạch thử');
  assert.equal(sent.detail.report.errors, 0);
  assert.equal((await eventsOf(page, 'a', 'submit', 'callback')).length, 1);

  // allowSubmitWithErrors: delivered even with errors, the report says so.
  assert.equal(await mountIn(page, 'b', { document: WITH_ERRORS, storage: false, submit: true, allowSubmitWithErrors: true }), null);
  await page.locator('#b #kh-submit').click();
  await page.waitForFunction(() => window.events.some((e) => e.editor === 'b' && e.type === 'submit'));
  const [forced] = await eventsOf(page, 'b', 'submit');
  assert.equal(forced.detail.report.errors, 2);
  assert.equal(forced.detail.document.header.subject, '');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems(), []);
});

test('handle methods: getDocument, setDocument (a bad document throws with its path), validate, destroy; element methods', async () => {
  const { page, problems, violations } = await hostPage();
  assert.equal(await mountIn(page, 'a', { document: CLEAN, storage: false }), null);
  await page.locator('#a').getByLabel('Trích yếu').waitFor();
  const r = await page.evaluate(([clean, withErrors]) => {
    const h = window.handles.a;
    const out = {};
    out.doc = h.getDocument();
    out.report = h.validate();
    const bad = structuredClone(clean);
    bad.header.subject = 5;
    try { h.setDocument(bad); out.bad = 'no error'; } catch (e) { out.bad = String(e.message ?? e); out.badPath = e.path; }
    try { h.setDocument('{"format": "kehoach", '); out.truncated = 'no error'; } catch (e) { out.truncated = String(e.message ?? e); }
    out.afterBad = h.getDocument().header.subject;
    h.setDocument(JSON.stringify(withErrors));
    out.reportAfter = h.validate();
    return out;
  }, [CLEAN, WITH_ERRORS]);
  assert.equal(r.doc.format, 'kehoach');
  assert.deepEqual(r.doc.header, CLEAN.header);
  assert.equal(r.report.errors, 0);
  assert.equal(r.badPath, 'header.subject', r.bad);
  assert.match(r.bad, /^The subject line: .* \/ Trích yếu: /, r.bad);
  assert.doesNotMatch(r.bad, /header\.subject/, r.bad);
  assert.match(r.truncated, /cắt cụt|EOF/i, r.truncated);
  assert.equal(r.afterBad, CLEAN.header.subject, 'a refused document changes nothing');
  assert.equal(r.reportAfter.errors, 2);
  assert.equal(await page.locator('#a').getByLabel('Trích yếu').inputValue(), '', 'the form shows the new document');
  // mount() rejects bad options with a message.
  assert.match(await mountIn(page, 'b', { document: { format: 'kehoach', version: 1, kind: 'plan', profile: 'state', header: 7 } }), /header/);
  assert.match(await mountIn(page, 'b', { exports: ['fax'] }), /fax/);
  // destroy: the shadow root is emptied; the handle refuses further calls; no more events.
  const d = await page.evaluate(() => {
    const h = window.handles.a;
    h.destroy();
    let after;
    try { h.getDocument(); after = 'no error'; } catch (e) { after = String(e.message ?? e); }
    return { children: document.getElementById('a').shadowRoot.childElementCount, after };
  });
  assert.equal(d.children, 0);
  assert.match(d.after, /destroyed|đã đóng/);
  // The element: methods delegate to its handle; removing it destroys the editor.
  const e = await page.evaluate(async (clean) => {
    const el = document.createElement('kehoach-editor');
    el.setAttribute('storage', 'none');
    el.options = { document: clean };
    document.body.append(el);
    await el.ready;
    const out = { subject: el.getDocument().header.subject, errors: el.validate().errors };
    try { el.setDocument({ format: 'kehoach', version: 1, kind: 'plan', profile: 'state', header: { subject: [] } }); } catch (err) { out.bad = String(err.message); out.badPath = err.path; }
    const shadow = el.shadowRoot;
    el.remove();
    out.afterRemove = shadow.childElementCount;
    try { el.getDocument(); } catch (err) { out.notMounted = String(err.message); }
    return out;
  }, CLEAN);
  assert.equal(e.subject, CLEAN.header.subject);
  assert.equal(e.errors, 0);
  assert.match(e.bad, /Trích yếu: /);
  assert.equal(e.badPath, 'header.subject');
  assert.equal(e.afterRemove, 0);
  assert.match(e.notMounted, /not mounted/);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems(), []);
});

test('iframe mode: the allowed origin (frame-config.json) is answered, a foreign origin is ignored', async () => {
  // Two more servers, two more origins: the allowed portal and a foreign page.
  const parents = mkdtempSync(join(tmpdir(), 'kehoach-parents-'));
  writeFiles(parents, {
    'parent.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cổng</title><link rel="icon" href="data:,">
<script type="module" src="parent.js"></script></head><body><iframe id="f" title="Soạn thảo" width="1200" height="700"></iframe></body></html>`,
    'parent.js': `window.received = [];
window.addEventListener('message', (ev) => window.received.push({ origin: ev.origin, data: ev.data }));
const frame = document.getElementById('f');
frame.src = new URLSearchParams(location.search).get('frame');
window.send = (message) => frame.contentWindow.postMessage(message, new URL(frame.src).origin);
// The frame says hello only to an allowed parent, which answers with its options.
const init = JSON.parse(new URLSearchParams(location.search).get('init') ?? '{"storage":false,"submit":true}');
window.addEventListener('message', (ev) => {
  if (ev.source === frame.contentWindow && ev.data?.type === 'kehoach:hello') window.send({ type: 'kehoach:init', id: 0, options: init });
});
window.ask = (message) => new Promise((resolve) => {
  const on = (ev) => { if (ev.data?.type === 'kehoach:result' && ev.data.id === message.id) { removeEventListener('message', on); resolve({ origin: ev.origin, data: ev.data }); } };
  addEventListener('message', on);
  window.send(message);
});
window.parentReady = true;`,
  });
  const allowed = await serve({ dir: parents });
  const foreign = await serve({ dir: parents });
  const allowedOrigin = new URL(allowed.url).origin;
  const frameOrigin = new URL(server.url).origin;
  // The allow-list is deployment configuration; the URL's ?origins= is not read any more.
  writeFiles(join(site, 'dist'), { 'frame-config.json': JSON.stringify({ origins: ['https://portal.example', allowedOrigin] }) });
  const frameUrl = `${server.url}dist/frame.html?origins=${encodeURIComponent(new URL(foreign.url).origin)}`;
  try {
    // The allowed portal.
    const { page, problems } = await cspPage();
    await page.goto(`${allowed.url}parent.html?frame=${encodeURIComponent(frameUrl)}`);
    await page.waitForFunction(() => window.received.some((m) => m.data?.type === 'kehoach:ready'), null, { timeout: 15000 });
    const types = await page.evaluate(() => window.received.map((m) => m.data.type));
    assert.equal(types[0], 'kehoach:hello', 'the frame says hello first');
    assert.ok(types.indexOf('kehoach:result') < types.indexOf('kehoach:ready'), 'init is answered before ready');
    const frame = page.frameLocator('#f');
    await frame.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
    const v = await page.evaluate(() => window.ask({ type: 'kehoach:validate', id: 1 }));
    assert.equal(v.origin, frameOrigin);
    assert.equal(v.data.ok, true);
    assert.equal(typeof v.data.value.errors, 'number');
    const s = await page.evaluate((doc) => window.ask({ type: 'kehoach:setDocument', id: 2, document: doc }), CLEAN);
    assert.deepEqual(s.data, { type: 'kehoach:result', id: 2, ok: true, value: null });
    const g = await page.evaluate(() => window.ask({ type: 'kehoach:getDocument', id: 3 }));
    assert.equal(g.data.value.header.subject, CLEAN.header.subject);
    const bad = await page.evaluate(() => window.ask({ type: 'kehoach:setDocument', id: 4, document: { format: 'kehoach', version: 1, kind: 'plan', profile: 'state', header: { subject: 5 } } }));
    assert.equal(bad.data.ok, false);
    assert.equal(bad.data.path, 'header.subject');
    assert.match(bad.data.error, /The subject line: .* \/ Trích yếu: /);
    // Events come as messages, only from the frame's origin.
    await frame.getByLabel('Trích yếu').fill('Gửi từ khung');
    await page.waitForFunction(() => window.received.some((m) => m.data?.event === 'change' && m.data.detail.header.subject === 'Gửi từ khung'));
    await frame.locator('#kh-submit').click();
    await page.waitForFunction(() => window.received.some((m) => m.data?.type === 'kehoach:event' && m.data.event === 'submit'));
    const got = await page.evaluate(() => window.received);
    assert.ok(got.every((m) => m.origin === frameOrigin));
    const change = got.findLast((m) => m.data.event === 'change');
    assert.equal(change.data.detail.header.subject, 'Gửi từ khung');
    assert.ok(got.some((m) => m.data.event === 'validate' && typeof m.data.detail.errors === 'number'));
    assert.equal(got.find((m) => m.data.event === 'submit').data.detail.document.header.subject, 'Gửi từ khung');
    assert.deepEqual(problems(), []);

    // The foreign page: same frame (its URL even names the foreign origin), not in the allow-list.
    const f = await cspPage();
    await f.page.goto(`${foreign.url}parent.html?frame=${encodeURIComponent(frameUrl)}`);
    const inner = f.page.frameLocator('#f');
    await inner.getByText('chưa được phép nhúng').waitFor({ timeout: 15000 });
    await f.page.evaluate((doc) => {
      window.send({ type: 'kehoach:getDocument', id: 1 });
      window.send({ type: 'kehoach:setDocument', id: 2, document: { ...doc, header: { ...doc.header, subject: 'Văn bản giả mạo' } } });
      window.send({ type: 'kehoach:validate', id: 3 });
    }, CLEAN);
    const frameEl = f.page.frames().find((fr) => fr.url().startsWith(`${server.url}dist/frame.html`));
    await frameEl.waitForFunction(() => Number(document.documentElement.dataset.ignoredMessages) >= 3);
    await f.page.waitForTimeout(300);
    assert.deepEqual(await f.page.evaluate(() => window.received), [], 'the foreign page got no hello, no ready, no result, no event');
    assert.equal(await inner.locator('.kh-app').count(), 0, 'no editor started for the foreign page');
    assert.equal(await inner.getByText('Văn bản giả mạo').count(), 0);
    assert.deepEqual(f.problems(), []);
  } finally {
    await allowed.close();
    await foreign.close();
    rmSync(parents, { recursive: true, force: true });
  }
});

test('served under a sub-path: mount(), the custom element (also with document-src) and frame.html find their assets', async () => {
  const sub = mkdtempSync(join(tmpdir(), 'kehoach-sub-'));
  cpSync(DIST, join(sub, 'apps/kehoach'), { recursive: true });
  writeFiles(sub, {
    'cong/trang.html': `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Cổng</title><link rel="icon" href="data:,">
<script type="module" src="../apps/kehoach/kehoach.js"></script><script type="module" src="trang.js"></script></head>
<body><kehoach-editor id="phan-tu" template="ke_hoach_trong" storage="none"></kehoach-editor><div id="m"></div><div id="n"></div>
<kehoach-editor id="tu-tep" document-src="ke-hoach.json" locale="en" storage="none"></kehoach-editor></body></html>`,
    'cong/ke-hoach.json': JSON.stringify(CLEAN),
    'cong/trang.js': `import { mount } from '/portal/apps/kehoach/kehoach.js';
window.m = await mount(document.getElementById('m'), { document: ${JSON.stringify(CLEAN)}, storage: false, locale: 'en' });
window.n = await mount(document.getElementById('n'), { document: ${JSON.stringify(CLEAN)}, storage: false, baseUrl: '/portal/apps/kehoach/' });
window.done = true;`,
  });
  const s = await serve({ dir: sub, prefix: '/portal/', headers: { 'content-security-policy': CSP } });
  try {
    const { page, problems, violations, log } = await cspPage();
    await page.goto(`${s.url}cong/trang.html`);
    await page.waitForFunction(() => window.done, null, { timeout: 15000 });
    await page.locator('#phan-tu .kh-start').waitFor();
    await page.locator('#m').getByLabel('Subject').waitFor();
    await page.locator('#n').getByLabel('Trích yếu').waitFor();
    // document-src: the plan fetched from the page's own origin.
    assert.equal(await page.locator('#tu-tep').getByLabel('Subject').inputValue(), CLEAN.header.subject);
    for (const id of ['#phan-tu', '#m', '#n', '#tu-tep']) {
      assert.equal(await page.locator(`${id} .kh-topbar`).evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(11, 79, 138)', `${id} styled`);
    }
    assert.ok(log.requests.includes(`${s.url}apps/kehoach/kehoach-web_bg.wasm`));
    assert.ok(log.requests.includes(`${s.url}apps/kehoach/app.css`));
    assert.equal(log.requests.filter((u) => u.endsWith('kehoach-web_bg.wasm')).length, 1, 'the first-load module is loaded once for four editors');
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems(), []);
    // The iframe page under the same sub-path, in a page of the allowed origin.
    writeFiles(sub, {
      'apps/kehoach/frame-config.json': JSON.stringify({ origins: [new URL(s.url).origin] }),
      'cong/khung.html': `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Khung</title><link rel="icon" href="data:,">
<script type="module" src="khung.js"></script></head><body><iframe id="f" title="Soạn thảo" src="../apps/kehoach/frame.html"></iframe></body></html>`,
      'cong/khung.js': `const f = document.getElementById('f');
addEventListener('message', (ev) => {
  if (ev.source === f.contentWindow && ev.data?.type === 'kehoach:hello') f.contentWindow.postMessage({ type: 'kehoach:init', id: 1, options: { template: 'ke_hoach_trong', storage: false } }, location.origin);
});`,
    });
    const fr = await cspPage();
    await fr.page.goto(`${s.url}cong/khung.html`);
    await fr.page.frameLocator('#f').locator('#kehoach-frame .kh-start').waitFor({ timeout: 15000 });
    assert.deepEqual(await fr.violations(), []);
    assert.deepEqual(fr.problems(), []);
  } finally {
    await s.close();
    rmSync(sub, { recursive: true, force: true });
  }
});

test('a new host page written only from docs/embedding.md embeds the editor and receives its submit event', async () => {
  const md = readFileSync(join(ROOT, 'docs/embedding.md'), 'utf8');
  const section = md.match(/<!-- check:host-page:start[\s\S]*?-->([\s\S]*?)<!-- check:host-page:end -->/);
  assert.ok(section, 'docs/embedding.md has the check:host-page markers');
  // Each code block follows a line naming its file: `name.ext`:
  const files = {};
  for (const [, name, code] of section[1].matchAll(/`([\w.-]+)`:\s*\n+```\w*\n([\s\S]*?)```/g)) files[name] = code;
  const page = Object.keys(files).find((n) => n.endsWith('.html'));
  assert.ok(page && Object.keys(files).length >= 2, `the snippet names its files: ${Object.keys(files)}`);
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-docs-'));
  cpSync(DIST, join(dir, 'static/kehoach'), { recursive: true });
  writeFiles(dir, files);
  const s = await serve({ dir, headers: { 'content-security-policy': CSP } });
  try {
    const rec = await cspPage();
    await rec.page.goto(`${s.url}${page}`);
    const editor = rec.page.locator('kehoach-editor');
    await editor.locator('.kh-title').waitFor({ timeout: 15000 });
    // A person finishes the plan (here: a clean document), then presses «Gửi».
    await rec.page.evaluate(async (doc) => {
      const el = document.querySelector('kehoach-editor');
      await el.ready;
      el.setDocument(doc);
    }, CLEAN);
    await editor.locator('#kh-submit').click();
    const shown = rec.page.getByText(`«${CLEAN.header.subject}»`);
    await shown.waitFor({ timeout: 5000 });
    assert.match(await shown.innerText(), /0 lỗi/);
    assert.deepEqual(await rec.violations(), []);
    assert.deepEqual(rec.problems(), []);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
