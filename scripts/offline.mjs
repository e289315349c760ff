// The last step of the build (scripts/split.sh runs it on Trunk's staging
// folder): integrity hashes and the service worker's file list.
//
//   node scripts/offline.mjs DIR [--no-service-worker]
//
// 1. index.html: a sha384 `integrity` on every script, module preload,
//    stylesheet and icon it loads from DIR (`data-integrity` on the wasm
//    preload, for start.js). Trunk's own hashes are
//    turned off for the app (data-integrity="none" in index.html) because
//    split.sh rewrites those files after Trunk hashed them; this puts them
//    back, computed on the files as they are served.
// 2. sw.js: the service worker (assets/sw.js) with, on its first line, every
//    file of DIR and its sha256 (the worker checks each file it caches against
//    it) and a version made of them. With --no-service-worker (the dev loop of
//    scripts/run.sh) sw.js is instead a worker that removes itself and its
//    caches, should a browser still have one from an earlier build.
//
// It can run again on a folder whose files changed: it replaces what it wrote
// (e2e/offline.test.mjs makes a "new version" of a build that way).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const STAMP = '/* files of this build (scripts/offline.mjs) */';
/** Deployment configuration, edited after installing a build: never pinned. */
const UNPINNED = new Set(['sw.js', 'frame-config.json']);

const [dir, ...flags] = process.argv.slice(2);
if (!dir || !existsSync(join(dir, 'index.html'))) {
  console.error('usage: node scripts/offline.mjs DIR [--no-service-worker] (DIR holds index.html)');
  process.exit(2);
}
const withWorker = !flags.includes('--no-service-worker');

const digest = (algorithm, file) => createHash(algorithm).update(readFileSync(join(dir, file))).digest('base64');

/** The files of `root`, as paths relative to it with forward slashes. */
function files(root, under = root) {
  return readdirSync(under, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(root, join(under, e.name)) : [relative(root, join(under, e.name)).split(sep).join('/')],
  );
}

/** An attribute of an HTML tag as minified or written by hand: name=value, "value" or 'value'. */
const attr = (name) => new RegExp(`\\s${name}(?:=(?:"[^"]*"|'[^']*'|[^\\s"'>]+))?(?=[\\s>/])`, 'i');
const value = (tag, name) => tag.match(attr(name))?.[0].replace(/^\s[^=]+=?/, '').replace(/^["']|["']$/g, '');

/** Which tags load a file of the build that the browser checks against `integrity`. */
function pinnable(name, tag) {
  if (name === 'script') return value(tag, 'src');
  const rel = (value(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
  return ['stylesheet', 'modulepreload', 'preload', 'icon'].some((r) => rel.includes(r)) ? value(tag, 'href') : undefined;
}

/** Local path of `url` inside DIR, or null (absolute, foreign or missing). */
function local(url) {
  if (!url || /^([a-z][a-z0-9+.-]*:|\/)/i.test(url)) return null;
  const path = url.replace(/^\.\//, '').split(/[?#]/)[0];
  return existsSync(join(dir, path)) ? path : null;
}

const withAttr = (tag, name, val) => {
  const bare = tag.replace(attr(name), '');
  return val == null ? bare : bare.replace(/^<\w+/, (open) => `${open} ${name}=${val}`);
};

const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8').replace(/<(script|link)\b[^>]*>/gi, (tag, name) => {
  const file = local(pinnable(name.toLowerCase(), tag));
  if (!file) return tag;
  // Chromium ignores `integrity` on a fetch preload, with a console warning
  // (crbug.com/981419): the wasm's hash goes in data-integrity, which
  // start.js passes to the fetch() that uses the preload, and checks it.
  const fetchPreload = /\sas=["']?fetch\b/i.test(tag);
  let out = withAttr(tag, fetchPreload ? 'data-integrity' : 'integrity', `sha384-${digest('sha384', file)}`);
  // start.js registers the worker the page names (assets/start.js).
  if (file === 'start.js') out = withAttr(out, 'data-service-worker', withWorker ? 'sw.js' : null);
  return out;
});
writeFileSync(htmlPath, html);

const swPath = join(dir, 'sw.js');
if (withWorker) {
  const list = Object.fromEntries(
    files(dir)
      .filter((f) => !UNPINNED.has(f))
      .sort()
      .map((f) => [f, `sha256-${digest('sha256', f)}`]),
  );
  const version = createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16);
  const body = readFileSync(swPath, 'utf8').split('\n').filter((line) => !line.startsWith(STAMP)).join('\n');
  writeFileSync(swPath, `${STAMP} const FILES = ${JSON.stringify(list)}, VERSION = "${version}";\n${body}`);
  console.log(`offline.mjs: sw.js version ${version}, ${Object.keys(list).length} files`);
} else {
  writeFileSync(
    swPath,
    `// No service worker in this build (scripts/run.sh): one left by an earlier
// build on this origin removes itself and its caches.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) if (name.startsWith(\`kehoach \${self.registration.scope} \`)) await caches.delete(name);
  await self.registration.unregister();
})()));
`,
  );
  console.log('offline.mjs: no service worker (sw.js removes an earlier one)');
}
