// The nginx and Apache examples of docs/deploying.md, run as written: each is
// extracted from between its check markers, put in a config of its own that
// serves a copy of dist/ on a loopback port, checked (nginx -t, apache2 -t),
// started, and then, in Chromium:
//   (a) frame.html carries the CSP frame-ancestors and COOP headers (and the
//       rest: nosniff, Referrer-Policy, .wasm as application/wasm);
//   (b) a page on the allowed portal origin shows the editor in an iframe;
//   (c) a page on another origin cannot: the frame's content never loads;
//   (d) a popup of frame.html opened by a foreign page gets no usable handle.
// Both servers come from Debian's packages (scripts/setup.sh --test).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST, serve, launch, recordedPage } from './harness.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const DOC = readFileSync(join(ROOT, 'docs/deploying.md'), 'utf8');
// What the examples name, replaced by the test's own folder and portal origin.
const DOC_FOLDER = '/var/www/kehoach/';
const DOC_PORTAL = 'https://congthongtin.example.gov.vn';
const PATH = '/static/kehoach/';
const IS_ROOT = process.getuid?.() === 0;

/** The fenced code block between `<!-- check:NAME:start` and `<!-- check:NAME:end -->`. */
export function snippet(name) {
  const part = DOC.split(`<!-- check:${name}:start`)[1]?.split(`<!-- check:${name}:end -->`)[0];
  assert.ok(part, `docs/deploying.md has no check:${name} markers`);
  const code = part.match(/```\w*\n([\s\S]*?)```/);
  assert.ok(code, `no code block between the check:${name} markers`);
  assert.ok(code[1].includes(DOC_FOLDER) && code[1].includes(DOC_PORTAL), `check:${name} names ${DOC_FOLDER} and ${DOC_PORTAL}`);
  return code[1];
}

