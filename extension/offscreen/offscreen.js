// Offscreen document (Chromium): the same engine as the content script, run on a copy of the
// page parsed with DOMParser (or parseHTMLUnsafe, when it carries shadow roots). The content
// script sends the live page's signals beside the HTML, so the copy is judged with what was
// actually rendered.

/* global wasm_bindgen */
const engineReady = wasm_bindgen({ module_or_path: chrome.runtime.getURL('engine/lector_bg.wasm') });

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== 'background:extract-copy') return false;
  engineReady
    .then(() => {
      // A page with open shadow roots comes with them as declarative shadow roots, which
      // parseHTMLUnsafe attaches (DOMParser leaves them inert templates). Neither runs scripts.
      const copy = message.shadow && typeof Document.parseHTMLUnsafe === 'function'
        ? Document.parseHTMLUnsafe(message.html)
        : new DOMParser().parseFromString(message.html, 'text/html');
      // Automatic mode first asks the cheap question: does this page hold an article at all?
      const skip = message.readerableOnly && !wasm_bindgen.isProbablyReaderable(copy, message.url);
      const article = skip ? null : wasm_bindgen.extract(copy, message.url, message.signals, false);
      sendResponse({ ok: true, article });
    })
    .catch((error) => sendResponse({ ok: false, error: String(error?.message || error) }));
  return true;
});
