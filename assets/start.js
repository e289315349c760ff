// Starts the standalone app (index.html). A file rather than the inline module
// script Trunk would inject, so the page runs under a CSP without
// 'unsafe-inline' (Trunk.toml's pattern_script points here). Paths are relative
// to this file, so the build folder also works under a sub-path.
import init from './kehoach-web.js';
import { offline } from './offline.js';

const tag = document.querySelector('script[src$="start.js"]');
const wasm = new URL('kehoach-web_bg.wasm', import.meta.url);
// index.html pins the module's hash on its preload (scripts/offline.mjs):
// fetched with that integrity, the preload is reused and its bytes checked.
const integrity = document.querySelector('link[rel=preload][href$="kehoach-web_bg.wasm"]')?.dataset.integrity;
const started = init({ module_or_path: integrity ? fetch(wasm, { integrity }) : wasm });

// The service worker, when the build has one (not under scripts/run.sh's
// `trunk serve`): index.html names it on this script's tag.
const worker = tag?.dataset.serviceWorker;
if (worker) started.then(() => offline({ url: new URL(worker, import.meta.url) }));
