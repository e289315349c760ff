//! The closed sets of choices a field of the model takes (node kinds, agency
//! levels, column kinds, row numbering, signing prefixes, report periods,
//! numbering styles): each enum with its JSON names, its list of variants and
//! its Vietnamese and English labels, the one definition the editor, the
//! exports and the CLI all use.

use super::Profile;
use crate::Lang;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// What a body node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A numbered heading (I., 1., a) … per its depth).
    #[default]
    Heading,
    /// A plain paragraph, not numbered.
    Paragraph,
    /// A dash item ("- …"; "+ …" under another item).
    Item,
    /// A numbered task with lead / implementing / partner agencies and the rest.
    Task,
    /// A duty block of "Tổ chức thực hiện": the text names the agency, children are its duties.
    Duty,
}

impl NodeKind {
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Heading,
        NodeKind::Paragraph,
        NodeKind::Item,
        NodeKind::Task,
        NodeKind::Duty,
    ];

    /// Name shown in the body editor's kind select.
    pub fn label(self, lang: Lang) -> &'static str {
        use NodeKind::*;
        let (vi, en) = match self {
            Heading => ("Đề mục", "Heading"),
            Paragraph => ("Đoạn văn", "Paragraph"),
            Item => ("Gạch đầu dòng", "Dash item"),
            Task => ("Nhiệm vụ", "Task"),
            Duty => ("Trách nhiệm của cơ quan", "Agency duties"),
        };
        lang.pick(vi, en)
    }
}

/// Administrative level of an agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencyLevel {
    Central,
    City,
    Ward,
    Commune,
    /// A group named as one ("Các cơ quan, đơn vị trên địa bàn phường").
    Group,
    #[default]
    Other,
}

impl AgencyLevel {
    pub const ALL: [AgencyLevel; 6] = [
        AgencyLevel::Central,
        AgencyLevel::City,
        AgencyLevel::Ward,
        AgencyLevel::Commune,
        AgencyLevel::Group,
        AgencyLevel::Other,
    ];

    /// Name shown in the agency directory's level select.
    pub fn label(self, lang: Lang) -> &'static str {
        use AgencyLevel::*;
        let (vi, en) = match self {
            Central => ("Trung ương", "Central"),
            City => ("Thành phố", "City"),
            Ward => ("Phường", "Ward"),
            Commune => ("Xã", "Commune"),
            Group => ("Nhóm cơ quan", "Group of agencies"),
            Other => ("Khác", "Other"),
        };
        lang.pick(vi, en)
    }
}

/// The value type of an appendix column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Row number (STT), derived from position; cells stay empty.
    Index,
    #[default]
    Text,
    /// One agency id in `agencies`.
    Agency,
    /// Several agency ids in `agencies`.
    AgencyList,
    /// A structured timeframe in `timeframe`.
    Timeframe,
    /// A number as written (text keeps "≥ 15", "10-12").
    Number,
    Percent,
    /// Unit of measure (đơn vị tính).
    Unit,
    /// Funding source (nguồn vốn / kinh phí).
    Funding,
}

impl ColumnKind {
    pub const ALL: [ColumnKind; 9] = [
        ColumnKind::Index,
        ColumnKind::Text,
        ColumnKind::Agency,
        ColumnKind::AgencyList,
        ColumnKind::Timeframe,
        ColumnKind::Number,
        ColumnKind::Percent,
        ColumnKind::Unit,
        ColumnKind::Funding,
    ];

    /// Name shown in the appendix editor's column type select.
    pub fn label(self, lang: Lang) -> &'static str {
        use ColumnKind::*;
        let (vi, en) = match self {
            Index => ("STT (tự đánh số)", "Row number (automatic)"),
            Text => ("Văn bản", "Text"),
            Agency => ("Một cơ quan", "One agency"),
            AgencyList => ("Danh sách cơ quan", "Agency list"),
            Timeframe => ("Thời gian", "Timeframe"),
            Number => ("Số", "Number"),
            Percent => ("Tỷ lệ %", "Percent"),
            Unit => ("Đơn vị tính", "Unit of measure"),
            Funding => ("Nguồn kinh phí", "Funding source"),
        };
        lang.pick(vi, en)
    }
}

