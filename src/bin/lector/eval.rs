//! `lector eval`: runs the engine over a shared corpus, runs Readability.js over the same pages
//! in the same run, and prints both side by side.
//!
//! ```text
//! lector eval wcxb [DIR] [--no-readability-js] [--worst N] [--details] [--pages FILE]
//! lector eval readability [DIR] [...same options]
//! ```
//!
//! Text metric (the WCXB benchmark's): per page, bag-of-words F1 over lowercased `\w+` tokens
//! (letters, digits, `_`) of the extracted text against the reference, macro-averaged over
//! pages. A page where a system found no article scores 0 (1 when the reference is empty too).
//! The text scored is the article body, not the title: the references hold the body.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use lector::dom::fold_whitespace;
use lector::extract::metadata::published_day;
use serde_json::Value;

const USAGE: &str = "usage: lector eval wcxb|readability [DIR] [options]

Runs Lector and Readability.js over a corpus and prints their figures side by side.
  wcxb          the WCXB dev split (DIR holds html/ and ground-truth/)
  readability   Mozilla's Readability test pages (DIR holds <case>/source.html, expected.html,
                expected-metadata.json)
  DIR           the corpus folder; by default wcxb-dev or readability in $LECTOR_CORPORA,
                else in ../shared/corpus beside the project (or the current folder)
Options:
  --no-readability-js   run Lector only
  --worst N             list the N worst pages (default 20)
  --details             also list every metadata disagreement
  --pages FILE          write one JSON line of scores per page and system to FILE
Readability.js (@mozilla/readability over linkedom) needs node and `npm ci` in the project.";

#[derive(Clone, Copy, PartialEq)]
enum Corpus {
    Wcxb,
    Readability,
}

impl Corpus {
    fn folder(self) -> &'static str {
        match self {
            Corpus::Wcxb => "wcxb-dev",
            Corpus::Readability => "readability",
        }
    }
    fn arg(self) -> &'static str {
        match self {
            Corpus::Wcxb => "wcxb",
            Corpus::Readability => "readability",
        }
    }
}

struct Options {
    corpus: Corpus,
    /// The corpus folder; empty until the default is looked up.
    dir: PathBuf,
    readability_js: bool,
    worst: usize,
    details: bool,
    pages_out: Option<PathBuf>,
}

