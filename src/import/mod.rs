//! Import: plans that already exist (Word files, pasted or plain text) read into
//! the structured model, with a report of what was recognised and what was kept
//! as plain text. Pure Rust, no web dependency.
//!
//! Two steps: a reader turns the file into a [`source::Source`] (paragraphs and
//! tables in reading order: `docx` for Word files, `plain` for text), then
//! `recognize` turns that into a `Document`. `file` tells the kinds of file
//! apart by their first bytes.

pub mod docx;
pub mod file;
pub mod plain;
pub mod recognize;
pub mod report;
pub mod source;

pub use recognize::Imported;

/// Import pasted or plain text.
pub fn import_text(text: &str) -> Imported {
    recognize::recognize(&plain::read_text(text))
}
