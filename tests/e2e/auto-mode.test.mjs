// End-to-end: automatic reader mode per site, in Debian's Chromium.
//
// The browser's permission prompt cannot be answered in headless Chromium (checked: the
// request stays pending, and no command-line flag auto-accepts it), so these tests load a
// TEST-ONLY variant of dist/chrome, generated here into target/e2e/auto-mode-extension and
// never shipped: its manifest also declares host_permissions for *.test, the host names the
// tests map to the local server. Everything else is the shipped extension, and every other
// step runs for real: the reader toolbar switch, the options page, storage, the per-site
// content script registration, the readerable check, the restart with a kept profile. The
// "user revokes access in the browser" case withholds the host access through
// chrome://extensions' own API, as the Site access menu does.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startServer,
  launchBrowser,
  fixture,
  waitForReader,
  inReader,
  clickInReader,
  fold,
  settle,
  screenshot,
  EXTENSION,
  OUT,
} from './harness.mjs';

const TEST_EXTENSION = path.join(OUT, 'auto-mode-extension');
const HOSTS = ['www.news.test', 'amp.news.test', 'other.test', 'grant.test'];
const LAUNCH = {
  extension: TEST_EXTENSION,
  args: ['--host-resolver-rules=MAP *.test 127.0.0.1'],
  localHosts: HOSTS,
};
const ARTICLE = 'tagdiv-newspaper-seed';
const HOME = 'news-home-page';

let server;
let browser;
let profile;
let port;

/** dist/chrome plus host_permissions for the test hosts: the test-only build. */
function buildTestExtension() {
  fs.rmSync(TEST_EXTENSION, { recursive: true, force: true });
  fs.cpSync(EXTENSION, TEST_EXTENSION, { recursive: true });
  const file = path.join(TEST_EXTENSION, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(manifest.host_permissions, undefined, 'the shipped extension asks for no host permissions');
  assert.deepEqual(manifest.optional_host_permissions, ['*://*/*']);
  manifest.host_permissions = ['*://*.test/*'];
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
}

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  buildTestExtension();
  server = await startServer();
  port = new URL(server.base).port;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lector-auto-profile-'));
  browser = await launchBrowser({ ...LAUNCH, profile });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

const url = (host, page) => `http://${host}:${port}/plain/${page}/`;

async function open(address) {
  const page = await browser.context.newPage();
  await page.goto(address, { waitUntil: 'load' });
  return page;
}

const settings = () => browser.worker.evaluate(() => chrome.storage.sync.get(null));
const registrations = () =>
  browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith('lector-auto:')));

async function setSites(sites) {
  await browser.worker.evaluate(async (list) => {
    await chrome.storage.sync.set({ autoSites: list });
  }, sites);
  // The background reconciles on the storage change; wait until it has.
  await waitFor(async () => (await registrations()).map((r) => r.id).sort().join() === sites.map((s) => `lector-auto:${s}`).sort().join());
}

async function waitFor(check, what = 'condition', timeout = 10000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The toolbar button of the tab showing `page`: badge text and title. */
function indicator(page) {
  return browser.worker.evaluate(async (address) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === address);
    return { badge: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
  }, page.url());
}

/** Waits for the auto-mode decision: the page is visible again (the early hide is gone). */
async function pageShown(page) {
  await page.waitForFunction(() => getComputedStyle(document.documentElement).visibility === 'visible', null, { timeout: 5000 });
}

async function hasReader(page) {
  return page.evaluate(() => Boolean(document.querySelector('lector-reader')));
}

/**
 * The reader view's site switch as the user sees it, or null when there is none. The view is
 * a closed shadow root: the harness reads it from the extension's isolated world.
 */
function readerSwitch(page) {
  return inReader(page, (shadow) => {
    const input = shadow.querySelector('input.auto-site-input');
    if (!input) return null;
    return {
      checked: input.checked,
      label: shadow.querySelector('label.auto-site').textContent,
      status: shadow.querySelector('.auto-site-status').textContent,
    };
  });
}

/** A real (trusted) click on the switch. */
async function clickSwitch(page) {
  await clickInReader(page, 'input.auto-site-input');
}

async function switchChecked(page, checked) {
  await waitFor(async () => (await readerSwitch(page))?.checked === checked, `the switch ${checked ? 'on' : 'off'}`);
}

function assertArticle(state, label) {
  const { expected } = fixture(ARTICLE);
  const text = fold(state.text);
  for (const snippet of expected.must_contain ?? []) assert.ok(text.includes(fold(snippet)), `${label}: missing ${snippet}`);
  assert.equal(fold(state.title), fold(expected.title), `${label}: title`);
}

