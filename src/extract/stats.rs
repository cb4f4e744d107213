//! Per-node text measures computed in one pass, so scoring and cleaning never re-walk a
//! subtree for each of its ancestors (which would be quadratic on deep pages).

use crate::dom::{Document, NodeId};

/// Text measures of one subtree.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stat {
    /// Characters of text, whitespace runs counted once.
    pub text: u32,
    /// Characters of text inside links.
    pub link_text: u32,
    /// Commas (of several scripts) in the text.
    pub commas: u32,
    /// Characters of text inside headings.
    pub heading_text: u32,
    /// `<p>` elements in the subtree (itself included).
    pub paragraphs: u32,
    /// `<img>` elements.
    pub images: u32,
    /// `<li>` elements.
    pub list_items: u32,
    /// `<input>` elements.
    pub inputs: u32,
}

impl Stat {
    fn add(&mut self, o: &Stat) {
        self.text += o.text;
        self.link_text += o.link_text;
        self.commas += o.commas;
        self.heading_text += o.heading_text;
        self.paragraphs += o.paragraphs;
        self.images += o.images;
        self.list_items += o.list_items;
        self.inputs += o.inputs;
    }

    fn sub(&mut self, o: &Stat) {
        self.text -= o.text.min(self.text);
        self.link_text -= o.link_text.min(self.link_text);
        self.commas -= o.commas.min(self.commas);
        self.heading_text -= o.heading_text.min(self.heading_text);
        self.paragraphs -= o.paragraphs.min(self.paragraphs);
        self.images -= o.images.min(self.images);
        self.list_items -= o.list_items.min(self.list_items);
        self.inputs -= o.inputs.min(self.inputs);
    }
}

/// Measures of every node under a root, in document order, and where each node's are.
pub struct TextStats {
    stats: Vec<Stat>,
    /// Node index → position in `stats` (`NOT_MEASURED` for nodes outside the subtree): four
    /// bytes per node of the page, where the measures take 32 per node of the subtree only
    /// (the article is measured many times, its page's size should not count).
    slots: Vec<u32>,
    /// What was measured: the root, and the document's edit count at the time.
    root: NodeId,
    edits: u32,
}

const NOT_MEASURED: u32 = u32::MAX;

/// The last measures taken, reused while the document has not been edited since: the
/// cleaning passes measure the article before each pass, and most passes remove nothing.
#[derive(Default)]
pub struct LastStats(Option<TextStats>);

impl LastStats {
    /// The measures of the subtree of `root` in its current shape.
    pub fn measure(&mut self, doc: &Document, root: NodeId) -> &TextStats {
        let current = |s: &TextStats| s.root == root && s.edits == doc.edits();
        if !self.0.as_ref().is_some_and(current) {
            self.0 = None;
        }
        self.0.get_or_insert_with(|| TextStats::measure(doc, root))
    }
}

impl TextStats {
    /// Measures the subtree of `root` in its current shape.
    pub fn measure(doc: &Document, root: NodeId) -> Self {
        let mut slots = vec![NOT_MEASURED; doc.len()];
        // Room for the whole page: taken as needed, and no measures are copied to grow.
        let mut stats: Vec<Stat> = Vec::with_capacity(doc.len());
        // One walk in document order: a node's measures are complete when the walk leaves
        // it, and are then added to its parent's.
        let mut n = root;
        loop {
            slots[n.index()] = stats.len() as u32;
            let m = doc.text_measure(n);
            stats.push(Stat {
                text: m.len,
                commas: m.commas,
                ..Stat::default()
            });
            if let Some(child) = doc.first_child(n) {
                n = child;
                continue;
            }
            // Leave `n`, and each ancestor whose last child was just left.
            loop {
                let k = slots[n.index()] as usize;
                if let Some(tag) = doc.tag(n) {
                    let s = &mut stats[k];
                    match tag {
                        "a" => s.link_text = s.text,
                        "p" => s.paragraphs += 1,
                        "img" if !super::media::draws_formula(doc, n) => s.images += 1,
                        "li" => s.list_items += 1,
                        "input" => s.inputs += 1,
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading_text = s.text,
                        _ => {}
                    }
                }
                let parent = match doc.parent(n) {
                    Some(parent) if n != root => parent,
                    _ => {
                        return TextStats {
                            stats,
                            slots,
                            root,
                            edits: doc.edits(),
                        }
                    }
                };
                let child = stats[k];
                stats[slots[parent.index()] as usize].add(&child);
                match doc.next_sibling(n) {
                    Some(sibling) => {
                        n = sibling;
                        break;
                    }
                    None => n = parent,
                }
            }
        }
    }

    /// Where the measures of `id` are, if it was measured.
    fn slot(&self, id: NodeId) -> Option<usize> {
        self.slots
            .get(id.index())
            .filter(|&&k| k != NOT_MEASURED)
            .map(|&k| k as usize)
    }

    /// The measures of `id` (zero for nodes created after measuring).
    pub fn get(&self, id: NodeId) -> Stat {
        self.slot(id).map_or_else(Stat::default, |k| self.stats[k])
    }

