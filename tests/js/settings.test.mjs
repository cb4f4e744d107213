// Settings export files (extension/shared/settings.js): what is accepted and what is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  exportSettingsText,
  parseSettingsFile,
  storedSites,
  SettingsFileError,
  SETTINGS_FORMAT,
} from '../../extension/shared/settings.js';

const sample = { autoSites: ['example.com', 'xn--bcher-kva.de', '127.0.0.1'], reader: { theme: 'sepia', size: 20 } };

function refused(text, key) {
  assert.throws(
    () => parseSettingsFile(text),
    (error) => error instanceof SettingsFileError && error.key === key,
    `expected ${key} for ${String(text).slice(0, 60)}`,
  );
}

test('an export reads back as the same settings', () => {
  const text = exportSettingsText(sample, new Date('2026-11-25T10:00:00Z'));
  const data = JSON.parse(text);
  assert.equal(data.format, SETTINGS_FORMAT);
  assert.equal(data.version, 1);
  assert.equal(data.exportedAt, '2026-11-25T10:00:00.000Z');
  assert.deepEqual(parseSettingsFile(text), sample);
});

test('a file with a byte-order mark and duplicate sites is accepted and cleaned', () => {
  const text = '\uFEFF' + JSON.stringify({ format: SETTINGS_FORMAT, version: 1, settings: { autoSites: ['a.com', 'a.com'] } });
  assert.deepEqual(parseSettingsFile(text), { autoSites: ['a.com'] });
});

test('files that are not Lector settings are refused with a reason', () => {
  refused('', 'importEmpty');
  refused('   \n', 'importEmpty');
  refused('{"format": "lector-settings", "version": 1, "settings": {', 'importNotJson');
  refused('<html><body>not json</body></html>', 'importNotJson');
  refused('[]', 'importNotLector');
  refused('null', 'importNotLector');
  refused('{"autoSites": ["example.com"]}', 'importNotLector');
  refused(JSON.stringify({ format: 'other-extension', version: 1, settings: {} }), 'importNotLector');
  refused(JSON.stringify({ format: SETTINGS_FORMAT, version: '1', settings: {} }), 'importNotLector');
  refused(JSON.stringify({ format: SETTINGS_FORMAT, version: 1, settings: [] }), 'importNotLector');
  refused(JSON.stringify({ format: SETTINGS_FORMAT, version: 2, settings: {} }), 'importTooNew');
  refused('x'.repeat(600 * 1024), 'importTooBig');
});

test('settings with a bad value are refused, naming what is wrong', () => {
  const file = (settings) => JSON.stringify({ format: SETTINGS_FORMAT, version: 1, settings });
  refused(file({ autoSites: 'example.com' }), 'importBadSetting');
  refused(file({ autoSites: ['example.com', '*.evil.com'] }), 'importBadSite');
  refused(file({ autoSites: ['www.example.com'] }), 'importBadSite');
  refused(file({ autoSites: ['file:///etc'] }), 'importBadSite');
  refused(file({ autoSites: [42] }), 'importBadSite');
  refused(file({ big: 'x'.repeat(9000) }), 'importBadSetting');
  refused(file({ readerSettings: 'dark' }), 'importBadSetting');
  refused(file({ readerSettings: { theme: { nested: true } } }), 'importBadSetting');
  assert.deepEqual(parseSettingsFile(file({ readerSettings: { theme: 'sepia', size: 22 } })), { readerSettings: { theme: 'sepia', size: 22 } });
  try {
    parseSettingsFile(file({ autoSites: ['ok.com', 'https://bad.com/'] }));
    assert.fail('accepted a URL as a site');
  } catch (error) {
    assert.equal(error.detail, 'https://bad.com/');
  }
});

test('stored sites tolerate a damaged value', () => {
  assert.deepEqual(storedSites({}), []);
  assert.deepEqual(storedSites({ autoSites: 'x' }), []);
  assert.deepEqual(storedSites({ autoSites: ['a.com', 7, 'WWW.B.COM', 'b.com'] }), ['a.com', 'b.com']);
});

test('every import error has its message in every locale', async () => {
  const fs = await import('node:fs');
  const root = new URL('../../extension/', import.meta.url);
  const code = ['shared/settings.js', 'options/options.js'].map((f) => fs.readFileSync(new URL(f, root), 'utf8')).join('\n');
  const keys = new Set([...code.matchAll(/SettingsFileError\('([A-Za-z]+)'/g)].map((m) => m[1]));
  assert.ok(keys.size >= 7, `found ${keys.size} error keys`);
  for (const lang of ['en', 'es']) {
    const messages = JSON.parse(fs.readFileSync(new URL(`_locales/${lang}/messages.json`, root), 'utf8'));
    for (const key of keys) assert.ok(messages[key]?.message, `${lang} lacks ${key}`);
  }
});
