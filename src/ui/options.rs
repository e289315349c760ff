//! What a host page can set when it embeds the editor (see docs/embedding.md).
//! Plain Rust values; `crate::embed` reads them from JavaScript.

use super::partition::Partition;
use crate::model::{Agency, Document};
use crate::Lang;

/// The exports an editor offers; a portal may offer fewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Json,
    Docx,
    Text,
    Copy,
    RichCopy,
    Print,
}

impl ExportKind {
    pub const ALL: [ExportKind; 6] = [
        ExportKind::Json,
        ExportKind::Docx,
        ExportKind::Text,
        ExportKind::Copy,
        ExportKind::RichCopy,
        ExportKind::Print,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportKind::Json => "json",
            ExportKind::Docx => "docx",
            ExportKind::Text => "text",
            ExportKind::Copy => "copy",
            ExportKind::RichCopy => "rich-copy",
            ExportKind::Print => "print",
        }
    }

    pub fn parse(s: &str) -> Option<ExportKind> {
        ExportKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

#[derive(Clone, Debug)]
pub struct AppOptions {
    /// A document to open (otherwise the stored draft, or the gallery).
    pub document: Option<Document>,
    /// A template to start from (its start form opens first).
    pub template: Option<String>,
    /// Templates the portal adds to the gallery (JSON texts; the gallery reads
    /// them and says which cannot be read).
    pub templates: Vec<String>,
    /// Agencies added to the directory of every new document.
    pub agencies: Vec<Agency>,
    pub lang: Lang,
    /// Keep the person's choice of language in this browser and use it on the
    /// next visit (the standalone app); an embedded editor takes its host's.
    pub remember_lang: bool,
    /// Review mode: the document, its findings and the exports; no editing.
    pub read_only: bool,
    pub exports: Vec<ExportKind>,
    /// Where drafts are kept (`partition`); None keeps nothing in the browser.
    pub storage: Option<Partition>,
    /// Show the "Gửi" (submit) button.
    pub submit: bool,
    /// Let "Gửi" deliver a document that still has errors.
    pub submit_with_errors: bool,
    /// Which sink receives this editor's events (0: none).
    pub sink: u32,
    /// Which shadow root the editor lives in (0: the document).
    pub root: u32,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            document: None,
            template: None,
            templates: vec![],
            agencies: vec![],
            lang: Lang::Vi,
            remember_lang: true,
            read_only: false,
            exports: ExportKind::ALL.to_vec(),
            storage: Some(super::partition::standalone(
                super::drafts::shared_computer(),
            )),
            submit: false,
            submit_with_errors: false,
            sink: 0,
            root: 0,
        }
    }
}

impl AppOptions {
    pub fn offers(&self, k: ExportKind) -> bool {
        self.exports.contains(&k)
    }

    /// Add the portal's agencies to a new document's directory (ids already there win).
    pub fn with_agencies(&self, mut doc: Document) -> Document {
        for a in &self.agencies {
            if doc.agency(&a.id).is_none() {
                doc.agencies.push(a.clone());
            }
        }
        doc
    }
}
