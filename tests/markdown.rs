//! Markdown export, construct by construct, through the public API: HTML → clean tree
//! (`sanitize`) → `to_markdown`. Each case checks the exact Markdown, and the nasty ones also
//! check that a CommonMark parser (pulldown-cmark, GitHub tables on) reads back the same
//! structure. Front matter is parsed with a real YAML parser.

use lector::dom::html::parse_html;
use lector::render::html::sanitize;
use lector::render::markdown::{file_name, front_matter, to_markdown};
use pulldown_cmark::{html::push_html, Options, Parser};

const BASE: &str = "https://example.com/dir/page";

fn md(html: &str) -> String {
    let doc = parse_html(&format!("<html><body>{html}</body></html>"), Some(BASE));
    let (clean, root) = sanitize(&doc, doc.body().unwrap(), Some(BASE));
    to_markdown(&clean, root)
}

fn to_html(markdown: &str) -> String {
    let mut out = String::new();
    push_html(
        &mut out,
        Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        ),
    );
    out
}

/// What a reader sees of a tree, as a string: its words, and where the elements that carry
/// meaning open and close (H heading, L list item, C cell, P code block, A link, I image,
/// Q quote, E emphasis, S strong, D struck). Clean elements that Markdown writes another way
/// count as what they become: a figure caption is emphasis, a summary or a term is strong.
fn signature(html: &str) -> String {
    let doc = parse_html(&format!("<body>{html}</body>"), None);
    let body = doc.body().unwrap();
    let mut out = String::new();
    let mut stack = vec![(body, false)];
    let mut open: std::collections::HashMap<char, usize> = Default::default();
    let class = |t: &str| match t {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some('H'),
        "li" => Some('L'),
        "td" | "th" => Some('C'),
        "pre" => Some('P'),
        "a" => Some('A'),
        "img" => Some('I'),
        "blockquote" => Some('Q'),
        "em" | "i" | "cite" | "dfn" | "var" | "figcaption" => Some('E'),
        "strong" | "b" | "summary" | "dt" => Some('S'),
        "del" | "s" => Some('D'),
        _ => None,
    };
    // Text runs together across inline elements, as a reader sees it.
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        for w in run.split_whitespace() {
            out.push_str(w);
            out.push(' ');
        }
        run.clear();
    };
    while let Some((n, leaving)) = stack.pop() {
        if leaving {
            flush(&mut run, &mut out);
            let c = class(doc.tag(n).unwrap()).unwrap();
            let depth = open.get_mut(&c).unwrap();
            *depth -= 1;
            if *depth == 0 || !"ESD".contains(c) {
                out.push_str(&format!("/{c} "));
            }
            continue;
        }
        if let Some(t) = doc.text(n) {
            run.push_str(t);
            continue;
        }
        if let Some(c) = doc.tag(n).and_then(class) {
            flush(&mut run, &mut out);
            let depth = open.entry(c).or_default();
            *depth += 1;
            // Emphasis inside the same emphasis looks the same.
            if *depth == 1 || !"ESD".contains(c) {
                out.push(c);
                out.push(' ');
            }
            stack.push((n, true));
        } else if doc.tag(n).is_some_and(|t| {
            matches!(
                t,
                "p" | "div" | "br" | "hr" | "tr" | "ul" | "ol" | "table" | "figure"
            )
        }) {
            run.push(' ');
        }
        let mut c = doc.last_child(n);
        while let Some(ch) = c {
            stack.push((ch, false));
            c = doc.prev_sibling(ch);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Asserts that `html` renders to `expected`, and that a CommonMark parser reads that
/// Markdown back as the same words and structure as `html`'s clean tree.
fn check(html: &str, expected: &str) {
    let got = md(html);
    assert_eq!(got, expected, "Markdown of {html}");
    let doc = parse_html(&format!("<body>{html}</body>"), Some(BASE));
    let clean = lector::render::html::to_html(&doc, doc.body().unwrap(), Some(BASE));
    let back = to_html(&got);
    assert_eq!(
        signature(&back),
        signature(&clean),
        "round trip of {html}\nmarkdown:\n{got}\nback:\n{back}"
    );
}

#[test]
fn paragraphs_headings_and_ordinary_prose() {
    check(
        "<h1>Big</h1><h3>Small</h3><p>It's 5 p.m. — 3 * 4 = 12, C# and 1990s.</p>",
        "## Big\n\n### Small\n\nIt's 5 p.m. — 3 * 4 = 12, C# and 1990s.\n",
    );
    check("<p>  lots\n of   space  </p>", "lots of space\n");
}

#[test]
fn emphasis_inside_words_and_markers_in_text() {
    check(
        "<p>snake_case_name and 2*3*4</p>",
        "snake_case_name and 2\\*3\\*4\n",
    );
    check(
        "<p>un<em>believ</em>able <strong>bold</strong>ly</p>",
        "un*believ*able **bold**ly\n",
    );
    check(
        "<p>_lead and trail_ *stars*</p>",
        "\\_lead and trail\\_ \\*stars\\*\n",
    );
    check(
        "<p><em>a <strong>b</strong></em> <del>gone</del></p>",
        "*a **b*** ~~gone~~\n",
    );
    check("<p>x<em>(y)</em>z</p>", "x<em>(y)</em>z\n");
    // A run that could close the outer strong is written as HTML.
    check(
        "<dl><dt><em>class </em>f(<em>*</em>, <em>a=None</em>)</dt></dl>",
        "***class* f(<em>\\*</em>, *a=None*)**\n",
    );
    check(
        "<p><b><b>same</b></b> <i>x</i><b>y</b></p>",
        "**same** *x*<strong>y</strong>\n",
    );
}

#[test]
fn line_starts_that_would_become_blocks() {
    check(
        "<p># not a heading</p><p>1. not a list</p><p>2) nor this</p><p>&gt; no quote</p><p>- no item</p><p>+ no item</p><p>* no item</p>",
        "\\# not a heading\n\n1\\. not a list\n\n2\\) nor this\n\n\\> no quote\n\n\\- no item\n\n\\+ no item\n\n\\* no item\n",
    );
    check("<p>#hashtag, -5 and +1</p>", "#hashtag, -5 and +1\n");
    check("<p>line<br>===<br>1. x</p>", "line\\\n===\\\n1\\. x\n");
    check(
        "<p>line<br>===</p><p>a<br>--</p>",
        "line\\\n\\===\n\na\\\n\\--\n",
    );
}

#[test]
fn escaping_only_where_needed() {
    check("<p>a\\b and a\\*b</p>", "a\\b and a\\\\\\*b\n");
    check(
        "<p>[1] and [a](b) and &lt;b&gt; and a &lt; b</p>",
        "[1] and [a\\](b) and \\<b> and a < b\n",
    );
    check("<p>&amp;copy; and AT&amp;T</p>", "\\&copy; and AT&T\n");
    check("<p>tick ` here</p>", "tick \\` here\n");
    check(
        "<p>wow!<a href=\"/x\">link</a></p>",
        "wow\\![link](https://example.com/x)\n",
    );
}

#[test]
fn links_and_images() {
    check(
        "<p><a href=\"/a b(c)\" title='say \"hi\"'>go</a> <a href=\"https://x.org/q?a=1&amp;b=2\">q</a></p>",
        "[go](<https://example.com/a b(c)> \"say \\\"hi\\\"\") [q](https://x.org/q?a=1&b=2)\n",
    );
    check(
        "<p><a href=\"/p\"><img src=\"/i.png\" alt=\"a [b]\" title=\"t\"></a></p>",
        "[![a \\[b\\]](https://example.com/i.png \"t\")](https://example.com/p)\n",
    );
    // A link with nothing to show gives way to its contents: no `[](…)`.
    check("<p>before <a href=\"/e\"></a> after</p>", "before after\n");
    check(
        "<p><a href=\"/l\">[1]</a></p>",
        "[\\[1\\]](https://example.com/l)\n",
    );
}

#[test]
fn figures_keep_their_caption() {
    check(
        "<figure><img src=\"/f.jpg\" alt=\"F\"><figcaption>The <em>caption</em></figcaption></figure>",
        "![F](https://example.com/f.jpg)\n\n*The caption*\n",
    );
}

#[test]
fn lists_ordered_nested_and_adjacent() {
    check(
        "<ol start=\"7\"><li>seven</li><li>eight<ul><li>inner</li><li>more</li></ul></li><li>nine</li></ol>",
        "7. seven\n8. eight\n   - inner\n   - more\n9. nine\n",
    );
    check(
        "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>",
        "- a\n\n* b\n\n1. c\n\n1) d\n",
    );
    check(
        "<ul><li><p>para one</p><p>para two</p></li><li>x</li></ul>",
        "- para one\n\n  para two\n\n- x\n",
    );
    // An empty item is no item (the clean tree drops it): no stray `-`.
    check("<ul><li></li><li>b</li></ul>", "- b\n");
    check(
        "<ul><li>a<ul><li>b</li></ul>tail</li></ul>",
        "- a\n  - b\n\n  tail\n",
    );
}

#[test]
fn blockquotes_nest_and_hold_lists() {
    check(
        "<blockquote><p>q1</p><blockquote><p>deep</p></blockquote><ul><li>one<ol><li>sub</li></ol></li></ul></blockquote>",
        "> q1\n>\n> > deep\n>\n> - one\n>   1. sub\n",
    );
    check(
        "<blockquote><p>a</p></blockquote><blockquote><p>b</p></blockquote>",
        "> a\n\n> b\n",
    );
}

#[test]
fn code_blocks_and_spans_with_backticks() {
    check(
        "<pre><code class=\"language-python\">print(\"```\")\n\nx = 1\n</code></pre>",
        "````python\nprint(\"```\")\n\nx = 1\n````\n",
    );
    check("<pre class=\"lang-sh\">ls</pre>", "```sh\nls\n```\n");
    check(
        "<p><code>a`b</code>, <code>``</code>, <code>`x</code> and <kbd>Ctrl</kbd>+<kbd>C</kbd></p>",
        "``a`b``, ` `` `, `` `x `` and `Ctrl`+`C`\n",
    );
    check(
        "<p><code>U+0041</code><kbd>0x41</kbd> <code>`</code><code>a</code></p>",
        "`U+00410x41` `` `a ``\n",
    );
    check(
        "<p><code>call(<a href=\"/f\">f</a>)</code></p>",
        "`call(`[`f`](https://example.com/f)`)`\n",
    );
    check(
        "<ul><li>step<pre>code\n  indented</pre></li></ul>",
        "- step\n\n  ```\n  code\n    indented\n  ```\n",
    );
}

#[test]
fn hard_breaks_rules_and_sub_sup() {
    check("<p>one<br>two <br> three</p>", "one\\\ntwo\\\nthree\n");
    check("<p>text</p><hr><p>more</p>", "text\n\n---\n\nmore\n");
    check(
        "<p>H<sub>2</sub>O and x<sup>2</sup></p>",
        "H<sub>2</sub>O and x<sup>2</sup>\n",
    );
    check("<ul><li>a<hr></li></ul>", "- a\n\n  ---\n");
    check("<ul><li><hr>b</li></ul>", "- ***\n\n  b\n");
}

#[test]
fn tables_pipe_and_fallback() {
    check(
        "<table><thead><tr><th>a|b</th><th>c</th></tr></thead><tbody><tr><td>1<br>2</td><td><code>x|y</code></td></tr><tr><td></td><td><p>p</p></td></tr></tbody></table>",
        "| a\\|b | c |\n| --- | --- |\n| 1<br>2 | `x\\|y` |\n| | p |\n",
    );
    let spanned =
        md("<table><tr><td colspan=2>wide</td></tr><tr><td>a</td><td>b</td></tr></table>");
    assert!(spanned.starts_with("<table>\n"), "{spanned}");
    assert!(spanned.contains("<td colspan=\"2\">wide</td>"), "{spanned}");
    let listy = md("<p>before</p><table><tr><td><ul><li>x</li></ul></td></tr></table><p>after</p>");
    assert!(
        listy.contains("<li>x</li>") && listy.ends_with("\n\nafter\n"),
        "{listy}"
    );
    check(
        "<table><caption>Cap</caption><tr><td>a</td></tr></table>",
        "Cap\n\n| a |\n| --- |\n",
    );
}

#[test]
fn details_definitions_and_empty_elements() {
    check(
        "<details><summary>More</summary><p>hidden</p></details><dl><dt>Term</dt><dd>def</dd></dl>",
        "**More**\n\nhidden\n\n**Term**\n\ndef\n",
    );
    assert_eq!(md("<p></p><em></em><div><span> </span></div><ul></ul>"), "");
    assert_eq!(md(""), "");
}

#[test]
fn deep_nesting_does_not_overflow() {
    // Built directly: html5ever itself is slow on tens of thousands of open formatting tags.
    let mut doc = lector::dom::Document::new();
    let root = doc.create_element("div", vec![]);
    doc.append(lector::dom::NodeId::DOCUMENT, root);
    let mut parent = root;
    for i in 0..100_000 {
        let e = doc.create_element(["div", "em", "blockquote", "li"][i % 4], vec![]);
        doc.append(parent, e);
        parent = e;
    }
    doc.append_text(parent, "deep");
    let out = to_markdown(&doc, root);
    assert!(
        out.trim_end().ends_with("- *deep*"),
        "{}",
        &out[out.len() - 50..]
    );
    let html = format!(
        "{}x{}",
        "<blockquote>".repeat(200),
        "</blockquote>".repeat(200)
    );
    let out = md(&html);
    assert!(out.starts_with(&"> ".repeat(200)), "{out}");
}

// ---- front matter --------------------------------------------------------------------

fn article(title: &str, byline: Option<&str>, excerpt: Option<&str>) -> lector::Article {
    lector::Article {
        title: title.to_string(),
        byline: byline.map(str::to_string),
        site_name: Some("Site: \"quoted\" # not a comment".into()),
        published: Some("2024-01-02".into()),
        lang: Some("en".into()),
        dir: None,
        lead_image: None,
        excerpt: excerpt.map(str::to_string),
        content_html: String::new(),
        text: String::new(),
        markdown: String::new(),
        word_count: 42,
        readerable: true,
        removed: Vec::new(),
    }
}

fn parse_yaml(front: &str) -> serde_yaml_ng::Value {
    let body = front
        .strip_prefix("---\n")
        .and_then(|s| s.strip_suffix("---\n"))
        .unwrap_or_else(|| panic!("front matter not between --- lines:\n{front}"));
    serde_yaml_ng::from_str(body).unwrap_or_else(|e| panic!("invalid YAML ({e}):\n{front}"))
}

const NASTY: &[&str] = &[
    "Plain title",
    "Colon: in title",
    "\"Quoted\" and 'single'",
    "# hash first",
    "- dash first",
    "[brackets] {braces} | pipe > gt",
    "multi\nline\ttab",
    "back\\slash \\n literal",
    "yes",
    "null",
    "123",
    "~",
    "@at `tick` %pct &amp *star !bang",
    "ctrl \u{1}\u{7f}\u{85}\u{9f} seps \u{2028}\u{2029} bom \u{feff} end",
    "emoji 😀 and 中文 and العربية",
    "   padded   ",
    "---",
    "...",
];

#[test]
fn front_matter_is_valid_yaml_with_the_same_values() {
    for &t in NASTY {
        let a = article(t, Some(t), Some(t));
        let fm = front_matter(&a, Some("https://example.com/a?b=c#d"), "2024-05-06");
        let v = parse_yaml(&fm);
        assert_eq!(v["title"].as_str(), Some(t), "{fm}");
        assert_eq!(v["excerpt"].as_str(), Some(t), "{fm}");
        assert_eq!(v["site"].as_str(), a.site_name.as_deref(), "{fm}");
        assert_eq!(v["url"].as_str(), Some("https://example.com/a?b=c#d"));
        assert_eq!(v["word_count"].as_u64(), Some(42));
        assert_eq!(v["exported"].as_str(), Some("2024-05-06"));
        assert!(v.get("image").is_none(), "absent keys are left out: {fm}");
    }
}

#[test]
fn authors_become_a_list_when_several() {
    let v = parse_yaml(&front_matter(
        &article("T", Some("Ann Lee"), None),
        None,
        "2024-01-01",
    ));
    assert_eq!(v["author"].as_str(), Some("Ann Lee"));
    assert!(v.get("url").is_none() && v.get("excerpt").is_none());
    let v = parse_yaml(&front_matter(
        &article("T", Some("Ann Lee, Bo: \"B\" and Cy #3"), None),
        None,
        "2024-01-01",
    ));
    let list: Vec<&str> = v["author"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(list, ["Ann Lee", "Bo: \"B\"", "Cy #3"]);
}

#[test]
fn front_matter_of_every_fixture_parses() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut n = 0;
    for e in std::fs::read_dir(root).unwrap() {
        let src = e.unwrap().path().join("source.html");
        let Ok(html) = std::fs::read_to_string(&src) else {
            continue;
        };
        let Some(a) = lector::extract_html(&html, Some("https://example.com/story")) else {
            continue;
        };
        let v = parse_yaml(&front_matter(
            &a,
            Some("https://example.com/story"),
            "2024-01-01",
        ));
        assert_eq!(
            v["title"].as_str(),
            Some(a.title.as_str()).filter(|t| !t.trim().is_empty())
        );
        assert_eq!(v["word_count"].as_u64(), Some(a.word_count as u64));
        n += 1;
    }
    assert!(n >= 3, "only {n} fixtures had an article");
}

#[test]
fn file_names() {
    assert_eq!(file_name("Hello: World?"), "Hello World.md");
    assert_eq!(file_name("a/b\\c|d*e<f>g\"h"), "a b c d e f g h.md");
    assert_eq!(file_name("  .hidden.  "), "hidden.md");
    assert_eq!(file_name("nul"), "_nul.md");
    assert_eq!(file_name("Lpt9.report"), "_Lpt9.report.md");
    assert_eq!(file_name("COM10"), "COM10.md");
    assert_eq!(file_name("tab\tand\nnewline\u{7}"), "tab and newline.md");
    assert_eq!(file_name(""), "article.md");
    assert_eq!(file_name("???"), "article.md");
    let long = "日本語".repeat(40);
    let f = file_name(&long);
    assert!(f.len() <= 123, "{}", f.len());
    assert!(f.ends_with(".md") && long.starts_with(f.trim_end_matches(".md")));
}

// ---- command line --------------------------------------------------------------------

#[test]
fn cli_prints_front_matter_title_and_body() {
    let src = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/pages/wordpress-gutenberg-blog/source.html"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lector"))
        .args([
            "extract",
            src,
            "--url",
            "https://sunroofnotes.blog/post",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rest = text
        .strip_prefix("---\n")
        .expect("starts with front matter");
    let end = rest.find("\n---\n").expect("front matter ends");
    let v: serde_yaml_ng::Value = serde_yaml_ng::from_str(&rest[..end]).unwrap();
    assert_eq!(
        v["title"].as_str(),
        Some("Reading Your Solar Inverter With a Raspberry Pi and Modbus")
    );
    assert_eq!(v["url"].as_str(), Some("https://sunroofnotes.blog/post"));
    let date = v["exported"].as_str().unwrap();
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.starts_with("20"),
        "{date}"
    );
    let body = &rest[end + 5..];
    assert!(
        body.starts_with("\n# Reading Your Solar Inverter"),
        "{body}"
    );
    assert!(
        body.contains("\n```bash\nsudo apt install python3-pip\n"),
        "{body}"
    );
    assert!(
        body.contains("\n| Register | Meaning | Scale |\n| --- | --- | --- |\n"),
        "{body}"
    );
    assert!(body.contains("\n> Measure first, then optimise."), "{body}");
    assert!(body.ends_with("enough.\n") && !body.ends_with("\n\n"));
}

/// A page long enough to be an article, with `extra` inside its text.
fn article_markdown(extra: &str) -> String {
    let para = "<p>The committee met on Tuesday to review the proposal, and after a long discussion, with several amendments, it approved the plan for the coming year.</p>";
    let html = format!("<html><head><title>Notes on a formula</title></head><body><article>{para}{para}{extra}{para}{para}</article></body></html>");
    lector::extract_html(&html, Some(BASE))
        .expect("an article")
        .markdown
}

#[test]
fn math_keeps_its_tex_source() {
    // MathJax 2: TeX in script elements, the rendered copy beside it.
    let out = article_markdown(
        r#"<p>Energy is <span class="MathJax_Preview">E=mc2</span><span class="MathJax" role="presentation">E = m c 2</span><script type="math/tex">E=mc^2</script> as usual.</p>
           <div class="MathJax_Display">rendered</div><script type="math/tex; mode=display">\int_0^1 x\,dx = \frac{1}{2}</script>"#,
    );
    assert!(out.contains("Energy is $`E=mc^2`$ as usual."), "{out}");
    assert!(
        out.contains("```math\n\\int_0^1 x\\,dx = \\frac{1}{2}\n```"),
        "{out}"
    );
    assert!(
        !out.contains("rendered") && !out.contains("E = m c 2"),
        "{out}"
    );

    // KaTeX: the TeX annotation inside its MathML, display math in .katex-display.
    let out = article_markdown(
        r#"<p>Area <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">\pi r^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">πr2</span></span> grows.</p>
           <span class="katex-display"><span class="katex"><span class="katex-mathml"><math display="block"><semantics><mi>x</mi><annotation encoding="application/x-tex">x_{n+1} = x_n / 2</annotation></semantics></math></span></span></span>"#,
    );
    assert!(out.contains("Area $`\\pi r^2`$ grows."), "{out}");
    assert!(out.contains("```math\nx_{n+1} = x_n / 2\n```"), "{out}");
    assert!(!out.contains("πr2"), "{out}");

    // MathML without TeX keeps its text rather than vanishing.
    let out =
        article_markdown(r#"<p>Let <math><mi>a</mi><mo>+</mo><mi>b</mi></math> be small.</p>"#);
    assert!(out.contains("Let a+b be small."), "{out}");
}

#[test]
fn code_languages_in_the_usual_spellings() {
    for (html, lang) in [
        (
            r#"<pre class="language-rust"><code>fn main() {}</code></pre>"#,
            "rust",
        ),
        (
            r#"<pre><code class="lang-go">package main</code></pre>"#,
            "go",
        ),
        (
            r#"<div class="highlight-python notranslate"><div class="highlight"><pre>print(1)</pre></div></div>"#,
            "python",
        ),
        (
            r#"<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>puts 1</code></pre></div></div>"#,
            "ruby",
        ),
        (
            r#"<div class="highlight highlight-source-shell"><pre>ls -la</pre></div>"#,
            "shell",
        ),
        (
            r#"<pre class="brush: js; gutter: false">let x = 1;</pre>"#,
            "js",
        ),
        (r#"<pre data-lang="SQL">select 1;</pre>"#, "sql"),
    ] {
        let out = md(html);
        assert!(
            out.starts_with(&format!("```{lang}\n")),
            "{html} gave {out}"
        );
    }
    assert!(
        md(r#"<pre class="language-a&quot;b">x</pre>"#).starts_with("```\n"),
        "unsafe names are dropped"
    );
}
