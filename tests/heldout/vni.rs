//! VNI-Windows text as a pasted field holds it, written from the published
//! VNI table (not the crate's), so the held-out cases test the converter
//! against an encoder of their own.

/// Unicode Vietnamese as typed with a VNI-Windows font and read back as
/// Windows-1252. The std case mappings keep it apart from the crate's own.
#[allow(clippy::disallowed_methods)]
pub fn to_vni(s: &str) -> String {
    // Rows: the vowel without a tone, then grave, acute, hook, tilde, dot.
    const ROWS: [&str; 12] = [
        "aàáảãạ",
        "ăằắẳẵặ",
        "âầấẩẫậ",
        "eèéẻẽẹ",
        "êềếểễệ",
        "iìíỉĩị",
        "oòóỏõọ",
        "ôồốổỗộ",
        "ơờớởỡợ",
        "uùúủũụ",
        "ưừứửữự",
        "yỳýỷỹỵ",
    ];
    let tones = ["", "ø", "ù", "û", "õ", "ï"];
    let mut out = String::new();
    for c in s.chars() {
        let upper = c.is_uppercase();
        let lc = c.to_lowercase().next().unwrap();
        let found = ROWS
            .iter()
            .enumerate()
            .find_map(|(r, row)| row.chars().position(|x| x == lc).map(|t| (r, t)));
        let piece: String = match (lc, found) {
            ('đ', _) => "ñ".into(),
            (_, Some((5, t))) if t > 0 => ["", "ì", "í", "æ", "ó", "ò"][t].into(),
            (_, Some((11, 5))) => "î".into(),
            (_, Some((r, t))) => {
                let base = ["a", "a", "a", "e", "e", "i", "o", "o", "ô", "u", "ö", "y"][r];
                let mark = match r {
                    1 => ["ê", "è", "é", "ú", "ü", "ë"][t],
                    2 | 4 | 7 => ["â", "à", "á", "å", "ã", "ä"][t],
                    _ => tones[t],
                };
                format!("{base}{mark}")
            }
            _ => c.to_string(),
        };
        if upper {
            // Upper-case vowels take upper-case mark bytes.
            out.extend(piece.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(&piece);
        }
    }
    out
}

#[test]
fn vni_encoder_matches_the_published_samples() {
    assert_eq!(
        to_vni("Số hóa hồ sơ hành chính trên địa bàn phường"),
        "Soá hoùa hoà sô haønh chính treân ñòa baøn phöôøng"
    );
    assert_eq!(
        to_vni("Ủy ban nhân dân phường ban hành Kế hoạch"),
        "UÛy ban nhaân daân phöôøng ban haønh Keá hoaïch"
    );
    assert_eq!(to_vni("Đẩy mạnh, hơn nữa"), "Ñaåy maïnh, hôn nöõa");
}
