// Shared harness for the browser tests and the demo: serves the fixture pages from 127.0.0.1
// (optionally under a strict Content-Security-Policy), launches Debian's Chromium with the
// built extension loaded unpacked, and presses the toolbar button the way a user does
// (CDP Extensions.triggerAction, which also grants activeTab).

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/csp-report') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        cspReports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const match = url.pathname.match(/^\/(plain|strict)\/([\w-]+)\/$/);
    const file = match && path.join(PAGES, match[2], 'source.html');
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (match[1] === 'strict') headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, cspReports, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A picture for every image the fixture pages link to on hosts that do not exist here. */
const PLACEHOLDER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6d8fb3"/><stop offset="1" stop-color="#2c4763"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#g)"/><circle cx="930" cy="190" r="80" fill="#f4d58d" opacity=".85"/>
<path d="M0 520 L260 330 L470 470 L700 280 L1200 560 L1200 675 L0 675 Z" fill="#1d3147" opacity=".9"/></svg>`;

/** Launches Chromium with the built extension (`extension`: another build, e.g. dist/chrome-test). */
export async function launchBrowser({ extension = EXTENSION } = {}) {
  const EXTENSION_DIR = extension;
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run ./build.sh first`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lector-profile-'));
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
    ],
  });
  // Nothing leaves the machine: remote images get a local picture, other remote requests fail.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    if (route.request().resourceType() === 'image') {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_SVG });
    }
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
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
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The reader view's state as the page sees it: text, route, headings. */
export async function readerState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('lector-reader');
    if (!host || !host.shadowRoot) return null;
    const shadow = host.shadowRoot;
    const article = shadow.querySelector('article');
    return {
      route: host.dataset.route,
      ms: Number(host.dataset.ms),
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
  await page.waitForFunction(() => document.querySelector('lector-reader')?.shadowRoot?.querySelector('article'), null, { timeout });
  return readerState(page);
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
