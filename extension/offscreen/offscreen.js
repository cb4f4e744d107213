// Offscreen document (Chromium): the same engine as the content script, run on a copy of the
// page parsed with DOMParser (or parseHTMLUnsafe, when it carries shadow roots). The content
// script sends the live page's signals beside the HTML, so the copy is judged with what was
// actually rendered.

/* global wasm_bindgen, lectorNewEngine, lectorPageTree */
let glue = wasm_bindgen; // the wasm-bindgen glue; replaced after the engine fails
let engineReady = null;

function loadEngine() {
  engineReady ??= glue({ module_or_path: chrome.runtime.getURL('engine/lector_bg.wasm') });
  return engineReady;
}

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== 'background:extract-copy') return false;
  loadEngine()
    .then(() => {
      const parseStart = performance.now();
      // A page with open shadow roots comes with them as declarative shadow roots, which
      // parseHTMLUnsafe attaches (DOMParser leaves them inert templates). Neither runs scripts.
      const copy = message.shadow && typeof Document.parseHTMLUnsafe === 'function'
        ? Document.parseHTMLUnsafe(message.html)
        : new DOMParser().parseFromString(message.html, 'text/html');
      // The walk that hands the copy to the engine counts as extraction: it replaces the
      // engine's own walk over the DOM.
      const extractStart = performance.now();
      const { tree, strings } = lectorPageTree(copy, false);
      let article;
      try {
        // Automatic mode first asks the cheap question: does this page hold an article at all?
        const skip = message.readerableOnly && !glue.isProbablyReaderable(tree, strings, message.url);
        article = skip ? null : lectorExtract(glue, tree, strings, message.url, message.signals, message.markdown === true);
      } catch (error) {
        // A panic or trap leaves the instance unusable: the next request gets a fresh one.
        glue = lectorNewEngine();
        engineReady = null;
        sendResponse({ ok: false, engineFailed: true, error: String(error?.message || error) });
        return;
      }
      // Where the time went, for the benchmark (docs/performance.md).
      const timing = { parseMs: extractStart - parseStart, extractMs: performance.now() - extractStart };
      sendResponse({ ok: true, article, timing });
    })
    .catch((error) => sendResponse({ ok: false, error: String(error?.message || error) }));
  return true;
});
