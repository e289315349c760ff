//! The plan document model: one Rust value holds a whole Kế hoạch / Chương trình,
//! with every part structured (header, body tree, tasks, agencies, appendices,
//! recipients, signature). Its serde form is the standardized JSON v1 (see `json`).
//!
//! Design choices that keep JSON paths exact in error messages: no internally
//! tagged or untagged enums on the way down to a text field (serde buffers those
//! and loses the path); node and cell variants are plain structs with optional parts.

mod choices;
mod date;
mod kind;
mod timeframe;

pub mod agency_names;
pub mod agency_refs;
pub mod edit;
pub mod json;
pub mod limits;
pub mod read;
pub mod sample;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod table;
pub mod text_at;
pub mod variants;
pub mod walk;

pub use crate::text::ToneStyle;
pub use choices::{
    AgencyLevel, ColumnKind, NodeKind, NumberStyle, ReportPeriod, RowNumbering, SignPrefix,
    TaskField,
};
pub use date::{days_in_month, moment_vi, month_vi, parse_date, PartialDate};
pub use kind::{DocKind, Profile};
pub use timeframe::Timeframe;

use crate::Lang;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// Name carried in every file, so a stray JSON is never taken for a plan.
pub const FORMAT_NAME: &str = "kehoach";
/// Current version of the JSON format written by this build.
pub const FORMAT_VERSION: u32 = 1;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always `"kehoach"`.
    pub format: String,
    /// Format version; this build writes 1 and reads 1 (older versions are migrated).
    pub version: u32,
    pub kind: DocKind,
    pub profile: Profile,
    pub header: Header,
    /// Opening paragraphs (căn cứ / thực hiện …), one string each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opening: Vec<String>,
    /// The body as an ordered tree; numbering is derived from position.
    #[serde(default)]
    pub body: Vec<Node>,
    /// Agency directory; tasks, duty blocks and cells refer to agencies by id.
    #[serde(default)]
    pub agencies: Vec<Agency>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
    #[serde(default)]
    pub recipients: Recipients,
    #[serde(default)]
    pub signature: Signature,
    /// The plan this one implements (cascade), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentRef>,
    /// This plan's own report deadlines (e.g. 6-month report before 05/6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_deadlines: Vec<ReportDeadline>,
    /// The years the plan covers; timeframes are checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<YearRange>,
    #[serde(default)]
    pub settings: Settings,
}

/// Header block: bodies, number, place and date, subject.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Direct parent body, e.g. "UBND THÀNH PHỐ HẢI PHÒNG".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_body: Option<String>,
    /// Issuing body, e.g. "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN".
    pub issuing_body: String,
    /// Short code of the issuing body used in the symbol, e.g. "UBND", "ĐU".
    pub body_code: String,
    /// Registration number as written ("347", "05"); absent while a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Symbol after the number: "KH-UBND" (state) or "CTr/ĐU" (Party).
    pub symbol: String,
    /// Place name of the date line, e.g. "Hồng An", "Hải Phòng".
    pub place: String,
    /// Date; a draft may carry only a year.
    pub date: PartialDate,
    /// Type name line when it differs from the kind's name
    /// (e.g. "CHƯƠNG TRÌNH HÀNH ĐỘNG"); upper case as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Subject (trích yếu); line breaks as the author wants them printed.
    pub subject: String,
}

/// One node of the body tree.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub kind: NodeKind,
    /// Heading text, paragraph text, task content or the duty block's label.
    #[serde(default)]
    pub text: String,
    /// Task details; present when `kind` is `task`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
    /// Agencies a duty block is addressed to (ids in the directory).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
    /// Numbering of the levels below this node when it differs from the
    /// document's (a Party programme numbers part A "1." but part B "I.").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub child_numbering: Vec<NumberStyle>,
}

/// A task's assignment and schedule. Agencies are ids in the directory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Lead agency (cơ quan chủ trì). Exactly one is expected; a list, so a
    /// document that names two is still held as written and flagged by the rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<String>,
    /// Implementing agencies (cơ quan / đơn vị thực hiện).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implementers: Vec<String>,
    /// Partner agencies (cơ quan phối hợp).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Form (hình thức).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Timeframe>,
    /// The timeframe as the author wrote it ("giai đoạn 2025 - 2030"), printed
    /// instead of the canonical form ([`Timeframe::printed`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe_text: Option<String>,
    /// Expected output (sản phẩm).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
}

/// One entry of the agency directory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Stable id, referenced from tasks, duty blocks and cells.
    pub id: String,
    /// Full name as printed, e.g. "Phòng Văn hóa - Xã hội".
    pub name: String,
    /// Short name, e.g. "VHXH".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(default)]
    pub level: AgencyLevel,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Stable id within the appendix.
    pub id: String,
    /// Header text, e.g. "Cơ quan chủ trì".
    pub title: String,
    pub kind: ColumnKind,
    /// Relative width (in tenths of the table), when the author set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u16>,
}

