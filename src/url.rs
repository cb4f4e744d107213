//! Just enough URL resolution for links and images in an article.
//!
//! In the browser the tree builder already hands over resolved URLs, so this only does real
//! work for HTML text (the CLI, the offscreen route). A full URL crate would cost the wasm
//! far more bytes than these few rules.

use std::borrow::Cow;

/// The URL as a browser reads it: tabs and newlines removed anywhere, control characters
/// and spaces trimmed at both ends (so `java&#9;script:` is seen for what it is). Borrowed
/// when there is nothing to remove, as for nearly every URL.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn browser_form(url: &str) -> Cow<'_, str> {
    let trimmed = trim_controls(url);
    if !trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        return Cow::Borrowed(trimmed);
    }
    let mut kept = String::with_capacity(url.len());
    for c in url.chars() {
        if !matches!(c, '\t' | '\n' | '\r') {
            kept.push(c);
        }
    }
    Cow::Owned(trim_controls(&kept).to_string())
}

/// `url` without the control characters and spaces at its ends. They are all ASCII, so the
/// ends are cut byte by byte (no byte of another character is that small).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn trim_controls(url: &str) -> &str {
    let bytes = url.as_bytes();
    let start = bytes.iter().position(|&b| b > b' ').unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| b > b' ')
        .map_or(start, |e| e + 1);
    &url[start..end]
}

/// Where the first of the ASCII characters `set` is in `s`, read byte by byte.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn find_any(s: &str, set: &[u8]) -> Option<usize> {
    s.bytes().position(|b| set.contains(&b))
}

/// The scheme of an absolute URL (`https`, `mailto`), lowercased; `None` when relative.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn scheme(url: &str) -> Option<String> {
    scheme_of(&browser_form(url)).map(str::to_ascii_lowercase)
}

/// The scheme of a URL already in [`browser_form`], as written.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let s = &url[..end];
    let mut chars = s.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then_some(s)
}

/// The host of an absolute `http(s)` URL, lowercased, without user info, port or `www.`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn host(url: &str) -> Option<String> {
    let url = browser_form(url);
    let s = scheme_of(&url)?;
    if !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = url[s.len() + 1..].strip_prefix("//")?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    Some(host).filter(|h| !h.is_empty())
}

/// The part of a host that names the site: its last two labels, or three when the last two
/// are a country's second-level domain (`example.co.uk`).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn site_of_host(host: &str) -> &str {
    // The labels from the last: split and reversed, as `rsplit` would give them.
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.reverse();
    let keep = match labels.as_slice() {
        [tld, second, _, ..] if tld.len() == 2 && second.len() <= 3 => 3,
        _ => 2,
    };
    let cut: usize = labels.iter().take(keep).map(|l| l.len() + 1).sum::<usize>();
    &host[host.len().saturating_sub(cut.saturating_sub(1))..]
}

/// Resolves `reference` against `base` (an absolute URL). Without a base, or when the base
/// is not hierarchical, the reference is returned as it is.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn resolve(base: Option<&str>, reference: &str) -> String {
    let reference = browser_form(reference);
    let reference = &*reference;
    if let Some(s) = scheme_of(reference) {
        return if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") {
            with_clean_path(reference)
        } else {
            reference.to_string()
        };
    }
    let Some(base) = base.map(str::trim) else {
        return reference.to_string();
    };
    let Some(base_scheme) = scheme(base) else {
        return reference.to_string();
    };
    let after_scheme = &base[base_scheme.len() + 1..];
    let Some(after_slashes) = after_scheme.strip_prefix("//") else {
        return reference.to_string();
    };
    let authority_end = find_any(after_slashes, b"/?#").unwrap_or(after_slashes.len());
    let origin = &base[..base_scheme.len() + 3 + authority_end];
    let rest = &after_slashes[authority_end..];
    let no_fragment = rest.split('#').next().unwrap_or("");
    // The base's own dot segments count (`/a/b/../` is the directory `/a/`).
    let base_path = no_fragment.split('?').next().unwrap_or("");
    let clean_base_path = if base_path.is_empty() {
        String::new()
    } else {
        remove_dot_segments(base_path)
    };
    let path = clean_base_path.as_str();

    if reference.is_empty() {
        return with_clean_path(&format!("{origin}{no_fragment}"));
    }
    if let Some(r) = reference.strip_prefix("//") {
        return with_clean_path(&format!("{base_scheme}://{r}"));
    }
    if reference.starts_with('#') {
        return with_clean_path(&format!("{origin}{no_fragment}{reference}"));
    }
    if reference.starts_with('?') {
        return with_clean_path(&format!("{origin}{path}{reference}"));
    }
    let (ref_path, suffix) = match find_any(reference, b"?#") {
        Some(i) => reference.split_at(i),
        None => (reference, ""),
    };
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else {
        let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("{dir}{ref_path}")
    };
    with_clean_path(&format!("{origin}{}{suffix}", remove_dot_segments(&merged)))
}

