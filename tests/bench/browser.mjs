// The browser benchmark of issue 9 (figures, not pass/fail): every page of the Readability
// corpus and a fixed sample of WCXB, served from 127.0.0.1 and opened in Debian's Chromium with
// the built extension. Per page:
//   - click → painted reader view, with the page served plainly and under a strict CSP (no
//     'wasm-unsafe-eval'), split with the timings the extension records (lastOpen().engineTiming);
//   - Lector's extraction alone, as a click runs it: the page-tree walk of the live page in the
//     content script's world, plus the engine on that tree (with the live page's signals) in an
//     extension page of the same build, as the offscreen document runs it; each timed alone
//     (several runs, the median), messaging left out. The `copy` column is the route before
//     the live page tree: a DOMParser copy of the page's markup, walked, then the engine;
//   - Readability.js 0.6 (npm) in the same page, as Firefox uses it: clone the document, parse;
//   - the floor: one TreeWalker pass over the page's DOM that reads every text node.
// Prints a table, the medians and 95th percentiles, the machine, and writes
// docs/bench/browser-latest.{txt,json,svg}.
//
//   ./build.sh bench browser [--pages N] [--filter TEXT] [--no-wcxb] [--wcxb-step N] [--runs N]
//                            [--clicks N] [--extension DIR] [--out PREFIX]
//
// --pages N takes the first N pages of each corpus; --filter keeps pages whose name contains
// TEXT; --runs sets the timed runs of extraction, Readability.js and the floor (default 5);
// --clicks the clicks per page and CSP (default 1: the first click, scripts injected by it).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { launchBrowser, inExtensionWorld, STRICT_CSP, ROOT, corporaDir } from '../e2e/harness.mjs';
import { collectSignals } from '../e2e/signals-reference.mjs';

const options = parseArgs(process.argv.slice(2));
const BENCH_DIR = path.join(ROOT, 'target/bench');

function parseArgs(argv) {
  const o = { pages: Infinity, filter: '', wcxb: true, wcxbStep: 15, runs: 5, clicks: 1, extension: path.join(ROOT, 'dist/chrome'), out: path.join(ROOT, 'docs/bench/browser-latest') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--pages') o.pages = Number(value());
    else if (arg === '--filter') o.filter = value();
    else if (arg === '--no-wcxb') o.wcxb = false;
    else if (arg === '--wcxb-step') o.wcxbStep = Number(value());
    else if (arg === '--runs') o.runs = Number(value());
    else if (arg === '--clicks') o.clicks = Number(value());
    else if (arg === '--extension') o.extension = path.resolve(value());
    else if (arg === '--out') o.out = path.resolve(value());
    else throw new Error(`unknown option ${arg} (see the head of tests/bench/browser.mjs)`);
  }
  return o;
}

// ---- The corpora (data in ../shared, never copied) ----------------------------------------

/** [{ corpus, id, name, read() → Buffer }] in a fixed order. */
function corpusPages(corpora) {
  const pages = [];
  const readabilityDir = path.join(corpora, 'readability');
  const names = fs.readdirSync(readabilityDir).filter((n) => fs.existsSync(path.join(readabilityDir, n, 'source.html'))).sort();
  for (const id of names.slice(0, options.pages)) {
    pages.push({ corpus: 'readability', id, read: () => fs.readFileSync(path.join(readabilityDir, id, 'source.html')) });
  }
  const wcxbDir = path.join(corpora, 'wcxb-dev/html');
  if (options.wcxb && fs.existsSync(wcxbDir)) {
    // Every step-th page by id: the same fixed sample as the native benchmark's.
    const ids = fs.readdirSync(wcxbDir).filter((n) => n.endsWith('.html.gz')).map((n) => n.slice(0, -'.html.gz'.length)).sort();
    const sample = ids.filter((_, i) => i % options.wcxbStep === 0).slice(0, options.pages);
    for (const id of sample) pages.push({ corpus: 'wcxb', id, read: () => zlib.gunzipSync(fs.readFileSync(path.join(wcxbDir, `${id}.html.gz`))) });
  } else if (options.wcxb) {
    console.log(`# SKIPPED wcxb-dev: no ${wcxbDir}`);
  }
  for (const p of pages) p.name = `${p.corpus}/${p.id}`;
  return pages.filter((p) => p.name.includes(options.filter));
}

