// The page and the reader view cannot touch each other: the shadow root is closed to page
// scripts, page CSS cannot restyle the view, the view's CSS does not change the page. And
// toggling off restores the page exactly (DOM, scroll, focus, sheets, listeners), also after
// 20 toggles in a row, with memory figures printed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, waitForReader, inReader, clickInReader, pageSession, settle, PAGES, OUT } from './harness.mjs';

let server;
let browser;

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  await browser.worker.evaluate(() => chrome.storage.sync.clear());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(mode, name, initScript) {
  const page = await browser.context.newPage();
  if (initScript) await page.addInitScript(initScript);
  await page.goto(`${server.base}/${mode}/${name}/`, { waitUntil: 'load' });
  return page;
}

async function toggleOpen(page) {
  await browser.click(page);
  await waitForReader(page);
}

async function toggleClosed(page) {
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
}

test("page scripts cannot reach into the view: closed root, retargeted events, the page's own hooks see nothing", async () => {
  const page = await openPage('plain', 'wordpress-gutenberg-blog', () => {
    // A hostile page: it hooks attachShadow and listens to every click, before any extension runs.
    window.__lectorSeen = { attachShadow: 0, clickTargets: [] };
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      window.__lectorSeen.attachShadow++;
      return original.call(this, { ...init, mode: 'open' });
    };
    window.addEventListener('click', (e) => window.__lectorSeen.clickTargets.push(e.composedPath().slice(0, 2).map((n) => n.localName ?? String(n))), true);
  });
  await toggleOpen(page);
  await clickInReader(page, 'button.aa');
  const seen = await page.evaluate(() => {
    const host = document.querySelector('lector-reader');
    const hooks = structuredClone(window.__lectorSeen); // before this test's own attachShadow attempt
    let attachError = null;
    try {
      host.attachShadow({ mode: 'open' });
    } catch (e) {
      attachError = e.name;
    }
    return {
      shadowRoot: host.shadowRoot,
      childNodes: host.childNodes.length,
      attachError,
      hooks,
      chromeDom: typeof globalThis.chrome?.dom,
      textVisible: document.body.innerText.includes('Reading Your Solar Inverter') && document.documentElement.innerText.includes('Copy Markdown'),
    };
  });
  assert.equal(seen.shadowRoot, null, 'host.shadowRoot is null in the page');
  assert.equal(seen.childNodes, 0, 'no light-DOM children to read');
  assert.equal(seen.attachError, 'NotSupportedError', 'the page cannot attach a root of its own');
  assert.equal(seen.hooks.attachShadow, 0, "the page's patched attachShadow was never called");
  assert.deepEqual(seen.hooks.clickTargets, [['lector-reader', 'html']], 'the page saw the click on the host only');
  assert.equal(seen.chromeDom, 'undefined', 'pages have no chrome.dom to open closed roots');
  assert.equal(seen.textVisible, false, "the view's text is not in the page's innerText");
  assert.ok(await inReader(page, (shadow) => !shadow.querySelector('.panel').hidden), 'the click did reach the view');
  await page.close();
});

