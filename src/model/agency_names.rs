//! Agency names as people write them in a field or a cell: one or several,
//! separated by ";", new lines or commas. A comma is also part of many names
//! ("Phòng Kinh tế, Hạ tầng và Đô thị", "Các cơ quan, đơn vị trên địa bàn
//! phường"), so a comma separates two names only when both sides read as
//! agency names; names already in the directory are matched whole first.

use super::Agency;
use crate::text::{fold, to_lower};

/// Words an agency name starts with ("Phòng …", "Ban …", "Công an …").
const AGENCY_HEADS: &[&str] = &[
    "ban",
    "bch",
    "bộ",
    "bệnh viện",
    "báo và",
    "cổng thông tin",
    "thủ trưởng",
    "giám đốc",
    "chi bộ",
    "chi cục",
    "chi nhánh",
    "cục",
    "các",
    "công an",
    "công ty",
    "cơ quan",
    "hđnd",
    "hội",
    "hợp tác xã",
    "kho bạc",
    "liên đoàn",
    "lực lượng",
    "mttq",
    "mặt trận",
    "ngân hàng",
    "phòng",
    "quân sự",
    "sở",
    "thanh tra",
    "thành đoàn",
    "thường trực",
    "tòa án",
    "trung tâm",
    "trường",
    "trạm",
    "tổ",
    "ubnd",
    "ubmttq",
    "viện",
    "văn phòng",
    "đoàn",
    "đài",
    "đơn vị",
    "đảng ủy",
    "đảng bộ",
    "ủy ban",
    "chủ tịch",
    "phó chủ tịch",
];

/// The agencies of `directory` that what a person typed may mean, best first:
/// the query is compared without accents or case against the full and the
/// short name — same name, then the start of the name, the start of a word,
/// anywhere in it, and last every typed word starting a word of the name
/// ("cong an" and "công an" find "Công an phường"). Nothing for an empty query.
pub fn matching_agencies<'a>(directory: &'a [Agency], query: &str) -> Vec<&'a Agency> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u8, usize, &Agency)> = directory
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let names = [Some(a.name.as_str()), a.short_name.as_deref()];
            names
                .into_iter()
                .flatten()
                .filter_map(|n| match_rank(&fold(n), &q))
                .min()
                .map(|rank| (rank, i, a))
        })
        .collect();
    scored.sort_by_key(|&(rank, i, _)| (rank, i));
    scored.into_iter().map(|(_, _, a)| a).collect()
}

/// How well folded `name` fits folded query `q` (lower is better), if at all.
fn match_rank(name: &str, q: &str) -> Option<u8> {
    let words_start = |w: &str| name.split(' ').any(|n| n.starts_with(w));
    if name == q {
        Some(0)
    } else if name.starts_with(q) {
        Some(1)
    } else if format!(" {name}").contains(&format!(" {q}")) {
        Some(2)
    } else if name.contains(q) {
        Some(3)
    } else if q.split(' ').all(words_start) {
        Some(4)
    } else {
        None
    }
}

/// The agency a typed name is, when it is one: its full or short name,
/// accents, case and punctuation aside.
pub fn same_name<'a>(directory: &'a [Agency], typed: &str) -> Option<&'a Agency> {
    let want = fold(typed);
    (!want.is_empty()).then_some(())?;
    directory
        .iter()
        .find(|a| fold(&a.name) == want || a.short_name.as_deref().is_some_and(|s| fold(s) == want))
}

