//! The rule reference: for each rule of the catalogue, its legal basis, an
//! example of wrong and right text and whether it offers a fix. Kept apart
//! from the rules (keyed by id) so the checks stay small; only the CLI
//! (`kehoach rules`, `docs/rules.md`) reads it, never the browser app.
//! A test holds it to the catalogue: every rule has an entry, no entry lacks
//! its rule, and what an entry says about fixes is what the rule does.

/// What the reference says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDoc {
    pub id: &'static str,
    /// The legal basis (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW) or,
    /// where the law says nothing, the practice it follows.
    pub basis_vi: &'static str,
    pub basis_en: &'static str,
    /// Text as the rule finds it, and as it should be.
    pub wrong: &'static str,
    pub right: &'static str,
    /// Whether the rule offers a fix (only where the right text is certain).
    pub fixes: bool,
}

/// The entry of rule `id`, if the reference has one.
pub fn reference(id: &str) -> Option<&'static RuleDoc> {
    REFERENCE.iter().find(|d| d.id == id)
}

/// Shorthand for the table below.
const fn doc(
    id: &'static str,
    (basis_vi, basis_en): (&'static str, &'static str),
    (wrong, right): (&'static str, &'static str),
    fixes: bool,
) -> RuleDoc {
    RuleDoc {
        id,
        basis_vi,
        basis_en,
        wrong,
        right,
        fixes,
    }
}

const PL1_NUMBER: (&str, &str) = (
    "NĐ 30/2020, Phụ lục I, phần “Số, ký hiệu của văn bản”",
    "Decree 30/2020, Appendix I, “Number and symbol of the document”",
);
const PL1_DATE: (&str, &str) = (
    "NĐ 30/2020, Phụ lục I, phần “Địa danh và thời gian ban hành văn bản”",
    "Decree 30/2020, Appendix I, “Place and date of issue”",
);
const PL1_SIGN: (&str, &str) = (
    "NĐ 30/2020, Điều 13 (thẩm quyền ký) và Phụ lục I, phần “Chức vụ, họ tên và chữ ký”",
    "Decree 30/2020, Article 13 (signing authority) and Appendix I, “Title, name and signature”",
);
const PL1_RECIPIENTS: (&str, &str) = (
    "NĐ 30/2020, Phụ lục I, phần “Nơi nhận”",
    "Decree 30/2020, Appendix I, “Recipients”",
);
const PL1_CONTENT: (&str, &str) = (
    "NĐ 30/2020, Phụ lục I, phần “Nội dung văn bản”",
    "Decree 30/2020, Appendix I, “Content of the document”",
);
const PL1_APPENDIX: (&str, &str) = (
    "NĐ 30/2020, Phụ lục I, phần “Phụ lục văn bản”",
    "Decree 30/2020, Appendix I, “Appendices”",
);
const PL1_CITE: (&str, &str) = (
    "NĐ 30/2020, Phụ lục I, phần “Nội dung văn bản” (viện dẫn ghi đủ tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành)",
    "Decree 30/2020, Appendix I, “Content of the document” (a citation gives type, number and symbol, date and issuer)",
);
const UNICODE: (&str, &str) = (
    "NĐ 30/2020, Phụ lục I: phông chữ tiếng Việt bộ mã Unicode theo TCVN 6909:2001",
    "Decree 30/2020, Appendix I: Vietnamese Unicode fonts per TCVN 6909:2001",
);
const PLAN: (&str, &str) = (
    "Thực tiễn lập kế hoạch (các kế hoạch mẫu): mỗi nhiệm vụ có đúng một cơ quan chủ trì",
    "Planning practice (the seed plans): each task has exactly one lead agency",
);
const TABLE: (&str, &str) = (
    "Thực tiễn trình bày bảng phụ lục (các kế hoạch mẫu)",
    "Practice of appendix tables (the seed plans)",
);
const PARENT: (&str, &str) = (
    "Thực tiễn kế hoạch cấp dưới thực hiện kế hoạch cấp trên",
    "Practice of a plan implementing its parent plan",
);

