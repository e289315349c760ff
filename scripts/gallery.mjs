// Names the files of the template gallery's part of the editor on the tag of
// start.js in index.html (data-gallery), so that start.js can fetch them
// alongside the first-load module for a new user, instead of one round trip
// after it (on a slow line that is most of a second; e2e/offline.bench.mjs).
// Run by scripts/split.sh with the loader wasm-split-cli wrote, before the
// glue is minified:
//   node scripts/gallery.mjs UNMINIFIED/__wasm_split.js DIR/index.html
import { readFileSync, writeFileSync } from 'node:fs';

const [loader, index] = process.argv.slice(2);
const js = readFileSync(loader, 'utf8');
// export const __wasm_split_load_gallery = wrapAsyncCb(makeLoad(() => { …fetch(new URL("./split_gallery.wasm"… }, [__chunk_15, …]));
const load = js.match(/__wasm_split_load_gallery\s*=[\s\S]*?"\.\/(split_gallery\.wasm)"[\s\S]*?\[([^\]]*)\]/);
if (!load) throw new Error(`${loader}: no loader of the gallery part`);
const chunks = load[2].split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
  const file = js.match(new RegExp(`const ${name} = makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([\\w.]+)"`))?.[1];
  if (!file) throw new Error(`${loader}: no file for ${name}`);
  return file;
});
const files = [...chunks, load[1]].join(' ');
const html = readFileSync(index, 'utf8');
const tag = /<script\b[^>]*\bsrc=["']?(?:\.\/)?start\.js[^>]*>/;
if (!tag.test(html)) throw new Error(`${index}: no script tag for start.js`);
writeFileSync(index, html.replace(tag, (t) => t.replace(/^<script/, `<script data-gallery="${files}"`)));
