//! How time and memory grow with the page (native engine; the wasm engine runs the same Rust
//! code). Four series of synthetic pages:
//!
//! - elements: a 30-paragraph article beside a sidebar of small widgets, 1k to 200k elements,
//!   parsed from HTML text and extracted;
//! - depth, parsed: the article inside 500 to 4,000 nested `<div>`s, parsed and extracted
//!   (the native parser stops at 5,000 open elements, see docs/robustness.md);
//! - depth, built: a tree 1k to 10k (and 100k) levels deep, built node by node the way the wasm
//!   builder copies a browser's live DOM (where the browser parsed the page), then extracted.
//!
//! - repeated blocks: 2k to 16k of each kind of block that pages repeat (cards, teasers,
//!   posts, forms, headlines...; `REPEATED_BLOCKS` in tests/robustness/pages.rs), one fitted
//!   slope per kind.
//!
//! Per page: the median of a few runs, and the peak heap allocated during parse + extract
//! (counted by this binary's global allocator; the input text is allocated before and is not
//! counted). The fitted slope is least squares of log(time) on log(size): 1 is linear.
//! `./build.sh bench native` or `cargo bench --bench scaling` here.

#[path = "../../../tests/robustness/pages.rs"]
mod pages;

use lector::dom::Document;
use lector_bench::{machine, median};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes live now and the most live since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new_size);
        if !q.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `work` `runs` times: the median milliseconds and the peak heap in bytes above what
/// was live before (the largest over the runs).
fn measure(runs: usize, mut work: impl FnMut() -> bool) -> (f64, usize, bool) {
    let mut times = Vec::new();
    let mut peak = 0;
    let mut found = true;
    for _ in 0..runs {
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let start = Instant::now();
        found &= work();
        times.push(start.elapsed().as_secs_f64() * 1e3);
        peak = peak.max(PEAK.load(Ordering::Relaxed) - before);
    }
    (median(&times), peak, found)
}

const URL: &str = "https://news.example/bridge";

fn parse_and_extract(html: &str) -> bool {
    let doc = lector::dom::html::parse_html(html, Some(URL));
    lector::extract(&doc).is_some()
}

/// A tree `depth` levels deep built as the wasm builder builds a live DOM, with a paragraph
/// of article text every `depth / 10` levels.
fn built_deep(depth: usize) -> Document {
    pages::built_deep(depth, |i| {
        let text = pages::paragraph(i);
        text.trim_start_matches("<p>")
            .trim_end_matches("</p>")
            .to_string()
    })
}

struct Row {
    size: usize,
    input_bytes: usize,
    ms: f64,
    peak: usize,
    found: bool,
}

/// Least-squares slope of log(y) on log(x).
fn log_log_slope(points: &[(f64, f64)]) -> f64 {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter(|(x, y)| *x > 0.0 && *y > 0.0)
        .map(|(x, y)| (x.ln(), y.ln()))
        .collect();
    let n = pts.len() as f64;
    let (mx, my) = (
        pts.iter().map(|p| p.0).sum::<f64>() / n,
        pts.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    sxy / sxx
}

fn print_series(title: &str, unit: &str, rows: &[Row]) {
    println!("\n## {title}");
    println!(
        "{:>9} {:>10} {:>10} {:>12} {:>11} {:>12}  article",
        unit, "input KB", "ms", "µs/unit", "peak MB", "bytes/unit"
    );
    for r in rows {
        let input = if r.input_bytes == 0 {
            "-".to_string()
        } else {
            format!("{:.1}", r.input_bytes as f64 / 1e3)
        };
        println!(
            "{:>9} {:>10} {:>10.2} {:>12.3} {:>11.2} {:>12.0}  {}",
            r.size,
            input,
            r.ms,
            r.ms * 1e3 / r.size as f64,
            r.peak as f64 / 1e6,
            r.peak as f64 / r.size as f64,
            if r.found { "yes" } else { "NO" }
        );
    }
    let time: Vec<(f64, f64)> = rows.iter().map(|r| (r.size as f64, r.ms)).collect();
    let mem: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| (r.size as f64, r.peak as f64))
        .collect();
    println!(
        "fitted log-log slope (1 = linear): time {:.2}, memory {:.2}",
        log_log_slope(&time),
        log_log_slope(&mem)
    );
}

fn main() {
    println!("# scaling of the native engine (release build, opt-level 3, LTO)");
    println!("# machine: {}", machine());

    let mut rows = Vec::new();
    for elements in [
        1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000,
    ] {
        let html = pages::many_elements(elements);
        // Counted like a browser counts them: every element of the parsed page.
        let doc = lector::dom::html::parse_html(&html, Some(URL));
        let count = lector_bench::element_count(&doc);
        drop(doc);
        let runs = if elements >= 100_000 { 3 } else { 5 };
        let (ms, peak, found) = measure(runs, || parse_and_extract(&html));
        rows.push(Row {
            size: count,
            input_bytes: html.len(),
            ms,
            peak,
            found,
        });
    }
    print_series(
        "elements (parse + extract; 'elements' counted in the parsed page)",
        "elements",
        &rows,
    );

    let mut rows = Vec::new();
    for depth in [500, 1_000, 2_000, 4_000] {
        let html = pages::nested("div", depth);
        let (ms, peak, found) = measure(5, || parse_and_extract(&html));
        rows.push(Row {
            size: depth,
            input_bytes: html.len(),
            ms,
            peak,
            found,
        });
    }
    print_series(
        "nesting depth, parsed from HTML text (parse + extract)",
        "depth",
        &rows,
    );

    let mut rows = Vec::new();
    for depth in [1_000, 2_000, 5_000, 10_000, 100_000] {
        let (ms, peak, found) = measure(3, || lector::extract(&built_deep(depth)).is_some());
        rows.push(Row {
            size: depth,
            input_bytes: 0,
            ms,
            peak,
            found,
        });
    }
    print_series(
        "nesting depth, tree built like the wasm builder (build + extract)",
        "depth",
        &rows,
    );
    // Blocks repeated by the thousand: one slope per kind (a rule comparing each block with
    // all the others shows as 2).
    println!("\n## repeated blocks after an article's first paragraphs (parse + extract), ms");
    let counts = [2_000, 4_000, 8_000, 16_000];
    print!("{:<28}", "block");
    for n in counts {
        print!(" {n:>9}");
    }
    println!(" {:>7}", "slope");
    for (name, block) in pages::REPEATED_BLOCKS {
        print!("{name:<28}");
        let mut time = Vec::new();
        for n in counts {
            let html = pages::repeated(*block, n);
            let (ms, _, _) = measure(3, || parse_and_extract(&html));
            print!(" {ms:>9.1}");
            time.push((n as f64, ms));
        }
        println!(" {:>7.2}", log_log_slope(&time));
    }
    println!("\nno stack overflow: every page above was read");
    println!("# machine at the end: {}", machine());
}
