//! Media the page hides behind machinery: embedded players of well-known video hosts become
//! plain links (the reader never runs a third-party frame), `<noscript>` fallback images
//! replace their lazy-loading placeholders, and tracking pixels and spacers are recognised.

use crate::dom::{Document, NodeId};

use super::patterns::{ICON_IMAGES, SPACER_IMAGES, VIDEO_ELEMENTS, VIDEO_EMBEDS};

/// Marks the paragraph that stands for a video, so that cleaning does not take its lone link
/// for a link list. The sanitizer drops it with every other unlisted attribute.
pub const VIDEO_MARK: &str = "data-lector-video";

/// Lazy-loading attributes that may hold an image's real address.
const LAZY_ATTRS: crate::extract::patterns::Words = crate::extract::patterns::words![
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazyload",
    "data-srcset",
    "data-lazy-srcset",
    "data-hi-res-src",
    "data-full-src",
];

/// Replaces each embedded player of a known video host (an `<iframe>`, also lazy-loaded
/// through `data-src`, or an AMP / lite player element) with a paragraph holding a link to
/// the video's own page: "▶ title (Host)". Players of unknown hosts are left to the cleanup,
/// which drops every frame.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn link_videos(doc: &mut Document, body: NodeId) {
    let players: Vec<(NodeId, String, &'static str)> = doc
        .descendants(body)
        .filter_map(|n| video_page(doc, n).map(|(url, host)| (n, url, host)))
        .collect();
    for (n, url, host) in players {
        if !doc.contains(body, n) {
            continue;
        }
        let title = doc
            .attr(n, "title")
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        // Language-neutral: the player's own title, then the host's name.
        let label = match title {
            Some(t) => format!("▶ {t} ({host})"),
            None => format!("▶ {host}"),
        };
        let p = doc.create_element("p", vec![(VIDEO_MARK.into(), host.into())]);
        let a = doc.create_element("a", vec![("href".into(), url)]);
        let text = doc.create_text(&label);
        doc.append(a, text);
        doc.append(p, a);
        doc.insert_before(n, p);
        doc.detach(n);
    }
}

/// The public page of the video a player element shows, and the host's name.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn video_page(doc: &Document, n: NodeId) -> Option<(String, &'static str)> {
    let tag = doc.tag(n)?;
    if tag == "iframe" {
        let src = ["src", "data-src", "data-lazy-src"]
            .iter()
            .filter_map(|k| doc.attr(n, k))
            .find(|s| s.contains("/embed") || s.contains("/video") || s.contains("/e/"))?;
        let bare = strip_scheme(src.trim());
        return VIDEO_EMBEDS.iter().find_map(|(embed, page, host)| {
            let id = video_id(bare.strip_prefix(embed)?)?;
            Some((format!("{page}{id}"), *host))
        });
    }
    VIDEO_ELEMENTS
        .iter()
        .find(|(t, ..)| *t == tag)
        .and_then(|(_, attr, page, host)| {
            let id = video_id(doc.attr(n, attr)?.trim())?;
            Some((format!("{page}{id}"), *host))
        })
}

/// `//www.host/path` or `https://host/path` → `host/path`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn strip_scheme(src: &str) -> &str {
    let s = src
        .strip_prefix("https:")
        .or_else(|| src.strip_prefix("http:"))
        .unwrap_or(src);
    let s = s.strip_prefix("//").unwrap_or(s);
    s.strip_prefix("www.").unwrap_or(s)
}

/// The id at the start of `rest`, if it looks like one (letters, digits, `-`, `_`).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn video_id(rest: &str) -> Option<&str> {
    let end = rest.find(['?', '#', '/', '&']).unwrap_or(rest.len());
    let id = &rest[..end];
    (!id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(id)
}

