// Opening plans written elsewhere: a Word file from the file picker or dropped
// on the page, and a whole plan pasted as text. The import report shows before
// the document opens; a file that cannot be read says what to do and changes
// nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SEED_002 = join(ROOT, '../shared/seeds/002_c7146c0b9c6fa341.txt');

/** A .docx of a fixture, written by the native CLI (built by the cargo tests). */
function fixtureDocx(name) {
  const bin = join(ROOT, process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'kehoach');
  const out = join(mkdtempSync(join(tmpdir(), 'kh-')), `${name}.docx`);
  execFileSync(bin, ['export', join(ROOT, 'tests/fixtures', `${name}.json`), '--docx', out]);
  return out;
}

/** A new user at the template gallery. */
async function gallery() {
  const rec = await recordedPage(env.browser);
  await rec.page.goto(env.server.url);
  await rec.page.locator('.kh-gallery-wrap').waitFor();
  return rec;
}

test('a pasted plan is recognised, reported, and opens as a new draft', async () => {
  const { page, problems } = await gallery();
  await page.getByRole('button', { name: 'Dán cả văn bản…' }).click();
  await page.getByLabel('Văn bản cần nhận dạng').fill(readFileSync(SEED_002, 'utf8'));
  await page.getByRole('button', { name: 'Nhận dạng' }).click();
  const report = page.locator('.kh-import-report');
  await report.waitFor();
  const text = await report.innerText();
  assert.match(text, /Trích yếu: «Triển khai thực hiện Nghị quyết số 82\/NQ-HĐND/);
  assert.match(text, /dòng \d+/);
  assert.match(text, /1 nhiệm vụ/);
  await page.getByRole('button', { name: 'Mở thành bản nháp mới' }).click();
  await page.locator('.kh-import').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.kh-gallery-wrap').count(), 0, 'the gallery closes');
  assert.equal(await page.getByLabel('Cơ quan ban hành').inputValue(), 'ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  assert.match(await page.getByLabel('Trích yếu').inputValue(), /^Triển khai thực hiện Nghị quyết số 82/);
  assert.deepEqual(problems(), []);
});

test('a Word file from the file picker shows its report, then opens with its appendices', async () => {
  const { page, problems } = await gallery();
  await page.locator('#kh-import-word').setInputFiles(fixtureDocx('004_ctr04_dang_uy_kien_an'));
  const report = page.locator('.kh-import-report');
  await report.waitFor();
  const text = await report.innerText();
  assert.match(text, /Số và ký hiệu: «Số 04-CTr\/ĐU» \(đoạn \d+\)/);
  assert.match(text, /Phụ lục thứ 3/);
  await page.locator('#kh-import-open').click();
  await page.locator('.kh-import').waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Cơ quan ban hành').inputValue(), 'ĐẢNG ỦY PHƯỜNG KIẾN AN');
  assert.deepEqual(problems(), []);
});

test('a Word file dropped on the page goes to the importer', async () => {
  const { page, problems } = await gallery();
  const bytes = [...readFileSync(fixtureDocx('002_kh_phuong_hong_an'))];
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'ke-hoach.docx'));
    document.querySelector('.kh-app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await page.locator('.kh-import-report').waitFor();
  assert.match(await page.locator('.kh-import-file').innerText(), /ke-hoach\.docx/);
  assert.deepEqual(problems(), []);
});

test('a Word 97 file is refused with what to do, and the open draft is kept', async () => {
  const { page } = await gallery();
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await page.getByLabel('Trích yếu').fill('Bản đang soạn');
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  await page.locator('#kh-import-word').setInputFiles({ name: 'cu.doc', mimeType: 'application/msword', buffer: ole });
  const alert = page.locator('.kh-import-error');
  await alert.waitFor();
  assert.match(await alert.innerText(), /\.docx/);
  await page.getByRole('button', { name: 'Đóng' }).click();
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Bản đang soạn');
});

test('a JSON plan imported from the template gallery opens in place of the gallery', async () => {
  const { page, problems } = await gallery();
  await page.locator('#kh-import').setInputFiles(join(ROOT, 'tests/fixtures/002_kh_phuong_hong_an.json'));
  await page.locator('.kh-gallery-wrap').waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Cơ quan ban hành').inputValue(), 'ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  assert.deepEqual(problems(), []);
});
