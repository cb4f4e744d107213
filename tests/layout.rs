//! Architecture rules that a grep can check: the core never names the wasm crates.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_wasm_adapter_knows_about_javascript() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let adapter = src.join("wasm");
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| !f.starts_with(&adapter))
        .filter(|f| {
            let text = fs::read_to_string(f).unwrap();
            ["wasm_bindgen", "web_sys", "js_sys", "serde_wasm_bindgen"]
                .iter()
                .any(|name| text.contains(name))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(files.len() > 5, "found the sources");
    assert!(
        offenders.is_empty(),
        "wasm names outside src/wasm/: {offenders:?}"
    );
}
