// End-to-end: article text that the page's script renders into an OPEN shadow root (a web
// component, as on MSN-style article pages) reaches the reader view on both Chromium routes:
// the content-script engine (plain page) and the offscreen engine (strict CSP, where the page
// travels as HTML with declarative shadow roots). The reader must show the shadow tree's text
// and the slotted light paragraphs in the order the page renders them, leave out light
// children no slot takes in and a slot's fallback when it has assigned nodes, and drop the
// hidden and fixed/sticky parts found inside and after the shadow host.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, fixture, waitForReader, fold } from './harness.mjs';

const NAME = 'web-component-article';
const { expected } = fixture(NAME);

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The reader view's text must hold the live page's text in order and none of the clutter. */
function assertShadowArticle(state, label) {
  const text = fold(state.text);
  let last = -1;
  for (const snippet of expected.live_must_contain) {
    const at = text.indexOf(fold(snippet));
    assert.ok(at >= 0, `${label}: missing from the reader view: ${snippet}`);
    assert.ok(at > last, `${label}: out of order: ${snippet}`);
    last = at;
  }
  for (const snippet of [...expected.must_not_contain, ...expected.live_must_not_contain]) {
    assert.ok(!text.includes(fold(snippet)), `${label}: in the reader view: ${snippet}`);
  }
  assert.equal(fold(state.title), fold(expected.title), `${label}: title`);
  assert.equal(state.scripts, 0, `${label}: script or style from the shadow root reached the reader view`);
}

for (const mode of ['plain', 'strict']) {
  test(`${NAME} (${mode} CSP): shadow-rendered text in reading order on both routes`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.base}/${mode}/${NAME}/`, { waitUntil: 'load' });
      // The component has rendered: its text is in the shadow root, not in the light DOM.
      await page.waitForFunction(() => document.querySelector('nw-article-page')?.shadowRoot?.querySelector('h2'));
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      assert.ok(!before.includes('Funding for a second departure'), 'the shadow text is not in outerHTML');

      // The toolbar click: Chromium runs the engine on a copy in the offscreen document.
      await browser.click(page);
      const copy = await waitForReader(page);
      assert.equal(copy.route, 'offscreen', `${mode}: the click ran the offscreen engine`);
      assertShadowArticle(copy, `${mode} offscreen`);
      await browser.click(page);
      await page.waitForFunction(() => !document.querySelector('lector-reader'));

      // Firefox's route, the engine walking the live page, driven directly (the click granted
      // activeTab). Under the strict CSP wasm cannot run there and the offscreen engine takes over.
      await browser.worker.evaluate(async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.lectorToggle('content') });
      }, page.url());
      const live = await waitForReader(page);
      assert.equal(live.route, mode === 'plain' ? 'content' : 'offscreen', `${mode}: route of the live-page run`);
      assertShadowArticle(live, `${mode} ${live.route}`);
      assert.equal(fold(live.text), fold(copy.text), `${mode}: both routes give the same article`);
      await browser.click(page);
      await page.waitForFunction(() => !document.querySelector('lector-reader'));

      const after = await page.evaluate(() => document.documentElement.outerHTML);
      assert.equal(after, before, `${mode}: the page is left as it was`);
    } finally {
      await page.close();
    }
  });
}