// ---- The server ----------------------------------------------------------------------------

/** Serves /plain/<corpus>/<id>/ and /strict/<corpus>/<id>/ (the strict CSP of the e2e tests). */
async function startServer(pages) {
  const byName = new Map(pages.map((p) => [p.name, p]));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const match = url.pathname.match(/^\/(plain|strict)\/(\w+\/[\w.-]+)\/$/);
    const page = match && byName.get(match[2]);
    if (!page) {
      res.writeHead(url.pathname === '/csp-report' ? 204 : 404).end();
      return;
    }
    // The Readability pages are UTF-8 (Mozilla's generator wrote them); WCXB pages are sniffed
    // from their own <meta charset>, as the browser would.
    const type = page.corpus === 'readability' ? 'text/html; charset=utf-8' : 'text/html';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (match[1] === 'strict') headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(page.read());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// ---- The extension: the built one plus a page that times the engine alone ------------------

/**
 * A copy of the built extension with one more page, bench.html, which loads the same engine
 * glue and wasm the offscreen document loads. Everything else is byte for byte the build.
 */
function benchExtension() {
  if (!fs.existsSync(path.join(options.extension, 'manifest.json'))) throw new Error(`no built extension in ${options.extension}: run ./build.sh first`);
  const dir = path.join(BENCH_DIR, 'chrome');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(options.extension, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>Lector bench</title>\n<script src="engine/lector.js"></script>\n<script src="shared/page-tree.js"></script>\n<script src="bench.js"></script>\n');
  fs.writeFileSync(path.join(dir, 'bench.js'), `/* global wasm_bindgen, lectorPageTree */
// The engine as offscreen/offscreen.js runs it: parse a copy, extract (the walk that hands the
// copy to the wasm, then the wasm, which only reads it). Each a median over runs; see timeRuns
// in tests/bench/browser.mjs.
let ready = null;
${timeRuns}
/** The engine on a page tree walked in the page, as offscreen/offscreen.js runs it. */
globalThis.benchEngine = async ({ tree, strings, url, signals, runs }) => {
  ready ??= wasm_bindgen({ module_or_path: chrome.runtime.getURL('engine/lector_bg.wasm') });
  await ready;
  const treeArray = Uint32Array.from(tree);
  const extract = timeRuns(() => lectorExtract(wasm_bindgen, treeArray, strings, url, signals), runs); // eslint-disable-line no-undef
  const article = extract.result;
  return { engineMs: extract.ms, article: Boolean(article), words: article?.wordCount ?? 0 };
};
/** The route before the live page tree: parse a copy of the markup, walk it, extract. */
globalThis.benchExtract = async ({ html, shadow, url, signals, runs }) => {
  ready ??= wasm_bindgen({ module_or_path: chrome.runtime.getURL('engine/lector_bg.wasm') });
  await ready;
  const parseCopy = () => shadow && typeof Document.parseHTMLUnsafe === 'function'
    ? Document.parseHTMLUnsafe(html)
    : new DOMParser().parseFromString(html, 'text/html');
  const parse = timeRuns(parseCopy, runs);
  const copy = parse.result;
  // Builds before the page-tree walk (no shared/page-tree.js) take the document itself.
  const extract = typeof lectorPageTree === 'function'
    ? timeRuns(() => {
      const { tree, strings } = lectorPageTree(copy, false);
      // Builds since the engine takes its signals as numbers and returns JSON go through the shell's helper.
      return typeof lectorExtract === 'function'
        ? lectorExtract(wasm_bindgen, tree, strings, url, signals) // eslint-disable-line no-undef
        : wasm_bindgen.extract(tree, strings, url, signals);
    }, runs)
    : timeRuns(() => wasm_bindgen.extract(copy, url, signals, false), runs);
  const article = extract.result;
  return { parseMs: parse.ms, extractMs: extract.ms, article: Boolean(article), words: article?.wordCount ?? 0 };
};
`);
  return dir;
}

// ---- In the page ---------------------------------------------------------------------------

/**
 * `runs` timings of `fn`, the median per call. Pages' clocks tick in 0.1 ms steps, so a run
 * that takes less than 3 ms repeats the call until it has taken 3 ms and counts the mean.
 * Defined here, used in the page and in the bench extension page (hence self-contained).
 */
function timeRuns(fn, runs) {
  const perCall = [];
  let result;
  for (let r = 0; r < runs; r++) {
    let calls = 0;
    let elapsed;
    const t0 = performance.now();
    do {
      result = fn();
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < 3);
    perCall.push(elapsed / calls);
  }
  perCall.sort((a, b) => a - b);
  const mid = perCall.length >> 1;
  return { ms: perCall.length % 2 ? perCall[mid] : (perCall[mid - 1] + perCall[mid]) / 2, result };
}

/** Main world: elements, the TreeWalker floor and Readability.js. */
function pageFigures(runs, timeRuns) {
  const walk = () => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let nodes = 0;
    let chars = 0;
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) chars += node.data.length;
      nodes++;
    }
    return { nodes, chars };
  };
  const floor = timeRuns(walk, runs);
  const readability = timeRuns(() => new globalThis.__benchReadability(document.cloneNode(true)).parse(), runs);
  return {
    elements: document.getElementsByTagName('*').length,
    nodes: floor.result.nodes,
    textChars: floor.result.chars,
    floorMs: floor.ms,
    readabilityMs: readability.ms,
    readabilityArticle: Boolean(readability.result),
  };
}

