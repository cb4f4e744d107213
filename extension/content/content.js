// Content script: the toggle behind the toolbar button. It runs the engine on the live page
// or has the background run it on a copy (the background picks the route), then opens or
// closes the reader view. Injected once per page; `lectorToggle(route)` is its entry.

/* global wasm_bindgen, lectorNewEngine, lectorWasmBytes, collectSignals, LectorReaderView */
(() => {
  if (typeof globalThis.lectorToggle === 'function') return;

  let view = null;
  let busy = false;
  let glue = wasm_bindgen; // the wasm-bindgen glue; replaced after the engine fails
  let engine = null; // Promise of the initialised wasm engine

  function loadEngine() {
    engine ??= glue({ module_or_path: lectorWasmBytes() });
    return engine;
  }

  /** The engine on the live page, in this content script. */
  async function extractHere(signals) {
    await loadEngine();
    try {
      return glue.extract(document, location.href, signals, true);
    } catch (error) {
      // A panic or trap leaves the instance unusable: the next click gets a fresh one.
      glue = lectorNewEngine();
      engine = null;
      throw new EngineFailure(error);
    }
  }

  /** The engine itself failed (a panic or trap), as opposed to being unable to start here. */
  class EngineFailure extends Error {
    constructor(cause) {
      super(`the reader engine failed: ${cause?.message || cause}`, { cause });
      this.name = 'EngineFailure';
    }
  }

  /** The engine on a copy of the page, in the extension's offscreen document (Chromium). */
  async function extractInOffscreen(signals) {
    const answer = await chrome.runtime.sendMessage({
      type: 'content:extract-in-offscreen',
      html: document.documentElement.outerHTML,
      url: location.href,
      signals,
    });
    if (answer?.engineFailed) throw new EngineFailure(answer.error);
    if (!answer?.ok) throw new Error(answer?.error || 'the engine is not available on this page');
    return answer.article;
  }

  /** Runs the engine where the background said ('content' or 'offscreen'); says where it ran. */
  async function extractArticle(route) {
    const signals = collectSignals(document);
    if (route === 'offscreen') return { article: await extractInOffscreen(signals), route };
    try {
      return { article: await extractHere(signals), route: 'content' };
    } catch (error) {
      if (error instanceof EngineFailure) throw error; // the same engine would fail there too
      engine = null;
      console.debug('Lector: the engine could not run in the page, trying the offscreen engine', error);
      return { article: await extractInOffscreen(signals), route: 'offscreen' };
    }
  }

  /**
   * Why the reader cannot run on this document, or '' when it can. Only HTML documents have
   * the body and the styles the reader view needs; XML, SVG and plain-text documents are
   * shown by the browser as they are.
   */
  function unsupportedDocument() {
    const html = document instanceof HTMLDocument && document.contentType === 'text/html';
    if (!html) return `Lector reads web pages, not ${document.contentType || 'this kind of'} documents`;
    if (document.body instanceof HTMLFrameSetElement) return 'Lector cannot read a page made of frames';
    return '';
  }

  /**
   * A single-page app can change its article without a page load (history.pushState). The
   * reader then shows a page that is gone, so it closes. Hash-only changes (in-page anchors)
   * keep it. Polled, because pushState fires no event a content script can hear everywhere.
   */
  function closeOnNavigation() {
    const shown = () => location.href.split('#')[0];
    const start = shown();
    const check = () => {
      if (view && shown() !== start) view.close();
    };
    const timer = setInterval(check, 250);
    window.addEventListener('popstate', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('popstate', check);
    };
  }

  async function toggle(route = 'content') {
    if (view?.isShown()) {
      view.close();
      return '';
    }
    view?.close(); // the page removed it: start afresh
    const unsupported = unsupportedDocument();
    if (unsupported) return unsupported;
    if (busy) return '';
    busy = true;
    try {
      LectorReaderView.dismissNotice();
      const started = performance.now();
      const result = await extractArticle(route);
      const { article } = result;
      const ms = Math.round(performance.now() - started);
      if (!article) {
        LectorReaderView.notice('Lector found no article to show on this page.');
        return;
      }
      const stopWatching = closeOnNavigation();
      view = LectorReaderView.open(article, {
        route: result.route,
        ms,
        onClose: () => {
          stopWatching();
          view = null;
        },
      });
    } catch (error) {
      console.error('Lector:', error);
      LectorReaderView.notice(`Lector could not read this page (${error?.message || error}).`);
    } finally {
      busy = false;
    }
    return '';
  }

  /** Exports the article as a Markdown file without opening the reader view. */
  async function exportMarkdown(route = 'content') {
    const unsupported = unsupportedDocument();
    if (unsupported) return unsupported;
    if (busy) return '';
    busy = true;
    try {
      LectorReaderView.dismissNotice();
      const { article } = await extractArticle(route);
      if (!article) {
        LectorReaderView.notice('Lector found no article to export on this page.');
        return;
      }
      LectorReaderView.saveFile(article.markdownFileName, article.markdownDocument);
      LectorReaderView.notice(`Lector saved ${article.markdownFileName}`);
    } catch (error) {
      console.error('Lector:', error);
      LectorReaderView.notice(`Lector could not export this page (${error?.message || error}).`);
    } finally {
      busy = false;
    }
    return '';
  }

  globalThis.lectorToggle = toggle;
  globalThis.lectorExport = exportMarkdown;
})();
