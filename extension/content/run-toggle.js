// The last file of a click's injection: runs the toggle in the same trip as the files. In
// Chromium a click is one executeScript call (the files every time; see runInTab in
// background.js); in Firefox a first click is two (the check, then the files). The
// injection's result is the toggle's (the browser waits for the promise). The route follows
// what was injected, as the background chose it: no engine here means Chromium's offscreen
// document.

/* global lectorToggle, wasm_bindgen */
lectorToggle(typeof wasm_bindgen === 'undefined' ? 'offscreen' : 'content');
