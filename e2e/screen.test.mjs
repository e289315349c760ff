// The screen of issue 20 (problems 5, 6, 9 and 10): importing from the
// gallery, the spacing fix, English that is complete and remembered, labels
// without internal values, timeframes in words, a grouped toolbar, a sans-serif
// interface, columns that fit their content, dates day first, whole file
// names and a built-in guide. Each journey failed on the build before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();

/** A fresh browser context at the editor (`?sample=N` opens a generated plan). */
async function open(query = '', options = {}) {
  const rec = await recordedPage(env.browser, options);
  await rec.page.goto(env.server.url + query);
  await rec.page.locator('.kh-title').waitFor();
  return rec;
}

const tab = async (page, name) => {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('#kh-editor > :not(.kh-loading)').first().waitFor();
};

const blankButton = (page) => page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' });
const fixture = () => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/004_ctr04_dang_uy_kien_an.json'), 'utf8'));
const file = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

test('a file imported from the gallery opens; a broken one is refused with every place in words', async () => {
  const { page, problems } = await open();
  await blankButton(page).waitFor();
  // A broken file: three wrong values in three places.
  const bad = fixture();
  bad.header.date = '26/12/2025';
  bad.header.subject = 5;
  bad.agencies[0].level = true;
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.locator('#kh-import').setInputFiles(file('hong.json', bad));
  const status = page.locator('.kh-status-msg.kh-error');
  await status.waitFor();
  const said = await status.innerText();
  assert.match(said, /Không nhập được «hong\.json»: tệp có 3 chỗ sai: \(1\) .*\(2\) .*\(3\) /s);
  assert.match(said, /Dòng ngày tháng ở phần đầu/);
  assert.doesNotMatch(said, /header\.|agencies\[|expected|invalid type|EOF|cần an /);
  // Nothing in this notice downloads the open plan under the file's name.
  assert.equal(await status.getByRole('button', { name: /Tải JSON/ }).count(), 0);
  assert.equal(downloads, 0);
  await blankButton(page).waitFor();
  // A good file opens, and the gallery gives way to it.
  await page.locator('#kh-import').setInputFiles(file('kien-an.json', fixture()));
  await page.getByLabel('Trích yếu').waitFor();
  assert.equal(await blankButton(page).count(), 0);
  assert.match(await page.locator('.kh-status').innerText(), /Đã mở «kien-an\.json»/);
  // The drafts list says when it was saved, day first.
  await page.getByRole('button', { name: 'Các bản nháp' }).click();
  const when = page.locator('.kh-draft-list .kh-hint').first();
  await when.waitFor();
  assert.match(await when.innerText(), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  assert.deepEqual(problems(), []);
});

test('the spacing fix puts the space after the comma and keeps the tone marks; text left wrong is reported', async () => {
  const { page, problems } = await open();
  await blankButton(page).click();
  const subject = page.getByLabel('Trích yếu');
  await subject.fill('Phát triển thuỷ lợi đến năm 2030 ,thuỷ lợi nội đồng');
  const found = page.locator('#f-header-subject-msg li', { hasText: /dấu cách/i });
  await found.waitFor();
  await found.getByRole('button', { name: 'Sửa tự động' }).click();
  await page.waitForFunction(() => document.querySelector('#f-header-subject').value.includes('2030, '));
  assert.equal(await subject.inputValue(), 'Phát triển thuỷ lợi đến năm 2030, thuỷ lợi nội đồng');
  // A comma glued to the next word is not silent.
  await subject.fill('Phát triển thủy lợi đến năm 2030,thủy lợi nội đồng');
  await page.locator('#f-header-subject-msg li', { hasText: /dấu cách/i }).waitFor();
  assert.deepEqual(problems(), []);
});

test('English is complete and remembered; counts take their plural', async () => {
  const { page, problems } = await open();
  await blankButton(page).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Empty document (no template)' }).waitFor();
  assert.equal(await page.locator('.kh-title').innerText(), 'Plan editor');
  await page.getByRole('button', { name: 'Empty document (no template)' }).click();
  const subject = page.getByLabel('Subject');
  await subject.fill('Triển khai công tác chuyển đổi số năm 2026');
  await page.locator('.kh-draft-label', { hasText: 'saved' }).waitFor({ timeout: 3000 });
  assert.equal(await page.locator('.kh-draft-label').innerText(), 'Empty document · saved');
  const warnings = page.locator('.kh-count.kh-warning');
  await warnings.waitFor();
  const before = Number((await warnings.innerText()).split(' ')[0]);
  // One more warning (a doubled space) makes the count move by one.
  await subject.fill('Triển khai công tác  chuyển đổi số năm 2026');
  await page.waitForFunction((n) => document.querySelector('.kh-count.kh-warning').innerText.startsWith(`${n + 1} `), before);
  const shown = await warnings.innerText();
  assert.equal(shown, before + 1 === 1 ? '1 warning' : `${before + 1} warnings`);
  if (before === 0) assert.equal(shown, '1 warning');
  const top = await page.locator('.kh-topbar').innerText();
  assert.doesNotMatch(top, /Soạn thảo|Bản nháp|Văn bản trống|lỗi|cảnh báo/);
  await page.reload();
  await page.getByLabel('Subject').waitFor();
  assert.equal(await page.locator('.kh-lang').innerText(), 'Tiếng Việt');
  assert.deepEqual(problems(), []);
});

test('a template form shows labels and real examples, never internal values; timeframes in words are understood', async () => {
  const { page, problems } = await open();
  await page.getByRole('button', { name: /Dùng mẫu này: Kế hoạch của phường, xã thực hiện Nghị quyết về dân chủ/ }).click();
  await page.locator('#fact-ten_don_vi').waitFor();
  const form = await page.locator('.kh-gallery').innerText();
  assert.doesNotMatch(form, /\b[a-z]+_[a-z_]+\b/, 'no internal value such as chu_tich');
  for (const ph of await page.locator('.kh-gallery input').evaluateAll((e) => e.map((x) => x.placeholder))) {
    assert.doesNotMatch(ph, /^\s*(ví dụ:?|e\.g\.)\s*\S{0,4}$/i, `placeholder «${ph}»`);
  }
  assert.match(await page.locator('#fact-so_nq-hint').innerText(), /ví dụ: 41/);
  const signer = await page.locator('#fact-chuc_vu_ky option').allInnerTexts();
  assert.ok(signer.includes('Chủ tịch'), `${signer}`);
  const facts = {
    ten_don_vi: 'Lê Chân', so_nq: '41', ngay_nq: '23/12/2025', ngay_ke_hoach: '2026', so_kh_cap_tren: '347',
    ngay_kh_cap_tren: '26/12/2025', han_bao_cao_cap_tren: '10/6, 15/9, 15/11', nguoi_ky: 'Nguyễn Văn An',
  };
  await page.selectOption('#fact-cap', 'phường');
  await page.selectOption('#fact-chuc_vu_ky', 'chu_tich');
  for (const [k, v] of Object.entries(facts)) await page.locator(`#fact-${k}`).fill(v);
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.getByLabel('Trích yếu').waitFor();
  await page.locator('.kh-counts').waitFor();
  // A fresh plan does not quote the template's own text back at its author.
  for (const f of await page.locator('.kh-issues-list li').allInnerTexts()) {
    assert.ok(f.length < 300, `a finding quotes ${f.length} characters: ${f.slice(0, 120)}…`);
  }
  await tab(page, 'Nội dung');
  const tf = page.locator('[id$="-task-timeframe"]').first();
  const id = await tf.getAttribute('id');
  const understood = page.locator(`#${id}-understood`);
  await tf.fill('quý 2 năm 2026');
  await page.waitForFunction((i) => document.getElementById(i).innerText.includes('Quý II/2026'), `${id}-understood`);
  assert.equal(await understood.innerText(), 'Hiểu là một quý: «Quý II/2026»');
  await tf.fill('6 tháng đầu năm 2026');
  await page.waitForFunction((i) => document.getElementById(i).innerText.includes('6 tháng đầu'), `${id}-understood`);
  assert.doesNotMatch(await understood.innerText(), /Chưa hiểu/);
  assert.deepEqual(problems(), []);
});

test('the screen: a grouped toolbar, a sans-serif interface, columns that fit, dates day first, whole file names, a guide', async () => {
  const { page, problems } = await open();
  // The guide is reachable from the first screen.
  await blankButton(page).waitFor();
  await page.getByRole('button', { name: 'Hướng dẫn' }).click();
  await page.getByRole('heading', { name: 'Hướng dẫn nhanh' }).waitFor();
  await page.getByRole('button', { name: 'Đóng hướng dẫn' }).click();
  // The toolbar is grouped: Văn bản, Xuất.
  const group = (name) => page.getByRole('group', { name, exact: true });
  for (const b of ['Văn bản mới…', 'Các bản nháp', 'Lưu làm mẫu']) {
    assert.equal(await group('Văn bản').getByRole('button', { name: b }).count(), 1, b);
  }
  for (const b of ['Tải .docx', 'Tải .txt', 'Tải JSON', 'Sao chép văn bản', 'In']) {
    assert.equal(await group('Xuất').getByRole('button', { name: b }).count(), 1, b);
  }
  const font = (sel) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).fontFamily);
  assert.doesNotMatch(await font('.kh-app'), /^"?Times/);
  page.on('dialog', (d) => d.accept());
  await page.goto(env.server.url + '?sample=1');
  await page.locator('.kh-title').waitFor();
  await tab(page, 'Xem trước');
  assert.match(await font('.kh-paper'), /^"?Times New Roman/);
  // Each help line is under its field.
  await tab(page, 'Phần đầu');
  const described = await page.locator('#f-header-subject').getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described.split(' ')[0]}`).innerText(), /ví dụ/);
  // An agency cell shows its whole name; so does the appendix title.
  await tab(page, 'Phụ lục');
  const cell = page.locator('#f-appendices-0-groups-0-rows-0-cells-2');
  await cell.fill('Phòng Văn hóa - Xã hội');
  await cell.press('Tab');
  await tab(page, 'Nội dung');
  await tab(page, 'Phụ lục');
  const fits = (sel) => page.locator(sel).evaluate((e) => e.scrollWidth <= e.clientWidth);
  assert.ok(await fits('#f-appendices-0-groups-0-rows-0-cells-2'), 'the agency name is not cut');
  await page.locator('#f-appendices-0-title').fill('DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN NĂM 2026');
  assert.ok(await fits('#f-appendices-0-title'), 'the appendix title is not cut');
  // A long subject gives a file name of whole words.
  await tab(page, 'Phần đầu');
  await page.getByLabel('Trích yếu').fill('Tổ chức các hoạt động kỷ niệm và tuyên truyền ngày 11/12/2025');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#kh-export-docx').click()]);
  assert.equal(download.suggestedFilename(), 'to-chuc-cac-hoat-dong-ky-niem-va-tuyen-truyen-ngay-11-12-2025.docx');
  assert.deepEqual(problems(), []);
});