/// Lazy-loading scripts leave a placeholder `<img>` and put the real one in `<noscript>`
/// for browsers without scripts; the page's text holds that fallback as markup. Each
/// `<noscript>` whose markup is one image replaces the placeholder just before it (or, with
/// none, stands where the `<noscript>` was). A tracking pixel in `<noscript>` comes out too
/// and is then removed as one.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn use_noscript_images(doc: &mut Document, body: NodeId) {
    let noscripts = doc.collect_where(body, &|n| doc.is(n, "noscript"));
    for ns in noscripts {
        if doc
            .parent(ns)
            .is_some_and(|p| matches!(doc.tag(p), Some("amp-img" | "amp-anim")))
        {
            continue; // the AMP element itself carries the image
        }
        let markup = doc.text_content(ns);
        let Some(attrs) = parse_single_img(&markup) else {
            continue;
        };
        let img = doc.create_element("img", attrs);
        let placeholder = previous_element(doc, ns).and_then(|prev| {
            if doc.is(prev, "img") {
                return Some(prev);
            }
            let imgs = doc.find_all(prev, "img");
            (imgs.len() == 1 && doc.text_content(prev).trim().is_empty()).then(|| imgs[0])
        });
        match placeholder {
            Some(old) => {
                // The placeholder's alt text and size hints may be all the fallback lacks.
                let extra: Vec<_> = doc
                    .attrs(old)
                    .iter()
                    .filter(|(k, _)| matches!(k.as_str(), "alt" | "width" | "height" | "title"))
                    .cloned()
                    .collect();
                doc.add_missing_attrs(img, extra);
                doc.insert_before(old, img);
                doc.detach(old);
            }
            None => doc.insert_before(ns, img),
        }
        doc.detach(ns);
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn previous_element(doc: &Document, n: NodeId) -> Option<NodeId> {
    let mut cur = doc.prev_sibling(n);
    while let Some(p) = cur {
        if doc.tag(p).is_some() {
            return Some(p);
        }
        if doc.text(p).is_some_and(|t| !t.trim().is_empty()) {
            return None;
        }
        cur = doc.prev_sibling(p);
    }
    None
}

/// The attributes of the one `<img>` in `markup`, when it holds exactly one image and no
/// other text. A small tokenizer of start-tag attributes: quoted, unquoted and bare values,
/// with the common character references decoded.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn parse_single_img(markup: &str) -> Option<Vec<(String, String)>> {
    let lower = markup.to_ascii_lowercase();
    let start = lower.find("<img")?;
    if lower[start + 4..].contains("<img") {
        return None;
    }
    let outside = format!("{}{}", &markup[..start], markup[start..].split_once('>')?.1);
    if outside.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    let tag = &markup[start + 4..];
    let bytes = tag.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            break;
        }
        let name_start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let name = tag[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let v_start = i + 1;
                i = v_start;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
                value = decode_refs(&tag[v_start..i.min(tag.len())]);
                i += 1;
            } else {
                let v_start = i;
                while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = decode_refs(&tag[v_start..i]);
            }
        }
        if !name.is_empty() && !attrs.iter().any(|(k, _): &(String, String)| *k == name) {
            attrs.push((name, value));
        }
    }
    attrs
        .iter()
        .any(|(k, _)| k == "src" || k == "srcset")
        .then_some(attrs)
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn decode_refs(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// An image's declared size in pixels from attribute `attr` ("16" or "16px").
fn declared_px(doc: &Document, n: NodeId, attr: &str) -> Option<u32> {
    doc.attr(n, attr).and_then(pixels)
}

/// A length as `width` and `height` attributes write it, "16" or "16px", in pixels.
fn pixels(value: &str) -> Option<u32> {
    let value = value.trim();
    value.strip_suffix("px").unwrap_or(value).parse().ok()
}

/// Declared 2 pixels or less in a dimension: a 1×1 tracking pixel or a spacer.
pub(crate) fn is_pixel_sized(doc: &Document, n: NodeId) -> bool {
    let dim = |k: &str| declared_px(doc, n, k);
    matches!(dim("width"), Some(w) if w <= 2) || matches!(dim("height"), Some(h) if h <= 2)
}

/// True for an image that draws a formula: its alternative text is TeX (a control word such
/// as `\frac` or `\displaystyle`), as math renderers and LaTeX plugins write it. Such an
/// image is a piece of the sentence around it, not a picture.
pub fn draws_formula(doc: &Document, n: NodeId) -> bool {
    doc.attr(n, "alt").is_some_and(|a| {
        a.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'\\' && w[1].is_ascii_alphabetic())
    })
}

