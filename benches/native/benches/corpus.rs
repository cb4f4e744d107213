//! Lector against dom_smoothie (the Rust port of Readability.js) on the same pages, in the same
//! process: criterion's throughput over the whole Readability corpus, then a per-page
//! comparison (median of alternating runs per page) over that corpus and a fixed WCXB sample.
//! Both engines do the same work: parse the HTML text, then extract the article.
//!
//! `./build.sh bench native` from the project root, or `cargo bench --bench corpus` here.
//! LECTOR_BENCH_RUNS sets the runs per page of the per-page table (default 7).

use criterion::{Criterion, Throughput};
use lector_bench::{
    corpora_dir, lector_page, machine, median, quantile, readability_pages, time_once, wcxb_sample,
    Page,
};
use std::hint::black_box;
use std::time::Duration;

fn smoothie_page(page: &Page) -> Option<usize> {
    let mut reader =
        dom_smoothie::Readability::new(page.html.as_str(), Some(&page.url), None).ok()?;
    reader.parse().ok().map(|a| a.text_content.len())
}

/// Criterion: one iteration is one pass over every page of the corpus.
fn throughput(c: &mut Criterion, pages: &[Page]) {
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let mut group = c.benchmark_group(format!("readability corpus ({} pages)", pages.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("lector", |b| {
        b.iter(|| black_box(pages.iter().filter_map(lector_page).sum::<usize>()))
    });
    group.bench_function("dom_smoothie", |b| {
        b.iter(|| black_box(pages.iter().filter_map(smoothie_page).sum::<usize>()))
    });
    group.finish();
}

struct Row {
    name: String,
    bytes: usize,
    lector_ms: f64,
    smoothie_ms: f64,
}

/// Per page: `runs` alternating runs of each engine, the median of each.
fn per_page(pages: &[Page], runs: usize) -> Vec<Row> {
    pages
        .iter()
        .map(|page| {
            let (mut lector, mut smoothie) = (Vec::new(), Vec::new());
            for _ in 0..runs {
                let (t, out) = time_once(|| lector_page(page));
                black_box(out);
                lector.push(t.as_secs_f64() * 1e3);
                let (t, out) = time_once(|| smoothie_page(page));
                black_box(out);
                smoothie.push(t.as_secs_f64() * 1e3);
            }
            Row {
                name: page.name.clone(),
                bytes: page.html.len(),
                lector_ms: median(&lector),
                smoothie_ms: median(&smoothie),
            }
        })
        .collect()
}

fn report(title: &str, rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    println!(
        "\n## {title}: {} pages, per page the median of alternating runs",
        rows.len()
    );
    println!(
        "{:<48} {:>9} {:>10} {:>13} {:>7}",
        "page", "KB", "lector ms", "dom_smoothie", "ratio"
    );
    for r in rows {
        println!(
            "{:<48} {:>9.1} {:>10.2} {:>13.2} {:>7.2}",
            r.name,
            r.bytes as f64 / 1e3,
            r.lector_ms,
            r.smoothie_ms,
            r.lector_ms / r.smoothie_ms
        );
    }
    let lector: Vec<f64> = rows.iter().map(|r| r.lector_ms).collect();
    let smoothie: Vec<f64> = rows.iter().map(|r| r.smoothie_ms).collect();
    let ratios: Vec<f64> = rows.iter().map(|r| r.lector_ms / r.smoothie_ms).collect();
    let bytes: f64 = rows.iter().map(|r| r.bytes as f64).sum();
    let (lt, st) = (
        lector.iter().sum::<f64>() / 1e3,
        smoothie.iter().sum::<f64>() / 1e3,
    );
    println!(
        "{:<48} {:>9} {:>10.2} {:>13.2} {:>7.2}",
        "median",
        "",
        median(&lector),
        median(&smoothie),
        median(&ratios)
    );
    println!(
        "{:<48} {:>9} {:>10.2} {:>13.2} {:>7.2}",
        "p95",
        "",
        quantile(&lector, 0.95),
        quantile(&smoothie, 0.95),
        quantile(&ratios, 0.95)
    );
    println!(
        "throughput: lector {:.1} MB/s, {:.0} pages/s; dom_smoothie {:.1} MB/s, {:.0} pages/s \
         (sum of per-page medians)",
        bytes / 1e6 / lt,
        rows.len() as f64 / lt,
        bytes / 1e6 / st,
        rows.len() as f64 / st
    );
    let faster = ratios.iter().filter(|&&r| r < 1.0).count();
    println!(
        "lector/dom_smoothie per page: median {:.2}x, p95 {:.2}x; lector faster on {faster} of {} pages",
        median(&ratios),
        quantile(&ratios, 0.95),
        rows.len()
    );
}

fn main() {
    let Some(corpora) = corpora_dir() else {
        println!(
            "SKIPPED: no shared corpora (set LECTOR_CORPORA, or put them at ../shared/corpus)"
        );
        return;
    };
    let readability = readability_pages(&corpora);
    let wcxb = wcxb_sample(&corpora, 15);
    println!("# native: lector (parse + extract) vs dom_smoothie (Readability::new + parse)");
    println!("# corpora: {}", corpora.display());
    println!("# machine: {}", machine());

    let mut criterion = Criterion::default().configure_from_args();
    throughput(&mut criterion, &readability);
    criterion.final_summary();

    let runs = std::env::var("LECTOR_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    report("readability corpus", &per_page(&readability, runs));
    report("wcxb-dev sample (every 15th page)", &per_page(&wcxb, runs));
    println!("# machine at the end: {}", machine());
}
