// The reader settings' pure logic (extension/reader/settings.js, loaded as the browser loads
// it): whatever storage holds, the view gets a complete, valid set, and nothing stored is
// dropped without the user changing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Values from the script's own realm, compared as plain data. */
const plain = (value) => JSON.parse(JSON.stringify(value));

/** Loads settings.js in a fresh context with an in-memory chrome.storage.sync. */
function load(initial) {
  const store = initial === undefined ? {} : { readerSettings: initial };
  const writes = [];
  const warnings = [];
  const sync = {
    get: async (key) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
    set: async (items) => {
      writes.push(structuredClone(items));
      Object.assign(store, structuredClone(items));
    },
    remove: async (key) => {
      writes.push({ removed: key });
      delete store[key];
    },
  };
  const context = vm.createContext({ chrome: { storage: { sync } }, console: { warn: (...a) => warnings.push(a) } });
  vm.runInContext(`${fs.readFileSync(path.join(ROOT, 'extension/reader/settings.js'), 'utf8')}\nthis.LectorSettings = LectorSettings;`, context);
  return { S: context.LectorSettings, store, writes, warnings };
}

test('nothing stored: the defaults, and no problems', async () => {
  const { S, warnings } = load();
  const { settings, problems } = await S.load();
  assert.deepEqual({ ...settings }, { ...S.DEFAULTS });
  assert.deepEqual(plain(problems), []);
  assert.equal(warnings.length, 0);
});

test('valid values are used as stored', () => {
  const { S } = load();
  const { settings, problems } = S.normalize({ theme: 'sepia', font: 'mono', size: 24, width: 40, lineHeight: 1.8 });
  assert.deepEqual({ ...settings }, { theme: 'sepia', font: 'mono', size: 24, width: 40, lineHeight: 1.8 });
  assert.equal(problems.length, 0);
});

test('older spellings are read without complaint', () => {
  const { S } = load();
  const { settings, problems } = S.normalize({ theme: ' Dark ', font: 'sans-serif', size: '22px', width: '36', lineHeight: '1.5' });
  assert.deepEqual({ ...settings }, { theme: 'dark', font: 'sans', size: 22, width: 36, lineHeight: 1.5 });
  assert.equal(problems.length, 0);
  assert.equal(S.normalize({ theme: 'system' }).settings.theme, 'auto');
});

test('corrupt values fall back to the default, one by one, and are reported', () => {
  const { S } = load();
  const { settings, problems } = S.normalize({ theme: 'neon', font: 42, size: 'huge', width: NaN, lineHeight: { x: 1 } });
  assert.deepEqual({ ...settings }, { ...S.DEFAULTS });
  assert.deepEqual(plain(problems.map((p) => p.key).sort()), ['font', 'lineHeight', 'size', 'theme', 'width']);
  // One bad value does not take the good ones with it.
  const mixed = S.normalize({ theme: 'dark', size: 'huge' });
  assert.equal(mixed.settings.theme, 'dark');
  assert.equal(mixed.settings.size, S.DEFAULTS.size);
});

test('out-of-range numbers are clamped to the range and its steps, and reported', () => {
  const { S } = load();
  const { settings, problems } = S.normalize({ size: 400, width: 1, lineHeight: 1.63 });
  assert.equal(settings.size, S.RANGES.size.max);
  assert.equal(settings.width, S.RANGES.width.min);
  assert.equal(settings.lineHeight, 1.65, 'rounded to the 0.05 step');
  assert.deepEqual(plain(problems.map((p) => p.key).sort()), ['size', 'width']);
});

test('garbage instead of an object gives the defaults and is reported', () => {
  const { S } = load();
  for (const garbage of ['dark', 7, [1, 2], true]) {
    const { settings, problems } = S.normalize(garbage);
    assert.deepEqual({ ...settings }, { ...S.DEFAULTS });
    assert.equal(problems[0].problem, 'not-an-object', String(garbage));
  }
});

test('saving one setting keeps every other stored field, unusable and unknown ones included', async () => {
  const { S, store, warnings } = load({ theme: 'neon', size: 'huge', fromTheFuture: { a: 1 }, font: 'mono' });
  const { settings, problems } = await S.load();
  assert.equal(settings.theme, 'auto');
  assert.equal(problems.length, 2);
  assert.equal(warnings.length, 1, 'unusable values are reported on the console');
  await S.save({ width: 40 });
  assert.deepEqual(store.readerSettings, { theme: 'neon', size: 'huge', fromTheFuture: { a: 1 }, font: 'mono', width: 40 });
  await S.save({ theme: 'dark' });
  assert.equal(store.readerSettings.theme, 'dark', 'the user changed it: now it is replaced');
  assert.equal(store.readerSettings.size, 'huge', 'still kept until the user changes it');
});

test('save refuses invalid values instead of storing them', async () => {
  const { S, store } = load({ size: 22 });
  await assert.rejects(S.save({ size: 'huge' }));
  await assert.rejects(S.save({ colour: 'red' }));
  await assert.rejects(S.save({ size: 99 }), 'out of range is not stored either');
  assert.deepEqual(store.readerSettings, { size: 22 });
});

test('reset removes our settings and keeps fields it does not know', async () => {
  const { S, store } = load({ theme: 'dark', size: 30, fromTheFuture: 1 });
  await S.reset();
  assert.deepEqual(store.readerSettings, { fromTheFuture: 1 });
  const clean = load({ theme: 'dark' });
  await clean.S.reset();
  assert.equal('readerSettings' in clean.store, false);
});

test('steps stay inside the ranges', () => {
  const { S } = load();
  assert.equal(S.step({ size: 20 }, 'size', 1), 21);
  assert.equal(S.step({ size: S.RANGES.size.max }, 'size', 1), S.RANGES.size.max);
  assert.equal(S.step({ size: S.RANGES.size.min }, 'size', -1), S.RANGES.size.min);
  assert.equal(S.step({ lineHeight: 1.6 }, 'lineHeight', 1), 1.65);
});

test('storage that cannot be read gives the defaults and says so', async () => {
  const failing = vm.createContext({ chrome: { storage: { sync: { get: async () => { throw new Error('quota'); } } } }, console: { warn() {} } });
  vm.runInContext(`${fs.readFileSync(path.join(ROOT, 'extension/reader/settings.js'), 'utf8')}\nthis.LectorSettings = LectorSettings;`, failing);
  const { settings, problems } = await failing.LectorSettings.load();
  assert.deepEqual(plain(settings), plain(failing.LectorSettings.DEFAULTS));
  assert.equal(problems[0].problem, 'storage-unavailable');
});
