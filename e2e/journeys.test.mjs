// A ward officer's day in the editor (issue 20): a calm first visit, Excel
// rows pasted with their titles or STT column, agencies chosen (never made up)
// and dates typed day first. Each journey failed on the build before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openEditor, showTab } from './harness.mjs';

const env = withBrowser();

const open = (query, options) => openEditor(env, query, options);

const tab = showTab;

const blankButton = (page) => page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' });

/** Paste `text` into the element `selector` as a clipboard paste. */
async function paste(page, selector, text) {
  const el = page.locator(selector);
  await el.focus();
  await el.evaluate((node, t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    node.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

const cell = (r, c) => `#f-appendices-0-groups-0-rows-${r}-cells-${c}`;

test('a first visit that only looks around stores nothing, and a reload shows the gallery again', async () => {
  const { page, problems } = await open();
  await blankButton(page).waitFor();
  assert.doesNotMatch(await page.locator('.kh-app').innerText(), /\d+ lỗi/);
  await blankButton(page).click();
  await page.getByLabel('Trích yếu').waitFor();
  const year = new Date().getFullYear();
  const text = await page.locator('.kh-app').innerText();
  assert.doesNotMatch(text, /năm 0\b/i, 'a blank document is dated by this year, not year 0');
  assert.match(text, new RegExp(`năm ${year}`));
  assert.equal(await page.locator('#f-header-date-year').inputValue(), String(year));
  await page.waitForTimeout(1200); // longer than the autosave delay
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('draft'))), []);
  await page.reload();
  await blankButton(page).waitFor();
  assert.doesNotMatch(await page.locator('.kh-app').innerText(), /\d+ lỗi|năm 0\b/);
  // Typing is what stores a draft: then a reload opens it.
  await blankButton(page).click();
  await page.getByLabel('Trích yếu').fill('Kế hoạch thử');
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor({ timeout: 3000 });
  await page.reload();
  await page.getByLabel('Trích yếu').waitFor();
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Kế hoạch thử');
  assert.deepEqual(problems(), []);
});

