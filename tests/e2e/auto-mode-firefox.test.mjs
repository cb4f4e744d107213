// End-to-end: automatic reader mode in stock Firefox ESR with the SHIPPED dist/firefox, the
// browser's real permission prompt included. Firefox is driven over WebDriver BiDi by
// puppeteer-core. Started with -remote-allow-system-access, BiDi can also run code in the
// browser window's own (chrome) scope. That is where Firefox shows the add-on permission
// prompt, so the test reads the prompt and presses its "Allow" button as a user would, and
// revokes access the way about:addons' Permissions tab does.
//
// Skipped when puppeteer-core or Firefox is not installed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from './harness.mjs';

const EXTENSION = path.join(ROOT, 'dist/firefox');
const FIREFOX = [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean).find((f) => fs.existsSync(f));
const puppeteer = await import('puppeteer-core').then((m) => m.default, () => null);
const skip = !puppeteer ? 'puppeteer-core is not installed' : !FIREFOX ? 'no Firefox here' : false;

let server;
let browser;
let addonId;
let chromeWindow;
let base;

/** Runs `fn(...args)` in the browser window's chrome scope (string arguments) and returns its value. */
async function inChrome(fn, ...args) {
  const { result } = await browser.connection.send('script.callFunction', {
    functionDeclaration: fn.toString(),
    arguments: args.map((value) => ({ type: 'string', value: String(value) })),
    target: { context: chromeWindow.context },
    awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails.text}`);
  return result.result?.value;
}

before(async () => {
  if (skip) return;
  server = await startServer();
  base = server.base;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['-remote-allow-system-access'],
    // Nothing leaves the machine: every host but the test server goes to a closed local port.
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
    },
  });
  addonId = await browser.installExtension(EXTENSION);
  const { result: tree } = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  chromeWindow = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function optionsPage() {
  /* global WebExtensionPolicy */
  const host = await inChrome((id) => WebExtensionPolicy.getByID(id).mozExtensionHostname, addonId);
  const page = await browser.newPage();
  // BiDi reports no load event for moz-extension pages; wait for the page's own content.
  await page.goto(`moz-extension://${host}/options/options.html`, { timeout: 1000 }).catch(() => {});
  await page.waitForFunction(() => document.getElementById('add-form') && document.readyState === 'complete');
  return page;
}

/**
 * Opens `url` in a new tab. Firefox's BiDi sometimes answers a navigation with "Address
 * rejected" although the page loads, so the page's own state is what we wait for.
 */
async function visit(url) {
  const page = await browser.newPage();
  await page.goto(url).catch(() => {});
  await page.waitForFunction((want) => location.href === want && document.readyState === 'complete', { timeout: 15000 }, url);
  return page;
}

async function waitFor(check, what, timeout = 10000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of Firefox's add-on permission prompt, or null while none is shown. */
const promptText = () =>
  inChrome(() => {
    const prompt = document.getElementById('addon-webext-permissions-notification');
    if (!prompt || prompt.hidden || !prompt.closest('panel')?.state?.startsWith('open')) return null;
    return [prompt.querySelector('.popup-notification-description')?.textContent, ...[...prompt.querySelectorAll('li')].map((li) => li.textContent)].join(' / ');
  });

const pageState = (page) =>
  page.evaluate(() => ({
    reader: Boolean(document.querySelector('lector-reader')),
    visibility: getComputedStyle(document.documentElement).visibility,
    adopted: document.adoptedStyleSheets.length,
    styles: document.querySelectorAll('style').length,
  }));

test('Firefox: adding a site shows the browser prompt for that site only; allowed, its articles open by themselves', { skip }, async () => {
  const options = await optionsPage();
  assert.deepEqual((await options.evaluate(() => chrome.permissions.getAll())).origins, [], 'no host access at install');
  await options.type('#add-site', '127.0.0.1');
  await options.click('#add-form button[type=submit]');
  const text = await waitFor(promptText, 'the permission prompt');
  assert.match(text, /127\.0\.0\.1/, text);
  assert.doesNotMatch(text, /all websites/i, text);
  await inChrome(() => document.getElementById('addon-webext-permissions-notification').button.click());
  await options.waitForSelector('#sites li[data-site="127.0.0.1"][data-state="on"]');
  assert.deepEqual((await options.evaluate(() => chrome.permissions.getAll())).origins, ['*://127.0.0.1/*']);

  const article = await visit(`${base}/plain/tagdiv-newspaper-seed/`);
  await article.waitForFunction(() => document.querySelector('lector-reader'), { timeout: 15000 });
  await article.waitForFunction(() => getComputedStyle(document.documentElement).visibility === 'visible');

  const home = await visit(`${base}/plain/news-home-page/`);
  await home.waitForFunction(() => getComputedStyle(document.documentElement).visibility === 'visible', { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.deepEqual(await pageState(home), { reader: false, visibility: 'visible', adopted: 0, styles: 0 }, 'the home page is left alone');
  await Promise.all([article.close(), home.close(), options.close()]);
});

test('Firefox: access revoked in about:addons shows the site as off; Remove gives everything back', { skip }, async () => {
  /* global ExtensionPermissions */
  await inChrome(async (id) => {
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs'); // eslint-disable-line no-undef
    // As about:addons does: the running extension is told, so permissions.onRemoved fires.
    await ExtensionPermissions.remove(id, { permissions: [], origins: ['*://127.0.0.1/*'] }, WebExtensionPolicy.getByID(id).extension);
  }, addonId);
  const options = await optionsPage();
  assert.deepEqual((await options.evaluate(() => chrome.permissions.getAll())).origins, []);
  await options.waitForSelector('#sites li[data-site="127.0.0.1"][data-state="off"]');
  const article = await visit(`${base}/plain/tagdiv-newspaper-seed/`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  assert.equal((await pageState(article)).reader, false, 'no automatic reader view without access');

  await options.click('#sites li[data-site="127.0.0.1"] button:last-of-type');
  await options.waitForSelector('#sites-empty:not([hidden])');
  assert.deepEqual(await options.evaluate(() => chrome.storage.sync.get('autoSites')), { autoSites: [] });
  await Promise.all([article.close(), options.close()]);
});
