//! The .docx container: a ZIP written by the `zip` crate, every entry deflated
//! (flate2's pure-Rust backend, miniz_oxide).
//!
//! Dates are fixed at 1980-01-01 00:00 and the entries always come in the same
//! order, so the same document gives the same bytes.
//!
//! Measured 2026-12-05 against the STORED-only writer this replaces:
//! - Size: the 1000-row `generated_plan` 1,207,902 → 21,721 bytes; the fixtures
//!   28–316 KB → 7.4–42.5 KB (fixture 004: 323,897 → 43,564). Info-ZIP's
//!   `zip -9` on the same parts gives 0.2–0.9 % less on the fixtures (6 % less on
//!   the very repetitive generated plans); python-docx, re-saving the same parts,
//!   0.3–1.3 % more.
//! - Level: 6 (flate2's default). On fixture 004 (323 KB of XML), levels 1 / 3 /
//!   6 / 9 give 72.5 / 45.9 / 42.5 / 42.2 KB in 1.8 / 6.3 / 9.2 / 15 ms (native
//!   release, opt-level z); on the 1000-row plan 40.6 / 24.3 / 21.2 / 18.8 KB,
//!   all within 2–8 ms. Above 6 the time grows much faster than the size shrinks.
//! - Wasm (release, `npm run bench:size`): the export part grows from 8.9 to
//!   49.5 KB gzip (zip, miniz_oxide's compressor, crc32fast's 16 KB tables); the
//!   first load from 349.8 to 350.7 KB gzip (budget 360).
//! - The hand-written CRC-32 table is gone: the `zip` crate computes the CRC
//!   itself with `crc32fast`, so keeping a second one would only add code.
pub struct ZipWriter(zip::ZipWriter<std::io::Cursor<Vec<u8>>>);

/// Deflate level (0–9) of every entry: see the module comment for the choice.
pub const LEVEL: i64 = 6;

impl ZipWriter {
    pub fn new() -> Self {
        ZipWriter(zip::ZipWriter::new(std::io::Cursor::new(Vec::new())))
    }

    /// Add one file. Writing into memory cannot fail; a document stays far
    /// below the 4 GB limit of plain (non-ZIP64) entries.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        use std::io::Write;
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(LEVEL))
            // Explicit: with the crate's `time` feature the default is "now".
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        self.0
            .start_file(name, options)
            .expect("starting a ZIP entry in memory");
        self.0
            .write_all(data)
            .expect("writing a ZIP entry into memory");
    }

    /// The finished archive.
    pub fn finish(self) -> Vec<u8> {
        self.0
            .finish()
            .expect("writing the ZIP central directory into memory")
            .into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::ZipWriter;
    use std::io::Read;

    #[test]
    fn entries_are_deflated_dated_1980_and_read_back() {
        let text = "Kế hoạch 😀 ".repeat(200);
        let build = || {
            let mut z = ZipWriter::new();
            z.add("a.xml", text.as_bytes());
            z.add("b/c.xml", b"");
            z.finish()
        };
        let bytes = build();
        assert_eq!(bytes, build(), "the same entries give the same bytes");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut a = archive.by_name("a.xml").unwrap();
        assert_eq!(a.compression(), zip::CompressionMethod::Deflated);
        assert!(a.compressed_size() < a.size() / 10);
        let date = a.last_modified().unwrap();
        assert_eq!((date.year(), date.month(), date.day()), (1980, 1, 1));
        let mut back = String::new();
        a.read_to_string(&mut back).unwrap();
        assert_eq!(back, text);
    }
}
