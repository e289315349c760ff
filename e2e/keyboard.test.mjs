// The editor by keyboard only (issue 20, problems 7 and 8): the focus lands on
// the next thing to do after every action, tables move as in a spreadsheet,
// tabs follow the arrow keys, F8 goes to the next problem, Esc closes what is
// open, and every date is typed day first. Each journey failed on the build
// before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();

/** A fresh browser context at the editor (`?sample=N` opens a generated plan). */
async function open(query = '', options = {}) {
  const rec = await recordedPage(env.browser, options);
  await rec.page.goto(env.server.url + query);
  await rec.page.locator('.kh-title').waitFor();
  return rec;
}

// A tab's part of the editor may load on first use: wait until it is drawn.
const tab = async (page, name) => {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('#kh-editor > :not(.kh-loading)').first().waitFor();
};

/** The id of the focused element ('BODY' when the focus fell to the page). */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return !a || a === document.body ? 'BODY' : a.id || `${a.tagName}:${a.textContent.trim().slice(0, 40)}`;
});

/** Wait until the focused element's id matches `pattern`; fail saying where the focus is. */
async function focusIs(page, pattern, what) {
  const ok = await page.waitForFunction((src) => {
    const a = document.activeElement;
    return a && a !== document.body && new RegExp(src).test(a.id);
  }, pattern.source, { timeout: 3000 }).then(() => true, () => false);
  assert.ok(ok, `${what}: the focus is on ${await focused(page)}, not ${pattern}`);
}

/** Wait until the focus is in the editor's tab (not the page, not the panel). */
async function inEditor(page, what) {
  const ok = await page.waitForFunction(() => document.querySelector('#kh-editor')?.contains(document.activeElement), null, { timeout: 3000 })
    .then(() => true, () => false);
  assert.ok(ok, `${what}: the focus is on ${await focused(page)}, outside the editor`);
}

/** Press `key` on the element (focused first, as a keyboard user would have it). */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}

const cell = (r, c) => `#f-appendices-0-groups-0-rows-${r}-cells-${c}`;
const rows = (page) => page.locator('.kh-table tr.kh-data-row').count();

test('the focus follows a template: chosen, another one, created, a new document', async () => {
  const { page, problems } = await open();
  const use = page.getByRole('button', { name: /Dùng mẫu này: Kế hoạch của phường, xã thực hiện Nghị quyết về dân chủ/ });
  await press(use);
  await page.locator('form.kh-start').waitFor();
  await focusIs(page, /^fact-cap$/, 'after choosing a template');
  await press(page.getByRole('button', { name: 'Chọn mẫu khác' }));
  await focusIs(page, /^kh-use-/, 'back to the templates');
  await page.keyboard.press('Enter');
  await page.locator('form.kh-start').waitFor();
  const given = { ten_don_vi: 'Hồng An', so_nq: '41', ngay_nq: '23/12/2025', nguoi_ky: 'Nguyễn Hữu Thanh' };
  for (const el of await page.locator('.kh-start input, .kh-start select').all()) {
    const id = await el.getAttribute('id');
    const key = id.replace(/^fact-/, '');
    // The template's example is in the help line under the label.
    const hint = page.locator(`#${id}-hint`);
    const example = (await hint.count()) ? ((await hint.innerText()).split(/ví dụ:\s*/i)[1] ?? '') : '';
    if (await el.evaluate((e) => e.tagName === 'SELECT')) {
      const options = await el.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      await el.selectOption(options[0]);
    } else if (given[key] ?? example) {
      await el.fill(given[key] ?? example);
    }
  }
  await press(page.getByRole('button', { name: 'Tạo kế hoạch' }));
  await page.getByRole('tab', { name: 'Phần đầu' }).waitFor();
  await focusIs(page, /^f-/, 'after «Tạo kế hoạch»');
  assert.ok(await page.evaluate(() => document.querySelector('#kh-editor').contains(document.activeElement)));
  // «Văn bản mới…» opens the gallery with the focus on the first template.
  await press(page.getByRole('button', { name: 'Văn bản mới…' }));
  await focusIs(page, /^kh-use-/, 'after «Văn bản mới…»');
  await press(page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }));
  await focusIs(page, /^f-/, 'after «Văn bản trống»');
  assert.deepEqual(problems(), []);
});

