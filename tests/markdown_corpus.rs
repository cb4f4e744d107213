//! Markdown round trip over every page we have: the committed fixtures and, when present,
//! the shared corpora (`../shared/corpus/readability/*/source.html` and
//! `../shared/corpus/wcxb-dev/html/*.html.gz`, relative to the crate).
//!
//! For each page with an article: render its Markdown, turn that back into HTML with
//! pulldown-cmark (GitHub tables and strikethrough on), parse both that HTML and the clean
//! article HTML, and compare them: the bag of words must match (token F1 >= 0.99), and the
//! counts of headings, list items, table cells, code blocks and links should be equal. The
//! front matter must parse as YAML. Run it as `cargo test --release --test markdown_corpus`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lector::dom::{Document, NodeId};
use lector::render::markdown::front_matter;
use pulldown_cmark::{html::push_html, Options, Parser};

const URL: &str = "https://corpus.example/section/page.html";

/// Structure kinds compared between the clean article and its Markdown read back. The
/// first five are required to match; the others are reported only.
const KINDS: [&str; 7] = [
    "headings",
    "list items",
    "table cells",
    "code blocks",
    "links",
    "images",
    "quotes",
];
const REQUIRED_KINDS: usize = 5;

enum Source {
    Html(PathBuf),
    Gzip(PathBuf),
}

fn pages() -> Vec<(String, Source)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    let mut dirs = |dir: PathBuf, label: &str| {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            println!("skipped: corpus not found at {}", dir.display());
            return;
        };
        let mut found: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path().join("source.html")))
            .filter(|p| p.exists())
            .collect();
        found.sort();
        for p in found {
            let name = p.parent().unwrap().file_name().unwrap().to_string_lossy();
            pages.push((format!("{label}/{name}"), Source::Html(p)));
        }
    };
    dirs(manifest.join("tests/pages"), "fixtures");
    // The 1,600 corpus pages take minutes unoptimised; `./build.sh test` runs them in release.
    if cfg!(debug_assertions) {
        println!("skipped: the shared corpora run in release builds only (cargo test --release --test markdown_corpus)");
        return pages;
    }
    dirs(manifest.join("../shared/corpus/readability"), "readability");
    let wcxb = manifest.join("../shared/corpus/wcxb-dev/html");
    match std::fs::read_dir(&wcxb) {
        Ok(rd) => {
            let mut found: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
                .collect();
            found.sort();
            for p in found {
                let name = p
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .replace(".html.gz", "");
                pages.push((format!("wcxb-dev/{name}"), Source::Gzip(p)));
            }
        }
        Err(_) => println!("skipped: corpus not found at {}", wcxb.display()),
    }
    pages
}

fn read(src: &Source) -> Vec<u8> {
    match src {
        Source::Html(p) => std::fs::read(p).unwrap(),
        Source::Gzip(p) => {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(p).unwrap())
                .read_to_end(&mut out)
                .unwrap_or_else(|e| panic!("cannot gunzip {}: {e}", p.display()));
            out
        }
    }
}

/// Elements whose edges separate words (so `<p>a</p><p>b</p>` is two words however the
/// HTML between blocks is spaced).
fn separates(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "br"
            | "hr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "details"
            | "summary"
            | "address"
    )
}

type Bag = HashMap<String, usize>;

/// Emphasis as a reader sees it: the clean tree's figure captions are written as emphasis,
/// summaries and definition terms as strong.
fn emphasis_class(tag: &str) -> Option<usize> {
    match tag {
        "em" | "i" | "cite" | "dfn" | "var" | "figcaption" => Some(0),
        "strong" | "b" | "summary" | "dt" => Some(1),
        _ => None,
    }
}

