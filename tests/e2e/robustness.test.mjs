// End-to-end robustness: strange documents, hostile pages and a failing engine, with the
// built extension in Debian's Chromium. The engine failures use dist/chrome-test, a build
// whose engine panics or traps on request (cargo feature test-trap; never shipped).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, fixture, waitForReader, fold, settle, inExtensionWorld, waitInReader, ROOT, PAGES } from './harness.mjs';

const ARTICLE = fs.readFileSync(path.join(PAGES, 'wordpress-gutenberg-blog', 'source.html'), 'utf8');
const { expected: ARTICLE_EXPECTED } = fixture('wordpress-gutenberg-blog');
const FIRST_SNIPPET = fold(ARTICLE_EXPECTED.must_contain[0]);

/** The fixture article with `extra` markup placed just before </body>. */
function articleWith(extra) {
  return ARTICLE.replace('</body>', `${extra}</body>`);
}

const SECOND_ARTICLE = `<!doctype html><html><head><title>Another story entirely</title></head><body><article>
<h1>Another story entirely</h1>
${Array.from({ length: 8 }, (_, i) => `<p>Second story, paragraph ${i}: the harbour reopened after the storm, fishermen returned, and the market, closed for a week, was busy again by noon.</p>`).join('\n')}
</article></body></html>`;

/** A one-page PDF with a line of text, small enough to write by hand (offsets computed). */
const MINIMAL_PDF = (() => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 20 70 Td (A PDF document) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return body;
})();

const ROUTES = {
  '/article/': ['text/html', ARTICLE],
  '/lector-test-panic/': ['text/html', ARTICLE],
  '/lector-test-trap/': ['text/html', ARTICLE],
  '/frameset/': ['text/html', '<!doctype html><html><head><title>Frames</title></head><frameset cols="30%,70%"><frame src="/article/"><frame src="/article/"></frameset></html>'],
  // Some pages wipe themselves when their ad scripts fail to load (seen on a forum page of the
  // WCXB corpus, offline): no <html> is left, so a notice has nowhere to go.
  '/wiped/': ['text/html', articleWith('<script>addEventListener("load", () => document.documentElement.remove());</script>')],
  '/doc.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="50">An SVG document</text></svg>'],
  '/doc.xml': ['application/xml', '<?xml version="1.0"?><catalog><book id="b1"><title>An XML document</title></book></catalog>'],
  '/doc.pdf': ['application/pdf', MINIMAL_PDF],
  '/doc.txt': ['text/plain', 'A plain-text document.\n\nIt has paragraphs, but no markup at all, and it is long enough to be read as text.\n'],
  '/builtins/': ['text/html', articleWith(`<script>
    Array.prototype.map = function () { throw new Error('page broke Array.prototype.map'); };
    Array.prototype.filter = () => [];
    Array.from = () => { throw new Error('page broke Array.from'); };
    JSON.parse = () => { throw new Error('page broke JSON.parse'); };
    JSON.stringify = () => '"broken"';
    Object.assign = () => ({});
    Object.entries = () => [];
    Promise.prototype.then = function () { throw new Error('page broke Promise.then'); };
    Node.prototype.appendChild = function () { throw new Error('page broke appendChild'); };
    Element.prototype.append = function () { throw new Error('page broke append'); };
    Element.prototype.attachShadow = function () { throw new Error('page broke attachShadow'); };
    Document.prototype.createElement = function () { throw new Error('page broke createElement'); };
    window.getComputedStyle = () => ({ display: 'none', visibility: 'hidden', position: 'fixed' });
    String.prototype.replace = () => 'broken';
  </script>`)],
  '/shadow/': ['text/html', articleWith(`<div id="widget"></div><iframe id="frame" src="/article/" width="400" height="200"></iframe>
    <script>
      const root = document.getElementById('widget').attachShadow({ mode: 'open' });
      root.innerHTML = '<p>Shadow content of the page, with commas, and words.</p><slot></slot>';
    </script>`)],
  '/spa/': ['text/html', articleWith(`<script>
      window.goToSecondStory = () => {
        history.pushState({}, '', '/spa/second-story');
        document.title = 'Another story entirely';
        document.body.innerHTML = ${JSON.stringify(SECOND_ARTICLE.replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, ''))};
      };
    </script>`)],
};

let server;
let base;
let browser;
let testBrowser;

