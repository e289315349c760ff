//! Capitals (nd30.case.*): fixed names written with capitals where Nghị định
//! 30 writes them in lower case ("Kế Hoạch", "Ủy Ban Nhân Dân", "Phụ Lục"),
//! and headings that start in lower case. Both fixable: the fix changes the
//! case of the letters it names and nothing else (tone marks stay as written).

use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::numbering::node_path;
use crate::model::walk::for_each_text_lazy;
use crate::model::{Document, Node, NodeKind, ToneStyle};
use crate::text::{to_lower, to_tone_style, to_upper};

pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "nd30.case.fixed_name",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Tên cố định viết hoa đúng (Kế hoạch, Ủy ban nhân dân, Phụ lục)",
            title_en: "Fixed names are capitalised as written (Kế hoạch, Ủy ban nhân dân, Phụ lục)",
            check: fixed_name,
        },
        Rule {
            id: "nd30.case.heading_start",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Đề mục bắt đầu bằng chữ hoa",
            title_en: "Headings start with a capital letter",
            check: heading_start,
        },
    ]
}

/// Names whose words after the first are written in lower case, except those
/// capitalised here ("Mặt trận Tổ quốc Việt Nam"); a longer name before the
/// shorter one it holds, so the message names all of it. Not "Thành phố":
/// Hà Nội's and Hồ Chí Minh City's own documents capitalise it.
const NAMES: [&str; 16] = [
    "Kế hoạch",
    "Ủy ban nhân dân phường",
    "Ủy ban nhân dân xã",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân phường",
    "Hội đồng nhân dân xã",
    "Hội đồng nhân dân",
    "Nhà nước",
    "Phụ lục",
    "Nghị quyết",
    "Quyết định",
    "Chương trình hành động",
    "Mặt trận Tổ quốc Việt Nam",
    "Đảng ủy",
    "Văn phòng",
    "Tổ chức thực hiện",
];

/// [`NAMES`] folded once, and where each of their lower-case words stands:
/// folding every word of every field against every name was 60% of checking
/// the largest plan (350 ms natively).
struct FoldedNames {
    /// Each name's words, as written and folded.
    names: Vec<(Vec<&'static str>, Vec<String>)>,
    /// A folded word that a name writes in lower case after its first word:
    /// (the name, the word's place in it).
    lower_words: std::collections::HashMap<String, Vec<(usize, usize)>>,
}

fn folded_names() -> &'static FoldedNames {
    static FOLDED: std::sync::OnceLock<FoldedNames> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| {
        let names: Vec<(Vec<&str>, Vec<String>)> = NAMES
            .iter()
            .map(|n| {
                let words: Vec<&str> = n.split(' ').collect();
                let folded = words.iter().map(|w| fold(w)).collect();
                (words, folded)
            })
            .collect();
        let mut lower_words = std::collections::HashMap::<String, Vec<_>>::new();
        for (n, (words, folded)) in names.iter().enumerate() {
            for k in (1..words.len()).filter(|&k| !starts_upper(words[k])) {
                lower_words
                    .entry(folded[k].clone())
                    .or_default()
                    .push((n, k));
            }
        }
        FoldedNames { names, lower_words }
    })
}

/// A word compared without its case or the place of its tone mark.
fn fold(w: &str) -> String {
    to_tone_style(&to_lower(w), ToneStyle::Classic)
}

/// The fold of `w` when it is a word of some name, else None. Remembered for
/// the words seen (up to a bound): the same words recur in every field, and
/// folding each anew was most of [`any_misspelt`] in the browser.
fn fold_known(w: &str) -> Option<&'static str> {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, Option<&'static str>>> =
            Default::default();
    }
    SEEN.with_borrow_mut(|seen| {
        if let Some(&known) = seen.get(w) {
            return known;
        }
        if seen.len() >= 4096 {
            seen.clear();
        }
        let f = fold(w);
        let known = folded_names()
            .names
            .iter()
            .flat_map(|(_, folded)| folded)
            .find(|n| **n == f)
            .map(String::as_str);
        seen.insert(w.to_string(), known);
        known
    })
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// `w` with its first letter in lower case, the rest as written.
fn lower_first(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| to_lower(f.encode_utf8(&mut [0; 4])) + c.as_str())
        .unwrap_or_default()
}

/// Whether `c` is part of a word: a letter, a digit or a combining mark.
/// Vietnamese letters are looked up in their blocks first (Latin-1 to Latin
/// Extended-B, Latin Extended Additional, all letters there but × and ÷):
/// `char::is_alphanumeric`'s slow path was a third of the capitals rule.
fn in_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷'
        || ('\u{300}'..='\u{36f}').contains(&c)
        || c.is_alphanumeric()
}