/// What a corpus says a page should give.
#[derive(Default)]
struct Truth {
    kind: String,
    url: String,
    text: String,
    with: Vec<String>,
    without: Vec<String>,
    /// Metadata field → expected value (`None`: the reference has none).
    fields: Vec<(&'static str, Option<String>)>,
    readerable: Option<bool>,
}

/// What one system gave for a page.
#[derive(Default, Clone)]
struct Output {
    found: bool,
    text: String,
    fields: HashMap<&'static str, Option<String>>,
    readerable: Option<bool>,
    ms: f64,
    error: Option<String>,
}

/// One system's scores on one page.
#[derive(Default, Clone)]
struct Score {
    f1: f64,
    precision: f64,
    recall: f64,
    words: usize,
    with_found: usize,
    without_absent: usize,
    /// Field → agreement, only for fields the metric judges on this page.
    fields: Vec<(&'static str, bool)>,
    readerable_agrees: Option<bool>,
}

const READABILITY_FIELDS: [&str; 7] = [
    "title",
    "byline",
    "siteName",
    "lang",
    "dir",
    "publishedTime",
    "excerpt",
];

pub fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let opts = match parse(args) {
        Ok(o) => o,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("lector eval: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut opts = opts;
    if opts.dir.as_os_str().is_empty() {
        match default_dir(opts.corpus) {
            Ok(d) => opts.dir = d,
            Err(msg) => {
                eprintln!("lector eval: {msg}");
                return ExitCode::from(2);
            }
        }
    }
    let ids = match list_pages(&opts) {
        Ok(ids) if !ids.is_empty() => ids,
        Ok(_) => {
            eprintln!("lector eval: no pages in {}", opts.dir.display());
            return ExitCode::from(2);
        }
        Err(msg) => {
            eprintln!("lector eval: {msg}");
            return ExitCode::from(2);
        }
    };
    let truths: Vec<Truth> = match ids.iter().map(|id| read_truth(&opts, id)).collect() {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("lector eval: {msg}");
            return ExitCode::from(2);
        }
    };

    let started = Instant::now();
    let lector_out = run_lector(&opts, &ids, &truths);
    let lector_secs = started.elapsed().as_secs_f64();
    let mut systems = vec![("Lector", lector_out, lector_secs)];
    if opts.readability_js {
        let started = Instant::now();
        match run_readability_js(&opts, &ids) {
            Ok(out) => systems.push(("Readability.js", out, started.elapsed().as_secs_f64())),
            Err(msg) => println!("Readability.js row skipped: {msg}\n"),
        }
    }
    let scored: Vec<(&str, Vec<Score>, &[Output], f64)> = systems
        .iter()
        .map(|(name, out, secs)| {
            let scores = truths
                .iter()
                .zip(out)
                .map(|(t, o)| score(opts.corpus, t, o))
                .collect();
            (*name, scores, out.as_slice(), *secs)
        })
        .collect();

    print_report(&opts, &ids, &truths, &scored);
    if let Some(path) = &opts.pages_out {
        if let Err(e) = write_pages(path, &ids, &truths, &scored) {
            eprintln!("lector eval: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let corpus = match args.next().as_deref() {
        Some("wcxb") => Corpus::Wcxb,
        Some("readability") => Corpus::Readability,
        Some("-h" | "--help") => return Err(String::new()),
        Some(other) => {
            return Err(format!(
                "unknown corpus '{other}' (expected wcxb or readability)"
            ))
        }
        None => return Err("missing corpus (wcxb or readability)".into()),
    };
    let (mut dir, mut readability_js, mut worst, mut details, mut pages_out) =
        (None, true, 20, false, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--no-readability-js" => readability_js = false,
            "--details" => details = true,
            "--worst" => {
                worst = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--worst needs a number")?
            }
            "--pages" => {
                pages_out = Some(PathBuf::from(args.next().ok_or("--pages needs a file")?))
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'")),
            s => {
                if dir.replace(PathBuf::from(s)).is_some() {
                    return Err("more than one corpus folder given".into());
                }
            }
        }
    }
    let dir = match dir {
        Some(d) if d.is_dir() => d,
        Some(d) => return Err(format!("corpus folder {} does not exist", d.display())),
        None => PathBuf::new(),
    };
    Ok(Options {
        corpus,
        dir,
        readability_js,
        worst,
        details,
        pages_out,
    })
}

/// `$LECTOR_CORPORA/<name>` when set, else `../shared/corpus/<name>` beside the project, else
/// beside the current folder.
fn default_dir(corpus: Corpus) -> Result<PathBuf, String> {
    let beside_project = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let candidates = [
        std::env::var_os("LECTOR_CORPORA").map_or(beside_project, PathBuf::from),
        PathBuf::from("../shared/corpus"),
    ];
    for c in &candidates {
        let d = c.join(corpus.folder());
        if d.is_dir() {
            return Ok(d);
        }
    }
    Err(format!(
        "the {} corpus is absent: looked for {} and {}; pass its folder as DIR",
        corpus.arg(),
        candidates[0].join(corpus.folder()).display(),
        candidates[1].join(corpus.folder()).display()
    ))
}

fn list_pages(opts: &Options) -> Result<Vec<String>, String> {
    let read =
        |d: &Path| std::fs::read_dir(d).map_err(|e| format!("cannot read {}: {e}", d.display()));
    let mut ids: Vec<String> = match opts.corpus {
        Corpus::Wcxb => read(&opts.dir.join("ground-truth"))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".json")
                    .map(str::to_string)
            })
            .collect(),
        Corpus::Readability => read(&opts.dir)?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("source.html").is_file())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect(),
    };
    ids.sort();
    Ok(ids)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(fold_whitespace)
        .filter(|s| !s.is_empty())
}

