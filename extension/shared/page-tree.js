// The page as the engine reads it, written in one walk in JavaScript and handed to the wasm in
// one call (src/wasm/mod.rs decodes it). Reading the DOM node by node from the wasm costs a
// crossing of the JS/wasm boundary per property; here each string crosses once, inside one.
//
// The walk is the rendered (flat) tree, as the engine counts elements: an open shadow root stands
// in for its host's light children, a <slot> is not an element of its own but stands for its
// assigned nodes (or else its fallback children). <noscript> keeps its markup as one text
// child (as html5ever gives it, and as the engine reads it for fallback images); <template>
// contents are not children. Comments are left out, and so is the text of style sheets and of
// the scripts the engine does not read (lectorReadsCode).
//
// Format: `tree` is a Uint32Array of records, `strings` all strings in record order, each
// record giving the lengths (in UTF-16 code units) of its strings:
//   ELEMENT name-length attribute-count (name-length value-length)*   opens an element
//   TEXT length                                                       a text node
//   NOSCRIPT length                                                   a <noscript>'s markup
//   END                                                               closes the last element

/* exported lectorPageTree */
/**
 * `live`: `doc` is the rendered page, whose links and images the browser has resolved (the
 * link's `href` and the image's `currentSrc`, the srcset candidate it chose, replace the
 * attributes); false for a parsed copy.
 * `skip`: elements left out with everything in them (the reader's own host elements on the
 * live page); collectSignals must be given the same, so that element positions agree.
 * `withSignals`: also take the live page's signals in the same walk (`signals` in the result,
 * `{hidden, fixed}` as collectSignals gives them; the positions are those of this tree's
 * elements by construction): one walk of the page instead of two on a click.
 */
function lectorPageTree(doc, live, skip = null, withSignals = false) {
  const END = 0;
  const ELEMENT = 1;
  const TEXT = 2;
  const NOSCRIPT = 3;
  const tree = [];
  const strings = [];
  const CLOSE = 0; // on the stack: the element opened below it ends here
  const CLOSE_HIDDEN = 1; // the same, for the element whose subtree the signals found hidden
  const stack = doc.documentElement ? [doc.documentElement] : [];
  // Signals as collectSignals takes them: the computed style of each element from <body> on,
  // except inside an element already found hidden (its descendants are hidden too).
  const hidden = [];
  const fixed = [];
  const view = doc.defaultView;
  const body = withSignals ? doc.body : undefined;
  let elements = 0; // the position of the next element (from <html> = 0)
  let inBody = false;
  let inHidden = false;
  // Siblings are followed by reference, not through childNodes lists, and attributes are read
  // by name (getAttributeNames): no NodeList or Attr objects are made for the walk. Names are
  // sent as the DOM has them; the engine lowercases attribute names (SVG's viewBox).
  const pushChildren = (parent) => {
    for (let child = parent.lastChild; child; child = child.previousSibling) stack.push(child);
  };
  while (stack.length) {
    const node = stack.pop();
    if (node === CLOSE) {
      tree.push(END);
      continue;
    }
    if (node === CLOSE_HIDDEN) {
      tree.push(END);
      inHidden = false;
      continue;
    }
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      const text = node.data;
      tree.push(TEXT, text.length);
      strings.push(text);
      continue;
    }
    if (type !== 1 || (skip !== null && skip.has(node))) continue;
    const name = node.localName;
    if (name === 'slot' && typeof node.assignedNodes === 'function') {
      const assigned = node.assignedNodes({ flatten: true });
      if (!assigned.length) pushChildren(node);
      for (let i = assigned.length - 1; i >= 0; i--) stack.push(assigned[i]);
      continue;
    }
    const position = elements++;
    let hiddenHere = false;
    if (withSignals) {
      if (node === body) inBody = true;
      if (inBody && !inHidden) {
        // Each property read computes its value afresh (most of the walk's time), so each
        // is read once.
        const style = view.getComputedStyle(node);
        const mark = () => [position, name, node.getAttribute('id') ?? '', node.getAttribute('class') ?? ''];
        if (style.display === 'none' || style.visibility === 'hidden') {
          hidden.push(mark());
          hiddenHere = true;
        } else {
          const placement = style.position;
          if (placement === 'fixed' || placement === 'sticky') fixed.push(mark());
        }
      }
    }
    if (live && view && lectorSetApart(view, node, name)) {
      tree.push(TEXT, 1);
      strings.push(' ');
    }
    const names = node.getAttributeNames();
    // The value the browser resolved, in place of (or after) the attribute.
    let resolvedName = null;
    let resolved = null;
    if (live) {
      resolved = name === 'a' ? node.href : name === 'img' ? node.currentSrc : null;
      if (typeof resolved === 'string' && resolved) resolvedName = name === 'a' ? 'href' : 'src';
    }
    const added = resolvedName !== null && !names.includes(resolvedName);
    tree.push(ELEMENT, name.length, names.length + (added ? 1 : 0));
    strings.push(name);
    for (const key of names) {
      const value = key === resolvedName ? resolved : node.getAttribute(key);
      tree.push(key.length, value.length);
      strings.push(key, value);
    }
    if (added) {
      tree.push(resolvedName.length, resolved.length);
      strings.push(resolvedName, resolved);
    }
    if (name === 'noscript') {
      const markup = node.innerHTML;
      tree.push(NOSCRIPT, markup.length, END);
      strings.push(markup);
      continue;
    }
    if (hiddenHere) {
      stack.push(CLOSE_HIDDEN);
      inHidden = true;
    } else {
      stack.push(CLOSE);
    }
    if (name === 'template' || ((name === 'script' || name === 'style') && !lectorReadsCode(node))) continue;
    pushChildren(node.shadowRoot ?? node);
  }
  const page = { tree: Uint32Array.from(tree), strings: strings.join('') };
  if (withSignals) page.signals = { hidden, fixed };
  return page;
}

