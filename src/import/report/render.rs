//! The report as text, whole in one language.

use super::{AppendixEntry, Report, Skipped};
use crate::import::source::{ReadNote, Unit};
use crate::Lang;

/// At most this many kept or skipped lines are listed one by one.
const LISTED: usize = 12;

impl Report {
    /// "đoạn 12" / "dòng 12" / "paragraph 12" / "line 12".
    pub fn place(&self, source: usize, lang: Lang) -> String {
        let word = match (self.unit, lang) {
            (Unit::Paragraph, Lang::Vi) => "đoạn",
            (Unit::Line, Lang::Vi) => "dòng",
            (Unit::Paragraph, Lang::En) => "paragraph",
            (Unit::Line, Lang::En) => "line",
        };
        format!("{word} {source}")
    }

    /// One line of summary: "Đã nhận ra 4 đề mục, 2 nhiệm vụ …".
    pub fn summary(&self, lang: Lang) -> String {
        let b = &self.body;
        let rows: usize = self.appendices.iter().map(|a| a.rows).sum();
        match lang {
            Lang::Vi => format!(
                "Đã nhận ra {} trường phần đầu, {} đề mục, {} nhiệm vụ, {} khối trách nhiệm, {} phụ lục ({} dòng), {} cơ quan; {} dòng giữ nguyên dạng đoạn văn.",
                self.header.len(), b.headings, b.tasks, b.duties, self.appendices.len(), rows, self.agencies, self.kept.len()
            ),
            Lang::En => format!(
                "Recognised {} header fields, {} headings, {} tasks, {} duty blocks, {} appendices ({} rows), {} agencies; {} lines kept as plain paragraphs.",
                self.header.len(), b.headings, b.tasks, b.duties, self.appendices.len(), rows, self.agencies, self.kept.len()
            ),
        }
    }

    /// The whole report, one statement per line.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = vec![self.summary(lang)];
        for h in &self.header {
            let how = match (h.inferred, lang) {
                (false, Lang::Vi) => "",
                (true, Lang::Vi) => " (suy ra từ phần mở đầu, hãy kiểm tra lại)",
                (false, Lang::En) => "",
                (true, Lang::En) => " (worked out from the opening, please check)",
            };
            out.push(format!(
                "- {}: «{}» ({}){how}",
                crate::text::capitalise(h.field.label(lang)),
                h.text.replace('\n', " / "),
                self.place(h.source, lang)
            ));
        }
        if !self.missing.is_empty() {
            let names: Vec<&str> = self.missing.iter().map(|m| m.label(lang)).collect();
            out.push(match lang {
                Lang::Vi => format!("- Không tìm thấy: {}.", names.join(", ")),
                Lang::En => format!("- Not found: {}.", names.join(", ")),
            });
        }
        out.push(self.body_line(lang));
        for (i, a) in self.appendices.iter().enumerate() {
            out.push(self.appendix_line(i, a, lang));
        }
        out.push(self.closing_line(lang));
        self.list_lines(&mut out, lang);
        for n in &self.notes {
            out.push(format!("- {}", note(n, lang)));
        }
        out.join("\n")
    }

    fn body_line(&self, lang: Lang) -> String {
        let b = &self.body;
        match lang {
            Lang::Vi => format!(
                "- Phần mở đầu: {} đoạn. Nội dung: {} đề mục, {} nhiệm vụ ({} dòng chủ trì, phối hợp, thời gian…), {} gạch đầu dòng, {} đoạn văn, {} khối trách nhiệm của cơ quan.",
                b.opening, b.headings, b.tasks, b.task_lines, b.items, b.paragraphs, b.duties
            ),
            Lang::En => format!(
                "- Opening: {} paragraphs. Body: {} headings, {} tasks ({} lead, partner, timeframe… lines), {} dash items, {} paragraphs, {} agency duty blocks.",
                b.opening, b.headings, b.tasks, b.task_lines, b.items, b.paragraphs, b.duties
            ),
        }
    }

    fn appendix_line(&self, i: usize, a: &AppendixEntry, lang: Lang) -> String {
        let cols: Vec<String> = a
            .columns
            .iter()
            .map(|c| {
                let unknown = match (c.known, lang) {
                    (true, _) => "",
                    (false, Lang::Vi) => ", tên cột lạ",
                    (false, Lang::En) => ", unfamiliar name",
                };
                format!("«{}» → {}{unknown}", c.title, c.kind.label(lang))
            })
            .collect();
        match lang {
            Lang::Vi => format!(
                "- Phụ lục thứ {} ({}): các cột {}; {} nhóm, {} dòng; bỏ {} dòng tiêu đề lặp lại.",
                i + 1, self.place(a.source, lang), cols.join("; "), a.groups, a.rows, a.header_rows_dropped
            ),
            Lang::En => format!(
                "- Appendix {} ({}): columns {}; {} groups, {} rows; {} repeated header rows removed.",
                i + 1, self.place(a.source, lang), cols.join("; "), a.groups, a.rows, a.header_rows_dropped
            ),
        }
    }

    fn closing_line(&self, lang: Lang) -> String {
        let (yes, no) = match lang {
            Lang::Vi => ("có", "không có"),
            Lang::En => ("found", "not found"),
        };
        let signer = if self.signer { yes } else { no };
        match lang {
            Lang::Vi => format!(
                "- Nơi nhận: {} dòng. Chữ ký: {} dòng chức danh, tên người ký: {signer}.",
                self.recipients, self.sign_lines
            ),
            Lang::En => format!(
                "- Recipients: {} lines. Signature: {} title lines, signer's name: {signer}.",
                self.recipients, self.sign_lines
            ),
        }
    }

    fn list_lines(&self, out: &mut Vec<String>, lang: Lang) {
        if !self.kept.is_empty() {
            out.push(
                lang.pick(
                    "- Giữ nguyên dạng đoạn văn (chưa nhận ra):",
                    "- Kept as plain paragraphs (not recognised):",
                )
                .to_string(),
            );
            for (s, t) in self.kept.iter().take(LISTED) {
                out.push(format!("    {}: «{}»", self.place(*s, lang), short(t)));
            }
            if self.kept.len() > LISTED {
                out.push(match lang {
                    Lang::Vi => format!("    … và {} dòng khác", self.kept.len() - LISTED),
                    Lang::En => format!("    … and {} more", self.kept.len() - LISTED),
                });
            }
        }
        if !self.skipped.is_empty() {
            let places: Vec<String> = self
                .skipped
                .iter()
                .map(|(s, t, why)| {
                    format!(
                        "{} «{}» ({})",
                        self.place(*s, lang),
                        short(t),
                        skipped(*why, lang)
                    )
                })
                .collect();
            out.push(match lang {
                Lang::Vi => format!("- Bỏ qua vì bản xuất tự in lại: {}.", places.join("; ")),
                Lang::En => format!(
                    "- Left out because the exports print them: {}.",
                    places.join("; ")
                ),
            });
        }
    }
}

