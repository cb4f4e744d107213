//! Wall-clock time per phase, both engines, best of N rounds (the minimum resists load):
//! `cargo build --profile bench --example phases`, then `phases [rounds]`.

use lector_bench::{corpora_dir, readability_pages};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let Some(corpora) = corpora_dir() else {
        println!("SKIPPED: no corpora (set LECTOR_CORPORA)");
        return;
    };
    let pages = readability_pages(&corpora);
    // Per phase, per page: the best time over the rounds.
    let n = pages.len();
    let mut best = vec![[Duration::MAX; 5]; n];
    for _ in 0..rounds {
        for (i, p) in pages.iter().enumerate() {
            let b = &mut best[i];
            let t = Instant::now();
            let doc = lector::dom::html::parse_html(&p.html, Some(&p.url));
            b[0] = b[0].min(t.elapsed());
            let t = Instant::now();
            drop(black_box(doc));
            b[1] = b[1].min(t.elapsed());
            let doc = lector::dom::html::parse_html(&p.html, Some(&p.url));
            let t = Instant::now();
            black_box(lector::extract_tree(doc).map(|f| f.article.text.len()));
            b[2] = b[2].min(t.elapsed());
            let t = Instant::now();
            let reader = dom_smoothie::Readability::new(p.html.as_str(), Some(&p.url), None);
            b[3] = b[3].min(t.elapsed());
            let t = Instant::now();
            if let Ok(mut reader) = reader {
                black_box(reader.parse().ok().map(|a| a.text_content.len()));
            }
            b[4] = b[4].min(t.elapsed());
        }
    }
    let sum = |k: usize| best.iter().map(|b| b[k].as_secs_f64() * 1e3).sum::<f64>();
    println!(
        "lector parse {:.1} ms, drop {:.1}, extract(+drop) {:.1}; total {:.1}",
        sum(0),
        sum(1),
        sum(2),
        sum(0) + sum(2)
    );
    println!(
        "dom_smoothie parse {:.1} ms, extract(+drop) {:.1}; total {:.1}",
        sum(3),
        sum(4),
        sum(3) + sum(4)
    );
    println!(
        "ratio parse {:.3}, extract {:.3}, total {:.3}",
        sum(0) / sum(3),
        sum(2) / sum(4),
        (sum(0) + sum(2)) / (sum(3) + sum(4))
    );
}
