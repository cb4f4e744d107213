// Privacy: across a whole session with the built extension in Chromium (open the reader view,
// change a reading setting, copy and download Markdown, close it, export from the menu path,
// on pages with and without a strict CSP) the extension makes no network request of its own.
//
// How requests are seen: every target that belongs to the extension (its service worker, its
// offscreen document, any extension page) is attached over CDP as it appears, with the
// Network domain on. Because a target can fetch before we attach, each one's Resource Timing
// buffer (which holds every fetch since it started) is read as well at the end. In the pages,
// the extension's content scripts share the page's network stack, so there the rule is: after
// the click, the page may load only images that its own markup names (the reader view shows
// the article's images, choosing the best candidate of a srcset or a lazy-loading attribute);
// any other URL, and any non-image request, is the extension's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, waitForReader, clickInReader, waitInReader } from './harness.mjs';

let server;
let browser;
let cdp;
const watched = new Map(); // sessionId -> target info
const extensionRequests = []; // { target, url }
let messageId = 1;

const isNetwork = (url) => !/^(chrome-extension|data|blob|about|chrome):/.test(url);

function sendTo(sessionId, method, params = {}) {
  const id = messageId++;
  return cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).then(() => id);
}

const answers = new Map();

async function watch(info) {
  if (!info.url.startsWith(`chrome-extension://${browser.extensionId}/`)) return;
  if ([...watched.values()].some((t) => t.targetId === info.targetId)) return;
  watched.set(`pending-${info.targetId}`, info); // claimed before the await, so no target is attached twice
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
  watched.delete(`pending-${info.targetId}`);
  watched.set(sessionId, info);
  await answerOf(await sendTo(sessionId, 'Network.enable'));
  info.networkOn = true;
}

async function answerOf(id) {
  for (let i = 0; i < 250 && !answers.has(id); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return answers.get(id);
}

/** Evaluates `expression` in an attached extension target and returns its value. */
async function evaluateIn(sessionId, expression) {
  const answer = await answerOf(await sendTo(sessionId, 'Runtime.evaluate', { expression, returnByValue: true }));
  return answer?.result?.result?.value;
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  cdp = await browser.context.browser().newBrowserCDPSession();
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const data = JSON.parse(message);
    if (data.id) answers.set(data.id, data);
    if (data.method === 'Network.requestWillBeSent' && isNetwork(data.params.request.url)) {
      extensionRequests.push({ target: watched.get(sessionId)?.url, url: data.params.request.url });
    }
  });
  const onTarget = ({ targetInfo }) => watch(targetInfo).catch(() => {}); // a target may be gone already
  cdp.on('Target.targetCreated', onTarget);
  cdp.on('Target.targetInfoChanged', onTarget);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

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

test('a full session in Chromium: the extension makes no network request of its own', async () => {
  for (let i = 0; i < 250 && ![...watched.values()].some((t) => t.type === 'service_worker' && t.networkOn); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The watcher must see what it is meant to see: a fetch from the service worker is caught.
  const probe = `${server.base}/privacy-probe`;
  await browser.worker.evaluate((url) => fetch(url).catch(() => {}), probe);
  for (let i = 0; i < 50 && !extensionRequests.some((r) => r.url === probe); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(extensionRequests.some((r) => r.url === probe), 'the watcher saw a request made by the service worker');
  extensionRequests.length = 0;

  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const pageRequests = [];
  for (const [mode, name] of [['strict', 'tagdiv-newspaper-seed'], ['plain', 'wordpress-gutenberg-blog'], ['plain', 'live-overlays']]) {
    const page = await browser.context.newPage();
    await page.goto(`${server.base}/${mode}/${name}/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const loadedBefore = new Set(await pageLoads(page));
    const named = new Set(await pageReferences(page));
    const late = [];
    page.on('request', (request) => {
      const url = request.url();
      if (loadedBefore.has(url) || !isNetwork(url)) return;
      if (request.resourceType() === 'image' && named.has(url)) return; // an article image
      late.push(`${request.resourceType()} ${url}`);
    });

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
    const loadedAfter = await pageLoads(page);
    pageRequests.push(...late.map((url) => ({ page: name, url })));
    const unnamed = loadedAfter.filter((url) => !loadedBefore.has(url) && !named.has(url) && isNetwork(url));
    pageRequests.push(...unnamed.map((url) => ({ page: name, url, via: 'resource timing' })));
    await page.close();
  }

  const targets = [...watched.entries()].filter(([id]) => !id.startsWith('pending-'));
  const kinds = new Set(targets.map(([, info]) => info.type));
  assert.ok(kinds.has('service_worker'), 'the service worker was watched');
  assert.ok(kinds.has('background_page'), 'the offscreen document was watched');
  for (const [sessionId, info] of targets) {
    const fetched = await evaluateIn(sessionId, `performance.getEntriesByType('resource').map((e) => e.name)`);
    if (!Array.isArray(fetched)) continue; // the target has closed since
    extensionRequests.push(...fetched.filter(isNetwork).filter((url) => url !== probe).map((url) => ({ target: info.url, url, via: 'resource timing' })));
  }
  console.log(`# watched ${targets.length} extension targets (${[...kinds].join(', ')}), 3 pages, 9 exports`);
  assert.deepEqual(extensionRequests, [], 'requests made by the extension');
  assert.deepEqual(pageRequests, [], 'requests a page made after Lector ran, other than images its markup names');
});
