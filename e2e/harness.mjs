// Shared end-to-end harness: serves the release build in dist/ on 127.0.0.1,
// launches Debian's Chromium through playwright-core, and records every console
// message and network request of a page so each test can assert that nothing
// failed and nothing left this machine.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Serve `dir` (default dist/) under `prefix` on a free loopback port; with
 * `gzip`, compressed (gzip -9) for browsers that accept it, as a production
 * server would (the benchmarks' slow line counts bytes on the wire).
 */
export async function serve({ dir = DIST, prefix = '/', headers = {}, gzip = false } = {}) {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) { res.writeHead(404).end(); return; }
      path = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
      let file = join(dir, path);
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const type = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        type['content-encoding'] = 'gzip';
      }
      res.writeHead(200, { ...type, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  // Closing also drops the browser's open keep-alive connections: a page left
  // open would otherwise hold the server (and the test run) until they time out.
  const close = () => new Promise((ok) => {
    server.close(ok);
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${port}${prefix}`, close };
}

/** Chromium from Debian, with the flags this closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * A new page that records console messages, page errors, failed requests and
 * every request URL. `problems()` lists what a clean page must not have.
 */
export async function recordedPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
  const page = await context.newPage();
  // `cached`: responses the service worker served from its cache (no download).
  const log = { console: [], errors: [], failed: [], requests: [], cached: [] };
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) log.failed.push(`${r.url()} HTTP ${r.status()}`);
    if (r.fromServiceWorker()) log.cached.push(r.url());
  });
  const problems = () => [
    ...log.console.filter((m) => m.type === 'error').map((m) => `console error: ${m.text}`),
    ...log.errors.map((e) => `page error: ${e}`),
    ...log.failed.map((f) => `failed request: ${f}`),
    ...log.requests.filter((u) => !isLocal(u)).map((u) => `request left 127.0.0.1: ${u}`),
  ];
  return { page, context, log, problems };
}

/** Only loopback and in-page URLs are allowed. */
export function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * For a test file: serve dist/ and launch Chromium once before its tests, close
 * both after. Returns an object whose `server` and `browser` are set by then.
 */
export function withBrowser(options = {}) {
  const env = {};
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A fresh browser context at the editor of `env` (from `withBrowser`);
 * `?sample=N` opens a generated plan. */
export async function openEditor(env, query = '', options = {}) {
  const rec = await recordedPage(env.browser, options);
  await rec.page.goto(env.server.url + query);
  await rec.page.locator('.kh-title').waitFor();
  return rec;
}

/** Choose a tab and wait until its part of the editor is drawn (a part may
 * load on first use). */
export async function showTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('#kh-editor > :not(.kh-loading)').first().waitFor();
}