fn read_truth(opts: &Options, id: &str) -> Result<Truth, String> {
    match opts.corpus {
        Corpus::Wcxb => {
            let v = read_json(&opts.dir.join("ground-truth").join(format!("{id}.json")))?;
            let gt = &v["ground_truth"];
            let list = |k: &str| -> Vec<String> {
                gt.get(k)
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Ok(Truth {
                kind: v["_internal"]["page_type"]["primary"]
                    .as_str()
                    .unwrap_or("?")
                    .to_string(),
                url: v["url"]
                    .as_str()
                    .unwrap_or("https://example.com/")
                    .to_string(),
                text: gt["main_content"].as_str().unwrap_or("").to_string(),
                with: list("with"),
                without: list("without"),
                fields: vec![
                    ("title", str_field(gt, "title")),
                    ("author", str_field(gt, "author")),
                    ("date", str_field(gt, "publish_date")),
                ],
                readerable: None,
            })
        }
        Corpus::Readability => {
            let case = opts.dir.join(id);
            let meta = read_json(&case.join("expected-metadata.json"))?;
            let expected = std::fs::read_to_string(case.join("expected.html")).map_err(|e| {
                format!("cannot read {}: {e}", case.join("expected.html").display())
            })?;
            let doc = lector::dom::html::parse_html(&expected, None);
            let body = doc.body().unwrap_or(lector::dom::NodeId::DOCUMENT);
            Ok(Truth {
                kind: "readability".into(),
                url: "http://fakehost/test/page.html".into(),
                text: doc.text_content(body),
                fields: READABILITY_FIELDS
                    .iter()
                    .map(|&k| (k, str_field(&meta, k)))
                    .collect(),
                readerable: meta.get("readerable").and_then(Value::as_bool),
                ..Truth::default()
            })
        }
    }
}

fn page_bytes(opts: &Options, id: &str) -> Result<Vec<u8>, String> {
    match opts.corpus {
        Corpus::Wcxb => {
            let path = opts.dir.join("html").join(format!("{id}.html.gz"));
            let file =
                std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(bytes)
        }
        Corpus::Readability => {
            let path = opts.dir.join(id).join("source.html");
            std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

/// Runs the engine over every page on all cores; `ms` is parse + extraction of one page.
fn run_lector(opts: &Options, ids: &[String], truths: &[Truth]) -> Vec<Output> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(vec![Output::default(); ids.len()]);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= ids.len() {
                    break;
                }
                let out = lector_page(opts, &ids[i], &truths[i].url);
                results.lock().expect("no worker panicked")[i] = out;
            });
        }
    });
    results.into_inner().expect("no worker panicked")
}

fn lector_page(opts: &Options, id: &str, url: &str) -> Output {
    let bytes = match page_bytes(opts, id) {
        Ok(b) => b,
        Err(e) => {
            return Output {
                error: Some(e),
                ..Output::default()
            }
        }
    };
    let start = Instant::now();
    let (html, _) = lector::dom::html::decode_html(&bytes);
    let doc = lector::dom::html::parse_html(&html, Some(url));
    let parsed = start.elapsed();
    // Asked apart from extraction (which consumes the page), outside the timing.
    let readerable = lector::is_probably_readerable(&doc);
    let start = Instant::now();
    let article = lector::extract_owned(doc);
    let ms = (parsed + start.elapsed()).as_secs_f64() * 1000.0;
    let mut fields = HashMap::new();
    let Some(a) = article else {
        return Output {
            readerable: Some(readerable),
            ms,
            ..Output::default()
        };
    };
    let wcxb = opts.corpus == Corpus::Wcxb;
    fields.insert("title", Some(a.title.clone()).filter(|t| !t.is_empty()));
    fields.insert(if wcxb { "author" } else { "byline" }, a.byline.clone());
    fields.insert(
        if wcxb { "date" } else { "publishedTime" },
        a.published.clone(),
    );
    fields.insert("siteName", a.site_name.clone());
    fields.insert("lang", a.lang.clone());
    fields.insert("dir", a.dir.clone());
    fields.insert("excerpt", a.excerpt.clone());
    Output {
        found: true,
        text: a.text,
        fields,
        readerable: Some(readerable),
        ms,
        error: None,
    }
}