/**
 * Extension world: the page tree of the live page as content.js walks it for the engine, its
 * signals (computed styles) taken in the same walk as a click takes them (the walk timed over
 * runs); and its markup for the copy route.
 */
function pageInput(runs, timeRuns) {
  // eslint-disable-next-line no-undef
  const walk = timeRuns(() => lectorPageTree(document, true, LectorReaderView.ownHosts(), true), runs);
  const { tree, strings, signals } = walk.result;
  return { ...pageCopy(), tree: Array.from(tree), strings, signals, walkMs: walk.ms };
}

/** Extension world: the live page's signals and markup, as content.js sent them for the copy route. */
function pageCopy() {
  const t0 = performance.now();
  const shadowRoots = [];
  const signals = collectSignals(document, shadowRoots);
  const t1 = performance.now();
  const root = document.documentElement;
  let html;
  if (!shadowRoots.length || typeof root.getHTML !== 'function') html = root.outerHTML;
  else {
    const shell = root.cloneNode(false).outerHTML;
    const end = shell.lastIndexOf('</');
    html = shell.slice(0, end) + root.getHTML({ shadowRoots }) + shell.slice(end);
  }
  return { signals, html, shadow: shadowRoots.length > 0, url: location.href, signalsMs: t1 - t0, serializeMs: performance.now() - t1 };
}

/** Extension world: the last opening of the reader view, or a notice, or nothing yet. */
function openedState() {
  // A script-level binding of the content scripts, not a property of globalThis.
  const open = typeof LectorReaderView === 'undefined' ? null : LectorReaderView.lastOpen(); // eslint-disable-line no-undef
  const notice = document.querySelector('lector-notice');
  return { open: open && open.timing.painted ? open : null, notice: Boolean(notice), reader: Boolean(document.querySelector('lector-reader')) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Clicks the toolbar button and waits for the painted view (or a notice): one timed click. */
async function timedClick(browser, page, previousOpened) {
  const clicked = performance.timeOrigin + performance.now();
  await browser.click(page);
  const deadline = Date.now() + 20000;
  for (;;) {
    const state = await inExtensionWorld(page, openedState);
    if (state?.open && state.open.timing.opened !== previousOpened) {
      const { timing, engineTiming: e = {}, timeOrigin } = state.open;
      const at = (t) => timeOrigin + t - clicked;
      const total = at(timing.painted);
      const read = (e.signalsMs ?? 0) + (e.serializeMs ?? 0);
      const extract = (e.parseMs ?? 0) + (e.extractMs ?? 0);
      const messaging = e.roundTripMs !== undefined ? e.roundTripMs - (e.parseMs ?? 0) - (e.extractMs ?? 0) : 0;
      const inject = at(timing.started);
      const render = timing.painted - timing.opened;
      return {
        totalMs: total,
        injectMs: inject,
        readMs: read,
        messagingMs: messaging,
        extractMs: extract,
        otherMs: timing.opened - timing.started - read - (e.roundTripMs ?? extract),
        renderMs: render,
        route: state.open.route,
        opened: timing.opened,
      };
    }
    if (state?.notice && !state.reader) return { notice: true };
    if (Date.now() > deadline) throw new Error('no reader view and no notice within 20 s');
    await sleep(15);
  }
}

async function closeReader(browser, page) {
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'), null, { timeout: 10000 });
}

/**
 * Loads a page, clicks `clicks` times (closing between): the median click and its split.
 * Then `after(page)`, on the page as it was (the reader view closed, the scripts injected).
 */
async function clickToPaint(browser, url, after = async () => {}) {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    const clicks = [];
    let previous = null;
    for (let i = 0; i < options.clicks; i++) {
      const result = await timedClick(browser, page, previous);
      if (result.notice) {
        clicks.length = 0;
        clicks.push(result);
        break;
      }
      clicks.push(result);
      previous = result.opened;
      await closeReader(browser, page);
    }
    clicks.sort((a, b) => a.totalMs - b.totalMs);
    await after(page);
    return clicks[(clicks.length - 1) >> 1];
  } finally {
    await page.close();
  }
}

// ---- Statistics, machine, output -----------------------------------------------------------

function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length, Math.max(1, Math.ceil(q * v.length))) - 1];
}
const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

