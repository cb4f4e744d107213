// Shared harness for the browser tests and the demo: serves the fixture pages from 127.0.0.1
// (optionally under a strict Content-Security-Policy), launches Debian's Chromium with the
// built extension loaded unpacked, and presses the toolbar button the way a user does
// (CDP Extensions.triggerAction, which also grants activeTab).

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const PAGES = path.join(ROOT, 'tests/pages');
export const EXTENSION = path.join(ROOT, 'dist/chrome');
export const OUT = path.join(ROOT, 'target/e2e');

/** Strict enough to block WebAssembly in content scripts, as many news sites' policies do. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src * data:; report-uri /csp-report";

export function fixture(name) {
  return {
    html: fs.readFileSync(path.join(PAGES, name, 'source.html')),
    expected: JSON.parse(fs.readFileSync(path.join(PAGES, name, 'expected.json'), 'utf8')),
  };
}

/**
 * Serves /plain/<case>/ and /strict/<case>/ (same page, strict CSP header) and records
 * every CSP violation report the browser posts.
 */
export async function startServer() {
  const cspReports = [];
  const requests = []; // every path asked for, in order (the XSS test watches for its marker)
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    if (url.pathname === '/csp-report') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        cspReports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    // A case's page, or a script of its own folder (page scripts must be files: the strict
    // CSP blocks inline ones).
    const match = url.pathname.match(/^\/(plain|strict)\/([\w-]+)\/([\w-]+\.js)?$/);
    const file = match && path.join(PAGES, match[2], match[3] ?? 'source.html');
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = match[3] ? 'text/javascript' : 'text/html; charset=utf-8';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (match[1] === 'strict') headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, cspReports, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A picture for every image the fixture pages link to on hosts that do not exist here. */
export const PLACEHOLDER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6d8fb3"/><stop offset="1" stop-color="#2c4763"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#g)"/><circle cx="930" cy="190" r="80" fill="#f4d58d" opacity=".85"/>
<path d="M0 520 L260 330 L470 470 L700 280 L1200 560 L1200 675 L0 675 Z" fill="#1d3147" opacity=".9"/></svg>`;

/** PLACEHOLDER_SVG drawn by the browser and encoded as a JPEG, at its own size. */
async function jpegPicture(context) {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1200, height: 675 });
    await page.setContent(`<body style="margin:0">${PLACEHOLDER_SVG}</body>`);
    return await page.screenshot({ type: 'jpeg', quality: 80, clip: { x: 0, y: 0, width: 1200, height: 675 } });
  } finally {
    await page.close();
  }
}

/**
 * Options (all optional): `extension`, another unpacked extension directory; `profile`, a
 * profile directory to keep (for restart tests; the default is a fresh one, deleted on
 * close); `args`, more Chromium flags; `localHosts`, host names (besides 127.0.0.1) that the
 * test maps to the local server and that must not be blocked as remote; `pictures`, the format
 * remote images are served in: 'svg' (PLACEHOLDER_SVG) or 'jpeg' (the same picture as a JPEG,
 * as news sites serve photos; the benchmarks use it because Chromium decodes an SVG picture on
 * the page's main thread, building a document per address, and a JPEG off it, so SVG
 * placeholders would delay the timed first frame in a way real pages do not).
 */
export async function launchBrowser({ extension = EXTENSION, profile: keptProfile, args = [], localHosts = [], pictures = 'svg' } = {}) {
  const EXTENSION_DIR = extension;
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run ./build.sh first`);
  }
  const profile = keptProfile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lector-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
  // Nothing leaves the machine: remote images get a local picture, other remote requests fail.
  const picture = pictures === 'jpeg' ? { contentType: 'image/jpeg', body: await jpegPicture(context) } : { contentType: 'image/svg+xml', body: PLACEHOLDER_SVG };
  const local = ['127.0.0.1', ...localHosts].map((host) => host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  await context.route(new RegExp(`^https?://(?!(?:${local})[:/])`), (route) => {
    if (route.request().resourceType() === 'image') return route.fulfill({ status: 200, ...picture });
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The worker is reported as soon as it exists; an evaluation in it is answered only after its
  // top-level script has run, so its click listeners are in place before a test clicks (a
  // click that came first would find no listener, and the test would wait for nothing).
  await worker.evaluate(() => true);
  const extensionId = new URL(worker.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  return {
    context,
    worker,
    extensionId,
    /** Presses the toolbar button for the tab showing `page`. */
    async click(page) {
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    },
    async close() {
      await context.close();
      if (!keptProfile) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The reader view lives in a CLOSED shadow root: the page's own scripts (and Playwright's
 * page.evaluate, which runs in the page's world) cannot see inside. The tests look the way
 * the extension itself does: from the extension's isolated world in the page (found through
 * CDP Runtime), where chrome.dom.openOrClosedShadowRoot opens the host. Pages have no such hook.
 */
const worlds = new WeakMap();

async function pageWorlds(page) {
  let known = worlds.get(page);
  if (!known) {
    const session = await page.context().newCDPSession(page);
    const contexts = new Map();
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
    session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
    session.on('Runtime.executionContextsCleared', () => contexts.clear());
    await session.send('Runtime.enable');
    known = { session, contexts };
    worlds.set(page, known);
  }
  return known;
}

/** The CDP session of a page (shared with the isolated-world lookups). */
export async function pageSession(page) {
  return (await pageWorlds(page)).session;
}

/**
 * Runs `fn(...args)` in the extension's isolated world of the page's main frame and returns
 * its (JSON) result, or undefined when the extension has not been injected there yet.
 */
export async function inExtensionWorld(page, fn, ...args) {
  const { session, contexts } = await pageWorlds(page);
  const { frameTree } = await session.send('Page.getFrameTree');
  const world = [...contexts.values()].find(
    (c) => c.origin?.startsWith('chrome-extension://') && c.auxData?.frameId === frameTree.frame.id,
  );
  if (!world) return undefined;
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression: `(${fn})(...${JSON.stringify(args)})`,
    contextId: world.id,
    returnByValue: true,
    awaitPromise: true,
    userGesture: true,
  });
  if (exceptionDetails) throw new Error(`in the extension's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/** Runs `fn(shadowRoot, host, ...args)` on the open reader view (null when there is none). */
export async function inReader(page, fn, ...args) {
  const source = `(...args) => {
    const host = document.querySelector('lector-reader');
    if (!host) return null;
    const shadow = globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.openOrClosedShadowRoot?.();
    if (!shadow) return null;
    return (${fn})(shadow, host, ...args);
  }`;
  return (await inExtensionWorld(page, source, ...args)) ?? null;
}

/**
 * Arms a watch, in the extension's world, for the next reader view to appear: `fn(shadowRoot,
 * host)` runs on it before its first frame is rendered (a mutation callback runs before the
 * browser renders the change), and `firstFrame(page)` returns what it gave (null until then).
 */
export async function watchFirstFrame(page, fn) {
  const source = `() => {
    globalThis.__lectorFirstFrame = null;
    const observer = new MutationObserver(() => {
      const host = document.querySelector('lector-reader');
      if (!host) return;
      observer.disconnect();
      globalThis.__lectorFirstFrame = (${fn})(chrome.dom.openOrClosedShadowRoot(host), host);
    });
    observer.observe(document.documentElement, { childList: true });
  }`;
  await inExtensionWorld(page, source);
}

/** What the watch armed by `watchFirstFrame` recorded of the view's first frame. */
export async function firstFrame(page) {
  return (await inExtensionWorld(page, () => globalThis.__lectorFirstFrame)) ?? null;
}

/** Waits until `fn(shadowRoot, host, ...args)` is truthy in the reader view; returns its value. */
export async function waitInReader(page, fn, { timeout = 10000, args = [] } = {}) {
  const start = Date.now();
  for (;;) {
    const value = await inReader(page, fn, ...args);
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting in the reader view for ${String(fn).slice(0, 120)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A real (trusted) mouse click on an element of the reader view, found by a selector. */
export async function clickInReader(page, selector) {
  // The box is taken once it holds still for two frames: pictures that load, and the rest of
  // a long article coming in after the view's first frame, move what follows them.
  const box = await waitInReader(page, async (shadow, host, sel) => {
    const node = shadow.querySelector(sel);
    if (!node) return null;
    node.scrollIntoView({ block: 'nearest' });
    const before = node.getBoundingClientRect();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const r = node.getBoundingClientRect();
    const still = r.x === before.x && r.y === before.y && r.width === before.width && r.height === before.height;
    return still && r.width && r.height ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, { args: [selector] });
  await page.mouse.click(box.x, box.y);
}

/** The reader view's state: text, route, headings (null when no reader view is open). */
export async function readerState(page) {
  return inReader(page, (shadow) => {
    const article = shadow.querySelector('article');
    const info = LectorReaderView.lastOpen(); // eslint-disable-line no-undef
    return {
      route: info?.route,
      ms: info?.ms,
      text: article ? article.innerText : '',
      title: shadow.querySelector('h1.title')?.textContent ?? '',
      meta: shadow.querySelector('.meta')?.textContent ?? '',
      dir: article?.getAttribute('dir'),
      lang: article?.getAttribute('lang'),
      images: [...shadow.querySelectorAll('img')].map((img) => img.src),
      paragraphs: shadow.querySelectorAll('.content p').length,
      handlers: [...shadow.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
      scripts: shadow.querySelectorAll('script, iframe, style:not([data-lector])').length,
    };
  });
}

export async function waitForReader(page, timeout = 10000) {
  // The whole article: the view's first frame holds back all but its first screens.
  await waitInReader(page, (shadow) => !!shadow.querySelector('article:not([aria-busy])'), { timeout });
  return readerState(page);
}

/** $LECTOR_CORPORA, ../shared/corpus beside the project, or beside the main checkout. */
export function corporaDir() {
  const candidates = [];
  if (process.env.LECTOR_CORPORA) candidates.push(process.env.LECTOR_CORPORA);
  candidates.push(path.join(ROOT, '../shared/corpus'));
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: ROOT, encoding: 'utf8' }).trim();
    candidates.push(path.join(path.dirname(common), '../shared/corpus'));
  } catch {
    // not a git checkout: the other candidates only
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'readability')));
}

export function fold(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Waits until the page's DOM stops changing by itself (Chromium's autofill, for one, adds
 * style="" to form fields shortly after load), so before/after comparisons see only us.
 */
export async function settle(page, quietMs = 400, timeoutMs = 5000) {
  const start = Date.now();
  let last = await page.evaluate(() => document.documentElement.outerHTML);
  while (Date.now() - start < timeoutMs) {
    await page.waitForTimeout(quietMs);
    const now = await page.evaluate(() => document.documentElement.outerHTML);
    if (now === last) return;
    last = now;
  }
}

/** A screenshot that leaves the DOM alone (Playwright's default caret hiding edits inputs). */
export function screenshot(page, file, options = {}) {
  return page.screenshot({ path: path.join(OUT, file), caret: 'initial', ...options });
}
