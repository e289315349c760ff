//! Ward or commune: the wording that changes with the administrative level.

use crate::model::AgencyLevel;

/// Administrative level of the unit a template is started for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// Phường (urban ward).
    Ward,
    /// Xã (rural commune).
    Commune,
}

/// The wording table: form name → (ward wording, commune wording). A template
/// writes `{{cap.<form>}}` where `cap` is its level fact; the key's case sets
/// the result's case (`{{Cap.khu_dan_cu}}` → "Tổ dân phố", `{{CAP}}` → "PHƯỜNG").
pub const WORDS: &[(&str, &str, &str)] = &[
    ("", "phường", "xã"),
    ("khu_dan_cu", "tổ dân phố", "thôn"),
    ("cong_an", "Công an phường", "Công an xã"),
    (
        "quan_su",
        "Ban Chỉ huy quân sự phường",
        "Ban Chỉ huy quân sự xã",
    ),
    (
        "phong_kinh_te",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Phòng Kinh tế",
    ),
    ("ubnd", "Ủy ban nhân dân phường", "Ủy ban nhân dân xã"),
    ("hdnd", "Hội đồng nhân dân phường", "Hội đồng nhân dân xã"),
    ("dang_uy", "Đảng ủy phường", "Đảng ủy xã"),
    ("level", "ward", "commune"),
];

impl Level {
    pub const ALL: [Level; 2] = [Level::Ward, Level::Commune];

    /// "phường" / "xã", as it stands in running text.
    pub fn name_vi(self) -> &'static str {
        self.word("").unwrap_or_default()
    }

    /// "PHƯỜNG" / "XÃ", as in the issuing body line.
    pub fn upper_vi(self) -> String {
        crate::text::to_upper(self.name_vi())
    }

    /// "ward" / "commune".
    pub fn name_en(self) -> &'static str {
        match self {
            Level::Ward => "ward",
            Level::Commune => "commune",
        }
    }

    /// The agency level of the unit's own agencies.
    pub fn agency_level(self) -> AgencyLevel {
        match self {
            Level::Ward => AgencyLevel::Ward,
            Level::Commune => AgencyLevel::Commune,
        }
    }

    /// One entry of the wording table ("" is the level word itself).
    pub fn word(self, form: &str) -> Option<&'static str> {
        WORDS
            .iter()
            .find(|(f, _, _)| *f == form)
            .map(|(_, w, c)| match self {
                Level::Ward => *w,
                Level::Commune => *c,
            })
    }

    /// Understands "phường", "Phường", "phuong", "ward", "xã", "xa", "commune".
    pub fn parse(s: &str) -> Option<Level> {
        let s = crate::model::edit::slug(s.trim());
        match s.as_str() {
            "phuong" | "ward" => Some(Level::Ward),
            "xa" | "commune" => Some(Level::Commune),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording_table() {
        assert_eq!(Level::parse("Phường"), Some(Level::Ward));
        assert_eq!(Level::parse("xã"), Some(Level::Commune));
        assert_eq!(Level::parse("thị trấn"), None);
        assert_eq!(Level::Ward.upper_vi(), "PHƯỜNG");
        assert_eq!(Level::Commune.upper_vi(), "XÃ");
        assert_eq!(Level::Commune.word("khu_dan_cu"), Some("thôn"));
        assert_eq!(Level::Ward.word("cong_an"), Some("Công an phường"));
        assert_eq!(
            Level::Commune.word("quan_su"),
            Some("Ban Chỉ huy quân sự xã")
        );
        assert_eq!(Level::Ward.agency_level(), AgencyLevel::Ward);
    }
}
