// Automatic reader mode, page side. Registered by the background only for the sites the user
// turned on, at document_start, after the reader's own scripts (content.js defines
// lectorAuto). It hides the page before anything paints, asks the engine once the document
// is parsed, and shows the page again as soon as the reader view is up or the engine says
// "no article", and in any case after HIDE_LIMIT_MS, so a slow or failing check never leaves
// a blank page behind.

/* global lectorAuto */
(() => {
  if (globalThis.lectorAutoStarted) return;
  globalThis.lectorAutoStarted = true;

  const HIDE_LIMIT_MS = 1500;

  /**
   * Hides the page with a constructed sheet on the document: no element is added to the
   * page. The reader view's host resets every property (all: initial), so it shows through.
   */
  function hidePage() {
    const rule = 'html { visibility: hidden !important; }';
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(rule);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      // No constructable sheets in this world (older engines): a style element does the same.
      const parent = document.head || document.documentElement;
      if (!parent) return () => {};
      const style = document.createElement('style');
      style.textContent = rule;
      parent.append(style);
      return () => style.remove();
    }
  }

  let shown = false;
  const hide = hidePage();
  function show() {
    if (shown) return;
    shown = true;
    clearTimeout(limit);
    hide();
  }
  const limit = setTimeout(show, HIDE_LIMIT_MS);

  // The toolbar button says that automatic mode is on for this site.
  chrome.runtime.sendMessage({ type: 'content:indicator', reader: false }).catch(() => {});

  function decide() {
    lectorAuto().then(show, show);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', decide, { once: true });
  else decide();
})();