test('the shipped manifests ask for no host permission; sites are optional', () => {
  for (const browserName of ['chrome', 'firefox']) {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, '..', browserName, 'manifest.json'), 'utf8'));
    assert.equal(manifest.host_permissions, undefined, `${browserName}: host_permissions`);
    assert.deepEqual(manifest.optional_host_permissions, ['*://*/*'], `${browserName}: optional_host_permissions`);
    assert.equal(manifest.content_scripts, undefined, `${browserName}: no content script runs on any site by default`);
    assert.ok(manifest.permissions.includes('storage'), `${browserName}: storage`);
  }
});

test('the reader toolbar switch turns a site on; its article pages then open in reader mode by themselves', async () => {
  await setSites([]);
  const page = await open(url('www.news.test', ARTICLE));
  await browser.click(page);
  await waitForReader(page);
  const initial = await readerSwitch(page);
  assert.equal(initial.checked, false, 'the switch starts off');
  assert.equal(initial.label, 'Always use reader mode on news.test', 'the site is the host the user sees, www dropped');
  assert.equal((await indicator(page)).badge, 'on', 'the badge says the reader view is on');

  await clickSwitch(page);
  await waitFor(async () => (await settings()).autoSites?.includes('news.test'), 'news.test stored');
  const [registration] = await waitFor(async () => {
    const list = await registrations();
    return list.length === 1 && list;
  }, 'one registration');
  assert.deepEqual(registration.matches, ['*://*.news.test/*'], 'registered for that site only');
  assert.equal(registration.runAt, 'document_start');
  assert.equal(registration.js.at(-1), 'content/auto.js');
  assert.ok(!registration.js.some((file) => file.startsWith('engine/')), 'Chromium pages never load the wasm');
  await switchChecked(page, true);
  const { title } = await indicator(page);
  assert.match(title, /automatic on news\.test/, 'the title says auto mode is on');

  // Reload: the reader view opens with no click.
  await page.reload({ waitUntil: 'load' });
  const state = await waitForReader(page);
  assertArticle(state, 'auto');
  await pageShown(page);
  assert.equal((await readerSwitch(page)).checked, true, 'the switch shows the site is on');
  assert.equal((await indicator(page)).badge, 'on');
  console.log(`# auto-opened in ${state.ms} ms (readerable check + extraction, offscreen route)`);
  await screenshot(page, 'auto-mode-reader.png');

  // One click returns to the page, and it stays there until the next load.
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  await page.waitForTimeout(1000);
  assert.equal(await hasReader(page), false, 'stays off for this page');
  assert.equal((await indicator(page)).badge, 'auto', 'the badge still says auto mode is on');

  // Subdomains follow the site.
  const amp = await open(url('amp.news.test', ARTICLE));
  assertArticle(await waitForReader(amp), 'subdomain');
  await amp.close();
  await page.close();
});

test('a page of an enabled site that holds no article is left exactly as it is', async () => {
  await setSites(['news.test']);
  const page = await open(url('www.news.test', HOME));
  await pageShown(page);
  const times = await page.evaluate(() => ({
    shown: performance.now(),
    ready: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));
  console.log(`# home page: DOMContentLoaded at ${Math.round(times.ready)} ms, seen shown again by ${Math.round(times.shown)} ms (polled: an upper bound)`);
  await settle(page);
  assert.equal(await hasReader(page), false, 'no reader view');
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('lector-notice'))), false, 'no notice either');
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, 'the early hide is gone');
  assert.equal((await indicator(page)).badge, 'auto');
  // Same page on a site without auto mode: the DOM is identical.
  const plain = await open(url('other.test', HOME));
  await settle(plain);
  const [a, b] = await Promise.all([page, plain].map((p) => p.evaluate(() => document.documentElement.outerHTML)));
  assert.ok(a === b, 'the DOM is the same as where Lector does nothing');
  await page.close();
  await plain.close();
});

test('another site is untouched', async () => {
  await setSites(['news.test']);
  const page = await open(url('other.test', ARTICLE));
  await page.waitForTimeout(2000);
  assert.equal(await hasReader(page), false);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
  assert.equal((await indicator(page)).badge, '', 'no badge');
  // 127.0.0.1 is a different site too.
  const ip = await open(`${server.base}/plain/${ARTICLE}/`);
  await page.waitForTimeout(1000);
  assert.equal(await hasReader(ip), false);
  await ip.close();
  await page.close();
});

