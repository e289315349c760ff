//! Tests of the header facts: the plan's own year, the date line's place.

use super::super::testing::*;
use super::*;

#[test]
fn years_the_plan_says_of_itself() {
    use Said::*;
    let cases: [(&str, &[Said]); 7] = [
        ("Triển khai công tác chuyển đổi số năm 2026", &[Year(2026)]),
        (
            "Thực hiện Chương trình phối hợp giai đoạn 2026–2030",
            &[Range(2026, 2030)],
        ),
        (
            "Thực hiện Nghị quyết số 82/NQ-HĐND ngày 11 tháng 12 năm 2025",
            &[],
        ),
        (
            "Thực hiện Nghị quyết số 57-NQ/TW năm 2024 của Bộ Chính trị",
            &[],
        ),
        ("Chiến lược đến năm 2030, tầm nhìn đến năm 2045", &[]),
        ("Nghị quyết Đại hội lần thứ I, nhiệm kỳ 2025 - 2030", &[]),
        ("KẾ HOẠCH CÔNG TÁC NĂM 2026", &[Year(2026)]),
    ];
    for (t, want) in cases {
        assert_eq!(said_years(t), want, "{t}");
    }
}

#[test]
fn a_year_in_the_subject_agrees_with_the_period() {
    let mut d = base(); // period 2026 - 2030, dated 15/01/2026
    d.header.subject = "Triển khai công tác chuyển đổi số giai đoạn 2026 - 2030".into();
    assert_quiet(&d, "plan.year.");
    d.header.subject = "Triển khai công tác chuyển đổi số năm 2027".into();
    assert_quiet(&d, "plan.year.");
    d.header.subject = "Triển khai công tác chuyển đổi số năm 2025".into();
    let f = findings(&d, "plan.year.subject");
    assert_eq!(
        (f[0].path.as_str(), f[0].severity),
        ("header.subject", Severity::Warning)
    );
    assert!(f[0].fix.is_none());
    assert!(
        f[0].message_vi.contains("“năm 2025”"),
        "{}",
        f[0].message_vi
    );
    d.header.subject = "Triển khai công tác chuyển đổi số giai đoạn 2025 - 2030".into();
    assert_eq!(paths(&d, "plan.year.subject"), ["header.subject"]);
    // An older document cited in the subject keeps its own years.
    d.header.subject =
        "Thực hiện Kết luận số 01-KL/TW năm 2021 và Nghị quyết số 41/NQ-HĐND ngày 23/12/2025"
            .into();
    assert_quiet(&d, "plan.year.");
}

#[test]
fn without_a_period_the_date_decides() {
    let mut d = base();
    d.period = None;
    d.header.subject = "Kế hoạch công tác năm 2026".into();
    assert_quiet(&d, "plan.year.");
    d.header.subject = "Kế hoạch công tác năm 2028".into();
    assert_eq!(paths(&d, "plan.year.subject"), ["header.subject"]);
}

#[test]
fn the_opening_sentence_that_issues_the_plan() {
    let mut d = base();
    d.opening[0] = "Thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố, Ủy ban nhân dân phường ban hành Kế hoạch thực hiện năm 2024 như sau:".into();
    assert_eq!(paths(&d, "plan.year.subject"), ["opening[0]"]);
    d.opening[0] = d.opening[0].replace("năm 2024", "năm 2026");
    assert_quiet(&d, "plan.year.");
    // Other words for it: the last clause before "như sau:", if it cites nothing.
    d.opening[0] = "Thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố về công tác năm 2026, Ủy ban nhân dân phường triển khai thực hiện nhiệm vụ năm 2024 như sau:".into();
    assert_eq!(paths(&d, "plan.year.subject"), ["opening[0]"]);
    d.opening[0] = d.opening[0].replace("nhiệm vụ năm 2024", "nhiệm vụ năm 2026");
    assert_quiet(&d, "plan.year.");
    // A citation in that clause is another document's year.
    d.opening[0] = "Ủy ban nhân dân phường triển khai Kế hoạch số 12/KH-UBND ngày 05/01/2024 năm 2024 như sau:".into();
    assert_quiet(&d, "plan.year.");
}

#[test]
fn the_date_line_names_the_ward_or_its_city() {
    let mut d = base(); // ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN, Hồng An
    assert_quiet(&d, "nd30.place.");
    assert_quiet(&party(), "nd30.place.");
    d.header.place = "Hải Phòng".into();
    assert_quiet(&d, "nd30.place.");
    d.header.issuing_body = "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN".into();
    d.header.place = "Hồng An".into();
    let f = findings(&d, "nd30.place.issuing_body");
    assert_eq!(
        (f[0].path.as_str(), f[0].severity),
        ("header.place", Severity::Warning)
    );
    assert!(f[0].fix.is_none());
    assert!(
        f[0].message_vi.contains("(phường Lê Chân)") && f[0].message_vi.contains("Hải Phòng"),
        "{}",
        f[0].message_vi
    );
    // Without a parent body, the city is not known: any province's name may stand.
    d.header.parent_body = None;
    d.header.place = "Hải Phòng".into();
    assert_quiet(&d, "nd30.place.");
    d.header.place = "Hồng An".into();
    assert_eq!(paths(&d, "nd30.place.issuing_body"), ["header.place"]);
    // A city's own body writes the city's name.
    d.header.issuing_body = "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".into();
    d.header.place = "Hải Phòng".into();
    assert_quiet(&d, "nd30.place.");
    d.header.place = "Hồng An".into();
    assert_eq!(paths(&d, "nd30.place.issuing_body"), ["header.place"]);
}
