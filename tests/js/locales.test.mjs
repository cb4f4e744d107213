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
