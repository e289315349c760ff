//! `kehoach rules`: the rule catalogue with its reference (legal basis, an
//! example of wrong and right, whether it fixes), in the chosen language;
//! `--markdown` prints `docs/rules.md`, both languages, as the repository
//! holds it (a test compares the two).

use super::args;
use super::output::{error, Out};
use crate::rules::reference::{reference, RuleDoc};
use crate::rules::{catalogue, Applies, Rule, Severity};
use crate::Lang;

pub fn run(argv: &[String], lang: Lang, out: &mut Out) -> i32 {
    let parsed = args::parse("rules", argv, &["--markdown"], &[], lang)
        .and_then(|p| super::no_arguments("rules", &p.positional, lang).map(|()| p));
    match parsed {
        Ok(p) if p.has("--markdown") => {
            out.text(&markdown());
            0
        }
        Ok(_) => {
            out.text(&listing(lang));
            0
        }
        Err(e) => {
            error(&e);
            2
        }
    }
}

fn applies(a: Applies, lang: Lang) -> &'static str {
    match a {
        Applies::Both => lang.pick("văn bản Nhà nước và Đảng", "State and Party documents"),
        Applies::StateOnly => lang.pick("văn bản Nhà nước", "State documents"),
        Applies::PartyOnly => lang.pick("văn bản của Đảng", "Party documents"),
    }
}

fn fixes(d: &RuleDoc, lang: Lang) -> &'static str {
    match d.fixes {
        true => lang.pick("có, khi chắc chắn", "yes, where certain"),
        false => lang.pick("không", "no"),
    }
}

fn severity(s: Severity, lang: Lang) -> String {
    crate::text::to_lower(s.label(lang))
}

/// Every rule with its reference entry (a rule without one is a bug the
/// reference test reports; here it is left out rather than printed half).
fn documented() -> impl Iterator<Item = (&'static Rule, &'static RuleDoc)> {
    catalogue()
        .iter()
        .filter_map(|r| reference(r.id).map(|d| (r, d)))
}

/// The catalogue as text, one block per rule.
pub fn listing(lang: Lang) -> String {
    let mut s = String::new();
    for (r, d) in documented() {
        let (title, basis) = (
            lang.pick(r.title_vi, r.title_en),
            lang.pick(d.basis_vi, d.basis_en),
        );
        let [sev, app, fix] = [
            severity(r.severity, lang),
            applies(r.applies, lang).to_string(),
            fixes(d, lang).to_string(),
        ];
        let (l_basis, l_wrong, l_right, l_fix) = match lang {
            Lang::Vi => ("Căn cứ", "Sai", "Đúng", "Tự sửa"),
            Lang::En => ("Basis", "Wrong", "Right", "Fix"),
        };
        s.push_str(&format!(
            "{}  [{sev}; {app}]\n  {title}\n  {l_basis}: {basis}\n  {l_wrong}: {}\n  {l_right}: {}\n  {l_fix}: {fix}\n\n",
            r.id, d.wrong, d.right
        ));
    }
    s
}

/// `docs/rules.md`: a summary table, then each rule in both languages.
pub fn markdown() -> String {
    let mut s = String::from(
        "# Quy tắc kiểm tra — Rule reference\n\n\
         <!-- Generated from the rule catalogue (src/rules/, src/rules/reference.rs) by\n\
         `cargo run --bin kehoach -- rules --markdown > docs/rules.md`; a test holds it equal. -->\n\n\
         Mỗi quy tắc có mã cố định, mức độ, căn cứ, ví dụ sai và đúng; “tự sửa” chỉ khi \
         cách sửa chắc chắn. `kehoach rules` in danh mục này (`--lang en`: tiếng Anh).\n\n\
         Each rule has a stable id, a severity, its basis, an example of wrong and right; \
         it fixes only where the fix is certain. `kehoach rules` prints this catalogue.\n\n\
         | Mã / Id | Mức / Severity | Áp dụng / Applies to | Tự sửa / Fix |\n\
         |---|---|---|---|\n",
    );
    for (r, d) in documented() {
        s.push_str(&format!(
            "| [`{}`](#{}) | {} / {} | {} | {} / {} |\n",
            r.id,
            anchor(r.id),
            severity(r.severity, Lang::Vi),
            severity(r.severity, Lang::En),
            applies(r.applies, Lang::Vi),
            fixes(d, Lang::Vi),
            fixes(d, Lang::En),
        ));
    }
    for (r, d) in documented() {
        s.push_str(&format!(
            "\n## `{}`\n\n\
             - **Kiểm tra:** {}\n- **Checks:** {}\n\
             - **Mức / Severity:** {} / {} · **Áp dụng / Applies to:** {} / {}\n\
             - **Căn cứ:** {}\n- **Basis:** {}\n\
             - **Sai / Wrong:** {}\n- **Đúng / Right:** {}\n\
             - **Tự sửa / Fix:** {} / {}\n",
            r.id,
            r.title_vi,
            r.title_en,
            severity(r.severity, Lang::Vi),
            severity(r.severity, Lang::En),
            applies(r.applies, Lang::Vi),
            applies(r.applies, Lang::En),
            d.basis_vi,
            d.basis_en,
            d.wrong,
            d.right,
            fixes(d, Lang::Vi),
            fixes(d, Lang::En),
        ));
    }
    s
}

/// The heading anchor GitHub makes of "## `a.b_c`": "ab_c".
fn anchor(id: &str) -> String {
    id.chars().filter(|c| *c != '.').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_rules_md_is_the_generated_reference() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
        let held = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            held == markdown(),
            "docs/rules.md differs from the catalogue: run \
             `cargo run --bin kehoach -- rules --markdown > docs/rules.md`"
        );
    }

    #[test]
    fn the_listing_names_every_rule_in_the_chosen_language() {
        let vi = listing(Lang::Vi);
        let en = listing(Lang::En);
        for r in catalogue() {
            assert!(
                vi.contains(r.title_vi) && en.contains(r.title_en),
                "{}",
                r.id
            );
        }
        assert!(vi.contains("Căn cứ: NĐ 30/2020") && en.contains("Basis: Decree 30/2020"));
        assert!(!en.contains("Căn cứ") && !vi.contains("Basis:"));
    }
}
