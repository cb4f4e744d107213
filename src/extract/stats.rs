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

/// Measures of every node under a root, indexed by node id.
pub struct TextStats {
    stats: Vec<Stat>,
}

impl TextStats {
    /// Measures the subtree of `root` in its current shape.
    pub fn measure(doc: &Document, root: NodeId) -> Self {
        let mut stats = vec![Stat::default(); doc.len()];
        let order: Vec<NodeId> = doc.descendants(root).collect();
        // Children come after their parents in document order: walking backwards folds each
        // finished child into its parent exactly once.
        for &n in order.iter().rev() {
            let m = doc.text_measure(n);
            if m.len > 0 || m.commas > 0 {
                let s = &mut stats[idx(n)];
                s.text += m.len;
                s.commas += m.commas;
            }
            if let Some(tag) = doc.tag(n) {
                let s = &mut stats[idx(n)];
                match tag {
                    "a" => s.link_text = s.text,
                    "p" => s.paragraphs += 1,
                    "img" => s.images += 1,
                    "li" => s.list_items += 1,
                    "input" => s.inputs += 1,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading_text = s.text,
                    _ => {}
                }
            }
            if n != root {
                if let Some(p) = doc.parent(n) {
                    let child = stats[idx(n)];
                    stats[idx(p)].add(&child);
                }
            }
        }
        TextStats { stats }
    }

    /// The measures of `id` (zero for nodes created after measuring).
    pub fn get(&self, id: NodeId) -> Stat {
        self.stats.get(idx(id)).copied().unwrap_or_default()
    }

    /// Takes a subtree about to be removed out of its ancestors' measures, up to `root`.
    pub fn remove_subtree(&mut self, doc: &Document, root: NodeId, n: NodeId) {
        let gone = self.get(n);
        let mut cur = doc.parent(n);
        while let Some(p) = cur {
            if let Some(s) = self.stats.get_mut(idx(p)) {
                s.sub(&gone);
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

fn idx(id: NodeId) -> usize {
    id.index()
}