before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const route = ROUTES[url.pathname] ?? (url.pathname.startsWith('/spa/') ? ROUTES['/spa/'] : null);
    if (!route) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': `${route[0]}; charset=utf-8`, 'cache-control': 'no-store' }).end(route[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await testBrowser?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve());
});

async function open(where, path, { console: keepConsole = false } = {}) {
  const page = await where.context.newPage();
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (keepConsole) page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(path.startsWith('http') || path.includes(':') ? path : `${base}${path}`, { waitUntil: 'load' });
  return { page, errors, consoleErrors };
}

/**
 * The action's badge text and title on the tab that shows a badge. Without the "tabs"
 * permission the worker cannot see the URLs of about: and chrome:// tabs, so the tab is found
 * by its badge (each test closes its pages, so only one can have one).
 */
async function badge(where) {
  return where.worker.evaluate(async () => {
    for (const tab of await chrome.tabs.query({})) {
      const text = await chrome.action.getBadgeText({ tabId: tab.id });
      if (text) return { text, title: await chrome.action.getTitle({ tabId: tab.id }) };
    }
    return null;
  });
}

async function waitForBadge(where, page) {
  for (let i = 0; i < 50; i++) {
    const b = await badge(where);
    if (b?.text) return b;
    await page.waitForTimeout(100);
  }
  return badge(where);
}

test('engine panic and trap: caught at the boundary, reported once, page untouched, next click works', async () => {
  const extension = path.join(ROOT, 'dist/chrome-test');
  assert.ok(fs.existsSync(path.join(extension, 'manifest.json')), 'dist/chrome-test is built by ./build.sh test');
  testBrowser = await launchBrowser({ extension });
  for (const kind of ['panic', 'trap']) {
    for (const route of ['offscreen', 'content']) {
      const { page, errors, consoleErrors } = await open(testBrowser, `/lector-test-${kind}/`, { console: true });
      await settle(page);
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      const run = () =>
        testBrowser.worker.evaluate(
          async ({ url, route }) => {
            const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
            await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: (r) => globalThis.lectorToggle(r), args: [route] });
          },
          { url: page.url(), route },
        );
      await testBrowser.click(page); // injects the scripts and grants activeTab (offscreen route)
      if (route === 'content') {
        await page.waitForFunction(() => document.querySelector('lector-notice'));
        await page.evaluate(() => document.querySelector('lector-notice')?.remove());
        consoleErrors.length = 0;
        await run();
      }
      await page.waitForFunction(() => document.querySelector('lector-notice'));
      const notice = await inExtensionWorld(page, () => chrome.dom.openOrClosedShadowRoot(document.querySelector('lector-notice')).textContent);
      assert.match(notice, /could not read this page.*engine failed/i, `${kind}/${route}: ${notice}`);
      assert.equal(await page.evaluate(() => document.querySelector('lector-reader')), null, 'no reader view');
      const reports = consoleErrors.filter((t) => t.includes('Lector'));
      assert.equal(reports.length, 1, `${kind}/${route}: reported once: ${JSON.stringify(consoleErrors)}`);
      assert.match(reports[0], kind === 'panic' ? /test panic requested/ : /unreachable/i);
      await page.evaluate(() => document.querySelector('lector-notice')?.remove());
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, `${kind}/${route}: page untouched`);

      // The next click gets a fresh engine: on a normal address in the same tab it works.
      await page.evaluate(() => history.replaceState({}, '', '/article/'));
      if (route === 'content') await run();
      else await testBrowser.click(page);
      const state = await waitForReader(page);
      assert.ok(fold(state.text).includes(FIRST_SNIPPET), `${kind}/${route}: the article after recovery`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});

