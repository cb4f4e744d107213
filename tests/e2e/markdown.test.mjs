// End-to-end: Markdown export from the reader view (download and copy) and without it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launchBrowser, fixture, waitForReader, clickInReader, waitInReader, fold } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function assertMarkdown(md, expected, label) {
  assert.match(md, /^---\n/, `${label}: starts with front matter`);
  assert.ok(md.includes(`title: "${expected.title}"`), `${label}: front matter title`);
  assert.ok(md.includes(`\n# ${expected.title}\n`), `${label}: title heading`);
  const text = fold(md.replace(/[*_`\\]/g, ''));
  for (const snippet of expected.must_contain.slice(0, 6)) {
    assert.ok(text.includes(fold(snippet.replace(/[*_`\\]/g, ''))), `${label}: missing ${snippet}`);
  }
  for (const snippet of expected.must_not_contain) {
    assert.ok(!text.includes(fold(snippet)), `${label}: clutter ${snippet}`);
  }
}

test('reader view: "Download .md" saves the article as a Markdown file', async () => {
  const { expected } = fixture('wordpress-gutenberg-blog');
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/plain/wordpress-gutenberg-blog/`);
  await browser.click(page);
  await waitForReader(page);
  const [download] = await Promise.all([page.waitForEvent('download'), clickInReader(page, '.save-markdown')]);
  assert.equal(download.suggestedFilename(), 'Reading Your Solar Inverter With a Raspberry Pi and Modbus.md');
  const md = fs.readFileSync(await download.path(), 'utf8');
  assertMarkdown(md, expected, 'download');
  assert.match(md, /```bash\n/, 'fenced code keeps its language');
  assert.match(md, /\n\| .* \|\n\| *:?-+/, 'the data table is a pipe table');
  await waitInReader(page, (shadow) => shadow.querySelector('.status').textContent.includes('Saved'));
  await page.close();
});

test('reader view: "Copy Markdown" puts the same Markdown on the clipboard', async () => {
  const { expected } = fixture('tagdiv-newspaper-seed');
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/strict/tagdiv-newspaper-seed/`);
  await browser.click(page);
  await waitForReader(page);
  await clickInReader(page, '.copy-markdown');
  await waitInReader(page, (shadow) => shadow.querySelector('.status').textContent.includes('Copied'));
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assertMarkdown(md, expected, 'clipboard');
  assert.match(md, /\n1\. Achieving the dangerous pact/, 'ordered list');
  assert.match(md, /\n> /, 'blockquotes');
  await page.close();
});

test('export without the reader view (the context-menu and shortcut action) saves the file', async () => {
  const { expected } = fixture('live-overlays');
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/plain/live-overlays/`);
  await browser.click(page); // grants activeTab, as the menu or the shortcut would
  await waitForReader(page);
  await browser.click(page);
  await page.waitForFunction(() => !document.querySelector('lector-reader'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    browser.worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.lectorExport('offscreen') });
    }, page.url()),
  ]);
  const md = fs.readFileSync(await download.path(), 'utf8');
  assertMarkdown(md, expected, 'export');
  assert.equal(await page.evaluate(() => !!document.querySelector('lector-reader')), false, 'no reader view opened');
  const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
  assert.equal(commands.find((c) => c.name === 'export-markdown')?.shortcut, 'Alt+Shift+M');
  await page.close();
});