/// Runs `tests/compare/readability.mjs` in one node process per core and reads its lines.
fn run_readability_js(opts: &Options, ids: &[String]) -> Result<Vec<Output>, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("tests/compare/readability.mjs");
    if !script.is_file() {
        return Err(format!("{} is missing", script.display()));
    }
    if !root.join("node_modules/@mozilla/readability").is_dir()
        || !root.join("node_modules/linkedom").is_dir()
    {
        return Err(format!(
            "@mozilla/readability and linkedom are not installed (run `npm ci` in {})",
            root.display()
        ));
    }
    let shards = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut children = Vec::new();
    for i in 0..shards {
        let child = Command::new("node")
            .arg(&script)
            .arg(opts.corpus.arg())
            .arg(&opts.dir)
            .arg("--shard")
            .arg(format!("{i}/{shards}"))
            .current_dir(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run node: {e}"))?;
        children.push(child);
    }
    let lines: Vec<Result<Vec<String>, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = children
            .into_iter()
            .map(|mut child| {
                s.spawn(move || {
                    let stdout = child.stdout.take().expect("piped");
                    let lines: Vec<String> = BufReader::new(stdout)
                        .lines()
                        .map_while(Result::ok)
                        .collect();
                    let mut err = String::new();
                    if let Some(mut e) = child.stderr.take() {
                        let _ = e.read_to_string(&mut err);
                    }
                    match child.wait() {
                        Ok(st) if st.success() => Ok(lines),
                        Ok(st) => Err(format!("node exited with {st}: {}", err.trim())),
                        Err(e) => Err(format!("node: {e}")),
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("reader thread"))
            .collect()
    });
    let mut by_id: HashMap<String, Output> = HashMap::new();
    for shard in lines {
        for line in shard? {
            let v: Value =
                serde_json::from_str(&line).map_err(|e| format!("bad line from node: {e}"))?;
            let id = v["id"].as_str().unwrap_or("").to_string();
            let s = |k: &str| str_field(&v, k);
            let mut fields = HashMap::new();
            let wcxb = opts.corpus == Corpus::Wcxb;
            fields.insert("title", s("title"));
            fields.insert(if wcxb { "author" } else { "byline" }, s("byline"));
            fields.insert(
                if wcxb { "date" } else { "publishedTime" },
                s("publishedTime"),
            );
            for k in ["siteName", "lang", "dir", "excerpt"] {
                fields.insert(k, s(k));
            }
            by_id.insert(
                id,
                Output {
                    found: v["ok"].as_bool().unwrap_or(false),
                    text: v["text"].as_str().unwrap_or("").to_string(),
                    fields,
                    readerable: v["readerable"].as_bool(),
                    ms: v["ms"].as_f64().unwrap_or(0.0),
                    error: v["error"].as_str().map(str::to_string),
                },
            );
        }
    }
    Ok(ids
        .iter()
        .map(|id| {
            by_id.remove(id).unwrap_or(Output {
                error: Some("no result from node".into()),
                ..Output::default()
            })
        })
        .collect())
}

/// Lowercased `\w+` tokens: runs of letters, digits (any script) and `_`.
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Bag-of-words (F1, precision, recall).
fn overlap(predicted: &[String], truth: &[String]) -> (f64, f64, f64) {
    if predicted.is_empty() && truth.is_empty() {
        return (1.0, 1.0, 1.0);
    }
    let mut bag: HashMap<&str, i64> = HashMap::new();
    for t in truth {
        *bag.entry(t).or_default() += 1;
    }
    let mut common = 0usize;
    for p in predicted {
        if let Some(n) = bag.get_mut(p.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return (0.0, 0.0, 0.0);
    }
    let p = common as f64 / predicted.len() as f64;
    let r = common as f64 / truth.len() as f64;
    (2.0 * p * r / (p + r), p, r)
}

/// True when the snippet's tokens appear as one run in the text's tokens (` a b c `, padded).
/// Like the benchmark's own check (`snippet in text`, a substring), the run's first token may
/// end a longer token and its last may begin one: some reference snippets are cut in the
/// middle of a word ("… to consider b"), which whole tokens would never find.
fn contains_snippet(text_tokens: &str, snippet: &str) -> bool {
    let s = tokens(snippet).join(" ");
    !s.is_empty() && text_tokens.contains(&s)
}

/// Titles agree when equal after whitespace folding, typographic quotes read as straight
/// ones and soft hyphens dropped (the ground truth writes quotes straight).
fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        fold_whitespace(s)
            .chars()
            .filter(|&c| c != '\u{ad}')
            .map(|c| match c {
                '‘' | '’' | 'ʼ' => '\'',
                '“' | '”' => '"',
                c => c,
            })
            .collect()
    };
    norm(a) == norm(b)
}

/// Authors agree when their words agree, "by" and "and" aside.
fn same_author(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        tokens(s)
            .into_iter()
            .filter(|t| t != "by" && t != "and")
            .collect()
    };
    words(a) == words(b)
}