/** A loopback port nobody listens on now. */
async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** The config of each server around the documented block; `dir` holds its pid, logs and temp files. */
const SERVERS = {
  nginx: {
    binary: '/usr/sbin/nginx',
    config: ({ dir, port, block }) => `${IS_ROOT ? 'user www-data;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
${block}
  }
}
`,
    check: (conf, dir) => ['-t', '-q', '-e', `${dir}/error.log`, '-p', dir, '-c', conf],
    run: (conf, dir) => ['-e', `${dir}/error.log`, '-p', dir, '-c', conf],
  },
  apache: {
    binary: '/usr/sbin/apache2',
    config: ({ dir, port, block }) => {
      const mod = (name, file = name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${file}.so`;
      return `${['mpm_event', 'authz_core', 'alias', 'dir', 'headers', 'mime'].map((m) => mod(m)).join('\n')}
ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/apache.pid
ErrorLog ${dir}/error.log
LogLevel warn
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
${IS_ROOT ? 'User www-data\nGroup www-data\n' : ''}TypesConfig /etc/mime.types
DocumentRoot ${dir}/empty
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
${block}
`;
    },
    check: (conf) => ['-t', '-f', conf],
    run: (conf) => ['-f', conf, '-DFOREGROUND'],
  },
};

/** Wait until `url` answers, or fail with the server's error log. */
async function waitUp(url, proc, log) {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`server did not start (exit ${proc.exitCode}): ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
}

/** A portal page holding frame.html in an iframe. */
const portalPage = (frameUrl) => `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Cổng thông tin</title><link rel="icon" href="data:,"><script type="module" src="portal.js"></script></head>
<body><h1>Cổng thông tin</h1>
<iframe id="ke-hoach" title="Soạn thảo kế hoạch" src="${frameUrl}" width="1000" height="600"></iframe></body></html>`;
// The portal's side of the frame's handshake (docs/embedding.md, section 5):
// answer the frame's hello with init; nothing is stored.
const PORTAL_SCRIPT = `const frame = document.getElementById('ke-hoach');
const origin = new URL(frame.src).origin;
addEventListener('message', (ev) => {
  if (ev.source !== frame.contentWindow || ev.origin !== origin || ev.data?.type !== 'kehoach:hello') return;
  frame.contentWindow.postMessage({ type: 'kehoach:init', id: 1, options: { storage: false } }, origin);
});
`;
const OPENER_PAGE = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Trang khác</title><link rel="icon" href="data:,"></head><body><h1>Trang khác</h1></body></html>`;
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

let browser;
before(async () => {
  assert.ok(existsSync(join(DIST, 'frame.html')), 'dist/frame.html missing: run the release build first');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const [name, server] of Object.entries(SERVERS)) {
  describe(`docs/deploying.md, ${name} example`, () => {
    let dir, proc, base, allowed, foreign;
    const frameUrl = () => `${base}${PATH}frame.html`;

    before(async () => {
      assert.ok(existsSync(server.binary), `${server.binary} missing: run scripts/setup.sh --test`);
      dir = mkdtempSync(join(tmpdir(), `kehoach-${name}-`));
      // The servers' workers (www-data when run as root) read the copy.
      chmodSync(dir, 0o755);
      const site = join(dir, 'kehoach');
      cpSync(DIST, site, { recursive: true });
      mkdirSync(join(dir, 'empty'));

      // The portal pages: the allowed origin and a foreign one (another port).
      const pages = join(dir, 'pages');
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      mkdirSync(pages);
      // Both portals under the strict CSP, allowing frames from the build folder's origin.
      const headers = { 'content-security-policy': `${STRICT_CSP}; frame-src ${base}` };
      allowed = await serve({ dir: pages, headers });
      foreign = await serve({ dir: pages, headers });
      const allowedOrigin = new URL(allowed.url).origin;
      writeFileSync(join(pages, 'portal.html'), portalPage(frameUrl()));
      writeFileSync(join(pages, 'portal.js'), PORTAL_SCRIPT);
      writeFileSync(join(pages, 'opener.html'), OPENER_PAGE);
      writeFileSync(join(site, 'frame-config.json'), JSON.stringify({ origins: [allowedOrigin] }));

      const block = snippet(name).replaceAll(DOC_FOLDER, `${site}/`).replaceAll(DOC_PORTAL, allowedOrigin);
      const conf = join(dir, `${name}.conf`);
      writeFileSync(conf, server.config({ dir, port, block }));
      const checked = spawnSync(server.binary, server.check(conf, dir), { encoding: 'utf8' });
      assert.equal(checked.status, 0, `${name} rejects the config:\n${checked.stderr}${checked.stdout}`);

      proc = spawn(server.binary, server.run(conf, dir), { stdio: ['ignore', 'ignore', 'pipe'] });
      proc.stderr.on('data', () => {});
      await waitUp(`${base}${PATH}index.html`, proc, join(dir, 'error.log'));
    });

    after(async () => {
      if (proc && proc.exitCode === null) {
        const exited = new Promise((ok) => proc.once('exit', ok));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      await allowed?.close();
      await foreign?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('(a) frame.html has frame-ancestors (the portal only) and COOP; every file nosniff; .wasm is application/wasm', async () => {
      const allowedOrigin = new URL(allowed.url).origin;
      const frame = await fetch(frameUrl());
      assert.equal(frame.status, 200);
      const csp = frame.headers.get('content-security-policy') ?? '';
      assert.match(csp, new RegExp(`frame-ancestors ${allowedOrigin.replace(/\W/g, '\\$&')}(;|$)`), `frame.html CSP: ${csp}`);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.equal(frame.headers.get('cross-origin-opener-policy'), 'same-origin');
      assert.equal(frame.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(frame.headers.get('referrer-policy'), 'no-referrer');

      const index = await fetch(`${base}${PATH}index.html`);
      assert.match(index.headers.get('content-security-policy') ?? '', /default-src 'self';.*frame-ancestors 'none'/);
      assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
      const wasm = await fetch(`${base}${PATH}kehoach-web_bg.wasm`);
      assert.equal(wasm.headers.get('content-type'), 'application/wasm');
      assert.equal(wasm.headers.get('x-content-type-options'), 'nosniff');
    });

    test('the standalone app starts from the server under its headers', async () => {
      const { page, problems, context } = await recordedPage(browser);
      await page.goto(`${base}${PATH}`);
      await page.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor({ timeout: 20000 });
      assert.deepEqual(problems(), []);
      await context.close();
    });

    test('(b) a page on the allowed portal origin shows the editor in its iframe', async () => {
      const { page, problems, context } = await recordedPage(browser);
      await page.goto(`${allowed.url}portal.html`);
      const frame = page.frameLocator('#ke-hoach');
      await frame.getByRole('button', { name: 'Văn bản trống (không dùng mẫu)' }).waitFor({ timeout: 20000 });
      assert.deepEqual(problems(), []);
      await context.close();
    });

    test('(c) a page on another origin cannot frame it: the frame\'s content never loads', async () => {
      const { page, log, context } = await recordedPage(browser);
      await page.goto(`${foreign.url}portal.html`); // resolves once the frame is done too
      // Give a loading frame every chance to ask for its script.
      await page.waitForTimeout(500);
      assert.ok(log.requests.some((u) => u.startsWith(frameUrl())), 'frame.html was requested');
      assert.deepEqual(log.requests.filter((u) => /\/frame\.js|\.wasm$/.test(u)), [], 'nothing of the frame loaded');
      assert.equal(page.frames().find((f) => f.url().startsWith(frameUrl())), undefined, 'no frame shows frame.html');
      assert.ok(log.console.some((m) => m.type === 'error' && /frame-ancestors/.test(m.text)),
        'Chromium says the frame was refused because of frame-ancestors');
      await context.close();
    });

    test('(d) a popup of frame.html opened by a foreign page has no handle to it', async () => {
      const { page, context } = await recordedPage(browser);
      await page.goto(`${foreign.url}opener.html`);
      const [popup] = await Promise.all([
        context.waitForEvent('page'),
        page.evaluate((url) => { window.popup = window.open(url, '_blank'); }, frameUrl()),
      ]);
      await popup.waitForLoadState('load');
      assert.equal(popup.url(), frameUrl());
      assert.equal(await popup.evaluate(() => window.opener === null), true, 'window.opener inside the popup is null');
      await page.waitForFunction(() => window.popup.closed, null, { timeout: 5000 }).catch(() => {});
      assert.equal(await page.evaluate(() => window.popup.closed), true, 'the opener\'s handle reports closed');
      await context.close();
    });
  });
}
