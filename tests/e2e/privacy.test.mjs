// Privacy: across whole sessions with the built extension in Chromium, the extension makes no
// network request of its own. The first session uses the shipped build: open the reader view,
// change a reading setting, copy and download Markdown, close it, export from the menu path,
// on pages with and without a strict CSP. The second covers automatic mode and the options
// page (add a site, export the settings, let a page open in reader mode by itself). It needs
// the test-only variant that auto-mode.test.mjs explains: the shipped build plus
// host_permissions for *.test, because headless Chromium cannot answer the permission prompt.
//
// How requests are seen: every target that belongs to the extension (its service worker, its
// offscreen document, its options page) is attached over CDP as it appears, with the Network
// domain on. Because a target can fetch before we attach, each one's Resource Timing buffer
// (which holds every fetch since it started) is read as well at the end. In the pages, the
// extension's content scripts share the page's network stack, so there the rule is: after
// Lector runs, the page may load only images that its own markup names (the reader view shows
// the article's images, choosing the best candidate of a srcset or a lazy-loading attribute);
// any other URL, and any non-image request, is the extension's. (The page's icons, which the
// browser fetches by itself at any time, are the page's.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, waitForReader, clickInReader, waitInReader, EXTENSION, OUT } from './harness.mjs';

let server;

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  server = await startServer();
});

after(async () => {
  await server?.close();
});

const isNetwork = (url) => !/^(chrome-extension|data|blob|about|chrome):/.test(url);
/** A fragment never goes over the network, and browsers report it inconsistently. */
const unfragmented = (url) => url.split('#')[0];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Attaches to every target of the extension as it appears and records its network requests. */
async function watchExtension(browser) {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const watched = new Map(); // sessionId -> target info
  const claimed = new Set(); // target ids, claimed before the await so none is attached twice
  const answers = new Map();
  const requests = [];
  let messageId = 1;

  const send = async (sessionId, method, params = {}) => {
    const id = messageId++;
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    for (let i = 0; i < 250 && !answers.has(id); i++) await sleep(20);
    return answers.get(id);
  };

  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const data = JSON.parse(message);
    if (data.id) answers.set(data.id, data);
    if (data.method === 'Network.requestWillBeSent' && isNetwork(data.params.request.url)) {
      requests.push({ target: watched.get(sessionId)?.url, url: data.params.request.url });
    }
  });
  const onTarget = async ({ targetInfo: info }) => {
    if (!info.url.startsWith(`chrome-extension://${browser.extensionId}/`) || claimed.has(info.targetId)) return;
    claimed.add(info.targetId);
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      watched.set(sessionId, info);
      await send(sessionId, 'Network.enable');
      info.networkOn = true;
    } catch {
      // the target closed before we got to it; its Resource Timing went with it, and so
      // would have any request: the tests below keep the targets they need open
    }
  };
  cdp.on('Target.targetCreated', onTarget);
  cdp.on('Target.targetInfoChanged', onTarget);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  for (let i = 0; i < 250 && ![...watched.values()].some((t) => t.type === 'service_worker' && t.networkOn); i++) await sleep(20);

  // The watcher must see what it is meant to see: a fetch from the service worker is caught.
  const probe = `${server.base}/privacy-probe`;
  await browser.worker.evaluate((url) => fetch(url).catch(() => {}), probe);
  for (let i = 0; i < 50 && !requests.some((r) => r.url === probe); i++) await sleep(20);
  assert.ok(requests.some((r) => r.url === probe), 'the watcher saw a request made by the service worker');
  requests.length = 0;

  return {
    /** Every network request the extension's targets made, live and from Resource Timing. */
    async requests() {
      const found = [...requests];
      for (const [sessionId, info] of watched) {
        const answer = await send(sessionId, 'Runtime.evaluate', {
          expression: `performance.getEntriesByType('resource').map((e) => e.name)`,
          returnByValue: true,
        });
        const fetched = answer?.result?.result?.value;
        if (!Array.isArray(fetched)) continue; // the target has closed since
        const own = fetched.filter((url) => isNetwork(url) && url !== probe);
        found.push(...own.map((url) => ({ target: info.url, url, via: 'resource timing' })));
      }
      return found;
    },
    kinds: () => new Set([...watched.values()].map((info) => `${info.type} ${new URL(info.url).pathname}`)),
  };
}

/** Every URL the page has loaded so far, from its Resource Timing buffer plus its own URL. */
function pageLoads(page) {
  return page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
}

/** Every URL the page's markup names in an attribute (src, srcset candidates, data-*, ...). */
function pageReferences(page) {
  return page.evaluate(() => {
    const urls = new Set();
    for (const element of document.querySelectorAll('*')) {
      for (const { value } of element.attributes) {
        for (const part of value.split(',')) {
          const token = part.trim().split(/\s+/)[0];
          if (!token || !/[/.]/.test(token)) continue;
          try {
            urls.add(new URL(token, document.baseURI).href);
          } catch {
            // not a URL
          }
        }
      }
    }
    return [...urls];
  });
}

/**
 * Watches one page from now on: `done()` lists what it loaded that it had not loaded before
 * and that is not an image its markup names. Call once the page has loaded, before Lector runs.
 */
