//! HTML exports of any document read: never panic, and every text reaches the
//! page escaped: each "<" opens one of the exporter's own tags.
#![no_main]

use kehoach::export::html::{to_html, to_print_html};
use kehoach::model::json::from_json;
use libfuzzer_sys::fuzz_target;

/// The tags `export::html` writes (and "!DOCTYPE").
const KNOWN: [&str; 17] = [
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "div", "p", "br", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
];

/// The tag name after each "<" ("/p" counts as "p"; "!" for comments and doctype).
fn tag_names(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices('<').map(move |(i, _)| {
        let rest = html[i + 1..].trim_start_matches('/');
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '!' || c == '-'))
            .unwrap_or(rest.len());
        &rest[..end]
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(doc) = std::str::from_utf8(data).ok().and_then(|t| from_json(t).ok()) else {
        return;
    };
    for html in [to_html(&doc), to_print_html(&doc)] {
        for name in tag_names(&html) {
            assert!(
                KNOWN.contains(&name),
                "unexpected <{name} in the HTML: text not escaped"
            );
        }
    }
});
