//! What the header says of the plan itself, held against the rest of it:
//! the year or period named in the subject, the title and the opening's
//! "ban hành Kế hoạch … năm 2026" against the plan's period or date
//! (`plan.year.subject`), and the place of the date line against the issuing
//! body (`nd30.place.issuing_body`). Both warn without a fix: which of the
//! two is right is the author's to say.

use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::{Document, ToneStyle};
use crate::text::{to_lower, to_tone_style};

pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "plan.year.subject",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Năm, giai đoạn ghi ở trích yếu khớp với thời kỳ, ngày của kế hoạch",
            title_en: "The year or period in the subject agrees with the plan's period and date",
            check: year_subject,
        },
        Rule {
            id: "nd30.place.issuing_body",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Địa danh ở dòng ngày tháng là nơi cơ quan ban hành đóng trụ sở",
            title_en: "The place in the date line is where the issuing body sits",
            check: place_issuing_body,
        },
    ]
}

/// A year or a span of years the plan says of itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Year(i32),
    Range(i32, i32),
}

fn four_digits(s: &str) -> Option<i32> {
    let d = s.get(..4)?;
    let next = s[4..].chars().next();
    (d.bytes().all(|b| b.is_ascii_digit()) && !next.is_some_and(char::is_alphanumeric))
        .then(|| d.parse().ok())?
}

/// "2026 - 2030", "2026–2030", "2026-2030" at the start of `s`.
fn range_at(s: &str) -> Option<(i32, i32)> {
    let a = four_digits(s)?;
    let rest = s[4..].trim_start();
    let rest = rest.strip_prefix(['-', '–', '—'])?.trim_start();
    let rest = rest.strip_prefix("năm ").unwrap_or(rest);
    Some((a, four_digits(rest)?))
}

/// The years a text says of the plan: "năm 2026", "giai đoạn 2026 - 2030".
/// Left out: dates ("ngày 26 tháng 12 năm 2025"), a cited document's year
/// ("57-NQ/TW năm 2024"), targets ("đến năm 2030", "tầm nhìn đến năm 2045")
/// and Party terms ("nhiệm kỳ 2025 - 2030"), which belong to what is cited.
fn said_years(text: &str) -> Vec<Said> {
    let t = to_lower(text);
    let mut out = Vec::new();
    for (i, _) in t.match_indices("giai đoạn ") {
        if let Some((a, b)) = range_at(&t[i + "giai đoạn ".len()..]) {
            out.push(Said::Range(a, b));
        }
    }
    for (i, _) in t.match_indices("năm ") {
        let before = t[..i].trim_end();
        let prev = before.rsplit(' ').next().unwrap_or("");
        let cited = prev.contains('/') || prev.chars().any(|c| c.is_ascii_digit());
        let skip = cited
            || before.ends_with("đến")
            || before.ends_with("giai đoạn")
            || before.ends_with('-')
            || before.ends_with('–')
            || t[floor_boundary(&t, i.saturating_sub(24))..i].contains("tháng");
        let rest = &t[i + "năm ".len()..];
        if skip || range_at(rest).is_some() {
            if let (false, Some((a, b))) = (skip, range_at(rest)) {
                out.push(Said::Range(a, b));
            }
            continue;
        }
        if let Some(y) = four_digits(rest) {
            out.push(Said::Year(y));
        }
    }
    out
}

/// The nearest char boundary at or before `i`.
fn floor_boundary(t: &str, i: usize) -> usize {
    (0..=i).rev().find(|&k| t.is_char_boundary(k)).unwrap_or(0)
}

/// The part of an opening paragraph that names this plan: after "ban hành Kế
/// hoạch" or "xây dựng Kế hoạch" (the citations before it are other documents'),
/// or else the last clause of the sentence that ends "như sau:" ("…, Ủy ban
/// nhân dân phường triển khai thực hiện năm 2026 như sau:") when it cites nothing.
fn own_part(p: &str) -> Option<&str> {
    let lower = to_lower(p);
    [
        "ban hành kế hoạch",
        "xây dựng kế hoạch",
        "ban hành chương trình",
    ]
    .iter()
    .find_map(|k| lower.find(k).and_then(|i| p.get(i..)))
    .or_else(|| {
        let t = p.trim_end();
        to_lower(t).ends_with("như sau:").then_some(())?;
        let clause = &t[t.rfind(", ").map_or(0, |i| i + 2)..];
        (!clause.contains("số ")).then_some(clause)
    })
}

