//! One pass of one engine over the Readability corpus, for counting instructions:
//! `cargo build --profile bench --example once` here, then
//! `valgrind --tool=callgrind target/bench-native/release/examples/once lector|dom_smoothie|parse`
//! (`parse` runs Lector's parser alone, so extraction is the difference).

use lector_bench::{corpora_dir, lector_page, readability_pages};
use std::hint::black_box;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "lector".into());
    let Some(corpora) = corpora_dir() else {
        println!("SKIPPED: no corpora (set LECTOR_CORPORA)");
        return;
    };
    let pages = readability_pages(&corpora);
    let total: usize = match which.as_str() {
        "lector" => pages.iter().filter_map(lector_page).sum(),
        "parse" => pages
            .iter()
            .map(|p| lector::dom::html::parse_html(&p.html, Some(&p.url)).len())
            .sum(),
        "dom_smoothie" => pages
            .iter()
            .filter_map(|p| {
                let mut reader =
                    dom_smoothie::Readability::new(p.html.as_str(), Some(&p.url), None).ok()?;
                reader.parse().ok().map(|a| a.text_content.len())
            })
            .sum(),
        other => panic!("unknown engine '{other}' (expected lector, parse or dom_smoothie)"),
    };
    println!("{which}: {} pages, {}", pages.len(), black_box(total));
}
