//! `word/numbering.xml`: the label Word shows before a paragraph with
//! automatic numbering ("I.", "1.2.", "a)", "-").
//!
//! Counters: `w:num` instances of one abstract list continue each other, as in
//! Word (a list pasted in two places keeps counting); an instance with a
//! `w:lvlOverride` is a list of its own that restarts (Word's "Restart
//! numbering" writes exactly that).

use super::styles::Styles;
use super::xml::{attr, child, child_num, val, w_name};
use roxmltree::Node;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Fmt {
    Decimal,
    DecimalZero,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Bullet,
    None,
}

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    fmt: Fmt,
    text: String,
    /// `w:lvlRestart` (one-based level after which this one restarts; 0 never).
    restart: Option<u8>,
    legal: bool,
    pstyle: Option<String>,
}

impl Level {
    fn read(l: Node) -> Self {
        let fmt = match child(l, "numFmt").and_then(val).unwrap_or("decimal") {
            "decimalZero" => Fmt::DecimalZero,
            "upperRoman" => Fmt::UpperRoman,
            "lowerRoman" => Fmt::LowerRoman,
            "upperLetter" => Fmt::UpperLetter,
            "lowerLetter" => Fmt::LowerLetter,
            "bullet" => Fmt::Bullet,
            "none" => Fmt::None,
            // Ordinals, counting words, Asian digits…: shown as digits.
            _ => Fmt::Decimal,
        };
        Level {
            start: child_num(l, "start").unwrap_or(if fmt == Fmt::Bullet { 1 } else { 0 }),
            fmt,
            text: child(l, "lvlText").and_then(val).unwrap_or("").to_string(),
            restart: child_num(l, "lvlRestart"),
            legal: child(l, "isLgl").is_some_and(super::xml::on_off),
            pstyle: child(l, "pStyle").and_then(val).map(str::to_string),
        }
    }
}

type Levels = [Option<Level>; 9];