/// A tiny interface icon (share, comment, arrow, favicon): at most 32 px both ways as
/// declared (or of no stated size, see below), no alternative text, and named as an icon by
/// its class, id or file. Small
/// pictures with alt text (emoji, formula images) are content and stay.
pub fn is_icon_image(doc: &Document, n: NodeId) -> bool {
    let dim = |k: &str| declared_px(doc, n, k);
    let (w, h) = (dim("width"), dim("height"));
    let tiny = matches!((w, h), (Some(w), Some(h)) if w <= 32 && h <= 32);
    if doc.attr(n, "alt").is_some_and(|a| !a.trim().is_empty()) {
        return false;
    }
    // Of no stated size, an image is an icon when its class says "icon" as a word (a row's
    // bullet, `outline-row-icon`), not inside another (`hero-iconic`).
    if !tiny {
        return w.is_none()
            && h.is_none()
            && doc.attr(n, "class").is_some_and(|c| {
                super::patterns::matches(super::patterns::ICON_NAME, &c.to_ascii_lowercase())
            });
    }
    let src = doc.attr(n, "src").unwrap_or("").to_ascii_lowercase();
    let file = src
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('/')
        .next()
        .unwrap_or("");
    let names = format!(
        "{} {} {file}",
        doc.attr(n, "class").unwrap_or(""),
        doc.attr(n, "id").unwrap_or("")
    )
    .to_ascii_lowercase();
    file.ends_with(".ico") || ICON_IMAGES.iter().any(|k| names.contains(k))
}

