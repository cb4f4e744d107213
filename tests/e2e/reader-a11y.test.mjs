// Keyboard and screen-reader paths of the reader view, the contents list, in-page links
// (footnotes) inside the view, and the reading progress bar. Keys are real CDP key events.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launchBrowser, waitForReader, inReader, waitInReader, clickInReader, inExtensionWorld, watchFirstFrame, firstFrame, screenshot, OUT } from './harness.mjs';

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

async function openPage(name) {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/plain/${name}/`, { waitUntil: 'load' });
  return page;
}

const focusInView = (page) => page.evaluate(() => document.activeElement === document.querySelector('lector-reader'));
const activeInView = (page) =>
  inReader(page, (shadow) => {
    const a = shadow.activeElement;
    return a ? { tag: a.localName, cls: a.className, text: (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 40) } : null;
  });
const fontSize = (page) => inReader(page, (shadow) => parseFloat(getComputedStyle(shadow.querySelector('.content p')).fontSize));

test('focus moves into the view on open and back to where it was on close', async () => {
  const page = await openPage('wordpress-gutenberg-blog');
  await page.evaluate(() => {
    const link = document.querySelector('main a, article a, a');
    link.focus();
    window.__lectorTestFocused = link; // a JS property, not a DOM change
  });
  await browser.click(page);
  await waitForReader(page);
  assert.ok(await focusInView(page), 'the page sees focus on the reader host');
  assert.equal((await activeInView(page))?.tag, 'article', 'the article has focus: screen readers start at its title');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  assert.ok(await page.evaluate(() => document.activeElement === window.__lectorTestFocused), 'focus is back on the link');
  await page.close();
});

test('+ and - change the text size and the change is saved; keys do not reach the page', async () => {
  const page = await openPage('wordpress-gutenberg-blog');
  await page.evaluate(() => {
    window.__lectorPageKeys = 0;
    document.addEventListener('keydown', () => window.__lectorPageKeys++);
  });
  await browser.click(page);
  await waitForReader(page);
  assert.equal(await fontSize(page), 20);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  assert.equal(await fontSize(page), 22);
  await page.keyboard.press('-');
  assert.equal(await fontSize(page), 21);
  assert.equal(await inReader(page, (shadow) => shadow.querySelector('.status').textContent), 'Text size 21px', 'announced');
  assert.equal(await page.evaluate(() => window.__lectorPageKeys), 0, "the page's key handlers saw nothing");
  const start = Date.now();
  let saved;
  while (Date.now() - start < 5000) {
    saved = await browser.worker.evaluate(async () => (await chrome.storage.sync.get('readerSettings')).readerSettings);
    if (saved?.size === 21) break;
    await page.waitForTimeout(100);
  }
  assert.equal(saved?.size, 21);
  await browser.worker.evaluate(() => chrome.storage.sync.clear());
  await page.close();
});

test('Esc closes the settings panel first (focus back on its button), then the view', async () => {
  const page = await openPage('wordpress-gutenberg-blog');
  await browser.click(page);
  await waitForReader(page);
  await clickInReader(page, 'button.aa');
  await waitInReader(page, (shadow) => !shadow.querySelector('.panel').hidden);
  assert.equal((await activeInView(page))?.tag, 'input', 'focus moved into the panel');
  await page.keyboard.press('Escape');
  assert.ok(await inReader(page, (shadow) => shadow.querySelector('.panel').hidden), 'the panel closed');
  assert.equal((await activeInView(page))?.cls, 'aa', 'focus is back on the Aa button');
  assert.ok(await page.evaluate(() => !!document.querySelector('lector-reader')), 'the view is still open');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  await page.close();
});

test('Tab reaches every control, stays in the view, and shows a visible focus ring', async () => {
  const page = await openPage('wordpress-gutenberg-blog');
  await browser.click(page);
  await waitForReader(page);
  const seen = new Set();
  let ring = null;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await focusInView(page), `Tab ${i + 1} left the view`);
    const info = await inReader(page, (shadow) => {
      const a = shadow.activeElement;
      if (!a) return null;
      const style = getComputedStyle(a);
      return { key: `${a.localName}.${a.className}`, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), toolbar: !!a.closest('.toolbar') };
    });
    seen.add(info.key);
    if (info.toolbar && !ring) ring = info;
  }
  for (const control of ['button.aa', 'button.copy-markdown', 'button.save-markdown', 'button.close']) {
    assert.ok(seen.has(control), `Tab reached ${control}: ${[...seen].join(', ')}`);
  }
  assert.ok(ring && ring.outline !== 'none' && ring.width >= 2, `a visible focus ring on toolbar buttons: ${JSON.stringify(ring)}`);
  await screenshot(page, 'a11y-focus-ring.png');
  await page.close();
});

test('every control has an accessible name; the shortcut the browser assigned is shown', async () => {
  const page = await openPage('wordpress-gutenberg-blog');
  await browser.click(page);
  await waitForReader(page);
  await clickInReader(page, 'button.aa');
  const report = await waitInReader(page, (shadow) => {
    const keys = shadow.querySelector('.panel .keys').textContent;
    if (!keys) return null; // the shortcut arrives from the background
    const nameOf = (node) =>
      (node.getAttribute('aria-label') ||
        (node.getAttribute('aria-labelledby') && shadow.getElementById(node.getAttribute('aria-labelledby'))?.textContent) ||
        (node.labels && [...node.labels].map((l) => l.textContent).join(' ')) ||
        node.textContent ||
        '').trim();
    const controls = [...shadow.querySelectorAll('button, input, a[href], summary, [role="toolbar"], [role="group"], [role="region"], article')];
    return {
      unnamed: controls.filter((node) => !nameOf(node)).map((node) => node.outerHTML.slice(0, 80)),
      count: controls.length,
      keys,
      closeTitle: shadow.querySelector('button.close').title,
      expanded: shadow.querySelector('button.aa').getAttribute('aria-expanded'),
    };
  });
  assert.ok(report.count > 15, `controls found: ${report.count}`);
  assert.deepEqual(report.unnamed, [], 'controls without an accessible name');
  const shortcut = (await browser.worker.evaluate(() => chrome.commands.getAll())).find((c) => c.name === '_execute_action').shortcut;
  assert.ok(shortcut, 'the browser assigned the toggle shortcut');
  assert.ok(report.keys.includes(shortcut), `the panel shows ${shortcut}: ${report.keys}`);
  assert.ok(report.closeTitle.includes(shortcut), `the close button names it: ${report.closeTitle}`);
  assert.equal(report.expanded, 'true');
  await page.close();
});

test('contents list: one entry per subheading; a click scrolls the view, not the page', async () => {
  const page = await openPage('wordpress-gutenberg-blog');
  await page.evaluate(() => window.scrollTo(0, 300));
  const before = await page.evaluate(() => ({ y: window.scrollY, url: location.href }));
  await browser.click(page);
  await waitForReader(page);
  const toc = await inReader(page, (shadow) => ({
    entries: [...shadow.querySelectorAll('.toc a')].map((a) => a.textContent),
    headings: [...shadow.querySelectorAll('.content h2, .content h3')].map((h) => h.textContent.trim()),
    ids: [...shadow.querySelectorAll('.content h2, .content h3')].map((h) => h.id),
  }));
  assert.ok(toc.entries.length >= 3, `entries: ${toc.entries}`);
  assert.deepEqual(toc.entries, toc.headings);
  assert.ok(toc.ids.every(Boolean) && new Set(toc.ids).size === toc.ids.length, `unique heading ids: ${toc.ids}`);
  const last = toc.entries.length;
  await clickInReader(page, `.toc li:nth-child(${last}) a`);
  const where = await waitInReader(page, (shadow, host, n) => {
    const heading = [...shadow.querySelectorAll('.content h2, .content h3')][n - 1];
    const { top, bottom } = heading.getBoundingClientRect();
    // At the top of the view, or as near as the end of the article lets it come.
    const atEnd = host.scrollTop >= host.scrollHeight - host.clientHeight - 1;
    return host.scrollTop > 0 && top >= 0 && bottom <= host.clientHeight && (top < 150 || atEnd) ? { top } : null;
  }, { args: [last] });
  assert.ok(where, 'the heading is in view');
  await waitInReader(page, (shadow, host, title) => shadow.querySelector('.toc a[aria-current="true"]')?.textContent === title, { args: [toc.entries[last - 1]] });
  assert.deepEqual(await page.evaluate(() => ({ y: window.scrollY, url: location.href })), before, "the page's scroll and URL are untouched");
  await page.close();
});

test('footnotes: the reference scrolls to the note and the note back to the reference, inside the view', async () => {
  const page = await openPage('ghost-longform-footnotes');
  const url = page.url();
  await browser.click(page);
  await waitForReader(page);
  await clickInReader(page, 'sup a[href$="#fn2"]');
  const note = await waitInReader(page, (shadow) => {
    const li = shadow.querySelector('#fn2');
    const { top, bottom } = li.getBoundingClientRect();
    return top >= 0 && bottom <= innerHeight ? { focused: shadow.activeElement === li, text: li.textContent } : null;
  });
  assert.ok(note.focused, 'the note has focus, so screen readers read it');
  assert.match(note.text, /forty minutes per rotation/);
  await screenshot(page, 'footnote-target.png');
  await clickInReader(page, '#fn2 a');
  await waitInReader(page, (shadow) => {
    const top = shadow.querySelector('#fnref2').getBoundingClientRect().top;
    return top >= 0 && top < 200;
  });
  assert.equal(page.url(), url, 'the page URL did not change');
  await page.close();
});

/** Makes the footnotes fixture's article long (over 20,000 characters): its plain paragraphs again, under new subheadings. */
function lengthenArticle() {
  const body = document.querySelector('.gh-content');
  const plain = [...body.querySelectorAll(':scope > p')].filter((p) => !p.querySelector('[id]'));
  const end = body.querySelector('hr.footnotes-sep');
  for (let part = 1; part <= 12; part++) {
    const heading = document.createElement('h2');
    heading.id = `more-${part}`;
    heading.textContent = `More on the arithmetic, part ${part}`;
    end.before(heading);
    for (const p of plain) end.before(p.cloneNode(true));
  }
}

/** What the view's first frame lays out lazily (run by watchFirstFrame). */
function lazyBlocks(shadow) {
  const blocks = [...shadow.querySelectorAll('.content p, .content h2')];
  return { blocks: blocks.length, lazy: blocks.filter((b) => getComputedStyle(b).contentVisibility === 'auto').length };
}

test('a long article: the first frame lays out the blocks on screen only, then the whole article, so that links land where they should', async () => {
  const page = await openPage('ghost-longform-footnotes');
  await page.evaluate(lengthenArticle);
  await browser.click(page); // injects the scripts; the second opening is watched
  await waitForReader(page);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  await watchFirstFrame(page, lazyBlocks);
  await browser.click(page);
  await waitForReader(page);
  const first = await firstFrame(page);
  assert.ok(first.blocks > 80, `a long article: ${first.blocks} blocks`);
  assert.equal(first.lazy, first.blocks, 'every block is laid out lazily in the first frame');
  const lifted = await waitInReader(page, (shadow, host) => {
    if (shadow.querySelector('.root').classList.contains('first-frame')) return null;
    const blocks = [...shadow.querySelectorAll('.content p, .content h2, .content h3, .content pre, .content figure')];
    return { lazy: blocks.filter((b) => getComputedStyle(b).contentVisibility !== 'visible').length, scrollHeight: host.scrollHeight };
  });
  assert.equal(lifted.lazy, 0, 'every block is laid out right after the first frame');
  const timing = await inExtensionWorld(page, () => LectorReaderView.lastOpen().timing); // eslint-disable-line no-undef
  assert.ok(timing.painted > 0 && timing.lifted >= timing.painted, `lifted after the first paint: ${JSON.stringify(timing)}`);

  // A link followed before the lift (as a click in the first frame would be) lays the article
  // out first, so that the target lands at its real position, not at an estimated one.
  const relazy = () => inReader(page, (shadow, host) => {
    host.scrollTo({ top: 0 });
    shadow.querySelector('.root').classList.add('first-frame');
    return getComputedStyle(shadow.querySelector('.content p')).contentVisibility;
  });
  const landed = (selector) => waitInReader(page, (shadow, host, sel) => {
    const target = shadow.querySelector(sel);
    const { top, bottom } = target.getBoundingClientRect();
    const atEnd = host.scrollTop >= host.scrollHeight - host.clientHeight - 1;
    // Lifted by the link's handler, which scrolls in the same task (clickInReader may scroll a
    // little itself, to bring the link into view, before it clicks).
    const lifted = !shadow.querySelector('.root').classList.contains('first-frame');
    return lifted && host.scrollTop > 0 ? { top: top - host.getBoundingClientRect().top, inView: top >= 0 && bottom <= host.clientHeight, atEnd, scrollHeight: host.scrollHeight } : null;
  }, { args: [selector] });
  // The view scrolls a target to 64 px below its top (under the toolbar), or as near as the end
  // of the article lets it come.
  const where = (at) => at.inView && (Math.abs(at.top - 64) <= 2 || (at.atEnd && at.top > 64));

  assert.equal(await relazy(), 'auto', 'the first-frame rule applies in this browser');
  const entries = await inReader(page, (shadow) => [...shadow.querySelectorAll('.toc a')].map((a) => a.getAttribute('href')));
  // "Who actually rides": a section in the middle, its entry on one line (the mouse clicks the
  // middle of the link's box, which a wrapped link does not cover).
  const entry = entries.indexOf('#who-rides') + 1;
  assert.ok(entry > 0, `a contents entry for the section: ${entries}`);
  await clickInReader(page, `.toc li:nth-child(${entry}) a`);
  const heading = await landed('#who-rides');
  assert.equal(heading.scrollHeight, lifted.scrollHeight, 'the article has its full height');
  assert.ok(where(heading), `the heading is where the view scrolled it: ${JSON.stringify(heading)}`);

  assert.equal(await relazy(), 'auto');
  await clickInReader(page, 'sup a[href$="#fn2"]');
  const note = await landed('#fn2');
  assert.ok(where(note), `the note is where the view scrolled it: ${JSON.stringify(note)}`);
  await page.close();
});

test('a short article has no first-frame rule (it would cost more than it saves)', async () => {
  const page = await openPage('ghost-longform-footnotes');
  await browser.click(page);
  await waitForReader(page);
  const state = await inReader(page, (shadow) => ({
    rule: shadow.querySelector('.root').classList.contains('first-frame'),
    lazy: getComputedStyle(shadow.querySelector('.content p')).contentVisibility,
  }));
  assert.deepEqual(state, { rule: false, lazy: 'visible' });
  await page.close();
});

test('reading progress follows the scroll position', async () => {
  const page = await openPage('ghost-longform-footnotes');
  await browser.click(page);
  await waitForReader(page);
  const progress = (fraction) =>
    inReader(page, async (shadow, host, f) => {
      host.scrollTop = (host.scrollHeight - host.clientHeight) * f;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return new DOMMatrixReadOnly(getComputedStyle(shadow.querySelector('.progress .bar')).transform).a;
    }, fraction);
  assert.ok((await progress(0)) < 0.01);
  const half = await progress(0.5);
  assert.ok(Math.abs(half - 0.5) < 0.05, `half way: ${half}`);
  assert.ok((await progress(1)) > 0.99);
  await page.close();
});

test("a right-to-left article reads right to left while the controls keep the browser's direction", async () => {
  const page = await openPage('arabic-rtl-article');
  await browser.click(page);
  await waitForReader(page);
  const layout = await inReader(page, (shadow) => {
    const article = shadow.querySelector('article');
    const p = shadow.querySelector('.content p');
    const close = shadow.querySelector('button.close').getBoundingClientRect();
    const text = p.getBoundingClientRect();
    return {
      articleDir: getComputedStyle(article).direction,
      articleLang: article.lang,
      uiDir: getComputedStyle(shadow.querySelector('.toolbar')).direction,
      closeRight: innerWidth - close.right,
      textAlign: getComputedStyle(p).textAlign,
      paragraphRightEdge: Math.round(text.right),
      columnRightEdge: Math.round(article.getBoundingClientRect().right),
    };
  });
  assert.equal(layout.articleDir, 'rtl');
  assert.equal(layout.articleLang, 'ar');
  assert.equal(layout.uiDir, 'ltr', 'the English UI stays left to right on an Arabic page');
  assert.ok(layout.closeRight < 40, `Close sits at the right end of the toolbar: ${layout.closeRight}px from the edge`);
  assert.equal(layout.paragraphRightEdge, layout.columnRightEdge, 'paragraphs start at the right edge of the column');
  await page.close();
});
