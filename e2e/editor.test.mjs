// User journeys through the editor, in Chromium against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();

/** A fresh browser context at the editor: the gallery's empty document, or `?sample=N`. */
async function open(query = '') {
  const rec = await recordedPage(env.browser);
  await rec.page.goto(env.server.url + query);
  await rec.page.locator('.kh-title').waitFor();
  if (!query) await rec.page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  return rec;
}

// A tab's part of the editor may load on first use: wait until it is drawn.
const tab = async (page, name) => {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('#kh-editor > :not(.kh-loading)').first().waitFor();
};

test('a broken field is listed in the issues panel, its link focuses the field, the fix clears it', async () => {
  const { page, problems } = await open();
  await page.getByLabel('Số', { exact: true }).fill('5');
  const link = page.locator('#kh-issues a', { hasText: 'số 0' }).first();
  await link.waitFor();
  assert.match(await page.locator('.kh-counts').innerText(), /[1-9]\d* lỗi/);
  await tab(page, 'Nội dung');
  await link.click();
  await page.waitForFunction(() => document.activeElement?.id === 'f-header-number');
  assert.equal(await page.locator('#f-header-number').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.locator('#f-header-number').getAttribute('aria-describedby'));
  await page.locator('#f-header-number').fill('05');
  await page.locator('#kh-issues a', { hasText: 'số 0' }).waitFor({ state: 'detached' });
  assert.equal(await page.locator('#f-header-number').getAttribute('aria-invalid'), null);
  assert.deepEqual(problems(), []);
});

test('20 rows pasted from a tab-separated clipboard land as typed rows', async () => {
  const { page, problems } = await open('?sample=1');
  await tab(page, 'Phụ lục');
  const rows = () => page.locator('.kh-table tr.kh-data-row').count();
  assert.equal(await rows(), 1);
  const tsv = Array.from({ length: 20 }, (_, i) =>
    [`Nhiệm vụ dán số ${i + 1}`, 'Phòng Văn hóa - Xã hội', 'Công an phường', 'Quý I/2026', 'Báo cáo'].join('\t')).join('\r\n') + '\r\n';
  const cell = page.locator('#f-appendices-0-groups-0-rows-0-cells-1');
  await cell.focus();
  await cell.evaluate((el, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, tsv);
  await page.waitForFunction(() => document.querySelectorAll('.kh-table tr.kh-data-row').length === 21);
  assert.equal(await page.locator('#f-appendices-0-groups-0-rows-1-cells-1').inputValue(), 'Nhiệm vụ dán số 1');
  assert.equal(await page.locator('#f-appendices-0-groups-0-rows-20-cells-2').inputValue(), 'Phòng Văn hóa - Xã hội');
  assert.equal(await page.locator('#f-appendices-0-groups-0-rows-20-cells-4').inputValue(), 'Quý I/2026');
  assert.match(await page.locator('.kh-status').innerText(), /Đã dán 20 dòng/);
  assert.deepEqual(problems(), []);
});

test('a reload in the middle of an edit restores everything typed', async () => {
  const { page, context, problems } = await open();
  await page.getByLabel('Trích yếu').fill('Triển khai thực hiện dân chủ ở cơ sở năm 2026');
  await page.getByLabel('Cơ quan ban hành').fill('ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor({ timeout: 3000 });
  await page.reload();
  await page.locator('.kh-title').waitFor();
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Triển khai thực hiện dân chủ ở cơ sở năm 2026');
  assert.equal(await page.getByLabel('Cơ quan ban hành').inputValue(), 'ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  await context.close();
  assert.deepEqual(problems(), []);
});

test('importing a broken JSON file says where it is broken and keeps the open draft', async () => {
  const { page } = await open();
  await page.getByLabel('Trích yếu').fill('Bản đang soạn');
  const dir = mkdtempSync(join(tmpdir(), 'kh-'));
  const bad = join(dir, 'hong.json');
  writeFileSync(bad, JSON.stringify({ format: 'kehoach', version: 1, kind: 'plan', profile: 'state', header: { issuing_body: 'X', body_code: 'UBND', symbol: 'KH-UBND', place: 'X', date: '2026', subject: 42 } }));
  await page.locator('#kh-import').setInputFiles(bad);
  const status = page.locator('.kh-status-msg.kh-error');
  await status.waitFor();
  const text = await status.innerText();
  assert.match(text, /hong\.json/);
  assert.match(text, /Trích yếu: cần một chuỗi chữ trong dấu ngoặc kép, nhưng tệp ghi số 42\./);
  assert.doesNotMatch(text, /header\.subject/);
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Bản đang soạn');
  const cut = join(dir, 'cut.json');
  writeFileSync(cut, '{"format": "kehoach", "version": 1, "header": {');
  await page.locator('#kh-import').setInputFiles(cut);
  await page.locator('.kh-status-msg.kh-error', { hasText: 'cắt cụt' }).waitFor();
});

test('typing Vietnamese through an input method loses and doubles nothing', async () => {
  const { page, problems } = await open();
  const field = page.getByLabel('Trích yếu');
  await field.focus();
  const cdp = await page.context().newCDPSession(page);
  // Telex-style composition: each word is composed, then committed.
  for (const [steps, commit] of [[['v', 'vi', 'vie', 'việ', 'việt'], 'việt '], [['n', 'na', 'nam'], 'nam']]) {
    for (const s of steps) await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
    await cdp.send('Input.insertText', { text: commit });
  }
  await page.waitForTimeout(100);
  assert.equal(await field.inputValue(), 'việt nam');
  assert.equal(await page.locator('#kh-preview-subject').innerText(), 'việt nam');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('#f-header-subject').value === '');
  await page.keyboard.press('Control+y');
  await page.waitForFunction(() => document.querySelector('#f-header-subject').value === 'việt nam');
  assert.deepEqual(problems(), []);
});

test('when storage is full the editor says so and offers the JSON download', async () => {
  const rec = await recordedPage(env.browser);
  await rec.page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
  });
  await rec.page.goto(env.server.url);
  await rec.page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await rec.page.getByLabel('Trích yếu').fill('Nội dung quan trọng');
  const status = rec.page.locator('.kh-status-msg.kh-error');
  await status.waitFor({ timeout: 3000 });
  assert.match(await status.innerText(), /Không lưu được/);
  assert.ok(await status.getByRole('button', { name: 'Tải JSON về máy' }).isVisible());
  assert.equal(await rec.page.getByLabel('Trích yếu').inputValue(), 'Nội dung quan trọng');
  const download = rec.page.waitForEvent('download');
  await status.getByRole('button', { name: 'Tải JSON về máy' }).click();
  const file = await (await download).path();
  const saved = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
  assert.equal(saved.header.subject, 'Nội dung quan trọng');
});