test('turning the switch off gives the page back and removes the registration', async () => {
  await setSites(['news.test']);
  const page = await open(url('www.news.test', ARTICLE));
  await waitForReader(page);
  await clickSwitch(page);
  await waitFor(async () => (await settings()).autoSites?.length === 0, 'site removed');
  await waitFor(async () => (await registrations()).length === 0, 'registration removed');
  await switchChecked(page, false);
  await page.reload({ waitUntil: 'load' });
  await page.waitForTimeout(2000);
  assert.equal(await hasReader(page), false, 'back to normal');
  assert.equal((await indicator(page)).badge, '');
  await page.close();
});

test('revoking the site access in the browser shows the site as off and unregisters it', async () => {
  await setSites(['news.test']);
  const extensions = await browser.context.newPage();
  await extensions.goto('chrome://extensions/');
  const configure = (hostAccess) =>
    extensions.evaluate(([id, access]) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: access }), [
      browser.extensionId,
      hostAccess,
    ]);
  await configure('ON_CLICK');
  try {
    await waitFor(async () => (await registrations()).length === 0, 'registration dropped after the revocation');
    assert.deepEqual((await settings()).autoSites, ['news.test'], 'the wish is kept, so it can be allowed again');
    const options = await open(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.waitForSelector('#sites li[data-site="news.test"][data-state="off"]');
    assert.match(await options.locator('#sites li').textContent(), /no access/);
    const page = await open(url('www.news.test', ARTICLE));
    await page.waitForTimeout(1500);
    assert.equal(await hasReader(page), false, 'no automatic reader view without access');
    await page.close();
    await options.close();
  } finally {
    await configure('ON_ALL_SITES');
    await extensions.close();
  }
  await waitFor(async () => (await registrations()).length === 1, 'registered again once access is back');
});

test('the confirmation window turns a site on with one click', async () => {
  await setSites([]);
  const page = await open(`chrome-extension://${browser.extensionId}/options/options.html?enable=grant.test`);
  assert.equal(await page.locator('#grant-heading').textContent(), 'Always use reader mode on grant.test?');
  assert.equal(await page.locator('#settings').isVisible(), false);
  const closed = page.waitForEvent('close');
  await page.click('#grant-allow');
  await waitFor(async () => (await settings()).autoSites?.includes('grant.test'), 'grant.test stored');
  await closed;
  const auto = await open(url('grant.test', ARTICLE));
  await waitForReader(auto);
  await auto.close();
});

test('options page: add, export, remove, import round trip; a bad file is refused and nothing is lost', async () => {
  await setSites([]);
  await browser.worker.evaluate(() => chrome.storage.sync.set({ futureSetting: { theme: 'sepia', size: 21 } }));
  const page = await open(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.waitForSelector('#sites-empty:not([hidden])');

  await page.fill('#add-site', 'https://WWW.News.test/some/article');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#sites li[data-site="news.test"][data-state="on"]');
  await waitFor(async () => (await registrations()).length === 1, 'registered from the options page');
  await page.fill('#add-site', 'not a site at all');
  await page.click('#add-form button[type=submit]');
  assert.match(await page.locator('#sites-status').textContent(), /Type a web site/);

  const download = page.waitForEvent('download');
  await page.click('#export');
  const file = path.join(OUT, 'auto-mode-settings.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'lector-settings');
  const saved = await settings();
  assert.deepEqual(exported.settings, saved, 'the export holds every setting');
  assert.deepEqual(saved.autoSites, ['news.test']);

  await page.getByRole('button', { name: 'Remove news.test' }).click();
  await page.waitForSelector('#sites-empty:not([hidden])');
  await waitFor(async () => (await registrations()).length === 0, 'unregistered');
  await browser.worker.evaluate(() => chrome.storage.sync.set({ futureSetting: 'changed' }));

  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#sites li[data-site="news.test"][data-state="on"]');
  assert.match(await page.locator('#backup-status').textContent(), /Settings imported \(1 sites/);
  assert.deepEqual(await settings(), saved, 'the import restores every setting');
  await waitFor(async () => (await registrations()).length === 1, 'registered again after the import');

  const bad = [
    ['broken.json', '{"format": "lector-settings", "version": 1, "settings": {'],
    ['other.json', JSON.stringify({ theme: 'dark' })],
    ['bad-site.json', JSON.stringify({ format: 'lector-settings', version: 1, settings: { autoSites: ['*.evil.test'] } })],
  ];
  for (const [name, text] of bad) {
    const before = await settings();
    await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction((n) => document.getElementById('backup-error').textContent.includes(n), name);
    const message = await page.locator('#backup-error').textContent();
    assert.match(message, /was not imported, and your settings are unchanged/, message);
    assert.deepEqual(await settings(), before, `${name}: settings unchanged`);
    assert.equal((await registrations()).length, 1, `${name}: registration unchanged`);
  }
  assert.match(await page.locator('#backup-error').textContent(), /“\*\.evil\.test” is not a site/);
  await screenshot(page, 'auto-mode-options.png', { fullPage: true });
  await page.close();
});

/** Serves the article in two parts, `holdMs` apart: a page whose article is slow to arrive. */
async function startSlowServer(holdMs) {
  const html = fixture(ARTICLE).html.toString('utf8');
  const cut = html.indexOf('<body');
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    // Enough bytes for the parser to start the body at once (browsers buffer the first 1 KB).
    res.write(html.slice(0, cut) + '<body><p>Loading' + ' '.repeat(4096) + '</p>');
    const timer = setTimeout(() => res.end(html.slice(html.indexOf('>', cut) + 1)), holdMs);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections(); // the browser keeps its connection alive
      }),
  };
}