/// One entry per rule, in id order.
pub const REFERENCE: &[RuleDoc] = &[
    doc(
        "appendix.index_cell",
        TABLE,
        (
            "cột STT tự đánh số, ô ghi tay “1”",
            "ô để trống, số tự đánh",
        ),
        true,
    ),
    doc(
        "appendix.number.order",
        PL1_APPENDIX,
        ("Phụ lục II, Phụ lục I", "Phụ lục I, Phụ lục II"),
        false,
    ),
    doc(
        "appendix.number.roman",
        PL1_APPENDIX,
        ("Phụ lục 1, Phụ lục 2", "Phụ lục I, Phụ lục II"),
        true,
    ),
    doc(
        "appendix.reference_missing",
        PL1_APPENDIX,
        (
            "(Có Phụ lục III chi tiết kèm theo) khi chỉ có hai phụ lục",
            "chỉ nhắc đến phụ lục có trong văn bản",
        ),
        false,
    ),
    doc(
        "appendix.row_cells",
        TABLE,
        ("bảng 6 cột, một dòng 5 ô", "mỗi dòng 6 ô"),
        false,
    ),
    doc(
        "appendix.row_number",
        TABLE,
        ("STT ghi tay 1, 3, 3", "1, 2, 3"),
        true,
    ),
    doc(
        "appendix.unreferenced",
        PL1_APPENDIX,
        (
            "có Phụ lục I nhưng nội dung không nhắc đến",
            "(Có Phụ lục I chi tiết kèm theo)",
        ),
        false,
    ),
    doc(
        "cite.after_plan",
        PL1_CITE,
        (
            "kế hoạch ngày 15/01/2026 căn cứ Nghị quyết ngày 20/3/2026",
            "văn bản được căn cứ ban hành trước kế hoạch",
        ),
        false,
    ),
    doc(
        "cite.bare",
        PL1_CITE,
        (
            "Thực hiện Nghị quyết số 57 về phát triển khoa học",
            "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        ),
        false,
    ),
    doc(
        "cite.date_conflict",
        PL1_CITE,
        (
            "Kế hoạch số 347/KH-UBND ngày 26/12/2025 … ngày 20/12/2025",
            "một văn bản, một ngày ở mọi chỗ",
        ),
        false,
    ),
    doc(
        "cite.date_exists",
        PL1_CITE,
        (
            "Nghị quyết số 12/NQ-HĐND ngày 31/6/2025",
            "ngày có thật, ví dụ 30/6/2025",
        ),
        false,
    ),
    doc(
        "cite.first_full",
        PL1_CITE,
        (
            "Nghị quyết số 41/NQ-HĐND của HĐND phường … (ngày 23/12/2025 chỉ ghi ở lần sau)",
            "Nghị quyết số 41/NQ-HĐND ngày 23/12/2025 của HĐND phường (lần viện dẫn đầu)",
        ),
        false,
    ),
    doc(
        "cite.kind_code",
        (
            "NĐ 30/2020, Phụ lục III (chữ viết tắt tên loại văn bản)",
            "Decree 30/2020, Appendix III (abbreviations of document types)",
        ),
        ("Nghị quyết số 12/KH-UBND", "Nghị quyết số 12/NQ-HĐND"),
        false,
    ),
    doc(
        "cite.parent",
        PARENT,
        (
            "Nghị quyết số 12/NQ-HĐND ngày 21/6/2025, kế hoạch cấp trên ghi 20/6/2025",
            "ngày 20/6/2025, như kế hoạch cấp trên",
        ),
        true,
    ),
    doc(
        "hd36.signature.prefix",
        (
            "Hướng dẫn 36-HD/VPTW (2018): văn bản của Đảng ký T/M, K/T",
            "Guide 36-HD/VPTW (2018): Party documents sign T/M, K/T",
        ),
        ("T/L BAN CHẤP HÀNH", "T/M BAN CHẤP HÀNH"),
        false,
    ),
    doc(
        "nd30.body.ending",
        PL1_CONTENT,
        (
            "… của Ủy ban nhân dân phường.",
            "… của Ủy ban nhân dân phường./.",
        ),
        true,
    ),
    doc(
        "nd30.body.numbering_depth",
        PL1_CONTENT,
        (
            "mục cấp 4 khi cách đánh số chỉ có 3 cấp",
            "cách đánh số đủ cấp (I. → 1. → a) → -)",
        ),
        false,
    ),
    doc(
        "nd30.body.typed_label",
        PL1_CONTENT,
        ("“1. Mục đích” ở mục đã tự đánh số 1.", "“Mục đích”"),
        true,
    ),
    doc(
        "nd30.case.fixed_name",
        (
            "NĐ 30/2020, Phụ lục II: viết hoa tên loại văn bản, tên cơ quan, tổ chức",
            "Decree 30/2020, Appendix II: capitals in document types and names of bodies",
        ),
        (
            "Kế Hoạch của Ủy Ban Nhân Dân phường",
            "Kế hoạch của Ủy ban nhân dân phường",
        ),
        true,
    ),
    doc(
        "nd30.case.heading_start",
        (
            "NĐ 30/2020, Phụ lục II: viết hoa chữ cái đầu của câu, của đề mục",
            "Decree 30/2020, Appendix II: a sentence or heading starts with a capital",
        ),
        ("kinh phí thực hiện", "Kinh phí thực hiện"),
        true,
    ),
    doc(
        "nd30.date.complete",
        PL1_DATE,
        (
            "Số: 15/KH-UBND, ngày … tháng … năm 2026",
            "ngày 15 tháng 01 năm 2026",
        ),
        false,
    ),
    doc(
        "nd30.date.exists",
        PL1_DATE,
        ("ngày 31 tháng 02 năm 2026", "ngày có thật"),
        false,
    ),
    doc(
        "nd30.date.future",
        PL1_DATE,
        (
            "văn bản đã có số ghi ngày năm sau",
            "ngày ban hành không sau hôm nay",
        ),
        false,
    ),
    doc(
        "nd30.date.leading_zero",
        PL1_DATE,
        (
            "ngày 5/6/2025, ngày 15/1/2026, tháng 06",
            "ngày 05/6/2025, ngày 15/01/2026, tháng 6",
        ),
        true,
    ),
    doc(
        "nd30.number.digits",
        PL1_NUMBER,
        (
            "Số: 15a/KH-UBND; số “ 15 ” có dấu cách (tự bỏ)",
            "Số: 15/KH-UBND",
        ),
        true,
    ),
    doc(
        "nd30.number.draft",
        PL1_NUMBER,
        ("Số: (trống)", "số được cấp khi đăng ký văn bản"),
        false,
    ),
    doc(
        "nd30.number.leading_zero",
        PL1_NUMBER,
        ("Số: 5/KH-UBND", "Số: 05/KH-UBND"),
        true,
    ),
    doc(
        "nd30.parts.required",
        (
            "NĐ 30/2020, Điều 8 (thể thức văn bản)",
            "Decree 30/2020, Article 8 (required parts)",
        ),
        (
            "thiếu trích yếu",
            "có đủ tên cơ quan, số, ký hiệu, địa danh, ngày, trích yếu, nội dung, chữ ký, nơi nhận",
        ),
        false,
    ),
    doc(
        "nd30.place.issuing_body",
        PL1_DATE,
        (
            "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN … Hồng An, ngày …",
            "Lê Chân, ngày … (hoặc tên tỉnh, thành phố)",
        ),
        false,
    ),
    doc(
        "nd30.points.sequence",
        PL1_CONTENT,
        ("a) … b) … c) … e) …", "a) … b) … c) … d) … đ) … e) …"),
        false,
    ),
    doc(
        "nd30.recipients.archive",
        PL1_RECIPIENTS,
        ("không có dòng Lưu", "- Lưu: VT, VHXH."),
        false,
    ),
    doc(
        "nd30.recipients.archive_unit",
        PL1_RECIPIENTS,
        ("Lưu: VT, VHX.", "Lưu: VT, VHXH."),
        false,
    ),
    doc(
        "nd30.recipients.punctuation",
        PL1_RECIPIENTS,
        (
            "“- UBND thành phố;” gõ cả dấu",
            "“UBND thành phố” (bản in tự thêm “- ” và “;”)",
        ),
        true,
    ),
    doc(
        "nd30.signature.committee",
        PL1_SIGN,
        ("CHỦ TỊCH (không có TM.)", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"),
        true,
    ),
    doc(
        "nd30.signature.kt",
        PL1_SIGN,
        ("KT. PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
        false,
    ),
    doc(
        "nd30.signature.name",
        PL1_SIGN,
        ("không có họ tên người ký", "Nguyễn Văn An"),
        false,
    ),
    doc(
        "nd30.symbol.body_code",
        PL1_NUMBER,
        ("KH-HĐND của Ủy ban nhân dân", "KH-UBND"),
        false,
    ),
    doc(
        "nd30.symbol.type_code",
        (
            "NĐ 30/2020, Phụ lục I (số, ký hiệu) và Phụ lục III (chữ viết tắt tên loại)",
            "Decree 30/2020, Appendix I (number and symbol) and Appendix III (type abbreviations)",
        ),
        ("Kế hoạch ký hiệu QĐ-UBND", "KH-UBND"),
        true,
    ),
    doc(
        "plan.agency.unknown",
        PLAN,
        (
            "giao cho cơ quan không có trong danh mục",
            "chọn cơ quan trong danh mục",
        ),
        false,
    ),
    doc(
        "plan.agency.unused",
        PLAN,
        (
            "Ban Chỉ huy quân sự có trong danh mục nhưng không được giao việc",
            "giao việc hoặc bỏ khỏi danh mục",
        ),
        false,
    ),
    doc(
        "plan.report_deadline.exists",
        PARENT,
        ("hạn báo cáo ngày 31/6", "ngày có thật, ví dụ 30/6"),
        false,
    ),
    doc(
        "plan.report_deadline.parent",
        PARENT,
        (
            "hạn 15/6 khi cấp trên hạn 10/6",
            "hạn 05/6, sớm hơn hạn cấp trên",
        ),
        false,
    ),
    doc(
        "plan.task.duplicate_agency",
        PLAN,
        (
            "Công an phường ghi hai lần trong cơ quan phối hợp",
            "mỗi cơ quan ghi một lần",
        ),
        false,
    ),
    doc(
        "plan.task.lead",
        PLAN,
        (
            "nhiệm vụ không có hoặc có hai cơ quan chủ trì",
            "đúng một cơ quan chủ trì",
        ),
        false,
    ),
    doc(
        "plan.task.lead_partner",
        PLAN,
        (
            "Phòng Văn hóa - Xã hội vừa chủ trì vừa phối hợp",
            "chủ trì hoặc phối hợp, không cả hai",
        ),
        false,
    ),
    doc(
        "plan.timeframe.invalid",
        PLAN,
        ("Quý V/2026", "Quý IV/2026"),
        false,
    ),
    doc(
        "plan.timeframe.period",
        PLAN,
        (
            "Năm 2035 trong kế hoạch 2026 - 2030",
            "trong thời kỳ 2026 - 2030",
        ),
        false,
    ),
    doc(
        "plan.timeframe.text",
        PLAN,
        (
            "khi nào xong",
            "Thường xuyên, Năm 2026, Quý I/2026, 2026 - 2030, Trước ngày 31/3/2026",
        ),
        false,
    ),
    doc(
        "plan.year.subject",
        (
            "Thực tiễn lập kế hoạch: năm ghi ở trích yếu, tên loại và câu ban hành khớp với giai đoạn (hoặc ngày) của kế hoạch",
            "Planning practice: the year in the subject, title and issuing sentence agrees with the plan's period (or date)",
        ),
        (
            "kế hoạch giai đoạn 2026 - 2030, trích yếu ghi “năm 2025”",
            "năm trong trích yếu nằm trong giai đoạn của kế hoạch",
        ),
        false,
    ),
    doc(
        "text.eth_for_dj",
        UNICODE,
        ("ÐẢNG (chữ Ð Iceland)", "ĐẢNG (chữ Đ tiếng Việt)"),
        true,
    ),
    doc(
        "text.invisible_control",
        UNICODE,
        (
            "năm 2026 có ký tự ẩn U+202E đảo chiều chữ, hiện thành “năm 6202”",
            "năm 2026 không có ký tự ẩn",
        ),
        true,
    ),
    doc(
        "text.legacy_encoding",
        UNICODE,
        ("KÕ ho¹ch (TCVN3), Keá hoaïch (VNI)", "Kế hoạch"),
        true,
    ),
    doc(
        "text.nfc",
        UNICODE,
        (
            "Kế hoạch gõ dấu rời (Unicode tổ hợp)",
            "Kế hoạch dựng sẵn (NFC)",
        ),
        true,
    ),
    doc(
        "text.no_diacritics",
        (
            "NĐ 30/2020, Phụ lục I: văn bản tiếng Việt có dấu (TCVN 6909:2001)",
            "Decree 30/2020, Appendix I: Vietnamese text with its diacritics (TCVN 6909:2001)",
        ),
        ("Ke hoach thuc hien", "Kế hoạch thực hiện"),
        false,
    ),
    doc(
        "text.spacing",
        (
            "Thực tiễn chế bản: một dấu cách giữa hai từ, không có dấu cách trước dấu câu, có dấu cách sau dấu phẩy",
            "Typesetting practice: one space between words, none before punctuation, one after a comma",
        ),
        ("Kế hoạch  số 15 , ngày; năm 2030,thuỷ lợi", "Kế hoạch số 15, ngày; năm 2030, thuỷ lợi"),
        true,
    ),
    doc(
        "text.tone_style_mixed",
        (
            "Không có quy định bắt buộc; văn bản thống nhất một kiểu đặt dấu (chọn trong Cài đặt)",
            "No rule in law; a document keeps one tone style (chosen in Settings)",
        ),
        ("hòa bình … thuỷ lợi", "hòa bình … thủy lợi"),
        true,
    ),
];