test('Nơi nhận: a new line takes the typing, a deleted line hands the focus on', async () => {
  const { page, problems } = await open('?sample=1');
  await tab(page, 'Nơi nhận, chữ ký');
  const items = page.locator('#kh-sec-recipients ol.kh-list > li');
  const before = await items.count();
  await press(page.getByRole('button', { name: '+ Thêm nơi nhận' }));
  await page.keyboard.type('UBND quận Lê Chân');
  assert.equal(await items.count(), before + 1, 'typing a space did not press the button again');
  const last = items.nth(before).locator('input');
  assert.equal(await last.inputValue(), 'UBND quận Lê Chân');
  // Deleting the first line: the focus goes to the line that took its place.
  const second = await items.nth(1).locator('input').inputValue();
  await press(items.nth(0).getByRole('button', { name: 'Xóa' }));
  await focusIs(page, /^f-recipients-items-0$/, 'after deleting the first line');
  assert.equal(await page.locator('#f-recipients-items-0').inputValue(), second);
  // Deleting the last line: the focus goes to the add button.
  const n = await items.count();
  await press(items.nth(n - 1).getByRole('button', { name: 'Xóa' }));
  await page.waitForFunction(() => document.activeElement?.textContent?.includes('Thêm nơi nhận'), null, { timeout: 3000 })
    .catch(async () => assert.fail(`after deleting the last line the focus is on ${await focused(page)}`));
  assert.deepEqual(problems(), []);
});

test('«Sửa tự động» puts the focus in the field it fixed', async () => {
  const { page, problems } = await open();
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  const subject = page.getByLabel('Trích yếu');
  const id = await subject.getAttribute('id');
  for (const where of ['.kh-issues', `#${id}-msg`]) {
    await subject.fill('Thực hiện  công tác năm 2026 , tại phường');
    const fix = page.locator(`${where} li`, { hasText: 'dấu cách' }).getByRole('button', { name: 'Sửa tự động' }).first();
    await fix.waitFor();
    await press(fix);
    await focusIs(page, new RegExp(`^${id}$`), `after «Sửa tự động» in ${where}`);
    assert.equal(await subject.inputValue(), 'Thực hiện công tác năm 2026, tại phường');
  }
  assert.deepEqual(problems(), []);
});

test('appendix keys as in a spreadsheet: Tab at the last cell, Enter, Ctrl+Enter', async () => {
  const { page, problems } = await open('?sample=1');
  await tab(page, 'Phụ lục');
  const n = await rows(page);
  const last = n - 1;
  // Tab across the last row, then Tab at its last cell: a new row, first column.
  await page.locator(cell(last, 1)).focus();
  for (let c = 1; c < 5; c++) await page.keyboard.press('Tab');
  await focusIs(page, new RegExp(`cells-5$`), 'Tab across the row');
  await page.keyboard.press('Tab');
  await focusIs(page, new RegExp(`rows-${n}-cells-1$`), 'Tab at the last cell');
  assert.equal(await rows(page), n + 1);
  // Typed across with Tab, Enter at the last cell: the next row, where the Tabs began.
  await page.keyboard.type('Kiểm tra');
  for (let c = 1; c < 5; c++) await page.keyboard.press('Tab');
  await page.keyboard.type('Báo cáo');
  await page.keyboard.press('Enter');
  await focusIs(page, new RegExp(`rows-${n + 1}-cells-1$`), 'Enter at the last cell after Tabs');
  assert.equal(await rows(page), n + 2);
  // Enter anywhere else: the same column, the next row.
  await page.locator(cell(n, 3)).focus();
  await page.keyboard.press('Enter');
  await focusIs(page, new RegExp(`rows-${n + 1}-cells-3$`), 'Enter in a cell');
  // Ctrl+Enter inserts a row under the cursor, same column.
  await page.locator(cell(0, 2)).focus();
  await page.keyboard.press('Control+Enter');
  await focusIs(page, /rows-1-cells-2$/, 'Ctrl+Enter');
  assert.equal(await rows(page), n + 3);
  // A blank last row: Tab at its last cell leaves the table (no endless rows).
  await page.locator(cell(n + 2, 5)).focus();
  await page.keyboard.press('Tab');
  await page.waitForTimeout(100);
  assert.equal(await rows(page), n + 3);
  assert.deepEqual(problems(), []);
});

test('the tabs follow the arrow keys, Home and End; one tab is in the Tab order', async () => {
  const { page, problems } = await open('?sample=1');
  const selected = () => page.locator('[role=tab][aria-selected=true]').innerText();
  await page.getByRole('tab', { name: 'Phần đầu' }).focus();
  assert.equal(await page.locator('[role=tab][tabindex="0"]').count(), 1);
  assert.equal(await page.locator('[role=tab][tabindex="-1"]').count(), 6);
  for (const [key, name] of [['ArrowRight', 'Nội dung'], ['End', 'Xem trước'], ['ArrowRight', 'Phần đầu'],
    ['ArrowLeft', 'Xem trước'], ['Home', 'Phần đầu'], ['ArrowRight', 'Nội dung']]) {
    await page.keyboard.press(key);
    assert.equal(await selected(), name, `after ${key}`);
    assert.equal(await page.evaluate(() => document.activeElement.innerText), name);
  }
  assert.equal(await page.locator('[role=tab][tabindex="0"]').innerText(), 'Nội dung');
  await page.locator('#kh-sec-body').waitFor();
  assert.deepEqual(problems(), []);
});

