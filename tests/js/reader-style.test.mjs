// WCAG AA contrast in every reader theme, computed from the colours the stylesheet is built
// from (extension/reader/style.js), and the stylesheet's promises: system fonts only, no
// remote resources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const context = vm.createContext({});
vm.runInContext(
  `${fs.readFileSync(path.join(ROOT, 'extension/reader/style.js'), 'utf8')}\nthis.out = { LECTOR_READER_CSS, LECTOR_READER_THEMES, LECTOR_READER_FONTS };`,
  context,
);
const { LECTOR_READER_CSS: CSS, LECTOR_READER_THEMES: THEMES, LECTOR_READER_FONTS: FONTS } = context.out;

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum]: 4.5 for text, 3 for focus rings and the progress bar. */
const PAIRS = [
  ['fg', 'bg', 4.5], ['muted', 'bg', 4.5], ['link', 'bg', 4.5],
  ['fg', 'code', 4.5], ['link', 'code', 4.5], ['muted', 'code', 4.5],
  ['fg', 'panel', 4.5], ['muted', 'panel', 4.5],
  ['accent', 'bg', 3], ['accent', 'panel', 3],
];

test('every theme has every colour, as #rrggbb', () => {
  assert.deepEqual(Object.keys(THEMES).sort(), ['dark', 'light', 'sepia']);
  for (const [name, theme] of Object.entries(THEMES)) {
    for (const key of ['bg', 'fg', 'muted', 'link', 'accent', 'rule', 'code', 'panel']) {
      assert.match(theme[key] ?? '', /^#[0-9a-f]{6}$/i, `${name}.${key}`);
    }
  }
});

test('WCAG AA contrast in every theme (text 4.5:1, focus ring and progress 3:1)', () => {
  const rows = [];
  for (const [name, theme] of Object.entries(THEMES)) {
    for (const [fg, bg, min] of PAIRS) {
      const ratio = contrast(theme[fg], theme[bg]);
      rows.push(`${name.padEnd(6)} ${`${fg}/${bg}`.padEnd(13)} ${ratio.toFixed(2)}:1 (needs ${min})`);
      assert.ok(ratio >= min, `${name}: ${fg} ${theme[fg]} on ${bg} ${theme[bg]} is ${ratio.toFixed(2)}:1, below ${min}:1`);
    }
  }
  console.log(`contrast ratios:\n${rows.join("\n")}`);
});

test('links stand apart from body text without relying on colour alone', () => {
  assert.match(CSS, /\.content a \{[^}]*text-decoration-thickness/, 'article links are underlined');
});

test('system fonts only: nothing downloaded, nothing remote', () => {
  assert.doesNotMatch(CSS, /@font-face|@import|url\(/i);
  for (const [name, stack] of Object.entries(FONTS)) {
    assert.match(stack, /(serif|sans-serif|monospace)$/, `${name} ends in a generic family`);
  }
});

test('every theme and the auto theme are styled', () => {
  for (const theme of ['light', 'sepia', 'dark']) assert.ok(CSS.includes(`.root[data-theme="${theme}"]`), theme);
  assert.match(CSS, /@media \(prefers-color-scheme: dark\) \{ \.root\[data-theme="auto"\]/);
  for (const font of Object.keys(FONTS)) assert.ok(CSS.includes(`.root[data-font="${font}"]`), font);
});
