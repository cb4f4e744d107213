// The reader view's first frame with and without the first-frame rule (style.js, `.first-frame`:
// `content-visibility: auto` on the article's blocks), on the articles of Mozilla's corpus (its
// expected.html, the article as Readability.js gives it). Figures, not pass/fail
// (docs/performance.md, "The click"). For each article, alternately with and without the rule,
// several times: the view's structure (root, article, content) in a shadow root with the view's
// stylesheet is put in a page, and the time is taken
//   - to the forced layout that opening the view makes (focus, reading progress), and
//   - to the first painted frame (a task queued from the next animation frame, as view.js does).
// Then the median and 95th percentile of the per-article medians, for the rule on every
// article and for the rule on articles longer than N characters of text only.
//
//   node tests/bench/first-frame.mjs [--articles N] [--runs N]
//
// --articles: every third article by size, the largest first, up to N (default 44); --runs: the
// openings per article and setting (default 7).

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, corporaDir } from '../e2e/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ARTICLES = option('--articles', 44);
const RUNS = option('--runs', 7);

const corpora = corporaDir();
if (!corpora) {
  console.log('SKIPPED: no shared corpora (set LECTOR_CORPORA, or put them at ../shared/corpus)');
  process.exit(0);
}
const corpus = path.join(corpora, 'readability');
const articles = fs
  .readdirSync(corpus)
  .filter((name) => fs.existsSync(path.join(corpus, name, 'expected.html')))
  .map((name) => ({ name, size: fs.statSync(path.join(corpus, name, 'expected.html')).size }))
  .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))
  .filter((_, i) => i % 3 === 0)
  .slice(0, ARTICLES);

const style = fs.readFileSync(path.join(ROOT, 'extension/reader/style.js'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.setContent('<!doctype html><html><body><p>The page under the view.</p></body></html>');
await page.addScriptTag({ content: `${style}\nglobalThis.benchReaderCss = LECTOR_READER_CSS;` });

/** In the page: the medians over `runs` openings of one article, with and without the rule. */
async function measure({ html, runs }) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(globalThis.benchReaderCss);
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const open = (rule) =>
    new Promise((resolve) => {
      const host = document.createElement('div');
      host.style.cssText = 'position: fixed; inset: 0; overflow: auto; z-index: 10';
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [sheet];
      const root = document.createElement('div');
      root.className = rule ? 'root first-frame' : 'root';
      root.dataset.theme = 'light';
      const article = document.createElement('article');
      const content = document.createElement('div');
      content.className = 'content';
      content.append(document.importNode(parsed.body, true));
      article.append(content);
      root.append(article);
      shadow.append(root);
      const start = performance.now();
      document.body.append(host);
      void host.scrollHeight; // the layout that opening the view forces
      const laidOut = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          const painted = performance.now();
          host.remove();
          resolve({ layout: laidOut - start, painted: painted - start });
        }, 0),
      );
    });
  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
  const on = [];
  const off = [];
  for (let i = 0; i < runs; i++) {
    off.push(await open(false));
    on.push(await open(true));
  }
  return {
    chars: parsed.body.textContent.length,
    offLayout: median(off.map((r) => r.layout)),
    onLayout: median(on.map((r) => r.layout)),
    offPainted: median(off.map((r) => r.painted)),
    onPainted: median(on.map((r) => r.painted)),
  };
}

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`# first frame of the reader view, ${articles.length} articles of Mozilla's corpus, ${RUNS} openings each with and without the rule; load average ${load()}`);
console.log('# article                          chars   layout off → on   painted off → on (ms)');
const rows = [];
for (const { name } of articles) {
  const html = fs.readFileSync(path.join(corpus, name, 'expected.html'), 'utf8');
  const row = { name, ...(await page.evaluate(measure, { html, runs: RUNS })) };
  rows.push(row);
  const f = (v) => v.toFixed(1).padStart(6);
  console.log(`# ${name.slice(0, 30).padEnd(30)} ${String(row.chars).padStart(7)}   ${f(row.offLayout)} → ${f(row.onLayout)}   ${f(row.offPainted)} → ${f(row.onPainted)}`);
}
await browser.close();

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const figures = (values) => `median ${quantile(values, 0.5).toFixed(1)}, p95 ${quantile(values, 0.95).toFixed(1)}`;
console.log(`# forced layout: without the rule ${figures(rows.map((r) => r.offLayout))}; with it ${figures(rows.map((r) => r.onLayout))}`);
console.log(`# painted: without the rule ${figures(rows.map((r) => r.offPainted))}`);
for (const min of [0, 3000, 6000, 10000, 20000]) {
  console.log(`# painted, the rule on articles over ${min} characters: ${figures(rows.map((r) => (r.chars > min ? r.onPainted : r.offPainted)))}`);
}
console.log(`# load average at the end ${load()}`);
