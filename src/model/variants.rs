//! The JSON names of the enums whose variants carry no data (serde's
//! `rename_all = "snake_case"`), as tables. The reader and the writer look
//! names up here rather than running serde's derived code for each enum (less
//! wasm in the first-load module). The reader's tests compare its "unknown
//! variant" messages, which list every name, with serde's; a test here holds
//! each name equal to what serde writes.

use super::*;

/// An enum of unit variants and their JSON names, in declaration order.
pub trait UnitEnum: Copy + PartialEq + 'static {
    const VARIANTS: &'static [Self];
    const NAMES: &'static [&'static str];

    fn name(self) -> &'static str {
        Self::VARIANTS
            .iter()
            .position(|v| *v == self)
            .map_or("", |i| Self::NAMES[i])
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::VARIANTS[i])
    }
}

macro_rules! unit_enums {
    ($($t:ty { $($v:ident $n:literal),* $(,)? })*) => {$(
        impl $crate::model::variants::UnitEnum for $t {
            const VARIANTS: &'static [Self] = &[$(<$t>::$v),*];
            const NAMES: &'static [&'static str] = &[$($n),*];
        }
    )*};
}

pub(crate) use unit_enums;

unit_enums! {
    DocKind {
        Resolution "resolution", Decision "decision", Directive "directive", Statute "statute", Regulation "regulation",
        Notice "notice", Guideline "guideline", Programme "programme", Plan "plan", Scheme "scheme", Proposal "proposal",
        Project "project", Report "report", Minutes "minutes", Submission "submission", OfficialLetter "official_letter", Decree "decree",
    }
    Profile { State "state", Party "party" }
    NodeKind { Heading "heading", Paragraph "paragraph", Item "item", Task "task", Duty "duty" }
    AgencyLevel { Central "central", City "city", Ward "ward", Commune "commune", Group "group", Other "other" }
    ColumnKind {
        Index "index", Text "text", Agency "agency", AgencyList "agency_list", Timeframe "timeframe", Number "number",
        Percent "percent", Unit "unit", Funding "funding",
    }
    RowNumbering { Continuous "continuous", PerGroup "per_group" }
    SignPrefix { Tm "tm", Kt "kt", Q "q", Tl "tl", Tuq "tuq" }
    ReportPeriod { Quarterly "quarterly", SixMonth "six_month", NineMonth "nine_month", Annual "annual", Other "other" }
    ToneStyle { Classic "classic", Modern "modern" }
    NumberStyle {
        UpperAlpha "upper_alpha", UpperRoman "upper_roman", UpperRomanDash "upper_roman_dash", Arabic "arabic",
        ArabicDash "arabic_dash", ArabicNested "arabic_nested", LowerAlpha "lower_alpha", Dash "dash", Plus "plus",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn serde_names<
        T: UnitEnum + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug,
    >() {
        assert_eq!(T::VARIANTS.len(), T::NAMES.len());
        for (v, n) in T::VARIANTS.iter().zip(T::NAMES) {
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                serde_json::json!(n),
                "{v:?}"
            );
            assert_eq!(v.name(), *n);
            assert_eq!(T::from_name(n), Some(*v));
        }
        assert_eq!(T::from_name("x"), None);
        // serde's own list of names, from its "unknown variant" message.
        let e = serde_json::from_value::<T>(serde_json::json!("x"))
            .unwrap_err()
            .to_string();
        let listed: Vec<String> = e
            .split('`')
            .skip(3)
            .step_by(2)
            .map(str::to_string)
            .collect();
        assert_eq!(listed, T::NAMES, "{e}");
    }

    #[test]
    fn each_table_is_serdes_names() {
        serde_names::<DocKind>();
        serde_names::<Profile>();
        serde_names::<NodeKind>();
        serde_names::<AgencyLevel>();
        serde_names::<ColumnKind>();
        serde_names::<RowNumbering>();
        serde_names::<SignPrefix>();
        serde_names::<ReportPeriod>();
        serde_names::<ToneStyle>();
        serde_names::<NumberStyle>();
    }
}
