//! Plain-text export of any document read: never panics, no control character
//! other than tab and line feed comes out.
#![no_main]

use kehoach::export::{is_dropped, text::to_text};
use kehoach::model::json::from_json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(doc) = std::str::from_utf8(data).ok().and_then(|t| from_json(t).ok()) else {
        return;
    };
    let text = to_text(&doc);
    assert!(!text.chars().any(|c| is_dropped(c) || c == '\r'));
});
