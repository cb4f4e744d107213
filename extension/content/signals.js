// Live-page signals for the engine: which elements the browser did not render and which are
// fixed or sticky (banners, modals, sticky bars). Element indices count elements in document
// order from <html> = 0, without descending into <noscript> or <template>, exactly as the
// engine's tree builder counts them (src/wasm/mod.rs), so they also fit a re-parsed copy.

/* exported collectSignals */
function collectSignals(doc) {
  const hidden = [];
  const fixed = [];
  const body = doc.body;
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT, {
    acceptNode(node) {
      const parent = node.parentNode;
      return parent && (parent.localName === 'noscript' || parent.localName === 'template')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    },
  });
  const view = doc.defaultView;
  let inBody = false;
  let hiddenRoot = null; // descendants of a hidden element are hidden too: no need to ask
  let index = 0;
  for (let el = walker.currentNode; el; el = walker.nextNode(), index++) {
    if (el === body) inBody = true;
    if (!inBody) continue;
    if (hiddenRoot) {
      if (hiddenRoot.contains(el)) continue;
      hiddenRoot = null;
    }
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') {
      hidden.push(index);
      hiddenRoot = el;
    } else if (style.position === 'fixed' || style.position === 'sticky') {
      fixed.push(index);
    }
  }
  return { hidden, fixed };
}