    /// Takes a subtree about to be removed out of its ancestors' measures, up to `root`.
    pub fn remove_subtree(&mut self, doc: &Document, root: NodeId, n: NodeId) {
        let gone = self.get(n);
        let mut cur = doc.parent(n);
        while let Some(p) = cur {
            if let Some(k) = self.slot(p) {
                let s = &mut self.stats[k];
                s.sub(&gone);
            }
            if p == root {
                break;
            }
            cur = doc.parent(p);
        }
    }

    /// Counts the link text of `n` (inside `root`) as plain text, in `n` and its ancestors up
    /// to `root`: a block whose links belong to the text must not make the blocks around it
    /// read as link lists.
    pub fn count_links_as_text(&mut self, doc: &Document, root: NodeId, n: NodeId) {
        let links = self.get(n).link_text;
        self.count_as_text(doc, root, n, links);
    }

    /// Counts `links` characters of the link text of `n` (inside `root`) as plain text, in
    /// `n` and its ancestors up to `root`.
    pub fn count_as_text(&mut self, doc: &Document, root: NodeId, n: NodeId, links: u32) {
        let mut cur = Some(n);
        while let Some(p) = cur {
            if let Some(k) = self.slot(p) {
                let s = &mut self.stats[k];
                s.link_text = s.link_text.saturating_sub(links);
            }
            if p == root {
                break;
            }
            cur = doc.parent(p);
        }
    }

    /// Share of the text that sits inside links, 0..=1.
    pub fn link_density(&self, id: NodeId) -> f64 {
        let s = self.get(id);
        if s.text == 0 {
            0.0
        } else {
            (f64::from(s.link_text) / f64::from(s.text)).min(1.0)
        }
    }
}

/// [`TextStats::link_density`] of `root`, without measures of every node under it: the text
/// of its outermost links over all its text.
pub fn link_density_of(doc: &Document, root: NodeId) -> f64 {
    let (mut text, mut links) = (0, 0);
    let mut cur = Some(root);
    while let Some(n) = cur {
        if doc.is(n, "a") {
            let t = doc.text_len(n);
            text += t;
            links += t;
            cur = doc.next_in(root, n, true);
        } else {
            text += doc.text_measure(n).len;
            cur = doc.next_in(root, n, false);
        }
    }
    if text == 0 {
        0.0
    } else {
        (f64::from(links) / f64::from(text)).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::html::parse_html;

    /// The measures of `n` by their definition, subtree by subtree.
    fn by_definition(doc: &Document, n: NodeId) -> Stat {
        let m = doc.text_measure(n);
        let mut s = Stat {
            text: m.len,
            commas: m.commas,
            ..Stat::default()
        };
        for c in doc.children(n) {
            s.add(&by_definition(doc, c));
        }
        match doc.tag(n) {
            Some("a") => s.link_text = s.text,
            Some("p") => s.paragraphs += 1,
            Some("img") if !crate::extract::media::draws_formula(doc, n) => s.images += 1,
            Some("li") => s.list_items += 1,
            Some("input") => s.inputs += 1,
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => s.heading_text = s.text,
            _ => {}
        }
        s
    }

    #[test]
    fn measures_agree_with_their_definition() {
        let doc = parse_html(
            "<body><div id=a><h2>Head <a href=x>link</a></h2><p>One, two <b>three</b></p>\
             <ul><li><a href=y><img src=i>Item <a href=w>nested</a></a></li><li>Two</li></ul></div>\
             <p>Last <input> words, here</p><a href=z></a></body>",
            None,
        );
        let body = doc.body().unwrap();
        let div = doc.first_child(body).unwrap();
        for root in [body, div] {
            let stats = TextStats::measure(&doc, root);
            for n in doc.descendants(root) {
                let want = format!("{:?}", by_definition(&doc, n));
                assert_eq!(format!("{:?}", stats.get(n)), want);
                assert_eq!(link_density_of(&doc, n), stats.link_density(n));
            }
        }
        // Outside the subtree: nothing.
        let stats = TextStats::measure(&doc, div);
        let last_p = doc
            .last_child(body)
            .and_then(|a| doc.prev_sibling(a))
            .unwrap();
        assert_eq!(stats.get(last_p).text, 0);
    }

    #[test]
    fn last_stats_are_reused_until_the_document_is_edited() {
        let mut doc = parse_html("<body><div><p>One two</p><p>three</p></div></body>", None);
        let body = doc.body().unwrap();
        let mut last = LastStats::default();
        let before = last.measure(&doc, body) as *const TextStats;
        assert_eq!(last.measure(&doc, body) as *const TextStats, before);
        assert_eq!(last.measure(&doc, body).get(body).paragraphs, 2);
        // Another root, then an edit: measured again, in the new shape.
        let div = doc.first_child(body).unwrap();
        assert_eq!(last.measure(&doc, div).get(div).paragraphs, 2);
        let second = doc.last_child(div).unwrap();
        doc.detach(second);
        assert_eq!(last.measure(&doc, div).get(div).paragraphs, 1);
        assert_eq!(last.measure(&doc, div).get(div).text, 7);
    }
}
