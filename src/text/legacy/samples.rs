//! Legacy sample sentences: Vietnamese typed in VNI-Windows and TCVN3 (ABC)
//! and read as Unicode, with what the author meant. Written from the Unicode
//! by a separate encoder (the published tables, not this crate's), with words
//! that read as Vietnamese in both encodings ("Cô" is VNI "Cơ", "chính" is the
//! same in VNI and Unicode, "bé" is TCVN3 "bộ", "mét" is "một").

use super::Legacy::{self, Tcvn3, Vni};

/// (encoding, text as pasted, text meant).
pub(crate) const SAMPLES: &[(Legacy, &str, &str)] = &[
    (
        Vni,
        "Cô quan chuû trì chính laø Phoøng Vaên hoùa - Xaõ hoäi",
        "Cơ quan chủ trì chính là Phòng Văn hóa - Xã hội",
    ),
    (
        Vni,
        "Soá hoùa hoà sô haønh chính treân ñòa baøn phöôøng",
        "Số hóa hồ sơ hành chính trên địa bàn phường",
    ),
    (
        Vni,
        "Chính quyeàn cô sôû toå chöùc laáy yù kieán Nhaân daân",
        "Chính quyền cơ sở tổ chức lấy ý kiến Nhân dân",
    ),
    (
        Vni,
        "UÛy ban nhaân daân phöôøng ban haønh Keá hoaïch thöïc hieän",
        "Ủy ban nhân dân phường ban hành Kế hoạch thực hiện",
    ),
    (
        Vni,
        "Cô sôû döõ lieäu veà hoä tòch ñöôïc caäp nhaät thöôøng xuyeân",
        "Cơ sở dữ liệu về hộ tịch được cập nhật thường xuyên",
    ),
    (
        Vni,
        "Ñaåy maïnh chuyeån ñoåi soá, hôn nöõa laø hieän ñaïi hoùa neàn haønh chính",
        "Đẩy mạnh chuyển đổi số, hơn nữa là hiện đại hóa nền hành chính",
    ),
    (
        Vni,
        "Toå chöùc hoäi nghò quaùn trieät, tuyeân truyeàn saâu roäng",
        "Tổ chức hội nghị quán triệt, tuyên truyền sâu rộng",
    ),
    (
        Vni,
        "Caùc cô quan, ñôn vò chuû ñoäng phoái hôïp thöïc hieän",
        "Các cơ quan, đơn vị chủ động phối hợp thực hiện",
    ),
    (
        Vni,
        "Kinh phí thöïc hieän do ngaân saùch nhaø nöôùc baûo ñaûm",
        "Kinh phí thực hiện do ngân sách nhà nước bảo đảm",
    ),
    (
        Vni,
        "Thôøi gian thöïc hieän: thöôøng xuyeân, haèng naêm",
        "Thời gian thực hiện: thường xuyên, hằng năm",
    ),
    (
        Vni,
        "Baûo ñaûm quoác phoøng, an ninh, traät töï an toaøn xaõ hoäi",
        "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
    ),
    (
        Vni,
        "Taêng cöôøng kyû luaät, kyû cöông haønh chính",
        "Tăng cường kỷ luật, kỷ cương hành chính",
    ),
    (
        Vni,
        "Cô cheá moät cöûa, moät cöûa lieân thoâng ñöôïc duy trì",
        "Cơ chế một cửa, một cửa liên thông được duy trì",
    ),
    (
        Vni,
        "Naâng cao chaát löôïng phuïc vuï ngöôøi daân vaø doanh nghieäp",
        "Nâng cao chất lượng phục vụ người dân và doanh nghiệp",
    ),
    (
        Vni,
        "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ),
    (
        Vni,
        "Ñoäc laäp - Töï do - Haïnh phuùc",
        "Độc lập - Tự do - Hạnh phúc",
    ),
    (
        Vni,
        "Baùo caùo keát quaû tröôùc ngaøy 05 thaùng 6 haèng naêm",
        "Báo cáo kết quả trước ngày 05 tháng 6 hằng năm",
    ),
    (
        Tcvn3,
        "C¸c bé, ngµnh cã tr¸ch nhiÖm phèi hîp",
        "Các bộ, ngành có trách nhiệm phối hợp",
    ),
    (
        Tcvn3,
        "Mét sè nhiÖm vô träng t©m n¨m 2026",
        "Một số nhiệm vụ trọng tâm năm 2026",
    ),
    (
        Tcvn3,
        "Hé gia ®×nh, c¸ nh©n ®\u{AD}îc hç trî kÞp thêi",
        "Hộ gia đình, cá nhân được hỗ trợ kịp thời",
    ),
    (
        Tcvn3,
        "Céng hßa x· héi chñ nghÜa ViÖt Nam",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
    ),
    (
        Tcvn3,
        "Ph\u{AD}êng Hång An tæ chøc thùc hiÖn cã hiÖu qu¶",
        "Phường Hồng An tổ chức thực hiện có hiệu quả",
    ),
    (
        Tcvn3,
        "Trªn ®©y lµ KÕ ho¹ch cña Uû ban nh©n d©n ph\u{AD}êng",
        "Trên đây là Kế hoạch của Uỷ ban nhân dân phường",
    ),
    (
        Tcvn3,
        "Bé phËn mét cöa tiÕp nhËn hå s¬ cña ng\u{AD}êi d©n",
        "Bộ phận một cửa tiếp nhận hồ sơ của người dân",
    ),
    (
        Tcvn3,
        "Phßng V¨n hãa - X· héi chñ tr×, phèi hîp víi C«ng an ph\u{AD}êng",
        "Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an phường",
    ),
    (
        Tcvn3,
        "§Èy m¹nh c¶i c¸ch hµnh chÝnh, chuyÓn ®æi sè",
        "Đẩy mạnh cải cách hành chính, chuyển đổi số",
    ),
    (
        Tcvn3,
        "Mçi nhiÖm vô cã ®óng mét c¬ quan chñ tr×",
        "Mỗi nhiệm vụ có đúng một cơ quan chủ trì",
    ),
    (
        Tcvn3,
        "Tuyªn truyÒn, phæ biÕn s©u réng ®Õn c¸n bé, ®¶ng viªn",
        "Tuyên truyền, phổ biến sâu rộng đến cán bộ, đảng viên",
    ),
    (
        Tcvn3,
        "KiÓm tra, gi¸m s¸t viÖc thùc hiÖn d©n chñ ë c¬ së",
        "Kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở",
    ),
    (
        Tcvn3,
        "Tæng hîp, b¸o c¸o kÕt qu¶ vÒ Uû ban nh©n d©n thµnh phè",
        "Tổng hợp, báo cáo kết quả về Uỷ ban nhân dân thành phố",
    ),
    (
        Tcvn3,
        "Së Néi vô h\u{AD}íng dÉn, ®«n ®èc c¸c ®Þa ph\u{AD}¬ng",
        "Sở Nội vụ hướng dẫn, đôn đốc các địa phương",
    ),
    (
        Tcvn3,
        "Cã Phô lôc I chi tiÕt kÌm theo",
        "Có Phụ lục I chi tiết kèm theo",
    ),
    (
        Tcvn3,
        "§é tuæi lao ®éng, sè hé nghÌo gi¶m",
        "Độ tuổi lao động, số hộ nghèo giảm",
    ),
];

#[cfg(test)]
mod tests {
    use super::super::{convert_legacy, detect_legacy};
    use super::SAMPLES;

    #[test]
    fn every_sample_is_detected_and_converted_to_what_was_meant() {
        assert!(SAMPLES.len() >= 30);
        for &(enc, legacy, meant) in SAMPLES {
            assert_eq!(detect_legacy(legacy), Some(enc), "{legacy}");
            let c = convert_legacy(legacy, enc);
            assert_eq!(c.text, meant, "{legacy}");
            assert!(c.certain, "{legacy}");
        }
    }

    #[test]
    fn samples_joined_in_one_field_convert_at_once() {
        for enc in [super::Vni, super::Tcvn3] {
            let (legacy, meant): (Vec<&str>, Vec<&str>) = SAMPLES
                .iter()
                .filter(|s| s.0 == enc)
                .map(|s| (s.1, s.2))
                .unzip();
            let c = convert_legacy(&legacy.join(". "), enc);
            assert_eq!(c.text, meant.join(". "));
            assert!(c.certain);
        }
    }
}
