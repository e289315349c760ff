// Big documents (src/model/limits.rs): the largest plan the limits allow opens
// and every tab shows it; a plan over a limit is refused with a clear message,
// through the file import and the embed API, the open draft is kept (also
// after a reload), and the module keeps working. A field written twice is
// refused; a byte order mark is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, recordedPage } from './harness.mjs';
import { LIMITS, largestPlan, plan, textOf } from './bigplan.mjs';
import { TABS } from './limits.bench.mjs';

let site, server, browser;
before(async () => {
  site = mkdtempSync(join(tmpdir(), 'kehoach-limits-'));
  cpSync(DIST, site, { recursive: true });
  writeFileSync(join(site, 'host.html'), `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Thử</title>
<link rel="icon" href="data:,"><script type="module">import * as k from './kehoach.js'; window.kehoach = k; window.hostReady = true;</script></head>
<body><div id="a"></div><div id="b"></div><div id="c"></div></body></html>`);
  server = await serve({ dir: site });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** The plans just over each limit, with what the message must say. */
const OVER = [
  ['rows', () => plan({ rows: LIMITS.rows + 1 }), 'Văn bản quá lớn: phụ lục có 5.001 dòng, trình soạn thảo chỉ mở được tối đa 5.000 dòng. Hãy chia thành nhiều văn bản.'],
  ['body parts', () => plan({ nodes: LIMITS.bodyNodes + 1, rows: 10 }), 'Văn bản quá lớn: phần nội dung có 3.001 đề mục và đoạn văn, trình soạn thảo chỉ mở được tối đa 3.000. Hãy chia thành nhiều văn bản.'],
  ['field', () => plan({ nodes: 10, rows: 10, subject: textOf(LIMITS.fieldChars + 1) }), 'Văn bản quá lớn: một ô chữ có 10.001 ký tự, mỗi ô chỉ được tối đa 10.000 ký tự. Hãy chia đoạn dài thành nhiều đoạn.'],
];

/** JSON text over the byte limit: a valid plan padded with spaces. */
const tooManyBytes = () => JSON.stringify(plan({ nodes: 10, rows: 10 })) + ' '.repeat(LIMITS.bytes + 1);

const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** The standalone editor with an empty document whose subject is `subject`, saved. */
async function openDraft(subject) {
  const rec = await recordedPage(browser);
  await rec.page.goto(`${server.url}index.html`);
  await rec.page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await rec.page.getByLabel('Trích yếu').fill(subject);
  await rec.page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
  return rec;
}

const OPENED = 'Đã mở «lon-nhat.json»';

test('the largest plan the limits allow opens through the import and every tab shows its content', async () => {
  const { page, problems } = await openDraft('Bản cũ');
  await page.locator('#kh-import').setInputFiles(file('lon-nhat.json', JSON.stringify(largestPlan(), null, 2)));
  await page.locator('.kh-status-msg', { hasText: OPENED }).waitFor({ timeout: 60000 });
  // Stored without indentation, it fits Chromium's 5 M characters an origin.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => /draft:/.test(k) && localStorage.getItem(k).includes('lớn nhất')), null, { timeout: 30000 });
  for (const [name, selector] of TABS) {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.locator(selector).first().waitFor({ timeout: 60000 });
  }
  // The body is drawn in batches: in the end, every part of it.
  await page.getByRole('tab', { name: 'Nội dung', exact: true }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#kh-sec-body li.kh-node').length === n, LIMITS.bodyNodes - 1, { timeout: 60000 });
  await page.getByRole('tab', { name: 'Phụ lục', exact: true }).click();
  assert.equal(await page.locator('.kh-table').first().getAttribute('data-rows'), String(LIMITS.rows));
  await page.getByRole('tab', { name: 'Xem trước', exact: true }).click();
  await page.locator('#kh-paper p').first().waitFor({ timeout: 60000 }); // laid out a task after it is made
  assert.match(await page.locator('#kh-paper').innerText(), /KẾ HOẠCH LỚN NHẤT TRÌNH SOẠN THẢO MỞ ĐƯỢC/i);
  assert.deepEqual(problems(), []);
});

test('on the largest plan, where the check waits for a pause in typing, a fix shown before the last keystrokes never undoes them', async () => {
  const { page, problems } = await openDraft('Bản cũ');
  const doc = largestPlan();
  doc.header.subject = 'Kế hoạch  lớn nhất'; // a doubled space: a warning with a fix
  await page.locator('#kh-import').setInputFiles(file('lon-nhat.json', JSON.stringify(doc)));
  await page.locator('.kh-status-msg', { hasText: OPENED }).waitFor({ timeout: 60000 });
  await page.getByRole('tab', { name: 'Phần đầu', exact: true }).click();
  const subject = page.locator('#f-header-subject');
  const fix = page.locator('#f-header-subject-msg .kh-fix').first();
  await fix.waitFor({ timeout: 60000 });
  await subject.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' năm 2026');
  await fix.click();
  await page.waitForTimeout(1000);
  assert.match(await subject.inputValue(), / năm 2026$/, 'what was typed after the fix was shown is kept');
  // The up-to-date fix then takes: only the doubled space goes.
  await page.locator('#f-header-subject-msg .kh-fix').first().click();
  await page.waitForFunction(() => document.querySelector('#f-header-subject').value === 'Kế hoạch lớn nhất năm 2026');
  assert.deepEqual(problems(), []);
});

test('a plan over a limit is refused through the file import with the whole message; the open draft stays, also after a reload', async () => {
  const { page, problems } = await openDraft('Bản đang soạn');
  for (const [what, make, message] of [...OVER, ['bytes', null, 'Văn bản quá lớn: tệp có dung lượng 10,1 MB, trình soạn thảo chỉ mở được tệp tối đa 10,0 MB. Hãy chia thành nhiều văn bản.']]) {
    const text = make ? JSON.stringify(make(), null, 2) : tooManyBytes();
    await page.locator('#kh-import').setInputFiles(file(`qua-lon-${what.replace(' ', '-')}.json`, text));
    const status = page.locator('.kh-status-msg.kh-error', { hasText: message });
    await status.waitFor({ timeout: 15000 });
    assert.match(await status.innerText(), /Bản đang soạn không thay đổi/, what);
    assert.doesNotMatch(await status.innerText(), /\[\d+\]|body\.|appendices/, `${what}: no JSON path`);
    assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Bản đang soạn', what);
  }
  // One drop in the whole list of drafts: nothing was added or replaced.
  await page.reload();
  await page.getByLabel('Trích yếu').waitFor();
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Bản đang soạn');
  assert.deepEqual(problems(), []);
});

test('pasting rows past the row limit is refused with the message; the table keeps its rows', async () => {
  const { page, problems } = await openDraft('Bản có phụ lục');
  await page.locator('#kh-import').setInputFiles(file('gan-day.json', JSON.stringify(plan({ nodes: 10, rows: LIMITS.rows - 1, agencies: 5 }))));
  await page.locator('.kh-status-msg', { hasText: 'Đã mở' }).waitFor({ timeout: 30000 });
  await page.getByRole('tab', { name: 'Phụ lục', exact: true }).click();
  const cell = page.locator('#f-appendices-0-groups-0-rows-0-cells-1');
  await cell.waitFor();
  await cell.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Một\tA\nHai\tB\nBa\tC\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.locator('.kh-status-msg.kh-error', { hasText: 'phụ lục có 5.002 dòng, trình soạn thảo chỉ mở được tối đa 5.000 dòng' }).waitFor();
  assert.equal(await page.locator('.kh-table').first().getAttribute('data-rows'), String(LIMITS.rows - 1));
  // Every text field stops at the field limit.
  assert.equal(await cell.getAttribute('maxlength'), String(LIMITS.fieldChars));
  await page.getByRole('tab', { name: 'Phần đầu', exact: true }).click();
  assert.equal(await page.getByLabel('Trích yếu').getAttribute('maxlength'), String(LIMITS.fieldChars));
  assert.deepEqual(problems(), []);
});

test('setDocument and mount refuse a plan over a limit with the message; the editor and the module keep working', async () => {
  const { page, problems } = await recordedPage(browser);
  await page.goto(`${server.url}host.html`);
  await page.waitForFunction(() => window.hostReady);
  const small = plan({ nodes: 5, rows: 3, agencies: 3, subject: 'Kế hoạch nhỏ' });
  assert.equal(await page.evaluate(async (doc) => {
    window.a = await window.kehoach.mount(document.getElementById('a'), { document: doc, storage: false });
    return window.a.getDocument().header.subject;
  }, small), 'Kế hoạch nhỏ');
  const cases = [...OVER.map(([what, make, message]) => [what, make(), message]),
    ['bytes', tooManyBytes(), 'Văn bản quá lớn: tệp có dung lượng 10,1 MB']];
  for (const [what, doc, message] of cases) {
    const thrown = await page.evaluate((doc) => {
      try {
        window.a.setDocument(doc);
        return null;
      } catch (e) {
        return String(e.message ?? e);
      }
    }, doc);
    assert.ok(thrown?.includes(message), `${what}: ${thrown?.slice(0, 300)}`);
    assert.equal(await page.evaluate(() => window.a.getDocument().header.subject), 'Kế hoạch nhỏ', what);
  }
  // mount refuses it too, and the module still mounts and answers afterwards.
  const refused = await page.evaluate(async (doc) => {
    try {
      await window.kehoach.mount(document.getElementById('b'), { document: doc, storage: false });
      return null;
    } catch (e) {
      return String(e.message ?? e);
    }
  }, OVER[0][1]());
  assert.ok(refused?.includes(OVER[0][2]), refused);
  const after = await page.evaluate(async (doc) => {
    const c = await window.kehoach.mount(document.getElementById('c'), { document: doc, storage: false });
    return [c.getDocument().header.subject, window.a.getDocument().header.subject];
  }, { ...small, header: { ...small.header, subject: 'Sau khi từ chối' } });
  assert.deepEqual(after, ['Sau khi từ chối', 'Kế hoạch nhỏ']);
  await page.locator('#c').locator('.kh-title').waitFor();
  assert.deepEqual(problems(), []);
});

test('a file with a field written twice or a byte order mark: the first is refused with the message, the second opens', async () => {
  const { page, problems, context } = await openDraft('Bản đang soạn');
  const good = JSON.stringify(plan({ nodes: 3, rows: 2 }), null, 2);
  // The body written twice: the second, empty one would silently win.
  const twice = good.replace(/\n}$/, ',\n  "body": []\n}');
  await page.locator('#kh-import').setInputFiles(file('hai-lan.json', twice));
  const status = page.locator('.kh-status-msg.kh-error', { hasText: 'được ghi hai lần trong cùng một đối tượng' });
  await status.waitFor({ timeout: 15000 });
  assert.match(await status.innerText(), /Bản đang soạn không thay đổi/);
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Bản đang soạn');
  // Notepad's byte order mark before the same plan (written once) is skipped.
  await page.locator('#kh-import').setInputFiles(file('bom.json', `\uFEFF${good}`));
  await page.getByText('Đã mở «bom.json» thành một bản nháp mới.').waitFor({ timeout: 15000 });
  assert.deepEqual(problems(), []);
  await context.close();
});
