// Demo without a window: opens the bundled sample news page (our rebuild of a cluttered
// tagDiv "Newspaper" article page) in headless Chromium with the built extension, presses the
// toolbar button, and writes before/after screenshots (light and dark) and one per reader theme
// (reader-light, reader-sepia, reader-dark) to docs/screenshots/.
// Run it with `./build.sh demo`.

import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, waitForReader, waitInReader, clickInReader, inReader, settle, ROOT } from './harness.mjs';

const outDir = path.join(ROOT, 'docs/screenshots');
fs.mkdirSync(outDir, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/plain/tagdiv-newspaper-seed/`, { waitUntil: 'load' });
  await settle(page);
  const shot = (name) => page.screenshot({ path: path.join(outDir, name), caret: 'initial' });
  await shot('before.png');
  await browser.click(page);
  const state = await waitForReader(page);
  await page.waitForTimeout(300); // let the lead image decode
  await shot('after.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('after-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  // The three themes, chosen the way the settings panel stores them (the open view follows).
  const themes = [];
  for (const theme of ['light', 'sepia', 'dark']) {
    await browser.worker.evaluate((value) => chrome.storage.sync.set({ readerSettings: { theme: value } }), theme);
    await waitInReader(page, (shadow, host, value) => shadow.querySelector('.root').dataset.theme === value, { args: [theme] });
    // The sepia picture shows the settings panel open.
    if (theme === 'sepia') await clickInReader(page, 'button.aa');
    await page.waitForTimeout(100);
    themes.push(`reader-${theme}.png`);
    await shot(`reader-${theme}.png`);
    if (theme === 'sepia') {
      await page.keyboard.press('Escape');
      await inReader(page, (shadow, host) => {
        shadow.querySelector('article').focus({ preventScroll: true }); // no ring in the next picture
        host.scrollTop = 0;
      });
    }
  }
  await browser.worker.evaluate(() => chrome.storage.sync.clear());
  console.log(`reader view: "${state.title}" (${state.paragraphs} paragraphs, engine route: ${state.route}, ${state.ms} ms)`);
  for (const name of ['before.png', 'after.png', 'after-dark.png', ...themes]) console.log(`wrote ${path.relative(ROOT, path.join(outDir, name))}`);
} finally {
  await browser.close();
  await server.close();
}