/// Lowercased words (runs of alphanumeric characters) of a subtree, the words inside
/// emphasis and inside strong emphasis, and the structure counts.
fn measure(doc: &Document, root: NodeId) -> ([Bag; 3], [usize; 7]) {
    // All text, emphasized text, strong text.
    let mut texts = [String::new(), String::new(), String::new()];
    // Open emphasis and strong elements, and `pre` (whose emphasis a fenced code block
    // cannot keep, so it is left out of the emphasis comparison).
    let mut depth = [0usize; 3];
    let mut counts = [0usize; 7];
    // Iterative walk with leave events, so block edges can add separators on both sides.
    let mut stack = vec![(root, false)];
    while let Some((n, leaving)) = stack.pop() {
        if leaving {
            let tag = doc.tag(n).unwrap_or("");
            if let Some(k) = emphasis_class(tag) {
                depth[k] -= 1;
            }
            if tag == "pre" {
                depth[2] -= 1;
            }
            if separates(tag) {
                for t in &mut texts {
                    t.push(' ');
                }
            }
            continue;
        }
        if let Some(t) = doc.text(n) {
            texts[0].push_str(t);
            for k in 0..2 {
                if depth[k] > 0 && depth[2] == 0 {
                    texts[k + 1].push_str(t);
                } else {
                    texts[k + 1].push(' ');
                }
            }
            continue;
        }
        if let Some(tag) = doc.tag(n) {
            let kind = match tag {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(0),
                "li" => Some(1),
                "td" | "th" => Some(2),
                "pre" => Some(3),
                "a" if doc.attr(n, "href").is_some() => Some(4),
                "img" => Some(5),
                "blockquote" => Some(6),
                _ => None,
            };
            if let Some(k) = kind {
                counts[k] += 1;
            }
            let emphasis = emphasis_class(tag);
            if let Some(k) = emphasis {
                depth[k] += 1;
            }
            if tag == "pre" {
                depth[2] += 1;
            }
            if separates(tag) {
                for t in &mut texts {
                    t.push(' ');
                }
            }
            if separates(tag) || emphasis.is_some() {
                stack.push((n, true));
            }
        }
        let mut c = doc.last_child(n);
        while let Some(ch) = c {
            stack.push((ch, false));
            c = doc.prev_sibling(ch);
        }
    }
    let bags = texts.map(|text| {
        let mut bag = HashMap::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *bag.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        bag
    });
    (bags, counts)
}