test('Excel rows with an STT column, or with a title row, land under the right columns', async () => {
  const { page, problems } = await open('?sample=1');
  await tab(page, 'Phụ lục');
  // Excel copies the STT column too: it is left out, nothing shifts.
  const numbered = [
    ['1', 'Tuyên truyền pháp luật', 'Công an phường', 'Phòng Văn hóa - Xã hội', 'Quý I/2026', 'Báo cáo'],
    ['2', 'Kiểm tra định kỳ', 'Văn phòng HĐND và UBND', '', 'Năm 2026', 'Biên bản'],
  ].map((r) => r.join('\t')).join('\r\n') + '\r\n';
  await paste(page, cell(0, 1), numbered);
  await page.waitForFunction(() => document.querySelectorAll('.kh-table tr.kh-data-row').length === 3);
  assert.equal(await page.locator(cell(1, 1)).inputValue(), 'Tuyên truyền pháp luật');
  assert.equal(await page.locator(cell(1, 2)).inputValue(), 'Công an phường');
  assert.equal(await page.locator(cell(2, 4)).inputValue(), 'Năm 2026');
  assert.equal(await page.locator(cell(2, 5)).inputValue(), 'Biên bản', 'the last column is kept');
  assert.match(await page.locator('.kh-status').innerText(), /Đã dán 2 dòng; bỏ cột STT/);
  // A block copied with its title row, columns in another order.
  const titled = [
    ['STT', 'Thời gian thực hiện', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì'],
    ['1', 'Năm 2027', 'Sơ kết giữa kỳ', 'cong an phuong'],
  ].map((r) => r.join('\t')).join('\n');
  await paste(page, cell(2, 1), titled);
  await page.waitForFunction(() => document.querySelectorAll('.kh-table tr.kh-data-row').length === 4);
  assert.equal(await page.locator(cell(3, 1)).inputValue(), 'Sơ kết giữa kỳ');
  assert.equal(await page.locator(cell(3, 2)).inputValue(), 'Công an phường');
  assert.equal(await page.locator(cell(3, 4)).inputValue(), 'Năm 2027');
  assert.match(await page.locator('.kh-status').innerText(), /Đã dán 1 dòng; xếp cột theo tiêu đề/);
  assert.deepEqual(problems(), []);
});

test('typed agency names choose from the directory; a new agency only on request', async () => {
  const { page, problems } = await open('?sample=1');
  const agencies = async () => {
    await tab(page, 'Cơ quan');
    const n = await page.locator('.kh-directory tbody tr').count();
    return n;
  };
  const before = await agencies();
  await tab(page, 'Nội dung');
  const lead = page.locator('#f-body-1-children-0-task-lead');
  const chips = page.locator('.kh-agency-picker', { has: lead }).locator('.kh-chip');
  assert.equal(await chips.count(), 1);
  await lead.fill('công an');
  await page.getByRole('button', { name: 'Công an phường', exact: true }).waitFor();
  await lead.press('Enter');
  await page.waitForFunction(() => document.querySelector('#f-body-1-children-0-task-lead').value === '');
  assert.deepEqual(await chips.allInnerTexts().then((t) => t.map((x) => x.replace('×', '').trim())), ['Công an phường'],
    'the lead holds one agency: the choice replaced the one before');
  // An unknown name is not added by Enter; the explicit choice adds it.
  await lead.fill('Ban Chỉ huy quân sự');
  await lead.press('Enter');
  assert.match(await page.locator('.kh-status').innerText(), /chưa có trong danh mục/);
  assert.equal(await lead.inputValue(), 'Ban Chỉ huy quân sự', 'what was typed is kept');
  assert.equal(await agencies(), before);
  await tab(page, 'Nội dung');
  await lead.fill('Ban Chỉ huy quân sự');
  await page.getByRole('button', { name: 'Thêm «Ban Chỉ huy quân sự» vào danh mục' }).click();
  await chips.filter({ hasText: 'Ban Chỉ huy quân sự' }).waitFor();
  assert.equal(await agencies(), before + 1);
  // In an appendix cell an unknown name is kept as typed and marked.
  await tab(page, 'Phụ lục');
  const leadCell = page.locator(cell(0, 2));
  await leadCell.fill('Đội Trật tự đô thị');
  await leadCell.press('Tab');
  const note = page.locator('.kh-unlisted');
  await note.waitFor();
  assert.match(await note.innerText(), /«Đội Trật tự đô thị» chưa có trong danh mục/);
  assert.equal(await leadCell.inputValue(), 'Đội Trật tự đô thị');
  assert.equal(await agencies(), before + 1);
  await tab(page, 'Phụ lục');
  await page.getByRole('button', { name: 'Thêm «Đội Trật tự đô thị» vào danh mục' }).click();
  await note.waitFor({ state: 'detached' });
  assert.equal(await agencies(), before + 2);
  // An agency in use is not deleted: the message says where it is used.
  const at = await page.locator('.kh-directory tbody tr').evaluateAll((rows) =>
    rows.findIndex((r) => r.querySelector('input')?.value === 'Văn phòng HĐND và UBND'));
  assert.ok(at >= 0);
  await page.locator('.kh-directory tbody tr').nth(at).getByRole('button', { name: 'Xóa' }).click();
  assert.match(await page.locator('.kh-status').innerText(), /Không xóa «Văn phòng HĐND và UBND»: .*đang được dùng ở mục «Tổ chức quán triệt, tuyên truyền, phổ biến»; Phụ lục I, dòng 1/);
  assert.equal(await agencies(), before + 2);
  assert.deepEqual(problems(), []);
});

test('the issue date is typed day first in every browser language; a wrong date keeps what was typed', async () => {
  const { page, problems } = await open('', { locale: 'en-US' });
  await blankButton(page).click();
  await page.locator('#f-header-date-draft').uncheck();
  const date = page.locator('#f-header-date-input');
  await date.fill('05012026');
  await date.press('Enter');
  await date.blur();
  await page.locator('.kh-date .kh-hint', { hasText: 'ngày 05 tháng 01 năm 2026' }).waitFor();
  assert.equal(await date.inputValue(), '05/01/2026');
  for (const typed of ['5/1/2026', '05-01-2026']) {
    await date.fill('01/02/2027');
    await date.blur();
    await date.fill(typed);
    await date.blur();
    await page.locator('.kh-date .kh-hint', { hasText: 'ngày 05 tháng 01 năm 2026' }).waitFor();
  }
  await date.fill('31/06/2026');
  await date.blur();
  const why = page.locator('#f-header-date-typed');
  await why.waitFor();
  assert.match(await why.innerText(), /31\/6\/2026 không có thật/);
  assert.equal(await date.inputValue(), '31/06/2026', 'what was typed stays');
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  await page.locator('.kh-date .kh-hint', { hasText: 'ngày 05 tháng 01 năm 2026' }).waitFor();
  assert.deepEqual(problems(), []);
});
