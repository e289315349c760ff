//! Generated inputs of the crate, written to OUT_DIR:
//!
//! - The built-in templates, minified (`src/templates/mod.rs` includes them):
//!   `templates/*.json` stay the pretty-printed, human-edited source, and the
//!   bundle carries the same JSON on one line: no indentation or line breaks,
//!   one space after ':' and ',' (as `serde_json::Value`'s `Display` prints
//!   it). Strings are copied byte for byte. Beside each, `NAME.card.json`:
//!   the same template with `"document": null`, for the gallery, which lists
//!   templates and asks for their facts before it needs any document (the
//!   browser build loads the documents only when a plan is started).
//! - `nfc_tables.rs`: the canonical decomposition, composition and combining
//!   class data NFC needs, taken from the `unicode-normalization` crate and
//!   packed as delta varints (`src/text/nfc_tables.rs` reads them; about a
//!   quarter of the gzip size of the crate's own hash tables).
//! - `case_tables.rs`: the standard library's upper- and lower-case mappings
//!   and the Cased / Case_Ignorable properties its final-sigma rule reads,
//!   taken from `char::to_uppercase` / `str::to_lowercase` of this toolchain and
//!   packed as runs (`src/text/case.rs` reads them).

// build.rs reads the standard library's case mappings to pack them: the
// bundle-size rule of clippy.toml is for the crate, not for this.
#![allow(clippy::disallowed_methods)]

use std::{env, fs, path::Path};
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

fn main() {
    // wasm-split needs the linker's relocations to cut the module at its split points.
    if env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"))
    {
        println!("cargo:rustc-link-arg-bin=kehoach-web=--emit-relocs");
    }
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    templates(Path::new(&out_dir));
    fs::write(Path::new(&out_dir).join("nfc_tables.rs"), nfc_tables())
        .expect("write nfc_tables.rs");
    fs::write(Path::new(&out_dir).join("case_tables.rs"), case_tables())
        .expect("write case_tables.rs");
}

fn templates(out_dir: &Path) {
    let out = out_dir.join("templates");
    fs::create_dir_all(&out).expect("create OUT_DIR/templates");
    println!("cargo:rerun-if-changed=templates");
    for entry in fs::read_dir("templates").expect("templates/") {
        let src = entry.expect("templates/ entry").path();
        if src.extension().is_some_and(|e| e == "json") {
            println!("cargo:rerun-if-changed={}", src.display());
            let text =
                fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
            let min = minify(&text);
            fs::write(out.join(src.file_name().expect("file name")), &min)
                .expect("write minified template");
            let card = src.with_extension("card.json");
            fs::write(
                out.join(card.file_name().expect("file name")),
                without_document(&min),
            )
            .expect("write template card");
        }
    }
}

/// The template with its top-level `"document"` value replaced by `null`;
/// unchanged when there is none (the tests report such a template). A scan
/// rather than a JSON parser: build.rs has no JSON crate and needs no more.
fn without_document(min: &str) -> String {
    let b = min.as_bytes();
    let (mut depth, mut i, mut key_start) = (0usize, 0usize, None);
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && min[start..].starts_with("\"document\": ") && key_start.is_none() {
                    key_start = Some(i + 3);
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if let (Some(from), 1) = (key_start, depth) {
                    return format!("{}null{}", &min[..from], &min[i + 1..]);
                }
            }
            _ => {}
        }
        i += 1;
    }
    min.to_string()
}