/// The reference's date (`YYYY-MM-DD` or `YYYY-MM`) against the day a system found.
fn same_day(truth: &str, found: &str) -> bool {
    let Some((y, m, d)) = published_day(found) else {
        return false;
    };
    let day = format!("{y:04}-{m:02}-{d:02}");
    day.starts_with(truth.trim())
}

/// Seconds since 1970 of an ISO 8601 time with its zone (`2017-02-24T01:18:13Z`,
/// `2017-02-23T17:18:13-08:00`); `None` without a zone, which names no one instant.
/// Fractions of a second are ignored.
fn instant(s: &str) -> Option<i64> {
    let (date, time) = s.split_once('T')?;
    let mut ymd = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (ymd.next()??, ymd.next()??, ymd.next()??);
    let (clock, offset) = if let Some(c) = time.strip_suffix('Z') {
        (c, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let zone = time[at + 1..].replace(':', "");
        let (h, mm) = (
            zone.get(..2)?.parse::<i64>().ok()?,
            zone.get(2..)?.parse::<i64>().ok()?,
        );
        let sign = if time[at..].starts_with('-') { -1 } else { 1 };
        (&time[..at], sign * (h * 3600 + mm * 60))
    };
    let clock = clock.split('.').next()?;
    let mut hms = clock.split(':').map(|p| p.parse::<i64>().ok());
    let (h, mi, sec) = (
        hms.next()??,
        hms.next()??,
        hms.next().flatten().unwrap_or(0),
    );
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    Some(days * 86400 + h * 3600 + mi * 60 + sec - offset)
}

fn score(corpus: Corpus, truth: &Truth, out: &Output) -> Score {
    let predicted = if out.found {
        tokens(&out.text)
    } else {
        Vec::new()
    };
    let (f1, precision, recall) = overlap(&predicted, &tokens(&truth.text));
    let joined = format!(" {} ", predicted.join(" "));
    let with_found = truth
        .with
        .iter()
        .filter(|s| contains_snippet(&joined, s))
        .count();
    let without_absent = truth
        .without
        .iter()
        .filter(|s| !contains_snippet(&joined, s))
        .count();
    let mut fields = Vec::new();
    for (name, expected) in &truth.fields {
        let found = out.fields.get(name).cloned().flatten();
        let agrees = match corpus {
            Corpus::Wcxb => {
                // Judged only where the ground truth has a value.
                let Some(expected) = expected else { continue };
                match (*name, found) {
                    (_, None) => false,
                    ("title", Some(f)) => same_title(&f, expected),
                    ("author", Some(f)) => same_author(&f, expected),
                    (_, Some(f)) => same_day(expected, &f),
                }
            }
            // Exact after whitespace folding; both absent agrees. A time is the same when it
            // names the same instant, whatever zone offset it is written in.
            Corpus::Readability => match (found.map(|f| fold_whitespace(&f)), expected) {
                (Some(f), Some(e)) if *name == "publishedTime" => {
                    f == *e || instant(&f).is_some_and(|i| instant(e) == Some(i))
                }
                (f, e) => f == *e,
            },
        };
        fields.push((*name, agrees));
    }
    Score {
        f1,
        precision,
        recall,
        words: predicted.len(),
        with_found,
        without_absent,
        fields,
        readerable_agrees: truth.readerable.zip(out.readerable).map(|(a, b)| a == b),
    }
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        f64::NAN
    } else {
        sum / n as f64
    }
}

