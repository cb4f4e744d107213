//! One pass of one engine over the Readability corpus, for counting instructions:
//! `cargo build --profile bench --example once` here, then
//! `valgrind --tool=callgrind target/bench-native/release/examples/once lector|dom_smoothie|parse`
//! (`parse` runs Lector's parser alone, so extraction is the difference).
//! A second argument `wcxb` runs the WCXB sample of the wall-clock benchmark instead. Per page:
//! add `--dump-after='once::one*'` to callgrind, and each dump holds one page (the first also
//! the reading of the corpus).

use lector_bench::{corpora_dir, lector_page, readability_pages, wcxb_sample, Page};
use std::hint::black_box;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "lector".into());
    let Some(corpora) = corpora_dir() else {
        println!("SKIPPED: no corpora (set LECTOR_CORPORA)");
        return;
    };
    let pages = match std::env::args().nth(2).as_deref() {
        Some("wcxb") => wcxb_sample(&corpora, 15),
        _ => readability_pages(&corpora),
    };
    let total: usize = match which.as_str() {
        "lector" => pages.iter().filter_map(one_lector).sum(),
        "parse" => pages
            .iter()
            .map(|p| lector::dom::html::parse_html(&p.html, Some(&p.url)).len())
            .sum(),
        "dom_smoothie" => pages
            .iter()
            .filter_map(one_dom_smoothie)
            .sum(),
        other => panic!("unknown engine '{other}' (expected lector, parse or dom_smoothie)"),
    };
    println!("{which}: {} pages, {}", pages.len(), black_box(total));
}

/// One page through Lector, out of line so that callgrind can dump after each.
#[inline(never)]
fn one_lector(p: &Page) -> Option<usize> {
    lector_page(p)
}

/// One page through dom_smoothie, out of line so that callgrind can dump after each.
#[inline(never)]
fn one_dom_smoothie(p: &Page) -> Option<usize> {
    let mut reader = dom_smoothie::Readability::new(p.html.as_str(), Some(&p.url), None).ok()?;
    reader.parse().ok().map(|a| a.text_content.len())
}
