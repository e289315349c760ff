//! Document kinds of Nghị định 30 (Phụ lục III) with their official codes, and the
//! two format profiles (state documents, Party documents).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Nghị quyết (NQ)
    Resolution,
    /// Quyết định (QĐ)
    Decision,
    /// Chỉ thị (CT)
    Directive,
    /// Quy chế (QC)
    Statute,
    /// Quy định (QyĐ)
    Regulation,
    /// Thông báo (TB)
    Notice,
    /// Hướng dẫn (HD)
    Guideline,
    /// Chương trình (CTr)
    Programme,
    /// Kế hoạch (KH)
    #[default]
    Plan,
    /// Phương án (PA)
    Scheme,
    /// Đề án (ĐA)
    Proposal,
    /// Dự án (DA)
    Project,
    /// Báo cáo (BC)
    Report,
    /// Biên bản (BB)
    Minutes,
    /// Tờ trình (TTr)
    Submission,
    /// Công văn (no type code)
    OfficialLetter,
    /// Nghị định (NĐ) — only ever cited, never drafted here.
    Decree,
}

impl DocKind {
    pub const ALL: [DocKind; 17] = [
        DocKind::Resolution,
        DocKind::Decision,
        DocKind::Directive,
        DocKind::Statute,
        DocKind::Regulation,
        DocKind::Notice,
        DocKind::Guideline,
        DocKind::Programme,
        DocKind::Plan,
        DocKind::Scheme,
        DocKind::Proposal,
        DocKind::Project,
        DocKind::Report,
        DocKind::Minutes,
        DocKind::Submission,
        DocKind::OfficialLetter,
        DocKind::Decree,
    ];

    /// Official type code (Nghị định 30, Phụ lục III); Công văn has none.
    pub fn code(self) -> Option<&'static str> {
        use DocKind::*;
        Some(match self {
            Resolution => "NQ",
            Decision => "QĐ",
            Directive => "CT",
            Statute => "QC",
            Regulation => "QyĐ",
            Notice => "TB",
            Guideline => "HD",
            Programme => "CTr",
            Plan => "KH",
            Scheme => "PA",
            Proposal => "ĐA",
            Project => "DA",
            Report => "BC",
            Minutes => "BB",
            Submission => "TTr",
            Decree => "NĐ",
            OfficialLetter => return None,
        })
    }

    /// Vietnamese name as it stands in running text: "Kế hoạch", "Nghị quyết".
    pub fn name_vi(self) -> &'static str {
        use DocKind::*;
        match self {
            Resolution => "Nghị quyết",
            Decision => "Quyết định",
            Directive => "Chỉ thị",
            Statute => "Quy chế",
            Regulation => "Quy định",
            Notice => "Thông báo",
            Guideline => "Hướng dẫn",
            Programme => "Chương trình",
            Plan => "Kế hoạch",
            Scheme => "Phương án",
            Proposal => "Đề án",
            Project => "Dự án",
            Report => "Báo cáo",
            Minutes => "Biên bản",
            Submission => "Tờ trình",
            OfficialLetter => "Công văn",
            Decree => "Nghị định",
        }
    }

    /// Type name line as printed: "KẾ HOẠCH".
    pub fn title_vi(self) -> String {
        crate::text::to_upper(self.name_vi())
    }

    /// Name and code as the kind select shows them: "Kế hoạch (KH)", "Công văn".
    pub fn label(self) -> String {
        match self.code() {
            Some(c) => format!("{} ({c})", self.name_vi()),
            None => self.name_vi().to_string(),
        }
    }

    /// Whether a document of this kind is drafted here (a Nghị định is only cited).
    pub fn draftable(self) -> bool {
        self != DocKind::Decree
    }

    /// The symbol a document of this kind issued by `body_code` carries:
    /// "KH-UBND" (state), "CTr/ĐU" (Party); a Công văn has no type code, so
    /// its symbol starts with the body code ("UBND-VX").
    pub fn symbol(self, profile: Profile, body_code: &str) -> String {
        match self.code() {
            Some(c) => format!("{c}{}{}", profile.symbol_sep(), body_code.trim()),
            None => body_code.trim().to_string(),
        }
    }

    /// Kind whose code is `code` ("KH" → Plan).
    pub fn from_code(code: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.code() == Some(code))
    }

    /// Kind whose Vietnamese name is `name`, case-insensitive ("nghị quyết" → Resolution).
    pub fn from_name_vi(name: &str) -> Option<DocKind> {
        let lower = crate::text::to_lower(name);
        DocKind::ALL
            .into_iter()
            .find(|k| crate::text::to_lower(k.name_vi()) == lower)
    }
}

/// Which formatting law the document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Nghị định 30/2020/NĐ-CP (state administrative documents).
    #[default]
    State,
    /// Hướng dẫn 36-HD/VPTW (Party documents).
    Party,
}

impl Profile {
    pub const ALL: [Profile; 2] = [Profile::State, Profile::Party];

    /// Name shown in the profile select.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Profile::State => lang.pick(
                "Văn bản hành chính (Nghị định 30)",
                "State document (Decree 30)",
            ),
            Profile::Party => lang.pick(
                "Văn bản của Đảng (Hướng dẫn 36)",
                "Party document (Guideline 36)",
            ),
        }
    }

    /// Between type code and body code in a symbol: "KH-UBND", "CTr/ĐU".
    pub fn symbol_sep(self) -> char {
        match self {
            Profile::State => '-',
            Profile::Party => '/',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in DocKind::ALL {
            if let Some(c) = k.code() {
                assert_eq!(DocKind::from_code(c), Some(k));
            }
            assert_eq!(
                DocKind::from_name_vi(&crate::text::to_upper(k.name_vi())),
                Some(k)
            );
        }
        assert_eq!(DocKind::Plan.title_vi(), "KẾ HOẠCH");
    }
}