async function watchPage(page, label) {
  const loadedBefore = new Set((await pageLoads(page)).map(unfragmented));
  const named = new Set((await pageReferences(page)).map(unfragmented));
  // The browser fetches a page's icons by itself, whenever it likes (a reload, for one).
  const icons = new Set(await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"]')].map((link) => link.href.split('#')[0])));
  const late = [];
  page.on('request', (request) => {
    const url = unfragmented(request.url());
    if (loadedBefore.has(url) || !isNetwork(url) || icons.has(url)) return;
    if (request.resourceType() === 'image' && named.has(url)) return; // an article image
    late.push({ page: label, url: `${request.resourceType()} ${url}` });
  });
  return async () => {
    const unnamed = (await pageLoads(page)).map(unfragmented).filter((url) => !loadedBefore.has(url) && !named.has(url) && isNetwork(url));
    return [...late, ...unnamed.map((url) => ({ page: label, url, via: 'resource timing' }))];
  };
}

test('a full session with the shipped build: the extension makes no network request of its own', async () => {
  const browser = await launchBrowser();
  try {
    const watcher = await watchExtension(browser);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    const pageRequests = [];
    for (const [mode, name] of [['strict', 'tagdiv-newspaper-seed'], ['plain', 'wordpress-gutenberg-blog'], ['plain', 'live-overlays']]) {
      const page = await browser.context.newPage();
      await page.goto(`${server.base}/${mode}/${name}/`, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const done = await watchPage(page, name);

      await browser.click(page);
      await waitForReader(page);
      // Change a reading setting (it is saved to storage.sync), then export both ways.
      await clickInReader(page, 'button.aa');
      await clickInReader(page, '.panel .swatch-sepia');
      await waitInReader(page, (shadow) => shadow.querySelector('.root').dataset.theme === 'sepia');
      await clickInReader(page, 'button.aa');
      await clickInReader(page, '.copy-markdown');
      await waitInReader(page, (shadow) => shadow.querySelector('.status').textContent.includes('Copied'));
      const [download] = await Promise.all([page.waitForEvent('download'), clickInReader(page, '.save-markdown')]);
      await download.path();
      await browser.click(page);
      await page.waitForFunction(() => !document.querySelector('lector-reader'));
      // The context-menu item and Alt+Shift+M run this export (activeTab is still granted).
      const [menuDownload] = await Promise.all([
        page.waitForEvent('download'),
        browser.worker.evaluate(async (url) => {
          const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
          await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.lectorExport('offscreen') });
        }, page.url()),
      ]);
      await menuDownload.path();
      await page.waitForTimeout(300);
      pageRequests.push(...(await done()));
      await page.close();
    }
    const kinds = watcher.kinds();
    assert.ok([...kinds].some((k) => k.startsWith('service_worker')), 'the service worker was watched');
    assert.ok([...kinds].some((k) => k.includes('/offscreen/')), 'the offscreen document was watched');
    console.log(`# watched: ${[...kinds].join(', ')}; 3 pages, 9 exports, 3 setting changes`);
    assert.deepEqual(await watcher.requests(), [], 'requests made by the extension');
    assert.deepEqual(pageRequests, [], 'requests a page made after Lector ran, other than images its markup names');
  } finally {
    await browser.close();
  }
});

test('automatic mode and the options page: the extension makes no network request of its own', async () => {
  // The test-only variant (see the top of this file and auto-mode.test.mjs).
  const variant = path.join(OUT, 'privacy-extension');
  fs.rmSync(variant, { recursive: true, force: true });
  fs.cpSync(EXTENSION, variant, { recursive: true });
  const manifestFile = path.join(variant, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  assert.equal(manifest.host_permissions, undefined, 'the shipped extension asks for no host permissions');
  manifest.host_permissions = ['*://*.test/*'];
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

  const browser = await launchBrowser({ extension: variant, args: ['--host-resolver-rules=MAP *.test 127.0.0.1'], localHosts: ['www.news.test'] });
  try {
    const watcher = await watchExtension(browser);
    const port = new URL(server.base).port;

    // An article page on a site where automatic mode is still off: watched from here on.
    const page = await browser.context.newPage();
    await page.goto(`http://www.news.test:${port}/plain/tagdiv-newspaper-seed/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const done = await watchPage(page, 'auto-mode page');

    // The options page: add the site, export the settings. It stays open to the end, so its
    // Resource Timing can be read.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`, { waitUntil: 'load' });
    await options.fill('#add-site', 'news.test');
    await options.keyboard.press('Enter');
    await options.waitForSelector('#sites li[data-site="news.test"][data-state="on"]');
    const [exported] = await Promise.all([options.waitForEvent('download'), options.click('#export')]);
    await exported.path();

    // Reloaded, the page opens in reader mode by itself; a click gives the page back.
    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    await waitForReader(page);
    await browser.click(page);
    await page.waitForFunction(() => !document.querySelector('lector-reader'));
    await page.waitForTimeout(300);

    const kinds = watcher.kinds();
    assert.ok([...kinds].some((k) => k.includes('/options/options.html')), 'the options page was watched');
    console.log(`# watched: ${[...kinds].join(', ')}`);
    assert.deepEqual(await watcher.requests(), [], 'requests made by the extension');
    assert.deepEqual(await done(), [], 'requests the auto-mode page made that it had not made before, other than images its markup names');
  } finally {
    await browser.close();
  }
});
