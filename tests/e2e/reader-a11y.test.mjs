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

/** The article's blocks as the view holds them, and whether they reach below its bottom (run by watchFirstFrame and inReader). */
function articleBlocks(shadow, host) {
  const blocks = [...shadow.querySelectorAll('.content :is(p, h2, h3, li, pre, figure)')];
  const last = blocks.at(-1);
  return {
    texts: blocks.map((block) => block.textContent.trim().slice(0, 60)),
    busy: shadow.querySelector('article').getAttribute('aria-busy'),
    filled: Boolean(last) && last.getBoundingClientRect().bottom > host.getBoundingClientRect().bottom,
  };
}

/**
 * Opens the view (the first click injects the scripts) and closes it, then opens it again with
 * `fn` watching its first frame (watchFirstFrame); once the whole article is in, what `fn` saw.
 */
async function reopenWatching(page, fn) {
  await browser.click(page);
  await waitForReader(page);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  await watchFirstFrame(page, fn);
  await browser.click(page);
  await waitForReader(page); // the whole article
  return firstFrame(page);
}

test('a long article: the first frame holds its first screens, and the rest follows right after it, in order', async () => {
  const page = await openPage('ghost-longform-footnotes');
  await page.evaluate(lengthenArticle);
  const first = await reopenWatching(page, articleBlocks);
  const whole = await inReader(page, articleBlocks);
  assert.ok(whole.texts.length > 80, `a long article: ${whole.texts.length} blocks`);
  assert.ok(first.texts.length > 5 && first.texts.length < whole.texts.length / 2, `the first frame holds the first screens: ${first.texts.length} of ${whole.texts.length} blocks`);
  assert.ok(first.filled, "the first frame's blocks reach below the bottom of the view");
  assert.equal(first.busy, 'true', 'the first frame tells assistive technology that more is coming');
  assert.equal(whole.busy, null, 'the whole article is no longer busy');
  assert.deepEqual(whole.texts.slice(0, first.texts.length), first.texts, "they are the article's first blocks");
  const parts = whole.texts.map((text) => /^More on the arithmetic, part (\d+)$/.exec(text)?.[1]).filter(Boolean).map(Number);
  assert.deepEqual(parts, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'the rest came back in order');
  assert.match(whole.texts.at(-1), /^The figure assumes the coaches/, 'the last footnote closes the article');
  const timing = await inExtensionWorld(page, () => LectorReaderView.lastOpen().timing); // eslint-disable-line no-undef
  assert.ok(timing.painted > 0 && timing.lifted >= timing.painted, `the rest came after the first paint: ${JSON.stringify(timing)}`);
  await page.close();
});

/** Follows the contents' last entry in the view's first frame, before the rest of the article is in (run by watchFirstFrame). */
function followLastEntry(shadow, host) {
  const link = [...shadow.querySelectorAll('.toc a')].at(-1);
  const id = decodeURIComponent(link.getAttribute('href').slice(1));
  const find = () => shadow.querySelector(`.content [id="${CSS.escape(id)}"]`);
  const heldBack = !find();
  link.click();
  const target = find();
  return { id, heldBack, top: target ? target.getBoundingClientRect().top - host.getBoundingClientRect().top : null };
}

test('a link followed in the first frame lands on its target in the whole article', async () => {
  const page = await openPage('ghost-longform-footnotes');
  await page.evaluate(lengthenArticle);
  const followed = await reopenWatching(page, followLastEntry);
  assert.ok(followed.heldBack, `the target was not in the first frame: ${JSON.stringify(followed)}`);
  // The view scrolls a target to 64 px below its top (under the toolbar), or as near as the end
  // of the article lets it come; it stays there once the whole article is in.
  const settled = await inReader(page, (shadow, host, id) => {
    const target = shadow.querySelector(`.content [id="${CSS.escape(id)}"]`);
    return {
      top: target.getBoundingClientRect().top - host.getBoundingClientRect().top,
      atEnd: host.scrollTop >= host.scrollHeight - host.clientHeight - 1,
      focused: shadow.activeElement === target,
    };
  }, followed.id);
  const where = (top) => Math.abs(top - 64) <= 2 || (settled.atEnd && top > 64);
  assert.ok(where(followed.top), `the heading was scrolled into place at once: ${JSON.stringify(followed)}`);
  assert.ok(where(settled.top) && Math.abs(settled.top - followed.top) <= 2, `and stayed there: ${JSON.stringify(settled)}`);
  assert.ok(settled.focused, 'the heading has focus');
  await page.close();
});

test('a short article is whole in its first frame', async () => {
  const page = await openPage('ghost-blog-post');
  const first = await reopenWatching(page, articleBlocks);
  const whole = await inReader(page, articleBlocks);
  assert.ok(first.texts.length > 5, `${first.texts.length} blocks`);
  assert.deepEqual(first.texts, whole.texts);
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
