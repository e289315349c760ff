// frame.js: the iframe mode of the plan editor (frame.html loads it).
//
// Which portals may embed the editor is deployment configuration, never the
// URL: frame-config.json beside frame.html, e.g.
//   {"origins": ["https://congthongtin.example.gov.vn"]}
// (send the same list as `Content-Security-Policy: frame-ancestors …` with
// frame.html: docs/deploying.md). A page cannot change it, so a page on any
// other origin, in a popup or an iframe, gets nothing: no draft is loaded and
// no message is answered until the parent is known to be one of these origins.
//
// Protocol (docs/embedding.md, section 5):
//   frame → parent  {type: "kehoach:hello"}   posted only to an allowed origin
//   parent → frame  {type: "kehoach:init", id, options}   options as for mount():
//                   user, sharedComputer, storage, template, locale, readOnly,
//                   exports, submit, allowSubmitWithErrors, document, templates, agencies
//   frame → parent  {type: "kehoach:result", id, ok, value | error (and path)}, then {type: "kehoach:ready"}
//   parent → frame  {type: "kehoach:getDocument" | "kehoach:setDocument" (document) |
//                    "kehoach:validate" | "kehoach:clearDrafts", id}
//   frame → parent  {type: "kehoach:event", event: "change"|"validate"|"export"|"submit", detail}
//                   {type: "kehoach:error", error}   (the editor could not start)
// Messages are accepted only from window.parent on an allowed origin; others are
// ignored, counted in <html data-ignored-messages="N"> and logged with console.debug.
import { mount } from './kehoach.js';

const host = document.getElementById('kehoach-frame');
document.documentElement.style.height = '100%';
document.body.style.margin = '0';
document.body.style.minHeight = '100%';

/** The origin of `text` ("https://a.example:8443"), or null when it is not an http(s) URL. */
function originOf(text) {
  try {
    const url = new URL(String(text).trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Say on the page why the editor does not start (nothing else is shown). */
function refuse(vi, en) {
  host.textContent = `${vi} / ${en}`;
  host.setAttribute('role', 'alert');
  console.warn(`kehoach frame: ${en}`);
}

let ignored = 0;
function ignore(ev, why) {
  ignored += 1;
  document.documentElement.dataset.ignoredMessages = String(ignored);
  console.debug(`kehoach frame: ignored a message from ${ev.origin} (${why})`);
}

// Messages that arrive while the configuration loads wait for it.
const early = [];
let handle = (ev) => early.push(ev);
window.addEventListener('message', (ev) => handle(ev));

/** The allowed parent origins, from frame-config.json (none when it is missing or broken). */
async function loadAllowed() {
  try {
    const res = await fetch(new URL('frame-config.json', import.meta.url), { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) return new Set();
    const config = await res.json();
    return new Set((Array.isArray(config?.origins) ? config.origins : []).map(originOf).filter(Boolean));
  } catch {
    return new Set();
  }
}

const REQUESTS = new Set(['kehoach:getDocument', 'kehoach:setDocument', 'kehoach:validate', 'kehoach:clearDrafts']);

/** Handle messages with `handler` from now on, and those that waited. */
function listen(handler) {
  handle = handler;
  for (const ev of early.splice(0)) handler(ev);
}

async function start() {
  if (window.parent === window) {
    listen((ev) => ignore(ev, 'not embedded'));
    refuse('Trang này chỉ mở được bên trong cổng thông tin đã đăng ký.', 'This page only opens inside a registered portal.');
    return;
  }
  const allowed = await loadAllowed();
  // Chromium and Safari tell the parent's origin; elsewhere the parent's first
  // message does (the browser sets ev.origin, a page cannot forge it).
  const told = location.ancestorOrigins?.length ? location.ancestorOrigins[0] : null;
  if (allowed.size === 0 || (told && !allowed.has(told))) {
    listen((ev) => ignore(ev, 'not an allowed parent'));
    refuse(
      'Cổng thông tin này chưa được phép nhúng trình soạn thảo (frame-config.json).',
      'This portal is not allowed to embed the editor (frame-config.json).',
    );
    return;
  }
  let parent = null; // the verified parent origin, once init arrived
  let editor = null;
  const post = (message) => parent && window.parent.postMessage(message, parent);

  listen(async (ev) => {
    if (ev.source !== window.parent) return ignore(ev, 'not the parent window');
    if (!allowed.has(ev.origin) || (told && ev.origin !== told) || (parent && ev.origin !== parent)) return ignore(ev, 'origin not allowed');
    const m = ev.data;
    if (!m || typeof m !== 'object') return;
    const reply = (r) => window.parent.postMessage({ type: 'kehoach:result', id: m.id, ...r }, ev.origin);
    if (m.type === 'kehoach:init') {
      if (editor) return reply({ ok: false, error: 'already started / đã khởi động' });
      parent = ev.origin;
      editor = mount(host, frameOptions(m.options ?? {}, parent, post));
      try {
        await editor;
        reply({ ok: true, value: null });
        post({ type: 'kehoach:ready' });
      } catch (e) {
        const error = String(e?.message ?? e);
        host.textContent = error;
        reply({ ok: false, error });
        post({ type: 'kehoach:error', error });
      }
      return;
    }
    if (!REQUESTS.has(m.type)) return;
    if (!editor) return reply({ ok: false, error: 'send kehoach:init first / chưa khởi động' });
    try {
      const h = await editor;
      let value = null;
      if (m.type === 'kehoach:getDocument') value = h.getDocument();
      else if (m.type === 'kehoach:setDocument') h.setDocument(m.document);
      else if (m.type === 'kehoach:clearDrafts') h.clearDrafts();
      else value = h.validate();
      reply({ ok: true, value });
    } catch (e) {
      reply({ ok: false, error: String(e?.message ?? e), path: e?.path });
    }
  });
  // Say hello to the parent, only on an allowed origin (a message posted with
  // another targetOrigin is dropped by the browser). Say it again every half
  // second until init arrives: the portal's listener may not be registered yet
  // when the frame is quicker than the portal's own script.
  const hello = () => {
    if (editor) return;
    for (const origin of told ? [told] : allowed) window.parent.postMessage({ type: 'kehoach:hello' }, origin);
    setTimeout(hello, 500);
  };
  hello();
}

/**
 * mount() options from the parent's: drafts are kept under this parent's
 * origin (and the storage name it gives), events go back as messages.
 */
function frameOptions(given, origin, post) {
  const { onChange, onValidate, onExport, onSubmit, baseUrl, ...options } = given;
  const name = typeof given.storage === 'string' ? given.storage : '';
  options.storage = given.storage === false || given.storage === null ? false : `kehoach-frame:${encodeURIComponent(origin)}:${encodeURIComponent(name)}:`;
  for (const event of ['change', 'validate', 'export', 'submit']) {
    options[`on${event[0].toUpperCase()}${event.slice(1)}`] = (detail) => post({ type: 'kehoach:event', event, detail });
  }
  return options;
}

start();
