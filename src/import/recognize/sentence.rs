//! A task that names its agencies in a sentence rather than in labelled lines:
//! "Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; phối hợp với Công an
//! phường", "Phòng Văn hóa - Xã hội chủ trì, phối hợp Công an phường thực
//! hiện". The lead and the partners are read into the task's fields only when
//! every name is one of the directory's: nothing is added to the directory and
//! a list with a name it lacks is left to the person (the text keeps it).

use crate::model::edit::find_agency;
use crate::model::numbering::is_numbered;
use crate::model::{Document, Node, NodeKind};

/// Fill the empty lead and partners of every task from its own sentences.
pub(super) fn read_sentences(doc: &mut Document) {
    let mut body = std::mem::take(&mut doc.body);
    visit(&mut body, doc);
    doc.body = body;
}

fn visit(nodes: &mut [Node], doc: &Document) {
    for n in nodes {
        if n.kind == NodeKind::Task {
            let own: Vec<&str> = std::iter::once(n.text.as_str())
                .chain(
                    n.children
                        .iter()
                        .filter(|c| !is_numbered(c.kind))
                        .map(|c| c.text.as_str()),
                )
                .collect();
            let found = own.iter().find_map(|t| lead_and_partners(doc, t));
            if let (Some((lead, partners)), Some(task)) = (found, n.task.as_mut()) {
                if task.lead.is_empty() {
                    task.lead = lead;
                }
                if task.partners.is_empty() {
                    task.partners = partners;
                }
            }
        }
        visit(&mut n.children, doc);
    }
}

/// The ids of the lead and of the partners a text names around "chủ trì";
/// None unless the lead is one agency of the directory. Partners stay empty
/// unless all of them are in the directory.
fn lead_and_partners(doc: &Document, text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let at = text.find(" chủ trì")?;
    let lead = lead_before(doc, &text[..at])?;
    let after = text[at + " chủ trì".len()..].trim_start_matches([',', ';', ' ']);
    let list = ["phối hợp với ", "phối hợp ", "Phối hợp với ", "Phối hợp "]
        .into_iter()
        .find_map(|p| after.strip_prefix(p));
    let partners = list
        .and_then(|l| partners_in(doc, l))
        .unwrap_or_default()
        .into_iter()
        .filter(|p| *p != lead)
        .collect();
    Some((vec![lead], partners))
}

/// The one agency named right before "chủ trì": the longest end of the
/// sentence (after "Giao", a comma, a semicolon or the sentence's start) that
/// is a directory name.
fn lead_before(doc: &Document, before: &str) -> Option<String> {
    let sentence = before
        .rfind(['.', ':', '\n'])
        .map_or(before, |i| &before[i + 1..]);
    let starts = std::iter::once(0)
        .chain(sentence.match_indices([',', ';']).map(|(i, _)| i + 1))
        .chain(
            ["Giao ", "giao "]
                .into_iter()
                .filter_map(|g| sentence.rfind(g).map(|i| i + g.len())),
        );
    let mut best: Option<(usize, String)> = None;
    for s in starts {
        let name = sentence[s..].trim();
        if let Some(a) = find_agency(doc, name) {
            if best.as_ref().is_none_or(|(len, _)| name.len() > *len) {
                best = Some((name.len(), a.id.clone()));
            }
        }
    }
    best.map(|(_, id)| id)
}

/// The partners a list names, up to the words that follow it ("thực hiện",
/// "tổ chức …", the sentence's end): all of them directory names, or None.
fn partners_in(doc: &Document, list: &str) -> Option<Vec<String>> {
    let list = list.split(['.', '\n']).next().unwrap_or("");
    // Word ends, longest first: the list may be followed by other words.
    let ends: Vec<usize> = list
        .match_indices(' ')
        .map(|(i, _)| i)
        .chain(std::iter::once(list.len()))
        .collect();
    ends.into_iter().rev().find_map(|end| {
        let rest = list[end..].trim_start();
        // A list that goes on with a name the directory lacks is not read.
        let goes_on = rest.starts_with("và ") || rest.starts_with([',', ';']);
        (!goes_on).then(|| names(doc, list[..end].trim()))?
    })
}

/// Ids for a list of directory names joined by ",", ";" or "và" (a name may
/// itself hold them: "Phòng Kinh tế, Hạ tầng và Đô thị"); None if a part is
/// not a directory name.
fn names(doc: &Document, list: &str) -> Option<Vec<String>> {
    let list = list.trim().trim_end_matches([',', ';']).trim();
    if list.is_empty() {
        return None;
    }
    if let Some(a) = find_agency(doc, list) {
        return Some(vec![a.id.clone()]);
    }
    for (i, sep) in list
        .match_indices([',', ';'])
        .chain(list.match_indices(" và "))
    {
        let Some(a) = find_agency(doc, list[..i].trim()) else {
            continue;
        };
        if let Some(mut rest) = names(doc, &list[i + sep.len()..]) {
            rest.insert(0, a.id.clone());
            return Some(rest);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::generated_plan;

    /// The sample's directory: Phòng Văn hóa - Xã hội, Phòng Kinh tế, Hạ tầng
    /// và Đô thị, Văn phòng HĐND và UBND, Công an phường, ….
    fn read(text: &str) -> Option<(Vec<String>, Vec<String>)> {
        lead_and_partners(&generated_plan(1), text)
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn giao_x_chu_tri_phoi_hop_voi_y() {
        let doc = generated_plan(1);
        let names: Vec<&str> = doc.agencies.iter().map(|a| a.name.as_str()).collect();
        assert!(
            names.contains(&"Phòng Kinh tế, Hạ tầng và Đô thị"),
            "{names:?}"
        );
        assert_eq!(
            read("Rà soát phương án. Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; phối hợp với Công an phường và Văn phòng HĐND và UBND."),
            Some((
                ids(&["phong_kinh_te_ha_tang_va_do_thi"]),
                ids(&["cong_an_phuong", "van_phong_hdnd_va_ubnd"])
            ))
        );
        assert_eq!(
            read("Phòng Văn hóa - Xã hội chủ trì, phối hợp Công an phường thực hiện."),
            Some((ids(&["phong_van_hoa_xa_hoi"]), ids(&["cong_an_phuong"])))
        );
        assert_eq!(
            read("Tổ chức tập huấn, Văn phòng HĐND và UBND chủ trì."),
            Some((ids(&["van_phong_hdnd_va_ubnd"]), vec![]))
        );
    }

    #[test]
    fn names_not_in_the_directory_are_not_read() {
        // The lead is not in the directory: nothing is read.
        assert_eq!(
            read("Giao Ban Chỉ huy quân sự phường chủ trì, phối hợp với Công an phường."),
            None
        );
        // A partner list that goes on with an unknown name: no partners.
        assert_eq!(
            read("Giao Công an phường chủ trì, phối hợp với Phòng Văn hóa - Xã hội và Hội Cựu chiến binh."),
            Some((ids(&["cong_an_phuong"]), vec![]))
        );
        // A verb alone names nobody.
        assert_eq!(read("Chủ trì tổ chức hội nghị tập huấn."), None);
        assert_eq!(read("Tổ chức hội nghị do phường chủ trì."), None);
    }
}