test('a skip link to the checks; F8 and Alt+K go to the next problem and its field', async () => {
  const { page, problems } = await open();
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await page.getByLabel('Trích yếu').fill('Kế hoạch thử');
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor({ timeout: 3000 });
  // The draft reopens: the first Tab of the page reaches the skip link.
  await page.reload();
  await page.locator('.kh-issues-list a').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.innerText), 'Đến phần Kiểm tra văn bản');
  await page.keyboard.press('Enter');
  await focusIs(page, /^kh-issues$/, 'the skip link');
  const links = await page.locator('.kh-issues-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href').slice(1)));
  for (const [i, key] of [[0, 'F8'], [1, 'F8'], [2, 'Alt+k']]) {
    await page.keyboard.press(key);
    // The problem's own field, or (a part with no field of its own) its tab's first field.
    const own = await page.locator(`#${links[i]}, #${links[i]}-text`).count();
    if (own) await focusIs(page, new RegExp(`^${links[i]}`), `${key}, problem ${i + 1}`);
    await inEditor(page, `${key}, problem ${i + 1}`);
    assert.match(await page.locator('.kh-status').innerText(), new RegExp(`Vấn đề ${i + 1} trên ${links.length}`));
  }
  await page.keyboard.press('Shift+F8');
  assert.match(await page.locator('.kh-status').innerText(), new RegExp(`Vấn đề 2 trên ${links.length}`));
  await inEditor(page, 'Shift+F8');
  assert.deepEqual(problems(), []);
});

test('Esc closes the drafts list, the paste dialog, the agency matches and the columns box', async () => {
  const { page, problems } = await open('?sample=1');
  const draftsButton = page.getByRole('button', { name: 'Các bản nháp' });
  await press(draftsButton);
  await page.locator('.kh-drafts').waitFor();
  await page.waitForFunction(() => document.querySelector('.kh-drafts')?.contains(document.activeElement), null, { timeout: 3000 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await page.locator('.kh-drafts').waitFor({ state: 'detached', timeout: 3000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kh-drafts-button');
  // The paste dialog: what was typed is kept for next time.
  await press(page.getByRole('button', { name: 'Dán cả văn bản…' }));
  await focusIs(page, /^kh-paste-text$/, 'the paste dialog');
  await page.keyboard.type('KẾ HOẠCH');
  await page.keyboard.press('Escape');
  await page.locator('#kh-paste-text').waitFor({ state: 'detached', timeout: 3000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kh-paste-whole');
  // The agency matches close; what was typed stays.
  await tab(page, 'Nội dung');
  const lead = page.locator('#f-body-1-children-0-task-lead');
  await lead.fill('công an');
  const list = page.locator('#f-body-1-children-0-task-lead-choices');
  await list.getByRole('button', { name: 'Công an phường', exact: true }).waitFor();
  await lead.press('Escape');
  await list.waitFor({ state: 'hidden', timeout: 3000 });
  assert.equal(await lead.inputValue(), 'công an');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-body-1-children-0-task-lead');
  // The columns box of a table.
  await tab(page, 'Phụ lục');
  const summary = page.locator('details.kh-columns summary').first();
  await press(summary);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('details.kh-columns').first().getAttribute('open'), null);
  assert.equal(await summary.evaluate((s) => s === document.activeElement), true);
  assert.deepEqual(problems(), []);
});

test('«Nhập JSON…» shows a focus ring when the keyboard reaches it', async () => {
  const { page, problems } = await open('?sample=1');
  // «Nhập JSON…» comes just before «Dán cả văn bản…» in the toolbar.
  await page.getByRole('button', { name: 'Dán cả văn bản…' }).focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kh-import');
  const outline = await page.locator('label[for=kh-import]').evaluate((l) => {
    const s = getComputedStyle(l);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  assert.equal(outline, 'solid 3px');
  assert.deepEqual(problems(), []);
});

test('the parent plan\'s date is typed day first in an English browser', async () => {
  const { page, problems } = await open('?sample=1', { locale: 'en-US' });
  await tab(page, 'Cấp trên, thời hạn');
  const add = page.getByRole('button', { name: '+ Kế hoạch này thực hiện một kế hoạch cấp trên' });
  if (await add.count()) await add.click();
  const date = page.locator('#f-parent-date');
  await date.waitFor();
  assert.equal(await date.getAttribute('type'), 'text', 'not the browser\'s date picker');
  await date.fill('05012026');
  await date.press('Tab');
  const hint = page.locator('.kh-date', { has: date }).locator('.kh-hint', { hasText: 'ngày 05 tháng 01 năm 2026' });
  await hint.waitFor();
  assert.equal(await date.inputValue(), '05/01/2026');
  await date.fill('31/06/2026');
  await date.press('Tab');
  await page.locator('#f-parent-date-typed', { hasText: '31/6/2026 không có thật' }).waitFor();
  assert.equal(await date.inputValue(), '31/06/2026', 'what was typed stays');
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  await hint.waitFor();
  assert.deepEqual(problems(), []);
});