/**
 * Whether inline element `node` (tag `name`) and the inline element right before it, with no
 * text between them, are set apart on the screen: boxes (items of a flex row are, as are
 * inline blocks) with a gap between them or one below the other
 * (`<div class="specs"><span>3 beds</span><span>2.5 baths</span>`). Without the page's style
 * their words would run together ("beds2.5"), so the walk puts a space between them. Boxes
 * that touch stay together: a heading's letters set one per box for an animation, a user's
 * name and handle in a row. Style and layout are read only for such pairs.
 */
function lectorSetApart(view, node, name) {
  // On the function, not in a top-level const, which a second injection would redeclare.
  const inline = (lectorSetApart.inline ??= new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']));
  if (!inline.has(name)) return false;
  let before = node.previousSibling;
  while (before && before.nodeType === 8) before = before.previousSibling; // comments
  if (!before || before.nodeType !== 1 || !inline.has(before.localName)) return false;
  // A plain inline element's rectangle spans all its lines: boxes only.
  const box = (element) => {
    const display = view.getComputedStyle(element).display;
    return display !== 'inline' && display !== 'none' && display !== 'contents';
  };
  if (!box(node) && !box(before)) return false;
  const a = before.getBoundingClientRect();
  const b = node.getBoundingClientRect();
  if (!a.width || !b.width) return false;
  return b.top >= a.bottom - 1 || b.left - a.right >= 2 || a.left - b.right >= 2;
}

/**
 * Whether the engine reads this script's or style sheet's text: JSON-LD (metadata), TeX
 * sources (math), and the inline scripts of streamed HTML that place late segments (`$RC`,
 * `$RS` calls; src/extract/streamed.rs). The rest stays out of the page tree: script and
 * style text is 46% of the characters of Mozilla's test pages and 39% of WCXB's, all of it
 * copied to the engine and into its tree for nothing.
 */
function lectorReadsCode(element) {
  if (element.localName !== 'script') return false;
  const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
  if (type === 'application/ld+json' || type.startsWith('math/tex')) return true;
  const text = element.textContent;
  return text.includes('$RC(') || text.includes('$RS(');
}

/* exported lectorSignalMarks, lectorExtract, lectorLongDate */
/**
 * The live page's signals (`{hidden, fixed}` of [index, tag, id, class], from collectSignals)
 * as the engine reads them: records of five numbers (list: 0 hidden, 1 fixed; index; the
 * lengths of tag, id and class in UTF-16 units) and the strings joined.
 */
function lectorSignalMarks(signals) {
  const marks = [];
  const text = [];
  [signals?.hidden ?? [], signals?.fixed ?? []].forEach((list, which) => {
    for (const [index, tag, id, className] of list) {
      const strings = [String(tag ?? ''), String(id ?? ''), String(className ?? '')];
      marks.push(which, index >>> 0, ...strings.map((s) => s.length));
      text.push(...strings);
    }
  });
  return { marks: Uint32Array.from(marks), text: text.join('') };
}

/**
 * Runs the engine's extract on a page tree: the article object, or null. The publication date
 * comes with its long form for the reader view (`publishedText`), written where the engine
 * ran: the first date formatter of a page costs it 20-30 ms (the browser's locale data), which
 * the offscreen document pays once for all pages.
 */
function lectorExtract(glue, tree, strings, url, signals, markdown) {
  const { marks, text } = lectorSignalMarks(signals);
  const json = glue.extract(tree, strings, url, marks, text, markdown === true);
  if (json == null) return null;
  const article = JSON.parse(json);
  if (article.published) article.publishedText = lectorLongDate(article.published, article.lang);
  return article;
}

/** A date in the long form of a language (the browser's for none); the value itself if it is no date. */
function lectorLongDate(value, lang) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // Formatters kept by language: making one costs more than formatting a date with it. (On the
  // function, not in a top-level const, which a second injection of this file would redeclare.)
  const formats = (lectorLongDate.formats ??= new Map());
  const key = lang || '';
  let format = formats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long' });
    } catch {
      format = null; // an invalid language tag
    }
    formats.set(key, format);
  }
  return format ? format.format(date) : date.toDateString();
}
