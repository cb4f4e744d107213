// Chromium's service worker: the shared background (background.js) plus the background half
// of the offscreen engine route. Chromium refuses WebAssembly in a content script on pages
// whose CSP forbids it, so the engine runs in the offscreen document (offscreen/), and the
// content script sends it the page tree it walked on the live page. This worker only opens
// that document: on a click, so that it is ready (its wasm compiled) by the time the page
// tree comes, and whenever a content script finds none. Firefox runs the engine in the
// content script on every page and has no offscreen documents: its build leaves this file
// and offscreen/ out, and its manifest points at background.js alone.

import './background.js';

const OFFSCREEN_PAGE = 'offscreen/offscreen.html';

// The button, the shortcut and the menu all lead to the engine: open its document meanwhile.
const openEarly = () => {
  ensureOffscreenDocument().catch((error) => console.warn('Lector: the offscreen document could not be opened', error));
};
chrome.action.onClicked.addListener(openEarly);
chrome.commands.onCommand.addListener(openEarly);
chrome.contextMenus.onClicked.addListener(openEarly);

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'content:open-offscreen' || !sender.tab) return false;
  ensureOffscreenDocument().then(
    () => sendResponse({ ok: true }),
    (error) => sendResponse({ ok: false, error: String(error?.message || error) }),
  );
  return true; // the answer comes asynchronously
});

let creatingOffscreen = null;

/** Opens the offscreen document unless it is open; resolves once it is loaded. */
async function ensureOffscreenDocument() {
  if (creatingOffscreen) return creatingOffscreen;
  const url = chrome.runtime.getURL(OFFSCREEN_PAGE);
  const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return undefined;
  creatingOffscreen ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['DOM_PARSER'],
      justification: 'Run the reader engine on the page tree of a page whose policy forbids WebAssembly in content scripts.',
    })
    .finally(() => {
      creatingOffscreen = null;
    });
  return creatingOffscreen;
}
