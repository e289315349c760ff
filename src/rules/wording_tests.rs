//! Every message of every rule names places in words: run over the seed
//! fixtures, the built-in templates and a broken document for each rule, no
//! message shows a JSON path, a field name of the model or a rule id.

use super::testing::{base, ctx, parent_347, party};
use super::{catalogue, check_with, Finding};
use crate::model::{
    Appendix, Cell, CitedDoc, Document, NodeKind, NumberStyle, PartialDate, ReportDeadline,
    ReportPeriod, SignPrefix, Timeframe,
};

/// A document and what is broken in it.
type Broken = (&'static str, Document);

fn with(f: impl FnOnce(&mut Document)) -> Document {
    let mut d = base();
    f(&mut d);
    d
}

fn task_of(d: &mut Document) -> &mut crate::model::Task {
    d.body[1].children[0]
        .task
        .as_mut()
        .expect("the sample's first task")
}

fn cell(d: &mut Document, row: usize, col: usize) -> &mut Cell {
    &mut d.appendices[0].groups[0].rows[row].cells[col]
}

fn second_appendix(d: &mut Document, number: &str) {
    let mut a: Appendix = d.appendices[0].clone();
    a.number = number.into();
    d.appendices.push(a);
    d.body[1].children[1].children[0].text = "(Có Phụ lục I và II chi tiết kèm theo)".into();
}

/// Documents in which the header or the opening is broken: number, symbol,
/// subject and date.
fn broken_header() -> Vec<Broken> {
    vec![
        (
            "number letters",
            with(|d| d.header.number = Some("15a".into())),
        ),
        ("number zero", with(|d| d.header.number = Some("5".into()))),
        (
            "number spaces",
            with(|d| d.header.number = Some(" 15 ".into())),
        ),
        ("draft", with(|d| d.header.number = None)),
        ("no subject", with(|d| d.header.subject.clear())),
        ("symbol type", with(|d| d.header.symbol = "QĐ-UBND".into())),
        ("symbol body", with(|d| d.header.symbol = "KH-HĐND".into())),
        (
            "date zero",
            with(|d| d.opening[0] = d.opening[0].replace("26/12/2025", "5/6/2025")),
        ),
        (
            "date 31/2",
            with(|d| d.header.date = PartialDate::ymd(2026, 2, 31)),
        ),
        (
            "date partial",
            with(|d| {
                d.header.date = PartialDate {
                    year: 2026,
                    month: None,
                    day: None,
                }
            }),
        ),
        (
            "date future",
            with(|d| d.header.date = PartialDate::ymd(2027, 1, 15)),
        ),
    ]
}

/// Documents in which the closing is broken: signature, Nơi nhận, the
/// body's labels and ending.
fn broken_closing() -> Vec<Broken> {
    vec![
        (
            "committee text",
            with(|d| d.signature.lines[0].text = "ỦY BAN".into()),
        ),
        (
            "kt",
            with(|d| {
                d.signature.lines[1].prefix = Some(SignPrefix::Kt);
                d.signature.lines[1].text = "PHÓ CHỦ TỊCH".into();
            }),
        ),
        ("committee", with(|d| d.signature.lines[0].prefix = None)),
        ("no signer", with(|d| d.signature.name.clear())),
        ("party prefix", {
            let mut d = party();
            d.signature.lines[0].prefix = Some(SignPrefix::Tl);
            d
        }),
        (
            "recipient dash",
            with(|d| d.recipients.items[0] = "- UBND thành phố;".into()),
        ),
        ("no archive", with(|d| d.recipients.archive = None)),
        (
            "archive unit",
            with(|d| d.recipients.archive = Some("VT, VHX".into())),
        ),
        (
            "body ending",
            with(|d| {
                let last = d.body.last_mut().unwrap();
                last.text = last.text.replace("./.", ".");
            }),
        ),
        (
            "depth",
            with(|d| d.settings.numbering = vec![NumberStyle::UpperRoman]),
        ),
        (
            "typed label",
            with(|d| d.body[0].text = "I. MỤC ĐÍCH, YÊU CẦU".into()),
        ),
    ]
}

/// Documents in which citations and report deadlines are broken.
fn broken_citations() -> Vec<Broken> {
    vec![
        (
            "cite conflict",
            with(|d| {
                d.opening[0] = d.opening[0].replace("26/12/2025", "20/12/2025");
            }),
        ),
        (
            "cite after",
            with(|d| {
                d.opening.push(
                    "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 20/3/2026 của Hội đồng nhân dân phường;"
                        .into(),
                );
            }),
        ),
        (
            "cite 31/6",
            with(|d| {
                d.opening.push(
                    "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 31/6/2025 của Hội đồng nhân dân phường;"
                        .into(),
                );
            }),
        ),
        (
            "cite kind",
            with(|d| {
                d.opening.push(
                    "Căn cứ Nghị quyết số 12/KH-UBND ngày 20/6/2025 của Hội đồng nhân dân phường;"
                        .into(),
                );
            }),
        ),
        (
            "cite parent",
            with(|d| {
                let mut p = parent_347();
                p.citations.push(CitedDoc {
                    reference: "12/NQ-HĐND".into(),
                    date: PartialDate::ymd(2025, 6, 20),
                });
                d.parent = Some(p);
                d.opening.push(
                    "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 21/6/2025 của Hội đồng nhân dân phường;"
                        .into(),
                );
            }),
        ),
        (
            "deadline parent",
            with(|d| {
                let mut p = parent_347();
                p.report_deadlines.push(ReportDeadline {
                    period: ReportPeriod::SixMonth,
                    day: 10,
                    month: 6,
                });
                d.parent = Some(p);
                d.report_deadlines.push(ReportDeadline {
                    period: ReportPeriod::SixMonth,
                    day: 15,
                    month: 6,
                });
            }),
        ),
        (
            "deadline 31/6",
            with(|d| {
                d.report_deadlines.push(ReportDeadline {
                    period: ReportPeriod::Annual,
                    day: 31,
                    month: 6,
                });
            }),
        ),
    ]
}

/// Documents in which tasks and appendices are broken.
fn broken_tasks() -> Vec<Broken> {
    vec![
        ("no lead", with(|d| task_of(d).lead.clear())),
        (
            "two leads",
            with(|d| task_of(d).lead.push("cong_an_phuong".into())),
        ),
        (
            "lead partner",
            with(|d| {
                let lead = task_of(d).lead[0].clone();
                task_of(d).partners.push(lead);
            }),
        ),
        (
            "twice",
            with(|d| {
                let p = task_of(d).partners[0].clone();
                task_of(d).partners.push(p);
            }),
        ),
        (
            "unknown",
            with(|d| task_of(d).partners.push("cong_an_cu".into())),
        ),
        (
            "unused",
            with(|d| {
                let mut a = d.agencies[0].clone();
                a.id = "ban_chi_huy_quan_su".into();
                a.name = "Ban Chỉ huy quân sự".into();
                d.agencies.push(a);
            }),
        ),
        (
            "timeframe text",
            with(|d| task_of(d).timeframe = Some(Timeframe::Text("khi nào xong".into()))),
        ),
        (
            "timeframe invalid",
            with(|d| {
                task_of(d).timeframe = Some(Timeframe::Quarter {
                    quarter: 5,
                    year: 2026,
                })
            }),
        ),
        (
            "timeframe period",
            with(|d| {
                *cell(d, 1, 4) = Cell {
                    timeframe: Some(Timeframe::Year(2035)),
                    ..Cell::default()
                }
            }),
        ),
    ]
}

/// Documents in which appendix tables are broken.
fn broken_tables() -> Vec<Broken> {
    vec![
        ("index cell", with(|d| cell(d, 0, 0).text = "1".into())),
        (
            "row cells",
            with(|d| {
                d.appendices[0].groups[0].rows[2].cells.pop();
            }),
        ),
        (
            "row number",
            with(|d| {
                d.appendices[0].columns[0].kind = crate::model::ColumnKind::Text;
                cell(d, 0, 0).text = "1".into();
                cell(d, 1, 0).text = "3".into();
                cell(d, 2, 0).text = "3".into();
            }),
        ),
        (
            "unreferenced",
            with(|d| d.body[1].children[1].children[0].text = "Các nhiệm vụ như sau.".into()),
        ),
        (
            "reference missing",
            with(|d| {
                d.body[1].children[1].children[0].text = "(Có Phụ lục III chi tiết kèm theo)".into()
            }),
        ),
        (
            "roman",
            with(|d| {
                d.appendices[0].number = "1".into();
                second_appendix(d, "2");
            }),
        ),
        (
            "order",
            with(|d| {
                d.appendices[0].number = "II".into();
                second_appendix(d, "I");
            }),
        ),
    ]
}

/// Documents in which the text itself is broken.
fn broken_text() -> Vec<Broken> {
    vec![
        (
            "nfc",
            with(|d| d.header.subject = "Ke\u{302}\u{301} hoạch thực hiện".into()),
        ),
        ("eth", with(|d| d.body[0].text = "MỤC ÐÍCH, YÊU CẦU".into())),
        (
            "legacy",
            with(|d| {
                d.body[3].children[0].children[0].text =
                    "Theo dâi, tæng hîp, b¸o c¸o kÕt qu¶ thùc hiÖn KÕ ho¹ch.".into()
            }),
        ),
        (
            "no diacritics",
            with(|d| d.header.subject = "Trien khai thuc hien ke hoach cua thanh pho".into()),
        ),
        (
            "spacing",
            with(|d| d.header.subject = d.header.subject.replace(" ngày", "  ngày")),
        ),
        (
            "tone",
            with(|d| d.body[2].children[0].text = "Kinh phí hoà hợp và hòa giải ở cơ sở.".into()),
        ),
        (
            "invisible",
            with(|d| d.header.subject.insert(0, '\u{202E}')),
        ),
    ]
}

/// Documents with the defects of the newer rule classes (issue 19's held-out set).
fn broken_wording() -> Vec<Broken> {
    vec![
        (
            "points",
            with(|d| {
                d.body[0].children[0].children[0].text = "a) Một;\nb) Hai;\nc) Ba;\ne) Năm.".into()
            }),
        ),
        (
            "year",
            with(|d| d.header.subject = "Triển khai công tác chuyển đổi số năm 2025".into()),
        ),
        (
            "place",
            with(|d| {
                d.header.issuing_body = "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN".into();
                d.header.place = "Hồng An".into();
            }),
        ),
        (
            "bare citation",
            with(|d| {
                d.opening
                    .push("Căn cứ Nghị quyết số 57 về phát triển khoa học, công nghệ;".into())
            }),
        ),
        (
            "first citation",
            with(|d| {
                d.opening[0] = "Thực hiện Nghị quyết số 41/NQ-HĐND của Hội đồng nhân dân phường (Nghị quyết số 41/NQ-HĐND ngày 23/12/2025) như sau:".into()
            }),
        ),
        (
            "fixed name",
            with(|d| {
                d.opening[0] =
                    d.opening[0].replace("Ủy ban nhân dân phường", "Ủy Ban Nhân Dân phường")
            }),
        ),
        (
            "heading start",
            with(|d| d.body[2].text = "kinh phí thực hiện".into()),
        ),
        (
            "timeframe",
            with(|d| task_of(d).timeframe = Some(Timeframe::Text("Đang cập nhật".into()))),
        ),
    ]
}

/// A broken document for every rule of the catalogue.
pub(crate) fn broken_documents() -> Vec<Broken> {
    let mut all = broken_header();
    all.extend(broken_closing());
    all.extend(broken_wording());
    all.extend(broken_citations());
    all.extend(broken_tasks());
    all.extend(broken_tables());
    all.extend(broken_text());
    for (_, d) in &mut all {
        let _ = NodeKind::Task;
        let _ = d;
    }
    all
}

/// The seed fixtures and the built-in templates, filled with their examples.
fn shipped_documents() -> Vec<(String, Document)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        out.push((
            f.display().to_string(),
            crate::model::json::from_json(&text).unwrap(),
        ));
    }
    for t in crate::templates::builtin() {
        let facts = crate::templates::Facts::examples(&t);
        let doc = crate::templates::instantiate(&t, &facts).unwrap();
        out.push((t.id.clone(), doc));
    }
    out
}

