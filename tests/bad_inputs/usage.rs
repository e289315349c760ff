//! The usage part of the catalogue: unknown options, missing or bad values,
//! for every subcommand, and what export refuses to write.

use super::catalogue::{case, good, nothing, Case};

pub fn cases() -> Vec<Case> {
    let mut v = Vec::new();
    v.extend(usage_cases_1());
    v.extend(usage_cases_2());
    v.extend(usage_cases_3());
    v.extend(usage_cases_4());
    v
}

fn usage_cases_1() -> Vec<Case> {
    vec![
        // Usage: unknown options, missing values, bad values.
        case(
            "typo in fmt --check",
            good,
            &["fmt", "--chek", "IN"],
            2,
            "không có tùy chọn --chek",
            "unknown option --chek",
        ),
        case(
            "flag with a value",
            good,
            &["fmt", "--check=yes", "IN"],
            2,
            "--check không nhận giá trị",
            "--check takes no value",
        ),
        case(
            "unknown check option",
            good,
            &["check", "--fxi", "IN"],
            2,
            "không có tùy chọn --fxi",
            "unknown option --fxi",
        ),
        case(
            "check --format missing",
            good,
            &["check", "IN", "--format"],
            2,
            "--format cần một giá trị",
            "--format needs a value",
        ),
        case(
            "check --format xml",
            good,
            &["check", "--format", "xml", "IN"],
            2,
            "chỉ nhận text hoặc json, nhận «xml»",
            "takes text or json, found “xml”",
        ),
        case(
            "check --fix on stdin",
            nothing,
            &["check", "--fix", "-"],
            2,
            "không dùng được với -",
            "cannot be used with -",
        ),
        case(
            "unknown export option",
            good,
            &["export", "IN", "--pdf", "OUT"],
            2,
            "không có tùy chọn --pdf",
            "unknown option --pdf",
        ),
    ]
}

fn usage_cases_2() -> Vec<Case> {
    vec![
        case(
            "export --docx missing",
            good,
            &["export", "IN", "--docx"],
            2,
            "--docx cần một giá trị",
            "--docx needs a value",
        ),
        case(
            "export two inputs",
            good,
            &["export", "IN", "IN"],
            2,
            "chỉ nhận một tệp vào",
            "takes one input file",
        ),
        case(
            "export over its input",
            good,
            &["export", "IN", "--text", "IN"],
            2,
            "chính là tệp vào",
            "is the input file",
        ),
        case(
            "export one output twice",
            good,
            &["export", "IN", "--text", "OUT", "--html", "DIR/./out.txt"],
            2,
            "được chọn hai lần",
            "asked twice",
        ),
        case(
            "export into a missing folder",
            good,
            &["export", "IN", "--text", "DIR/no/out.txt"],
            2,
            "không ghi được tệp",
            "cannot write file",
        ),
        case(
            "export onto a folder",
            |d| {
                good(d);
                std::fs::create_dir(d.join("out.txt")).unwrap()
            },
            &["export", "IN", "--text", "OUT"],
            2,
            "không ghi được tệp",
            "cannot write file",
        ),
        case(
            "unknown template option",
            nothing,
            &["template", "new", "--example", "ke_hoach_trong"],
            2,
            "không có tùy chọn --example",
            "unknown option --example",
        ),
    ]
}

fn usage_cases_3() -> Vec<Case> {
    vec![
        case(
            "template list with an option",
            nothing,
            &["template", "list", "--all"],
            2,
            "không có tùy chọn --all",
            "unknown option --all",
        ),
        case(
            "unknown template id",
            nothing,
            &["template", "new", "no-such-id"],
            2,
            "không có mẫu nào tên «no-such-id»",
            "no template named “no-such-id”",
        ),
        case(
            "unknown template subcommand",
            nothing,
            &["template", "remove"],
            2,
            "không có lệnh con «remove»",
            "unknown subcommand “remove”",
        ),
        case(
            "template fact without =",
            nothing,
            &["template", "new", "ke_hoach_trong", "cap"],
            2,
            "cần KEY=VALUE",
            "expected KEY=VALUE",
        ),
        case(
            "sample not a number",
            nothing,
            &["sample", "abc"],
            2,
            "phải là một số nguyên",
            "must be a whole number",
        ),
        case(
            "sample too many rows",
            nothing,
            &["sample", "99999999"],
            2,
            "phải là một số nguyên",
            "must be a whole number",
        ),
        case(
            "sample with an option",
            nothing,
            &["sample", "--rows", "5"],
            2,
            "không có tùy chọn --rows",
            "unknown option --rows",
        ),
        case(
            "rules with an argument",
            nothing,
            &["rules", "nd30"],
            2,
            "lệnh này không nhận đối số",
            "this command takes no arguments",
        ),
        case(
            "rules with an unknown option",
            nothing,
            &["rules", "--md"],
            2,
            "không có tùy chọn --md",
            "unknown option --md",
        ),
        case(
            "rules in each language",
            nothing,
            &["rules"],
            0,
            "Căn cứ: NĐ 30/2020",
            "Basis: Decree 30/2020",
        ),
    ]
}

fn usage_cases_4() -> Vec<Case> {
    vec![
        case(
            "schema with an argument",
            nothing,
            &["schema", "extra"],
            2,
            "không nhận đối số",
            "takes no arguments",
        ),
        case(
            "unknown command",
            nothing,
            &["chek", "IN"],
            2,
            "không có lệnh «chek»",
            "unknown command “chek”",
        ),
        case(
            "bad --lang value",
            good,
            &["--lang=fr", "check", "IN"],
            2,
            "nhận «fr»",
            "found “fr”",
        ),
        case(
            "bad --lang value, separate",
            good,
            &["check", "IN", "--lang", "xx"],
            2,
            "nhận «xx»",
            "found “xx”",
        ),
        case(
            "--lang without a value",
            good,
            &["check", "IN", "--lang"],
            2,
            "--lang cần một giá trị",
            "--lang needs a value",
        ),
    ]
}
