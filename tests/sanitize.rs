//! Well-known XSS payloads placed inside an article: whatever survives extraction must be
//! inert. The reader view inserts the article into the page's document, so one surviving
//! handler or script URL would run with the page's rights.

const PAYLOADS: &[&str] = &[
    r#"<img src=x onerror=alert(1)>"#,
    r#"<img src="javascript:alert(1)">"#,
    r#"<img srcset="javascript:alert(1) 1x, https://ok.example/a.png 2x" src="https://ok.example/a.png">"#,
    r#"<a href="javascript:alert(1)">click</a>"#,
    r#"<a href="  JaVaScRiPt:alert(1)">click</a>"#,
    r#"<a href="java&#x09;script:alert(1)">tab</a>"#,
    r#"<a href="data:text/html,<script>alert(1)</script>">data</a>"#,
    r#"<a href="vbscript:msgbox(1)">vb</a>"#,
    r#"<svg onload=alert(1)><script>alert(1)</script></svg>"#,
    r#"<iframe src="javascript:alert(1)"></iframe>"#,
    r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
    r#"<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">"#,
    r#"<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>"#,
    r#"<details open ontoggle=alert(1)><summary>s</summary>d</details>"#,
    r#"<div style="background:url(javascript:alert(1))">styled</div>"#,
    r#"<p style="behavior:url(x.htc)">ie</p>"#,
    r#"<base href="javascript:alert(1)//">"#,
    r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
    r#"<link rel="import" href="https://evil.example/x.html">"#,
    r#"<video><source onerror=alert(1)></video><audio src=x onerror=alert(1)>"#,
    r#"<table background="javascript:alert(1)"><tr><td>cell</td></tr></table>"#,
    r#"<blockquote cite="javascript:alert(1)">quote</blockquote>"#,
    r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#,
    r#"<template><script>alert(1)</script></template>"#,
    r#"<img src="https://ok.example/b.png" alt="x" onmouseover="alert(1)" class="x" id="y" data-x="1">"#,
    r#"<a href="https://ok.example/" target="_blank" rel="opener" ping="https://evil.example/">ok</a>"#,
    r#"<p><code class="language-js&quot; onclick=&quot;alert(1)">x</code></p>"#,
    r#"<frameset onload=alert(1)>"#,
    r#"<isindex action="javascript:alert(1)" type=image>"#,
    r#"<scr<script>ipt>alert(1)</script>"#,
    r#"<textarea><script>alert(1)</script></textarea>"#,
    r#"<img src=`x`onerror=alert(1)>"#,
    r#"<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>"#,
    // Last: MathML confusion swallows the rest of the page as raw text (as browsers parse it).
    r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"#,
];

#[test]
fn payloads_inside_an_article_come_out_inert() {
    let para = "<p>The council approved the new budget on Monday, after a long debate, with several amendments, and a close vote.</p>";
    let body: String = PAYLOADS
        .iter()
        .map(|p| format!("{para}<div>{p}</div>"))
        .collect();
    let html = format!("<html><head><title>Budget</title></head><body><article>{body}{para}{para}</article></body></html>");
    let article =
        lector::extract_html(&html, Some("https://news.example/budget")).expect("an article");
    let doc = lector::dom::html::parse_html(&article.content_html, None);
    let mut problems = Vec::new();
    for n in doc.descendants(lector::dom::NodeId::DOCUMENT) {
        let Some(tag) = doc.tag(n) else { continue };
        if matches!(
            tag,
            "script"
                | "style"
                | "iframe"
                | "object"
                | "embed"
                | "svg"
                | "math"
                | "form"
                | "button"
                | "base"
                | "meta"
                | "link"
                | "frameset"
                | "textarea"
                | "template"
                | "video"
                | "audio"
                | "source"
        ) {
            problems.push(format!("<{tag}> survived"));
        }
        for (name, value) in doc.attrs(n) {
            let v: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_lowercase();
            if name.starts_with("on")
                || matches!(
                    name.as_str(),
                    "style" | "srcdoc" | "formaction" | "action" | "background" | "ping" | "target"
                )
            {
                problems.push(format!("{name}= on <{tag}>"));
            }
            if ["javascript:", "vbscript:", "data:"]
                .iter()
                .any(|bad| v.contains(bad))
            {
                problems.push(format!("{name}={value:?} on <{tag}>"));
            }
            // Ids stay for in-page links (footnotes); in the reader's closed shadow root they
            // cannot clobber the page's globals, but they must be plain tokens.
            if name == "id" && value.chars().any(|c| c.is_whitespace() || c == '"') {
                problems.push(format!("id={value:?} on <{tag}>"));
            }
            if name == "class" && !value.starts_with("language-") {
                problems.push(format!("class={value:?} on <{tag}>"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "unsafe output: {problems:#?}\n{}",
        article.content_html
    );
    // The harmless parts of the payloads are still there.
    assert!(
        article.text.contains("click")
            && article.text.contains("cell")
            && article.text.contains("quote")
    );
    assert!(
        article
            .content_html
            .contains(r#"<img id="y" src="https://ok.example/b.png" alt="x" loading="lazy">"#),
        "{}",
        article.content_html
    );
    assert!(article
        .content_html
        .contains(r#"<a href="https://ok.example/">ok</a>"#));
    // The Markdown carries no script URL either.
    assert!(
        !article.markdown.to_lowercase().contains("javascript:"),
        "{}",
        article.markdown
    );
}
