//! `word/styles.xml`: the properties each paragraph and character style gives,
//! resolved along its `basedOn` chain down to `w:docDefaults`.
//!
//! Toggle properties (bold, italic) are taken from the nearest level that sets
//! them (direct, character style, paragraph style, defaults) rather than
//! XOR-ed between style kinds as the standard says: Word's own styles never
//! rely on the XOR, and the nearest-wins rule is what a reader expects.

use super::xml::{attr, child, child_num, child_on_off, val, w_name};
use roxmltree::Node;
use rustc_hash::FxHashMap;

/// Run properties as set at one level; `None` = inherited.
#[derive(Debug, Clone, Default)]
pub struct RunProps {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub hidden: Option<bool>,
    /// `w:rFonts` `ascii` / `hAnsi`; "" when a theme font replaces it (theme
    /// fonts are never legacy fonts).
    pub ascii: Option<String>,
    pub hansi: Option<String>,
}

impl RunProps {
    pub fn read(rpr: Option<Node>) -> Self {
        let Some(rpr) = rpr else {
            return Self::default();
        };
        let fonts = child(rpr, "rFonts");
        let font = |slot: &str| {
            let f = fonts?;
            if attr(f, &format!("{slot}Theme")).is_some() {
                return Some(String::new());
            }
            attr(f, slot).map(str::to_string)
        };
        RunProps {
            bold: child_on_off(rpr, "b"),
            italic: child_on_off(rpr, "i"),
            hidden: child_on_off(rpr, "vanish"),
            ascii: font("ascii"),
            hansi: font("hAnsi"),
        }
    }

    /// These properties over `lower`'s.
    fn over(&self, lower: &RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(lower.bold),
            italic: self.italic.or(lower.italic),
            hidden: self.hidden.or(lower.hidden),
            ascii: self.ascii.clone().or_else(|| lower.ascii.clone()),
            hansi: self.hansi.clone().or_else(|| lower.hansi.clone()),
        }
    }
}

/// Paragraph properties as set at one level; `None` = inherited.
#[derive(Debug, Clone, Default)]
pub struct ParaProps {
    pub centered: Option<bool>,
    /// `w:outlineLvl` (9 = body text, no level).
    pub outline: Option<u8>,
    pub num_id: Option<u32>,
    pub ilvl: Option<u8>,
    /// The style's run properties (the paragraph's runs inherit them).
    pub run: RunProps,
}

impl ParaProps {
    /// Read a `w:pPr` (its `w:rPr` is the paragraph mark's, not the runs').
    pub fn read(ppr: Option<Node>) -> Self {
        let Some(ppr) = ppr else {
            return Self::default();
        };
        let num = child(ppr, "numPr");
        ParaProps {
            centered: child(ppr, "jc")
                .and_then(val)
                .map(|v| v == "center" || v == "centre"),
            outline: child_num(ppr, "outlineLvl"),
            num_id: num.and_then(|n| child_num(n, "numId")),
            ilvl: num.and_then(|n| child_num(n, "ilvl")),
            run: RunProps::default(),
        }
    }

    pub fn over(&self, lower: &ParaProps) -> ParaProps {
        ParaProps {
            centered: self.centered.or(lower.centered),
            outline: self.outline.or(lower.outline),
            num_id: self.num_id.or(lower.num_id),
            // A style that sets a list without a level starts at level 0, not
            // at its base style's level.
            ilvl: self.ilvl.or(if self.num_id.is_some() {
                None
            } else {
                lower.ilvl
            }),
            run: self.run.over(&lower.run),
        }
    }
}

struct RawStyle {
    based_on: Option<String>,
    props: ParaProps,
    paragraph: bool,
}

#[derive(Default)]
pub struct Styles {
    /// Paragraph (and numbering) styles resolved down to the defaults.
    paras: FxHashMap<String, ParaProps>,
    /// Character styles resolved along their chain (without the defaults).
    chars: FxHashMap<String, RunProps>,
    /// The default paragraph style resolved, or the defaults alone.
    default_para: ParaProps,
}

