//! What a field follows to know that its value may have changed.
//!
//! Every memo that reads the document directly is a subscriber of its one
//! signal, and the reactive graph takes a subscriber out of that signal's
//! ordered set in time proportional to the set's size each time it re-runs.
//! On the largest plan (3,000 body parts, 18,000 fields, pickers and labels)
//! one keystroke in «Nội dung» blocked the page for 1.5 s, most of it in
//! that set. So inside the body each part has one memo, woken by edits of
//! that part (`Scope::Node`) or of the whole document, and a field follows
//! its part's memo and the agency directory's and reads the document
//! without subscribing; everywhere else it follows the document. A field of
//! a part edits within that part's scope, so a keystroke re-reads one part,
//! not the whole body (it re-read all of it, 4 MB of text, on the largest plan).

use leptos::prelude::*;

use super::state::{Editor, Scope};
use crate::model::{Agency, Document, Node, NodeKind, Task};

/// The parts of a body part its fields show (not its children's).
#[derive(Clone, PartialEq, Default)]
pub struct NodeHead {
    pub kind: NodeKind,
    pub text: String,
    pub task: Option<Task>,
    pub agencies: Vec<String>,
    pub children: usize,
}

impl NodeHead {
    pub fn of(n: &Node) -> Self {
        NodeHead {
            kind: n.kind,
            text: n.text.clone(),
            task: n.task.clone(),
            agencies: n.agencies.clone(),
            children: n.children.len(),
        }
    }
}

/// The memos a field follows instead of the whole document, when it has them.
#[derive(Clone, Copy, Default)]
pub struct Follow {
    node: Option<Memo<NodeHead>>,
    /// The path of that part.
    path: Option<StoredValue<Vec<usize>>>,
    directory: Option<Memo<Vec<Agency>>>,
}

impl Follow {
    /// What the fields drawn here follow (the context of the body, or the
    /// whole document).
    pub fn here() -> Self {
        use_context().unwrap_or_default()
    }

    /// For the body: the agency directory as a memo, for its parts to share.
    pub fn body(ed: Editor) -> Self {
        Follow {
            node: None,
            path: None,
            directory: Some(ed.structural(|d| d.agencies.clone())),
        }
    }

    /// For the fields of the body part at `path`.
    pub fn part(self, node: Memo<NodeHead>, path: Vec<usize>) -> Self {
        Follow {
            node: Some(node),
            path: Some(StoredValue::new(path)),
            ..self
        }
    }

    /// Set a field's own value: within its part when it has one (the part's
    /// fields change nothing else), else as `Editor::edit` decides from `key`.
    pub fn edit_value(self, ed: Editor, key: &str, f: impl FnOnce(&mut Document)) {
        match self.path.and_then(|p| p.try_get_value()) {
            Some(path) => ed.edit_in(Scope::Node(path), key, f),
            None => ed.edit(key, f),
        }
    }

    /// Subscribes to what a field's own value comes from.
    pub fn track_value(self, ed: Editor) {
        match self.node {
            Some(m) => m.track(),
            None => ed.doc.track(),
        }
    }

    /// Subscribes to the agency directory.
    pub fn track_directory(self, ed: Editor) {
        match self.directory {
            Some(m) => m.track(),
            None => ed.doc.track(),
        }
    }
}
