// The last file of an export's injection: runs the export in the same trip as the files (see
// run-toggle.js).

/* global lectorExport, wasm_bindgen */
lectorExport(typeof wasm_bindgen === 'undefined' ? 'offscreen' : 'content');
