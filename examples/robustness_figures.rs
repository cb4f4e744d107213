//! Prints time and peak memory for the huge and deep pages of `tests/robustness.rs`:
//! `cargo run --release --example robustness_figures`. Figures, not pass/fail: the machine
//! is shared and noisy, so run it a few times.

#[path = "../tests/robustness/pages.rs"]
mod pages;

use std::time::Instant;

/// Peak resident memory of this process in MB (Linux).
fn peak_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |kib| kib / 1024)
}

/// A named page generator.
type Case = (&'static str, fn() -> String);

fn cases() -> Vec<Case> {
    vec![
        ("200k elements", || pages::many_elements(200_000)),
        ("20 MB of text", || pages::huge_text(20_000_000)),
        ("1 MB text node", || pages::single_text_node(1_000_000)),
        ("50k links", || pages::many_links(50_000)),
        ("4,000 nested div", || pages::nested("div", 4_000)),
        ("100k nested div", || pages::nested("div", 100_000)),
        ("100k nested span", || pages::nested("span", 100_000)),
        ("3,000 unclosed div", || pages::unclosed("div", 3_000)),
    ]
}

/// Runs one case in this process and prints its row (peak memory includes the input).
fn run(index: usize) {
    let (name, make) = cases()[index];
    let html = make();
    let t0 = Instant::now();
    let parsed = lector::dom::html::try_parse_html(&html, Some("https://news.example/bridge"));
    let parse = t0.elapsed();
    let t1 = Instant::now();
    let result = match &parsed {
        Ok(doc) => match lector::extract(doc) {
            Some(a) => format!("article, {} words", a.word_count),
            None => "no article".to_string(),
        },
        Err(e) => format!("error: {e}"),
    };
    let extract = t1.elapsed();
    println!(
        "| {name} | {:.1} MB | {:.2} s | {:.2} s | {:.2} s | {} MB | {result} |",
        html.len() as f64 / 1e6,
        parse.as_secs_f64(),
        extract.as_secs_f64(),
        (parse + extract).as_secs_f64(),
        peak_mb(),
    );
}

fn main() {
    if let Some(index) = std::env::args().nth(1).and_then(|a| a.parse().ok()) {
        run(index);
        return;
    }
    println!("| page | input | parse | extract | total | peak memory | result |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    // Each case in a fresh process, so its peak memory is its own.
    let me = std::env::current_exe().expect("own path");
    for i in 0..cases().len() {
        let status = std::process::Command::new(&me)
            .arg(i.to_string())
            .status()
            .expect("case runs");
        assert!(status.success(), "case {i} failed");
    }
}