/// The words of `t` with their byte ranges.
fn words(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i <= t.len() {
        // ASCII read as bytes, the rest decoded: decoding every character
        // was a third of the capitals rule on the largest plan.
        let (word, len) = match t.as_bytes().get(i) {
            None => (false, 1),
            Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            Some(_) => t[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (in_word(c), c.len_utf8())),
        };
        match (start, word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    out
}

/// The word that ends last at or before byte `end` of `t`.
fn word_before(t: &str, end: usize) -> Option<(usize, usize)> {
    let mut chars = t[..end]
        .char_indices()
        .rev()
        .skip_while(|&(_, c)| !in_word(c));
    let (last, c) = chars.next()?;
    let mut start = last;
    for (i, _) in chars.take_while(|&(_, c)| in_word(c)) {
        start = i;
    }
    Some((start, last + c.len_utf8()))
}

/// The word that starts first at or after byte `start` of `t`.
fn word_after(t: &str, start: usize) -> Option<(usize, usize)> {
    let mut chars = t[start..].char_indices().skip_while(|&(_, c)| !in_word(c));
    let (first, _) = chars.next()?;
    let end = chars
        .find(|&(_, c)| !in_word(c))
        .map_or(t.len(), |(i, _)| start + i);
    Some((start + first, end))
}

/// Whether `t` writes some fixed name with a wrong capital: what
/// [`misspelt_names`] finds, without listing every word of the text. Most
/// fields have none, and listing and folding their words was 40% of the
/// check of the largest plan in the browser.
fn any_misspelt(t: &str) -> bool {
    let names = folded_names();
    capitalised_words(t).any(|(a, b)| {
        let Some(places) = fold_known(&t[a..b]).and_then(|f| names.lower_words.get(f)) else {
            return false;
        };
        let mut around = Around::new(t, (a, b));
        places.iter().any(|&(n, k)| around.is(&names.names[n].1, k))
    })
}

/// The words of `t` that start with a capital letter, found by reading
/// ASCII as bytes (most of a text is lower-case ASCII).
fn capitalised_words(t: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = t.as_bytes().get(i) {
            if b.is_ascii() && !b.is_ascii_uppercase() {
                i += 1;
                continue;
            }
            let start = i;
            let c = t[i..].chars().next()?;
            i += c.len_utf8();
            if !c.is_uppercase()
                || !in_word(c)
                || t[..start].chars().next_back().is_some_and(in_word)
            {
                continue;
            }
            i = t[i..]
                .char_indices()
                .find(|&(_, c)| !in_word(c))
                .map_or(t.len(), |(k, _)| i + k);
            return Some((start, i));
        }
        None
    })
}

/// The words around one word of a text, folded as they are first needed.
struct Around<'a> {
    t: &'a str,
    /// The words before it, nearest first, and after it: (where the next
    /// one is looked for, its fold if a name's word).
    before: Vec<(usize, Option<&'static str>)>,
    after: Vec<(usize, Option<&'static str>)>,
    word: (usize, usize),
}

impl<'a> Around<'a> {
    fn new(t: &'a str, word: (usize, usize)) -> Self {
        Around {
            t,
            before: vec![],
            after: vec![],
            word,
        }
    }

    /// The fold of the `m`-th word before (m ≥ 1) or after the word, None
    /// when there is none or it is no name's word.
    fn folded(&mut self, before: bool, m: usize) -> Option<&'static str> {
        let (t, word) = (self.t, self.word);
        let list = if before {
            &mut self.before
        } else {
            &mut self.after
        };
        while list.len() < m {
            let at = list
                .last()
                .map_or(if before { word.0 } else { word.1 }, |w| w.0);
            let (a, b) = if before {
                word_before(t, at)?
            } else {
                word_after(t, at)?
            };
            list.push((if before { a } else { b }, fold_known(&t[a..b])));
        }
        list[m - 1].1
    }

    /// Whether the words around are the folded name `want`, the word being its word `k`.
    fn is(&mut self, want: &[String], k: usize) -> bool {
        (1..=k).all(|m| self.folded(true, m) == Some(want[k - m].as_str()))
            && (k + 1..want.len()).all(|m| self.folded(false, m - k) == Some(want[m].as_str()))
    }
}

