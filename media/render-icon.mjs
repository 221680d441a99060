// Rasterizes media/icon.svg to the 128x128 media/icon.png the marketplace needs, with Debian's Chromium.
// Run: node media/render-icon.mjs (after editing icon.svg). Writes a side-by-side preview to /tmp as well.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync('media/icon.svg','utf8')}</body></html>`);
await page.screenshot({ path: 'media/icon.png', omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
const big = await browser.newPage({ viewport: { width: 256, height: 128 } });
await big.setContent(`<html><body style="margin:0;background:#1e1e1e;display:flex;gap:16px;align-items:center">${readFileSync('media/icon.svg','utf8')}<img src="data:image/svg+xml;base64,${readFileSync('media/file-icon.svg').toString('base64')}" width="96" height="96"></body></html>`);
await big.screenshot({ path: '/tmp/icons-preview.png' });
await browser.close();