for (const [name, path, reason] of [
  ['XML document', '/doc.xml', /not application\/xml/],
  ['SVG document', '/doc.svg', /not image\/svg\+xml/],
  ['plain-text document', '/doc.txt', /not text\/plain/],
  // Chromium shows a PDF in its own viewer: either the extension may not script the tab, or
  // the document it can reach is not HTML. Both must say so on the button.
  ['PDF viewer tab', '/doc.pdf', /cannot read this page|not application\/pdf/],
  ['frameset page', '/frameset/', /frames/],
]) {
  test(`${name}: the button says why the reader cannot run, the document stays as it was`, async () => {
    const { page, errors } = await open(browser, path);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await browser.click(page);
    const b = await waitForBadge(browser, page);
    assert.equal(b.text, '!', `${name}: badge`);
    assert.match(b.title, reason, `${name}: title`);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, `${name}: untouched`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a page whose scripts removed its whole document: the button says so, nothing is added', async () => {
  const { page, errors } = await open(browser, '/wiped/');
  await page.waitForFunction(() => document.documentElement === null);
  await browser.click(page);
  const b = await waitForBadge(browser, page);
  assert.equal(b.text, '!');
  assert.match(b.title, /removed its own content/);
  assert.equal(await page.evaluate(() => document.childNodes.length), 1, 'only the doctype is left');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, url] of [
  ['about:blank', 'about:blank'],
  ['a chrome:// page', 'chrome://version/'],
]) {
  test(`${name}: the button says extensions cannot run there`, async () => {
    const { page } = await open(browser, url);
    await browser.click(page);
    const b = await waitForBadge(browser, page);
    assert.equal(b?.text, '!', `${name}: badge`);
    assert.match(b.title, /cannot read this page/);
    await page.close();
  });
}

test('a page that overwrites built-ins in its main world still gets its article', async () => {
  const { page, errors } = await open(browser, '/builtins/');
  await browser.click(page);
  // Checked from the extension's world, which the page's overrides do not reach.
  const words = FIRST_SNIPPET.split(' ').slice(0, 6).join(' ');
  await waitInReader(page, (shadow, host, w) => shadow.querySelector('article')?.textContent.includes(w), { args: [words] });
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('open shadow roots and same-origin iframes: the article shows, both stay intact', async () => {
  const { page, errors } = await open(browser, '/shadow/');
  await page.frameLocator('#frame').locator('body').waitFor();
  await settle(page);
  const snapshot = () =>
    page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      shadow: document.getElementById('widget').shadowRoot.innerHTML,
      frame: document.getElementById('frame').contentDocument.documentElement.outerHTML,
    }));
  const before = await snapshot();
  await browser.click(page);
  const state = await waitForReader(page);
  assert.ok(fold(state.text).includes(FIRST_SNIPPET));
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  assert.deepEqual(await snapshot(), before, 'page, shadow root and iframe as before');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page that replaces document.body while the reader is open: closes on the next click, then reads the new body', async () => {
  const { page, errors } = await open(browser, '/article/');
  await browser.click(page);
  await waitForReader(page);
  const newBody = SECOND_ARTICLE.replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');
  await page.evaluate((html) => {
    const body = document.createElement('body');
    body.innerHTML = html;
    document.body.replaceWith(body);
  }, newBody);
  assert.ok(await page.evaluate(() => document.querySelector('lector-reader')), 'the reader view stays over the page');
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  assert.ok(await page.evaluate(() => document.body.textContent.includes('Second story, paragraph 7')), 'the new body is intact');
  await browser.click(page);
  const state = await waitForReader(page);
  assert.ok(fold(state.text).includes('Second story, paragraph 7'), 'the reader reads the new body');
  assert.ok(!fold(state.text).includes(FIRST_SNIPPET));
  // A page that removes the reader's host: the next click opens a fresh reader, not nothing.
  await page.evaluate(() => document.querySelector('lector-reader').remove());
  await browser.click(page);
  await waitForReader(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a single-page app that navigates with pushState closes the reader: no stale article', async () => {
  const { page, errors } = await open(browser, '/spa/');
  await browser.click(page);
  const state = await waitForReader(page);
  assert.ok(fold(state.text).includes(FIRST_SNIPPET));
  // An in-page anchor keeps the reader open.
  await page.evaluate(() => history.pushState({}, '', '#comments'));
  await page.waitForTimeout(600);
  assert.ok(await page.evaluate(() => document.querySelector('lector-reader')), 'a hash change keeps the reader');
  await page.evaluate(() => window.goToSecondStory());
  await page.waitForFunction(() => !document.querySelector('lector-reader'), null, { timeout: 3000 });
  await browser.click(page);
  const next = await waitForReader(page);
  assert.ok(fold(next.text).includes('Second story, paragraph 7'), 'the next click reads the new article');
  // Back to the first story via the browser's history: the reader closes again.
  await page.goBack({ waitUntil: 'commit' }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('lector-reader'), null, { timeout: 3000 });
  assert.deepEqual(errors, []);
  await page.close();
});
