// The standalone page (dist/index.html) under the strict CSP of
// docs/embedding.md, sent as a response header: it must start and work with no
// inline script or style, at the root and under a sub-path, service worker
// included. Any CSP violation
// (securitypolicyviolation event or Chromium's «Refused to …» console error)
// fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, launch, recordedPage } from './harness.mjs';
import { workerReady } from './sizes.mjs';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

let browser;
const servers = [];
before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html missing: run the release build first');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

test('dist/index.html has no inline script, no inline style and only relative asset paths', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length > 0, 'index.html loads a script');
  for (const [whole, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc=/, `inline script: ${whole.slice(0, 120)}`);
    assert.equal(body.trim(), '', `script with a body: ${whole.slice(0, 120)}`);
  }
  assert.doesNotMatch(html, /<style\b/i, 'no <style> element');
  assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  // Root-absolute or foreign URLs would break hosting under a sub-path.
  for (const [, url] of html.matchAll(/\s(?:src|href)=["']?([^"' >]+)/gi)) {
    assert.doesNotMatch(url, /^(\/|[a-z]+:)/i, `asset path not relative: ${url}`);
  }
});

/** Open `url` with CSP violations recorded from the first script on. */
async function openRecorded(url) {
  const rec = await recordedPage(browser);
  // Init scripts are added by the browser's debugging protocol, not subject to the page's CSP.
  await rec.page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    }, true);
  });
  const response = await rec.page.goto(url);
  return { ...rec, response };
}

for (const prefix of ['/', '/portal/apps/kehoach/']) {
  test(`under the strict CSP header at ${prefix}: the gallery shows, the blank plan opens, typing works`, async () => {
    const server = await serve({ prefix, headers: { 'content-security-policy': STRICT_CSP } });
    servers.push(server);
    const { page, problems, response, log } = await openRecorded(server.url);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the policy');

    const blank = page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' });
    await blank.waitFor({ timeout: 20000 }).catch(async (e) => {
      const seen = [...await page.evaluate(() => window.cspViolations), ...problems()];
      assert.fail(`the app did not start: ${seen.join('; ') || e.message}`);
    });
    await blank.click();
    const subject = page.getByLabel('Trích yếu');
    await subject.fill('Triển khai thực hiện dân chủ ở cơ sở');
    await page.locator('#kh-preview-subject', { hasText: 'Triển khai thực hiện dân chủ ở cơ sở' }).waitFor({ timeout: 5000 });
    // The stylesheet applied (style-src 'self' allows the <link>): the body is not the browser's default.
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).margin), '8px', 'app.css applied');

    // The service worker starts under the same policy (worker-src falls back to script-src 'self').
    await workerReady(page);
    assert.ok(log.requests.some((u) => u.endsWith('/start.js')), 'the app was started by start.js');
    assert.ok(log.requests.every((u) => new URL(u).pathname.startsWith(prefix)), 'every request stays under the prefix');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no CSP violation');
    assert.deepEqual(problems(), []);
    await page.context().close();
  });
}
