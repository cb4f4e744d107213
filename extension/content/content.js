// Content script: the toggle behind the toolbar button. It runs the engine on the live page
// or has the background run it on a copy (the background picks the route), then opens or
// closes the reader view. Injected once per page; `lectorToggle(route)` is its entry.

/* global wasm_bindgen, lectorWasmBytes, collectSignals, LectorReaderView, LectorSettings */
(() => {
  if (typeof globalThis.lectorToggle === 'function') return;

  let view = null;
  let busy = false;
  let engine = null; // Promise of the initialised wasm engine

  function loadEngine() {
    engine ??= wasm_bindgen({ module_or_path: lectorWasmBytes() });
    return engine;
  }

  /** The engine on the live page, in this content script. */
  async function extractHere(signals) {
    await loadEngine();
    return wasm_bindgen.extract(document, location.href, signals, true);
  }

  /** The engine on a copy of the page, in the extension's offscreen document (Chromium). */
  async function extractInOffscreen(signals) {
    const answer = await chrome.runtime.sendMessage({
      type: 'content:extract-in-offscreen',
      html: document.documentElement.outerHTML,
      url: location.href,
      signals,
    });
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
      engine = null;
      console.debug('Lector: the engine could not run in the page, trying the offscreen engine', error);
      return { article: await extractInOffscreen(signals), route: 'offscreen' };
    }
  }

  async function toggle(route = 'content') {
    if (view) {
      view.close();
      return;
    }
    if (busy) return;
    busy = true;
    try {
      LectorReaderView.dismissNotice();
      const started = performance.now();
      const settings = LectorSettings.load(); // read while the engine works; never rejects
      const result = await extractArticle(route);
      const { article } = result;
      const ms = Math.round(performance.now() - started);
      if (!article) {
        LectorReaderView.notice(chrome.i18n.getMessage('noArticle'));
        return;
      }
      view = LectorReaderView.open(article, {
        route: result.route,
        ms,
        started,
        settings: await settings,
        onClose: () => {
          view = null;
        },
      });
    } catch (error) {
      console.error('Lector:', error);
      LectorReaderView.notice(chrome.i18n.getMessage('readFailed', String(error?.message || error)));
    } finally {
      busy = false;
    }
  }

  /** Exports the article as a Markdown file without opening the reader view. */
  async function exportMarkdown(route = 'content') {
    if (busy) return;
    busy = true;
    try {
      LectorReaderView.dismissNotice();
      const { article } = await extractArticle(route);
      if (!article) {
        LectorReaderView.notice(chrome.i18n.getMessage('noArticleToExport'));
        return;
      }
      LectorReaderView.saveFile(article.markdownFileName, article.markdownDocument);
      LectorReaderView.notice(chrome.i18n.getMessage('exportSaved', article.markdownFileName));
    } catch (error) {
      console.error('Lector:', error);
      LectorReaderView.notice(chrome.i18n.getMessage('exportFailed', String(error?.message || error)));
    } finally {
      busy = false;
    }
  }

  globalThis.lectorToggle = toggle;
  globalThis.lectorExport = exportMarkdown;
})();