/// How row numbers (STT) run through an appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RowNumbering {
    /// 1, 2, 3 … across all groups.
    #[default]
    Continuous,
    /// Restart at 1 in each group.
    PerGroup,
}

impl RowNumbering {
    pub const ALL: [RowNumbering; 2] = [RowNumbering::Continuous, RowNumbering::PerGroup];
}

/// Authority prefixes of a signature line. Printed "TM." / "KT." in the state
/// profile and "T/M" / "K/T" in the Party profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignPrefix {
    /// Thay mặt: on behalf of a collective body.
    Tm,
    /// Ký thay: a deputy signs for the head.
    Kt,
    /// Quyền: acting head.
    Q,
    /// Thừa lệnh: by order.
    Tl,
    /// Thừa ủy quyền: by delegated authority.
    Tuq,
}

impl SignPrefix {
    pub const ALL: [SignPrefix; 5] = [
        SignPrefix::Tm,
        SignPrefix::Kt,
        SignPrefix::Q,
        SignPrefix::Tl,
        SignPrefix::Tuq,
    ];

    /// The prefix as printed, and as the editor shows it. State documents use
    /// Nghị định 30's "TM." "KT." "Q." "TL." "TUQ."; Party documents (Hướng dẫn 36)
    /// write the slashed forms "T/M" "K/T", and so "T/L" "T/UQ" (see DOMAIN.md §1, §6).
    pub fn label(self, profile: Profile) -> &'static str {
        use SignPrefix::*;
        match (profile, self) {
            (_, Q) => "Q.",
            (Profile::State, Tm) => "TM.",
            (Profile::State, Kt) => "KT.",
            (Profile::State, Tl) => "TL.",
            (Profile::State, Tuq) => "TUQ.",
            (Profile::Party, Tm) => "T/M",
            (Profile::Party, Kt) => "K/T",
            (Profile::Party, Tl) => "T/L",
            (Profile::Party, Tuq) => "T/UQ",
        }
    }
}

/// Which report a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportPeriod {
    Quarterly,
    SixMonth,
    NineMonth,
    #[default]
    Annual,
    Other,
}

impl ReportPeriod {
    pub const ALL: [ReportPeriod; 5] = [
        ReportPeriod::Quarterly,
        ReportPeriod::SixMonth,
        ReportPeriod::NineMonth,
        ReportPeriod::Annual,
        ReportPeriod::Other,
    ];

    /// Name shown in the report deadline select: "Báo cáo 6 tháng" / "6-month report".
    pub fn label(self, lang: Lang) -> &'static str {
        use ReportPeriod::*;
        let (vi, en) = match self {
            Quarterly => ("Báo cáo quý", "Quarterly report"),
            SixMonth => ("Báo cáo 6 tháng", "6-month report"),
            NineMonth => ("Báo cáo 9 tháng", "9-month report"),
            Annual => ("Báo cáo năm", "Annual report"),
            Other => ("Báo cáo khác", "Other report"),
        };
        lang.pick(vi, en)
    }

    /// The period word after "báo cáo" in running text: "6 tháng", "năm".
    pub fn short_vi(self) -> &'static str {
        use ReportPeriod::*;
        match self {
            Quarterly => "quý",
            SixMonth => "6 tháng",
            NineMonth => "9 tháng",
            Annual => "năm",
            Other => "khác",
        }
    }
}

/// How one depth of the body tree is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// A. B. C.
    UpperAlpha,
    /// I. II. III.
    UpperRoman,
    /// I- II- (Party practice)
    UpperRomanDash,
    /// 1. 2. 3.
    Arabic,
    /// 1- 2- (Party practice)
    ArabicDash,
    /// 1.1. 1.2. (parent number, dot, own number)
    ArabicNested,
    /// a) b) c) d) đ) e) g) … in Vietnamese letter order.
    LowerAlpha,
    /// "-"
    Dash,
    /// "+"
    Plus,
}