/// One table cell; which part is used follows the column's kind.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The cell's text; in a timeframe column, the timeframe as written, printed
    /// instead of the canonical form ([`Timeframe::printed`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Timeframe>,
}

/// One row: one cell per column, in column order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub cells: Vec<Cell>,
}

/// Rows under one group heading ("I. Chỉ tiêu về …"); an empty heading means ungrouped.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RowGroup {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    #[serde(default)]
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// As printed after "Phụ lục": "I", "II" (or "1" in Party practice).
    pub number: String,
    /// Title, printed in capitals.
    pub title: String,
    /// The "(Kèm theo …)" line without its brackets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_note: Option<String>,
    pub columns: Vec<Column>,
    #[serde(default)]
    pub groups: Vec<RowGroup>,
    #[serde(default)]
    pub row_numbering: RowNumbering,
    /// Lay the appendix out on landscape pages.
    #[serde(default, skip_serializing_if = "is_false")]
    pub landscape: bool,
}

/// Nơi nhận: one recipient per line, written without the leading "- " and the
/// trailing ";" (the exports add them); the archive line separately.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    #[serde(default)]
    pub items: Vec<String>,
    /// What follows "Lưu:", e.g. "VT, VHXH".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignLine {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<SignPrefix>,
    /// Upper case as printed, e.g. "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    pub text: String,
}

/// Signature block: authority and title lines, then the signer's name.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signature {
    #[serde(default)]
    pub lines: Vec<SignLine>,
    #[serde(default)]
    pub name: String,
}

/// The plan this one implements.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ParentRef {
    pub kind: DocKind,
    pub number: String,
    /// e.g. "KH-UBND".
    pub symbol: String,
    pub date: PartialDate,
    /// e.g. "UBND thành phố Hải Phòng".
    pub issuing_body: String,
    /// Citations made by the parent, "347/KH-UBND" → date, so this plan's
    /// citations of the same documents can be compared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<CitedDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_deadlines: Vec<ReportDeadline>,
}

/// A document cited by number and symbol with its date.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CitedDoc {
    /// Number and symbol, e.g. "82/NQ-HĐND".
    pub reference: String,
    pub date: PartialDate,
}

/// "Báo cáo 6 tháng trước ngày 05/6" → { period: six_month, day: 5, month: 6 }.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReportDeadline {
    pub period: ReportPeriod,
    pub day: u8,
    pub month: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub from: i32,
    pub to: i32,
}

/// Document-level settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub tone_style: ToneStyle,
    /// Body font size in points (13 or 14 for state documents).
    #[serde(default = "default_font_size")]
    pub font_size: u8,
    /// Numbering of headings and tasks by depth; deeper levels reuse the last style.
    #[serde(default = "default_numbering")]
    pub numbering: Vec<NumberStyle>,
}

fn default_font_size() -> u8 {
    14
}

pub fn default_numbering() -> Vec<NumberStyle> {
    use NumberStyle::*;
    vec![UpperRoman, Arabic, LowerAlpha, Dash, Plus]
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tone_style: ToneStyle::default(),
            font_size: default_font_size(),
            numbering: default_numbering(),
        }
    }
}

impl Document {
    /// An empty document of the given kind and profile.
    pub fn new(kind: DocKind, profile: Profile) -> Self {
        Document {
            format: FORMAT_NAME.to_string(),
            version: FORMAT_VERSION,
            kind,
            profile,
            header: Header {
                symbol: kind.code().map(|c| c.to_string()).unwrap_or_default(),
                ..Header::default()
            },
            opening: vec![],
            body: vec![],
            agencies: vec![],
            appendices: vec![],
            recipients: Recipients::default(),
            signature: Signature::default(),
            parent: None,
            report_deadlines: vec![],
            period: None,
            settings: Settings::default(),
        }
    }

    /// Look an agency up by id.
    pub fn agency(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }

    /// Printed "Số" line content: "Số: 347/KH-UBND", "Số:     /KH-UBND" (draft),
    /// "Số 04-CTr/ĐU" (Party).
    pub fn number_line(&self) -> String {
        let num = self.header.number.as_deref().unwrap_or("");
        match self.profile {
            Profile::State => {
                if num.is_empty() {
                    format!("Số:      /{}", self.header.symbol)
                } else {
                    format!("Số: {}/{}", num, self.header.symbol)
                }
            }
            Profile::Party => {
                if num.is_empty() {
                    format!("Số     -{}", self.header.symbol)
                } else {
                    format!("Số {}-{}", num, self.header.symbol)
                }
            }
        }
    }

    /// A draft has no registration number yet.
    pub fn is_draft(&self) -> bool {
        self.header
            .number
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
    }
}

pub mod numbering;
pub mod paste;
pub mod place;
