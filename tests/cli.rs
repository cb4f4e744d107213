//! The `lector` command line: formats, exit codes, messages, charsets.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn lector(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lector"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lector runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn page(case: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages")
        .join(case)
        .join("source.html")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn extracts_the_seed_page_in_every_format() {
    let seed = page("tagdiv-newspaper-seed");
    let text = lector(&["extract", &seed, "--format", "text"], None);
    assert_eq!(
        text.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("Venezuela’s Defense Minister Arrives in Moscow"));
    assert!(text.contains("1. Achieving the dangerous pact"));
    assert!(!text.contains("Advertisement"));

    let json = lector(
        &[
            "extract",
            &seed,
            "--format",
            "json",
            "--url",
            "https://q24n.example/2021/06/22/story/",
        ],
        None,
    );
    assert_eq!(json.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(v["byline"], "Q24N");
    assert_eq!(v["lang"], "en-US");
    assert!(v["contentHtml"].as_str().unwrap().contains("<blockquote>"));
    assert!(v["wordCount"].as_u64().unwrap() > 1000);

    let html = lector(&["extract", &seed], None);
    assert_eq!(html.status.code(), Some(0));
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<h1>Venezuela’s Defense Minister")
    );
    assert!(!html.contains("<script"));
}

#[test]
fn reads_standard_input() {
    let bytes = std::fs::read(page("wordpress-gutenberg-blog")).unwrap();
    let out = lector(&["extract", "-", "--format", "text"], Some(&bytes));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("pip install pymodbus==3.6.4"));
}

#[test]
fn no_article_exits_1_with_a_message() {
    let out = lector(&["extract", &page("news-home-page")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article found"));
}

#[test]
fn bad_usage_and_unreadable_input_exit_2() {
    for args in [
        &["extract"][..],
        &["frobnicate", "x"],
        &["extract", "a", "--format", "pdf"],
        &["extract", "a", "b"],
        &[],
    ] {
        let out = lector(args, None);
        assert_eq!(out.status.code(), Some(2), "args {args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage: lector extract"),
            "args {args:?}"
        );
    }
    let out = lector(&["extract", "/nonexistent/page.html"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/page.html"));
    let out = lector(
        &["extract", "-"],
        Some(&[0x7f, b'E', b'L', b'F', 0, 0, 1, 2]),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not look like an HTML page"));
    let help = lector(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
}

#[test]
fn decodes_legacy_charsets_from_the_meta_declaration() {
    let para = "Les élèves ont présenté leur projet à la mairie, où les élus ont salué un travail sérieux et précis. ";
    let body: String = (0..6)
        .map(|i| format!("<p>{i}. {para}{para}</p>"))
        .collect();
    let html = format!("<html lang=fr><head><meta charset=\"iso-8859-1\"><title>Un article français</title></head><body><article>{body}</article></body></html>");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let out = lector(&["extract", "-", "--format", "text"], Some(&bytes));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Les élèves ont présenté leur projet à la mairie"),
        "{text}"
    );
}

/// Printing into a pipe whose reader has gone (`lector … | head`) ends the program the way it
/// ends other command-line tools, by SIGPIPE, with no panic message.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let paragraph =
        "<p>Every sentence of this long article is printed whole, far past what a pipe holds.</p>";
    let html = format!(
        "<html><head><title>Long</title></head><body><article>{}</article></body></html>",
        paragraph.repeat(4000)
    );
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("closed-pipe.html");
    std::fs::write(&file, html).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lector"))
        .args(["extract", file.to_str().unwrap(), "--format", "text"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lector runs");
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader has gone: the rest of the ~350 KB cannot be written.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.signal(), Some(13), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
