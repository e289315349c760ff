//! Format rules of Nghị định 30/2020/NĐ-CP (nd30.*) and, for the Party profile,
//! Hướng dẫn 36-HD/VPTW (hd36.*): parts, number and symbol, dates, signature,
//! recipients, body labels and the closing "./.".

use super::dates::date_mentions;
use super::fields::{field_facts, for_each_field_where};
use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::{month_vi, Document};

mod body;
mod closing;

pub use body::typed_label;
use body::*;
use closing::*;

/// The family's rules, grouped by what they look at.
pub fn rules() -> Vec<Rule> {
    [
        part_and_number_rules(),
        date_rules(),
        signature_rules(),
        recipient_rules(),
        body_rules(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The required parts, the number and the symbol.
fn part_and_number_rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "nd30.parts.required",
            severity: Error,
            applies: Both,
            title_vi: "Có đủ các thành phần bắt buộc",
            title_en: "Required parts are present",
            check: parts_required,
        },
        Rule {
            id: "nd30.number.digits",
            severity: Error,
            applies: Both,
            title_vi: "Số văn bản chỉ gồm chữ số",
            title_en: "Document number is digits only",
            check: number_digits,
        },
        Rule {
            id: "nd30.number.leading_zero",
            severity: Error,
            applies: Both,
            title_vi: "Số dưới 10 có số 0 ở đầu",
            title_en: "Numbers below 10 take a leading zero",
            check: number_leading_zero,
        },
        Rule {
            id: "nd30.number.draft",
            severity: Info,
            applies: Both,
            title_vi: "Dự thảo chưa có số",
            title_en: "Draft without a number",
            check: number_draft,
        },
        Rule {
            id: "nd30.symbol.type_code",
            severity: Error,
            applies: Both,
            title_vi: "Ký hiệu đúng mã loại văn bản",
            title_en: "Symbol carries the document type code",
            check: symbol_type_code,
        },
        Rule {
            id: "nd30.symbol.body_code",
            severity: Error,
            applies: Both,
            title_vi: "Ký hiệu đúng mã cơ quan ban hành",
            title_en: "Symbol carries the issuing body code",
            check: symbol_body_code,
        },
    ]
}

/// The issue date.
fn date_rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "nd30.date.leading_zero",
            severity: Warning,
            applies: Both,
            title_vi: "Ngày dưới 10, tháng 1 và 2 có số 0 ở đầu",
            title_en: "Leading zero for days below 10 and months 1 and 2",
            check: date_leading_zero,
        },
        Rule {
            id: "nd30.date.exists",
            severity: Error,
            applies: Both,
            title_vi: "Ngày ban hành và ngày tháng ghi trong nội dung có thật",
            title_en: "The issue date and the dates written in the text exist",
            check: date_exists,
        },
        Rule {
            id: "nd30.date.complete",
            severity: Error,
            applies: Both,
            title_vi: "Văn bản đã có số ghi đủ ngày tháng năm",
            title_en: "A numbered document has a complete date",
            check: date_complete,
        },
        Rule {
            id: "nd30.date.future",
            severity: Error,
            applies: Both,
            title_vi: "Văn bản đã có số không đề ngày tương lai",
            title_en: "A numbered document is not dated in the future",
            check: date_future,
        },
    ]
}

/// The signature block.
fn signature_rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "nd30.signature.kt",
            severity: Error,
            applies: Both,
            title_vi: "KT. đi kèm chức danh cấp phó",
            title_en: "KT. is followed by a deputy title",
            check: signature_kt,
        },
        Rule {
            id: "nd30.signature.committee",
            severity: Error,
            applies: StateOnly,
            title_vi: "Ủy ban nhân dân ký TM. ỦY BAN NHÂN DÂN",
            title_en: "A People's Committee signs TM. ỦY BAN NHÂN DÂN",
            check: signature_committee,
        },
        Rule {
            id: "nd30.signature.name",
            severity: Error,
            applies: Both,
            title_vi: "Có họ tên người ký",
            title_en: "Signer's name is present",
            check: signature_name,
        },
        Rule {
            id: "hd36.signature.prefix",
            severity: Warning,
            applies: PartyOnly,
            title_vi: "Văn bản Đảng ít dùng Q., T/L, T/UQ",
            title_en: "Q., T/L, T/UQ are unusual in Party documents",
            check: party_signature_prefix,
        },
    ]
}

