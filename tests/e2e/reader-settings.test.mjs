// Reader settings in the browser: each control of the "Aa" panel changes the view at once,
// is saved in storage.sync, survives a reload and applies to the next article; reset; a
// corrupt stored value neither breaks the view nor gets lost; "auto" follows the system.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launchBrowser, waitForReader, inReader, waitInReader, clickInReader, screenshot, OUT } from './harness.mjs';

let server;
let browser;

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const stored = () => browser.worker.evaluate(async () => (await chrome.storage.sync.get('readerSettings')).readerSettings ?? null);
const store = (value) => browser.worker.evaluate((v) => (v === null ? chrome.storage.sync.clear() : chrome.storage.sync.set({ readerSettings: v })), value);

async function openReader(name, page) {
  page ??= await browser.context.newPage();
  await page.goto(`${server.base}/plain/${name}/`, { waitUntil: 'load' });
  await browser.click(page);
  await waitForReader(page);
  return page;
}

/** What the reader shows: the settings as applied and their computed effect. */
function applied(page) {
  return inReader(page, (shadow) => {
    const root = shadow.querySelector('.root');
    const article = shadow.querySelector('article');
    const paragraph = shadow.querySelector('.content p');
    const style = getComputedStyle(root);
    return {
      theme: root.dataset.theme,
      font: root.dataset.font,
      background: style.backgroundColor,
      color: style.color,
      fontFamily: getComputedStyle(paragraph).fontFamily,
      fontSize: parseFloat(getComputedStyle(paragraph).fontSize),
      lineHeight: parseFloat(getComputedStyle(paragraph).lineHeight) / parseFloat(getComputedStyle(paragraph).fontSize),
      width: article.getBoundingClientRect().width,
      panelOpen: !shadow.querySelector('.panel').hidden,
      checked: [...shadow.querySelectorAll('.panel input:checked')].map((input) => `${input.name}=${input.value}`),
      problem: shadow.querySelector('.panel .problem')?.textContent ?? null,
    };
  });
}

const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const THEME_BG = { light: '#fdfcfa', sepia: '#f5ecd9', dark: '#1b1c1e' };

async function openPanel(page) {
  await clickInReader(page, 'button.aa');
  await waitInReader(page, (shadow) => !shadow.querySelector('.panel').hidden);
}

/** Moves a slider the way a keyboard user does: focus it, press the arrow keys. */
async function slide(page, key, steps) {
  await inReader(page, (shadow, host, k) => shadow.querySelector(`.panel input[data-setting="${k}"]`).focus(), key);
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
}

