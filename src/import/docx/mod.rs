//! The Word (.docx) reader: a file's bytes into a [`Source`] (paragraphs and
//! tables in reading order, automatic numbering labels, legacy fonts
//! converted), or a [`DocxError`] saying what the file is and what to do.
//!
//! Pure Rust (`zip` with flate2's Rust inflater, `roxmltree`), no threads or
//! clock, so it builds for wasm32 as well as for the CLI. Page headers and
//! footers, comments, notes and text boxes are not read into the text.

mod body;
mod container;
mod error;
mod numbering;
mod styles;
mod text;
mod xml;

#[cfg(test)]
mod tests;

pub use error::DocxError;

use super::source::Source;
use container::{parse, Limits, Package, LIMITS};

const WORD_MAIN: &str = "word/document.xml";

/// Read a .docx file.
pub fn read_docx(bytes: &[u8]) -> Result<Source, DocxError> {
    read_with(bytes, LIMITS)
}

fn read_with(bytes: &[u8], limits: Limits) -> Result<Source, DocxError> {
    let mut pkg = Package::open(bytes, limits)?;
    // The main part as the package names it, else where Word puts it.
    let mut main = pkg.related("", "officeDocument")?;
    let mut doc_xml = match &main {
        Some(m) => pkg.part(m)?,
        None => None,
    };
    if doc_xml.is_none() {
        main = Some(WORD_MAIN.to_string());
        doc_xml = pkg.part(WORD_MAIN)?;
    }
    let (Some(main), Some(doc_xml)) = (main, doc_xml) else {
        return Err(DocxError::NoDocument);
    };
    let doc = parse(&doc_xml, &main)?;
    // An Excel or PowerPoint file also names an "officeDocument".
    if xml::w_name(doc.root_element()) != Some("document") {
        return Err(DocxError::NoDocument);
    }
    let styles_name = part_name(&mut pkg, &main, "styles")?;
    let numbering_name = part_name(&mut pkg, &main, "numbering")?;
    let styles_xml = pkg.part(&styles_name)?;
    let numbering_xml = pkg.part(&numbering_name)?;

    let styles_doc = styles_xml
        .as_deref()
        .map(|x| parse(x, &styles_name))
        .transpose()?;
    let styles = styles::Styles::parse(styles_doc.as_ref());
    let numbering_doc = numbering_xml
        .as_deref()
        .map(|x| parse(x, &numbering_name))
        .transpose()?;
    let numbering = numbering::Numbering::parse(numbering_doc.as_ref(), &styles);

    let body = xml::child(doc.root_element(), "body").ok_or(DocxError::BrokenXml { part: main })?;
    let mut reader = body::Reader::new(&styles, numbering);
    let mut blocks = Vec::new();
    reader.blocks(body, &mut blocks);
    reader.flush(&mut blocks);
    Ok(Source {
        blocks,
        notes: reader.notes(),
        unit: super::source::Unit::Paragraph,
    })
}

/// A part related to the main document (styles, numbering), by its
/// relationship or at Word's usual place.
fn part_name(pkg: &mut Package, main: &str, kind: &str) -> Result<String, DocxError> {
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let fallback = if dir.is_empty() {
        format!("{kind}.xml")
    } else {
        format!("{dir}/{kind}.xml")
    };
    Ok(pkg.related(main, kind)?.unwrap_or(fallback))
}