/// Whether `text` starts like the name of an agency: a capital letter and one of
/// the usual first words.
pub fn looks_like_agency(text: &str) -> bool {
    let t = text.trim();
    if !t.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower = to_lower(t);
    AGENCY_HEADS.iter().any(|h| {
        lower
            .strip_prefix(h)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// Agency names as one list, the way the plans write it: "; " between names
/// (names hold commas themselves: "Phòng Kinh tế, Hạ tầng và Đô thị"), and a
/// group name that starts with a common word ("Các tổ dân phố") in lower case
/// after the first: "Công an phường; các tổ dân phố". [`split_agency_names`]
/// reads it back.
pub fn join_agency_names(names: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for name in names {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(name);
            continue;
        }
        out.push_str("; ");
        match COMMON_HEADS.iter().find_map(|h| {
            name.strip_prefix(h)
                .filter(|r| r.starts_with(' '))
                .map(|r| (h, r))
        }) {
            Some((head, rest)) => {
                out.push_str(&to_lower(head));
                out.push_str(rest);
            }
            None => out.push_str(name),
        }
    }
    out
}

/// A name read from a list as the directory holds it: "các tổ dân phố" (lower
/// case inside a list, see [`join_agency_names`]) is "Các tổ dân phố".
pub fn directory_name(written: &str) -> String {
    let t = written.trim();
    for head in COMMON_HEADS {
        let lower = to_lower(head);
        if let Some(rest) = t
            .strip_prefix(lower.as_str())
            .filter(|r| r.starts_with(' '))
        {
            return format!("{head}{rest}");
        }
    }
    t.to_string()
}

/// First words of a group of agencies, a common noun written in lower case inside a list.
const COMMON_HEADS: [&str; 3] = ["Các", "Những", "Toàn thể"];

/// The agency names in `text`, in order, trimmed, without a final "." or ";".
pub fn split_agency_names(text: &str, known: &[Agency]) -> Vec<String> {
    let mut out = Vec::new();
    for part in text.split([';', '\n']) {
        let part = part.trim().trim_end_matches(['.', ';', ',']).trim();
        if !part.is_empty() {
            split_on_commas(part, known, &mut out);
        }
    }
    out
}

/// Split one ";"-free part at the commas that separate names.
fn split_on_commas(part: &str, known: &[Agency], out: &mut Vec<String>) {
    let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
    let mut i = 0;
    while i < pieces.len() {
        // One piece plus the following ones that do not start a new agency,
        // or a longer run that is a name of the directory.
        let mut end = i + 1;
        while end < pieces.len() && !starts_name(pieces[end], known) {
            end += 1;
        }
        if let Some(k) = (end + 1..=pieces.len())
            .rev()
            .find(|&j| is_known(&pieces[i..j].join(", "), known))
        {
            end = k;
        }
        let name = pieces[i..end].join(", ");
        if !name.is_empty() {
            out.push(name);
        }
        i = end;
    }
}

fn is_known(name: &str, known: &[Agency]) -> bool {
    let want = to_lower(name.trim());
    known.iter().any(|a| {
        to_lower(&a.name) == want || a.short_name.as_deref().is_some_and(|s| to_lower(s) == want)
    })
}

/// A piece after a comma starts a new name when it reads as one, or begins a
/// name of the directory.
fn starts_name(piece: &str, known: &[Agency]) -> bool {
    if piece.is_empty() {
        return false;
    }
    let lower = to_lower(piece);
    looks_like_agency(piece)
        || known.iter().any(|a| {
            let n = to_lower(&a.name);
            n == lower || (n.starts_with(&lower) && n[lower.len()..].starts_with(','))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency(name: &str) -> Agency {
        Agency {
            id: crate::model::edit::slug(name),
            name: name.into(),
            ..Agency::default()
        }
    }

    #[test]
    fn lists_join_with_semicolons_and_read_back() {
        let names = [
            "Công an phường",
            "Các tổ dân phố",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
        ];
        let joined = join_agency_names(names.map(String::from));
        assert_eq!(
            joined,
            "Công an phường; các tổ dân phố; Phòng Kinh tế, Hạ tầng và Đô thị"
        );
        let known: Vec<Agency> = names.iter().map(|n| agency(n)).collect();
        let back = split_agency_names(&joined, &known);
        assert_eq!(
            back,
            [
                "Công an phường",
                "các tổ dân phố",
                "Phòng Kinh tế, Hạ tầng và Đô thị"
            ]
        );
        assert_eq!(directory_name(&back[1]), "Các tổ dân phố");
        assert_eq!(directory_name(" các"), "các");
        assert_eq!(directory_name("Công an phường"), "Công an phường");
        assert_eq!(
            join_agency_names(["Các sở, ban, ngành".into(), " ".into(), "Sở Nội vụ".into()]),
            "Các sở, ban, ngành; Sở Nội vụ"
        );
    }

    #[test]
    fn names_with_a_comma_stay_whole() {
        assert_eq!(
            split_agency_names("Phòng Kinh tế, Hạ tầng và Đô thị", &[]),
            ["Phòng Kinh tế, Hạ tầng và Đô thị"]
        );
        assert_eq!(
            split_agency_names("Các cơ quan, đơn vị trên địa bàn phường.", &[]),
            ["Các cơ quan, đơn vị trên địa bàn phường"]
        );
    }

    #[test]
    fn commas_between_agencies_separate_them() {
        assert_eq!(
            split_agency_names("Sở Nội vụ, Sở Tư pháp, Công an phường", &[]),
            ["Sở Nội vụ", "Sở Tư pháp", "Công an phường"]
        );
        assert_eq!(
            split_agency_names("Công an phường; Phòng Văn hóa - Xã hội", &[]),
            ["Công an phường", "Phòng Văn hóa - Xã hội"]
        );
    }

    #[test]
    fn directory_names_are_matched_whole_first() {
        let known = [agency("Phòng Kinh tế, Hạ tầng và Đô thị")];
        assert_eq!(
            split_agency_names("Phòng Kinh tế, Hạ tầng và Đô thị, Công an phường", &known),
            ["Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"]
        );
        // Without the directory entry, "Hạ tầng và Đô thị" is not an agency
        // head, so the name still stays whole.
        assert_eq!(
            split_agency_names("Phòng Kinh tế, Hạ tầng và Đô thị, Công an phường", &[]),
            ["Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"]
        );
    }

    #[test]
    fn typed_text_finds_directory_agencies_without_accents() {
        let mut ca = agency("Công an phường");
        ca.short_name = Some("CAP".into());
        let dir = [
            agency("Phòng Kinh tế, Hạ tầng và Đô thị"),
            agency("Văn phòng HĐND và UBND"),
            ca,
            agency("Phòng Văn hóa - Xã hội"),
        ];
        let names = |q: &str| -> Vec<String> {
            matching_agencies(&dir, q)
                .into_iter()
                .map(|a| a.name.clone())
                .collect()
        };
        assert_eq!(names("công an"), ["Công an phường"]);
        assert_eq!(names("cong an"), ["Công an phường"]);
        assert_eq!(names("cap"), ["Công an phường"]);
        assert_eq!(names("hạ tầng"), ["Phòng Kinh tế, Hạ tầng và Đô thị"]);
        assert_eq!(
            names("phong"),
            [
                "Phòng Kinh tế, Hạ tầng và Đô thị",
                "Phòng Văn hóa - Xã hội",
                "Văn phòng HĐND và UBND"
            ]
        );
        assert_eq!(names("van hoa xa"), ["Phòng Văn hóa - Xã hội"]);
        assert!(names("KTHT").is_empty());
        assert!(names("  ").is_empty());
        assert_eq!(
            same_name(&dir, "cong an phuong").map(|a| a.id.as_str()),
            Some("cong_an_phuong")
        );
        assert_eq!(
            same_name(&dir, "cap").map(|a| a.id.as_str()),
            Some("cong_an_phuong")
        );
        assert!(same_name(&dir, "công an").is_none());
    }

    #[test]
    fn agency_heads_need_a_capital_and_a_whole_word() {
        assert!(looks_like_agency("Phòng Văn hóa - Xã hội"));
        assert!(!looks_like_agency("phòng văn hóa"));
        assert!(!looks_like_agency("Phòngban"));
        assert!(!looks_like_agency("Hạ tầng và Đô thị"));
    }
}
