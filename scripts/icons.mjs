// Draws the app's install icons (assets/icon-192.png, assets/icon-512.png) from
// assets/favicon.svg with Chromium, so the web app manifest has the PNG sizes
// browsers ask for before they offer to install the app. The PNGs are committed
// (rerun this only after changing the favicon): a build needs no browser.
// Run: node scripts/icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ASSETS = new URL('../assets/', import.meta.url).pathname;
const svg = readFileSync(join(ASSETS, 'favicon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width=${size} height=${size} src="data:image/svg+xml,${encodeURIComponent(svg)}">`);
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true });
    writeFileSync(join(ASSETS, `icon-${size}.png`), png);
    await page.close();
  }
} finally {
  await browser.close();
}
