//! The file as a package: what kind of file it is, the ZIP archive, its parts
//! read under size limits, and relationships between parts.

use super::error::DocxError;
use rustc_hash::FxHashMap;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Limits on unpacked sizes, against ZIP bombs and files no plan needs.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// One part, unpacked.
    pub part: u64,
    /// All parts read, unpacked, together (and the file itself).
    pub total: u64,
}

pub const LIMITS: Limits = Limits {
    part: 64 << 20,
    total: 200 << 20,
};

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ODF_MIME: &str = "application/vnd.oasis.opendocument";

pub struct Package<'b> {
    zip: ZipArchive<Cursor<&'b [u8]>>,
    /// Part names lower-cased (OPC part names are case-insensitive) → index.
    names: FxHashMap<String, usize>,
    limits: Limits,
    used: u64,
}

/// What the bytes are when they are not a ZIP archive.
fn sniff(bytes: &[u8]) -> Result<(), DocxError> {
    if bytes.is_empty() {
        return Err(DocxError::Empty);
    }
    if bytes.starts_with(&OLE_MAGIC) {
        // A password-protected .docx is an OLE file with an "EncryptedPackage"
        // stream. Directory entry names are UTF-16LE; a byte search for the
        // name finds it wherever the directory sector is, without an OLE parser.
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let encrypted = bytes.windows(name.len()).any(|w| w == name.as_slice());
        return Err(if encrypted {
            DocxError::Encrypted
        } else {
            DocxError::OldWord
        });
    }
    // PDF allows bytes before the header, within the first 1024.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Err(DocxError::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(DocxError::Rtf);
    }
    if !bytes.starts_with(b"PK") {
        return Err(DocxError::NotZip);
    }
    Ok(())
}

impl<'b> Package<'b> {
    pub fn open(bytes: &'b [u8], limits: Limits) -> Result<Self, DocxError> {
        sniff(bytes)?;
        if bytes.len() as u64 > limits.total {
            return Err(too_large(limits.total));
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::Damaged)?;
        let names = (0..zip.len())
            .filter_map(|i| Some((crate::text::to_lower(zip.name_for_index(i)?), i)))
            .collect();
        let mut pkg = Package {
            zip,
            names,
            limits,
            used: 0,
        };
        if let Some(mime) = pkg.part("mimetype")? {
            if mime.trim().starts_with(ODF_MIME) {
                return Err(DocxError::OpenDocument);
            }
        }
        Ok(pkg)
    }

    /// A part's bytes, `None` when absent. The size is counted while
    /// inflating: the sizes in the ZIP headers are not trusted.
    fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(&i) = self.names.get(&crate::text::to_lower(name)) else {
            return Ok(None);
        };
        let allowed = self.limits.part.min(self.limits.total - self.used);
        let mut f = self.zip.by_index(i).map_err(|_| DocxError::Damaged)?;
        let mut buf = Vec::new();
        (&mut f)
            .take(allowed + 1)
            .read_to_end(&mut buf)
            .map_err(|_| DocxError::Damaged)?;
        if buf.len() as u64 > allowed {
            let limit = if allowed == self.limits.part {
                self.limits.part
            } else {
                self.limits.total
            };
            return Err(too_large(limit));
        }
        self.used += buf.len() as u64;
        Ok(Some(buf))
    }

    /// A part as text (UTF-8, or UTF-16 with a byte-order mark, as XML allows).
    pub fn part(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let Some(b) = self.bytes(name)? else {
            return Ok(None);
        };
        let broken = || DocxError::BrokenXml {
            part: name.to_string(),
        };
        let utf16 = |b: &[u8], le: bool| {
            let units = b.chunks_exact(2).map(|c| {
                let pair = [c[0], c[1]];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            });
            char::decode_utf16(units).collect::<Result<String, _>>()
        };
        let text = match b.as_slice() {
            [0xFF, 0xFE, rest @ ..] => utf16(rest, true).map_err(|_| broken())?,
            [0xFE, 0xFF, rest @ ..] => utf16(rest, false).map_err(|_| broken())?,
            [0xEF, 0xBB, 0xBF, rest @ ..] => {
                std::str::from_utf8(rest).map_err(|_| broken())?.to_string()
            }
            _ => String::from_utf8(b).map_err(|_| broken())?,
        };
        Ok(Some(text))
    }

    /// The target of the first relationship of `from` (a part name, "" for
    /// the package) whose type ends with `/kind`.
    pub fn related(&mut self, from: &str, kind: &str) -> Result<Option<String>, DocxError> {
        let (dir, file) = from.rsplit_once('/').unwrap_or(("", from));
        let rels_name = if from.is_empty() {
            "_rels/.rels".to_string()
        } else if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let Some(xml) = self.part(&rels_name)? else {
            return Ok(None);
        };
        let doc = parse(&xml, &rels_name)?;
        let suffix = format!("/{kind}");
        let target = doc.descendants().find_map(|n| {
            let external = n.attribute("TargetMode") == Some("External");
            let fits = n.tag_name().name() == "Relationship"
                && !external
                && n.attribute("Type").is_some_and(|t| t.ends_with(&suffix));
            fits.then(|| n.attribute("Target")).flatten()
        });
        Ok(target.map(|t| resolve(dir, t)))
    }
}

/// A relationship target relative to the folder `dir` of its source.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let base = if target.starts_with('/') { "" } else { dir };
    for seg in base.split('/').chain(target.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn too_large(limit: u64) -> DocxError {
    DocxError::TooLarge {
        limit_mb: limit >> 20,
    }
}

/// Parse a part's XML. DTDs stay refused (roxmltree's default), which also
/// refuses entity-expansion bombs; Word never writes one.
pub fn parse<'x>(xml: &'x str, part: &str) -> Result<roxmltree::Document<'x>, DocxError> {
    roxmltree::Document::parse(xml).map_err(|_| DocxError::BrokenXml {
        part: part.to_string(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(super::resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            super::resolve("", "/word/document.xml"),
            "word/document.xml"
        );
        assert_eq!(super::resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            super::resolve("word", "../customXml/a.xml"),
            "customXml/a.xml"
        );
        assert_eq!(
            super::resolve("word", "/word/numbering.xml"),
            "word/numbering.xml"
        );
    }
}
