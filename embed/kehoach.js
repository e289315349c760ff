// kehoach.js: the portal entry of the plan editor (see docs/embedding.md).
//
//   import { mount } from '/apps/kehoach/kehoach.js';
//   const editor = await mount(element, { template: 'ke_hoach_trong', onSubmit });
//
// or, with no script of your own beyond the import:
//
//   <script type="module" src="/apps/kehoach/kehoach.js"></script>
//   <kehoach-editor template="dan_chu_co_so_phuong_xa" submit></kehoach-editor>
//
// Every asset (kehoach-web.js, kehoach-web_bg.wasm, app.css) is loaded relative
// to this file, so the dist/ folder can live under any sub-path. Nothing is
// fetched from another origin, and no inline script or style is needed: the
// page's CSP only has to allow `script-src 'self' 'wasm-unsafe-eval'`.
import init, { mount as wasmMount, clearDrafts as wasmClearDrafts, rulesReady } from './kehoach-web.js';

/** The folder holding this file (and app.css, the wasm module…). */
export const BASE_URL = new URL('./', import.meta.url).href;

let started;
/** Load and instantiate the wasm module once per page, however many editors. */
export function ready() {
  // The rules are a part of the module loaded apart (src/ui/checker.rs);
  // waiting for them here lets validate() answer as soon as mount() resolves.
  started ??= init({ module_or_path: new URL('kehoach-web_bg.wasm', import.meta.url) }).then(
    async (module) => {
      await rulesReady();
      return module;
    },
  );
  return started;
}

/**
 * Mount an editor inside `element` (it gets an open shadow root; the page's
 * styles and ids never meet the editor's). Resolves to a handle with
 * getDocument(), setDocument(doc), validate() and destroy().
 * Throws (rejects) when an option is not valid, e.g. a broken document:
 * the message names the JSON path.
 */
export async function mount(element, options = {}) {
  await ready();
  const { serviceWorker, ...rest } = options;
  const handle = wasmMount(element, { baseUrl: BASE_URL, ...rest });
  offlineIf(serviceWorker, element);
  return handle;
}

/**
 * The service worker (sw.js, docs/embedding.md section 11) is off in a portal
 * unless it asks: `serviceWorker: true` (scope: the build folder) or
 * `{ scope: '/portal/' }` (sw.js must then be served with a
 * `Service-Worker-Allowed` header naming that scope). Loaded only then.
 */
function offlineIf(serviceWorker, element) {
  if (!serviceWorker || !element.shadowRoot) return;
  const { scope } = typeof serviceWorker === 'object' ? serviceWorker : {};
  import('./offline.js').then(({ offline }) => offline({ url: new URL('sw.js', import.meta.url), scope, root: element.shadowRoot }));
}

/**
 * Forget drafts kept in this browser without mounting an editor (a portal's
 * logout page). `options`: `storage` and `id` name the portal's drafts as for
 * mount() (`id`: the element's id when `storage` was left out); with `user`,
 * only that person's drafts go, without it every person's of that portal.
 */
export async function clearDrafts(options = {}) {
  await ready();
  wasmClearDrafts(options);
}

/** Attributes the element reads; any change remounts the editor. */
const ATTRIBUTES = ['template', 'locale', 'read-only', 'exports', 'storage', 'user', 'shared-computer', 'submit', 'allow-submit-with-errors', 'document-src', 'base-url', 'service-worker'];

/** Attributes whose change starts the editor afresh instead of keeping the document. */
const FRESH_START = ['template', 'document-src', 'storage', 'user', 'shared-computer'];

/**
 * Options from the attributes of `el`:
 *   template="id"  locale="vi|en"  read-only  exports="json,docx,text"
 *   storage="prefix" | storage="none"  user="key"  shared-computer  submit
 *   allow-submit-with-errors  base-url="/apps/kehoach/"  (rarely needed:
 *   defaults to this file's folder)  service-worker (off without it)
 * Without a storage attribute, drafts are kept under a scope of the page's
 * path and the element's id, so two editors never share drafts.
 */
