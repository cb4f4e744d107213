// End-to-end: every fixture folder, opened in Debian's Chromium with the built extension, with
// and without a strict CSP, through the real toolbar click. The reader view must show what
// expected.json says must appear and nothing it says must not; pages whose own scripts open a
// paywall or sign-up modal after load and lock scrolling must still give a scrolling reader
// view; a lazy image that loads only on scroll shows its real picture. One browser serves all
// cases.
//
// expected.json's "live" key drives the page-script cases:
//   wait_for       a selector the page's script adds or reveals after load (the modal)
//   scroll_locked  the page sets overflow: hidden on html and body
//   lazy           the file name of an image that loads only when scrolled into view

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, fixture, waitForReader, inReader, fold, screenshot, OUT, PAGES, ROOT } from './harness.mjs';

/**
 * Cases whose reader view is saved as target/e2e/clutter-<case>.png, and copied to
 * docs/screenshots/ when LECTOR_UPDATE_SCREENSHOTS=1 (so that ordinary runs leave the tree alone).
 */
const SCREENSHOTS = new Set(['metered-paywall-newspaper', 'medium-style-post', 'native-ad-widgets', 'spanish-publicidad']);
const DOC_SHOTS = path.join(ROOT, 'docs/screenshots');
function publish(file) {
  if (process.env.LECTOR_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(OUT, file), path.join(DOC_SHOTS, file));
}

const cases = fs
  .readdirSync(PAGES)
  .filter((name) => fs.existsSync(path.join(PAGES, name, 'source.html')))
  .map((name) => ({ name, ...fixture(name) }))
  .filter(({ expected }) => expected.article !== false)
  .sort((a, b) => a.name.localeCompare(b.name));

let server;
let browser;

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the reader view shows beyond readerState: link targets and image addresses. */
function readerLinksAndImages(page) {
  return inReader(page, (shadow) => ({
    links: [...shadow.querySelectorAll('.content a[href]')].map((a) => a.getAttribute('href')),
    images: [...shadow.querySelectorAll('img')].map((img) => img.getAttribute('src')),
    frames: shadow.querySelectorAll('iframe, object, embed, video').length,
  }));
}

function assertReader(state, extra, expected, label) {
  const text = fold(state.text);
  for (const snippet of expected.must_contain ?? []) {
    assert.ok(text.includes(fold(snippet)), `${label}: missing from the reader view: ${snippet}`);
  }
  for (const snippet of expected.must_contain_once ?? []) {
    const copies = text.split(fold(snippet)).length - 1;
    assert.equal(copies, 1, `${label}: ${copies} copies of: ${snippet}`);
  }
  for (const snippet of [...(expected.must_not_contain ?? []), ...(expected.live_must_not_contain ?? [])]) {
    assert.ok(!text.includes(fold(snippet)), `${label}: clutter in the reader view: ${snippet}`);
  }
  for (const name of expected.images ?? []) {
    assert.ok(extra.images.some((src) => src.includes(name)), `${label}: image ${name} not shown (${extra.images.join(', ')})`);
  }
  for (const name of expected.not_images ?? []) {
    assert.ok(!extra.images.some((src) => src.includes(name)), `${label}: ${name} shown`);
  }
  for (const href of expected.links ?? []) {
    assert.ok(extra.links.includes(href), `${label}: no link to ${href}`);
  }
  assert.equal(extra.frames, 0, `${label}: a frame or player reached the reader view`);
  if (expected.title) assert.equal(fold(state.title), fold(expected.title), `${label}: title`);
  assert.equal(state.handlers, false, `${label}: an event handler reached the reader view`);
  assert.equal(state.scripts, 0, `${label}: script, iframe or style elements reached the reader view`);
}

async function closeReader(page) {
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
}

for (const { name, expected } of cases) {
  for (const mode of ['plain', 'strict']) {
    test(`${name} (${mode} CSP): the reader shows the article and none of the clutter`, async () => {
      const live = expected.live ?? {};
      const page = await browser.context.newPage();
      try {
        if (live.lazy) await page.setViewportSize({ width: 1280, height: 500 });
        await page.goto(`${server.base}/${mode}/${name}/`, { waitUntil: 'load' });
        if (live.wait_for) {
          await page.waitForSelector(live.wait_for, { state: 'visible', timeout: 5000 });
        }
        if (live.scroll_locked) {
          const locked = await page.evaluate(() => [document.documentElement, document.body].map((e) => getComputedStyle(e).overflow));
          assert.deepEqual(locked, ['hidden', 'hidden'], `${name}: the page's script locked scrolling`);
        }
        if (live.lazy) {
          const pending = await page.evaluate((file) => [...document.images].find((img) => (img.dataset.src ?? '').includes(file))?.getAttribute('src'), live.lazy);
          assert.ok(pending && !pending.includes(live.lazy), `${name}: the lazy image has not loaded before the click (src ${pending})`);
        }

        await browser.click(page);
        const state = await waitForReader(page);
        const extra = await readerLinksAndImages(page);
        assertReader(state, extra, expected, `${name} ${mode}`);
        if (live.lazy) {
          assert.ok(extra.images.some((src) => src.includes(live.lazy)), `${name}: the reader shows the lazy image's real picture`);
        }

        if (live.scroll_locked) {
          // The reader view scrolls although the page below it cannot.
          await page.setViewportSize({ width: 800, height: 500 });
          await page.mouse.move(400, 250);
          await page.mouse.wheel(0, 700);
          await page.waitForFunction(() => document.querySelector('lector-reader').scrollTop > 0, null, { timeout: 3000 });
          await page.setViewportSize({ width: 1280, height: 900 });
        }
        if (mode === 'plain' && SCREENSHOTS.has(name)) {
          await page.evaluate(() => { document.querySelector('lector-reader').scrollTop = 0; });
          await screenshot(page, `clutter-${name}.png`);
          publish(`clutter-${name}.png`);
        }
        await closeReader(page);

        if (live.lazy) {
          // Scrolled into view, the page's loader swaps the picture in and drops data-src;
          // the reader then takes the address the browser resolved.
          await page.evaluate((file) => {
            const img = [...document.images].find((i) => (i.dataset.src ?? '').includes(file));
            img.scrollIntoView();
          }, live.lazy);
          await page.waitForFunction((file) => [...document.images].some((img) => img.currentSrc.includes(file) && img.complete), live.lazy, { timeout: 5000 });
          await browser.click(page);
          await waitForReader(page);
          const after = await readerLinksAndImages(page);
          assert.ok(after.images.some((src) => src.includes(live.lazy)), `${name}: after scrolling, the reader still shows the real picture`);
          await closeReader(page);
        }
      } finally {
        await page.close();
      }
    });
  }
}

test('a page that opens its paywall after load: the before picture', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/plain/metered-paywall-newspaper/`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=expanded-dock]', { state: 'visible' });
  await screenshot(page, 'clutter-metered-paywall-newspaper-before.png');
  publish('clutter-metered-paywall-newspaper-before.png');
  await page.close();
});