/// An absolute `scheme://authority/path?query#fragment` URL with its dot segments resolved
/// and an empty path written `/`, as browsers show web addresses.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn with_clean_path(url: &str) -> String {
    let Some(start) = url.as_bytes().windows(3).position(|w| w == b"://") else {
        return url.to_string();
    };
    let start = start + 3;
    let path_start = find_any(&url[start..], b"/?#").map_or(url.len(), |i| start + i);
    let path_end = find_any(&url[path_start..], b"?#").map_or(url.len(), |i| path_start + i);
    let path = &url[path_start..path_end];
    // No dot segment (each follows a slash): the path is clean already, and so is the URL.
    // (Native only: the wasm's size budget is tight.)
    if cfg!(not(target_arch = "wasm32"))
        && !path.is_empty()
        && !path.as_bytes().windows(2).any(|w| w == b"/.")
    {
        return url.to_string();
    }
    let path = if path.is_empty() {
        "/".to_string()
    } else {
        remove_dot_segments(path)
    };
    format!("{}{path}{}", &url[..path_start], &url[path_end..])
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn remove_dot_segments(path: &str) -> String {
    // No segment is a dot or two (each starts the path or follows a slash): the path as it
    // is. (Native only: the wasm's size budget is tight.)
    if cfg!(not(target_arch = "wasm32"))
        && !path.starts_with('.')
        && !path.as_bytes().windows(2).any(|w| w == b"/.")
    {
        return match path.starts_with('/') {
            true => path.to_string(),
            false => format!("/{path}"),
        };
    }
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = crate::dom::join(&out, "/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_their_sites() {
        assert_eq!(
            host("https://User@WWW.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("/relative/path"), None);
        assert_eq!(host("mailto:a@b.c"), None);
        assert_eq!(site_of_host("blog.news.example.com"), "example.com");
        assert_eq!(site_of_host("www.paper.co.uk"), "paper.co.uk");
        assert_eq!(site_of_host("localhost"), "localhost");
    }

    #[test]
    fn resolves_the_usual_reference_forms() {
        let base = Some("https://example.com/news/2021/story.html?x=1#top");
        assert_eq!(
            resolve(base, "img/a.jpg"),
            "https://example.com/news/2021/img/a.jpg"
        );
        assert_eq!(resolve(base, "../b.png"), "https://example.com/news/b.png");
        assert_eq!(resolve(base, "/c.png"), "https://example.com/c.png");
        assert_eq!(
            resolve(base, "//cdn.example.net/d.png"),
            "https://cdn.example.net/d.png"
        );
        assert_eq!(
            resolve(base, "#notes"),
            "https://example.com/news/2021/story.html?x=1#notes"
        );
        assert_eq!(
            resolve(base, "?page=2"),
            "https://example.com/news/2021/story.html?page=2"
        );
        assert_eq!(resolve(base, "mailto:a@b.c"), "mailto:a@b.c");
        assert_eq!(
            resolve(Some("https://example.com"), "a"),
            "https://example.com/a"
        );
        assert_eq!(resolve(None, "a/b"), "a/b");
    }

    #[test]
    fn detects_schemes() {
        assert_eq!(
            scheme(" JavaScript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("a/b:c"), None);
        assert_eq!(
            scheme("java\tscript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            scheme("\u{1}\n javascript:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            resolve(Some("https://a.example/"), "java\nscript:x"),
            "javascript:x"
        );
    }
}
