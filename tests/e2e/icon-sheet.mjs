// A contact sheet of the rendered toolbar icons on light and dark toolbar colours (Firefox's
// and Chrome's), at 1x and magnified with hard pixels, to judge crispness by eye:
//   node tests/e2e/icon-sheet.mjs [icons dir] [out.png]   (./build.sh demo runs it)

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './harness.mjs';

const dir = process.argv[2] ?? path.join(ROOT, 'target/icons');
const out = process.argv[3] ?? path.join(ROOT, 'target/icon-sheet.png');
const SIZES = [16, 32, 48, 96, 128];
const TOOLBARS = [
  ['#f9f9fb', '#15141a', 'Firefox light'],
  ['#ffffff', '#1f1f1f', 'Chrome light'],
  ['#2b2a33', '#fbfbfe', 'Firefox dark'],
  ['#3c3c3c', '#e3e3e3', 'Chrome dark'],
];

const image = (size, scale) => {
  const data = fs.readFileSync(path.join(dir, `icon-${size}.png`)).toString('base64');
  return `<img src="data:image/png;base64,${data}" style="width:${size * scale}px;height:${size * scale}px;image-rendering:pixelated;margin:6px;vertical-align:middle">`;
};
const rows = TOOLBARS.map(
  ([bg, fg, label]) =>
    `<div style="background:${bg};color:${fg};padding:8px 12px"><span style="font:12px system-ui;display:inline-block;width:100px">${label}</span>${SIZES.map((s) => image(s, 1)).join('')}${image(16, 4)}${image(32, 2)}</div>`,
);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 720, height: 100 } });
await page.setContent(`<body style="margin:0">${rows.join('')}</body>`);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${path.relative(ROOT, out)}`);
