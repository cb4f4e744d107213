// Content script: the toggle behind the toolbar button. It walks the live page into the page
// tree and runs the engine on it here or in the offscreen document (the background picks the
// route), then opens or closes the reader view. It runs once per page (a later
// injection of the file returns at once); `lectorToggle(route)` is its entry.
// On sites with automatic reader mode it is also registered at document_start beside
// auto.js, which calls `lectorAuto()` once the document is parsed.

/* global wasm_bindgen, lectorNewEngine, lectorWasmBytes, lectorPageTree, LectorReaderView, LectorSettings */
(() => {
  if (typeof globalThis.lectorToggle === 'function') return;

  let view = null;
  let busy = false;
  // The wasm-bindgen glue, replaced after the engine fails. Absent where only the offscreen
  // route is injected (Chromium's clicks and automatic mode): then the background injects it
  // the first time the engine is to run here.
  let glue = typeof wasm_bindgen === 'undefined' ? null : wasm_bindgen;
  let engine = null; // Promise of the initialised wasm engine

  function loadEngine() {
    engine ??= (async () => {
      if (!glue) {
        const answer = await chrome.runtime.sendMessage({ type: 'content:load-engine' });
        if (!answer?.ok || typeof wasm_bindgen === 'undefined') throw new Error(answer?.error || 'the engine could not be loaded');
        glue = wasm_bindgen;
      }
      return glue({ module_or_path: lectorWasmBytes() });
    })();
    return engine;
  }

  /** The elements the walks leave out: the reader's own hosts (a view, a notice) in the page. */
  function ownElements() {
    return LectorReaderView.ownHosts();
  }

  /** The live page as the engine reads it: its tree and, from the same walk, its signals. */
  function readPage() {
    return lectorPageTree(document, true, ownElements(), true);
  }

  /** The engine on the live page (`page` from readPage), in this content script. */
  async function extractHere(page, markdown) {
    await loadEngine();
    try {
      return lectorExtract(glue, page.tree, page.strings, location.href, page.signals, markdown);
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

  /**
   * The engine in the extension's offscreen document (Chromium), on the page tree walked here
   * on the live page: the same tree the engine would read in this script, so the signals'
   * element positions match it exactly and the links and images are the ones the browser
   * resolved. The message goes to the offscreen document directly; when there is none yet
   * (the background opens it on the click, and automatic mode runs before any click), the
   * background opens it and the message goes once more.
   */
  async function extractInOffscreen(page, readerableOnly = false, timing = {}, markdown = false) {
    const { tree, strings, signals } = page;
    const sent = performance.now();
    const message = { type: 'content:extract-in-offscreen', tree, strings, url: location.href, signals, readerableOnly, markdown };
    let answer = await chrome.runtime.sendMessage(message).catch(() => null);
    if (!answer) {
      const opened = await chrome.runtime.sendMessage({ type: 'content:open-offscreen' });
      if (!opened?.ok) throw new Error(opened?.error || 'the offscreen engine could not be opened');
      answer = await chrome.runtime.sendMessage(message);
    }
    if (answer?.engineFailed) throw new EngineFailure(answer.error);
    if (!answer?.ok) throw new Error(answer?.error || 'the engine is not available on this page');
    Object.assign(timing, answer.timing, { roundTripMs: performance.now() - sent });
    return answer.article;
  }

  /**
   * Runs the engine where the background said ('content' or 'offscreen'); says where it ran.
   * `timing` gets where the time went, in ms (read by the benchmark, docs/performance.md).
   * `markdown`: also write the Markdown export (the reader view asks for it only on export).
   */
  async function extractArticle(route, readerableOnly = false, timing = {}, markdown = false) {
    const walkStart = performance.now();
    const page = readPage();
    timing.serializeMs = performance.now() - walkStart;
    if (route === 'offscreen') return { article: await extractInOffscreen(page, readerableOnly, timing, markdown), route };
    try {
      if (readerableOnly) {
        await loadEngine();
        if (!glue.isProbablyReaderable(page.tree, page.strings, location.href)) return { article: null, route: 'content' };
      }
      const extractStart = performance.now();
      const article = await extractHere(page, markdown);
      timing.extractMs = performance.now() - extractStart;
      return { article, route: 'content' };
    } catch (error) {
      if (error instanceof EngineFailure) throw error; // the same engine would fail there too
      engine = null;
      console.debug('Lector: the engine could not run in the page, trying the offscreen engine', error);
      return { article: await extractInOffscreen(page, readerableOnly, timing, markdown), route: 'offscreen' };
    }
  }

  /**
   * The reader view's export: the engine runs again on the page, this time writing the
   * Markdown (which no click that only shows the article pays for). Resolves to the article
   * with `markdownDocument` and `markdownFileName`, or null.
   */
  function markdownExport(route) {
    return () => extractArticle(route, false, {}, true).then(({ article }) => article);
  }

  /**
   * Why the reader cannot run on this document, or '' when it can. Only HTML documents have
   * the body and the styles the reader view needs; XML, SVG and plain-text documents are
   * shown by the browser as they are.
   */
  function unsupportedDocument() {
    const html = document instanceof HTMLDocument && document.contentType === 'text/html';
    if (!html) return chrome.i18n.getMessage('unsupportedDocument', document.contentType || '?');
    if (document.body instanceof HTMLFrameSetElement) return chrome.i18n.getMessage('unsupportedFrames');
    // A page whose own scripts removed its <html> (some wipe the page when their ads fail):
    // nothing to read, and no place for a notice, so the button says it.
    if (!document.documentElement || !document.body) return chrome.i18n.getMessage('emptyDocument');
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

  /** Tells the background to update the toolbar button (reader on, auto mode on). */
  function updateIndicator() {
    chrome.runtime.sendMessage({ type: 'content:indicator', reader: Boolean(view) }).catch(() => {});
  }

  /** The page's automatic-mode state from the background: { site, display, enabled } or null. */
  async function autoSiteState() {
    const state = await chrome.runtime.sendMessage({ type: 'content:auto-state' }).catch(() => null);
    return state?.site ? state : null;
  }

  /**
   * The reader toolbar's switch "Always use reader mode on <site>". Turning it on asks the
   * background, which turns the site on at once if the browser already grants access, or
   * else opens a small Lector window where the user's click can ask the browser for it.
   */
  function siteSwitch(state) {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.className = 'auto-site-input';
    input.setAttribute('role', 'switch');
    input.checked = state.enabled;
    const text = document.createElement('span');
    text.textContent = chrome.i18n.getMessage('autoSwitch', state.display);
    const label = document.createElement('label');
    label.className = 'auto-site';
    label.append(input, text);
    const note = document.createElement('span');
    note.className = 'auto-site-status';
    note.setAttribute('role', 'status');
    input.addEventListener('change', async () => {
      const wanted = input.checked;
      input.disabled = true;
      note.textContent = '';
      try {
        const answer = await chrome.runtime.sendMessage({ type: wanted ? 'content:auto-enable' : 'content:auto-disable' });
        if (!answer || answer.error) throw new Error(answer?.error || 'no answer');
        input.checked = Boolean(answer.enabled);
        if (answer.pending) note.textContent = chrome.i18n.getMessage('autoSwitchPending');
      } catch (error) {
        console.warn('Lector:', error);
        input.checked = !wanted;
        note.textContent = chrome.i18n.getMessage('autoSwitchFailed');
      } finally {
        input.disabled = false;
        updateIndicator();
      }
    });
    const node = document.createElement('span');
    node.className = 'auto-site-control';
    node.append(label, note);
    return { node, setEnabled: (enabled) => (input.checked = enabled) };
  }

  let currentSwitch = null;

  // The switch follows the setting when it changes elsewhere (the permission window, options).
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !changes.autoSites || !currentSwitch) return;
    autoSiteState().then((state) => {
      if (state) currentSwitch?.setEnabled(state.enabled);
      updateIndicator();
    });
  });

  function showReader(article, options, autoState) {
    const stopWatching = closeOnNavigation();
    view = LectorReaderView.open(article, {
      ...options,
      onClose: () => {
        stopWatching();
        view = null;
        currentSwitch = null;
        updateIndicator();
      },
    });
    if (autoState) {
      currentSwitch = siteSwitch(autoState);
      view.addControl(currentSwitch.node);
    }
    updateIndicator();
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
      const switchState = autoSiteState();
      const settings = LectorSettings.load(); // read while the engine works; never rejects
      const engineTiming = {};
      const extracting = extractArticle(route, false, engineTiming);
      LectorReaderView.prepare(); // while the engine works
      const result = await extracting;
      const { article } = result;
      const ms = Math.round(performance.now() - started);
      if (!article) {
        LectorReaderView.notice(chrome.i18n.getMessage('noArticle'));
        return;
      }
      const exportMarkdown = markdownExport(result.route);
      showReader(article, { route: result.route, ms, started, engineTiming, exportMarkdown, settings: await settings }, await switchState);
    } catch (error) {
      console.error('Lector:', error);
      LectorReaderView.notice(chrome.i18n.getMessage('readFailed', String(error?.message || error)));
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
      const { article } = await extractArticle(route, false, {}, true);
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

  let autoTried = false;

  /**
   * Automatic mode (the page's site is on): once per page load, if the engine's readerable
   * check says the page holds an article, open the reader view by itself; otherwise leave
   * the page alone. The route follows what was injected: no engine here means Chromium's
   * offscreen document. Resolves to true when the reader view opened.
   */
  async function autoOpen() {
    if (autoTried || view || busy) return false;
    autoTried = true;
    busy = true;
    try {
      const route = typeof wasm_bindgen === 'undefined' ? 'offscreen' : 'content';
      const started = performance.now();
      const switchState = autoSiteState();
      const settings = LectorSettings.load();
      const extracting = extractArticle(route, true);
      LectorReaderView.prepare();
      const result = await extracting;
      if (!result.article) return false;
      const ms = Math.round(performance.now() - started);
      const exportMarkdown = markdownExport(result.route);
      showReader(result.article, { route: result.route, ms, started, exportMarkdown, settings: await settings }, await switchState);
      return true;
    } catch (error) {
      console.debug('Lector: automatic reader mode left this page alone:', error);
      return false;
    } finally {
      busy = false;
    }
  }

  globalThis.lectorToggle = toggle;
  globalThis.lectorAuto = autoOpen;
  globalThis.lectorExport = exportMarkdown;
})();
