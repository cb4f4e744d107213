//! Lector: a reader-mode engine. It finds the article in a web page and returns its
//! metadata and a sanitized copy of its text.
//!
//! The core ([`dom`], [`extract`], [`render`]) is plain Rust. Two builders fill its tree:
//! html5ever for HTML text (native, [`dom::html`]) and the live browser DOM (the `wasm`
//! module, compiled only for wasm32 and the only code that knows about JavaScript).
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! let html = "<html><head><title>A headline</title></head><body><article>\
//!     <p>First paragraph of the story, long enough to be read as text, with commas, and more words.</p>\
//!     <p>Second paragraph, still about the same story, adding detail, quotes, and a conclusion.</p>\
//!     <p>A third paragraph finishes the piece with yet more sentences, so the text is long enough.</p>\
//!     </article></body></html>";
//! let article = lector::extract_html(html, Some("https://example.com/story"));
//! assert!(article.is_none() || article.unwrap().title == "A headline");
//! # }
//! ```
#![forbid(unsafe_code)]
// Code that runs once per page or only on request (metadata, JSON-LD, URLs, the Markdown and
// JSON output, the sanitizer, streamed segments, the declared body's matching, the clutter
// report, video links) is marked `optimize(size)` in the wasm build: LLVM optimizes it, with
// what it inlines, as at opt-level "z", while the per-node passes keep "s" (docs/performance.md,
// Size). Helpers that per-node code calls (names lookups, image checks, escaping, the token
// and hash-set loops) stay unmarked: marking them cost measurable time for few bytes.
// The attribute is unstable: build.sh's wasm build sets RUSTC_BOOTSTRAP, as it does for
// -Zlocation-detail. Native builds do not see it.
#![cfg_attr(target_arch = "wasm32", feature(optimize_attribute))]
#![warn(missing_docs)]

pub mod dom;
pub mod extract;
pub mod render;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use extract::{
    extract, extract_owned, extract_tree, is_probably_readerable, Article, Extracted,
};

/// Parses HTML text and extracts its article (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn extract_html(html: &str, url: Option<&str>) -> Option<Article> {
    extract_owned(dom::html::parse_html(html, url))
}
