// End-to-end: the built extension in Debian's Chromium, driven like a user. Pages are our
// fixture folders, served from 127.0.0.1 with and without a strict CSP.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, fixture, waitForReader, readerState, inReader, inExtensionWorld, fold, settle, screenshot, OUT } from './harness.mjs';
import { collectSignals } from './signals-reference.mjs';

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

async function openPage(mode, name) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.base}/${mode}/${name}/`, { waitUntil: 'load' });
  return { page, errors };
}

function assertArticle(state, expected, label) {
  const text = fold(state.text);
  for (const snippet of expected.must_contain ?? []) {
    assert.ok(text.includes(fold(snippet)), `${label}: missing from the reader view: ${snippet}`);
  }
  for (const snippet of expected.must_not_contain ?? []) {
    assert.ok(!text.includes(fold(snippet)), `${label}: clutter in the reader view: ${snippet}`);
  }
  if (expected.title) assert.equal(fold(state.title), fold(expected.title), `${label}: title`);
  if (expected.byline) assert.ok(state.meta.includes(expected.byline), `${label}: byline ${expected.byline} in ${state.meta}`);
  if (expected.min_paragraphs) assert.ok(state.paragraphs >= expected.min_paragraphs, `${label}: ${state.paragraphs} paragraphs`);
  assert.equal(state.handlers, false, `${label}: an event handler reached the reader view`);
  assert.equal(state.scripts, 0, `${label}: script, iframe or style elements reached the reader view`);
}

/** Equal texts, or a failure that names where they part, with both written out in full. */
function assertSameText(actual, expected, name) {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  fs.writeFileSync(path.join(OUT, `${name}-actual.txt`), actual);
  fs.writeFileSync(path.join(OUT, `${name}-expected.txt`), expected);
  const around = (text) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 60));
  assert.fail(`${name}: the texts part at character ${at} of ${actual.length} (expected ${expected.length}):\n  actual:   ${around(actual)}\n  expected: ${around(expected)}\n(full texts in ${OUT})`);
}

for (const mode of ['plain', 'strict']) {
  test(`seed page (${mode} CSP): one click shows the article without clutter, a second restores the page`, async () => {
    const { expected } = fixture('tagdiv-newspaper-seed');
    const { page, errors } = await openPage(mode, 'tagdiv-newspaper-seed');
    await page.evaluate(() => window.scrollTo(0, 700));
    await settle(page);
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));
    assert.ok(before.y > 0, 'the page scrolled before the click');
    errors.length = 0; // the page's own load-time errors (its blocked third-party scripts) are not ours

    await browser.click(page);
    const state = await waitForReader(page);
    assert.equal(state.route, 'offscreen', 'Chromium runs the engine in the offscreen document');
    assertArticle(state, expected, `${mode} seed`);
    assert.ok(state.images.some((src) => src.includes(expected.lead_image)), 'lead image shown');
    await screenshot(page, `seed-${mode}-reader.png`);

    await browser.click(page);
    await page.waitForFunction(() => !document.querySelector('lector-reader'));
    const afterClose = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));
    assert.equal(afterClose.y, before.y, 'scroll position restored');
    if (afterClose.html !== before.html) {
      fs.writeFileSync(path.join(OUT, `seed-${mode}-dom-before.html`), before.html);
      fs.writeFileSync(path.join(OUT, `seed-${mode}-dom-after.html`), afterClose.html);
    }
    assert.ok(afterClose.html === before.html, `the page DOM is exactly as before (see ${OUT}/seed-${mode}-dom-*.html)`);
    assert.deepEqual(errors, [], 'no page errors after the clicks');

    // The other route (Firefox's: wasm on the live page) must give the same article. The
    // click above granted activeTab, so the worker may drive the content script directly.
    await browser.worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.lectorToggle('content') });
    }, page.url());
    const live = await waitForReader(page);
    if (mode === 'plain') {
      assert.equal(live.route, 'content', 'wasm ran in the content script');
    } else {
      assert.equal(live.route, 'offscreen', 'the strict CSP blocked wasm in the content script; the offscreen engine took over');
    }
    assertSameText(fold(live.text), fold(state.text), `seed-${mode}-routes`);
    console.log(`# seed page, ${mode} CSP: offscreen route ${state.ms} ms, then ${live.route} route ${live.ms} ms (click to view, informational)`);
    await browser.click(page);
    await page.waitForFunction(() => !document.querySelector('lector-reader'));
    await page.close();
  });
}

