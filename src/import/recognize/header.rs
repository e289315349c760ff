//! The header: parent and issuing bodies, Quốc hiệu and Tiêu ngữ (recognised,
//! not copied), "Số: 347/KH-UBND", the place and date line, the type name and
//! the subject, laid out as a table or as paragraphs.

use super::zones::type_name_kind;
use super::{is_caps, lines_of, squash, Builder, Line, Piece};
use crate::import::report::{HeaderField, Skipped};
use crate::import::source::Unit;
use crate::model::{DocKind, PartialDate, Profile};
use crate::text::to_upper;

/// Read the lines before the type name. Returns the lines that are not part of
/// a header, to be kept as paragraphs at the top of the body.
pub fn read(b: &mut Builder, pieces: &[Piece]) -> Vec<Line> {
    let mut bodies: Vec<Line> = Vec::new();
    let mut kept = Vec::new();
    for line in lines_of(pieces) {
        let s = squash(&line.text);
        if s == squash("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            || s == squash("Độc lập - Tự do - Hạnh phúc")
        {
            b.report
                .skip(line.source, &line.text, Skipped::NationalLine);
        } else if s == squash("ĐẢNG CỘNG SẢN VIỆT NAM") {
            b.doc.profile = Profile::Party;
            b.report
                .skip(line.source, &line.text, Skipped::NationalLine);
        } else if s.is_empty() {
            b.report.skip(line.source, &line.text, Skipped::Decoration);
        } else if number_line(b, &line) || date_line(b, &line) {
            // Read into the header.
        } else if is_caps(&line.text) {
            bodies.push(line);
        } else {
            kept.push(line);
        }
    }
    bodies_from(b, join_split_bodies(bodies));
    kept
}

/// "ỦY BAN NHÂN DÂN" / "PHƯỜNG HỒNG AN" typed on two lines is one body.
fn join_split_bodies(lines: Vec<Line>) -> Vec<Line> {
    const PLACES: &[&str] = &[
        "PHƯỜNG",
        "XÃ",
        "THÀNH PHỐ",
        "TỈNH",
        "QUẬN",
        "HUYỆN",
        "THỊ XÃ",
        "THỊ TRẤN",
        "ĐẶC KHU",
    ];
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        let up = to_upper(line.text.trim());
        let continues = PLACES
            .iter()
            .any(|p| up.strip_prefix(p).is_some_and(|r| r.starts_with(' ')));
        match out.last_mut() {
            Some(prev) if continues && !ends_with_place(&prev.text) => {
                prev.text = format!("{} {}", prev.text.trim(), line.text.trim());
            }
            _ => out.push(line),
        }
    }
    out
}

/// "UBND THÀNH PHỐ HẢI PHÒNG" already names its place.
fn ends_with_place(text: &str) -> bool {
    let up = to_upper(text);
    [
        " PHƯỜNG ",
        " XÃ ",
        " THÀNH PHỐ ",
        " TỈNH ",
        " QUẬN ",
        " HUYỆN ",
    ]
    .iter()
    .any(|p| up.contains(p))
}

fn bodies_from(b: &mut Builder, bodies: Vec<Line>) {
    let n = bodies.len();
    for (i, line) in bodies.into_iter().enumerate() {
        let text = line.text.trim().to_string();
        if i + 1 == n {
            b.report.found(HeaderField::IssuingBody, line.source, &text);
            b.origin("header.issuing_body", line.source);
            b.doc.header.issuing_body = text;
        } else if i + 2 == n {
            b.report.found(HeaderField::ParentBody, line.source, &text);
            b.origin("header.parent_body", line.source);
            b.doc.header.parent_body = Some(text);
        } else {
            b.report.keep(line.source, &text);
        }
    }
}

/// "Số: 347/KH-UBND", "Số:     /KH-UBND", "Số 04-CTr/ĐU".
fn number_line(b: &mut Builder, line: &Line) -> bool {
    let t = line.text.trim();
    let Some(rest) = t.strip_prefix("Số").or_else(|| t.strip_prefix("SỐ")) else {
        return false;
    };
    let rest = rest.trim_start().trim_start_matches(':').trim();
    if !rest.contains(['/', '-']) || rest.split_whitespace().count() > 3 {
        return false;
    }
    let compact: String = rest.split_whitespace().collect();
    let digits_end = compact
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(compact.len());
    let (number, tail) = compact.split_at(digits_end);
    let (symbol, party) = match tail.chars().next() {
        Some('/') => (&tail[1..], false),
        Some('-') => (&tail[1..], true),
        _ => return false,
    };
    if symbol.is_empty() {
        return false;
    }
    if party {
        b.doc.profile = Profile::Party;
    }
    let h = &mut b.doc.header;
    h.number = (!number.is_empty()).then(|| number.to_string());
    h.symbol = symbol.to_string();
    let (code, body_code) = match symbol.split_once(['-', '/']) {
        Some((c, bc)) => (c, bc),
        None => (symbol, ""),
    };
    h.body_code = body_code.to_string();
    if let Some(kind) = DocKind::from_code(code) {
        b.doc.kind = kind;
    }
    b.report.found(HeaderField::Number, line.source, t);
    b.origin("header.symbol", line.source);
    b.origin("header.number", line.source);
    true
}

