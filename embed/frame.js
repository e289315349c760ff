// frame.js: the iframe mode of the plan editor (frame.html loads it).
//
//   <iframe src="/apps/kehoach/frame.html?origins=https://portal.example.gov.vn&template=ke_hoach_trong&submit"></iframe>
//
// Query: origins (comma list of parent origins allowed to talk to the editor,
// required for any message), and the simple options with the same names as
// the <kehoach-editor> attributes: template, locale, read-only, exports,
// storage (prefix or "none"), submit, allow-submit-with-errors.
//
// To the parent (targetOrigin is always the parent's allowed origin, never "*"):
//   {type: "kehoach:ready"}
//   {type: "kehoach:event", event: "change"|"validate"|"export"|"submit", detail}
//   {type: "kehoach:result", id, ok: true, value} | {type: "kehoach:result", id, ok: false, error}
//   {type: "kehoach:error", error}              (the editor could not start)
// From the parent (only from an allowed origin; anything else is ignored):
//   {type: "kehoach:getDocument", id}
//   {type: "kehoach:setDocument", id, document}   (object or JSON text)
//   {type: "kehoach:validate", id}
// Ignored messages are counted in <html data-ignored-messages="N"> and logged
// with console.debug.
import { mount, optionsFromAttributes } from './kehoach.js';

const params = new URLSearchParams(location.search);

/** The origin of `text` ("https://a.example:8443"), or null when it is not an http(s) URL. */
function originOf(text) {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

const allowed = new Set((params.get('origins') ?? '').split(',').map(originOf).filter(Boolean));
if (allowed.size === 0) console.warn('kehoach frame: no ?origins= given, so no page may talk to this editor');

/**
 * Where events go: the parent's origin when it is allowed. Chrome and Safari
 * tell it (location.ancestorOrigins), other browsers through the referrer;
 * failing both, a single allowed origin is assumed, or the origin of the first
 * allowed message from the parent.
 */
let target = (() => {
  if (window.parent === window) return null;
  const seen = location.ancestorOrigins?.[0] ?? (document.referrer ? originOf(document.referrer) : null);
  if (seen) return allowed.has(seen) ? seen : null;
  return allowed.size === 1 ? [...allowed][0] : null;
})();

function post(message) {
  if (target) window.parent.postMessage(message, target);
}

// The simple options, read from the query like the element reads attributes
// (base-url and document-src are not taken from the query).
const query = {
  id: '',
  hasAttribute: (k) => k !== 'base-url' && params.has(k),
  getAttribute: (k) => params.get(k),
};
const options = { storage: 'kehoach:frame:', ...optionsFromAttributes(query) };
for (const event of ['change', 'validate', 'export', 'submit']) {
  options[`on${event[0].toUpperCase()}${event.slice(1)}`] = (detail) => post({ type: 'kehoach:event', event, detail });
}

document.documentElement.style.height = '100%';
document.body.style.margin = '0';
document.body.style.minHeight = '100%';
const host = document.getElementById('kehoach-frame');
const editor = mount(host, options);
editor.then(
  () => post({ type: 'kehoach:ready' }),
  (e) => {
    const error = String(e?.message ?? e);
    console.error(`kehoach frame: ${error}`);
    host.textContent = error;
    post({ type: 'kehoach:error', error });
  },
);

let ignored = 0;
const REQUESTS = new Set(['kehoach:getDocument', 'kehoach:setDocument', 'kehoach:validate']);

window.addEventListener('message', async (ev) => {
  if (!allowed.has(ev.origin)) {
    ignored += 1;
    document.documentElement.dataset.ignoredMessages = String(ignored);
    console.debug(`kehoach frame: ignored a message from ${ev.origin} (allowed: ${[...allowed].join(', ') || 'none'})`);
    return;
  }
  const m = ev.data;
  if (!m || typeof m !== 'object' || !REQUESTS.has(m.type)) return;
  if (!target && ev.source === window.parent) target = ev.origin;
  const reply = (r) => ev.source?.postMessage({ type: 'kehoach:result', id: m.id, ...r }, ev.origin);
  try {
    const handle = await editor;
    let value = null;
    if (m.type === 'kehoach:getDocument') value = handle.getDocument();
    else if (m.type === 'kehoach:setDocument') handle.setDocument(m.document);
    else value = handle.validate();
    reply({ ok: true, value });
  } catch (e) {
    reply({ ok: false, error: String(e?.message ?? e) });
  }
});
