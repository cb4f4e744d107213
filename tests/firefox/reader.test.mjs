// End-to-end in Firefox ESR: the built dist/firefox, its toolbar button clicked on the browser's
// own toolbar (see firefox.mjs), on the seed fixture with and without a strict CSP.
// Skipped, with a message, when no Firefox is installed (./build.sh test installs firefox-esr).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, fixture, fold, ROOT } from '../e2e/harness.mjs';
import { firefoxBinary, launchFirefox, settle, OUT } from './firefox.mjs';

const binary = firefoxBinary();
const skip = binary ? false : 'no Firefox installed (set FIREFOX=/path/to/firefox, or apt-get install firefox-esr)';

let server;
let firefox;

before(async () => {
  if (skip) return;
  fs.mkdirSync(OUT, { recursive: true });
  server = await startServer();
  firefox = await launchFirefox();
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

/** The reader view's content, read through its closed shadow root (see firefox.inReader). */
function readerState(page) {
  return firefox.inReader(page, (shadow) => {
    const article = shadow.querySelector('article');
    return {
      // The whole article: the view's first frame holds back all but its first screens.
      text: article && !article.hasAttribute('aria-busy') ? article.innerText : '',
      title: shadow.querySelector('h1.title')?.textContent ?? '',
      meta: shadow.querySelector('.meta')?.textContent ?? '',
      images: [...shadow.querySelectorAll('img')].map((img) => img.src),
      paragraphs: shadow.querySelectorAll('.content p').length,
      handlers: [...shadow.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
      scripts: shadow.querySelectorAll('script, iframe, style:not([data-lector])').length,
    };
  });
}

async function waitForReader(page, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    const state = await readerState(page);
    if (state?.text) return state;
    if (Date.now() - start > timeout) throw new Error('the reader view did not open');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForClosed(page) {
  await page.waitForFunction(() => !document.querySelector('lector-reader'), { timeout: 10000 });
}

test('Firefox: the toolbar button is pinned and carries the localized title', { skip }, async () => {
  const version = await firefox.browser.version();
  console.log(`# ${version}, add-on ${firefox.addonId}, button #${firefox.button.id}`);
  assert.match(firefox.button.tooltip, /Reader view/, 'the button shows the action title from _locales/en');
});

for (const mode of ['plain', 'strict']) {
  test(`Firefox, seed page (${mode} CSP): the button shows the article without clutter, a second click restores the page`, { skip }, async () => {
    const { expected } = fixture('tagdiv-newspaper-seed');
    const page = await firefox.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.base}/${mode}/tagdiv-newspaper-seed/`, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, 700));
    await settle(page);
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));
    assert.ok(before.y > 0, 'the page scrolled before the click');
    errors.length = 0; // the page's own load-time errors are not ours
    const reportsBefore = server.cspReports.length;

    await firefox.click(page);
    const clicked = Date.now();
    const state = await waitForReader(page);
    const ms = Date.now() - clicked;
    const text = fold(state.text);
    assert.equal(fold(state.title), fold(expected.title), 'title');
    assert.ok(state.meta.includes(expected.byline), `byline ${expected.byline} in ${state.meta}`);
    for (const snippet of expected.must_contain) assert.ok(text.includes(fold(snippet)), `missing from the reader view: ${snippet}`);
    for (const snippet of expected.must_not_contain) assert.ok(!text.includes(fold(snippet)), `clutter in the reader view: ${snippet}`);
    assert.ok(state.paragraphs >= expected.min_paragraphs, `${state.paragraphs} paragraphs`);
    assert.ok(state.images.some((src) => src.includes(expected.lead_image)), 'lead image shown');
    assert.equal(state.handlers, false, 'an event handler reached the reader view');
    assert.equal(state.scripts, 0, 'script, iframe or style elements reached the reader view');
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the lead image paint
    await page.screenshot({ path: path.join(OUT, `seed-${mode}-reader.png`) });
    if (mode === 'plain' && process.env.LECTOR_UPDATE_SCREENSHOTS) {
      fs.copyFileSync(path.join(OUT, `seed-${mode}-reader.png`), path.join(ROOT, 'docs/screenshots/firefox-reader.png'));
    }
    assert.deepEqual(server.cspReports.slice(reportsBefore), [], 'the reader made Firefox send a CSP report to the site');

    await firefox.click(page);
    await waitForClosed(page);
    const afterClose = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));
    assert.equal(afterClose.y, before.y, 'scroll position restored');
    if (afterClose.html !== before.html) {
      fs.writeFileSync(path.join(OUT, `seed-${mode}-dom-before.html`), before.html);
      fs.writeFileSync(path.join(OUT, `seed-${mode}-dom-after.html`), afterClose.html);
    }
    assert.ok(afterClose.html === before.html, `the page DOM is exactly as before (see ${OUT}/seed-${mode}-dom-*.html)`);
    assert.deepEqual(errors, [], 'no page errors after the clicks');
    console.log(`# Firefox, seed page, ${mode} CSP: reader view seen ${ms} ms after the click (informational)`);
    await page.close();
  });
}

test('Firefox: Esc closes the reader view and leaves the page as it was', { skip }, async () => {
  const page = await firefox.newPage();
  await page.goto(`${server.base}/plain/wordpress-gutenberg-blog/`, { waitUntil: 'load' });
  await settle(page);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await firefox.click(page);
  const state = await waitForReader(page);
  assert.equal(fold(state.title), fold(fixture('wordpress-gutenberg-blog').expected.title));
  await page.keyboard.press('Escape');
  await waitForClosed(page);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
  await page.close();
});

test('Firefox: the options page opens, localized, with no console errors, in light and dark', { skip }, async () => {
  const host = await firefox.inChrome((id) => WebExtensionPolicy.getByID(id).mozExtensionHostname, firefox.addonId); // eslint-disable-line no-undef
  const page = await firefox.browser.newPage(); // an extension page: no request interception
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // (puppeteer's goto never sees this navigation's load event, as the tab changes process)
  const url = `moz-extension://${host}/options/options.html`;
  await firefox.browser.connection.send('browsingContext.navigate', { context: page.mainFrame().browsingContext.id, url, wait: 'none' });
  await page.waitForFunction((address) => location.href === address && document.readyState === 'complete' && document.querySelector('h1:not(:empty)'), {}, url);
  const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));
  assert.equal(await page.title(), en.optionsTitle.message, 'the title comes from _locales');
  const looks = {};
  for (const scheme of ['light', 'dark']) {
    // Firefox's own setting (Settings > Website appearance): 0 dark, 1 light.
    await firefox.inChrome((value) => Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', Number(value)), scheme === 'dark' ? 0 : 1); // eslint-disable-line no-undef
    await page.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, {}, scheme === 'dark');
    looks[scheme] = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      font: getComputedStyle(document.body).fontFamily,
    }));
    await page.screenshot({ path: path.join(OUT, `options-${scheme}.png`) });
  }
  await firefox.inChrome(() => Services.prefs.clearUserPref('layout.css.prefers-color-scheme.content-override')); // eslint-disable-line no-undef
  assert.notEqual(looks.light.background, looks.dark.background, 'the page follows the dark colour scheme');
  assert.match(looks.light.font, /system-ui/, 'system fonts');
  // Keyboard: Tab alone reaches the site field and then every button after it.
  const reached = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.localName));
  }
  for (const id of ['add-site', 'export', 'import']) assert.ok(reached.includes(id), `Tab reaches #${id} (reached ${reached.join(', ')})`);
  assert.deepEqual(errors, [], 'console errors on the options page');
  await page.close();
});
