//! Writing the model as JSON text, pretty-printed byte for byte as
//! `serde_json::to_string_pretty` prints it (two-space indent, keys in
//! declaration order, serde's `skip_serializing_if` rules).
//!
//! Written by hand for the same reason as `read`: serde's derived `Serialize`
//! driven through serde_json's pretty serializer cost the first-load module
//! 3 KB gzip more than this. The derives stay (the JSON Schema, the tests' reference,
//! the template files); a test holds both outputs equal on every fixture.

use std::fmt::Write as _;

use super::variants::UnitEnum;
use super::*;

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write(&self, w: &mut Writer);
}

/// The text being written and where the writer stands in it.
#[derive(Default)]
pub struct Writer {
    pub out: String,
    depth: usize,
    /// Nothing written yet in the innermost object or array.
    empty: bool,
}

impl Writer {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    pub fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.empty = true;
    }

    pub fn close(&mut self, c: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(c);
        // The enclosing object or array holds at least this value.
        self.empty = false;
    }

    /// Before each element of an array, or each member of an object.
    pub fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.newline();
        self.empty = false;
    }

    pub fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(": ");
    }

    /// A JSON string, escaped as serde_json escapes it.
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

/// The pretty JSON text of `t`.
pub fn to_string_pretty<T: ToJson + ?Sized>(t: &T) -> String {
    let mut w = Writer::default();
    t.write(&mut w);
    w.out
}

impl ToJson for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn write(&self, w: &mut Writer) {
        w.out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write(&self, w: &mut Writer) {
                let _ = write!(w.out, "{self}");
            }
        }
    )*};
}
integers!(u8, u16, u32, i32);

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(t) => t.write(w),
            None => w.out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, w: &mut Writer) {
        w.open('[');
        for t in self {
            w.item();
            t.write(w);
        }
        w.close(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, w: &mut Writer) {
        self.as_slice().write(w);
    }
}

impl ToJson for PartialDate {
    fn write(&self, w: &mut Writer) {
        w.string(&self.to_string());
    }
}

/// An enum of unit variants only, named as in its table (`variants`).
impl<T: UnitEnum> ToJson for T {
    fn write(&self, w: &mut Writer) {
        w.string(self.name());
    }
}