function machine(browserVersion) {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    chromium: browserVersion,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

const fmt = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

function printTable(rows) {
  const header = ['page', 'elems', 'lector', 'copy', 'readab.', 'L/R', 'floor', '×floor', 'click', 'strict'];
  const widths = [34, 6, 7, 7, 8, 6, 6, 7, 7, 7];
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
  console.log('# ms per page; lector = the live page tree walk + the engine on it (medians of runs), copy = the');
  console.log('# route before it (DOMParser copy, walk, engine);');
  console.log('# readab. = Readability.js clone + parse; L/R = lector / readab.; floor = TreeWalker pass;');
  console.log('# click / strict = click → painted reader view, plain page / strict-CSP page ("none": no article)');
  console.log(line(header));
  for (const r of rows) {
    if (r.error) {
      console.log(line([r.name.slice(0, widths[0]), '', '', '', '', '', '', '', '', '']) + `  error: ${r.error}`);
      continue;
    }
    const click = (c) => (c?.notice ? 'none' : fmt(c?.totalMs, 0));
    console.log(line([r.name.slice(0, widths[0]), r.elements, fmt(r.lectorMs, 2), fmt(r.lectorCopyRouteMs, 2), fmt(r.readabilityMs, 2), fmt(r.ratio, 2), fmt(r.floorMs, 2), fmt(r.timesFloor, 0), click(r.plain), click(r.strict)]));
  }
  const ok = rows.filter((r) => !r.error);
  for (const [label, f] of [['median', median], ['p95', (v) => quantile(v, 0.95)]]) {
    const col = (g) => f(ok.map(g));
    console.log(line([label, fmt(col((r) => r.elements), 0), fmt(col((r) => r.lectorMs), 2), fmt(col((r) => r.lectorCopyRouteMs), 2), fmt(col((r) => r.readabilityMs), 2), fmt(col((r) => r.ratio), 2), fmt(col((r) => r.floorMs), 2), fmt(col((r) => r.timesFloor), 0), fmt(col((r) => r.plain?.totalMs), 0), fmt(col((r) => r.strict?.totalMs), 0)]));
  }
}

function summarize(rows) {
  const ok = rows.filter((r) => !r.error);
  const col = (g) => ok.map(g);
  const stat = (g) => ({ median: median(col(g)), p95: quantile(col(g), 0.95) });
  const clicks = (mode) => ok.map((r) => r[mode]).filter((c) => c && !c.notice);
  const split = (mode) => Object.fromEntries(['totalMs', 'injectMs', 'readMs', 'messagingMs', 'extractMs', 'otherMs', 'renderMs'].map((k) => [k, { median: median(clicks(mode).map((c) => c[k])), p95: quantile(clicks(mode).map((c) => c[k]), 0.95) }]));
  const lector = stat((r) => r.lectorMs);
  const readability = stat((r) => r.readabilityMs);
  return {
    pages: ok.length,
    errors: rows.length - ok.length,
    lectorExtractMs: lector,
    lectorWalkMs: stat((r) => r.lectorWalkMs),
    lectorEngineMs: stat((r) => r.lectorEngineMs),
    lectorCopyRouteMs: stat((r) => r.lectorCopyRouteMs),
    readabilityMs: readability,
    floorMs: stat((r) => r.floorMs),
    ratioLectorOverReadability: stat((r) => r.ratio),
    // The "n× faster": Readability.js time over Lector time, at the median and at p95
    // of each one's distribution over the pages.
    speedupAtMedian: readability.median / lector.median,
    speedupAtP95: readability.p95 / lector.p95,
    timesFloor: stat((r) => r.timesFloor),
    clickToPaint: { plain: split('plain'), strict: split('strict') },
    noArticle: { plain: ok.filter((r) => r.plain?.notice).length, strict: ok.filter((r) => r.strict?.notice).length },
    byCorpus: Object.fromEntries(
      [...new Set(ok.map((r) => r.corpus))].map((corpus) => {
        const mine = ok.filter((r) => r.corpus === corpus);
        const of = (g) => ({ median: median(mine.map(g)), p95: quantile(mine.map(g), 0.95) });
        return [corpus, { pages: mine.length, lectorExtractMs: of((r) => r.lectorMs), readabilityMs: of((r) => r.readabilityMs), floorMs: of((r) => r.floorMs), clickPlainMs: of((r) => r.plain?.totalMs), clickStrictMs: of((r) => r.strict?.totalMs) }];
      }),
    ),
  };
}

/** Per-page times, Lector beside Readability.js (and the floor), on a log scale; pages sorted by Readability.js time. */
function svgPlot(rows, summary, info) {
  const ok = rows.filter((r) => !r.error && r.readabilityMs > 0).sort((a, b) => a.readabilityMs - b.readabilityMs);
  const W = 900;
  const H = 480;
  const left = 72;
  const right = 20;
  const top = 50;
  const bottom = 60;
  const all = ok.flatMap((r) => [r.lectorMs, r.readabilityMs, r.floorMs]).filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const x = (i) => left + ((i + 0.5) * (W - left - right)) / ok.length;
  const y = (v) => top + (H - top - bottom) * (1 - (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${left}" y="20" font-size="14" font-weight="bold">Per-page time in Chromium: Lector's extraction vs Readability.js 0.6 (log scale)</text>`);
  out.push(`<text x="${left}" y="38" fill="#555">${ok.length} pages, sorted by Readability.js time; ${info.date}, ${info.machine.cores} cores ${escapeXml(info.machine.cpu)}, ${escapeXml(info.machine.chromium)}</text>`);
  for (let e = Math.log10(lo); e <= Math.log10(hi); e++) {
    const v = 10 ** e;
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v : v.toFixed(-e)} ms</text>`);
  }
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${H - bottom}" stroke="#333"/>`);
  out.push(`<text x="${(left + W - right) / 2}" y="${H - 30}" text-anchor="middle">pages (readability corpus and WCXB sample)</text>`);
  const series = [
    ['floor (TreeWalker pass)', '#9a9a9a', (r) => r.floorMs, 2],
    ['Readability.js (clone + parse)', '#e07b00', (r) => r.readabilityMs, 2.6],
    ['Lector (live page walk + engine)', '#1f5fbf', (r) => r.lectorMs, 2.6],
  ];
  for (const [, color, value, radius] of series) {
    for (const [i, r] of ok.entries()) out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(value(r)).toFixed(1)}" r="${radius}" fill="${color}" fill-opacity="0.8"/>`);
  }
  series.forEach(([label, color], i) => {
    const lx = left + 10 + i * 260;
    out.push(`<circle cx="${lx}" cy="${H - 12}" r="5" fill="${color}"/><text x="${lx + 10}" y="${H - 8}">${escapeXml(label)}</text>`);
  });
  const s = summary;
  out.push(`<text x="${W - right}" y="${top + 14}" text-anchor="end" fill="#333">medians: Lector ${fmt(s.lectorExtractMs.median, 2)} ms, Readability.js ${fmt(s.readabilityMs.median, 2)} ms, floor ${fmt(s.floorMs.median, 2)} ms</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** JSON replacer: milliseconds to 0.01 ms (the clocks tick in 0.1 ms), ratios to 3 figures. */
function roundNumbers(_key, value) {
  if (typeof value !== 'number' || Number.isInteger(value) || !Number.isFinite(value)) return value;
  return Math.abs(value) >= 1 ? Math.round(value * 100) / 100 : Number(value.toPrecision(3));
}

function escapeXml(text) {
  return String(text).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
}

// ---- Main ----------------------------------------------------------------------------------

async function main() {
  // Everything printed also goes to <out>.txt beside the JSON and the plot.
  const printed = [];
  const log = console.log;
  console.log = (...args) => {
    printed.push(args.join(' '));
    log(...args);
  };
  const corpora = corporaDir();
  if (!corpora) {
    console.log('SKIPPED: no shared corpora (set LECTOR_CORPORA, or put them at ../shared/corpus)');
    return;
  }
  const pages = corpusPages(corpora);
  const readabilitySource = fs.readFileSync(path.join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
  const readabilityVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@mozilla/readability/package.json'), 'utf8')).version;
  // A page's own scripts may define `Readability`: ours is kept under a name of its own.
  const readabilityScript = `${readabilitySource}\nglobalThis.__benchReadability = Readability;`;
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const server = await startServer(pages);
  const browser = await launchBrowser({ extension: benchExtension(), pictures: 'jpeg' });
  const started = Date.now();
  const loadAtStart = os.loadavg();
  const benchPage = await browser.context.newPage();
  await benchPage.goto(`chrome-extension://${browser.extensionId}/bench.html`);
  const info = { date: new Date().toISOString().slice(0, 10), machine: machine(browser.context.browser().version()), readability: readabilityVersion };
  console.log(`# browser benchmark: ${pages.length} pages from ${corpora}; ${options.runs} runs per measure, ${options.clicks} click(s) per page and CSP`);
  console.log(`# machine: ${info.machine.cores} cores, ${info.machine.cpu}, ${info.machine.memoryGB} GB, ${info.machine.os}; Chromium ${info.machine.chromium}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);

  const rows = [];
  for (const [index, p] of pages.entries()) {
    const row = { name: p.name, corpus: p.corpus };
    try {
      // The plain page: the timed click, then on the same page (view closed, as it was) the
      // engine alone on its copy, Readability.js and the floor.
      row.plain = await clickToPaint(browser, `${server.base}/plain/${p.name}/`, async (page) => {
        const copy = await inExtensionWorld(page, `(runs) => { const collectSignals = ${collectSignals}; const pageCopy = ${pageCopy}; return (${pageInput})(runs, ${timeRuns}); }`, options.runs);
        const engine = await benchPage.evaluate((args) => globalThis.benchEngine(args), { tree: copy.tree, strings: copy.strings, url: copy.url, signals: copy.signals, runs: options.runs });
        const copyRoute = await benchPage.evaluate((args) => globalThis.benchExtract(args), { html: copy.html, shadow: copy.shadow, url: copy.url, signals: copy.signals, runs: options.runs });
        const lectorMs = copy.walkMs + engine.engineMs;
        // Evaluated through CDP, which a page's own CSP (even a <meta> one) does not block.
        await page.evaluate(readabilityScript);
        const figures = await page.evaluate(`(${pageFigures})(${options.runs}, ${timeRuns})`);
        Object.assign(row, figures, {
          htmlBytes: Buffer.byteLength(copy.html),
          lectorMs,
          lectorWalkMs: copy.walkMs,
          lectorEngineMs: engine.engineMs,
          lectorCopyRouteMs: copyRoute.parseMs + copyRoute.extractMs,
          lectorArticle: engine.article,
          lectorWords: engine.words,
          ratio: lectorMs / figures.readabilityMs,
          timesFloor: lectorMs / figures.floorMs,
        });
      });
      row.strict = await clickToPaint(browser, `${server.base}/strict/${p.name}/`);
    } catch (error) {
      row.error = String(error?.message || error).split('\n')[0];
    }
    rows.push(row);
    const done = index + 1;
    if (done % 10 === 0 || done === pages.length) process.stderr.write(`# ${done}/${pages.length} pages, ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  await browser.close();
  await server.close();

  info.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
  info.seconds = Math.round((Date.now() - started) / 1000);
  printTable(rows);
  const summary = summarize(rows);
  const s = summary;
  const c = s.clickToPaint;
  console.log(`\n# ${s.pages} pages measured, ${s.errors} failed to load or time`);
  console.log(`# extraction: Lector ${fmt(s.lectorExtractMs.median, 2)} ms median / ${fmt(s.lectorExtractMs.p95, 2)} ms p95 (walk ${fmt(s.lectorWalkMs.median, 2)} / ${fmt(s.lectorWalkMs.p95, 2)}, engine ${fmt(s.lectorEngineMs.median, 2)} / ${fmt(s.lectorEngineMs.p95, 2)}; the copy route: ${fmt(s.lectorCopyRouteMs.median, 2)} / ${fmt(s.lectorCopyRouteMs.p95, 2)}); Readability.js ${readabilityVersion} ${fmt(s.readabilityMs.median, 2)} / ${fmt(s.readabilityMs.p95, 2)} ms`);
  console.log(`# Readability.js time / Lector time: ${fmt(s.speedupAtMedian, 2)}× at the median, ${fmt(s.speedupAtP95, 2)}× at p95 (target ≥5× and ≥3×); per page Lector/Readability median ${fmt(s.ratioLectorOverReadability.median, 2)}, p95 ${fmt(s.ratioLectorOverReadability.p95, 2)}`);
  console.log(`# floor (TreeWalker pass) ${fmt(s.floorMs.median, 2)} ms median / ${fmt(s.floorMs.p95, 2)} ms p95; Lector's extraction = ${fmt(s.timesFloor.median, 0)}× the floor at the median, ${fmt(s.timesFloor.p95, 0)}× at p95 (aim ≤5×)`);
  for (const mode of ['plain', 'strict']) {
    const m = c[mode];
    const part = (k) => `${fmt(m[k].median, 0)}/${fmt(m[k].p95, 0)}`;
    console.log(`# click → painted (${mode}${mode === 'strict' ? ' CSP' : ''}), median/p95 ms: total ${part('totalMs')} = inject ${part('injectMs')} + read page ${part('readMs')} + messaging ${part('messagingMs')} + extract ${part('extractMs')} + other ${part('otherMs')} + render ${part('renderMs')}; no article on ${s.noArticle[mode]} pages (target <100 ms p95)`);
  }
  for (const [corpus, k] of Object.entries(s.byCorpus)) {
    const mp = (x) => `${fmt(x.median, 2)}/${fmt(x.p95, 2)}`;
    console.log(`# ${corpus} (${k.pages} pages), median/p95 ms: Lector ${mp(k.lectorExtractMs)}, Readability.js ${mp(k.readabilityMs)}, floor ${mp(k.floorMs)}, click ${mp(k.clickPlainMs)}, strict ${mp(k.clickStrictMs)}`);
  }
  console.log(`# strict CSP / plain, click → painted: ${fmt(c.strict.totalMs.median / c.plain.totalMs.median, 2)}× at the median, ${fmt(c.strict.totalMs.p95 / c.plain.totalMs.p95, 2)}× at p95`);
  console.log(`# machine: ${info.machine.cores} cores, ${info.machine.cpu}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${info.machine.loadAverageAtEnd.join(' ')} at the end; ${info.seconds} s`);

  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(`${options.out}.json`, JSON.stringify({ ...info, options: { ...options, pages: Number.isFinite(options.pages) ? options.pages : 'all', extension: path.relative(ROOT, options.extension), out: path.relative(ROOT, options.out) }, summary, pages: rows }, roundNumbers, 1) + '\n');
  fs.writeFileSync(`${options.out}.svg`, svgPlot(rows, summary, info));
  fs.writeFileSync(`${options.out}.txt`, printed.join('\n') + '\n');
  console.log(`# wrote ${path.relative(ROOT, options.out)}.txt, .json and .svg`);
}

await main();
