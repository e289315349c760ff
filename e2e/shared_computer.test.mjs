// The standalone app's «máy dùng chung» switch (issue 23): on a shared office
// computer drafts are kept for the tab only, so the next person who opens the
// app in a new tab finds nothing; switching back keeps them in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();

/** Keys of the page's localStorage and sessionStorage. */
const keys = (page) =>
  page.evaluate(() => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).sort(),
  }));

test('a shared computer keeps drafts for the tab only; a new tab starts from the gallery', async () => {
  const { page, context, problems } = await recordedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await page.getByLabel('Trích yếu').fill('Kế hoạch của người dùng trước');
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
  assert.ok((await keys(page)).local.some((k) => k.startsWith('kehoach:')), 'kept in this browser first');

  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Các bản nháp' }).click();
  await page.locator('#kh-shared-computer').check();
  await page.locator('.kh-status', { hasText: 'Máy dùng chung' }).waitFor();
  let k = await keys(page);
  assert.deepEqual(k.local, ['kehoach-shared-computer'], 'nothing of the drafts left in localStorage');
  assert.ok(k.session.includes('kehoach:drafts'), `moved into the tab: ${k.session}`);

  // Typing goes on in the tab, and a reload of the same tab keeps it.
  await page.getByLabel('Trích yếu').fill('Kế hoạch của người dùng trước, sửa');
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
  await page.reload();
  await page.getByLabel('Trích yếu').waitFor();
  assert.equal(await page.getByLabel('Trích yếu').inputValue(), 'Kế hoạch của người dùng trước, sửa');
  assert.deepEqual((await keys(page)).local, ['kehoach-shared-computer']);

  // The next person, in a new tab of the same browser: the gallery, no drafts.
  const next = await context.newPage();
  await next.goto(env.server.url);
  await next.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor();
  await next.getByRole('button', { name: 'Các bản nháp' }).click();
  await next.locator('#kh-shared-computer').waitFor();
  assert.equal(await next.locator('#kh-shared-computer').isChecked(), true, 'the switch stays on for this computer');
  assert.equal(await next.locator('.kh-draft-list li').count(), 0, 'no draft of the previous person');
  await next.close();

  // Switched off (in the first tab): the drafts go back to this browser.
  await page.getByRole('button', { name: 'Các bản nháp' }).click();
  await page.locator('#kh-shared-computer').uncheck();
  await page.locator('.kh-status', { hasText: 'Bản nháp được lưu lại' }).waitFor();
  k = await keys(page);
  assert.ok(k.local.includes('kehoach:drafts') && !k.local.includes('kehoach-shared-computer'), `${k.local}`);
  assert.ok(!k.session.some((x) => x.startsWith('kehoach:')), `${k.session}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('refusing the confirmation leaves the drafts where they were', async () => {
  const { page, context, problems } = await recordedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  await page.getByLabel('Trích yếu').fill('Giữ lại');
  await page.locator('.kh-draft-label', { hasText: 'đã lưu' }).waitFor();
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Các bản nháp' }).click();
  await page.locator('#kh-shared-computer').click();
  await page.waitForFunction(() => !document.querySelector('#kh-shared-computer').checked);
  const k = await keys(page);
  assert.ok(k.local.includes('kehoach:drafts') && !k.local.includes('kehoach-shared-computer'), `${k.local}`);
  assert.deepEqual(problems(), []);
  await context.close();
});
