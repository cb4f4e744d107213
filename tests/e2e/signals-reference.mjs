// The live page's signals taken by a walk of their own: how the content script took them before
// they joined the page-tree walk (extension/shared/page-tree.js, `withSignals`). Kept for the
// tests, as the reference the joined walk must agree with, and for the benchmark's copy route
// (tests/bench/browser.mjs), which sends signals beside the page's markup. Run in the
// extension's world by source (`${collectSignals}`).
//
// Signals: which elements the browser did not render and which are fixed or sticky (banners,
// modals, sticky bars). Each is [index, tag, id, class]: its position among elements from
// <html> = 0, plus what it looks like. Elements are counted in the order the engine's builder
// (src/wasm/mod.rs) walks them, which is the rendered (flat) tree: an open shadow root stands
// in for its host's light children, a <slot> is not counted but stands for its assigned
// elements (or its fallback children), and <noscript> and <template> are not descended into.

/**
 * `shadowRoots`, when given, receives every open shadow root met on the way. `skip`: elements
 * left out with everything in them and not counted, as lectorPageTree is given them.
 */
export function collectSignals(doc, shadowRoots = null, skip = null) {
  const hidden = [];
  const fixed = [];
  const body = doc.body;
  const view = doc.defaultView;
  let inBody = false;
  let index = 0;
  // [element, inside an element already found hidden (its descendants are hidden too)]
  const stack = [[doc.documentElement, false]];
  const pushAll = (elements, hiddenAbove) => {
    for (let i = elements.length - 1; i >= 0; i--) stack.push([elements[i], hiddenAbove]);
  };
  while (stack.length) {
    const [el, hiddenAbove] = stack.pop();
    if (!el || skip?.has(el)) continue;
    if (el.localName === 'slot' && typeof el.assignedElements === 'function') {
      const assigned = el.assignedElements({ flatten: true });
      pushAll(assigned.length ? assigned : el.children, hiddenAbove);
      continue;
    }
    const position = index++;
    if (el === body) inBody = true;
    let hiddenHere = hiddenAbove;
    if (inBody && !hiddenAbove) {
      const style = view.getComputedStyle(el);
      const mark = () => [position, el.localName, el.getAttribute('id') ?? '', el.getAttribute('class') ?? ''];
      if (style.display === 'none' || style.visibility === 'hidden') {
        hidden.push(mark());
        hiddenHere = true;
      } else if (style.position === 'fixed' || style.position === 'sticky') {
        fixed.push(mark());
      }
    }
    if (el.localName === 'noscript' || el.localName === 'template') continue;
    const root = el.shadowRoot;
    if (root) shadowRoots?.push(root);
    pushAll((root ?? el).children, hiddenHere);
  }
  return { hidden, fixed };
}