/// What in a message looks like a JSON path, a model field or a rule id.
pub(crate) fn machine_words(message: &str) -> Vec<String> {
    let unquoted = strip_quotes(message);
    let mut found = Vec::new();
    for word in unquoted.split(|c: char| c.is_whitespace() || "(),;:“”\"«»".contains(c)) {
        let w = word.trim_end_matches(['.', ',']);
        let path_like = w.contains('[') && w.contains(']') && w.chars().any(|c| c.is_ascii_digit());
        let dotted = [
            "header.",
            "task.",
            "settings.",
            "body.",
            "opening.",
            "appendices.",
            "recipients.",
            "signature.",
        ]
        .iter()
        .any(|p| w.contains(p))
            || w.ends_with(".text")
            || w.contains(".text.");
        let snake = w.contains('_')
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.' || c.is_ascii_digit());
        let rule_id = catalogue().iter().any(|r| w.contains(r.id));
        if path_like || dotted || snake || rule_id {
            found.push(w.to_string());
        }
    }
    found
}

/// The message without what it quotes from the document (“…”, "…").
fn strip_quotes(message: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut straight = false;
    for c in message.chars() {
        match c {
            '“' | '«' => depth += 1,
            '”' | '»' => depth = depth.saturating_sub(1),
            '"' => straight = !straight,
            _ if depth == 0 && !straight => out.push(c),
            _ => {}
        }
    }
    out
}