export function optionsFromAttributes(el) {
  const o = {};
  const has = (a) => el.hasAttribute(a);
  const get = (a) => el.getAttribute(a);
  if (has('template')) o.template = get('template');
  if (has('locale')) o.locale = get('locale');
  if (has('read-only')) o.readOnly = get('read-only') !== 'false';
  if (has('exports')) o.exports = get('exports').split(',').map((s) => s.trim()).filter(Boolean);
  if (has('storage')) {
    const s = get('storage');
    o.storage = s === 'none' || s === 'false' ? false : s;
  }
  if (has('user')) o.user = get('user');
  if (has('shared-computer')) o.sharedComputer = get('shared-computer') !== 'false';
  if (has('submit')) o.submit = get('submit') !== 'false';
  if (has('allow-submit-with-errors')) o.allowSubmitWithErrors = get('allow-submit-with-errors') !== 'false';
  if (has('base-url')) o.baseUrl = new URL(get('base-url'), document.baseURI).href.replace(/\/?$/, '/');
  if (has('service-worker')) o.serviceWorker = get('service-worker') !== 'false';
  return o;
}

/** Fetch a JSON document from the page's own origin (the `document-src` attribute). */
async function fetchDocument(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`document-src must be on this origin: ${url.href}`);
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`document-src ${url.href}: HTTP ${res.status}`);
  return res.text();
}

/**
 * <kehoach-editor>: simple options as attributes, the rest (document, templates,
 * agencies, callbacks) in the `options` property. Events (change, validate,
 * export, submit) are CustomEvents dispatched on the element itself.
 * A failed mount dispatches `error` with detail {message}.
 */
export class KehoachEditor extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #options = {};
  #handle = null;
  #generation = 0;
  #kept;
  #connected = false;
  /** Resolves with the handle once the editor is on screen. */
  ready = null;

  /** Options that attributes cannot carry: document, templates, agencies, on* callbacks. */
  get options() { return this.#options; }
  set options(value) {
    const before = this.#options;
    this.#options = value ?? {};
    // Keep the open document unless the new options say what to start from,
    // or whose drafts these are (never carry one person's document to another).
    const fresh = 'document' in this.#options || 'template' in this.#options
      || ['user', 'storage', 'sharedComputer'].some((k) => before[k] !== this.#options[k]);
    if (this.#connected) this.#remount(!fresh);
  }

  /** The underlying handle (null until mounted). */
  get handle() { return this.#handle; }

  connectedCallback() { this.#connected = true; this.#remount(true); }
  disconnectedCallback() {
    this.#connected = false;
    // Remember the document, so moving the element in the page keeps it.
    this.#kept = this.#handle?.getDocument();
    this.#generation++;
    this.#destroy();
  }
  attributeChangedCallback(name, old, value) {
    // Keep the document across changes of locale, exports…; not of what it starts from.
    // (Attributes present at start arrive before connectedCallback, which reads them all.)
    // Nor across a change of whose drafts these are: one person's document must
    // never be carried into another's.
    if (this.#connected && old !== value) this.#remount(!FRESH_START.includes(name));
  }

  getDocument() { return this.#need().getDocument(); }
  setDocument(doc) { return this.#need().setDocument(doc); }
  validate() { return this.#need().validate(); }
  clearDrafts() { return this.#need().clearDrafts(); }
  destroy() { this.#generation++; this.#destroy(); }

  #need() {
    if (!this.#handle) throw new Error('kehoach-editor is not mounted yet: await element.ready');
    return this.#handle;
  }

  #destroy() {
    const h = this.#handle;
    this.#handle = null;
    h?.destroy();
    h?.free?.();
  }

  #remount(keepDocument) {
    const mine = ++this.#generation;
    const kept = !keepDocument ? undefined : this.#handle ? this.#handle.getDocument() : this.#kept;
    this.#kept = undefined;
    this.ready = (async () => {
      const options = { ...optionsFromAttributes(this), ...this.#options };
      if (kept) {
        options.document = kept;
        delete options.template; // the template's start form is only for a fresh start
      } else if (this.hasAttribute('document-src') && options.document == null) {
        options.document = await fetchDocument(this.getAttribute('document-src'));
      }
      await ready();
      if (mine !== this.#generation) return null; // removed or remounted meanwhile
      this.#destroy();
      const { serviceWorker, ...rest } = options;
      this.#handle = wasmMount(this, { baseUrl: BASE_URL, ...rest });
      offlineIf(serviceWorker, this);
      return this.#handle;
    })();
    this.ready.catch((e) => {
      if (mine !== this.#generation) return;
      const message = String(e?.message ?? e);
      console.error(`kehoach-editor: ${message}`);
      this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
    });
  }
}

if (!customElements.get('kehoach-editor')) customElements.define('kehoach-editor', KehoachEditor);
