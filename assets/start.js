// Starts the standalone app (index.html). A file rather than the inline module
// script Trunk would inject, so the page runs under a CSP without
// 'unsafe-inline' (Trunk.toml's pattern_script points here). Paths are relative
// to this file, so the build folder also works under a sub-path.
import init from './kehoach-web.js';

init({ module_or_path: new URL('kehoach-web_bg.wasm', import.meta.url) });