fn skipped(why: Skipped, lang: Lang) -> &'static str {
    match why {
        Skipped::NationalLine => lang.pick("Quốc hiệu, tiêu ngữ", "national title or motto"),
        Skipped::Decoration => lang.pick("đường kẻ", "rule line"),
        Skipped::SignatureNote => lang.pick("ghi chú chữ ký", "signature note"),
    }
}

fn note(n: &ReadNote, lang: Lang) -> String {
    match (n, lang) {
        (ReadNote::TrackedChanges { inserted, deleted }, Lang::Vi) => format!("Tệp có theo dõi thay đổi: đã chấp nhận {inserted} chỗ chèn và bỏ {deleted} chỗ xóa."),
        (ReadNote::TrackedChanges { inserted, deleted }, Lang::En) => format!("The file had tracked changes: {inserted} insertions accepted, {deleted} deletions dropped."),
        (ReadNote::Comments(n), Lang::Vi) => format!("Bỏ qua {n} nhận xét (comment) trong tệp."),
        (ReadNote::Comments(n), Lang::En) => format!("{n} comments in the file were left out."),
        (ReadNote::Footnotes(n), Lang::Vi) => format!("Bỏ qua {n} chú thích cuối trang; hãy chép lại nội dung cần giữ."),
        (ReadNote::Footnotes(n), Lang::En) => format!("{n} footnotes were left out; copy what must be kept."),
        (ReadNote::LegacyFonts { runs, fonts }, Lang::Vi) => format!("Đã chuyển {runs} đoạn chữ gõ bằng bảng mã cũ ({}) sang Unicode; hãy đọc lại.", fonts.join(", ")),
        (ReadNote::LegacyFonts { runs, fonts }, Lang::En) => format!("{runs} runs typed in a legacy encoding ({}) were converted to Unicode; please read them again.", fonts.join(", ")),
        (ReadNote::ObjectsDropped { paras }, Lang::Vi) => format!("Bỏ qua hình ảnh, hộp chữ hoặc đối tượng khác ở {} chỗ (đoạn {}).", paras.len(), list(paras)),
        (ReadNote::ObjectsDropped { paras }, Lang::En) => format!("Pictures, text boxes or other objects left out at {} places (paragraphs {}).", paras.len(), list(paras)),
    }
}

fn list(v: &[usize]) -> String {
    v.iter()
        .take(LISTED)
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn short(t: &str) -> String {
    let mut s: String = t.chars().take(60).collect();
    if t.chars().count() > 60 {
        s.push('…');
    }
    s
}
