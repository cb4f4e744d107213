// The reader view: a CLOSED shadow root shown in the browser's top layer over the page. The
// page's own DOM, scroll position and styles are never touched; closing removes the one host
// element this adds, and the page is exactly as it was. Page scripts cannot reach into the
// view (host.shadowRoot is null for them) and its styles cannot leak out.

/* global LECTOR_READER_CSS, LectorSettings, lectorLongDate */
/* exported LectorReaderView */
// `var` and the check: a click may inject this file again into a page that has it (see
// runInTab in background.js); the first run's view, with its hosts and state, stays.
var LectorReaderView = globalThis.LectorReaderView ?? (() => {
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

  /** The UI's words, from _locales in the browser's language. */
  const t = (key, ...substitutions) => chrome.i18n.getMessage(key, substitutions);

  let noticeHost = null;
  let noticeTimer = 0;
  /** The host elements this script has put in the page (the view, a notice): not the page's. */
  const ownHosts = new Set();
  /** What the last opened view did, for the browser tests (this world only; pages cannot see it). */
  let lastOpen = null;

  let sheet = null;
  /** The view's stylesheet, parsed once and adopted by every view and notice of this page. */
  function readerSheet() {
    if (!sheet) {
      const parsed = new CSSStyleSheet();
      parsed.replaceSync(LECTOR_READER_CSS);
      sheet = parsed;
    }
    return sheet;
  }

  /**
   * Work the view would otherwise do before its first paint, done while the engine runs in
   * the offscreen document and this page waits: the stylesheet parsed and the browser's UI
   * messages loaded (the first lookup fetches them).
   */
  function prepare() {
    try {
      readerSheet();
    } catch {
      // no constructable sheets: the view falls back to a <style> element
    }
    t('close');
  }

  /**
   * The first frame shows the article's first screens only: the rest waits, out of the
   * document, until that frame has painted (holdBackBelowTheFold). Three screens of text at
   * the reader's size, line height and measure, a glyph being about half an em wide; a picture,
   * video, frame or drawing counts as twenty lines, whatever it holds. (A table's text counts
   * as text: some pages set the whole article in a layout table.)
   */
  const FIRST_FRAME_SCREENS = 3;
  const TALL_ELEMENT_LINES = 20;
  const TALL_ELEMENTS = new Set(['img', 'picture', 'video', 'iframe', 'svg', 'canvas']);
  const INLINE_ELEMENTS = new Set([
    'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark',
    'picture', 'q', 's', 'samp', 'small', 'source', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
  ]);

  /**
   * Takes the article's blocks after the first few screens out of `content`, so that the view's
   * first frame styles, lays out and paints only what it shows (on the longest articles most of
   * the click's time went to laying out the rest). Blocks after the one where the budget ends
   * go, at every level up to `content`, each run of them into a fragment of its own; appending
   * each run to its parent puts everything back in order, since each was its parent's tail.
   * Returns the function that puts them back, or null when the whole article fits.
   */
  function holdBackBelowTheFold(content, settings) {
    const lineHeight = settings.size * settings.lineHeight;
    const charsPerLine = settings.width * 2;
    const lines = FIRST_FRAME_SCREENS * Math.max(window.innerHeight, 600) / lineHeight;
    let budget = lines * charsPerLine;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    /** The node after the current one's subtree (a tall element is counted whole). */
    const pastSubtree = () => {
      for (;;) {
        const next = walker.nextSibling();
        if (next) return next;
        if (!walker.parentNode()) return null;
      }
    };
    let last = null;
    let node = walker.nextNode();
    while (budget > 0 && node) {
      last = node;
      if (node.nodeType === Node.TEXT_NODE) {
        budget -= node.length;
        node = walker.nextNode();
      } else if (TALL_ELEMENTS.has(node.localName)) {
        budget -= TALL_ELEMENT_LINES * charsPerLine;
        node = pastSubtree();
      } else {
        node = walker.nextNode();
      }
    }
    if (budget > 0 || !last) return null;
    let block = last.nodeType === Node.TEXT_NODE ? last.parentNode : last;
    while (block.parentNode !== content && INLINE_ELEMENTS.has(block.localName)) block = block.parentNode;
    const held = [];
    for (let node = block; node !== content; node = node.parentNode) {
      if (!node.nextSibling) continue;
      const tail = document.createRange();
      tail.setStartAfter(node);
      tail.setEndAfter(node.parentNode.lastChild);
      held.push([node.parentNode, tail.extractContents()]);
    }
    if (!held.length) return null;
    return () => {
      for (const [parent, rest] of held) parent.append(rest);
    };
  }

  /** A host element in the top layer (above any z-index the page uses) with a closed shadow root. */
  function createHost(tag) {
    const host = document.createElement(tag);
    // CSSOM, not the style attribute: a page CSP without 'unsafe-inline' styles cannot block it.
    host.style.cssText = hostStyle();
    host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'closed' });
    try {
      shadow.adoptedStyleSheets = [readerSheet()];
    } catch {
      const style = document.createElement('style');
      style.textContent = LECTOR_READER_CSS;
      style.dataset.lector = '';
      shadow.append(style);
    }
    return { host, shadow };
  }

  /** Puts a prepared host on screen, styles and content already inside: no unstyled flash. */
  function showHost(host) {
    ownHosts.add(host);
    document.documentElement.append(host);
    try {
      host.showPopover();
    } catch {
      // No popover support: the fixed position and maximal z-index still cover the page.
    }
  }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
    }
    node.append(...children);
    return node;
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

  const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'background', 'ping', 'cite', 'data', 'lowsrc', 'dynsrc']);
  /** Elements the view never shows, with all they hold (a type selector matches `svg` and `math` too). */
  const ACTIVE_ELEMENTS = [
    'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'form', 'base', 'template',
    'svg', 'math', 'input', 'button', 'textarea', 'select', 'noscript', 'portal', 'video', 'audio', 'source', 'track', 'dialog',
  ].join(', ');

  /** An attribute the view keeps: no handler, style or frame source, no script or non-image data URL. */
  function keepAttribute(element, attr) {
    const name = attr.name.toLowerCase();
    if (attr.namespaceURI !== null || name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'target') return false;
    // Only code-language classes: the view's own class names must not style article content.
    if (name === 'class') return /^language-[\w+#.-]+$/.test(attr.value.trim());
    const value = attr.value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
    if (/(^|,)(javascript|vbscript|livescript):/.test(value)) return false;
    const imageData = element.localName === 'img' && (name === 'src' || name === 'srcset') && value.startsWith('data:image/');
    return !(URL_ATTRIBUTES.has(name) && value.includes('data:') && !imageData);
  }

  /**
   * Belt and braces: the engine already sanitized. This cleans the parsed article where it
   * was parsed, in place in the inert document of `source` (no script runs there and nothing
   * loads), keeping only what is safe (HTML elements, text, safe attributes), and only then
   * clones it into this document with `importNode`: a copy made node by node from here took
   * 2 to 10 times as long (95 against 44 ms on the longest of Mozilla's articles).
   * The clone matters: in Chromium, an on* attribute the parser saw has a handler compiled for
   * the page's world, and removing the attribute from an isolated world leaves that handler in
   * place; a clone gets handlers only for the attributes it is made with, and none are left.
   * URLs are judged as browsers read them (tabs, newlines and spaces inside dropped).
   */
  function cleanCopy(source) {
    for (const node of source.querySelectorAll(ACTIVE_ELEMENTS)) node.remove();
    const strays = source.ownerDocument.createTreeWalker(source, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION);
    const doomed = [];
    while (strays.nextNode()) doomed.push(strays.currentNode);
    for (const node of doomed) node.remove();
    for (const element of source.querySelectorAll('*')) {
      // Foreign elements live only inside <svg> and <math>, removed above: this is a guard.
      if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
        element.remove();
        continue;
      }
      const attributes = element.attributes;
      for (let i = attributes.length - 1; i >= 0; i--) {
        if (!keepAttribute(element, attributes[i])) element.removeAttributeNode(attributes[i]);
      }
    }
    // The children only: the source's own attributes (a <body> start tag in the HTML sets them) stay behind.
    const fragment = document.createDocumentFragment();
    for (const child of source.childNodes) fragment.append(document.importNode(child, true));
    return fragment;
  }

  /** Ids for the headings the contents list links to; the article's own ids are kept. */
  function headingIds(content) {
    const used = new Set([...content.querySelectorAll('[id]')].map((node) => node.id));
    const headings = [...content.querySelectorAll('h2, h3')].filter((h) => h.textContent.trim());
    for (const heading of headings) {
      if (heading.id) continue;
      const base = heading.textContent.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'section';
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      heading.id = id;
    }
    return headings;
  }

  /** Wide tables get a scrolling wrapper so that they never overflow the column. */
  function wrapTables(content) {
    for (const table of content.querySelectorAll('table')) {
      if (table.parentElement?.closest('table')) continue;
      const wrapper = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('tableLabel') });
      table.replaceWith(wrapper);
      wrapper.append(table);
    }
  }

  /**
   * Video players the engine turned into links ("▶ title (Host)") get a "Play here" button:
   * nothing from the video host loads until the reader asks for it, and then only that host's
   * privacy-minded player, in a sandboxed frame. The link stays for pages whose CSP forbids
   * the frame.
   */
  const VIDEO_PLAYERS = [
    [/^https:\/\/www\.youtube\.com\/watch\?v=([\w-]{6,20})$/, (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`],
    [/^https:\/\/vimeo\.com\/(\d{3,12})$/, (id) => `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1`],
    [/^https:\/\/www\.dailymotion\.com\/video\/([a-z0-9]{4,12})$/i, (id) => `https://geo.dailymotion.com/player.html?video=${id}`],
  ];

  function videoPlayers(content) {
    for (const link of content.querySelectorAll('p > a[href]:only-child')) {
      if (!link.textContent.trimStart().startsWith('▶')) continue;
      const href = link.getAttribute('href');
      const player = VIDEO_PLAYERS.map(([pattern, embed]) => href.match(pattern) && embed(href.match(pattern)[1])).find(Boolean);
      if (!player) continue;
      const play = el('button', { type: 'button', class: 'play-video', text: t('playVideo') });
      play.addEventListener('click', () => {
        const frame = el('iframe', {
          src: player, title: link.textContent.replace(/^\s*▶\s*/, ''), allow: 'autoplay; fullscreen; picture-in-picture; encrypted-media',
          sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups', allowfullscreen: '', loading: 'eager',
        });
        play.replaceWith(el('div', { class: 'video-frame' }, [frame]));
        frame.focus();
      }, { once: true });
      link.parentElement.classList.add('video');
      link.parentElement.append(' ', play);
    }
  }

  /** Contents of a long article: shown when it has at least three subheadings. */
  function contentsList(headings) {
    if (headings.length < 3) return null;
    const items = headings.map((h) =>
      el('li', { class: `level-${h.localName.slice(1)}` }, [el('a', { href: `#${encodeURIComponent(h.id)}`, text: h.textContent.trim().replace(/\s+/g, ' ') })]),
    );
    return el('details', { class: 'toc' }, [
      el('summary', { text: t('contents') }),
      el('nav', { 'aria-label': t('contents') }, [el('ol', {}, items)]),
    ]);
  }

  /** The fragment of a link that points into this same page (footnotes, contents), else null. */
  function sameDocumentFragment(link) {
    const raw = link.getAttribute('href') || '';
    if (raw.startsWith('#')) return raw.length > 1 ? safeDecode(raw.slice(1)) : null;
    let url;
    try {
      url = new URL(link.href);
    } catch {
      return null;
    }
    if (!url.hash || url.hash === '#') return null;
    for (const page of [location.href, document.baseURI]) {
      const here = new URL(page);
      if (url.origin === here.origin && url.pathname === here.pathname && url.search === here.search) return safeDecode(url.hash.slice(1));
    }
    return null;
  }

  function safeDecode(text) {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  }

  /** A short text for a keyboard shortcut the browser reports ("Alt+Shift+L"), or ''. */
  async function toggleShortcut() {
    try {
      const answer = await chrome.runtime.sendMessage({ type: 'content:get-shortcut' });
      return typeof answer?.shortcut === 'string' ? answer.shortcut : '';
    } catch {
      return '';
    }
  }

  /** The "Aa" panel: theme, font, text size, width, line height and reset. */
  function settingsPanel(id, problems) {
    const radios = (key, labels, classPrefix) =>
      el('fieldset', {}, [
        el('legend', { text: t(`setting_${key}`) }),
        el(
          'div',
          { class: 'choices' },
          LectorSettings.CHOICES[key].map((value) =>
            el('label', { class: `choice ${classPrefix}-${value}` }, [
              el('input', { type: 'radio', name: `lector-${key}`, value, 'data-setting': key }),
              el('span', { text: t(labels[value]) }),
            ]),
          ),
        ),
      ]);
    const range = (key) => {
      const { min, max, step } = LectorSettings.RANGES[key];
      const inputId = `${id}-${key}`;
      return el('div', { class: 'range' }, [
        el('label', { for: inputId, text: t(`setting_${key}`) }),
        el('output', { for: inputId, 'data-output': key }),
        el('input', { id: inputId, type: 'range', min: String(min), max: String(max), step: String(step), 'data-setting': key }),
      ]);
    };
    const children = [];
    if (problems.length) {
      const names = [...new Set(problems.map((p) => (LectorSettings.KEYS.includes(p.key) ? t(`setting_${p.key}`) : p.key)))];
      children.push(el('p', { class: 'problem', role: 'note', text: t('settingsProblem', names.join(', ')) }));
    }
    children.push(
      radios('theme', { auto: 'themeAuto', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' }, 'swatch'),
      radios('font', { serif: 'fontSerif', sans: 'fontSans', mono: 'fontMono' }, 'font'),
      range('size'),
      range('width'),
      range('lineHeight'),
      el('div', { class: 'row' }, [el('button', { type: 'button', class: 'reset', text: t('resetSettings') })]),
      el('p', { class: 'keys' }),
    );
    return el('div', { class: 'panel', id, role: 'group', 'aria-label': t('settingsLabel'), hidden: true }, children);
  }

  function open(article, { route, ms, started, engineTiming, exportMarkdown, settings: loaded, onClose }) {
    const timing = { started: started ?? performance.now(), opened: performance.now(), inserted: 0, painted: 0, lifted: 0 };
    const scroll = { x: window.scrollX, y: window.scrollY };
    const previousFocus = document.activeElement;
    const { host, shadow } = createHost('lector-reader');
    let settings = { ...(loaded?.settings ?? LectorSettings.DEFAULTS) };

    const meta = [];
    // Each item isolated (bdi) so right-to-left pages keep "6 min read" in one piece.
    if (article.byline) meta.push(el('span', {}, [el('bdi', { class: 'byline', text: article.byline })]));
    if (article.published) {
      // Written with the article (lectorExtract), where the engine ran.
      const text = article.publishedText ?? lectorLongDate(article.published, article.lang);
      meta.push(el('span', {}, [el('time', { datetime: article.published, text })]));
    }
    if (article.text) {
      const minutes = readingMinutes(article.text);
      meta.push(el('span', {}, [el('bdi', { dir: 'ltr', text: t('minutesToRead', String(minutes)) })]));
    }

    // Parsed in an inert document (no scripts run, nothing loads), checked, then adopted.
    const parsed = new DOMParser().parseFromString(`<body>${article.contentHtml}</body>`, 'text/html');
    const content = el('div', { class: 'content' }, [cleanCopy(parsed.body)]);
    wrapTables(content);
    videoPlayers(content);
    const headings = headingIds(content);

    const headerParts = [];
    // The site name links back to the original page.
    const siteLabel = article.siteName || location.hostname.replace(/^www\./, '');
    headerParts.push(el('p', { class: 'site' }, [el('a', { href: location.href, text: siteLabel })]));
    headerParts.push(el('h1', { class: 'title', id: 'lector-ui-title', text: article.title }));
    if (meta.length) headerParts.push(el('p', { class: 'meta' }, meta));

    const parts = [el('header', {}, headerParts)];
    const lead = article.leadImage;
    // The lead is already there when the text shows it, or opens with a picture (often another
    // rendition of the same photo, under a different file name).
    const secondParagraph = content.querySelectorAll('p')[1];
    const inBody = lead && [...content.querySelectorAll('img')].some((img) => imageKey(img.src) === imageKey(lead)
      || !secondParagraph || (secondParagraph.compareDocumentPosition(img) & Node.DOCUMENT_POSITION_PRECEDING));
    if (lead && !inBody && /^https?:/i.test(lead)) {
      parts.push(el('figure', { class: 'lead' }, [el('img', { src: lead, alt: '' })]));
    }
    const toc = contentsList(headings);
    if (toc) parts.push(toc);
    parts.push(content);

    // ---- toolbar: [status] [extra controls] [Aa] [Copy] [Download] [Close] ----
    const panelId = 'lector-ui-settings';
    const panel = settingsPanel(panelId, loaded?.problems ?? []);
    const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    /** Where other features put their toolbar controls (see addControl). */
    const extra = el('span', { class: 'extra' });
    const settingsButton = el('button', {
      type: 'button', class: 'aa', 'aria-expanded': 'false', 'aria-controls': panelId,
      'aria-label': t('settingsLabel'), title: t('settingsLabel'), text: 'Aa',
    });
    const closeButton = el('button', { type: 'button', class: 'close', title: t('closeTitle'), 'aria-keyshortcuts': 'Escape', text: t('close') });
    const tools = [status, extra, settingsButton];
    if (article.markdownDocument || exportMarkdown) {
      // The export is written when first asked for (the engine runs again), then kept.
      let exported = article.markdownDocument ? Promise.resolve(article) : null;
      const markdown = () => {
        exported ??= exportMarkdown().then(
          (found) => (found?.markdownDocument ? found : Promise.reject(new Error('no article'))),
        );
        exported.catch(() => (exported = null)); // a failed try may be retried
        return exported;
      };
      const copyButton = el('button', { type: 'button', class: 'copy-markdown', title: t('copyMarkdownTitle'), text: t('copyMarkdown') });
      const saveButton = el('button', { type: 'button', class: 'save-markdown', title: t('downloadMarkdownTitle'), text: t('downloadMarkdown') });
      copyButton.addEventListener('click', async () => {
        const found = await markdown().catch(() => null);
        status.textContent = found && (await copyText(found.markdownDocument, shadow)) ? t('copied') : t('copyFailed');
      });
      saveButton.addEventListener('click', async () => {
        try {
          const found = await markdown();
          saveFile(found.markdownFileName, found.markdownDocument);
          status.textContent = t('savedFile', found.markdownFileName);
        } catch (error) {
          status.textContent = t('exportFailed', String(error?.message || error));
        }
      });
      tools.push(copyButton, saveButton);
    }
    tools.push(closeButton);

    const progressBar = el('div', { class: 'bar' });
    const articleNode = el('article', { lang: article.lang || '', dir: article.dir || 'auto', tabindex: '-1', 'aria-labelledby': 'lector-ui-title' }, parts);
    // The view's own controls speak the browser's language and direction; the article keeps its own.
    const root = el('div', { class: 'root', lang: chrome.i18n.getUILanguage?.() || undefined, dir: chrome.i18n.getMessage('@@bidi_dir') || 'ltr' }, [
      el('div', { class: 'progress', 'aria-hidden': 'true' }, [progressBar]),
      el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('readerLabel') }, tools),
      panel,
      articleNode,
    ]);

    // The contents sit beside the column when the margin is wide enough (about 17rem).
    let tocSide = null;
    function placeContents() {
      if (!toc) return;
      const viewport = host.clientWidth || window.innerWidth;
      const margin = (viewport - Math.min(settings.width * settings.size, viewport)) / 2;
      const side = margin >= 17 * 16;
      if (side === tocSide) return;
      tocSide = side;
      root.classList.toggle('toc-side', side);
      if (side) toc.open = true;
    }
    const resizeObserver = new ResizeObserver(() => placeContents());

    // ---- settings: applied before the first paint, changed instantly, saved shortly after ----
    function applySettings() {
      root.dataset.theme = settings.theme;
      root.dataset.font = settings.font;
      root.style.setProperty('--size', `${settings.size}px`);
      root.style.setProperty('--measure', `${settings.width}em`);
      root.style.setProperty('--leading', String(settings.lineHeight));
      placeContents();
      for (const input of panel.querySelectorAll('input[data-setting]')) {
        const key = input.dataset.setting;
        if (input.type === 'radio') input.checked = input.value === settings[key];
        else input.value = String(settings[key]);
      }
      for (const output of panel.querySelectorAll('output[data-output]')) {
        const key = output.dataset.output;
        output.textContent = key === 'size' ? `${settings.size}px` : key === 'width' ? `${settings.width}em` : String(settings.lineHeight);
      }
    }
    let pending = {};
    let saveTimer = 0;
    function flushSave() {
      clearTimeout(saveTimer);
      const changes = pending;
      pending = {};
      if (!Object.keys(changes).length) return Promise.resolve();
      return LectorSettings.save(changes).catch((error) => {
        console.warn('Lector: reader settings could not be saved', error);
        status.textContent = t('settingsNotSaved');
      });
    }
    function change(key, value) {
      if (settings[key] === value) return;
      settings = { ...settings, [key]: value };
      applySettings();
      pending[key] = value;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(flushSave, 300);
    }
    function resetSettings() {
      clearTimeout(saveTimer);
      pending = {};
      settings = { ...LectorSettings.DEFAULTS };
      applySettings();
      panel.querySelector('.problem')?.remove();
      LectorSettings.reset().catch((error) => {
        console.warn('Lector: reader settings could not be reset', error);
        status.textContent = t('settingsNotSaved');
      });
    }
    panel.addEventListener('input', (event) => {
      const input = event.target;
      const key = input.dataset?.setting;
      if (!key) return;
      change(key, input.type === 'radio' ? input.value : Number(input.value));
    });
    panel.querySelector('.reset').addEventListener('click', resetSettings);
    // Another tab changed them: follow, unless this view has changes of its own on the way.
    const stopFollowing = LectorSettings.onChanged(({ settings: stored }) => {
      if (Object.keys(pending).length) return;
      settings = stored;
      applySettings();
    });
    applySettings();


    function setPanelOpen(openIt, { focus = true } = {}) {
      panel.hidden = !openIt;
      settingsButton.setAttribute('aria-expanded', String(openIt));
      if (!focus) return;
      if (openIt) (panel.querySelector('input:checked') ?? panel.querySelector('input'))?.focus();
      else settingsButton.focus();
    }
    settingsButton.addEventListener('click', () => setPanelOpen(panel.hidden));
    // A click elsewhere in the view closes the panel.
    root.addEventListener('pointerdown', (event) => {
      if (!panel.hidden && !panel.contains(event.target) && !settingsButton.contains(event.target)) setPanelOpen(false, { focus: false });
    });

    // ---- the first frame: the first screens only (holdBackBelowTheFold) ----
    let putBackRest = holdBackBelowTheFold(content, settings);
    // Assistive technology (and anything else reading the view) waits for the whole article.
    if (putBackRest) articleNode.setAttribute('aria-busy', 'true');
    /** Puts the whole article in: after the first frame, or before anything needs it all. */
    function liftFirstFrame() {
      timing.lifted ||= performance.now();
      if (!putBackRest) return;
      putBackRest();
      putBackRest = null;
      articleNode.removeAttribute('aria-busy');
      if (!closed) progressFrame ||= requestAnimationFrame(updateProgress);
    }

    // ---- in-page links (contents, footnotes) scroll inside the view ----
    function scrollToTarget(target) {
      const top = host.scrollTop + target.getBoundingClientRect().top - host.getBoundingClientRect().top - 64;
      host.scrollTo({ top: Math.max(0, top) });
      for (const old of shadow.querySelectorAll('.targeted')) old.classList.remove('targeted');
      target.classList.add('targeted');
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
    root.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const id = sameDocumentFragment(link);
      if (id === null) return; // an ordinary link: it opens its original target
      // Never the page's own anchor under the view: the page's scroll and URL stay as they were.
      event.preventDefault();
      liftFirstFrame(); // the target may be in the part the first frame left out
      const target = content.querySelector(`[id="${CSS.escape(id)}"]`) ?? shadow.getElementById(id);
      if (target) scrollToTarget(target);
    });

    // ---- reading progress and the current section ----
    const tocLinks = toc ? [...toc.querySelectorAll('a')] : [];
    let progressFrame = 0;
    function updateProgress() {
      progressFrame = 0;
      const max = host.scrollHeight - host.clientHeight;
      const fraction = max > 0 ? Math.min(1, Math.max(0, host.scrollTop / max)) : 1;
      progressBar.style.transform = `scaleX(${fraction.toFixed(4)})`;
      root.classList.toggle('scrolled', host.scrollTop > 0);
      if (tocLinks.length) {
        // The section whose heading passed the upper third of the view; at the very end, the
        // last one in sight.
        const limit = max > 0 && host.scrollTop >= max - 1 ? host.clientHeight : Math.max(80, host.clientHeight / 3);
        let current = -1;
        headings.forEach((h, i) => {
          if (h.isConnected && h.getBoundingClientRect().top <= limit) current = i;
        });
        tocLinks.forEach((a, i) => (i === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
      }
    }
    host.addEventListener('scroll', () => {
      progressFrame ||= requestAnimationFrame(updateProgress);
    }, { passive: true });

    // ---- keyboard ----
    function textSize(direction) {
      change('size', LectorSettings.step(settings, 'size', direction));
      status.textContent = t('textSizeNow', `${settings.size}px`);
    }
    const onKey = (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        event.preventDefault();
        if (!panel.hidden) setPanelOpen(false);
        else close();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const focusInView = document.activeElement === host || document.activeElement === document.body || !document.activeElement;
      if (!focusInView) return;
      if (event.key === '+' || event.key === '=') {
        event.stopPropagation();
        event.preventDefault();
        textSize(1);
      } else if (event.key === '-' || event.key === '_') {
        event.stopPropagation();
        event.preventDefault();
        textSize(-1);
      } else if (event.key === 'Tab') {
        keepFocusInside(event);
      }
    };
    /** Tab and Shift+Tab cycle through the view's controls, not the hidden page beneath. */
    function keepFocusInside(event) {
      const focusable = [...root.querySelectorAll('a[href], button, input, summary, [tabindex="0"]')].filter(
        (node) => !node.disabled && node.getClientRects().length > 0 && !(node.type === 'radio' && !node.checked),
      );
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = shadow.activeElement;
      if (event.shiftKey && (active === first || !root.contains(active) || active === articleNode)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !root.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }
    window.addEventListener('keydown', onKey, true);
    // Keys typed in the reader (space to scroll, letters) are not the page's shortcuts.
    for (const type of ['keydown', 'keypress', 'keyup']) host.addEventListener(type, (event) => event.stopPropagation());
    closeButton.addEventListener('click', () => close());
    // Printing lays the article out in the page flow so that every page of it prints.
    const onBeforePrint = () => {
      liftFirstFrame();
      host.style.cssText = hostStyle(true);
    };
    const onAfterPrint = () => {
      host.style.cssText = hostStyle();
    };
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);

    shadow.append(root);
    const restorePrint = hidePageInPrint();
    showHost(host);
    timing.inserted = performance.now();
    resizeObserver.observe(host);
    articleNode.focus({ preventScroll: true });
    updateProgress();
    toggleShortcut().then((shortcut) => {
      if (closed) return;
      const keys = panel.querySelector('.keys');
      keys.textContent = shortcut ? t('keysHelp', shortcut) : t('keysHelpNoShortcut');
      if (shortcut) {
        closeButton.title = t('closeTitleShortcut', shortcut);
        closeButton.setAttribute('aria-keyshortcuts', `Escape ${shortcut.replace(/\s+/g, '')}`);
      }
    });
    // The first frame with the view in it has been painted when a task queued from its
    // animation frame runs; then the rest of the article is laid out.
    requestAnimationFrame(() =>
      setTimeout(() => {
        timing.painted = performance.now();
        liftFirstFrame();
      }, 0),
    );
    lastOpen = { route, ms, timing, engineTiming, timeOrigin: performance.timeOrigin };

    let closed = false;
    function close() {
      if (closed) return;
      closed = true;
      flushSave();
      stopFollowing();
      cancelAnimationFrame(progressFrame);
      resizeObserver.disconnect();
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      restorePrint();
      host.remove();
      ownHosts.delete(host);
      if (window.scrollX !== scroll.x || window.scrollY !== scroll.y) window.scrollTo(scroll.x, scroll.y);
      if (previousFocus && previousFocus.isConnected && previousFocus !== document.body && typeof previousFocus.focus === 'function') {
        previousFocus.focus({ preventScroll: true });
      }
      onClose();
    }
    return {
      close,
      // The page can remove our host (a framework re-rendering <html>): then nothing is shown.
      isShown: () => host.isConnected,
      /** Adds a control (a button, a switch…) to the toolbar, before the settings button. */
      addControl(node) {
        extra.append(node);
      },
    };
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
    ownHosts.delete(noticeHost);
    noticeHost = null;
  }

  /** A short, polite message that leaves the page alone and goes away by itself. */
  function notice(text) {
    dismissNotice();
    const { host, shadow } = createHost('lector-notice');
    host.style.setProperty('pointer-events', 'none', 'important');
    host.style.setProperty('overflow', 'visible', 'important');
    shadow.append(el('div', { class: 'notice', role: 'status', dir: chrome.i18n.getMessage('@@bidi_dir') || 'ltr', text }));
    showHost(host);
    noticeHost = host;
    noticeTimer = setTimeout(dismissNotice, 4000);
  }

  return { open, prepare, notice, dismissNotice, saveFile, lastOpen: () => lastOpen, ownHosts: () => ownHosts, readingMinutes, cleanCopy };
})();