impl ToJson for Timeframe {
    fn write(&self, w: &mut Writer) {
        // The variant's name and its one or two numbers (a newtype has no field name).
        type Number = Option<(&'static str, i32)>;
        let (name, a, b): (&str, Number, Number) = match self {
            Timeframe::Regular => return w.string("regular"),
            Timeframe::Annually => return w.string("annually"),
            Timeframe::OnDirective => return w.string("on_directive"),
            Timeframe::Year(y) => ("year", Some(("", *y)), None),
            Timeframe::Quarter { quarter, year } => ("quarter", Some(("quarter", *quarter as i32)), Some(("year", *year))),
            Timeframe::Month { month, year } => ("month", Some(("month", *month as i32)), Some(("year", *year))),
            Timeframe::YearRange { from, to } => ("year_range", Some(("from", *from)), Some(("to", *to))),
            Timeframe::AnnualDeadline { day, month } => ("annual_deadline", Some(("day", *day as i32)), Some(("month", *month as i32))),
            Timeframe::Before(date) => {
                w.open('{');
                w.key("before");
                date.write(w);
                return w.close('}');
            }
            Timeframe::Text(text) => {
                w.open('{');
                w.key("text");
                w.string(text);
                return w.close('}');
            }
        };
        w.open('{');
        w.key(name);
        match (a, b) {
            (Some((_, n)), None) => n.write(w),
            (a, b) => {
                w.open('{');
                for (key, n) in [a, b].into_iter().flatten() {
                    w.key(key);
                    n.write(w);
                }
                w.close('}');
            }
        }
        w.close('}');
    }
}

/// `ToJson` for structs: members in declaration order, each left out when its
/// `if` predicate (serde's `skip_serializing_if`) holds.
macro_rules! structs {
    ($($ty:ident { $($field:ident $(if $skip:path)?),* $(,)? })*) => {$(
        impl $crate::model::write::ToJson for $ty {
            fn write(&self, w: &mut $crate::model::write::Writer) {
                w.open('{');
                $(if !$crate::model::write::structs!(@skip self.$field $(, $skip)?) {
                    w.key(stringify!($field));
                    $crate::model::write::ToJson::write(&self.$field, w);
                })*
                w.close('}');
            }
        }
    )*};
    (@skip $v:expr) => { false };
    (@skip $v:expr, $skip:path) => { $skip(&$v) };
}
pub(crate) use structs;

structs! {
    Document { format, version, kind, profile, header, opening if Vec::is_empty, body, agencies, appendices if Vec::is_empty, recipients, signature, parent if Option::is_none, report_deadlines if Vec::is_empty, period if Option::is_none, settings }
    Header { parent_body if Option::is_none, issuing_body, body_code, number if Option::is_none, symbol, place, date, title if Option::is_none, subject }
    Node { kind, text, task if Option::is_none, agencies if Vec::is_empty, children if Vec::is_empty, child_numbering if Vec::is_empty }
    Task { lead if Vec::is_empty, implementers if Vec::is_empty, partners if Vec::is_empty, form if Option::is_none, timeframe if Option::is_none, output if Option::is_none }
    Agency { id, name, short_name if Option::is_none, level }
    Column { id, title, kind, width if Option::is_none }
    Cell { text if String::is_empty, agencies if Vec::is_empty, timeframe if Option::is_none }
    Row { cells }
    RowGroup { heading if String::is_empty, rows }
    Appendix { number, title, attached_note if Option::is_none, columns, groups, row_numbering, landscape if is_false }
    Recipients { items, archive if Option::is_none }
    SignLine { prefix if Option::is_none, text }
    Signature { lines, name }
    ParentRef { kind, number, symbol, date, issuing_body, citations if Vec::is_empty, report_deadlines if Vec::is_empty }
    CitedDoc { reference, date }
    ReportDeadline { period, day, month }
    YearRange { from, to }
    Settings { tone_style, font_size, numbering }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::generated_plan;

    fn fixtures() -> Vec<Document> {
        let mut docs: Vec<Document> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
            .unwrap()
            .filter_map(|e| {
                let p = e.unwrap().path();
                (p.extension()? == "json").then(|| serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).ok()).flatten()
            })
            .collect();
        assert!(docs.len() >= 5, "the five seed fixtures");
        docs.push(generated_plan(40));
        docs.push(Document::new(DocKind::Plan, Profile::Party));
        docs
    }

    #[test]
    fn writes_what_serde_json_pretty_prints() {
        for doc in fixtures() {
            assert_eq!(to_string_pretty(&doc), serde_json::to_string_pretty(&doc).unwrap());
            assert_eq!(to_string_pretty(&doc.report_deadlines), serde_json::to_string_pretty(&doc.report_deadlines).unwrap());
        }
    }