test('strict CSP: the reader sends no CSP violation report of its own to the site', async () => {
  const { page } = await openPage('strict', 'wordpress-gutenberg-blog');
  await page.waitForTimeout(500); // the page's own blocked scripts report first
  const reportsBefore = server.cspReports.length;
  await browser.click(page);
  await waitForReader(page);
  await page.waitForTimeout(800);
  const leaked = server.cspReports.slice(reportsBefore);
  assert.deepEqual(leaked, [], 'the click made the browser report to the site');
  await page.close();
});

test('the keyboard shortcut is assigned', async () => {
  const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
  const action = commands.find((c) => c.name === '_execute_action');
  assert.equal(action?.shortcut, 'Alt+Shift+L');
});

for (const name of ['wordpress-gutenberg-blog', 'arabic-rtl-article']) {
  test(`${name}: article, metadata and direction in the reader view`, async () => {
    const { expected } = fixture(name);
    const { page } = await openPage('plain', name);
    await browser.click(page);
    const state = await waitForReader(page);
    assertArticle(state, expected, name);
    if (expected.dir) assert.equal(state.dir, expected.dir);
    if (expected.lang) assert.equal(state.lang, expected.lang);
    if (expected.published) {
      // The date in the long form of the article's language, written where the engine ran.
      const shown = await inReader(page, (shadow) => ({ text: shadow.querySelector('.meta time')?.textContent ?? '', datetime: shadow.querySelector('.meta time')?.getAttribute('datetime') ?? '' }));
      assert.ok(shown.datetime.startsWith(expected.published), `${name}: the time element carries the date (${shown.datetime})`);
      const long = new Intl.DateTimeFormat(expected.lang, { dateStyle: 'long' }).format(new Date(shown.datetime));
      assert.equal(shown.text, long, `${name}: the date in its long form`);
    }
    await screenshot(page, `${name}-reader.png`);
    await page.close();
  });
}

test('live page: overlays open at the click, fixed bars and hidden blocks stay out; the reader scrolls', async () => {
  const { expected } = fixture('live-overlays');
  const { page } = await openPage('plain', 'live-overlays');
  await settle(page);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).overflow), 'hidden', 'the page locks its scrolling');
  await browser.click(page);
  const state = await waitForReader(page);
  assertArticle(state, expected, 'live-overlays');
  const text = fold(state.text);
  for (const snippet of expected.live_must_not_contain) {
    assert.ok(!text.includes(fold(snippet)), `live-overlays: clutter the rendered page marks as overlay or hidden: ${snippet}`);
  }
  await page.setViewportSize({ width: 800, height: 500 });
  await page.mouse.move(400, 250);
  await page.mouse.wheel(0, 600);
  await page.waitForFunction(() => document.querySelector('lector-reader').scrollTop > 0, null, { timeout: 3000 });
  await screenshot(page, 'live-overlays-reader.png');
  await page.setViewportSize({ width: 1280, height: 900 });
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'the page, overlay included, is as before');
  await page.close();
});

test('printing from the reader view prints the article, not the page; closing restores the page sheets', async () => {
  const { page } = await openPage('plain', 'arabic-rtl-article');
  const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
  await browser.click(page);
  const state = await waitForReader(page);
  assert.match(state.meta, /\d+ min read/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'none', 'the page is hidden in print');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('lector-reader')).display), 'block', 'the reader prints');
  await screenshot(page, 'arabic-rtl-article-print.png');
  await page.emulateMedia({ media: 'screen' });
  const siteLink = await inReader(page, (shadow) => shadow.querySelector('.site a')?.href);
  assert.equal(siteLink, page.url(), 'the site name links to the original page');
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  await page.emulateMedia({ media: 'print' });
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).display), 'none', 'the page prints again after closing');
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), sheetsBefore);
  await page.emulateMedia({ media: 'screen' });
  await page.close();
});

