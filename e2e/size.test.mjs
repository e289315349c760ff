// The first-load budget (issue 17): a new user's first load of the editor —
// every file the browser fetches until the template gallery shows, gzip -9 —
// stays within 360 KB. Bytes are deterministic for a given build, so this is
// a test, not a benchmark; `npm run bench:size` prints the details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, recordedPage } from './harness.mjs';
import { firstLoad, galleryReady, kb } from './sizes.mjs';

const BUDGET = 360_000;
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a new user\'s first load is at most 360 KB gzip', async () => {
  const { page, context, log } = await recordedPage(browser);
  const { files, total } = await firstLoad(page, log, (p) => p.goto(server.url), galleryReady);
  await context.close();
  assert.ok(files.some((f) => f.endsWith('.wasm')), `the module was fetched: ${files.join(', ')}`);
  assert.ok(total <= BUDGET, `first load ${kb(total)} gzip > ${kb(BUDGET)} (${files.join(', ')})`);
});