/// Nơi nhận and the archive line.
fn recipient_rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "nd30.recipients.punctuation",
            severity: Warning,
            applies: Both,
            title_vi: "Nơi nhận không tự gõ gạch đầu dòng và dấu cuối",
            title_en: "Recipients carry no typed dash or end mark",
            check: recipients_punctuation,
        },
        Rule {
            id: "nd30.recipients.archive",
            severity: Warning,
            applies: Both,
            title_vi: "Có dòng Lưu: VT, mã đơn vị soạn thảo",
            title_en: "Archive line \"Lưu: VT, <unit>\" is present",
            check: recipients_archive,
        },
        Rule {
            id: "nd30.recipients.archive_unit",
            severity: Info,
            applies: StateOnly,
            title_vi: "Mã đơn vị ở dòng Lưu khớp tên viết tắt trong danh mục",
            title_en: "The archive's unit code matches a directory short name",
            check: recipients_archive_unit,
        },
    ]
}

/// The body's labels, numbering depth and closing mark.
fn body_rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "nd30.body.typed_label",
            severity: Warning,
            applies: Both,
            title_vi: "Không gõ tay số thứ tự, chữ cái, gạch đầu dòng",
            title_en: "No hand-typed numbers, letters or dashes",
            check: body_typed_label,
        },
        Rule {
            id: "nd30.body.numbering_depth",
            severity: Warning,
            applies: Both,
            title_vi: "Số cấp đánh số không vượt cài đặt",
            title_en: "Numbered depth fits the numbering settings",
            check: body_numbering_depth,
        },
        Rule {
            id: "nd30.body.ending",
            severity: Error,
            applies: StateOnly,
            title_vi: "Nội dung kết thúc bằng ./.",
            title_en: "Content ends with ./.",
            check: body_ending,
        },
    ]
}

pub(super) fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn parts_required(doc: &Document, _: &Context, s: &mut Sink) {
    let h = &doc.header;
    if blank(&h.issuing_body) {
        s.report(
            "header.issuing_body",
            "Thiếu tên cơ quan ban hành.",
            "The issuing body is missing.",
        );
    }
    if h.title.as_deref().is_some_and(blank) {
        s.report(
            "header.title",
            "Thiếu tên loại văn bản.",
            "The document type name is empty.",
        );
    }
    if blank(&h.subject) {
        s.report(
            "header.subject",
            "Thiếu trích yếu nội dung.",
            "The subject line is missing.",
        );
    }
    if doc.body.is_empty() {
        s.report(
            "body",
            "Văn bản chưa có nội dung.",
            "The document has no content.",
        );
    }
    if doc.signature.lines.is_empty() {
        s.report(
            "signature.lines",
            "Thiếu thẩm quyền, chức vụ người ký.",
            "The signature block has no authority or title line.",
        );
    }
    if doc.recipients.items.iter().all(|r| blank(r)) {
        s.report(
            "recipients.items",
            "Thiếu nơi nhận.",
            "No recipients are listed.",
        );
    }
}