fn pct(num: usize, den: usize) -> String {
    if den == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * num as f64 / den as f64)
    }
}

/// Share of pages whose `field` agrees, among the pages where it is judged.
fn field_rate(scores: &[&Score], field: &str) -> (usize, usize) {
    let judged: Vec<bool> = scores
        .iter()
        .flat_map(|s| {
            s.fields
                .iter()
                .filter(|(n, _)| *n == field)
                .map(|(_, a)| *a)
        })
        .collect();
    (judged.iter().filter(|&&a| a).count(), judged.len())
}

type Scored<'a> = (&'a str, Vec<Score>, &'a [Output], f64);

fn print_report(opts: &Options, ids: &[String], truths: &[Truth], systems: &[Scored]) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    // Other work on the machine stretches ms/page; the load average says how much there was.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into());
    println!(
        "Corpus: {} ({} pages) — {} cores, load average {} at the end; ms/page: parse + extraction of one page, wall clock",
        opts.dir.display(),
        ids.len(),
        cores,
        load
    );
    match opts.corpus {
        Corpus::Wcxb => print_wcxb(opts, ids, truths, systems),
        Corpus::Readability => print_readability(opts, ids, truths, systems),
    }
}

fn print_wcxb(opts: &Options, ids: &[String], truths: &[Truth], systems: &[Scored]) {
    println!(
        "\n{:<15} {:>6} {:>6} {:>6} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7} {:>6} {:>8} {:>6}",
        "system",
        "F1",
        "P",
        "R",
        "F1 art",
        "with",
        "without",
        "title",
        "author",
        "date",
        "none",
        "ms/page",
        "secs"
    );
    for (name, scores, outs, secs) in systems {
        let all: Vec<&Score> = scores.iter().collect();
        let art: Vec<&Score> = scores
            .iter()
            .zip(truths)
            .filter(|(_, t)| t.kind == "article")
            .map(|(s, _)| s)
            .collect();
        let with: (usize, usize) = (
            scores.iter().map(|s| s.with_found).sum(),
            truths.iter().map(|t| t.with.len()).sum(),
        );
        let without: (usize, usize) = (
            scores.iter().map(|s| s.without_absent).sum(),
            truths.iter().map(|t| t.without.len()).sum(),
        );
        let rate = |f: &str| {
            let (a, n) = field_rate(&all, f);
            pct(a, n)
        };
        println!(
            "{:<15} {:>6.3} {:>6.3} {:>6.3} {:>7.3} {:>7} {:>8} {:>7} {:>7} {:>7} {:>6} {:>8.1} {:>6.0}",
            name,
            mean(all.iter().map(|s| s.f1)),
            mean(all.iter().map(|s| s.precision)),
            mean(all.iter().map(|s| s.recall)),
            mean(art.iter().map(|s| s.f1)),
            pct(with.0, with.1),
            pct(without.0, without.1),
            rate("title"),
            rate("author"),
            rate("date"),
            outs.iter().filter(|o| !o.found).count(),
            mean(outs.iter().map(|o| o.ms)),
            secs
        );
    }
    let judged = |f: &str| {
        truths
            .iter()
            .filter(|t| t.fields.iter().any(|(n, v)| *n == f && v.is_some()))
            .count()
    };
    println!(
        "(with/without: snippets found/absent of {} / {}; title/author/date judged on {} / {} / {} pages; none: pages without an article)",
        truths.iter().map(|t| t.with.len()).sum::<usize>(),
        truths.iter().map(|t| t.without.len()).sum::<usize>(),
        judged("title"),
        judged("author"),
        judged("date")
    );

    let mut kinds: Vec<&str> = truths.iter().map(|t| t.kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    print!("\n{:<14} {:>5}", "page type", "pages");
    for (name, ..) in systems {
        print!("  {:>22}", format!("{name} F1/P/R"));
    }
    println!();
    for kind in kinds {
        let idx: Vec<usize> = (0..truths.len())
            .filter(|&i| truths[i].kind == kind)
            .collect();
        print!("{:<14} {:>5}", kind, idx.len());
        for (_, scores, ..) in systems {
            print!(
                "  {:>22}",
                format!(
                    "{:.3} {:.3} {:.3}",
                    mean(idx.iter().map(|&i| scores[i].f1)),
                    mean(idx.iter().map(|&i| scores[i].precision)),
                    mean(idx.iter().map(|&i| scores[i].recall))
                )
            );
        }
        println!();
    }
    print_worst(opts, ids, truths, systems);
    if opts.details {
        print_disagreements(ids, truths, systems);
    }
}

fn print_readability(opts: &Options, ids: &[String], truths: &[Truth], systems: &[Scored]) {
    print!(
        "\n{:<15} {:>6} {:>6} {:>6} {:>7}",
        "system", "F1", "P", "R", "F1≥.95"
    );
    for f in READABILITY_FIELDS {
        print!(" {:>8}", short(f));
    }
    println!(" {:>8} {:>5} {:>8}", "readrbl", "none", "ms/page");
    for (name, scores, outs, _) in systems {
        let all: Vec<&Score> = scores.iter().collect();
        let good = scores.iter().filter(|s| s.f1 >= 0.95).count();
        print!(
            "{:<15} {:>6.3} {:>6.3} {:>6.3} {:>7}",
            name,
            mean(all.iter().map(|s| s.f1)),
            mean(all.iter().map(|s| s.precision)),
            mean(all.iter().map(|s| s.recall)),
            pct(good, scores.len())
        );
        for f in READABILITY_FIELDS {
            let (a, n) = field_rate(&all, f);
            print!(" {:>8}", pct(a, n));
        }
        let readerable = scores
            .iter()
            .filter(|s| s.readerable_agrees == Some(true))
            .count();
        println!(
            " {:>8} {:>5} {:>8.1}",
            pct(readerable, scores.len()),
            outs.iter().filter(|o| !o.found).count(),
            mean(outs.iter().map(|o| o.ms))
        );
    }
    println!("(fields: agreement with expected-metadata.json, exact after whitespace folding, both absent agreeing, a pubTime naming the same instant in another zone agreeing; readrbl: readerable verdict)");
    print_worst(opts, ids, truths, systems);
    if opts.details {
        print_disagreements(ids, truths, systems);
    }
}

/// Every metadata field a system gets wrong on a page, and the readerable verdicts.
fn print_disagreements(ids: &[String], truths: &[Truth], systems: &[Scored]) {
    for (name, scores, outs, _) in systems {
        println!("\n{name}: every metadata disagreement (case, field: found | expected)");
        for (i, s) in scores.iter().enumerate() {
            for (field, agrees) in &s.fields {
                if !agrees {
                    let expected = truths[i]
                        .fields
                        .iter()
                        .find(|(n, _)| n == field)
                        .and_then(|(_, v)| v.clone());
                    let found = outs[i].fields.get(field).cloned().flatten();
                    println!(
                        "  {:<36} {:<13} {} | {}",
                        ids[i],
                        field,
                        clip(found.as_deref().unwrap_or("—")),
                        clip(expected.as_deref().unwrap_or("—"))
                    );
                }
            }
            if s.readerable_agrees == Some(false) {
                println!(
                    "  {:<36} {:<13} {:?} | {:?}",
                    ids[i], "readerable", outs[i].readerable, truths[i].readerable
                );
            }
        }
    }
}

fn short(field: &str) -> &str {
    match field {
        "publishedTime" => "pubTime",
        "siteName" => "site",
        f => f,
    }
}

fn clip(s: &str) -> String {
    let s = fold_whitespace(s);
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(59).collect::<String>())
    } else {
        s
    }
}

