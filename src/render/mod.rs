//! Output forms of an article subtree: sanitized HTML, plain text and Markdown; and the
//! article as JSON.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

/// Walk event for the iterative renderers: entering a node, or leaving an element.
#[derive(Clone, Copy)]
pub(crate) enum Step {
    Enter(crate::dom::NodeId),
    Leave(crate::dom::NodeId),
}
