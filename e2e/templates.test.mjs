// Starting a ward plan from the city's plan through the template gallery, and
// drafting a plan with the keyboard only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();

test('a ward plan started from the city plan template has its facts everywhere and no errors', async () => {
  const { page, problems } = await recordedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: /Dùng mẫu này: Kế hoạch của phường, xã thực hiện Nghị quyết về dân chủ/ }).click();
  // First submit with nothing: every missing fact is named, nothing is created.
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.locator('#kh-start-errors', { hasText: 'thông tin cần sửa' }).waitFor();
  const facts = await page.locator('.kh-start .kh-field label').allInnerTexts();
  assert.ok(facts.length >= 6, `facts asked: ${facts}`);
  for (const el of await page.locator('.kh-start input, .kh-start select').all()) {
    const id = await el.getAttribute('id');
    const key = id.replace(/^fact-/, '');
    // The template's example is in the help line under the label.
    const hint = page.locator(`#${id}-hint`);
    const example = (await hint.count()) ? ((await hint.innerText()).split(/ví dụ:\s*/i)[1] ?? '') : '';
    const tag = await el.evaluate((e) => e.tagName);
    const value = { cap: 'phường', ten_don_vi: 'Hồng An', so_nq: '41', ngay_nq: '23/12/2025', nguoi_ky: 'Nguyễn Hữu Thanh' }[key];
    if (tag === 'SELECT') {
      const options = await el.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      await el.selectOption(value && options.includes(value) ? value : options[0]);
    } else if (value) {
      await el.fill(value);
    } else if (example) {
      await el.fill(example);
    }
  }
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.getByRole('tab', { name: 'Phần đầu' }).waitFor();
  assert.equal(await page.getByLabel('Cơ quan ban hành').inputValue(), 'ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  assert.match(await page.locator('.kh-counts').innerText(), /^0 lỗi/);
  await page.getByRole('tab', { name: 'Xem trước' }).click();
  await page.locator('#kh-paper p').first().waitFor(); // drawn a task after the tab
  const paper = await page.locator('#kh-paper').innerText();
  assert.match(paper, /Nghị quyết số 41\/NQ-HĐND ngày 23\/12\/2025/);
  assert.match(paper, /Kế hoạch số 347\/KH-UBND/);
  assert.doesNotMatch(paper, /\{\{/);
  assert.match(paper, /Phụ lục I/);
  assert.deepEqual(problems(), []);
});

test('a plan can be drafted from nothing with the keyboard only', async () => {
  const { page, problems } = await recordedPage(env.browser);
  await page.goto(env.server.url);
  await page.locator('.kh-title').waitFor();
  const k = page.keyboard;
  // Move by Tab to the empty-document button and press Enter.
  const tabTo = async (predicate, limit = 80, key = 'Tab') => {
    for (let i = 0; i < limit; i++) {
      await k.press(key);
      if (await page.evaluate(predicate)) return;
    }
    throw new Error(`not reached by Tab: ${predicate}`);
  };
  await tabTo(() => (document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('Văn bản trống (không dùng mẫu)')));
  await k.press('Enter');
  await tabTo(() => document.activeElement?.id === 'f-header-issuing_body');
  await k.type('ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  await tabTo(() => document.activeElement?.id === 'f-header-body_code');
  await k.type('UBND');
  await tabTo(() => document.activeElement?.id === 'f-header-symbol');
  await k.press('Control+a');
  await k.type('KH-UBND');
  await tabTo(() => document.activeElement?.id === 'f-header-place');
  await k.type('Hồng An');
  await tabTo(() => document.activeElement?.id === 'f-header-subject');
  await k.type('Thực hiện công tác dân chủ ở cơ sở năm 2026');
  // To the Content tab and add a part, then a child item, all by keyboard.
  // The tab bar is one stop in the Tab order (the chosen tab); arrows move along it.
  await tabTo(() => document.activeElement?.id === 'kh-tab-header', 200);
  await k.press('ArrowRight');
  await tabTo(() => (document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('Thêm phần')));
  await k.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'f-body-0-text');
  await k.type('MỤC ĐÍCH, YÊU CẦU');
  await tabTo(() => (document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('+ Mục con')), 10, 'Shift+Tab');
  await k.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'f-body-0-children-0-text');
  await k.type('Bảo đảm quyền làm chủ của Nhân dân.');
  // Closing paragraph with ./.
  await tabTo(() => (document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('Thêm đoạn văn cuối')), 60);
  await k.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'f-body-1-text');
  await k.type('Trên đây là Kế hoạch của Ủy ban nhân dân phường Hồng An./.');
  // Appendix by keyboard: add one, type in the first cell, Enter adds the next row.
  await tabTo(() => document.activeElement?.id === 'kh-tab-body', 200);
  await k.press('ArrowRight');
  await tabTo(() => document.activeElement?.id === 'kh-add-appendix');
  await k.press('Enter');
  await tabTo(() => document.activeElement?.id === 'f-appendices-0-groups-0-rows-0-cells-1', 80);
  await k.type('Tuyên truyền Nghị quyết');
  await k.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'f-appendices-0-groups-0-rows-1-cells-1');
  await k.type('Tổ chức hội nghị');
  // Back out of the table to the tab bar (Tab at a row's last cell would add a row).
  await tabTo(() => document.activeElement?.id === 'kh-tab-appendices', 300, 'Shift+Tab');
  await k.press('End');
  await page.locator('#kh-paper p').first().waitFor(); // drawn a task after the tab
  const paper = await page.locator('#kh-paper').innerText();
  for (const text of ['ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN', 'Thực hiện công tác dân chủ ở cơ sở năm 2026', 'I. MỤC ĐÍCH, YÊU CẦU', '- Bảo đảm quyền làm chủ của Nhân dân.', 'Tổ chức hội nghị', './.']) {
    assert.ok(paper.includes(text), `preview lacks «${text}»`);
  }
  assert.deepEqual(problems(), []);
});

test('a draft saved as a personal template starts a new plan with the same content', async () => {
  const { page, problems } = await recordedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await page.getByLabel('Trích yếu').fill('Kế hoạch mẫu riêng của phường');
  await page.getByLabel('Cơ quan ban hành').fill('ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  page.once('dialog', (d) => d.accept('Mẫu phường Hồng An'));
  await page.getByRole('button', { name: 'Lưu làm mẫu' }).click();
  await page.locator('.kh-status', { hasText: 'Đã lưu mẫu «Mẫu phường Hồng An»' }).waitFor();
  await page.getByRole('button', { name: 'Văn bản mới…' }).click();
  const card = page.locator('.kh-card', { hasText: 'Mẫu phường Hồng An' });
  assert.match(await card.innerText(), /Mẫu của bạn/);
  // The personal template survives a reload (kept in browser storage).
  await page.reload();
  await page.getByRole('button', { name: 'Văn bản mới…' }).click();
  await page.getByRole('button', { name: /Dùng mẫu này: Mẫu phường Hồng An/ }).click();
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.getByRole('tab', { name: 'Phần đầu' }).click();
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Kế hoạch mẫu riêng của phường');
  assert.equal(await page.getByLabel('Cơ quan ban hành').inputValue(), 'ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN');
  assert.deepEqual(problems(), []);
});
