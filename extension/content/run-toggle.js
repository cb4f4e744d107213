// The last file of a first click's injection: runs the toggle in the same trip as the files,
// so that a first click costs two executeScript calls (the check, then the files) instead of
// three. The injection's result is the toggle's (the browser waits for the promise). The route
// follows what was injected, as the background chose it: no engine here means Chromium's
// offscreen document.

/* global lectorToggle, wasm_bindgen */
lectorToggle(typeof wasm_bindgen === 'undefined' ? 'offscreen' : 'content');
