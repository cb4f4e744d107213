// The last file of an export's injection when the scripts are not in the page yet: runs the
// export in the same trip (see run-toggle.js).

/* global lectorExport, wasm_bindgen */
lectorExport(typeof wasm_bindgen === 'undefined' ? 'offscreen' : 'content');
