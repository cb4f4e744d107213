// Every user-visible string goes through chrome.i18n: each key the extension asks for exists in
// every locale, with the same placeholders, and the manifest's __MSG_ names resolve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES = path.join(ROOT, 'extension/_locales');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_locales' ? [] : sourceFiles(full);
    return /\.(js|html)$/.test(entry.name) ? [full] : [];
  });
}

const locales = Object.fromEntries(
  fs.readdirSync(LOCALES).map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(LOCALES, lang, 'messages.json'), 'utf8'))]),
);

/** Keys used in code: getMessage('key'), t('key'), data-i18n="key", and __MSG_key__. */
function usedKeys() {
  const keys = new Map();
  const texts = [...sourceFiles(path.join(ROOT, 'extension')), path.join(ROOT, 'manifest.json')];
  for (const file of texts) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of [/getMessage\(\s*'([A-Za-z0-9_]+)'/g, /\bt\(\s*'([A-Za-z0-9_]+)'/g, /data-i18n(?:-[a-z]+)?="([A-Za-z0-9_]+)"/g, /__MSG_([A-Za-z0-9_]+)__/g]) {
      for (const match of text.matchAll(re)) keys.set(match[1], path.relative(ROOT, file));
    }
  }
  return keys;
}

test('the default locale is English and Spanish is there too', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  assert.equal(manifest.default_locale, 'en');
  assert.ok(locales.en && locales.es, 'extension/_locales/en and es');
});

test('every key the extension uses exists in every locale', () => {
  const used = usedKeys();
  assert.ok(used.size > 10, `found only ${used.size} keys: is the scan still right?`);
  for (const [lang, messages] of Object.entries(locales)) {
    for (const [key, file] of used) assert.ok(messages[key]?.message, `${lang} lacks "${key}" (used in ${file})`);
  }
});

test('locales have the same keys and the same placeholders', () => {
  const en = locales.en;
  for (const [lang, messages] of Object.entries(locales)) {
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort(), `${lang} and en differ in keys`);
    for (const [key, entry] of Object.entries(messages)) {
      const names = (m) => [...m.matchAll(/\$([A-Z0-9_]+)\$/g)].map((x) => x[1].toLowerCase()).sort();
      assert.deepEqual(names(entry.message), names(en[key].message), `${lang}.${key} placeholders`);
      for (const name of names(entry.message)) assert.ok(entry.placeholders?.[name], `${lang}.${key} declares $${name}$`);
    }
  }
});

/**
 * A cheap guard against strings that bypass i18n: a literal with a word in it (three letters
 * or more) set as visible text or as a visible attribute, in the extension's scripts, and text
 * or visible attributes in its HTML pages on elements without data-i18n. Host names and URLs
 * (example.com) are not words. The offscreen document is never shown and is left out.
 */
const WORDY = /\p{L}{3,}/u;
const NOT_PROSE = /^[\w.-]+\.[a-z]{2,}(\/\S*)?$|^https?:/i;
const flagged = (literal) => WORDY.test(literal) && !NOT_PROSE.test(literal.trim());

const LITERAL = String.raw`(?:'([^'\\]*(?:\\.[^'\\]*)*)'|"([^"\\]*(?:\\.[^"\\]*)*)"|\`([^\`\\]*(?:\\.[^\`\\]*)*)\`)`;
const JS_PATTERNS = [
  new RegExp(String.raw`\.(?:textContent|innerText|title|placeholder|ariaLabel|alt|label)\s*=\s*${LITERAL}`, 'g'),
  new RegExp(String.raw`setAttribute\(\s*'(?:aria-label|aria-description|title|placeholder|alt)'\s*,\s*${LITERAL}`, 'g'),
  new RegExp(String.raw`(?:\btext|\btitle|\bplaceholder|'aria-label'|\balt|\blabel|\bmessage)\s*:\s*${LITERAL}`, 'g'),
  new RegExp(String.raw`\b(?:alert|confirm|prompt)\(\s*${LITERAL}`, 'g'),
];

/** Findings in one file's text; `rel` names the file and says its kind (.js or .html). */
function scanText(rel, text) {
  const found = [];
  if (rel.endsWith('.js')) {
    const code = text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const re of JS_PATTERNS) {
      for (const m of code.matchAll(re)) {
        const value = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, '');
        if (flagged(value)) found.push(`${rel}: ${m[0].slice(0, 80)}`);
      }
    }
    return found;
  }
  const html = text.replace(/<!--[\s\S]*?-->|<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '');
  for (const [, tag, attrs, inner] of html.matchAll(/<([a-z][\w-]*)([^>]*)>([^<]*)/gi)) {
    if (!/\sdata-i18n=/.test(attrs) && flagged(inner.trim())) found.push(`${rel}: <${tag}> ${inner.trim().slice(0, 60)}`);
    for (const [, name, value] of attrs.matchAll(/\s(title|placeholder|aria-label|alt)="([^"]*)"/gi)) {
      if (!new RegExp(String.raw`\sdata-i18n-${name}=`, 'i').test(attrs) && flagged(value)) found.push(`${rel}: ${name}="${value}"`);
    }
  }
  return found;
}

function hardCodedStrings() {
  return sourceFiles(path.join(ROOT, 'extension'))
    .map((file) => path.relative(ROOT, file))
    .filter((rel) => !rel.startsWith(path.join('extension', 'offscreen')))
    .flatMap((rel) => scanText(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8')));
}

test('no user-visible string bypasses i18n (a heuristic scan of scripts and pages)', () => {
  assert.deepEqual(hardCodedStrings(), []);
});

test('the scan for hard-coded strings does find them', () => {
  // The guard must be able to fail: feed it the shapes it looks for.
  const samples = [
    `button.textContent = 'Close';`,
    `el('button', { text: 'Download Markdown' });`,
    `node.setAttribute('aria-label', "Reading settings");`,
  ];
  assert.equal(scanText('probe.js', samples.join('\n')).length, samples.length);
  assert.equal(scanText('probe.html', '<button>Close</button><input placeholder="Search here">').length, 2);
  assert.deepEqual(scanText('ok.html', '<button data-i18n="close">Close</button><input placeholder="example.com">'), []);
});