fn print_worst(opts: &Options, ids: &[String], truths: &[Truth], systems: &[Scored]) {
    let Some((name, scores, outs, _)) = systems.first() else {
        return;
    };
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| scores[a].f1.total_cmp(&scores[b].f1).then(a.cmp(&b)));
    println!(
        "\n{name}: the {} worst pages by F1 (words: extracted / reference)",
        opts.worst.min(ids.len())
    );
    println!(
        "{:<36} {:<13} {:>6} {:>6} {:>6} {:>13}  url / note",
        "page", "type", "F1", "P", "R", "words"
    );
    for &i in order.iter().take(opts.worst) {
        let s = &scores[i];
        let note = if let Some(e) = &outs[i].error {
            e.clone()
        } else if !outs[i].found {
            "no article found".into()
        } else {
            truths[i].url.clone()
        };
        println!(
            "{:<36} {:<13} {:>6.3} {:>6.3} {:>6.3} {:>13}  {}",
            ids[i],
            truths[i].kind,
            s.f1,
            s.precision,
            s.recall,
            format!("{} / {}", s.words, tokens(&truths[i].text).len()),
            clip(&note)
        );
    }
}

fn write_pages(
    path: &Path,
    ids: &[String],
    truths: &[Truth],
    systems: &[Scored],
) -> std::io::Result<()> {
    let mut out = String::new();
    for (name, scores, outs, _) in systems {
        for (i, s) in scores.iter().enumerate() {
            let fields: serde_json::Map<String, Value> = s
                .fields
                .iter()
                .map(|(n, a)| {
                    let found = outs[i].fields.get(n).cloned().flatten();
                    (
                        n.to_string(),
                        serde_json::json!({"agrees": a, "found": found}),
                    )
                })
                .collect();
            let row = serde_json::json!({
                "system": name, "id": ids[i], "type": truths[i].kind, "f1": s.f1,
                "precision": s.precision, "recall": s.recall, "found": outs[i].found,
                "with": [s.with_found, truths[i].with.len()],
                "without": [s.without_absent, truths[i].without.len()],
                "fields": fields, "readerable": outs[i].readerable,
                "readerable_agrees": s.readerable_agrees, "ms": outs[i].ms,
            });
            out.push_str(&row.to_string());
            out.push('\n');
        }
    }
    std::fs::write(path, out)
}

