// Firefox harness: stock Firefox ESR (Debian's firefox-esr, no patched build) driven over
// WebDriver BiDi by puppeteer-core. The built extension in dist/firefox is installed as a
// temporary add-on (BiDi webExtension.install), and the toolbar button is pressed with a
// real mouse click on the browser's own toolbar: Firefox is started with
// -remote-allow-system-access, so BiDi can reach the browser window's chrome context, where
// we pin Lector's button to the toolbar (as "Pin to Toolbar" does) and synthesize a mouse
// press and release at its centre. Firefox hit-tests that click like a user's, runs the
// button's command, grants activeTab and fires action.onClicked.

import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, PLACEHOLDER_SVG } from '../e2e/harness.mjs';

export const EXTENSION = path.join(ROOT, 'dist/firefox');
export const OUT = path.join(ROOT, 'target/e2e/firefox');

/** The Firefox binary to drive, or null when none is installed (the tests then skip). */
export function firefoxBinary() {
  const candidates = [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

export async function launchFirefox() {
  if (!fs.existsSync(path.join(EXTENSION, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION}: run ./build.sh first`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxBinary(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    args: ['-remote-allow-system-access'],
  });
  const addonId = await browser.installExtension(EXTENSION);
  const bidi = browser.connection;
  const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeWindow = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!chromeWindow) throw new Error('no browser window among the chrome contexts');

  /** Runs `fn` in the browser window's privileged (chrome) scope with string arguments. */
  async function inChrome(fn, ...args) {
    const { result } = await bidi.send('script.callFunction', {
      functionDeclaration: fn.toString(),
      arguments: args.map((value) => ({ type: 'string', value: String(value) })),
      target: { context: chromeWindow.context },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`chrome script failed: ${result.exceptionDetails.text}`);
    return result.result.value;
  }

  // Pin the button once: an extension's button starts in the extensions menu.
  const button = JSON.parse(
    await inChrome((id) => {
      /* global CustomizableUI */
      const widgetId = `${id.replace(/[^a-z0-9_-]/gi, '_')}-browser-action`;
      CustomizableUI.addWidgetToArea(widgetId, CustomizableUI.AREA_NAVBAR);
      const node = CustomizableUI.getWidget(widgetId).forWindow(window).node;
      const action = node.querySelector('.unified-extensions-item-action-button');
      return JSON.stringify({ widgetId, id: action.id, tooltip: action.getAttribute('tooltiptext') ?? action.getAttribute('label') });
    }, addonId),
  );

  return {
    browser,
    addonId,
    button,
    inChrome,
    async newPage() {
      const page = await browser.newPage();
      // Nothing leaves the machine: remote images get a local picture, other remote requests fail.
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // A request can be gone by the time we answer (its page closed): nothing to do then.
        const settled = (promise) => promise.catch(() => {});
        if (/^https?:\/\/127\.0\.0\.1[:/]/.test(request.url()) || !/^https?:/.test(request.url())) return settled(request.continue());
        // (BiDi has no resource type here; Firefox asks for images with an image/* Accept.)
        if (/^image\//.test(request.headers().accept ?? '')) {
          return settled(request.respond({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_SVG }));
        }
        return settled(request.abort());
      });
      return page;
    },
    /**
     * Clicks Lector's toolbar button for `page`: brings its tab to the front, checks that the
     * window shows it, and sends a left mouse press and release to the button's centre.
     */
    async click(page) {
      await page.bringToFront();
      const answer = JSON.parse(
        await inChrome((buttonId, url) => {
          if (window.gBrowser.currentURI.spec !== url) return JSON.stringify({ error: `the selected tab shows ${window.gBrowser.currentURI.spec}` });
          const target = document.getElementById(buttonId);
          const rect = target.getBoundingClientRect();
          const x = rect.left + rect.width / 2;
          const y = rect.top + rect.height / 2;
          const hit = document.elementFromPoint(x, y);
          if (hit !== target && !target.contains(hit)) return JSON.stringify({ error: `the button is covered by ${hit?.id || hit?.localName}` });
          for (const type of ['mousedown', 'mouseup']) {
            window.synthesizeMouseEvent(type, x, y, { button: 0, buttons: type === 'mousedown' ? 1 : 0, clickCount: 1 }, { isDOMEventSynthesized: true });
          }
          return JSON.stringify({ ok: true });
        }, button.id, page.url()),
      );
      if (answer.error) throw new Error(`could not click the Lector button: ${answer.error}`);
    },
    /**
     * Runs `fn(shadowRoot, host, ...args)` on the open reader view and returns its (JSON)
     * result, or null when there is none. The view lives in a CLOSED shadow root that page
     * scripts cannot open; WebDriver BiDi serializes closed shadow roots when asked
     * (includeShadowTree: "all"), and the handle it returns can be passed back into a call.
     */
    async inReader(page, fn, ...args) {
      const context = page.mainFrame().browsingContext.id;
      const found = await bidi.send('script.evaluate', {
        expression: "document.querySelector('lector-reader')",
        target: { context },
        awaitPromise: false,
        serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
      });
      const host = found.result.result;
      const shadow = host?.type === 'node' ? host.value?.shadowRoot : null;
      if (!shadow?.sharedId) return null;
      const called = await bidi.send('script.callFunction', {
        functionDeclaration: `(shadow, host, args) => JSON.stringify((${fn})(shadow, host, ...JSON.parse(args)) ?? null)`,
        arguments: [{ sharedId: shadow.sharedId }, { sharedId: host.sharedId }, { type: 'string', value: JSON.stringify(args) }],
        target: { context },
        awaitPromise: true,
      });
      if (called.result.type === 'exception') throw new Error(`in the reader view: ${called.result.exceptionDetails.text}`);
      return JSON.parse(called.result.result.value);
    },
    async close() {
      await browser.close();
    },
  };
}

/** Waits until the page's DOM stops changing by itself, so before/after comparisons see only us. */
export async function settle(page, quietMs = 400, timeoutMs = 5000) {
  const start = Date.now();
  let last = await page.evaluate(() => document.documentElement.outerHTML);
  while (Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await page.evaluate(() => document.documentElement.outerHTML);
    if (now === last) return;
    last = now;
  }
}
