// The content scripts a Chromium click injects (background.js: runInTab) go in on every click,
// also into a page that has them: each file must run again in the same world without an error
// ("Identifier has already been declared") and leave the first run's objects in place (the open
// view's hosts and state live in LectorReaderView).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION = path.join(ROOT, 'extension');

/** The shell's files as background.js lists them: CONTENT_SCRIPTS without ENGINE_SCRIPTS. */
function shellFiles() {
  const source = fs.readFileSync(path.join(EXTENSION, 'background.js'), 'utf8');
  const list = (name) => {
    const body = source.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`))?.[1];
    assert.ok(body, `${name} not found in background.js`);
    return [...body.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  };
  const engine = list('ENGINE_SCRIPTS');
  const files = list('CONTENT_SCRIPTS').filter((file) => !engine.includes(file));
  assert.ok(files.length >= 4, `shell files: ${files}`);
  return files;
}

/** A world with the browser APIs the files touch while they load (none is called then). */
function world() {
  const listeners = { addListener() {} };
  const chrome = {
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    runtime: { onMessage: listeners, sendMessage: async () => undefined, getURL: (p) => p },
    storage: { sync: { get: async () => ({}), set: async () => {} }, onChanged: listeners },
  };
  const context = { chrome, console, setTimeout, clearTimeout, Node: { TEXT_NODE: 3 }, NodeFilter: {} };
  context.globalThis = context;
  context.window = context;
  return vm.createContext(context);
}

test('the shell runs twice in one world and keeps its first objects', () => {
  const context = world();
  const files = shellFiles();
  const run = () => {
    for (const file of files) {
      vm.runInContext(fs.readFileSync(path.join(EXTENSION, file), 'utf8'), context, { filename: file });
    }
  };
  run();
  const first = vm.runInContext('[LectorReaderView, LectorSettings, LECTOR_READER_CSS, lectorToggle]', context);
  assert.equal(typeof first[0].open, 'function');
  assert.equal(typeof first[3], 'function');
  assert.doesNotThrow(run, 'a second injection of the shell');
  const second = vm.runInContext('[LectorReaderView, LectorSettings, LECTOR_READER_CSS, lectorToggle]', context);
  second.forEach((value, i) => assert.equal(value, first[i], `object ${i} replaced by the second run`));
});
