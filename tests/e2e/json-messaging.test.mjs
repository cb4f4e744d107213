// End-to-end: the offscreen route under JSON messaging, as Chromium before 148 sends messages
// (it ignores the manifest's "message_serialization": "structured_clone"). JSON turns the page
// tree's Uint32Array into an object keyed by index; the offscreen document must read that as
// the same records. The test runs a copy of dist/chrome, generated into
// target/e2e/json-messaging-extension, whose manifest leaves the key out (so Chromium 156 uses
// JSON); everything else is the shipped build. The copy is never shipped.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, fixture, waitForReader, fold, EXTENSION, OUT } from './harness.mjs';

const JSON_EXTENSION = path.join(OUT, 'json-messaging-extension');
let server;
let browser;

before(async () => {
  fs.rmSync(JSON_EXTENSION, { recursive: true, force: true });
  fs.cpSync(EXTENSION, JSON_EXTENSION, { recursive: true });
  const manifestFile = path.join(JSON_EXTENSION, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  assert.equal(manifest.message_serialization, 'structured_clone', 'the shipped build asks for structured-clone messaging');
  delete manifest.message_serialization;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  server = await startServer();
  browser = await launchBrowser({ extension: JSON_EXTENSION });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const mode of ['plain', 'strict']) {
  test(`JSON messaging (${mode} CSP): the offscreen engine reads the page tree and the article shows`, async () => {
    const { expected } = fixture('web-component-article');
    const page = await browser.context.newPage();
    await page.goto(`${server.base}/${mode}/web-component-article/`, { waitUntil: 'load' });
    await browser.click(page);
    const state = await waitForReader(page);
    assert.equal(state.route, 'offscreen');
    assert.equal(fold(state.title), fold(expected.title));
    const text = fold(state.text);
    // The shadow-rendered paragraphs exist only in the live page's tree.
    for (const snippet of expected.live_must_contain) assert.ok(text.includes(fold(snippet)), `${mode}: missing ${snippet}`);
    for (const snippet of expected.live_must_not_contain) assert.ok(!text.includes(fold(snippet)), `${mode}: clutter ${snippet}`);
    await page.close();
  });
}
