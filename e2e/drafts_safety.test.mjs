// Drafts that are never lost nor silently overwritten (issue 18, the app's
// side): two tabs on one draft, a full or blocked browser storage, and a
// crash of the tab while the person is still typing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();

async function blank(page) {
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await page.getByLabel('Trích yếu').waitFor();
}

/** Every stored draft's subject, by draft name. */
const stored = (page) =>
  page.evaluate(() => {
    const list = JSON.parse(localStorage.getItem('kehoach:drafts') ?? '[]');
    return Object.fromEntries(
      list.map((d) => [d.name, JSON.parse(localStorage.getItem(`kehoach:draft:${d.id}`)).header.subject]),
    );
  });

/** Fill the origin's storage to its quota: halving sizes down to one
 * character leave no room at all. */
const fillStorage = (page) =>
  page.evaluate(() => {
    let k = 0;
    for (let n = 1 << 22; n >= 1; n = Math.floor(n / 2)) {
      for (;;) {
        try { localStorage.setItem(`filler:${k++}`, 'x'.repeat(n)); } catch { break; }
      }
    }
  });

test('two tabs on one draft: the second is told, and neither overwrites the other', async () => {
  const { page: a, context, problems } = await recordedPage(env.browser);
  await blank(a);
  await a.getByLabel('Trích yếu').fill('Bản của thẻ thứ nhất');
  await a.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
  // The same draft opens in a second tab (it is the current one).
  const b = await context.newPage();
  await b.goto(env.server.url);
  await b.getByLabel('Trích yếu').waitFor();
  assert.equal(await b.getByLabel('Trích yếu').inputValue(), 'Bản của thẻ thứ nhất');
  // The first tab goes on; the second is told at once.
  await a.getByLabel('Trích yếu').fill('Bản của thẻ thứ nhất, sửa tiếp');
  await a.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
  await b.locator('.kh-status', { hasText: 'vừa được sửa ở một thẻ khác' }).waitFor();
  // The second tab's edit becomes a new draft; the first tab's text is kept.
  await b.getByLabel('Trích yếu').fill('Bản của thẻ thứ hai');
  await b.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
  assert.deepEqual(await stored(b), {
    'Văn bản trống': 'Bản của thẻ thứ nhất, sửa tiếp',
    'Văn bản trống (bản sao)': 'Bản của thẻ thứ hai',
  });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a full storage says so in whole Vietnamese, keeps the text and offers the JSON', async () => {
  const { page, context } = await recordedPage(env.browser);
  await blank(page);
  await fillStorage(page);
  await page.getByLabel('Trích yếu').fill('Không được mất dòng này');
  const status = page.locator('.kh-status');
  await status.locator('.kh-error', { hasText: 'Không lưu được bản nháp' }).waitFor();
  const text = await status.innerText();
  assert.match(text, /bộ nhớ của trình duyệt đã đầy/);
  assert.doesNotMatch(text, /Quota|Failed|setItem|Storage/, text);
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Không được mất dòng này');
  assert.match(await page.locator('.kh-draft-label').innerText(), /CHƯA LƯU ĐƯỢC/);
  const download = page.waitForEvent('download');
  await status.getByRole('button', { name: 'Tải JSON về máy' }).click();
  assert.match((await download).suggestedFilename(), /\.json$/);
  await context.close();
});

test('a plan imported into a full storage opens, and the page says it is not kept (never hidden by «Đã mở»)', async () => {
  const { page, context } = await recordedPage(env.browser);
  await blank(page);
  await fillStorage(page);
  const plan = JSON.parse(readFileSync(new URL('../tests/fixtures/002_kh_phuong_hong_an.json', import.meta.url), 'utf8'));
  plan.header.subject = 'Kế hoạch nhập khi bộ nhớ đầy';
  await page.locator('#kh-import').setInputFiles({ name: 'day.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  const status = page.locator('.kh-status');
  await status.locator('.kh-error', { hasText: 'Không lưu được bản nháp' }).waitFor();
  assert.match(await status.innerText(), /Tải JSON về máy/);
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Kế hoạch nhập khi bộ nhớ đầy');
  await context.close();
});

test('a blocked storage: the editor works and says the drafts cannot be kept', async () => {
  const { page, context } = await recordedPage(env.browser);
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    }
  });
  await blank(page);
  await page.getByLabel('Trích yếu').fill('Vẫn soạn được');
  const error = page.locator('.kh-status .kh-error', { hasText: 'Không lưu được bản nháp' });
  await error.waitFor();
  assert.match(await error.innerText(), /trình duyệt đang chặn việc lưu trữ/);
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Vẫn soạn được');
  await context.close();
});

test('a crash while typing without pause loses at most the last second', async () => {
  const { page, context } = await recordedPage(env.browser);
  await blank(page);
  const field = page.getByLabel('Trích yếu');
  await field.click();
  // Three seconds of typing, never pausing long enough for the usual autosave.
  const started = Date.now();
  let typed = '';
  for (let i = 0; Date.now() - started < 3000; i++) {
    const c = String.fromCharCode(97 + (i % 26));
    await field.pressSequentially(c);
    typed += c;
    await page.waitForTimeout(100);
  }
  const cdp = await context.newCDPSession(page);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  cdp.send('Page.crash').catch(() => {}); // answered by no one: the tab is gone
  await crashed;
  const next = await context.newPage();
  await next.goto(env.server.url);
  await next.getByLabel('Trích yếu').waitFor();
  const kept = await next.getByLabel('Trích yếu').inputValue();
  assert.ok(typed.startsWith(kept), `kept a prefix of what was typed: ${kept}`);
  // ~10 characters a second were typed; at most about a second of them is lost.
  assert.ok(kept.length >= typed.length - 15, `kept ${kept.length} of ${typed.length} characters`);
  await context.close();
});
