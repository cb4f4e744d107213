// End-to-end: an embedded video becomes a link with a "Play here" button in the reader view.
// Nothing from the video host is requested until the reader presses it; then one sandboxed
// frame of the host's privacy-minded player appears in place (the network here is closed, so
// the frame's element and its request are what can be checked, not the video itself).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, waitForReader, inReader, clickInReader } from './harness.mjs';

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

function frames(page) {
  return inReader(page, (shadow) => [...shadow.querySelectorAll('iframe')].map((f) => ({
    src: f.getAttribute('src'),
    sandbox: f.getAttribute('sandbox'),
    inArticle: !!f.closest('.content'),
  })));
}

test('a YouTube embed waits for a click, then plays in a sandboxed no-cookie frame', async () => {
  const page = await browser.context.newPage();
  const videoRequests = [];
  // Answered here (the machine's network is closed) and recorded. The page's own lazy player
  // asks for its embed URL too; the reader's player is told apart by its own address.
  await page.context().route(/youtube(-nocookie)?\.com/, (route) => {
    videoRequests.push(route.request().url());
    return route.fulfill({ status: 204, body: '' });
  });
  try {
    await page.goto(`${server.base}/plain/substack-style-post/`, { waitUntil: 'load' });
    const READER_PLAYER = 'https://www.youtube-nocookie.com/embed/Qx7fLibr4ry?autoplay=1';
    const readerRequests = () => videoRequests.filter((url) => url === READER_PLAYER);
    await browser.click(page);
    await waitForReader(page);
    const button = await inReader(page, (shadow) => {
      const play = shadow.querySelector('.content p.video .play-video');
      return play && { text: play.textContent, link: play.parentElement.querySelector('a').getAttribute('href') };
    });
    assert.ok(button, 'the video paragraph has a play button');
    assert.equal(button.link, 'https://www.youtube.com/watch?v=Qx7fLibr4ry');
    assert.deepEqual(await frames(page), [], 'no frame before the click');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(readerRequests().length, 0, 'the reader view requested nothing from the video host before the click');

    await clickInReader(page, '.play-video');
    const [frame] = await frames(page);
    assert.ok(frame, 'a frame after the click');
    assert.equal(frame.src, READER_PLAYER);
    assert.ok(frame.inArticle);
    assert.ok(!/allow-top-navigation|allow-forms|allow-modals/.test(frame.sandbox), `sandbox: ${frame.sandbox}`);
    const start = Date.now();
    while (readerRequests().length === 0 && Date.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(readerRequests().length, 1, 'the player loads once, after the click');
  } finally {
    await page.close();
  }
});
