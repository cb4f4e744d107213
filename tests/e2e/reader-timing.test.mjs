// From the click to the painted reader view, on every browser-test page with an article, with
// and without a strict CSP: printed as first click, median and worst (figures, not pass/fail
// on speed). Also checks there is no unstyled flash: when the view's host enters the page,
// its styles and the stored theme are already in force.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, waitForReader, inExtensionWorld, watchFirstFrame, firstFrame, PAGES, OUT } from './harness.mjs';

const RUNS = 5;
let server;
let browser;

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  await browser.worker.evaluate(() => chrome.storage.sync.set({ readerSettings: { theme: 'sepia' } }));
});

after(async () => {
  await browser?.worker.evaluate(() => chrome.storage.sync.clear());
  await browser?.close();
  await server?.close();
});

const ARTICLE_PAGES = fs
  .readdirSync(PAGES)
  .filter((name) => JSON.parse(fs.readFileSync(path.join(PAGES, name, 'expected.json'), 'utf8')).article !== false)
  .sort();

/** What the view's first frame shows of its styling (run by watchFirstFrame). */
function firstFrameStyling(shadow, host) {
  const root = shadow.querySelector('.root');
  return {
    sheets: shadow.adoptedStyleSheets.length,
    theme: root?.dataset.theme,
    background: root ? getComputedStyle(root).backgroundColor : null,
    position: getComputedStyle(host).position,
    article: !!shadow.querySelector('article .content'),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

test(`click to painted reader view, ${RUNS} runs per page and CSP (figures)`, async () => {
  const rows = [];
  let firstFrames = 0;
  for (const name of ARTICLE_PAGES) {
    for (const mode of ['plain', 'strict']) {
      const page = await browser.context.newPage();
      await page.goto(`${server.base}/${mode}/${name}/`, { waitUntil: 'load' });
      const totals = [];
      const engine = [];
      let previous = 0;
      for (let run = 0; run < RUNS; run++) {
        if (run > 0) await watchFirstFrame(page, firstFrameStyling);
        const clicked = Date.now();
        await browser.click(page);
        await waitForReader(page);
        const info = await waitPainted(page, previous);
        previous = info.timing.opened;
        assert.ok(info.timing.lifted >= info.timing.painted, `${name} ${mode}: the whole article is laid out from the first frame on`);
        totals.push(info.timeOrigin + info.timing.painted - clicked);
        engine.push(info.ms);
        if (run > 0) {
          const first = await firstFrame(page);
          assert.ok(first, `${name} ${mode}: the host was seen entering the page`);
          assert.deepEqual(first, { sheets: 1, theme: 'sepia', background: 'rgb(245, 236, 217)', position: 'fixed', article: true }, `${name} ${mode}: styled in its first frame`);
          firstFrames++;
        }
        await browser.click(page);
        await page.waitForFunction(() => !document.querySelector('lector-reader'));
      }
      rows.push({ name, mode, first: totals[0], median: median(totals), worst: Math.max(...totals), engine: median(engine) });
      await page.close();
    }
  }
  const all = rows.flatMap((r) => [r.median]);
  const pad = (v, n) => String(Math.round(v)).padStart(n);
  console.log(`# click → painted reader view (ms), ${RUNS} runs each; the first run includes injecting the scripts`);
  console.log('# page                         CSP     first  median  worst  engine(median)');
  for (const r of rows) console.log(`# ${r.name.padEnd(28)} ${r.mode.padEnd(6)} ${pad(r.first, 6)} ${pad(r.median, 7)} ${pad(r.worst, 6)} ${pad(r.engine, 8)}`);
  console.log(`# over all pages: median of medians ${Math.round(median(all))} ms, worst ${Math.round(Math.max(...rows.map((r) => r.worst)))} ms`);
  assert.equal(firstFrames, ARTICLE_PAGES.length * 2 * (RUNS - 1), 'every later open was checked for an unstyled first frame');
});

async function waitPainted(page, previous) {
  const start = Date.now();
  for (;;) {
    const info = await inExtensionWorld(page, () => LectorReaderView.lastOpen()); // eslint-disable-line no-undef
    if (info?.timing.painted && info.timing.opened !== previous) return info;
    if (Date.now() - start > 10000) throw new Error('the view never recorded its first paint');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
