// The last file of a click's injection: runs the toggle in the same trip as the files, so
// that a click costs one executeScript call in Chromium (the files every time; see runInTab
// in background.js) and, in Firefox, two on the first click (the check, then the files). The injection's result is the toggle's (the browser waits for the promise). The route
// follows what was injected, as the background chose it: no engine here means Chromium's
// offscreen document.

/* global lectorToggle, wasm_bindgen */
lectorToggle(typeof wasm_bindgen === 'undefined' ? 'offscreen' : 'content');