test('leaving a long table before it is first drawn leaves the editor working', async () => {
  // The table measures itself in the next frame; a tab switched away before
  // that frame must not touch the closed table (it once did, and the app died).
  const { page, problems } = await open('?sample=1000');
  await page.evaluate(async () => {
    const tabButton = (n) => [...document.querySelectorAll('[role=tab]')].find((b) => b.textContent.trim() === n);
    for (let i = 0; i < 5; i++) {
      tabButton('Phụ lục').click();
      await new Promise((ok) => setTimeout(ok, 0));
      tabButton('Phần đầu').click();
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    }
  });
  await page.locator('#f-header-subject').fill('Kế hoạch vẫn soạn được');
  await tab(page, 'Xem trước');
  await page.locator('#kh-paper', { hasText: 'Kế hoạch vẫn soạn được' }).waitFor();
  assert.deepEqual(problems(), []);
});

test('typing straight on after Enter in a table lands each line in its own row', async () => {
  const { page, problems } = await open();
  await tab(page, 'Phụ lục');
  await page.locator('#kh-add-appendix').click();
  await page.locator('#kh-add-appendix').click();
  const first = page.locator('#f-appendices-0-groups-0-rows-0-cells-1');
  await first.click();
  // No pause between keys: Enter adds a row and the next letters come at once,
  // before the browser's next frame. Frames are made late (as on a busy
  // laptop) so that every line's first letters come before it.
  await page.evaluate(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf(() => setTimeout(() => raf(cb), 150));
  });
  const lines = ['Tuyên truyền, phổ biến Kế hoạch', 'Nhiệm vụ hai', 'Nhiệm vụ ba', 'Nhiệm vụ bốn'];
  await page.keyboard.type(lines.join('\n'));
  const cells = page.locator('#f-appendices-0 textarea[id$="-cells-1"]');
  await page.waitForFunction((n) => document.querySelectorAll('#f-appendices-0 textarea[id$="-cells-1"]').length === n, lines.length);
  assert.deepEqual(await cells.evaluateAll((ts) => ts.map((t) => t.value)), lines);
  // The second appendix is untouched.
  assert.equal(await page.locator('#f-appendices-1-groups-0-rows-0-cells-1').inputValue(), '');
  assert.deepEqual(problems(), []);
});