test('page CSS cannot restyle the view, and the view does not restyle the page', async () => {
  const page = await openPage('plain', 'wordpress-gutenberg-blog');
  const probe = () =>
    ['body', 'h1', 'p', 'a', 'main', 'article', 'pre', 'table'].map((sel) => {
      const node = document.querySelector(sel);
      if (!node) return null;
      const s = getComputedStyle(node);
      return [sel, s.color, s.backgroundColor, s.fontFamily, s.fontSize, s.lineHeight, s.margin, s.padding, s.display, s.maxWidth].join('|');
    });
  const pageBefore = await page.evaluate(probe);
  await toggleOpen(page);
  assert.deepEqual(await page.evaluate(probe), pageBefore, "the page's computed styles are unchanged while the view is open");
  await toggleClosed(page);

  // A page that tries hard: !important rules on everything, the host included.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.id = 'hostile';
    style.textContent = `* { color: rgb(255, 0, 0) !important; font-family: cursive !important; background: rgb(0, 255, 0) !important; }
      p, article, h1 { font-size: 41px !important; line-height: 3 !important; }
      .root, .content, .toolbar, [class] { display: none !important; }
      lector-reader { display: none !important; opacity: 0 !important; inset: 50% !important; }
      :root { --fg: red; --bg: lime; --size: 50px; }`;
    document.head.append(style);
  });
  await toggleOpen(page);
  const inside = await inReader(page, (shadow, host) => {
    const p = shadow.querySelector('.content p');
    const s = getComputedStyle(p);
    const h = getComputedStyle(host);
    return { color: s.color, size: s.fontSize, display: s.display, font: s.fontFamily, bg: getComputedStyle(shadow.querySelector('.root')).backgroundColor, hostDisplay: h.display, hostOpacity: h.opacity, hostTop: h.top };
  });
  assert.equal(inside.color, 'rgb(30, 31, 33)', 'text colour is the theme colour');
  assert.equal(inside.size, '20px');
  assert.equal(inside.display, 'block');
  assert.doesNotMatch(inside.font, /cursive/);
  assert.equal(inside.bg, 'rgb(253, 252, 250)');
  assert.deepEqual([inside.hostDisplay, inside.hostOpacity, inside.hostTop], ['block', '1', '0px'], 'the host keeps its own layout');
  await toggleClosed(page);
  await page.close();
});

/**
 * Listeners on window, document and the root element, counted by CDP in the page's world and
 * in the extension's isolated world (CDP reports each world's listeners to that world only).
 */
async function listenerCounts(page) {
  const session = await pageSession(page);
  const { frameTree } = await session.send('Page.getFrameTree');
  const worlds = [['page', undefined]];
  const extension = await extensionContextId(page, frameTree.frame.id);
  worlds.push(['extension', extension]);
  const counts = {};
  for (const [world, contextId] of worlds) {
    for (const [name, expression] of [['window', 'window'], ['document', 'document'], ['html', 'document.documentElement']]) {
      if (world === 'extension' && !contextId) {
        counts[`${world} ${name}`] = ''; // not injected yet: none of ours
        continue;
      }
      const { result } = await session.send('Runtime.evaluate', { expression, contextId });
      const { listeners } = await session.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      counts[`${world} ${name}`] = listeners.map((l) => l.type).sort().join(',');
      await session.send('Runtime.releaseObject', { objectId: result.objectId });
    }
  }
  return counts;
}

/** The extension's isolated world in the main frame, from the contexts CDP announces. */
async function extensionContextId(page, frameId) {
  const session = await page.context().newCDPSession(page);
  const contexts = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await session.send('Runtime.enable');
  await session.detach();
  return contexts.find((c) => c.origin?.startsWith('chrome-extension://') && c.auxData?.frameId === frameId)?.id;
}

for (const mode of ['plain', 'strict']) {
  test(`toggling off restores DOM, scroll, focus, sheets and listeners (${mode} CSP)`, async () => {
    const page = await openPage(mode, 'tagdiv-newspaper-seed');
    await page.evaluate(() => {
      window.scrollTo(0, 900);
      const link = [...document.querySelectorAll('a')].find((a) => a.getBoundingClientRect().top > 0 && a.getBoundingClientRect().top < innerHeight);
      link.focus({ preventScroll: true });
      window.__lectorTestFocused = link;
    });
    await settle(page);
    // Playwright's waitForFunction installs its own listeners in the page once: before the baseline.
    await page.waitForFunction(() => true);
    const snapshot = () =>
      page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        x: window.scrollX,
        y: window.scrollY,
        focused: document.activeElement === window.__lectorTestFocused,
        sheets: document.adoptedStyleSheets.length,
        styleSheets: document.styleSheets.length,
        url: location.href,
      }));
    const before = await snapshot();
    const listenersBefore = await listenerCounts(page);
    assert.ok(before.focused && before.y > 0);

    await toggleOpen(page);
    const listenersOpen = await listenerCounts(page);
    assert.match(listenersOpen['extension window'], /keydown/, `the count sees the view's own listeners: ${JSON.stringify(listenersOpen)}`);
    // Use the view a little: scroll it, open the panel.
    await inReader(page, (shadow, host) => {
      host.scrollTop = 1500;
    });
    // (A click from the view's world: Playwright's mouse adds listeners of its own to the page.)
    await inReader(page, (shadow) => shadow.querySelector('button.aa').click());
    await toggleClosed(page);

    const afterClose = await snapshot();
    if (afterClose.html !== before.html) {
      fs.writeFileSync(path.join(OUT, `restore-${mode}-before.html`), before.html);
      fs.writeFileSync(path.join(OUT, `restore-${mode}-after.html`), afterClose.html);
    }
    assert.ok(afterClose.html === before.html, `the serialized DOM is identical (see ${OUT}/restore-${mode}-*.html)`);
    assert.deepEqual({ ...afterClose, html: '' }, { ...before, html: '' }, 'scroll, focus, sheets and URL restored');
    assert.deepEqual(await listenerCounts(page), listenersBefore, 'no listener left behind');
    await page.close();
  });
}