/// The number without surrounding spaces, when one is given.
fn number(doc: &Document) -> Option<&str> {
    doc.header.number.as_deref().filter(|n| !blank(n))
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn number_digits(doc: &Document, _: &Context, s: &mut Sink) {
    let Some(n) = number(doc) else { return };
    let t = n.trim();
    if !all_digits(t) {
        s.report(
            "header.number",
            format!("Số văn bản \"{n}\" chỉ được gồm chữ số (ký hiệu ghi riêng)."),
            format!("The document number \"{n}\" must be digits only (the symbol is separate)."),
        );
    } else if t.bytes().all(|b| b == b'0') {
        s.report(
            "header.number",
            "Số văn bản phải lớn hơn 0.",
            "The document number must be greater than 0.",
        );
    } else if t != n {
        s.report_fix(
            "header.number",
            "Số văn bản có khoảng trắng thừa.",
            "The document number has stray spaces.",
            t,
        );
    }
}

/// "5" → "05", "015" → "15": two digits below 10, no leading zero from 10.
fn canonical_number(n: &str) -> Option<String> {
    let v: u64 = n.parse().ok()?;
    Some(format!("{v:02}"))
}

fn number_leading_zero(doc: &Document, _: &Context, s: &mut Sink) {
    let Some(n) = number(doc).map(str::trim).filter(|n| all_digits(n)) else {
        return;
    };
    match canonical_number(n) {
        Some(want) if want != n && want != "00" => s.report_fix(
            "header.number",
            format!("Số văn bản ghi \"{want}\", không ghi \"{n}\" (số dưới 10 có số 0 ở đầu)."),
            format!("Write the number as \"{want}\", not \"{n}\" (numbers below 10 take a leading zero)."),
            want,
        ),
        _ => {}
    }
}

fn number_draft(doc: &Document, _: &Context, s: &mut Sink) {
    if doc.is_draft() {
        s.report(
            "header.number",
            "Dự thảo: chưa có số văn bản (sẽ ghi khi đăng ký phát hành).",
            "Draft: no document number yet (filled in at registration).",
        );
    }
}

/// Type code and body code of a symbol: "KH-UBND" (state), "CTr/ĐU" (Party).
fn split_symbol(doc: &Document) -> Option<(&str, &str, char)> {
    let sep = doc.profile.symbol_sep();
    let (code, body) = doc.header.symbol.split_once(sep)?;
    Some((code, body, sep))
}

fn symbol_type_code(doc: &Document, _: &Context, s: &mut Sink) {
    let Some(want) = doc.kind.code() else { return };
    let sym = &doc.header.symbol;
    let example = doc.kind.symbol(doc.profile, &doc.header.body_code);
    match split_symbol(doc) {
        None => s.report(
            "header.symbol",
            format!("Ký hiệu \"{sym}\" không đúng dạng mã loại văn bản và mã cơ quan, ví dụ \"{example}\"."),
            format!("The symbol \"{sym}\" is not of the form type code and body code, e.g. \"{example}\"."),
        ),
        Some((code, body, sep)) if code != want => s.report_fix(
            "header.symbol",
            format!("{} dùng mã \"{want}\", ký hiệu đang ghi \"{code}\".", doc.kind.name_vi()),
            format!("A {} uses the type code \"{want}\"; the symbol has \"{code}\".", doc.kind.name_vi()),
            format!("{want}{sep}{body}"),
        ),
        Some(_) if sym.contains(char::is_whitespace) => s.report_fix(
            "header.symbol",
            format!("Ký hiệu \"{sym}\" không có dấu cách."),
            format!("The symbol \"{sym}\" contains no spaces."),
            sym.split_whitespace().collect::<String>(),
        ),
        Some(_) => {}
    }
}

fn symbol_body_code(doc: &Document, _: &Context, s: &mut Sink) {
    let want = doc.header.body_code.trim();
    // A Công văn has no type code: its symbol is the body code, then the drafting unit ("UBND-VX").
    let body = match split_symbol(doc) {
        Some((code, _, _)) if doc.kind.code().is_none() => code,
        Some((_, body, _)) => body,
        None if doc.kind.code().is_none() => doc.header.symbol.as_str(),
        None => return,
    };
    if blank(want) {
        s.report(
            "header.body_code",
            "Thiếu mã cơ quan ban hành (ví dụ UBND).",
            "The issuing body code is missing (e.g. UBND).",
        );
    } else if body.trim() != want {
        s.report(
            "header.symbol",
            format!("Mã cơ quan trong ký hiệu là \"{body}\", khác mã cơ quan ban hành \"{want}\"."),
            format!(
                "The body code in the symbol is \"{body}\", not the issuing body code \"{want}\"."
            ),
        );
    }
}

fn date_leading_zero(doc: &Document, _: &Context, s: &mut Sink) {
    let fields = field_facts(doc, s);
    for_each_field_where(doc, fields, |f| f.dates, &mut |path, text, _| {
        let mut fixed = String::with_capacity(text.len());
        let mut last = 0;
        let mut wrong = Vec::new();
        for m in date_mentions(text) {
            let (d, mo) = (m.day_value(text), m.month_value(text));
            if !(1..=31).contains(&d) || !(1..=12).contains(&mo) {
                continue;
            }
            let want_d = format!("{d:02}");
            let want_m = month_vi(mo as u8);
            let (typed_d, typed_m) = (&text[m.day.0..m.day.1], &text[m.month.0..m.month.1]);
            if typed_d == want_d && typed_m == want_m {
                continue;
            }
            wrong.push((
                text[m.start..m.end].to_string(),
                format!(
                    "{}{want_d}{}{want_m}{}",
                    &text[m.start..m.day.0],
                    &text[m.day.1..m.month.0],
                    &text[m.month.1..m.end]
                ),
            ));
            fixed.push_str(&text[last..m.day.0]);
            fixed.push_str(&want_d);
            fixed.push_str(&text[m.day.1..m.month.0]);
            fixed.push_str(&want_m);
            last = m.month.1;
        }
        if wrong.is_empty() {
            return;
        }
        fixed.push_str(&text[last..]);
        let list_vi = wrong
            .iter()
            .map(|(a, b)| format!("\"{a}\" → \"{b}\""))
            .collect::<Vec<_>>()
            .join("; ");
        s.report_fix(
            path(),
            format!("Ghi ngày tháng theo Nghị định 30 (ngày dưới 10, tháng 1, 2 có số 0 ở đầu; các tháng khác không): {list_vi}."),
            format!("Write dates per Decree 30 (leading zero for days below 10 and months 1 and 2 only): {list_vi}."),
            fixed,
        );
    });
}

fn date_exists(doc: &Document, _: &Context, s: &mut Sink) {
    let d = &doc.header.date;
    if !d.exists() {
        s.report(
            "header.date",
            format!("Ngày ban hành {} không có thật.", d.short_vi()),
            format!("The issue date {d} does not exist."),
        );
    }
    text_dates_exist(doc, s);
}

/// A date written in running text ("trước ngày 31/6/2026", "ngày 30/02") that
/// no calendar has; a cited document's date is `cite.date_exists`'s to report.
fn text_dates_exist(doc: &Document, s: &mut Sink) {
    let cited = super::citations::shared_citations(doc, s);
    let fields = field_facts(doc, s);
    for_each_field_where(doc, fields, |f| f.dates, &mut |path, text, _| {
        let wrong: Vec<&str> = date_mentions(text)
            .into_iter()
            .filter(|m| {
                let (d, mo) = (m.day_value(text), m.month_value(text));
                // Without a year, 29/02 may be right.
                let last = crate::model::days_in_month(m.year.unwrap_or(2024), mo as u8);
                d == 0 || d > u32::from(last)
            })
            .map(|m| (m.start, m.end))
            .filter(|span| {
                let here = path();
                !cited
                    .iter()
                    .any(|c| c.path == here && c.date.is_some() && c.date_span == Some(*span))
            })
            .map(|(a, b)| &text[a..b])
            .collect();
        if !wrong.is_empty() {
            let list = wrong.join("”, “");
            s.report(
                path(),
                format!("Ngày tháng “{list}” không có thật."),
                format!("The date “{list}” does not exist."),
            );
        }
    });
}

fn date_complete(doc: &Document, _: &Context, s: &mut Sink) {
    if !doc.is_draft() && !doc.header.date.is_complete() {
        s.report(
            "header.date",
            "Văn bản đã có số phải ghi đủ ngày, tháng, năm ban hành.",
            "A numbered document must carry its full date (day, month and year).",
        );
    }
}

fn date_future(doc: &Document, ctx: &Context, s: &mut Sink) {
    let d = &doc.header.date;
    if !doc.is_draft() && d.ordinal() > ctx.today.ordinal() {
        s.report(
            "header.date",
            format!(
                "Ngày ban hành {} ở tương lai (hôm nay {}).",
                d.short_vi(),
                ctx.today.short_vi()
            ),
            format!(
                "The issue date {d} is in the future (today is {}).",
                ctx.today
            ),
        );
    }
}

#[cfg(test)]
mod tests;
