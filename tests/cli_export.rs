#![cfg(not(target_arch = "wasm32"))]
//! `kehoach export` end to end.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
}

#[test]
fn writes_what_was_asked_and_refuses_unreadable_input() {
    let dir = std::env::temp_dir().join(format!("kehoach-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("plan.json");
    std::fs::write(
        &input,
        kehoach::model::json::to_json(&kehoach::model::sample::generated_plan(20)),
    )
    .unwrap();
    let (docx, txt, html) = (
        dir.join("plan.docx"),
        dir.join("plan.txt"),
        dir.join("plan.html"),
    );
    let st = bin()
        .args([
            "export",
            input.to_str().unwrap(),
            "--docx",
            docx.to_str().unwrap(),
            "--text",
            txt.to_str().unwrap(),
        ])
        .arg(format!("--html={}", html.to_str().unwrap()))
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(0));
    assert_eq!(&std::fs::read(&docx).unwrap()[..4], b"PK\x03\x04");
    assert!(std::fs::read_to_string(&txt)
        .unwrap()
        .contains("Số: 15/KH-UBND\tHồng An, ngày 15 tháng 01 năm 2026\n"));
    assert!(std::fs::read_to_string(&html).unwrap().contains("<table"));

    // Only the docx asked: no text file written.
    let only = dir.join("only.docx");
    let other = dir.join("only.txt");
    assert_eq!(
        bin()
            .args([
                "export",
                input.to_str().unwrap(),
                "--docx",
                only.to_str().unwrap()
            ])
            .status()
            .unwrap()
            .code(),
        Some(0)
    );
    assert!(only.exists() && !other.exists());

    // No output asked: text on stdout.
    let out = bin()
        .args(["export", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\t"));

    // Unreadable or invalid input, bad usage: exit 2.
    let missing = dir.join("missing.json");
    assert_eq!(
        bin()
            .args(["export", missing.to_str().unwrap(), "--docx", "x.docx"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{not json").unwrap();
    assert_eq!(
        bin()
            .args(["export", bad.to_str().unwrap()])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin().args(["export"]).output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["export", input.to_str().unwrap(), "--docx"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["export", input.to_str().unwrap(), "--pdf", "x"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    std::fs::remove_dir_all(&dir).ok();
}