test('20 toggles in a row leak nothing measurable (figures printed)', async () => {
  const page = await openPage('plain', 'ghost-longform-footnotes');
  const session = await pageSession(page);
  await session.send('Performance.enable');
  const measure = async () => {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { metrics } = await session.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { nodes: get('Nodes'), listeners: get('JSEventListeners'), heap: get('JSHeapUsedSize'), documents: get('Documents') };
  };
  await toggleOpen(page);
  await toggleClosed(page);
  const first = await measure();
  const listenersFirst = await listenerCounts(page);
  for (let i = 2; i <= 20; i++) {
    await toggleOpen(page);
    await toggleClosed(page);
  }
  const last = await measure();
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `# 20 toggles, ghost-longform-footnotes: after 1st / after 20th: DOM nodes ${first.nodes} / ${last.nodes}, ` +
      `JS event listeners ${first.listeners} / ${last.listeners}, documents ${first.documents} / ${last.documents}, ` +
      `JS heap used ${kb(first.heap)} / ${kb(last.heap)} (${last.heap >= first.heap ? '+' : ''}${kb(last.heap - first.heap)})`,
  );
  // One leaked view is several hundred nodes and dozens of listeners; 19 of them could not hide here.
  assert.ok(last.nodes - first.nodes < 100, `DOM nodes grew by ${last.nodes - first.nodes}`);
  assert.ok(last.listeners - first.listeners < 10, `event listeners grew by ${last.listeners - first.listeners}`);
  assert.ok(last.documents <= first.documents, `documents grew: ${first.documents} → ${last.documents}`);
  assert.ok(last.heap - first.heap < 2 * 1024 * 1024, `JS heap grew by ${kb(last.heap - first.heap)}`);
  assert.deepEqual(await listenerCounts(page), listenersFirst, 'window, document and root listeners as after the first toggle');
  await page.close();
});

test("a page CSP that forbids every style still gets a styled view (CSSOM and adopted sheets only)", async () => {
  const page = await browser.context.newPage();
  const reports = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  await page.route(`${server.base}/nostyle/**`, async (route) => {
    const html = fs.readFileSync(path.join(PAGES, 'wordpress-gutenberg-blog', 'source.html'));
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; img-src * data:; style-src 'none'" },
      body: html,
    });
  });
  await page.goto(`${server.base}/nostyle/wordpress-gutenberg-blog/`, { waitUntil: 'load' });
  reports.length = 0; // the page's own stylesheets are refused at load: not ours
  await toggleOpen(page);
  const styled = await inReader(page, (shadow, host) => ({
    position: getComputedStyle(host).position,
    zIndex: getComputedStyle(host).zIndex,
    background: getComputedStyle(shadow.querySelector('.root')).backgroundColor,
    size: getComputedStyle(shadow.querySelector('.content p')).fontSize,
  }));
  assert.deepEqual(styled, { position: 'fixed', zIndex: '2147483647', background: 'rgb(253, 252, 250)', size: '20px' });
  assert.deepEqual(reports, [], 'the view caused no CSP violation');
  await toggleClosed(page);
  await page.close();
});
