//! Format rules of the closing: the signature block (TM./KT., the committee's
//! full name, the signer's name, Party prefixes) and Nơi nhận (punctuation,
//! the archive line and its unit).

use super::super::{Context, Sink};
use super::blank;
use crate::model::{Document, Profile, SignPrefix};
use crate::text::to_upper;

pub(super) fn signature_kt(doc: &Document, _: &Context, s: &mut Sink) {
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

pub(super) fn is_peoples_committee(text: &str) -> bool {
    let up = to_upper(text);
    up.contains("ỦY BAN NHÂN DÂN") || up.contains("UỶ BAN NHÂN DÂN")
}

pub(super) fn signature_committee(doc: &Document, _: &Context, s: &mut Sink) {
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

pub(super) fn signature_name(doc: &Document, _: &Context, s: &mut Sink) {
    if blank(&doc.signature.name) {
        s.report(
            "signature.name",
            "Thiếu họ và tên người ký.",
            "The signer's name is missing.",
        );
    }
}

pub(super) fn party_signature_prefix(doc: &Document, _: &Context, s: &mut Sink) {
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
pub(super) fn bare_recipient(s: &str) -> &str {
    let t = s.trim();
    let t = t.trim_start_matches(['-', '+', '–', '•', '*']).trim_start();
    t.trim_end_matches([';', '.', ',', ':']).trim_end()
}

pub(super) fn recipients_punctuation(doc: &Document, _: &Context, s: &mut Sink) {
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

pub(super) fn recipients_archive(doc: &Document, _: &Context, s: &mut Sink) {
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
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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
pub(super) fn recipients_archive_unit(doc: &Document, _: &Context, s: &mut Sink) {
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