/// A tracking pixel or spacer: declared 2 pixels or less in a dimension, or a spacer file
/// with no lazy-loading attribute that offers a real image instead.
pub fn is_tracker_image(doc: &Document, n: NodeId) -> bool {
    if is_pixel_sized(doc, n) {
        return true;
    }
    let lazy = LAZY_ATTRS
        .iter()
        .any(|k| doc.attr(n, k).is_some_and(|v| !v.trim().is_empty()));
    let src = doc.attr(n, "src").unwrap_or("").to_ascii_lowercase();
    !lazy
        && doc.attr(n, "srcset").is_none()
        && SPACER_IMAGES
            .iter()
            .any(|s| src.rsplit('/').next().is_some_and(|file| file.contains(s)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;
    use crate::render::html::to_html;

    fn run(html: &str) -> String {
        let mut doc = parse_html(&format!("<body>{html}</body>"), None);
        let body = doc.body().unwrap();
        link_videos(&mut doc, body);
        use_noscript_images(&mut doc, body);
        to_html(&doc, body, Some("https://site.example/a/"))
    }

    #[test]
    fn pixels_read_as_attributes_write_them() {
        assert_eq!(pixels("16"), Some(16));
        assert_eq!(pixels(" 16px "), Some(16));
        assert_eq!(pixels("100%"), None);
        assert_eq!(pixels("px"), None);
        assert_eq!(pixels("1.5"), None);
    }

    #[test]
    fn known_video_players_become_links() {
        let out = run(
            r#"<iframe src="https://www.youtube-nocookie.com/embed/Ab_9-x?rel=0" title="A talk"></iframe>
            <iframe data-src="//player.vimeo.com/video/123456?h=1"></iframe>
            <amp-youtube data-videoid="Zz1"></amp-youtube>
            <iframe src="https://evil.example/embed/x"></iframe>"#,
        );
        assert!(
            out.contains(
                r#"<a href="https://www.youtube.com/watch?v=Ab_9-x">▶ A talk (YouTube)</a>"#
            ),
            "{out}"
        );
        assert!(out.contains(r#"href="https://vimeo.com/123456""#), "{out}");
        assert!(
            out.contains(r#"href="https://www.youtube.com/watch?v=Zz1""#),
            "{out}"
        );
        assert!(!out.contains("evil"), "{out}");
    }

    #[test]
    fn odd_ids_are_not_trusted() {
        let out = run(r#"<iframe src="https://www.youtube.com/embed/a%22b"></iframe>"#);
        assert!(!out.contains("youtube"), "{out}");
    }

    #[test]
    fn noscript_fallbacks_replace_placeholders() {
        let out = run(
            r#"<p><img src="data:image/gif;base64,R0" alt="Bridge" class="lazy"><noscript><img src="/img/bridge.jpg?w=1&amp;h=2" width=800></noscript></p>
            <div><noscript><img src='/solo.jpg'></noscript></div>
            <noscript><p>Enable JavaScript</p></noscript>"#,
        );
        assert!(
            out.contains(r#"<img src="https://site.example/img/bridge.jpg?w=1&amp;h=2" alt="Bridge" width="800""#),
            "{out}"
        );
        assert!(out.contains("https://site.example/solo.jpg"), "{out}");
        assert!(
            !out.contains("Enable JavaScript") && !out.contains("data:"),
            "{out}"
        );
    }

    #[test]
    fn trackers_and_spacers_are_recognised() {
        let doc = parse_html(
            r#"<body><img src="/p.gif" width="1" height="1"><img src="/spacer.gif"><img src="/x/1x1.trans.gif" data-lazy-src="/real.jpg"><img src="/photo.jpg" width="640"></body>"#,
            None,
        );
        let imgs = doc.find_all(doc.body().unwrap(), "img");
        let verdicts: Vec<bool> = imgs.iter().map(|&i| is_tracker_image(&doc, i)).collect();
        assert_eq!(verdicts, [true, true, false, false]);
    }

    #[test]
    fn tiny_icons_are_recognised_but_not_small_pictures_with_words() {
        let doc = parse_html(
            r#"<body><img src="/i/share-icon.svg" width="16" height="16"><img class="ico sprite-fb" src="/s.png" width="24" height="24" alt=""><img src="/favicon.ico" width="16" height="16"><img src="/emoji/1f600.svg" class="emoji" width="18" height="18" alt="😀"><img src="/icons/chart.png" width="640" height="320"><img src="/i/arrow.png" width="12" height="12"></body>"#,
            None,
        );
        let imgs = doc.find_all(doc.body().unwrap(), "img");
        let verdicts: Vec<bool> = imgs.iter().map(|&i| is_icon_image(&doc, i)).collect();
        assert_eq!(verdicts, [true, true, true, false, false, false]);
    }

    #[test]
    fn an_image_of_no_stated_size_is_an_icon_when_its_class_says_so() {
        // A course outline's rows, each opening with a play icon: named an icon, no size, no
        // alt text. A photo of no stated size, or one with alt text, is a picture.
        let doc = parse_html(
            r#"<body><img class="outline-row-icon" src="/img/course-play.png"><img class="Icon" src="/a.png"><img src="/photos/harbour.jpg"><img class="hero-iconic" src="/b.jpg"><img class="row-icon" src="/c.png" alt="Video lesson"><img class="row-icon" src="/d.png" width="400" height="300"></body>"#,
            None,
        );
        let imgs = doc.find_all(doc.body().unwrap(), "img");
        let verdicts: Vec<bool> = imgs.iter().map(|&i| is_icon_image(&doc, i)).collect();
        assert_eq!(verdicts, [true, true, false, false, false, false]);
    }
}
