//! What the native benchmarks share: finding the shared corpora, reading their pages, and the
//! statistics printed beside criterion's own figures.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One page of a corpus, decoded to text (decoding is outside every timing).
pub struct Page {
    /// The corpus and the page's id there, e.g. `readability/aclu` or `wcxb/0016`.
    pub name: String,
    /// The page's address as the engines are told it.
    pub url: String,
    pub html: String,
}

/// The shared corpora folder: `$LECTOR_CORPORA`, else `../shared/corpus` beside the project,
/// else beside the main checkout (a worktree's git common dir is `<main>/.git`).
pub fn corpora_dir() -> Option<PathBuf> {
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut candidates: Vec<PathBuf> = std::env::var_os("LECTOR_CORPORA")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    candidates.push(project.join("../shared/corpus"));
    let common = std::process::Command::new("git")
        .args(["rev-parse", "--path-format=absolute", "--git-common-dir"])
        .current_dir(&project)
        .output();
    if let Ok(out) = common {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() {
            if let Some(main) = dir.parent() {
                candidates.push(main.join("../shared/corpus"));
            }
        }
    }
    candidates
        .into_iter()
        .find(|d| d.join("readability").is_dir())
        .map(|d| d.canonicalize().unwrap_or(d))
}

/// Every page of Mozilla's Readability test corpus (`<name>/source.html`), sorted by name.
pub fn readability_pages(corpora: &Path) -> Vec<Page> {
    let dir = corpora.join("readability");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().join("source.html").is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let bytes = std::fs::read(dir.join(&name).join("source.html")).ok()?;
            Some(Page {
                name: format!("readability/{name}"),
                url: "http://fakehost/test/page.html".into(),
                html: lector::dom::html::decode_html(&bytes).0,
            })
        })
        .collect()
}

/// Every `step`-th page of the WCXB dev split (ids 1, 1+step, …): a fixed sample, the same
/// one the browser benchmark loads (`tests/bench/browser.mjs`).
pub fn wcxb_sample(corpora: &Path, step: usize) -> Vec<Page> {
    let dir = corpora.join("wcxb-dev/html");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".html.gz").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids.into_iter()
        .step_by(step.max(1))
        .filter_map(|id| {
            let file = std::fs::File::open(dir.join(format!("{id}.html.gz"))).ok()?;
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .ok()?;
            Some(Page {
                name: format!("wcxb/{id}"),
                url: format!("https://wcxb.example/{id}"),
                html: lector::dom::html::decode_html(&bytes).0,
            })
        })
        .collect()
}

/// Lector's work on one page: parse the HTML and extract the article, its HTML and text (what
/// the peer does; the Markdown, which the peer does not write, is rendered only on export).
pub fn lector_page(page: &Page) -> Option<usize> {
    let doc = lector::dom::html::parse_html(&page.html, Some(&page.url));
    lector::extract_tree(doc).map(|found| found.article.text.len())
}

/// How long `f` takes, and what it returns.
pub fn time_once<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

/// The `q`-quantile (0..=1) of `values` by nearest rank; NaN when empty.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (q * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

/// The median (mean of the middle two for an even count).
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    }
}

/// The machine the figures come from: cores, CPU model and load average (Linux).
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    format!("{cores} cores, {cpu}, load average {load}")
}

/// The number of elements in a parsed document.
pub fn element_count(doc: &lector::dom::Document) -> usize {
    doc.descendants(lector::dom::NodeId::DOCUMENT)
        .filter(|&n| doc.tag(n).is_some())
        .count()
}
