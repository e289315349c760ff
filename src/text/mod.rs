//! Vietnamese text: pure functions used by the text rules, the editor and the
//! exports. No web dependency; each concern in its own file.
//!
//! - `nfc`: Unicode normalization (store and export NFC).
//! - `case`: upper and lower case as the standard library maps them, with
//!   smaller tables; use these rather than `to_uppercase` / `to_lowercase`.
//! - `eth`: "Ð"/"ð" (Icelandic eth) typed for "Đ"/"đ".
//! - `legacy`: TCVN3/ABC and VNI text pasted as Unicode: detect and convert.
//! - `invisible`: bidirectional controls, zero-width and control characters.
//! - `diacritics`: Vietnamese typed without marks.
//! - `tone`: classic "hòa" / modern "hoà" tone placement.
//! - `spacing`: doubled spaces and spaces before punctuation.
//! - `syllable`: the Vietnamese syllable check the detectors rely on.
//! - `scan`: one pass over a text's words feeding the quick exits of several detectors.

mod case;
mod diacritics;
mod eth;
mod invisible;
mod legacy;
mod letters;
mod nfc;
mod nfc_tables;
mod scan;
mod spacing;
mod syllable;
mod tone;
mod unpack;

pub use case::{capitalise, lower_char, to_lower, to_upper, upper_char, CaseChars};
pub use diacritics::{fold, lacks_diacritics};
pub use eth::{find_eth_for_dj, fix_eth_for_dj, has_eth_for_dj};
pub use invisible::{
    has_invisible, invisible_chars, map_with_line_feeds, remove_invisible, Invisible,
};
#[cfg(test)]
pub(crate) use legacy::samples as legacy_samples;
pub use legacy::{convert_legacy, detect_legacy, legacy_to_unicode, Converted, Legacy};
pub use nfc::{is_nfc, to_nfc, to_nfd};
pub use scan::WordScan;
pub use spacing::{fix_spacing, has_spacing_issue, spacing_fix};
pub use syllable::is_vietnamese_syllable;
pub use tone::{first_word_in_style, to_tone_style, tone_style_of_word, ToneStyle};