/// "Hồng An, ngày 26 tháng 12 năm 2025" (day and month may be blank).
fn date_line(b: &mut Builder, line: &Line) -> bool {
    let t = line.text.trim();
    let Some(at) = t.find("ngày") else {
        return false;
    };
    let (place, rest) = t.split_at(at);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let num_after = |w: &str| {
        words
            .iter()
            .position(|x| *x == w)
            .and_then(|i| words.get(i + 1))
            .and_then(|n| n.trim_end_matches('.').parse::<u32>().ok())
    };
    let Some(year) = num_after("năm").filter(|y| (1900..=2200).contains(y)) else {
        return false;
    };
    if !words.contains(&"tháng") {
        return false;
    }
    let small = |n: Option<u32>, max: u32| n.filter(|v| (1..=max).contains(v)).map(|v| v as u8);
    let h = &mut b.doc.header;
    h.place = place.trim().trim_end_matches(',').trim().to_string();
    h.date = PartialDate {
        year: year as i32,
        month: small(num_after("tháng"), 12),
        day: small(num_after("ngày"), 31),
    };
    b.report.found(HeaderField::PlaceDate, line.source, t);
    b.origin("header.date", line.source);
    b.origin("header.place", line.source);
    true
}

/// The type name line: the kind (when the symbol did not give it) and the
/// title when it differs from the kind's name.
pub fn title(b: &mut Builder, line: &Line) {
    let Some(kind) = type_name_kind(&line.text) else {
        return;
    };
    if b.doc.header.symbol.is_empty() || DocKind::from_code(symbol_code(b)).is_none() {
        b.doc.kind = kind;
    }
    let text = line.text.trim().to_string();
    if squash(&b.doc.kind.title_vi()) != squash(&text) {
        b.doc.header.title = Some(text.clone());
    }
    b.report.found(HeaderField::TypeName, line.source, &text);
    b.origin("header.title", line.source);
}

fn symbol_code(b: &Builder) -> &str {
    let s = b.doc.header.symbol.as_str();
    s.split(['-', '/']).next().unwrap_or(s)
}

/// The subject after the type name: the bold lines that follow it, or else the
/// first paragraph with the lines that continue it. Returns where the body starts.
pub fn subject(b: &mut Builder, pieces: &[Piece], from: usize, unit: Unit) -> usize {
    let mut lines: Vec<&Line> = Vec::new();
    let mut i = from;
    while let Some(Piece::Line(l)) = pieces.get(i) {
        if squash(&l.text).is_empty() {
            b.report.skip(
                l.source,
                &l.text,
                crate::import::report::Skipped::Decoration,
            );
            i += 1;
            continue;
        }
        let take = match lines.first() {
            None => !super::body::is_labelled(&l.text),
            Some(first) if first.bold => l.bold && !super::body::is_labelled(&l.text),
            Some(_) => super::body::continues(&lines[lines.len() - 1].text, &l.text),
        };
        if !take {
            break;
        }
        lines.push(l);
        i += 1;
    }
    if lines.is_empty() {
        return i;
    }
    let sep = match unit {
        Unit::Paragraph => "\n",
        Unit::Line => " ",
    };
    let text = lines
        .iter()
        .map(|l| l.text.trim())
        .collect::<Vec<_>>()
        .join(sep);
    b.report.found(HeaderField::Subject, lines[0].source, &text);
    b.origin("header.subject", lines[0].source);
    b.doc.header.subject = text;
    i
}

/// When the header gave no issuing body, the opening often names it: "…, Ủy
/// ban nhân dân phường Hồng An ban hành Kế hoạch …".
pub fn infer_issuing_body(b: &mut Builder) {
    if !b.doc.header.issuing_body.trim().is_empty() {
        return;
    }
    let Some((source, name)) = b.doc.opening.iter().enumerate().rev().find_map(|(i, p)| {
        let at = p.find(" ban hành")?;
        let clause = p[..at].rsplit([',', ';']).next()?.trim();
        let source = b.source_of_opening(i);
        (clause.split_whitespace().count() <= 10 && super::is_body_name(clause))
            .then(|| (source, clause.to_string()))
    }) else {
        b.report.missing(HeaderField::IssuingBody);
        return;
    };
    b.doc.header.issuing_body = to_upper(&name);
    b.report.inferred(
        HeaderField::IssuingBody,
        source,
        &b.doc.header.issuing_body.clone(),
    );
}