fn f1(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> f64 {
    let total_a: usize = a.values().sum();
    let total_b: usize = b.values().sum();
    if total_a == 0 && total_b == 0 {
        return 1.0;
    }
    let common: usize = a
        .iter()
        .map(|(w, &n)| n.min(b.get(w).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / total_b as f64;
    let r = common as f64 / total_a as f64;
    2.0 * p * r / (p + r)
}

struct Outcome {
    name: String,
    /// `None`: the page has no article.
    f1: Option<f64>,
    /// F1 of the words inside emphasis and inside strong emphasis, code blocks aside
    /// (reported only).
    emphasis_f1: [f64; 2],
    /// Kinds whose counts differ: (kind, clean, round trip).
    mismatches: Vec<(usize, usize, usize)>,
    yaml_error: Option<String>,
    /// Fallbacks used: HTML tables, HTML `<pre>` blocks, emphasis written as inline HTML.
    fallbacks: [usize; 3],
}

fn check_page(name: &str, src: &Source) -> Outcome {
    let bytes = read(src);
    let (html, _) = lector::dom::html::decode_html(&bytes);
    let doc = lector::dom::html::parse_html(&html, Some(URL));
    let mut out = Outcome {
        name: name.to_string(),
        f1: None,
        emphasis_f1: [1.0; 2],
        mismatches: Vec::new(),
        yaml_error: None,
        fallbacks: [0; 3],
    };
    let Some(article) = lector::extract(&doc) else {
        return out;
    };
    // The clean article, and its Markdown read back.
    let clean = lector::dom::html::parse_html(
        &format!("<html><body>{}</body></html>", article.content_html),
        None,
    );
    let mut back = String::new();
    push_html(
        &mut back,
        Parser::new_ext(
            &article.markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        ),
    );
    let back = lector::dom::html::parse_html(&format!("<html><body>{back}</body></html>"), None);
    let (words_a, counts_a) = measure(&clean, clean.body().unwrap());
    let (words_b, counts_b) = measure(&back, back.body().unwrap());
    if std::env::var("LECTOR_MD_DEBUG").is_ok_and(|d| name.contains(&d)) {
        // `LECTOR_MD_DEBUG=0415 cargo test --release --test markdown_corpus -- --nocapture`
        // shows one page's Markdown and the words that differ.
        println!("=== {name}\n{}\n===", article.markdown);
        for (k, what) in ["words", "emphasized", "strong"].iter().enumerate() {
            let diff = |a: &Bag, b: &Bag| {
                let mut d: Vec<String> = a
                    .iter()
                    .filter(|(w, &n)| b.get(*w).copied().unwrap_or(0) < n)
                    .map(|(w, n)| format!("{w}×{}", n - b.get(w).copied().unwrap_or(0)))
                    .collect();
                d.sort();
                d.join(" ")
            };
            println!("{what} only in clean: {}", diff(&words_a[k], &words_b[k]));
            println!(
                "{what} only in Markdown: {}",
                diff(&words_b[k], &words_a[k])
            );
        }
    }
    out.f1 = Some(f1(&words_a[0], &words_b[0]));
    let md = &article.markdown;
    out.fallbacks = [
        md.matches("<table>").count(),
        md.matches("<pre>").count() + md.matches("<pre ").count(),
        md.matches("<em>").count() + md.matches("<strong>").count() + md.matches("<del>").count(),
    ];
    out.emphasis_f1 = [f1(&words_a[1], &words_b[1]), f1(&words_a[2], &words_b[2])];
    for k in 0..KINDS.len() {
        if counts_a[k] != counts_b[k] {
            out.mismatches.push((k, counts_a[k], counts_b[k]));
        }
    }
    let fm = front_matter(&article, Some(URL), "2024-01-01");
    let parsed = fm
        .strip_prefix("---\n")
        .and_then(|s| s.strip_suffix("---\n"))
        .ok_or_else(|| "not between --- lines".to_string())
        .and_then(|body| {
            serde_yaml_ng::from_str::<serde_yaml_ng::Value>(body).map_err(|e| e.to_string())
        });
    match parsed {
        Err(e) => out.yaml_error = Some(e),
        Ok(v) => {
            let title = Some(article.title.as_str()).filter(|t| !t.trim().is_empty());
            if v["title"].as_str() != title || v["url"].as_str() != Some(URL) {
                out.yaml_error = Some(format!("values differ: {:?}", v["title"]));
            }
        }
    }
    out
}

#[test]
fn markdown_round_trip_over_the_corpora() {
    let start = Instant::now();
    let pages = pages();
    assert!(!pages.is_empty(), "no pages found");
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let chunk = pages.len().div_ceil(threads);
    let mut outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = pages
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(name, src)| check_page(name, src))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker panicked"))
            .collect()
    });
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let elapsed = start.elapsed();

    let with_article: Vec<&Outcome> = outcomes.iter().filter(|o| o.f1.is_some()).collect();
    let f1s: Vec<f64> = with_article.iter().filter_map(|o| o.f1).collect();
    let mean = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    let min = f1s.iter().copied().fold(1.0, f64::min);
    let low: Vec<&&Outcome> = with_article
        .iter()
        .filter(|o| o.f1.unwrap() < 0.99)
        .collect();
    let invalid_yaml: Vec<&&Outcome> = with_article
        .iter()
        .filter(|o| o.yaml_error.is_some())
        .collect();
    let mut per_kind = [0usize; KINDS.len()];
    for o in &with_article {
        for &(k, _, _) in &o.mismatches {
            per_kind[k] += 1;
        }
    }
    let structural: Vec<&&Outcome> = with_article
        .iter()
        .filter(|o| o.mismatches.iter().any(|&(k, _, _)| k < REQUIRED_KINDS))
        .collect();

    let mut report = String::new();
    let _ = writeln!(report, "\nMarkdown round trip");
    let _ = writeln!(report, "  pages read                 {}", outcomes.len());
    let _ = writeln!(
        report,
        "  pages with an article      {}",
        with_article.len()
    );
    let _ = writeln!(report, "  token F1 mean / min        {mean:.4} / {min:.4}");
    let _ = writeln!(report, "  pages with F1 < 0.99       {}", low.len());
    for (k, kind) in KINDS.iter().enumerate() {
        let note = if k < REQUIRED_KINDS {
            ""
        } else {
            " (reported only)"
        };
        let _ = writeln!(report, "  {kind:<12} mismatches    {}{note}", per_kind[k]);
    }
    let _ = writeln!(
        report,
        "  pages with a structure mismatch {} ({:.2}%)",
        structural.len(),
        100.0 * structural.len() as f64 / with_article.len().max(1) as f64
    );
    let _ = writeln!(
        report,
        "  invalid front matter       {}",
        invalid_yaml.len()
    );
    for (k, what) in ["emphasized", "strong"].iter().enumerate() {
        let v: Vec<f64> = with_article.iter().map(|o| o.emphasis_f1[k]).collect();
        let _ = writeln!(
            report,
            "  {what} words F1 mean / min / pages < 1: {:.4} / {:.4} / {} (reported only)",
            v.iter().sum::<f64>() / v.len().max(1) as f64,
            v.iter().copied().fold(1.0, f64::min),
            v.iter().filter(|&&x| x < 1.0).count()
        );
    }
    let fallbacks = |k: usize| {
        let total: usize = with_article.iter().map(|o| o.fallbacks[k]).sum();
        let pages = with_article.iter().filter(|o| o.fallbacks[k] > 0).count();
        format!("{total} on {pages} pages")
    };
    let _ = writeln!(report, "  HTML tables                {}", fallbacks(0));
    let _ = writeln!(report, "  HTML pre blocks            {}", fallbacks(1));
    let _ = writeln!(report, "  emphasis as inline HTML    {}", fallbacks(2));
    let _ = writeln!(
        report,
        "  time                       {:.1} s",
        elapsed.as_secs_f64()
    );
    let mut lowest: Vec<&&Outcome> = with_article.iter().filter(|o| o.f1 < Some(1.0)).collect();
    lowest.sort_by(|a, b| a.f1.partial_cmp(&b.f1).unwrap());
    for o in lowest.iter().take(5) {
        let _ = writeln!(report, "  lowest F1 {:.4}: {}", o.f1.unwrap(), o.name);
    }
    for o in &low {
        let _ = writeln!(report, "  low F1 {:.4}: {}", o.f1.unwrap(), o.name);
    }
    let mut weak: Vec<&&Outcome> = with_article
        .iter()
        .filter(|o| o.emphasis_f1[0].min(o.emphasis_f1[1]) < 1.0)
        .collect();
    weak.sort_by(|a, b| {
        let key = |o: &Outcome| o.emphasis_f1[0].min(o.emphasis_f1[1]);
        key(a).partial_cmp(&key(b)).unwrap()
    });
    for o in weak.iter().take(8) {
        let _ = writeln!(
            report,
            "  emphasis F1 {:.4} / strong {:.4}: {}",
            o.emphasis_f1[0], o.emphasis_f1[1], o.name
        );
    }
    for o in with_article.iter().filter(|o| !o.mismatches.is_empty()) {
        let parts: Vec<String> = o
            .mismatches
            .iter()
            .map(|&(k, a, b)| format!("{} {a} → {b}", KINDS[k]))
            .collect();
        let _ = writeln!(report, "  structure: {}: {}", o.name, parts.join(", "));
    }
    for o in &invalid_yaml {
        let _ = writeln!(
            report,
            "  front matter: {}: {}",
            o.name,
            o.yaml_error.as_deref().unwrap_or("")
        );
    }
    println!("{report}");

    assert!(invalid_yaml.is_empty(), "invalid front matter{report}");
    assert!(low.is_empty(), "pages below F1 0.99{report}");
    assert!(
        structural.len() * 100 <= with_article.len(),
        "structure counts differ on more than 1% of pages{report}"
    );
}