fn offenders(name: &str, doc: &Document, out: &mut Vec<String>) -> Vec<Finding> {
    let report = check_with(doc, &ctx());
    for f in &report.findings {
        for m in [&f.message_vi, &f.message_en] {
            let bad = machine_words(m);
            if !bad.is_empty() {
                out.push(format!("{name}: {} {bad:?}: {m}", f.rule));
            }
        }
    }
    report.findings
}

#[test]
fn no_message_shows_a_path_a_field_name_or_a_rule_id() {
    let mut bad = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (name, doc) in broken_documents() {
        for f in offenders(name, &doc, &mut bad) {
            seen.push(f.rule);
        }
    }
    for (name, doc) in shipped_documents() {
        offenders(&name, &doc, &mut bad);
    }
    let missed: Vec<&str> = catalogue()
        .iter()
        .map(|r| r.id)
        .filter(|id| !seen.contains(id))
        .collect();
    assert!(missed.is_empty(), "no broken document triggers {missed:?}");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_scan_finds_machine_words() {
    for m in [
        "nhưng ở header.date ghi ngày 20/12/2025",
        "ở opening[0]",
        "see body[1].children[0].text",
        "settings.numbering",
        "plan.task.lead",
        "the field report_deadlines",
    ] {
        assert!(!machine_words(m).is_empty(), "{m}");
    }
    for m in [
        "ở dòng ngày tháng ở phần đầu",
        "Cơ quan “cong_an_cu” không có trong danh mục",
        "đoạn 2 của mục II.1, ngày 05/6/2025.",
    ] {
        assert!(machine_words(m).is_empty(), "{m}: {:?}", machine_words(m));
    }
}

#[test]
fn the_reference_covers_the_catalogue_and_says_which_rules_fix() {
    use super::reference::{reference, REFERENCE};
    let ids: Vec<&str> = REFERENCE.iter().map(|d| d.id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "reference in id order");
    for r in catalogue() {
        assert!(
            reference(r.id).is_some(),
            "{}: no entry in rules/reference.rs",
            r.id
        );
    }
    for id in &ids {
        assert!(
            catalogue().iter().any(|r| r.id == *id),
            "{id}: no such rule"
        );
    }
    let mut fixed: Vec<&str> = Vec::new();
    for (_, doc) in broken_documents() {
        let report = check_with(&doc, &ctx());
        fixed.extend(
            report
                .findings
                .iter()
                .filter(|f| f.fix.is_some())
                .map(|f| f.rule),
        );
    }
    for d in REFERENCE {
        assert_eq!(
            fixed.contains(&d.id),
            d.fixes,
            "{}: the reference says fixes = {}",
            d.id,
            d.fixes
        );
    }
}

#[test]
fn counts_are_whole_words_in_each_language() {
    use super::{Report, Severity};
    use crate::Lang;
    assert_eq!(Severity::Warning.counted(1, Lang::En), "1 warning");
    assert_eq!(Severity::Warning.counted(2, Lang::En), "2 warnings");
    assert_eq!(Severity::Error.counted(1, Lang::En), "1 error");
    assert_eq!(Severity::Error.counted(0, Lang::En), "0 errors");
    assert_eq!(Severity::Warning.counted(1, Lang::Vi), "1 cảnh báo");
    let report = Report::default();
    assert_eq!(report.summary(Lang::Vi), "0 lỗi, 0 cảnh báo, 0 gợi ý");
    assert_eq!(report.summary(Lang::En), "0 errors, 0 warnings, 0 info");
}
