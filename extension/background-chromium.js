// Chromium's service worker: the shared background (background.js) plus the background half
// of the offscreen engine route. Chromium refuses WebAssembly in a content script on pages
// whose CSP forbids it, so the content script sends a copy of the page here, and the
// offscreen document (offscreen/) runs the engine on it. Firefox runs the engine in the
// content script on every page and has no offscreen documents: its build leaves this file
// and offscreen/ out, and its manifest points at background.js alone.

import './background.js';

const OFFSCREEN_PAGE = 'offscreen/offscreen.html';

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'content:extract-in-offscreen' || !sender.tab) return false;
  extractInOffscreen(message).then(
    ({ article, timing }) => sendResponse({ ok: true, article, timing }),
    (error) => sendResponse({ ok: false, engineFailed: Boolean(error?.engineFailed), error: String(error?.message || error) }),
  );
  return true; // the answer comes asynchronously
});

let creatingOffscreen = null;

async function ensureOffscreenDocument() {
  const url = chrome.runtime.getURL(OFFSCREEN_PAGE);
  const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return;
  creatingOffscreen ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['DOM_PARSER'],
      justification: 'Parse a copy of the page and run the reader engine where the page forbids WebAssembly.',
    })
    .finally(() => {
      creatingOffscreen = null;
    });
  await creatingOffscreen;
}

async function extractInOffscreen({ html, shadow, url, signals, readerableOnly, markdown }) {
  await ensureOffscreenDocument();
  const answer = await chrome.runtime.sendMessage({ type: 'background:extract-copy', html, shadow, url, signals, readerableOnly, markdown });
  if (!answer?.ok) {
    // engineFailed: the engine panicked or trapped; the content script reports it once and
    // the offscreen document has already made a fresh instance.
    throw Object.assign(new Error(answer?.error || 'the offscreen engine did not answer'), { engineFailed: Boolean(answer?.engineFailed) });
  }
  return answer;
}