/// Where fixed names are written in `t` with a wrong capital: (the name, its
/// first word's index in `ws`), in the order of [`NAMES`], then of the text.
/// Only a capitalised word that some name writes in lower case can be one,
/// so the search starts from those (most fields have none) and folds only
/// the words around them.
fn misspelt_names(t: &str, ws: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let names = folded_names();
    let mut folded: Vec<Option<String>> = vec![None; ws.len()];
    let mut fold_at = |i: usize| -> String {
        folded[i]
            .get_or_insert_with(|| fold(&t[ws[i].0..ws[i].1]))
            .clone()
    };
    let mut found = vec![];
    for j in 1..ws.len() {
        if !starts_upper(&t[ws[j].0..ws[j].1]) {
            continue;
        }
        let Some(places) = names.lower_words.get(&fold_at(j)) else {
            continue;
        };
        for &(n, k) in places {
            let want = &names.names[n].1;
            let Some(i) = j.checked_sub(k).filter(|i| i + want.len() <= ws.len()) else {
                continue;
            };
            if (0..want.len()).all(|m| fold_at(i + m) == want[m]) {
                found.push((n, i));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The text with every fixed name's wrong capitals lowered, and the first
/// name so written; None when every name is written right.
fn fix_names(t: &str) -> Option<(String, String)> {
    if !any_misspelt(t) {
        return None;
    }
    let ws = words(t);
    let mut lower_at: Vec<usize> = Vec::new();
    let mut first: Option<String> = None;
    for (n, i) in misspelt_names(t, &ws) {
        let want = &folded_names().names[n].0;
        let span = &t[ws[i].0..ws[i + want.len() - 1].1];
        if to_upper(span) == span {
            continue; // "KẾ HOẠCH", "ỦY BAN NHÂN DÂN": capitals throughout
        }
        // "Phường 1": a unit named by a number keeps its capital.
        let next = ws.get(i + want.len()).map(|&(a, _)| &t[a..]);
        if next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        let wrong: Vec<usize> = (1..want.len())
            .filter(|&k| !starts_upper(want[k]) && starts_upper(&t[ws[i + k].0..ws[i + k].1]))
            .map(|k| i + k)
            .collect();
        if !wrong.is_empty() && first.is_none() {
            first = Some(span.to_string());
        }
        lower_at.extend(wrong);
    }
    let first = first?;
    let mut out = String::with_capacity(t.len());
    let mut last = 0;
    lower_at.sort_unstable();
    lower_at.dedup();
    for k in lower_at {
        let (a, b) = ws[k];
        out.push_str(&t[last..a]);
        out.push_str(&lower_first(&t[a..b]));
        last = b;
    }
    out.push_str(&t[last..]);
    Some((out, first))
}

fn fixed_name(doc: &Document, _: &Context, s: &mut Sink) {
    for_each_text_lazy(doc, &mut |path, t| {
        let Some((fixed, written)) = fix_names(t) else {
            return;
        };
        let right = fix_names(&written).map_or(written.clone(), |f| f.0);
        s.report_fix(
            path(),
            format!("“{written}” viết hoa sai: viết “{right}” (chỉ viết hoa chữ đầu của tên)."),
            format!("“{written}” is wrongly capitalised: write “{right}” (only the name's first letter is a capital)."),
            fixed,
        );
    });
}

fn heading_start(doc: &Document, _: &Context, s: &mut Sink) {
    fn go(nodes: &[Node], path: &mut Vec<usize>, s: &mut Sink) {
        for (i, n) in nodes.iter().enumerate() {
            path.push(i);
            let t = n.text.trim_start();
            let lead = n.text.len() - t.len();
            if n.kind == NodeKind::Heading && t.chars().next().is_some_and(char::is_lowercase) {
                let word = t.split(' ').next().unwrap_or(t);
                let mut first = t.chars();
                let head = first.next().map(|c| to_upper(c.encode_utf8(&mut [0; 4])));
                let fixed = format!(
                    "{}{}{}",
                    &n.text[..lead],
                    head.unwrap_or_default(),
                    first.as_str()
                );
                s.report_fix(
                    format!("{}.text", node_path(path)),
                    format!("Đề mục bắt đầu bằng chữ thường “{word}”; viết hoa chữ cái đầu."),
                    format!(
                        "The heading starts in lower case (“{word}”); capitalise its first letter."
                    ),
                    fixed,
                );
            }
            go(&n.children, path, s);
            path.pop();
        }
    }
    go(&doc.body, &mut Vec::new(), s);
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_word_char_is_what_std_calls_alphanumeric_or_a_combining_mark() {
        for c in '\0'..='\u{2FFF}' {
            assert_eq!(
                super::in_word(c),
                c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    use super::super::testing::*;
    use super::*;

    #[test]
    fn names_written_right_are_quiet() {
        for t in [
            "Ủy ban nhân dân phường ban hành Kế hoạch thực hiện như sau:",
            "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN",
            "xây dựng kế hoạch hằng năm; Uỷ ban nhân dân phường",
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
            "(Có Phụ lục I chi tiết kèm theo)",
            // A unit named by a number; Hà Nội's "Thành phố"; Báo Nhân Dân.
            "Ủy ban nhân dân Phường 1, Ủy ban nhân dân Thành phố, Báo Nhân Dân",
            "ngân sách nhà nước, Ngân hàng Nhà nước Việt Nam",
        ] {
            assert_eq!(fix_names(t), None, "{t}");
        }
        assert_quiet(&base(), "nd30.case.");
        assert_quiet(&party(), "nd30.case.");
    }

    #[test]
    fn wrong_capitals_are_lowered_and_nothing_else() {
        let (fixed, first) =
            fix_names("Thực hiện Kế Hoạch của Uỷ Ban Nhân Dân phường (Có Phụ Lục I)").unwrap();
        assert_eq!(first, "Kế Hoạch");
        // Tone marks stay where the author put them ("Uỷ").
        assert_eq!(
            fixed,
            "Thực hiện Kế hoạch của Uỷ ban nhân dân phường (Có Phụ lục I)"
        );
        assert_eq!(
            fix_names("Mặt Trận Tổ quốc Việt Nam").unwrap().0,
            "Mặt trận Tổ quốc Việt Nam"
        );
        // The unit's common noun and "Nhà nước" too; the message names the whole.
        let (fixed, first) =
            fix_names("tham mưu Ủy Ban Nhân Dân Phường, tài sản của Nhà Nước").unwrap();
        assert_eq!(
            fixed,
            "tham mưu Ủy ban nhân dân phường, tài sản của Nhà nước"
        );
        assert_eq!(first, "Ủy Ban Nhân Dân Phường");
        assert_eq!(
            fix_names("Hội đồng nhân dân Xã Nghi Dương").unwrap().0,
            "Hội đồng nhân dân xã Nghi Dương"
        );
        let mut d = base();
        d.opening[0] = d.opening[0].replace("Ủy ban nhân dân phường", "Ủy Ban Nhân Dân phường");
        let f = findings(&d, "nd30.case.fixed_name");
        assert_eq!(
            (f[0].path.as_str(), f[0].severity),
            ("opening[0]", Severity::Warning)
        );
        assert_eq!(f[0].fix.as_ref().unwrap().value, base().opening[0]);
        assert!(f[0]
            .message_vi
            .contains("“Ủy Ban Nhân Dân phường” viết hoa sai: viết “Ủy ban nhân dân phường”"));
    }

    /// The quick test of a text agrees with the full search on texts made of
    /// the names' words in every case, other words and separators.
    #[test]
    fn the_quick_test_finds_what_the_full_search_finds() {
        let mut vocab: Vec<String> = NAMES
            .iter()
            .flat_map(|n| n.split(' '))
            .flat_map(|w| {
                [
                    w.to_string(),
                    to_upper(w),
                    to_lower(w),
                    lower_first(&to_upper(w)),
                ]
            })
            .collect();
        vocab.extend(
            [
                "Uỷ",
                "uỷ",
                "Nhân",
                "Phường",
                "1",
                "và",
                "KẾ",
                "Ω",
                "K",
                "Nha\u{302}n",
                "U\u{309}y",
            ]
            .map(String::from),
        );
        let seps = [" ", " ", " ", ", ", " (", "\n", "-", "  "];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..1 + next(8) {
                t.push_str(&vocab[next(vocab.len())]);
                t.push_str(seps[next(seps.len())]);
            }
            let full = !misspelt_names(&t, &words(&t)).is_empty();
            assert_eq!(any_misspelt(&t), full, "{t:?}");
            found += usize::from(full);
        }
        // Both answers occur, so the comparison means something.
        assert!((50..19_950).contains(&found), "{found}");
    }

    #[test]
    fn a_heading_starts_with_a_capital() {
        let mut d = base();
        d.body[2].text = "kinh phí thực hiện".into();
        assert_eq!(
            fixes(&d, "nd30.case.heading_start"),
            [("body[2].text".into(), "Kinh phí thực hiện".into())]
        );
        d.body[2].text = "đảm bảo".into();
        assert_eq!(fixes(&d, "nd30.case.heading_start")[0].1, "Đảm bảo");
        // A paragraph may go on from the sentence before it.
        d.body[2].text = "KINH PHÍ THỰC HIỆN".into();
        d.body[2].children[0].text = "và các nguồn khác.".into();
        assert!(paths(&d, "nd30.case.heading_start").is_empty());
    }
}