test('Esc closes the reader view', async () => {
  const { page } = await openPage('plain', 'wordpress-gutenberg-blog');
  await settle(page);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await browser.click(page);
  await waitForReader(page);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
  await page.close();
});

test('the engine reads the same page tree with the reader view open as closed (its own host is left out)', async () => {
  const { page } = await openPage('plain', 'live-overlays');
  await settle(page);
  await browser.click(page);
  await waitForReader(page);
  // The walk and the signals as the content script gives them to the engine (an export from
  // the open view runs the engine with the view's host in the page).
  const engineInput = () => inExtensionWorld(page, () => {
    const skip = LectorReaderView.ownHosts(); // eslint-disable-line no-undef
    const { tree, strings, signals } = lectorPageTree(document, true, skip, true); // eslint-disable-line no-undef
    return { tree: Array.from(tree), strings, signals, hosts: document.querySelectorAll('lector-reader').length };
  });
  const open = await engineInput();
  assert.equal(open.hosts, 1, 'the view is open');
  assert.ok(!open.strings.includes('lector-reader'), 'the view\'s host is not in the page tree');
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  const closed = await engineInput();
  assert.equal(closed.hosts, 0);
  assert.equal(open.strings, closed.strings, 'the same strings');
  assert.deepEqual(open.tree, closed.tree, 'the same records');
  assert.deepEqual(open.signals, closed.signals, 'the same signals at the same positions');
  await page.close();
});

for (const name of ['live-overlays', 'web-component-article', 'consent-platform-banner']) {
  test(`${name}: the signals taken in the page-tree walk are those of a walk of their own, and the tree is the same`, async () => {
    const { page } = await openPage('plain', name);
    await settle(page);
    await browser.click(page); // injects the content scripts
    await waitForReader(page);
    await browser.click(page);
    await page.waitForFunction(() => !document.querySelector('lector-reader'));
    const input = await inExtensionWorld(page, `() => {
      const collectSignals = ${collectSignals};
      const skip = LectorReaderView.ownHosts();
      const joined = lectorPageTree(document, true, skip, true);
      const alone = lectorPageTree(document, true, skip);
      return {
        joined: { tree: Array.from(joined.tree), strings: joined.strings, signals: joined.signals },
        alone: { tree: Array.from(alone.tree), strings: alone.strings, signals: alone.signals ?? null },
        reference: collectSignals(document, null, skip),
      };
    }`);
    assert.equal(input.alone.signals, null, 'no signals unless asked for');
    assert.deepEqual(input.joined.tree, input.alone.tree, 'the same records');
    assert.equal(input.joined.strings, input.alone.strings, 'the same strings');
    assert.deepEqual(input.joined.signals, input.reference, 'the same signals at the same positions');
    if (name === 'live-overlays') {
      assert.ok(input.reference.hidden.length > 0 && input.reference.fixed.length > 0, 'the page has hidden and fixed elements');
    }
    await page.close();
  });
}

test('a page without an article gets a polite notice and stays untouched', async () => {
  const { page } = await openPage('plain', 'news-home-page');
  await settle(page);
  const before = await page.evaluate(() => document.body.outerHTML);
  await browser.click(page);
  await page.waitForFunction(() => document.querySelector('lector-notice'));
  const notice = await inExtensionWorld(page, () => chrome.dom.openOrClosedShadowRoot(document.querySelector('lector-notice')).textContent);
  assert.match(notice, /no article/i);
  assert.equal(await readerState(page), null, 'no reader view opened');
  assert.equal(await page.evaluate(() => document.body.outerHTML), before, 'page body untouched');
  await screenshot(page, 'home-page-notice.png');
  await page.waitForFunction(() => !document.querySelector('lector-notice'), null, { timeout: 8000 });
  await page.close();
});
