//! Word export of any document read: never panics, is a zip every part of
//! which reads back, and every XML part parses.
#![no_main]

use kehoach::export::docx::to_docx;
use kehoach::model::json::from_json;
use libfuzzer_sys::fuzz_target;
use std::io::Read;

fuzz_target!(|data: &[u8]| {
    let Some(doc) = std::str::from_utf8(data).ok().and_then(|t| from_json(t).ok()) else {
        return;
    };
    let bytes = to_docx(&doc);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        let mut xml = String::new();
        part.read_to_string(&mut xml).expect("a UTF-8 part");
        if part.name().ends_with(".xml") || part.name().ends_with(".rels") {
            if let Err(e) = roxmltree::Document::parse(&xml) {
                panic!("{}: {e}", part.name());
            }
        }
    }
});
