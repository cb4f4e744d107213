// Where the wasm engine spends its time in the browser (figures, not pass/fail): Chromium's
// sampling profiler over the engine call as the offscreen document makes it (lectorExtract on
// a page tree), on every page of Mozilla's corpus, parsed and walked once beforehand.
// Prints the functions with the most self time, wasm and JavaScript alike.
//
// The shipped wasm has no function names, so this makes a copy of the built extension whose
// wasm keeps them: the same cargo output bound by wasm-bindgen without --remove-name-section
// and optimised by wasm-opt with the same flags plus -g. Run `./build.sh build` first.
//
//   node tests/bench/engine-profile.mjs [--rounds N] [--top N]
//
// --rounds: passes over the corpus while profiling (default 5); --top: rows printed (default 30).

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, ROOT, corporaDir } from '../e2e/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ROUNDS = option('--rounds', 5);
const TOP = option('--top', 30);

const corpora = corporaDir();
if (!corpora) {
  console.log('SKIPPED: no shared corpora (set LECTOR_CORPORA, or put them at ../shared/corpus)');
  process.exit(0);
}
const wasm = path.join(ROOT, 'target/wasm/wasm32-unknown-unknown/release/lector.wasm');
const built = path.join(ROOT, 'dist/chrome');
if (!fs.existsSync(wasm) || !fs.existsSync(path.join(built, 'manifest.json'))) {
  console.error('no built engine or extension: run ./build.sh build first');
  process.exit(1);
}

// ---- the copy of the extension with a named wasm and a page that runs the engine ----
const dir = path.join(ROOT, 'target/bench/profile');
const bound = path.join(dir, 'bound');
fs.rmSync(dir, { recursive: true, force: true });
fs.cpSync(built, path.join(dir, 'chrome'), { recursive: true });
execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-dir', bound, '--out-name', 'lector', wasm]);
const wasmOpt = path.join(ROOT, 'node_modules/.bin/wasm-opt');
const named = path.join(dir, 'chrome/engine/lector_bg.wasm');
if (fs.existsSync(wasmOpt)) execFileSync(wasmOpt, ['-Oz', '--converge', '-g', path.join(bound, 'lector_bg.wasm'), '-o', named]);
else fs.copyFileSync(path.join(bound, 'lector_bg.wasm'), named);
fs.writeFileSync(path.join(dir, 'chrome/profile.html'), '<!doctype html><meta charset="utf-8"><title>Lector profile</title>\n<script src="engine/lector.js"></script>\n<script src="shared/page-tree.js"></script>\n<script src="profile.js"></script>\n');
fs.writeFileSync(path.join(dir, 'chrome/profile.js'), `/* global wasm_bindgen, lectorPageTree, lectorExtract */
let trees = [];
globalThis.prepare = async (pages) => {
  await wasm_bindgen({ module_or_path: chrome.runtime.getURL('engine/lector_bg.wasm') });
  trees = pages.map(({ html, url }) => ({ ...lectorPageTree(new DOMParser().parseFromString(html, 'text/html'), false), url }));
  return trees.length;
};
globalThis.extractAll = (rounds) => {
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of trees) lectorExtract(wasm_bindgen, t.tree, t.strings, t.url, null);
  return performance.now() - started;
};
`);

// ---- the run ----
const corpus = path.join(corpora, 'readability');
const pages = fs
  .readdirSync(corpus)
  .filter((name) => fs.existsSync(path.join(corpus, name, 'source.html')))
  .sort()
  .map((name) => ({ html: fs.readFileSync(path.join(corpus, name, 'source.html'), 'utf8'), url: `http://fakehost/test/${name}.html` }));
const browser = await launchBrowser({ extension: path.join(dir, 'chrome') });
try {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/profile.html`);
  await page.evaluate((list) => globalThis.prepare(list), pages);
  await page.evaluate(() => globalThis.extractAll(1)); // warm-up: compiled, caches filled
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  const ms = await page.evaluate((rounds) => globalThis.extractAll(rounds), ROUNDS);
  const { profile } = await session.send('Profiler.stop');

  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const name = frame.functionName || `(${path.basename(frame.url) || 'anonymous'})`;
    self.set(name, (self.get(name) ?? 0) + profile.timeDeltas[i]);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`# engine profile: ${pages.length} pages × ${ROUNDS} rounds, ${(ms / (pages.length * ROUNDS)).toFixed(2)} ms per call on average; load average ${load}`);
  console.log('# self time, share of all samples; names without crate hashes');
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${name.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 140)}`);
  }
} finally {
  await browser.close();
}
