// Smoke test of the release build: the page served from dist/ mounts the app,
// with no console error, no failed request and no request leaving 127.0.0.1.
// This is the test that catches a broken wasm-opt or a missing asset.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, isLocal, recordedPage, withBrowser } from './harness.mjs';

const env = withBrowser();
before(() => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html missing: run the release build first');
});

test('release build mounts the app with no console error and no outside request', async () => {
  const { page, problems, log } = await recordedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Soạn thảo kế hoạch' }).waitFor({ timeout: 15000 });
  assert.equal(await page.title(), 'Soạn thảo kế hoạch');
  assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm module was requested');
  assert.deepEqual(problems(), []);
});

test('typing in a field updates the page', async () => {
  const { page, problems } = await recordedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).click();
  const subject = page.getByLabel('Trích yếu');
  await subject.fill('Triển khai thực hiện dân chủ ở cơ sở');
  await assert.doesNotReject(
    page.locator('#kh-preview-subject', { hasText: 'Triển khai thực hiện dân chủ ở cơ sở' }).waitFor({ timeout: 5000 }),
  );
  assert.deepEqual(problems(), []);
});

test('the editor\'s parts load on first use: the rules with the editor, no view part for the header form, the appendix part when its tab opens', async () => {
  const { page, problems, log } = await recordedPage(env.browser);
  await page.goto(`${env.server.url}?sample=3`);
  await page.getByLabel('Trích yếu').waitFor();
  // The issues panel's summary shows once the rules' part has loaded.
  await page.locator('#kh-issues p', { hasText: /lỗi/ }).first().waitFor();
  const parts = () => log.requests.filter((u) => /\/split_\w+\.wasm$/.test(u)).map((u) => u.split('/').pop()).sort();
  // The plan generator behind `?sample=N` and the rules (src/ui/checker.rs); none for the header form.
  assert.deepEqual(parts(), ['split_checker.wasm', 'split_sample.wasm'], 'no view part is fetched for the header form');
  await page.getByRole('tab', { name: 'Phụ lục', exact: true }).click();
  await page.locator('#f-appendices-0-groups-0-rows-0-cells-1').waitFor();
  assert.deepEqual(parts(), ['split_appendices.wasm', 'split_checker.wasm', 'split_sample.wasm']);
  assert.deepEqual(problems(), []);
});

test('the harness flags requests that leave the machine', () => {
  assert.equal(isLocal('http://127.0.0.1:8080/app.wasm'), true);
  assert.equal(isLocal('https://fonts.googleapis.com/css'), false);
  assert.equal(isLocal('http://10.0.0.1/x'), false);
});
