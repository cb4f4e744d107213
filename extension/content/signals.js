// Live-page signals for the engine: which elements the browser did not render and which are
// fixed or sticky (banners, modals, sticky bars). Each is sent as [index, tag, id, class]: its
// position among elements in document order from <html> = 0, without descending into
// <noscript> or <template> (as src/dom/live.rs counts), plus what it looks like, so that a
// re-parsed copy whose positions drifted still finds the right element.

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
    const mark = () => [index, el.localName, el.getAttribute('id') ?? '', el.getAttribute('class') ?? ''];
    if (style.display === 'none' || style.visibility === 'hidden') {
      hidden.push(mark());
      hiddenRoot = el;
    } else if (style.position === 'fixed' || style.position === 'sticky') {
      fixed.push(mark());
    }
  }
  return { hidden, fixed };
}