    /// A document with every member of every struct given a value that is not
    /// its default. Written without `..`: a field added to the model does not
    /// compile here until it is set, and then the reader's and the writer's
    /// field lists (`read`, `write`) must have it for the test to pass.
    fn every_member_set() -> Document {
        let date = PartialDate::ymd(2025, 12, 26);
        let deadline = ReportDeadline { period: ReportPeriod::SixMonth, day: 5, month: 6 };
        let task = Task {
            lead: vec!["ubnd".into()],
            implementers: vec!["cong_an".into()],
            partners: vec!["mttq".into()],
            form: Some("Hội nghị".into()),
            timeframe: Some(Timeframe::Quarter { quarter: 1, year: 2026 }),
            output: Some("Báo cáo".into()),
        };
        let leaf = Node {
            kind: NodeKind::Task,
            text: "Tuyên truyền".into(),
            task: Some(task),
            agencies: vec!["ubnd".into()],
            children: vec![],
            child_numbering: vec![],
        };
        Document {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            kind: DocKind::Programme,
            profile: Profile::Party,
            header: Header {
                parent_body: Some("ĐẢNG BỘ THÀNH PHỐ".into()),
                issuing_body: "ĐẢNG ỦY PHƯỜNG".into(),
                body_code: "ĐU".into(),
                number: Some("04".into()),
                symbol: "CTr/ĐU".into(),
                place: "Kiến An".into(),
                date,
                title: Some("CHƯƠNG TRÌNH HÀNH ĐỘNG".into()),
                subject: "thực hiện Nghị quyết".into(),
            },
            opening: vec!["Thực hiện Nghị quyết số 57-NQ/TW".into()],
            body: vec![Node {
                kind: NodeKind::Heading,
                text: "MỤC ĐÍCH".into(),
                task: None,
                agencies: vec![],
                children: vec![leaf],
                child_numbering: vec![NumberStyle::ArabicDash],
            }],
            agencies: vec![Agency {
                id: "ubnd".into(), name: "Ủy ban nhân dân phường".into(), short_name: Some("UBND".into()), level: AgencyLevel::Ward
            }],
            appendices: vec![Appendix {
                number: "I".into(),
                title: "Nhiệm vụ".into(),
                attached_note: Some("(Kèm theo Chương trình số 04-CTr/ĐU)".into()),
                columns: vec![Column { id: "c1".into(), title: "Nội dung".into(), kind: ColumnKind::AgencyList, width: Some(40) }],
                groups: vec![RowGroup {
                    heading: "Nhóm 1".into(),
                    rows: vec![Row { cells: vec![Cell { text: "x".into(), agencies: vec!["ubnd".into()], timeframe: Some(Timeframe::Before(date)) }] }],
                }],
                row_numbering: RowNumbering::PerGroup,
                landscape: true,
            }],
            recipients: Recipients { items: vec!["Thành ủy".into()], archive: Some("Lưu VP".into()) },
            signature: Signature { lines: vec![SignLine { prefix: Some(SignPrefix::Tm), text: "ĐẢNG ỦY".into() }], name: "Nguyễn Văn A".into() },
            parent: Some(ParentRef {
                kind: DocKind::Plan,
                number: "347".into(),
                symbol: "KH-UBND".into(),
                date,
                issuing_body: "UBND thành phố".into(),
                citations: vec![CitedDoc { reference: "Nghị quyết số 57-NQ/TW".into(), date }],
                report_deadlines: vec![deadline.clone()],
            }),
            report_deadlines: vec![deadline],
            period: Some(YearRange { from: 2025, to: 2030 }),
            settings: Settings { tone_style: ToneStyle::Modern, font_size: 13, numbering: vec![NumberStyle::UpperAlpha] },
        }
    }

    #[test]
    fn every_member_is_written_and_read_back() {
        let doc = every_member_set();
        let text = to_string_pretty(&doc);
        assert_eq!(text, serde_json::to_string_pretty(&doc).unwrap());
        let back: Document = crate::model::read::from_value(serde_json::from_str(&text).unwrap()).map_err(|(p, e)| format!("{p}: {e}")).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn every_timeframe_control_character_and_skipped_member() {
        let mut doc = generated_plan(1);
        let frames = [
            Timeframe::Regular,
            Timeframe::Annually,
            Timeframe::OnDirective,
            Timeframe::Year(2026),
            Timeframe::Quarter { quarter: 2, year: 2026 },
            Timeframe::Month { month: 12, year: 2025 },
            Timeframe::YearRange { from: 2025, to: 2030 },
            Timeframe::AnnualDeadline { day: 10, month: 11 },
            Timeframe::Before(PartialDate::ymd(2026, 3, 31)),
            Timeframe::Text("Quý I – \"gấp\"\\".into()),
        ];
        doc.appendices[0].groups[0].rows[0].cells = frames.iter().map(|t| Cell { timeframe: Some(t.clone()), ..Cell::default() }).collect();
        doc.header.subject = "a\u{0}\u{1f}\u{7f}\t\r\n\u{8}\u{c}\"\\ é 😀 \u{200f}".into();
        doc.header.title = Some(String::new());
        doc.appendices[0].landscape = true;
        doc.appendices[0].columns[0].width = Some(65535);
        doc.period = Some(YearRange { from: -1, to: 2030 });
        doc.signature.lines.push(SignLine { prefix: Some(SignPrefix::Tm), text: String::new() });
        assert_eq!(to_string_pretty(&doc), serde_json::to_string_pretty(&doc).unwrap());
        let empty = Document { body: vec![], agencies: vec![], ..Document::new(DocKind::Decision, Profile::State) };
        assert_eq!(to_string_pretty(&empty), serde_json::to_string_pretty(&empty).unwrap());
    }
}