fn year_subject(doc: &Document, _: &Context, s: &mut Sink) {
    let mut texts: Vec<(String, &str)> = vec![("header.subject".into(), &doc.header.subject)];
    if let Some(t) = &doc.header.title {
        texts.push(("header.title".into(), t));
    }
    for (i, p) in doc.opening.iter().enumerate() {
        if let Some(own) = own_part(p) {
            texts.push((format!("opening[{i}]"), own));
        }
    }
    let date_year = doc.header.date.year;
    for (path, text) in texts {
        for said in said_years(text) {
            let (agrees, shown) = match (said, doc.period) {
                (Said::Year(y), Some(p)) => (p.from <= y && y <= p.to, format!("năm {y}")),
                (Said::Range(a, b), Some(p)) => {
                    ((a, b) == (p.from, p.to), format!("giai đoạn {a} - {b}"))
                }
                (Said::Year(y), None) => (
                    date_year == 0 || (date_year..=date_year + 1).contains(&y),
                    format!("năm {y}"),
                ),
                (Said::Range(a, b), None) => (
                    date_year == 0 || (a <= date_year + 1 && b >= date_year),
                    format!("giai đoạn {a} - {b}"),
                ),
            };
            if agrees {
                continue;
            }
            let (against_vi, against_en) = match doc.period {
                Some(p) => (
                    format!("thời kỳ của kế hoạch ({} - {})", p.from, p.to),
                    format!("the plan's period ({} - {})", p.from, p.to),
                ),
                None => (
                    format!("năm ban hành kế hoạch ({date_year})"),
                    format!("the year the plan is issued ({date_year})"),
                ),
            };
            s.report(
                path.clone(),
                format!("Ghi “{shown}” nhưng {against_vi} khác; kiểm tra lại năm."),
                format!("It says “{shown}”, which disagrees with {against_en}; check the year."),
            );
            break;
        }
    }
}

/// The province-level units since 1 July 2025 (Nghị quyết 202/2025/QH15):
/// the place of a ward or commune's date line may be its province's name.
const PROVINCES: [&str; 34] = [
    "hà nội",
    "huế",
    "lai châu",
    "điện biên",
    "sơn la",
    "lạng sơn",
    "quảng ninh",
    "thanh hóa",
    "nghệ an",
    "hà tĩnh",
    "cao bằng",
    "tuyên quang",
    "lào cai",
    "thái nguyên",
    "phú thọ",
    "bắc ninh",
    "hưng yên",
    "hải phòng",
    "ninh bình",
    "quảng trị",
    "đà nẵng",
    "quảng ngãi",
    "gia lai",
    "khánh hòa",
    "lâm đồng",
    "đắk lắk",
    "hồ chí minh",
    "đồng nai",
    "tây ninh",
    "cần thơ",
    "vĩnh long",
    "đồng tháp",
    "cà mau",
    "an giang",
];

/// A name compared without case, tone-mark placement or "TP."/"Thành phố".
fn fold(s: &str) -> String {
    let t = to_tone_style(&to_lower(s.trim()), ToneStyle::Classic);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in ["thành phố ", "tp. ", "tp "] {
        if let Some(r) = t.strip_prefix(p) {
            return r.to_string();
        }
    }
    t
}

/// The unit a body's name ends with: "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN" → ("phường", "lê chân").
fn unit(body: &str) -> Option<(&'static str, String)> {
    let b = fold(body);
    let kinds = [
        "thị trấn",
        "thị xã",
        "đặc khu",
        "phường",
        "xã",
        "thành phố",
        "tỉnh",
        "quận",
        "huyện",
    ];
    kinds
        .iter()
        .filter_map(|k| {
            let needle = format!("{k} ");
            b.rfind(&needle)
                .map(|i| (i, *k, b[i + needle.len()..].to_string()))
        })
        .max_by_key(|(i, _, _)| *i)
        .map(|(_, k, name)| (k, name))
        .filter(|(_, name)| !name.is_empty())
}

fn place_issuing_body(doc: &Document, _: &Context, s: &mut Sink) {
    let place = fold(&doc.header.place);
    let Some((kind, name)) = unit(&doc.header.issuing_body) else {
        return;
    };
    if place.is_empty() || place == name {
        return;
    }
    let local = matches!(kind, "phường" | "xã" | "thị trấn" | "đặc khu");
    let province = doc
        .header
        .parent_body
        .as_deref()
        .and_then(unit)
        .map(|u| u.1);
    let fits = match (&province, local) {
        (_, false) => false,
        (Some(p), true) => *p == place,
        // No parent named: any province's name may be the right one.
        (None, true) => PROVINCES.contains(&place.as_str()),
    };
    if fits {
        return;
    }
    let written = doc.header.place.trim();
    let also_vi = match (&province, local) {
        (Some(p), true) => format!(" hoặc tên tỉnh, thành phố ({})", title(p)),
        (None, true) => " hoặc tên tỉnh, thành phố".to_string(),
        _ => String::new(),
    };
    let also_en = match (&province, local) {
        (Some(p), true) => format!(" or its province or city ({})", title(p)),
        (None, true) => " or its province or city".to_string(),
        _ => String::new(),
    };
    let unit_name = title(&name);
    s.report(
        "header.place",
        format!("Địa danh “{written}” ở dòng ngày tháng không khớp với cơ quan ban hành ({kind} {unit_name}): theo Nghị định 30, ghi tên {kind} nơi cơ quan đóng trụ sở ({unit_name}){also_vi}."),
        format!("The place “{written}” in the date line does not match the issuing body ({kind} {unit_name}): under Decree 30 it is the name of the {kind} where the body sits ({unit_name}){also_en}."),
    );
}

/// "lê chân" → "Lê Chân".
fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| crate::text::to_upper(f.encode_utf8(&mut [0; 4])) + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
