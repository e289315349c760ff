// The page's side of the service worker (sw.js, docs/deploying.md section 5):
// registers it once the editor is usable, and says when a new version is
// ready. Plain JS beside the build, so the first-load wasm module carries none
// of it.
//
// Registration waits until the editor is on screen with no part still loading,
// two seconds more, then for the browser to be idle: precaching the whole
// build must never slow the first load. A new version is only announced
// («Đã có phiên bản mới — tải lại»); the page reloads when the person presses
// the button, never by itself.
// Reloading fires `pagehide`, on which the editor saves the open draft
// (src/ui/drafts.rs), so nothing typed is lost.

const TEXT = {
  vi: ['Đã có phiên bản mới', 'tải lại'],
  en: ['A new version is available', 'reload'],
};

let started = false;

/**
 * Register the service worker `url` (sw.js of the build folder) for `scope`
 * (default: the build folder) once the editor under `root` (the document, or
 * an embedded editor's shadow root) is usable. Once per page.
 */
export function offline({ url, scope, root = document }) {
  if (started || !('serviceWorker' in navigator)) return;
  started = true;
  usable(root)
    // A person reads the first screen for a few seconds before the first
    // click: precaching then, rather than at once, leaves that click (and the
    // part it loads) the CPU and the line (e2e/offline.bench.mjs).
    .then(() => new Promise((resolve) => setTimeout(resolve, 2000)))
    .then(idle)
    .then(() => navigator.serviceWorker.register(url, scope ? { scope } : undefined))
    .then((registration) => watch(registration, root))
    .catch((e) => console.warn(`kehoach: no offline copy (${e?.message ?? e})`));
}

/** Resolves once the editor is drawn and no part of it is loading. */
function usable(root) {
  return new Promise((resolve) => {
    const check = () => {
      if (root.querySelector('.kh-app') && !root.querySelector('.kh-loading')) resolve();
      else setTimeout(check, 250);
    };
    check();
  });
}

function idle() {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 5000 });
    else setTimeout(resolve, 1000);
  });
}

function watch(registration, root) {
  const sw = navigator.serviceWorker;
  let asked = false;
  let controlled = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (asked) location.reload();
    // Another tab let a new version take over: this page's files are now an
    // older build than the one serving it, so it should be reloaded too.
    else if (controlled) banner(root, () => location.reload());
    controlled = true;
  });
  const offer = (worker) => {
    // Only an update waits: the first version activates at once.
    if (!registration.active) return;
    banner(root, () => {
      asked = true;
      worker.postMessage('kehoach:activate');
    });
  };
  const follow = (worker) => {
    if (!worker) return;
    if (worker.state === 'installed') offer(worker);
    else worker.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
  };
  follow(registration.waiting ?? registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
  // A tab left open for days still hears of new versions.
  setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
}

/** The banner, in the editor's language (the `lang` of `.kh-app`, followed as it changes). */
function banner(root, act) {
  if (root.querySelector('.kh-update')) return;
  const app = root.querySelector('.kh-app');
  const bar = document.createElement('div');
  bar.className = 'kh-app kh-update';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  const button = document.createElement('button');
  button.type = 'button';
  button.addEventListener('click', act);
  bar.append(text, ' — ', button);
  const say = () => {
    const lang = app?.getAttribute('lang') === 'en' ? 'en' : 'vi';
    bar.lang = lang;
    [text.textContent, button.textContent] = TEXT[lang];
  };
  say();
  if (app) {
    new MutationObserver(say).observe(app, { attributes: true, attributeFilter: ['lang'] });
    app.before(bar);
  } else {
    (root.body ?? root).prepend(bar);
  }
}