fn read_levels(parent: Node, levels: &mut Levels) {
    for l in parent.children().filter(|c| w_name(*c) == Some("lvl")) {
        let i: usize = attr(l, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
        if i < 9 {
            levels[i] = Some(Level::read(l));
        }
    }
}

struct Num {
    abs: String,
    /// Levels as overridden by `w:lvlOverride` (start or whole level).
    levels: Levels,
    own_list: bool,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum ListKey {
    Abstract(String),
    Num(u32),
}

#[derive(Default)]
pub struct Numbering {
    nums: FxHashMap<u32, Num>,
    counters: FxHashMap<ListKey, [Option<u32>; 9]>,
}

impl Numbering {
    pub fn parse(doc: Option<&roxmltree::Document>, styles: &Styles) -> Self {
        let Some(root) = doc.map(|d| d.root_element()) else {
            return Self::default();
        };
        let mut abstracts: FxHashMap<&str, (Levels, Option<&str>)> = FxHashMap::default();
        for a in root
            .children()
            .filter(|c| w_name(*c) == Some("abstractNum"))
        {
            let mut levels: Levels = Default::default();
            read_levels(a, &mut levels);
            let link = child(a, "numStyleLink").and_then(val);
            abstracts.insert(attr(a, "abstractNumId").unwrap_or(""), (levels, link));
        }
        let num_abs: FxHashMap<u32, &str> = root
            .children()
            .filter(|c| w_name(*c) == Some("num"))
            .filter_map(|n| {
                Some((
                    attr(n, "numId")?.parse().ok()?,
                    child(n, "abstractNumId").and_then(val)?,
                ))
            })
            .collect();
        // An abstract list that only links to a numbering style takes the
        // levels of the list that style uses.
        let target = |id: &str| -> String {
            let link = abstracts.get(id).and_then(|(_, l)| *l);
            let linked = link
                .and_then(|s| styles.para(Some(s)).num_id)
                .and_then(|n| num_abs.get(&n).copied());
            linked.unwrap_or(id).to_string()
        };
        let mut nums = FxHashMap::default();
        for n in root.children().filter(|c| w_name(*c) == Some("num")) {
            let Some(id) = attr(n, "numId").and_then(|v| v.parse::<u32>().ok()) else {
                continue;
            };
            let abs = target(child(n, "abstractNumId").and_then(val).unwrap_or(""));
            let mut levels = abstracts
                .get(abs.as_str())
                .map(|a| a.0.clone())
                .unwrap_or_default();
            let own_list = override_levels(n, &mut levels);
            nums.insert(
                id,
                Num {
                    abs,
                    levels,
                    own_list,
                },
            );
        }
        Numbering {
            nums,
            counters: FxHashMap::default(),
        }
    }

    /// The level of list `num_id` tied to paragraph style `style` (`w:pStyle`
    /// in the level), for a style giving a list without a level.
    pub fn level_of_style(&self, num_id: u32, style: &str) -> Option<u8> {
        let num = self.nums.get(&num_id)?;
        let i = num.levels.iter().position(|l| {
            l.as_ref()
                .is_some_and(|l| l.pstyle.as_deref() == Some(style))
        })?;
        Some(i as u8)
    }

    /// Count one paragraph of list `num_id` at level `ilvl` and return its
    /// label; `None` for no list, an unknown one or a level showing nothing.
    pub fn label(&mut self, num_id: u32, ilvl: u8) -> Option<String> {
        let num = self.nums.get(&num_id)?;
        let i = usize::from(ilvl.min(8));
        let level = num.levels[i].as_ref()?;
        let key = if num.own_list {
            ListKey::Num(num_id)
        } else {
            ListKey::Abstract(num.abs.clone())
        };
        let counters = self.counters.entry(key).or_insert([None; 9]);
        let start = |k: usize| num.levels[k].as_ref().map_or(0, |l| l.start);
        counters[i] = Some(counters[i].map_or(start(i), |c| c.saturating_add(1)));
        for (m, c) in counters.iter_mut().enumerate().skip(i + 1) {
            let after = num.levels[m].as_ref().and_then(|l| l.restart);
            // Restart unless the level restarts only after a level below `i`.
            if after.is_none_or(|n| i < usize::from(n)) {
                *c = None;
            }
        }
        match level.fmt {
            Fmt::None => None,
            Fmt::Bullet => bullet(&level.text),
            _ => {
                let value = |k: usize| {
                    let fmt = num.levels[k].as_ref().map_or(Fmt::Decimal, |l| l.fmt);
                    let fmt = if level.legal { Fmt::Decimal } else { fmt };
                    format_number(counters[k].unwrap_or(start(k)), fmt)
                };
                let text = fill(&level.text, value);
                (!text.trim().is_empty()).then_some(text)
            }
        }
    }
}

/// Apply a `w:num`'s `w:lvlOverride`s; whether it has any.
fn override_levels(n: Node, levels: &mut Levels) -> bool {
    let mut any = false;
    for o in n.children().filter(|c| w_name(*c) == Some("lvlOverride")) {
        let i: usize = attr(o, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
        if i >= 9 {
            continue;
        }
        any = true;
        if child(o, "lvl").is_some() {
            let mut whole: Levels = Default::default();
            read_levels(o, &mut whole);
            if let Some(l) = whole.iter_mut().find_map(Option::take) {
                levels[i] = Some(l);
            }
        }
        if let (Some(start), Some(l)) = (child_num::<u32>(o, "startOverride"), &mut levels[i]) {
            l.start = start;
        }
    }
    any
}

/// `w:lvlText` with `%1`…`%9` replaced.
fn fill(template: &str, value: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('%', Some(d @ 1..=9)) => {
                chars.next();
                out.push_str(&value(d as usize - 1));
            }
            _ => out.push(c),
        }
    }
    out
}

/// A bullet as typed in plans: "-" for dashes, "+" for plus, "•" otherwise.
/// Symbol and Wingdings bullets are private-use chars (U+F0B7 is Symbol's
/// round bullet, U+F02D its hyphen).
fn bullet(text: &str) -> Option<String> {
    let c = text.trim().chars().next()?;
    let label = match c {
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' | '\u{F02D}' | '\u{F0BE}' => "-",
        '+' | '＋' | '\u{F02B}' => "+",
        _ => "•",
    };
    Some(label.to_string())
}

fn format_number(n: u32, fmt: Fmt) -> String {
    match fmt {
        Fmt::DecimalZero if n < 10 => format!("0{n}"),
        Fmt::UpperRoman => roman(n),
        Fmt::LowerRoman => crate::text::to_lower(&roman(n)),
        Fmt::UpperLetter => letters(n),
        Fmt::LowerLetter => crate::text::to_lower(&letters(n)),
        _ => n.to_string(),
    }
}

/// Word's Roman numerals: the model's (`model::numbering::roman`) within
/// 1–3999, the number in digits outside it.
fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    crate::model::numbering::roman(n as usize)
}

/// Word's letters: A…Z, then AA, BB…, AAA.
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_like_word() {
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(format_number(4, Fmt::LowerRoman), "iv");
        assert_eq!(letters(1), "A");
        assert_eq!(letters(27), "AA");
        assert_eq!(format_number(28, Fmt::LowerLetter), "bb");
        assert_eq!(format_number(7, Fmt::DecimalZero), "07");
        assert_eq!(format_number(12, Fmt::DecimalZero), "12");
        assert_eq!(fill("%1.%2.", |k| (k + 1).to_string()), "1.2.");
        assert_eq!(fill("100%", |_| "x".into()), "100%");
    }

    #[test]
    fn bullets_map_to_what_plans_type() {
        assert_eq!(bullet("\u{F02D}").as_deref(), Some("-"));
        assert_eq!(bullet("–").as_deref(), Some("-"));
        assert_eq!(bullet("+").as_deref(), Some("+"));
        assert_eq!(bullet("\u{F0B7}").as_deref(), Some("•"));
        assert_eq!(bullet("o").as_deref(), Some("•"));
        assert_eq!(bullet(""), None);
    }
}
