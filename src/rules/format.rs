//! Format rules of Nghị định 30/2020/NĐ-CP (nd30.*) and, for the Party profile,
//! Hướng dẫn 36-HD/VPTW (hd36.*): parts, number and symbol, dates, signature,
//! recipients, body labels and the closing "./.".

use super::dates::date_mentions;
use super::fields::{field_facts, for_each_field_where};
use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::numbering::{is_numbered, node_path, parse_roman, VI_LETTERS};
use crate::model::{month_vi, Document, Node, Profile, SignPrefix};
use crate::text::to_upper;

pub fn rules() -> Vec<Rule> {
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
            title_vi: "Ngày ban hành có thật",
            title_en: "Issue date exists",
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

fn blank(s: &str) -> bool {
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

fn signature_kt(doc: &Document, _: &Context, s: &mut Sink) {
    let lines = &doc.signature.lines;
    for (i, l) in lines.iter().enumerate() {
        if l.prefix != Some(SignPrefix::Kt) {
            continue;
        }
        if to_upper(l.text.trim()).starts_with("PHÓ ") {
            s.report(
                format!("signature.lines[{i}]"),
                format!("Sau KT. ghi chức danh người đứng đầu (ví dụ \"KT. CHỦ TỊCH\"), không ghi \"{}\".", l.text),
                format!("After KT. comes the head's title (e.g. \"KT. CHỦ TỊCH\"), not \"{}\".", l.text),
            );
            continue;
        }
        match lines.get(i + 1) {
            Some(next) if to_upper(next.text.trim()).starts_with("PHÓ ") => {}
            Some(next) => s.report(
                format!("signature.lines[{}]", i + 1),
                format!(
                    "Dưới dòng KT. phải là chức danh cấp phó (\"PHÓ …\"), không phải \"{}\".",
                    next.text
                ),
                format!(
                    "The line under KT. must be the deputy's title (\"PHÓ …\"), not \"{}\".",
                    next.text
                ),
            ),
            None => s.report(
                format!("signature.lines[{i}]"),
                "Sau dòng KT. thiếu chức danh cấp phó (\"PHÓ …\").",
                "The deputy's title (\"PHÓ …\") is missing under the KT. line.",
            ),
        }
    }
}

fn is_peoples_committee(text: &str) -> bool {
    let up = to_upper(text);
    up.contains("ỦY BAN NHÂN DÂN") || up.contains("UỶ BAN NHÂN DÂN")
}

fn signature_committee(doc: &Document, _: &Context, s: &mut Sink) {
    if !is_peoples_committee(&doc.header.issuing_body) {
        return;
    }
    let Some(first) = doc.signature.lines.first() else {
        return;
    };
    let text = first.text.trim();
    let vi = "Ủy ban nhân dân làm việc tập thể: dòng đầu của phần ký là \"TM. ỦY BAN NHÂN DÂN\".";
    let en = "A People's Committee works collectively: the first signature line is \"TM. ỦY BAN NHÂN DÂN\".";
    if first.prefix != Some(SignPrefix::Tm) {
        s.report("signature.lines[0]", vi, en);
    } else if !is_peoples_committee(text) {
        s.report_fix("signature.lines[0].text", vi, en, "ỦY BAN NHÂN DÂN");
    }
}

fn signature_name(doc: &Document, _: &Context, s: &mut Sink) {
    if blank(&doc.signature.name) {
        s.report(
            "signature.name",
            "Thiếu họ và tên người ký.",
            "The signer's name is missing.",
        );
    }
}

fn party_signature_prefix(doc: &Document, _: &Context, s: &mut Sink) {
    for (i, l) in doc.signature.lines.iter().enumerate() {
        // Named as the editor shows it and the export prints it.
        let word = match l.prefix {
            Some(p @ (SignPrefix::Q | SignPrefix::Tl | SignPrefix::Tuq)) => p.label(Profile::Party),
            _ => continue,
        };
        s.report(
            format!("signature.lines[{i}]"),
            format!(
                "Văn bản của Đảng thường ký T/M hoặc K/T; \"{word}\" ít dùng, hãy kiểm tra lại."
            ),
            format!("Party documents sign T/M or K/T; \"{word}\" is unusual, please check."),
        );
    }
}

/// An item or archive as it should be stored: no "- " before, no ";" "." "," after.
fn bare_recipient(s: &str) -> &str {
    let t = s.trim();
    let t = t.trim_start_matches(['-', '+', '–', '•', '*']).trim_start();
    t.trim_end_matches([';', '.', ',', ':']).trim_end()
}

fn recipients_punctuation(doc: &Document, _: &Context, s: &mut Sink) {
    for (i, item) in doc.recipients.items.iter().enumerate() {
        let bare = bare_recipient(item);
        if bare != item && !bare.is_empty() {
            s.report_fix(
                format!("recipients.items[{i}]"),
                format!("Nơi nhận \"{item}\": không gõ \"- \" ở đầu và dấu \";\" ở cuối, bản in tự thêm."),
                format!("Recipient \"{item}\": leave out the leading \"- \" and the final \";\"; the export adds them."),
                bare,
            );
        }
    }
    if let Some(a) = &doc.recipients.archive {
        let t = bare_recipient(a);
        let bare = t
            .strip_prefix("Lưu:")
            .or_else(|| t.strip_prefix("Lưu"))
            .map(str::trim_start)
            .unwrap_or(t);
        if bare != a && !bare.is_empty() {
            s.report_fix(
                "recipients.archive",
                format!("Dòng lưu \"{a}\": chỉ ghi nơi lưu (ví dụ \"VT, VHXH\"), bản in tự thêm \"- Lưu:\" và dấu chấm."),
                format!("Archive \"{a}\": write only where it is kept (e.g. \"VT, VHXH\"); the export adds \"- Lưu:\" and the full stop."),
                bare,
            );
        }
    }
}

fn recipients_archive(doc: &Document, _: &Context, s: &mut Sink) {
    let archive = doc
        .recipients
        .archive
        .as_deref()
        .map(str::trim)
        .unwrap_or("");
    if archive.is_empty() {
        s.report(
            "recipients.archive",
            "Thiếu dòng \"Lưu:\" ở nơi nhận (ví dụ \"Lưu: VT, VHXH\").",
            "The archive line \"Lưu:\" is missing from the recipients (e.g. \"Lưu: VT, VHXH\").",
        );
        return;
    }
    if doc.profile != Profile::State {
        return;
    }
    let archive = bare_recipient(archive);
    let archive = archive
        .strip_prefix("Lưu:")
        .map(str::trim)
        .unwrap_or(archive);
    let unit = archive
        .strip_prefix("VT")
        .map(|r| r.trim_start_matches([',', ' ']).trim());
    match unit {
        Some(u) if !u.is_empty() && archive[2..].starts_with([',', ' ']) => {}
        Some(_) => s.report(
            "recipients.archive",
            format!("Dòng lưu \"{archive}\" cần ghi thêm mã đơn vị soạn thảo sau VT (ví dụ \"VT, VHXH\")."),
            format!("The archive \"{archive}\" should name the drafting unit after VT (e.g. \"VT, VHXH\")."),
        ),
        None => s.report(
            "recipients.archive",
            format!("Dòng lưu bắt đầu bằng VT (văn thư), rồi mã đơn vị soạn thảo: \"VT, VHXH\"; đang ghi \"{archive}\"."),
            format!("The archive starts with VT (records office), then the drafting unit: \"VT, VHXH\"; found \"{archive}\"."),
        ),
    }
}

/// Edit distance between two short strings, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// A unit code after "VT," that is one typo away from a directory short name
/// ("VHXXH" for "VHXH", seed 002). Codes far from every short name (a drafting
/// officer's initials, "P.T.Nguyệt") are left alone.
fn recipients_archive_unit(doc: &Document, _: &Context, s: &mut Sink) {
    let Some(archive) = doc.recipients.archive.as_deref() else {
        return;
    };
    let shorts: Vec<&str> = doc
        .agencies
        .iter()
        .filter_map(|a| a.short_name.as_deref())
        .collect();
    for code in bare_recipient(archive)
        .split(',')
        .skip(1)
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        if shorts.contains(&code) {
            continue;
        }
        let near = shorts.iter().find(|sn| {
            let d = edit_distance(code, sn);
            d > 0 && d <= if sn.chars().count() <= 5 { 1 } else { 2 }
        });
        if let Some(sn) = near {
            s.report(
                "recipients.archive",
                format!("Mã đơn vị \"{code}\" ở dòng Lưu không có trong danh mục; có phải \"{sn}\"?"),
                format!("The unit code \"{code}\" in the archive line is not in the directory; did you mean \"{sn}\"?"),
            );
        }
    }
}

/// Byte length of a hand-typed label at the start of `text` ("1. ", "a) ", "II. ",
/// "- ", "1.2. "), including the spaces after it.
pub fn typed_label(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    let after_label = |end: usize| -> Option<usize> {
        let rest = &text[end..];
        let ws = rest.len() - rest.trim_start().len();
        (ws > 0 && !rest.trim_start().is_empty()).then_some(end + ws)
    };
    if matches!(first, '-' | '+' | '–' | '•' | '*') {
        return after_label(first.len_utf8());
    }
    // Roman: "II. ", "IV- "
    let roman = text.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    if roman > 0
        && parse_roman(&text[..roman]).is_some()
        && text[roman..].starts_with(['.', '-', ')'])
    {
        return after_label(roman + 1);
    }
    // Arabic: "1. ", "2) ", "3- ", "1.2. ", "1.2 "
    let mut i = 0;
    let mut groups = 0;
    loop {
        let n = text[i..].bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 2 {
            break;
        }
        groups += 1;
        i += n;
        if text[i..].starts_with('.') && text[i + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        if text[i..].starts_with(['.', ')', '-']) {
            return after_label(i + 1);
        }
        if groups > 1 {
            return after_label(i);
        }
        break;
    }
    // Letters: "a) ", "đ. ", "A. "
    let letter_len = first.len_utf8();
    let is_letter = VI_LETTERS
        .iter()
        .any(|l| l.starts_with(first) && l.len() == letter_len)
        || first.is_ascii_uppercase();
    if is_letter && text[letter_len..].starts_with([')', '.']) {
        return after_label(letter_len + 1);
    }
    None
}

fn body_typed_label(doc: &Document, _: &Context, s: &mut Sink) {
    crate::model::numbering::visit(
        &doc.body,
        &doc.settings.numbering,
        &mut |node, path, label| {
            if label.is_empty() {
                return;
            }
            let Some(len) = typed_label(&node.text) else {
                return;
            };
            let typed = node.text[..len].trim_end();
            s.report_fix(
            format!("{}.text", node_path(path)),
            format!("Nội dung bắt đầu bằng \"{typed}\" gõ tay; số thứ tự \"{label}\" được đánh tự động nên sẽ in hai lần."),
            format!("The text starts with a hand-typed \"{typed}\"; the label \"{label}\" is numbered automatically and would print twice."),
            &node.text[len..],
        );
        },
    );
}

fn body_numbering_depth(doc: &Document, _: &Context, s: &mut Sink) {
    let levels = doc.settings.numbering.len();
    fn go(nodes: &[Node], depth: usize, levels: usize, path: &mut Vec<usize>, s: &mut Sink) {
        for (i, n) in nodes.iter().enumerate() {
            path.push(i);
            let numbered = is_numbered(n.kind);
            if numbered && depth + 1 > levels {
                s.report(
                    node_path(path),
                    format!("Mục này ở cấp đánh số thứ {}, nhưng cài đặt chỉ có {levels} cấp (settings.numbering).", depth + 1),
                    format!("This node is at numbered level {}, but the settings define only {levels} (settings.numbering).", depth + 1),
                );
            }
            go(&n.children, depth + usize::from(numbered), levels, path, s);
            path.pop();
        }
    }
    go(&doc.body, 0, levels, &mut Vec::new(), s);
}

/// Path and text of the last node with text, in reading order.
fn last_text(nodes: &[Node], path: &mut Vec<usize>) -> Option<(Vec<usize>, String)> {
    for (i, n) in nodes.iter().enumerate().rev() {
        path.push(i);
        if let Some(found) = last_text(&n.children, path) {
            return Some(found);
        }
        if !blank(&n.text) {
            return Some((path.clone(), n.text.clone()));
        }
        path.pop();
    }
    None
}

fn body_ending(doc: &Document, _: &Context, s: &mut Sink) {
    let Some((path, text)) = last_text(&doc.body, &mut Vec::new()) else {
        return;
    };
    let t = text.trim_end();
    if t.ends_with("./.") {
        return;
    }
    let stem = t.trim_end_matches(['.', '/', ';', ',', ' ']);
    s.report_fix(
        format!("{}.text", node_path(&path)),
        "Nội dung văn bản phải kết thúc bằng dấu \"./.\".",
        "The content must end with \"./.\".",
        format!("{stem}./."),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::model::{PartialDate, SignLine};

    #[test]
    fn base_plan_is_clean() {
        assert_quiet(&base(), "nd30.");
    }

    #[test]
    fn required_parts() {
        let mut d = base();
        d.header.issuing_body = " ".into();
        d.header.subject.clear();
        d.recipients.items.clear();
        d.signature.lines.clear();
        d.body.clear();
        assert_eq!(
            paths(&d, "nd30.parts.required"),
            [
                "header.issuing_body",
                "header.subject",
                "body",
                "signature.lines",
                "recipients.items"
            ]
        );
    }

    #[test]
    fn number_rules() {
        let mut d = base();
        d.header.number = Some("5".into());
        assert_eq!(
            fixes(&d, "nd30.number.leading_zero"),
            [("header.number".into(), "05".into())]
        );
        assert!(paths(&d, "nd30.number.digits").is_empty());
        d.header.number = Some("5a".into());
        assert_eq!(paths(&d, "nd30.number.digits"), ["header.number"]);
        assert!(paths(&d, "nd30.number.leading_zero").is_empty());
        d.header.number = Some("05".into());
        assert!(paths(&d, "nd30.number.leading_zero").is_empty());
        d.header.number = None;
        let f = findings(&d, "nd30.number.draft");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(paths(&d, "nd30.number.digits").is_empty());
    }

    #[test]
    fn symbol_rules() {
        let mut d = base();
        d.header.symbol = "QĐ-UBND".into();
        assert_eq!(
            fixes(&d, "nd30.symbol.type_code"),
            [("header.symbol".into(), "KH-UBND".into())]
        );
        d.header.symbol = "KH-UBX".into();
        assert!(paths(&d, "nd30.symbol.type_code").is_empty());
        assert_eq!(paths(&d, "nd30.symbol.body_code"), ["header.symbol"]);
        d.kind = crate::model::DocKind::OfficialLetter;
        d.header.symbol = "UBND-VX".into();
        assert_quiet(&d, "nd30.symbol.");
        let mut p = party();
        assert_quiet(&p, "nd30.symbol.");
        p.header.symbol = "CTr-ĐU".into();
        assert_eq!(paths(&p, "nd30.symbol.type_code"), ["header.symbol"]);
    }

    #[test]
    fn text_dates_take_decree_30_zeros() {
        let mut d = base();
        d.opening[0] = "Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022; Nghị định ngày 5/6/2023 và ngày 15 tháng 08 năm 2024.".into();
        let f = fixes(&d, "nd30.date.leading_zero");
        assert_eq!(f, [("opening[0]".into(), "Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022; Nghị định ngày 05/6/2023 và ngày 15 tháng 8 năm 2024.".into())]);
        d.opening[0] = "ngày 09/02/2025, ngày 1/1/2026, ngày 12/08/2025".into();
        assert_eq!(
            fixes(&d, "nd30.date.leading_zero")[0].1,
            "ngày 09/02/2025, ngày 01/01/2026, ngày 12/8/2025"
        );
        d.opening[0] = "ngày 05 tháng 01 năm 2026, ngày 26/12/2025".into();
        assert!(paths(&d, "nd30.date.leading_zero").is_empty());
    }

    #[test]
    fn header_date_rules() {
        let mut d = base();
        d.header.date = PartialDate::ymd(2026, 2, 31);
        assert_eq!(paths(&d, "nd30.date.exists"), ["header.date"]);
        d.header.date = PartialDate::year_only(2026);
        assert_eq!(paths(&d, "nd30.date.complete"), ["header.date"]);
        d.header.number = None;
        assert!(paths(&d, "nd30.date.complete").is_empty());
        d.header.number = Some("15".into());
        d.header.date = PartialDate::ymd(2026, 6, 2);
        assert_eq!(paths(&d, "nd30.date.future"), ["header.date"]);
        d.header.number = None;
        assert!(paths(&d, "nd30.date.future").is_empty());
    }

    #[test]
    fn signature_rules() {
        let mut d = base();
        d.signature.lines.insert(
            1,
            SignLine {
                prefix: Some(SignPrefix::Kt),
                text: "CHỦ TỊCH".into(),
            },
        );
        d.signature.lines[2].text = "PHÓ CHỦ TỊCH".into();
        assert_quiet(&d, "nd30.signature.");
        d.signature.lines[2].text = "CHỦ TỊCH".into();
        assert_eq!(paths(&d, "nd30.signature.kt"), ["signature.lines[2]"]);
        d.signature.lines.truncate(2);
        assert_eq!(paths(&d, "nd30.signature.kt"), ["signature.lines[1]"]);
        d.signature.lines[0].text = "HỘI ĐỒNG NHÂN DÂN".into();
        assert_eq!(
            fixes(&d, "nd30.signature.committee"),
            [("signature.lines[0].text".into(), "ỦY BAN NHÂN DÂN".into())]
        );
        d.signature.lines[0].prefix = None;
        assert_eq!(
            paths(&d, "nd30.signature.committee"),
            ["signature.lines[0]"]
        );
        d.signature.name = "".into();
        assert_eq!(paths(&d, "nd30.signature.name"), ["signature.name"]);
        let mut p = party();
        assert!(paths(&p, "hd36.signature.prefix").is_empty());
        p.signature.lines[0].prefix = Some(SignPrefix::Tl);
        assert_eq!(paths(&p, "hd36.signature.prefix"), ["signature.lines[0]"]);
        assert!(paths(&p, "nd30.signature.committee").is_empty());
    }

    #[test]
    fn recipients_rules() {
        let mut d = base();
        d.recipients.items[1] = "- Sở Nội vụ;".into();
        d.recipients.archive = Some("Lưu: VT, VHXH.".into());
        assert_eq!(
            fixes(&d, "nd30.recipients.punctuation"),
            [
                ("recipients.items[1]".into(), "Sở Nội vụ".into()),
                ("recipients.archive".into(), "VT, VHXH".into())
            ]
        );
        assert!(paths(&d, "nd30.recipients.archive").is_empty());
        d.recipients.archive = Some("VT".into());
        assert_eq!(paths(&d, "nd30.recipients.archive"), ["recipients.archive"]);
        d.recipients.archive = Some("VHXH".into());
        assert_eq!(paths(&d, "nd30.recipients.archive"), ["recipients.archive"]);
        d.recipients.archive = None;
        assert_eq!(paths(&d, "nd30.recipients.archive"), ["recipients.archive"]);
        let mut d = base();
        d.recipients.archive = Some("VT, VHXXH".into());
        assert_eq!(
            paths(&d, "nd30.recipients.archive_unit"),
            ["recipients.archive"]
        );
        d.recipients.archive = Some("VT, P.T.Nguyệt".into());
        assert!(paths(&d, "nd30.recipients.archive_unit").is_empty());
        assert_eq!(edit_distance("VHXXH", "VHXH"), 1);
        let mut p = party();
        p.recipients.archive = Some("VPĐU".into());
        assert!(paths(&p, "nd30.recipients.archive").is_empty());
    }

    #[test]
    fn typed_labels() {
        for (t, rest) in [
            ("1. Mục đích", "Mục đích"),
            ("a) Nội dung", "Nội dung"),
            ("II. NỘI DUNG", "NỘI DUNG"),
            ("- Việc", "Việc"),
            ("đ) Việc", "Việc"),
            ("1.2. Việc", "Việc"),
            ("I- Việc", "Việc"),
            ("A. MỤC ĐÍCH", "MỤC ĐÍCH"),
        ] {
            assert_eq!(typed_label(t).map(|n| &t[n..]), Some(rest), "{t}");
        }
        for t in [
            "2025 - 2030 là giai đoạn",
            "Mục đích",
            "Ủy ban nhân dân",
            "(Có Phụ lục I)",
            "15/8/2025 khai mạc",
            "Việc",
        ] {
            assert_eq!(typed_label(t), None, "{t}");
        }
        let mut d = base();
        d.body[0].children[0].text = "1. Mục đích".into();
        assert_eq!(
            fixes(&d, "nd30.body.typed_label"),
            [("body[0].children[0].text".into(), "Mục đích".into())]
        );
        d.body[2].children[0].text = "- Kinh phí".into();
        assert_eq!(
            paths(&d, "nd30.body.typed_label").len(),
            1,
            "paragraphs print no label"
        );
    }

    #[test]
    fn numbering_depth() {
        let mut d = base();
        d.settings.numbering.truncate(1);
        assert_eq!(
            paths(&d, "nd30.body.numbering_depth"),
            [
                "body[0].children[0]",
                "body[1].children[0]",
                "body[1].children[1]",
                "body[3].children[0]"
            ]
        );
    }

    #[test]
    fn ending() {
        let mut d = base();
        let last = d.body.len() - 1;
        d.body[last].text = "Trên đây là Kế hoạch.".into();
        assert_eq!(
            fixes(&d, "nd30.body.ending"),
            [(
                format!("body[{last}].text"),
                "Trên đây là Kế hoạch./.".into()
            )]
        );
        assert!(paths(&party(), "nd30.body.ending").is_empty());
    }
}
