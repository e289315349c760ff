//! Import: plans that already exist (Word files, pasted or plain text) read into
//! the structured model, with a report of what was recognised and what was kept
//! as plain text. Pure Rust, no web dependency.
//!
//! Two steps: a reader turns the file into a [`source::Source`] (paragraphs and
//! tables in reading order), then `recognize` turns that into a `Document`.

pub mod docx;
pub mod source;
