// Offscreen document (Chromium): the same engine as the content script, run on the page tree
// the content script walked on the live page (extension/shared/page-tree.js), with the live
// page's signals. The content script's message comes here directly; the background only opens
// this document. The wasm is compiled once, when the document opens, and the instance serves
// every click after that.

/* global wasm_bindgen, lectorNewEngine, lectorExtract, lectorLongDate */
let glue = wasm_bindgen; // the wasm-bindgen glue; replaced after the engine fails
let engineReady = null;

function loadEngine() {
  engineReady ??= glue({ module_or_path: chrome.runtime.getURL('engine/lector_bg.wasm') });
  return engineReady;
}

// Compiled while the page is still being read, not when its tree arrives. Then the date
// formatter's locale data is loaded, which the first formatter pays for (20-30 ms).
loadEngine().then(
  () => setTimeout(() => lectorLongDate('2000-01-01')),
  () => {
    engineReady = null; // the next request tries again, and reports what fails
  },
);

/**
 * The page tree's records. Structured-clone messaging (the manifest's message_serialization,
 * Chromium 148 and later) carries the Uint32Array as it is; JSON messaging (older Chromium)
 * turns it into an object keyed by index.
 */
function treeRecords(tree) {
  if (tree instanceof Uint32Array) return tree;
  return Uint32Array.from(Array.isArray(tree) ? tree : Object.values(tree ?? {}));
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'content:extract-in-offscreen' || !sender.tab) return false;
  loadEngine()
    .then(() => {
      const extractStart = performance.now();
      const tree = treeRecords(message.tree);
      const strings = String(message.strings ?? '');
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
      sendResponse({ ok: true, article, timing: { extractMs: performance.now() - extractStart } });
    })
    .catch((error) => sendResponse({ ok: false, error: String(error?.message || error) }));
  return true;
});
