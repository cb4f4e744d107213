// The reader view: a shadow root shown in the browser's top layer over the page. The page's
// own DOM, scroll position and styles are never touched; closing removes the one host
// element this adds, and the page is exactly as it was.

/* global LECTOR_READER_CSS */
/* exported LectorReaderView */
const LectorReaderView = (() => {
  /** The host's inline style: a fixed, scrolling layer on screen; plain flow when printing. */
  function hostStyle(printing = false) {
    const layout = printing
      ? ['position: static', 'width: auto', 'height: auto', 'overflow: visible']
      : ['position: fixed', 'inset: 0', 'width: 100vw', 'height: 100vh', 'overflow: auto'];
    return [
      'all: initial', 'display: block', ...layout, 'max-width: none', 'max-height: none', 'margin: 0',
      'padding: 0', 'border: 0', 'overscroll-behavior: contain', 'z-index: 2147483647',
      'background: transparent', 'color-scheme: light dark',
    ].map((rule) => `${rule} !important`).join('; ');
  }

  let noticeHost = null;
  let noticeTimer = 0;

  /** A host element in the top layer (above any z-index the page uses) with a shadow root. */
  function createHost(tag) {
    const host = document.createElement(tag);
    host.setAttribute('style', hostStyle());
    host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(LECTOR_READER_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = LECTOR_READER_CSS;
      style.dataset.lector = '';
      shadow.append(style);
    }
    document.documentElement.append(host);
    try {
      host.showPopover();
    } catch {
      // No popover support: the fixed position and maximal z-index still cover the page.
    }
    return { host, shadow };
  }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  }

  function formatDate(value, lang) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    try {
      return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long' }).format(date);
    } catch {
      return date.toDateString();
    }
  }

  /**
   * Minutes to read: words at 230 a minute, plus characters of scripts written without
   * spaces (Chinese, Japanese, Korean, Thai…) at about 500 a minute.
   */
  function readingMinutes(text) {
    const dense = (text.match(/[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/g) || []).length;
    const words = text.replace(/[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/g, ' ').split(/\s+/).filter(Boolean).length;
    return Math.max(1, Math.round(words / 230 + dense / 500));
  }

  /**
   * While the reader is open, printing prints the article only: one constructed sheet on the
   * document hides the page's body in print. Removed on close, leaving the page's own sheets
   * exactly as they were.
   */
  function hidePageInPrint() {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('@media print { html > body { display: none !important; } }');
      const before = document.adoptedStyleSheets;
      document.adoptedStyleSheets = [...before, sheet];
      return () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      return () => {}; // no constructable sheets here: printing shows the page too
    }
  }

  /** Same picture, ignoring the size variants CMSs add ("-800x450", query strings). */
  function imageKey(url) {
    try {
      const name = new URL(url).pathname.split('/').pop() || '';
      return name.replace(/-\d+x\d+(?=\.\w+$)/, '').replace(/\.\w+$/, '');
    } catch {
      return url;
    }
  }

  /** Belt and braces: the engine already sanitized; strip any handler that slipped through. */
  function stripActiveContent(root) {
    for (const node of root.querySelectorAll('*')) {
      for (const attr of [...node.attributes]) {
        const value = attr.value.trim().toLowerCase();
        if (attr.name.startsWith('on') || value.startsWith('javascript:') || attr.name === 'style') {
          node.removeAttribute(attr.name);
        }
      }
      if (/^(script|style|iframe|object|embed|link|meta|form|base)$/i.test(node.localName)) node.remove();
    }
  }

  function open(article, { route, ms, onClose }) {
    const scroll = { x: window.scrollX, y: window.scrollY };
    const previousFocus = document.activeElement;
    const { host, shadow } = createHost('lector-reader');
    const restorePrint = hidePageInPrint();
    host.dataset.route = route;
    host.dataset.ms = String(ms);

    const meta = [];
    // Each item isolated (bdi) so right-to-left pages keep "6 min read" in one piece.
    if (article.byline) meta.push(el('span', {}, [el('bdi', { class: 'byline', text: article.byline })]));
    if (article.published) {
      meta.push(el('span', {}, [el('time', { datetime: article.published, text: formatDate(article.published, article.lang) })]));
    }
    if (article.text) {
      const minutes = readingMinutes(article.text);
      meta.push(el('span', {}, [el('bdi', { dir: 'ltr', text: `${minutes} min read` })]));
    }

    // Parsed in an inert document (no scripts run, nothing loads), checked, then adopted.
    const parsed = new DOMParser().parseFromString(`<body>${article.contentHtml}</body>`, 'text/html');
    stripActiveContent(parsed.body);
    const content = el('div', { class: 'content' }, [...parsed.body.childNodes]);

    const headerParts = [];
    // The site name links back to the original page.
    const siteLabel = article.siteName || location.hostname.replace(/^www\./, '');
    headerParts.push(el('p', { class: 'site' }, [el('a', { href: location.href, text: siteLabel })]));
    headerParts.push(el('h1', { class: 'title', text: article.title }));
    if (meta.length) headerParts.push(el('p', { class: 'meta' }, meta));

    const parts = [el('header', {}, headerParts)];
    const lead = article.leadImage;
    const inBody = lead && [...content.querySelectorAll('img')].some((img) => imageKey(img.src) === imageKey(lead));
    if (lead && !inBody && /^https?:/i.test(lead)) {
      parts.push(el('figure', { class: 'lead' }, [el('img', { src: lead, alt: '' })]));
    }
    parts.push(content);

    const closeButton = el('button', { type: 'button', class: 'close', title: 'Close reader view (Esc)', text: 'Close' });
    const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const tools = [status];
    if (article.markdownDocument) {
      const copyButton = el('button', { type: 'button', class: 'copy-markdown', title: 'Copy the article as Markdown', text: 'Copy Markdown' });
      const saveButton = el('button', { type: 'button', class: 'save-markdown', title: 'Download the article as a Markdown file', text: 'Download .md' });
      copyButton.addEventListener('click', async () => {
        status.textContent = (await copyText(article.markdownDocument, shadow)) ? 'Copied' : 'Copy failed';
      });
      saveButton.addEventListener('click', () => {
        saveFile(article.markdownFileName, article.markdownDocument);
        status.textContent = `Saved ${article.markdownFileName}`;
      });
      tools.push(copyButton, saveButton);
    }
    tools.push(closeButton);
    const root = el('div', { class: 'root' }, [
      el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Reader view' }, tools),
      el('article', { lang: article.lang || '', dir: article.dir || 'auto' }, parts),
    ]);
    shadow.append(root);
    host.tabIndex = -1;
    host.focus({ preventScroll: true });

    const onKey = (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        event.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey, true);
    // Keys typed in the reader (space to scroll, letters) are not the page's shortcuts.
    for (const type of ['keydown', 'keypress', 'keyup']) host.addEventListener(type, (event) => event.stopPropagation());
    closeButton.addEventListener('click', () => close());
    // Printing lays the article out in the page flow so that every page of it prints.
    const onBeforePrint = () => host.setAttribute('style', hostStyle(true));
    const onAfterPrint = () => host.setAttribute('style', hostStyle());
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);

    let closed = false;
    function close() {
      if (closed) return;
      closed = true;
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      restorePrint();
      host.remove();
      if (window.scrollX !== scroll.x || window.scrollY !== scroll.y) window.scrollTo(scroll.x, scroll.y);
      if (previousFocus && previousFocus.isConnected && typeof previousFocus.focus === 'function') {
        previousFocus.focus({ preventScroll: true });
      }
      onClose();
    }
    // The page can remove our host (a framework re-rendering <html>): then nothing is shown.
    return { close, isShown: () => host.isConnected };
  }

  /** Saves text as a file through a download link: no "downloads" permission needed. */
  function saveFile(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function copyText(text, shadow) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Clipboard API refused (no focus or permission): the selection route still works.
      const area = document.createElement('textarea');
      area.value = text;
      shadow.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      return ok;
    }
  }

  function dismissNotice() {
    clearTimeout(noticeTimer);
    noticeHost?.remove();
    noticeHost = null;
  }

  /** A short, polite message that leaves the page alone and goes away by itself. */
  function notice(text) {
    dismissNotice();
    const { host, shadow } = createHost('lector-notice');
    host.style.setProperty('pointer-events', 'none', 'important');
    host.style.setProperty('overflow', 'visible', 'important');
    shadow.append(el('div', { class: 'notice', role: 'status', text }));
    noticeHost = host;
    noticeTimer = setTimeout(dismissNotice, 4000);
  }

  return { open, notice, dismissNotice, saveFile };
})();