/// A labelled line of a task ("- Cơ quan chủ trì: …"): the exports print these
/// names, the importer reads them and the other ways plans write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskField {
    Lead,
    Implementers,
    Partners,
    Form,
    Timeframe,
    Output,
}

impl TaskField {
    /// In the printed order (the seeds' order).
    pub const ALL: [TaskField; 6] = [
        TaskField::Lead,
        TaskField::Implementers,
        TaskField::Partners,
        TaskField::Form,
        TaskField::Timeframe,
        TaskField::Output,
    ];

    /// The name the exports print before the colon.
    pub fn printed(self) -> &'static str {
        self.names()[0]
    }

    /// Every name plans use for the field, the printed one first (lower case
    /// after the first letter, compared case-insensitively).
    pub fn names(self) -> &'static [&'static str] {
        use TaskField::*;
        match self {
            Lead => &[
                "Cơ quan chủ trì",
                "Đơn vị chủ trì",
                "Cơ quan, đơn vị chủ trì",
                "Chủ trì",
                "Cơ quan chủ trì thực hiện",
                "Cơ quan chủ trì tham mưu",
            ],
            Implementers => &[
                "Cơ quan thực hiện",
                "Đơn vị thực hiện",
                "Cơ quan, đơn vị thực hiện",
                "Cơ quan thực hiện tham mưu",
            ],
            Partners => &[
                "Cơ quan phối hợp",
                "Đơn vị phối hợp",
                "Cơ quan, đơn vị phối hợp",
                "Phối hợp",
            ],
            Form => &["Hình thức", "Hình thức thực hiện"],
            Timeframe => &[
                "Thời gian thực hiện",
                "Thời gian",
                "Thời gian hoàn thành",
                "Thời hạn",
                "Thời hạn hoàn thành",
                "Tiến độ",
            ],
            Output => &[
                "Sản phẩm",
                "Sản phẩm đầu ra",
                "Kết quả",
                "Kết quả, sản phẩm",
            ],
        }
    }

    /// A task's labelled line without its label: "Cơ quan chủ trì: Sở Nội vụ."
    /// gives (Lead, "Sở Nội vụ."); the name is any of [`names`](Self::names),
    /// in any case, followed by a colon.
    pub fn read_line(text: &str) -> Option<(TaskField, &str)> {
        let t = text.trim();
        // Only the words before the first colon can be a label: lower-casing
        // the whole line, for every field, was most of a long preview's time.
        let (head, value) = t.split_once(':')?;
        let head = crate::text::to_lower(head.trim_end());
        TaskField::ALL.into_iter().find_map(|f| {
            f.names()
                .iter()
                .any(|name| head == crate::text::to_lower(name))
                .then(|| (f, value.trim()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::TaskField;

    #[test]
    fn a_labelled_line_is_read_in_any_case_with_its_value_whole() {
        assert_eq!(
            TaskField::read_line("  Cơ quan chủ trì: Công an phường. "),
            Some((TaskField::Lead, "Công an phường."))
        );
        assert_eq!(
            TaskField::read_line("THỜI GIAN THỰC HIỆN : Quý II"),
            Some((TaskField::Timeframe, "Quý II"))
        );
        // A value whose lower case is longer than itself ("İ" → "i̇") was cut
        // one byte early, or not on a char boundary at all.
        assert_eq!(
            TaskField::read_line("Sản phẩm: İİ báo cáo"),
            Some((TaskField::Output, "İİ báo cáo"))
        );
        assert_eq!(
            TaskField::read_line("Kết quả: Xong: 3 bản"),
            Some((TaskField::Output, "Xong: 3 bản"))
        );
    }

    #[test]
    fn a_line_that_only_starts_like_a_label_is_not_one() {
        assert_eq!(TaskField::read_line("Thời gian thực hiện kế hoạch"), None);
        assert_eq!(TaskField::read_line("Thời gian của đợt 1: tháng 3"), None);
        assert_eq!(TaskField::read_line("Phối hợp chặt chẽ: các tổ"), None);
        assert_eq!(TaskField::read_line(""), None);
    }
}