/// "heading 1" / "Heading1" → outline level 0.
fn heading_level(name: &str) -> Option<u8> {
    let s = name.trim();
    let rest = s.get(..7).filter(|h| h.eq_ignore_ascii_case("heading"))?;
    let n: u8 = s[rest.len()..].trim().parse().ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

fn raw_style(s: Node) -> Option<(String, RawStyle, bool)> {
    let id = attr(s, "styleId")?.to_string();
    let kind = attr(s, "type").unwrap_or("paragraph");
    let mut props = ParaProps::read(child(s, "pPr"));
    props.run = RunProps::read(child(s, "rPr"));
    let name = child(s, "name").and_then(val).unwrap_or("");
    if props.outline.is_none() && kind == "paragraph" {
        props.outline = heading_level(name).or_else(|| heading_level(&id));
    }
    let default = attr(s, "default").is_some_and(|v| matches!(v, "1" | "true" | "on"));
    let raw = RawStyle {
        based_on: child(s, "basedOn").and_then(val).map(str::to_string),
        props,
        paragraph: kind != "character",
    };
    (kind != "table").then_some((id, raw, default && kind == "paragraph"))
}

impl Styles {
    pub fn parse(doc: Option<&roxmltree::Document>) -> Self {
        let Some(root) = doc.map(|d| d.root_element()) else {
            return Self::default();
        };
        let mut defaults = ParaProps::default();
        if let Some(dd) = child(root, "docDefaults") {
            let ppr = child(dd, "pPrDefault").and_then(|p| child(p, "pPr"));
            defaults = ParaProps::read(ppr);
            let rpr = child(dd, "rPrDefault").and_then(|p| child(p, "rPr"));
            defaults.run = RunProps::read(rpr);
        }
        let mut raw = FxHashMap::default();
        let mut default_id = None;
        for s in root.children().filter(|c| w_name(*c) == Some("style")) {
            if let Some((id, style, default)) = raw_style(s) {
                if default && default_id.is_none() {
                    default_id = Some(id.clone());
                }
                raw.entry(id).or_insert(style);
            }
        }
        let mut styles = Styles::default();
        for (id, style) in &raw {
            let chain = chain(&raw, id);
            if style.paragraph {
                let p = chain
                    .iter()
                    .rev()
                    .fold(defaults.clone(), |acc, s| s.over(&acc));
                styles.paras.insert(id.clone(), p);
            } else {
                let r = chain
                    .iter()
                    .rev()
                    .fold(RunProps::default(), |acc, s| s.run.over(&acc));
                styles.chars.insert(id.clone(), r);
            }
        }
        styles.default_para = default_id
            .and_then(|id| styles.paras.get(&id).cloned())
            .unwrap_or(defaults);
        styles
    }

    /// A paragraph style resolved; the default paragraph style for `None` or
    /// an unknown id (Word does the same).
    pub fn para(&self, id: Option<&str>) -> &ParaProps {
        id.and_then(|id| self.paras.get(id))
            .unwrap_or(&self.default_para)
    }

    /// A character style resolved along its chain.
    pub fn chars(&self, id: &str) -> Option<&RunProps> {
        self.chars.get(id)
    }
}

/// A style and its `basedOn` ancestors, nearest first; a cycle or a chain
/// deeper than Word's own limit stops the walk.
fn chain<'r>(raw: &'r FxHashMap<String, RawStyle>, id: &str) -> Vec<&'r ParaProps> {
    let mut out: Vec<&ParaProps> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut cur = Some(id);
    while let Some(c) = cur {
        let Some((key, s)) = raw.get_key_value(c) else {
            break;
        };
        if seen.contains(&key.as_str()) || seen.len() > 32 {
            break;
        }
        seen.push(key);
        out.push(&s.props);
        cur = s.based_on.as_deref();
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn heading_names_give_levels() {
        assert_eq!(super::heading_level("heading 1"), Some(0));
        assert_eq!(super::heading_level("Heading3"), Some(2));
        assert_eq!(super::heading_level("Heading"), None);
        assert_eq!(super::heading_level("Normal"), None);
    }
}
