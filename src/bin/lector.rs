//! `lector`: the reader engine on the command line.
//!
//! ```text
//! lector extract <FILE|-> [--url URL] [--format html|text|json|markdown]
//! lector eval wcxb|readability [DIR] [options]
//! ```
//! Exit codes: 0 an article was printed, 1 the page has no article, 2 bad usage or
//! unreadable input.

use std::io::{Read, Write};
use std::process::ExitCode;

#[path = "lector/eval.rs"]
mod eval;

const USAGE: &str = "usage: lector extract <FILE|-> [--url URL] [--format html|text|json|markdown]
       lector eval wcxb|readability [DIR] [options]   (see lector eval --help)

Finds the article in an HTML page and prints it.
  FILE          the page to read; - reads standard input
  --url URL     the address the page came from (resolves relative links)
  --format F    html (default: a complete sanitized page), text, json (metadata and content),
                or markdown (YAML front matter, the title as a heading, the article as Markdown)
Exit status: 0 article printed, 1 no article found, 2 bad usage or unreadable input.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Html,
    Text,
    Json,
    Markdown,
}

struct Args {
    input: String,
    url: Option<String>,
    format: Format,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("extract") => {}
        Some("-h" | "--help") => return Err(String::new()),
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    }
    let (mut input, mut url, mut format) = (None, None, Format::Html);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--url" => url = Some(args.next().ok_or("--url needs a value")?),
            "--format" => {
                format = match args.next().as_deref() {
                    Some("html") => Format::Html,
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("markdown" | "md") => Format::Markdown,
                    Some(f) => {
                        return Err(format!(
                            "unknown format '{f}' (expected html, text, json or markdown)"
                        ))
                    }
                    None => return Err("--format needs a value".into()),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'")),
            s => {
                if input.replace(s.to_string()).is_some() {
                    return Err("more than one input given".into());
                }
            }
        }
    }
    Ok(Args {
        input: input.ok_or("missing input file (use - for standard input)")?,
        url,
        format,
    })
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    }
    Ok(bytes)
}

/// True for bytes that are not a text page: an image, an archive, an executable. Looks at the
/// start only: a NUL byte near the top, or many control bytes. A page with a stray NUL further
/// down is still read (the parser replaces it), and UTF-16 pages announced by a BOM are text.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    head[..head.len().min(1024)].contains(&0) || controls * 10 > head.len()
}

/// Rust starts programs with SIGPIPE ignored, so printing into a pipe whose reader has gone
/// (`lector eval wcxb | head`) panics; with the default action the process ends quietly, as
/// other command-line tools do. (13 is SIGPIPE on Linux, macOS and the BSDs; 0 is SIG_DFL.)
#[cfg(unix)]
fn end_quietly_on_closed_pipe() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    // SAFETY: called first thing in main, before any other thread exists; it only resets
    // one signal's action to the system default.
    unsafe {
        signal(13, 0);
    }
}

fn main() -> ExitCode {
    #[cfg(unix)]
    end_quietly_on_closed_pipe();
    let mut argv = std::env::args().skip(1).peekable();
    if argv.peek().map(String::as_str) == Some("eval") {
        return eval::run(argv.skip(1));
    }
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("lector: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match read_input(&args.input) {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("lector: {msg}");
            return ExitCode::from(2);
        }
    };
    if looks_binary(&bytes) {
        eprintln!(
            "lector: {} does not look like an HTML page (it holds binary data)",
            args.input
        );
        return ExitCode::from(2);
    }
    let (html, _encoding) = lector::dom::html::decode_html(&bytes);
    let doc = match lector::dom::html::try_parse_html(&html, args.url.as_deref()) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!(
                "lector: cannot read {}: {e}",
                if args.input == "-" {
                    "standard input"
                } else {
                    &args.input
                }
            );
            return ExitCode::from(2);
        }
    };
    let Some(mut found) = lector::extract_tree(doc) else {
        eprintln!(
            "lector: no article found in {}",
            if args.input == "-" {
                "standard input"
            } else {
                &args.input
            }
        );
        return ExitCode::from(1);
    };
    // The Markdown is rendered only for the formats that print it.
    if matches!(args.format, Format::Json | Format::Markdown) {
        found.article.markdown = found.markdown();
    }
    let article = found.article;
    let out = match args.format {
        Format::Text => format!("{}\n\n{}\n", article.title, article.text),
        Format::Json => serde_json::to_string_pretty(&article).expect("article serializes") + "\n",
        Format::Html => standalone_page(&article),
        Format::Markdown => {
            lector::render::markdown::document(&article, args.url.as_deref(), &today_utc())
        }
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// Today's date in UTC as `YYYY-MM-DD`.
fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day counted from 1970-01-01: shift the epoch to
/// 0000-03-01 so leap days end each year, then split into 400-year eras of 146 097 days.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // year of era
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the March-based year
    let mp = (5 * doy + 2) / 153; // month, March = 0
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A complete, script-free HTML page around the sanitized article.
fn standalone_page(a: &lector::Article) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut meta = Vec::new();
    if let Some(b) = &a.byline {
        meta.push(esc(b));
    }
    if let Some(s) = &a.site_name {
        meta.push(esc(s));
    }
    if let Some(p) = &a.published {
        meta.push(format!(
            "<time datetime=\"{}\">{}</time>",
            esc(p),
            esc(p.get(..10).unwrap_or(p))
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>{title}</title>\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n<p class=\"meta\">{meta}</p>\n{content}\n</article>\n</body>\n</html>\n",
        lang = esc(a.lang.as_deref().unwrap_or("")),
        dir = esc(a.dir.as_deref().unwrap_or("auto")),
        title = esc(&a.title),
        meta = meta.join(" · "),
        content = a.content_html,
    )
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_722), (2023, 12, 31));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(2_932_896), (9999, 12, 31));
    }
}