#[cfg(test)]
mod tests {
    use super::{contains_snippet, instant, tokens};

    #[test]
    fn a_snippet_cut_in_a_word_is_found_as_the_benchmark_finds_it() {
        let text = format!(
            " {} ",
            tokens("The CRM that delivers value, where it matters.").join(" ")
        );
        assert!(contains_snippet(&text, "the CRM that delivers"));
        // Cut in the middle of its last or first word, as some reference snippets are.
        assert!(contains_snippet(&text, "the crm that d"));
        assert!(contains_snippet(&text, "RM that delivers"));
        // Inner words stay whole, and the order holds.
        assert!(!contains_snippet(&text, "the crm th delivers"));
        assert!(!contains_snippet(&text, "value the crm"));
        assert!(!contains_snippet(&text, "..."));
    }

    #[test]
    fn a_time_in_two_zones_is_one_instant() {
        let utc = instant("2017-02-24T01:18:13Z");
        assert!(utc.is_some());
        assert_eq!(utc, instant("2017-02-23T17:18:13-08:00"));
        assert_eq!(utc, instant("2017-02-24T02:18:13.500+0100"));
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some(0));
        assert_ne!(utc, instant("2017-02-23T17:18:13+08:00"));
        // Without a zone a time names no one instant; a day alone neither.
        assert_eq!(instant("2017-02-24T01:18:13"), None);
        assert_eq!(instant("2017-02-24"), None);
    }
}
