//! The Unicode data NFC needs (canonical decompositions, compositions,
//! combining classes), packed by `build.rs` from the `unicode-normalization`
//! crate and unpacked here on first use. Same answers as
//! `unicode_normalization::char` (`same_as_the_crate` checks every code point),
//! at about a quarter of the gzip size of the crate's hash tables in the bundle.

use std::sync::OnceLock;

use super::unpack::Reader;

mod packed {
    include!(concat!(env!("OUT_DIR"), "/nfc_tables.rs"));
}

/// Marks a `decompositions` entry whose decomposition is stored in `chars`.
const STORED: u32 = 1 << 31;

struct Tables {
    /// By code point: (code point, first, second) for a primary composite, or
    /// (code point, STORED | start, length) into `chars`.
    decompositions: Vec<(u32, u32, u32)>,
    chars: Vec<char>,
    /// first << 42 | second << 21 | composite, sorted.
    compositions: Vec<u64>,
    /// (first, last, class) runs of a non-zero combining class.
    classes: Vec<(u32, u32, u8)>,
}

/// `base` plus a signed difference.
fn offset(base: u32, d: i32) -> u32 {
    base.wrapping_add_signed(d)
}

fn to_char(n: u32) -> char {
    char::from_u32(n).unwrap_or('\u{FFFD}')
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            decompositions: Vec::new(),
            chars: Vec::new(),
            compositions: Vec::new(),
            classes: Vec::new(),
        };
        let mut pairs = Vec::new();
        let (mut r, mut cp) = (Reader(packed::PAIRS), 0);
        while !r.0.is_empty() {
            cp += r.varint();
            let first = offset(cp, r.zigzag());
            let second = offset(0x300, r.zigzag());
            pairs.push((cp, first, second));
            t.compositions
                .push((first as u64) << 42 | (second as u64) << 21 | cp as u64);
        }
        let mut others = Vec::new();
        let (mut r, mut cp) = (Reader(packed::OTHERS), 0);
        while !r.0.is_empty() {
            cp += r.varint();
            let len = u32::from(r.byte());
            others.push((cp, STORED | t.chars.len() as u32, len));
            for _ in 0..len {
                t.chars.push(to_char(offset(cp, r.zigzag())));
            }
        }
        // Both lists are by code point: merge them.
        let (mut p, mut o) = (pairs.into_iter().peekable(), others.into_iter().peekable());
        while let Some(next) = match (p.peek(), o.peek()) {
            (Some(a), Some(b)) if a.0 < b.0 => p.next(),
            (Some(_), None) => p.next(),
            _ => o.next(),
        } {
            t.decompositions.push(next);
        }
        let (mut r, mut end) = (Reader(packed::CLASSES), 0);
        while !r.0.is_empty() {
            let first = end + r.varint();
            end = first + r.varint();
            t.classes.push((first, end, r.byte()));
        }
        heapsort(&mut t.compositions);
        t
    })
}

/// In-place heapsort of the packed compositions: the standard library's sort
/// would add another instantiation of its generic code (about 2 KB of wasm)
/// for a list sorted once.
fn heapsort(v: &mut [u64]) {
    fn sift(v: &mut [u64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for i in (0..v.len() / 2).rev() {
        sift(v, i, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// The canonical combining class of `c` (0 for starters).
pub fn canonical_combining_class(c: char) -> u8 {
    let c = c as u32;
    if c < 0x300 {
        return 0;
    }
    let classes = &tables().classes;
    match classes.binary_search_by(|&(first, last, _)| {
        if last < c {
            std::cmp::Ordering::Less
        } else if first > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => classes[i].2,
        Err(_) => 0,
    }
}

/// Push the full canonical decomposition of `c` onto `out`.
pub fn decompose_canonical(c: char, out: &mut Vec<char>) {
    let cp = c as u32;
    if cp < 0xC0 {
        out.push(c);
    } else if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        out.push(to_char(L_BASE + s / N_COUNT));
        out.push(to_char(V_BASE + (s % N_COUNT) / T_COUNT));
        if !s.is_multiple_of(T_COUNT) {
            out.push(to_char(T_BASE + s % T_COUNT));
        }
    } else {
        let t = tables();
        match t.decompositions.binary_search_by_key(&cp, |e| e.0) {
            Ok(i) => match t.decompositions[i] {
                (_, start, len) if start & STORED != 0 => {
                    let start = (start & !STORED) as usize;
                    out.extend_from_slice(&t.chars[start..start + len as usize]);
                }
                (_, first, second) => {
                    decompose_canonical(to_char(first), out);
                    out.push(to_char(second));
                }
            },
            Err(_) => out.push(c),
        }
    }
}

/// The primary composite of `a` followed by `b`, if there is one.
pub fn compose(a: char, b: char) -> Option<char> {
    let (a, b) = (a as u32, b as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + (a - L_BASE) * N_COUNT + (b - V_BASE) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
        && (a - S_BASE).is_multiple_of(T_COUNT)
    {
        return char::from_u32(a + (b - T_BASE));
    }
    let compositions = &tables().compositions;
    let key = (a as u64) << 21 | b as u64;
    let i = compositions.partition_point(|&e| e >> 21 < key);
    compositions
        .get(i)
        .filter(|&&e| e >> 21 == key)
        .and_then(|&e| char::from_u32((e & 0x1F_FFFF) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::{char as crate_char, UnicodeNormalization};

    #[test]
    fn same_as_the_crate() {
        let mut pairs = 0;
        for c in '\0'..=char::MAX {
            assert_eq!(
                canonical_combining_class(c),
                crate_char::canonical_combining_class(c),
                "class of U+{:04X}",
                c as u32
            );
            let mut ours = Vec::new();
            decompose_canonical(c, &mut ours);
            let mut theirs = Vec::new();
            crate_char::decompose_canonical(c, |x| theirs.push(x));
            assert_eq!(ours, theirs, "decomposition of U+{:04X}", c as u32);
            // Every composition this module knows, the crate knows, and back:
            // composing the decomposition's last char onto the composed rest.
            if ours.len() >= 2 {
                let first: Vec<char> = ours[..ours.len() - 1]
                    .iter()
                    .collect::<String>()
                    .nfc()
                    .collect();
                if let [a] = first[..] {
                    let b = ours[ours.len() - 1];
                    assert_eq!(
                        compose(a, b),
                        crate_char::compose(a, b),
                        "U+{:04X} U+{:04X}",
                        a as u32,
                        b as u32
                    );
                    pairs += (compose(a, b) == Some(c)) as usize;
                }
            }
        }
        // The Hangul syllables and every pair of the table were met, and the
        // crate agreed; build.rs checks that no other character composes.
        assert_eq!(pairs, 11172 + tables().compositions.len());
    }
}