async function waitStored(predicate, what) {
  const start = Date.now();
  for (;;) {
    const value = await stored();
    if (predicate(value ?? {})) return value;
    if (Date.now() - start > 5000) assert.fail(`storage.sync never got ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('each control applies at once, is saved, survives a reload and applies to the next article', async () => {
  await store(null);
  const page = await openReader('wordpress-gutenberg-blog');
  const initial = await applied(page);
  assert.equal(initial.theme, 'auto');
  assert.equal(initial.font, 'serif');
  assert.equal(initial.fontSize, 20);
  assert.equal(initial.panelOpen, false, 'the panel starts closed');

  await openPanel(page);
  assert.deepEqual((await applied(page)).checked.sort(), ['lector-font=serif', 'lector-theme=auto']);

  // Theme: sepia, by a click on its swatch.
  await clickInReader(page, '.panel .swatch-sepia');
  let now = await applied(page);
  assert.equal(now.theme, 'sepia');
  assert.equal(now.background, rgb(THEME_BG.sepia), 'the sepia background is painted');

  // Font: sans.
  await clickInReader(page, '.panel .font-sans');
  now = await applied(page);
  assert.equal(now.font, 'sans');
  assert.match(now.fontFamily, /^system-ui/, 'the system sans stack');

  // Text size, width and line height: sliders, by keyboard.
  await slide(page, 'size', 3);
  await slide(page, 'width', 2);
  await slide(page, 'lineHeight', 4);
  now = await applied(page);
  assert.equal(now.fontSize, 23, 'text size 20 + 3');
  assert.ok(Math.abs(now.lineHeight - 1.8) < 0.01, `line height 1.6 + 4 × 0.05, got ${now.lineHeight}`);
  assert.ok(Math.abs(now.width - 36 * 23) < 2, `width 36em at 23px, got ${now.width}`);
  await screenshot(page, 'settings-sepia-sans.png');

  const saved = await waitStored((v) => v.lineHeight === 1.8 && v.width === 36, 'the slider values');
  assert.deepEqual(saved, { theme: 'sepia', font: 'sans', size: 23, width: 36, lineHeight: 1.8 });

  // A reload (a fresh content script) and a click: the same settings, before any change.
  await page.reload({ waitUntil: 'load' });
  await browser.click(page);
  await waitForReader(page);
  now = await applied(page);
  assert.deepEqual([now.theme, now.font, now.fontSize], ['sepia', 'sans', 23]);
  assert.equal(now.background, rgb(THEME_BG.sepia));

  // The next article, in another tab.
  const next = await openReader('arabic-rtl-article');
  now = await applied(next);
  assert.deepEqual([now.theme, now.font, now.fontSize], ['sepia', 'sans', 23]);
  assert.ok(Math.abs(now.lineHeight - 1.8) < 0.01);
  await next.close();
  await page.close();
});

test('dark theme, then reset: defaults applied and stored settings removed', async () => {
  await store({ theme: 'light', size: 26 });
  const page = await openReader('ghost-longform-footnotes');
  await openPanel(page);
  await clickInReader(page, '.panel .swatch-dark');
  let now = await applied(page);
  assert.equal(now.background, rgb(THEME_BG.dark));
  await waitStored((v) => v.theme === 'dark', 'theme dark');
  await clickInReader(page, '.panel .reset');
  now = await applied(page);
  assert.deepEqual([now.theme, now.font, now.fontSize], ['auto', 'serif', 20]);
  await waitStored((v) => !('theme' in v) && !('size' in v), 'the reset');
  assert.equal(await stored(), null, 'nothing of ours is left in storage');
  await page.close();
});

test('auto follows the system colour scheme', async () => {
  await store(null);
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openReader('wordpress-gutenberg-blog', page);
  assert.equal((await applied(page)).background, rgb(THEME_BG.dark));
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal((await applied(page)).background, rgb(THEME_BG.light));
  await page.close();
});

test('a corrupt stored value does not break the view and is not lost', async () => {
  await store({ theme: 'neon-green', font: 'mono', size: 'enormous', lineHeight: 9, futureSetting: { keep: true } });
  const page = await openReader('wordpress-gutenberg-blog');
  let now = await applied(page);
  assert.equal(now.theme, 'auto', 'an unknown theme shows the default');
  assert.equal(now.font, 'mono', 'the usable values are used');
  assert.equal(now.fontSize, 20, 'an unreadable size shows the default');
  assert.ok(Math.abs(now.lineHeight - 2.2) < 0.01, 'an out-of-range line height is clamped to the maximum');
  await openPanel(page);
  now = await applied(page);
  assert.match(now.problem ?? '', /Theme/, `the panel says which saved setting could not be used: ${now.problem}`);
  // Opening and reading changed nothing in storage.
  assert.deepEqual(await stored(), { theme: 'neon-green', font: 'mono', size: 'enormous', lineHeight: 9, futureSetting: { keep: true } });
  // Changing one setting replaces that one only.
  await clickInReader(page, '.panel .font-serif');
  const saved = await waitStored((v) => v.font === 'serif', 'font serif');
  assert.deepEqual(saved, { theme: 'neon-green', font: 'serif', size: 'enormous', lineHeight: 9, futureSetting: { keep: true } });
  await page.close();
  await store(null);
});

test('a change made in another tab reaches an open reader view', async () => {
  await store(null);
  const page = await openReader('wordpress-gutenberg-blog');
  await store({ theme: 'dark', size: 24 });
  await waitInReader(page, (shadow) => shadow.querySelector('.root').dataset.theme === 'dark');
  const now = await applied(page);
  assert.equal(now.fontSize, 24);
  await page.close();
  await store(null);
});