test('an enabled site is hidden from its first paint, shown within the bound while the article is late, then opens in reader view', async () => {
  await setSites(['news.test']);
  const slow = await startSlowServer(4000);
  const page = await browser.context.newPage();
  try {
    await page.goto(`http://www.news.test:${slow.port}/slow/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.body);
    const early = await page.evaluate(() => ({
      at: performance.now(),
      visibility: getComputedStyle(document.documentElement).visibility,
      loading: document.readyState === 'loading',
    }));
    assert.ok(early.loading, 'sampled while the page was still loading');
    // The hide lasts 1.5 s at most; on a very slow machine the first look may come later.
    if (early.at < 1200) assert.equal(early.visibility, 'hidden', `hidden at ${Math.round(early.at)} ms`);
    else console.log(`# first look at ${Math.round(early.at)} ms, past the hide bound: hidden state not sampled`);

    await pageShown(page);
    const shown = await page.evaluate(() => ({ at: performance.now(), loading: document.readyState === 'loading' }));
    assert.ok(shown.loading, 'shown by the time bound, before the article had arrived');
    console.log(`# a page whose article is late is shown again ${Math.round(shown.at)} ms after navigation start (the hide lasts at most 1500 ms from document start)`);

    const state = await waitForReader(page, 15000);
    assertArticle(state, 'late article');
  } finally {
    await page.close();
    await slow.close();
  }
});

test('settings and registrations survive a browser restart (same profile)', async () => {
  await setSites(['news.test']);
  await browser.close();
  browser = await launchBrowser({ ...LAUNCH, profile });
  assert.deepEqual((await settings()).autoSites, ['news.test']);
  await waitFor(async () => (await registrations()).length === 1, 'registration after restart');
  const page = await open(url('www.news.test', ARTICLE));
  assertArticle(await waitForReader(page), 'after restart');
  await page.close();
});

test('the shipped build asks the user: the switch opens the confirmation window and grants nothing by itself', async () => {
  const shipped = await launchBrowser();
  try {
    const page = await shipped.context.newPage();
    await page.goto(`${server.base}/plain/${ARTICLE}/`, { waitUntil: 'load' });
    await shipped.click(page);
    await waitForReader(page);
    assert.equal((await readerSwitch(page)).label, 'Always use reader mode on 127.0.0.1');
    const popup = shipped.context.waitForEvent('page');
    await clickSwitch(page);
    const window = await popup;
    await window.waitForLoadState();
    assert.equal(window.url(), `chrome-extension://${shipped.extensionId}/options/options.html?enable=127.0.0.1`);
    assert.equal(await window.locator('#grant-heading').textContent(), 'Always use reader mode on 127.0.0.1?');
    assert.match(await window.locator('#grant-explain').textContent(), /access to 127\.0\.0\.1 and its subdomains only/);
    const pending = await readerSwitch(page);
    assert.equal(pending.checked, false, 'the switch stays off until the user allows');
    assert.equal(pending.status, 'Confirm in the Lector window');
    const state = await shipped.worker.evaluate(async () => ({
      origins: (await chrome.permissions.getAll()).origins,
      sites: (await chrome.storage.sync.get('autoSites')).autoSites,
      registered: (await chrome.scripting.getRegisteredContentScripts()).length,
    }));
    assert.deepEqual(state, { origins: [], sites: undefined, registered: 0 }, 'no host access, nothing stored or registered');
  } finally {
    await shipped.close();
  }
});
