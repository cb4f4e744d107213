// The page's app fills its JSON state island once the document is parsed (a deferred script).
// Set as text, the closing tag and the markup are plain text of the script element in the
// DOM; nothing of it is rendered.
const state = {
  draft: '</script><p>Draft paragraph from the editor state that the rendered page never shows.</p><script type="application/json">',
  revision: 7,
};
document.getElementById('story-state').textContent = JSON.stringify(state);