/// Drop JSON whitespace outside strings, then put one space after ':' and ','. Malformed input stays malformed: the
/// tests parse every built-in template and report it.
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if c == ':' || c == ',' {
            out.push(c);
            out.push(' ');
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn zigzag(out: &mut Vec<u8>, n: i64) {
    varint(
        out,
        if n >= 0 {
            (n as u32) << 1
        } else {
            ((-n) as u32) << 1 | 1
        },
    );
}

fn full(c: char) -> Vec<char> {
    let mut d = Vec::new();
    decompose_canonical(c, |x| d.push(x));
    d
}

/// Three byte strings, each a list of delta-encoded records, by code point:
/// - `PAIRS`: primary composites: Δcode point, zigzag(first − code point),
///   zigzag(second − U+0300). Decomposing one gives the full decomposition of
///   `first` then `second`; composing `first` and `second` gives it back.
/// - `OTHERS`: every other canonical decomposition (singletons, exclusions,
///   non-starter decompositions), fully decomposed: Δcode point, length,
///   zigzag(char − code point) each.
/// - `CLASSES`: runs of one non-zero combining class: Δstart (from the last
///   end), end − start, class.
///
/// Hangul syllables are left out: they are computed.
fn nfc_tables() -> String {
    let (mut pairs, mut others, mut classes) = (Vec::new(), Vec::new(), Vec::new());
    let (mut last_pair, mut last_other) = (0u32, 0u32);
    let mut run: Option<(u32, u32, u8)> = None;
    let mut last_run_end = 0u32;
    let flush = |run: (u32, u32, u8), classes: &mut Vec<u8>, last_run_end: &mut u32| {
        varint(classes, run.0 - *last_run_end);
        varint(classes, run.1 - run.0);
        classes.push(run.2);
        *last_run_end = run.1;
    };
    for c in ('\0'..=char::MAX).filter(|c| !('\u{AC00}'..='\u{D7A3}').contains(c)) {
        let cp = c as u32;
        let class = canonical_combining_class(c);
        if class != 0 {
            run = match run {
                Some((start, end, k)) if end + 1 == cp && k == class => Some((start, cp, k)),
                Some(r) => {
                    flush(r, &mut classes, &mut last_run_end);
                    Some((cp, cp, class))
                }
                None => Some((cp, cp, class)),
            };
        }
        let d = full(c);
        if d == [c] {
            continue;
        }
        // A primary composite: the last char joins the composed rest.
        let (rest, second) = d.split_at(d.len() - 1);
        let first: Vec<char> = rest.iter().copied().collect::<String>().nfc().collect();
        if d.len() >= 2
            && first.len() == 1
            && compose(first[0], second[0]) == Some(c)
            && [full(first[0]), second.to_vec()].concat() == d
        {
            varint(&mut pairs, cp - last_pair);
            zigzag(&mut pairs, first[0] as i64 - cp as i64);
            zigzag(&mut pairs, second[0] as i64 - 0x300);
            last_pair = cp;
        } else {
            // Not composed back by NFC, or the tables would miss a composition.
            assert!(
                c.to_string().nfc().collect::<String>() != c.to_string(),
                "U+{cp:04X} composes but was not recorded as a pair"
            );
            varint(&mut others, cp - last_other);
            others.push(d.len() as u8);
            for x in &d {
                zigzag(&mut others, *x as i64 - cp as i64);
            }
            last_other = cp;
        }
    }
    if let Some(r) = run {
        flush(r, &mut classes, &mut last_run_end);
    }
    format!(
        "// Generated by build.rs from unicode-normalization (Unicode {}.{}.{}).\npub(super) const PAIRS: &[u8] = &{pairs:?};\npub(super) const OTHERS: &[u8] = &{others:?};\npub(super) const CLASSES: &[u8] = &{classes:?};\n",
        unicode_normalization::UNICODE_VERSION.0,
        unicode_normalization::UNICODE_VERSION.1,
        unicode_normalization::UNICODE_VERSION.2
    )
}

/// One case mapping as runs: a single-char mapping `c → c + delta` for `count`
/// code points `step` apart: Δstart (from the last run's last code point),
/// count, step, zigzag(delta); and multi-char mappings apart: Δcode point,
/// length, zigzag(char − code point) each.
fn case_mapping(map: impl Fn(char) -> Vec<char>) -> (Vec<u8>, Vec<u8>) {
    let mut singles: Vec<(u32, i64)> = Vec::new();
    let (mut multi, mut last_multi) = (Vec::new(), 0u32);
    for c in '\0'..=char::MAX {
        let m = map(c);
        if m == [c] {
            continue;
        }
        if m.len() == 1 {
            singles.push((c as u32, m[0] as i64 - c as i64));
        } else {
            varint(&mut multi, c as u32 - last_multi);
            multi.push(m.len() as u8);
            for x in &m {
                zigzag(&mut multi, *x as i64 - c as i64);
            }
            last_multi = c as u32;
        }
    }
    let (mut runs, mut last) = (Vec::new(), 0u32);
    let mut i = 0;
    while i < singles.len() {
        let (start, delta) = singles[i];
        let step = singles
            .get(i + 1)
            .filter(|n| n.1 == delta && n.0 - start <= 2)
            .map_or(1, |n| n.0 - start);
        let mut count = 1;
        while singles
            .get(i + count)
            .is_some_and(|n| n.1 == delta && n.0 == start + step * count as u32)
        {
            count += 1;
        }
        varint(&mut runs, start - last);
        varint(&mut runs, count as u32);
        runs.push(step as u8);
        zigzag(&mut runs, delta);
        last = start + step * (count as u32 - 1);
        i += count;
    }
    (runs, multi)
}

/// Ranges of code points with a property: Δstart (from the last range's end), length − 1.
fn ranges(has: impl Fn(char) -> bool) -> Vec<u8> {
    let (mut out, mut last) = (Vec::new(), 0u32);
    let mut close = |(start, end): (u32, u32), out: &mut Vec<u8>| {
        varint(out, start - last);
        varint(out, end - start);
        last = end;
    };
    let mut open: Option<(u32, u32)> = None;
    for c in ('\0'..=char::MAX).filter(|&c| has(c)) {
        let c = c as u32;
        open = match open {
            Some((start, end)) if end + 1 == c => Some((start, c)),
            Some(range) => {
                close(range, &mut out);
                Some((c, c))
            }
            None => Some((c, c)),
        };
    }
    if let Some(range) = open {
        close(range, &mut out);
    }
    out
}

/// The standard library's final-sigma rule skips Case_Ignorable chars and then
/// asks whether a char is Cased; both properties are private to `core`, so they
/// are read back from `str::to_lowercase` itself.
fn sigma_is_final(text: &str, at: usize) -> bool {
    text.to_lowercase().chars().nth(at) == Some('ς')
}

fn case_tables() -> String {
    let lower = |c: char| c.to_lowercase().collect::<Vec<char>>();
    let upper = |c: char| c.to_uppercase().collect::<Vec<char>>();
    let (lower_runs, lower_multi) = case_mapping(lower);
    let (upper_runs, upper_multi) = case_mapping(upper);
    // "AΣxA": final when x is neither ignorable nor cased; "xΣ": final when x
    // is cased and not ignorable. An ignorable x is skipped, so neither is final.
    let final_before = |x: char| sigma_is_final(&format!("AΣ{x}A"), 1);
    let final_after = |x: char| {
        let text = format!("{x}Σ");
        sigma_is_final(&text, text.to_lowercase().chars().count() - 1)
    };
    let ignorable = |x: char| !final_before(x) && !final_after(x);
    let cased = |x: char| final_after(x);
    format!(
        "// Generated by build.rs from this toolchain's core (Unicode {}.{}.{}).\npub(super) const LOWER: &[u8] = &{lower_runs:?};\npub(super) const LOWER_MULTI: &[u8] = &{lower_multi:?};\npub(super) const UPPER: &[u8] = &{upper_runs:?};\npub(super) const UPPER_MULTI: &[u8] = &{upper_multi:?};\npub(super) const CASE_IGNORABLE: &[u8] = &{:?};\npub(super) const CASED: &[u8] = &{:?};\n",
        char::UNICODE_VERSION.0,
        char::UNICODE_VERSION.1,
        char::UNICODE_VERSION.2,
        ranges(ignorable),
        ranges(|x| !ignorable(x) && cased(x)),
    )
}
