#![cfg(not(target_arch = "wasm32"))]
//! `kehoach import`, and `check` on Word and text files, end to end: the built
//! binary on the clean seed text and on the app's own .docx in a temp dir.

use kehoach::model::json::from_json;
use std::path::PathBuf;
use std::process::Command;

fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("kehoach-cli-import-{name}-"))
        .tempdir()
        .unwrap()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn seed_002() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/002_c7146c0b9c6fa341.txt")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn import_writes_the_plan_and_reports_on_stderr() {
    let tmp = temp_dir("seed");
    let dir = tmp.path();
    let out = dir.join("002.json");
    let (code, stdout, stderr) = run(&["import", &seed_002(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("Trích yếu: «Triển khai thực hiện"),
        "{stderr}"
    );
    assert!(stderr.contains("(dòng 9)"), "{stderr}");
    let doc = from_json(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(doc.header.issuing_body, "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN");
    let (_, _, stderr) = run(&["--lang", "en", "import", &seed_002()]);
    assert!(
        stderr.contains("Subject: «Triển khai") && stderr.contains("(line 9)"),
        "{stderr}"
    );
}

#[test]
fn check_on_a_word_file_names_the_source_paragraph() {
    let tmp = temp_dir("docx");
    let dir = tmp.path();
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/002_kh_phuong_hong_an.json");
    let doc = from_json(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let docx = dir.join("hong-an.docx");
    std::fs::write(&docx, kehoach::export::docx::to_docx(&doc)).unwrap();
    let (code, stdout, stderr) = run(&["check", docx.to_str().unwrap()]);
    assert_eq!(
        code, 1,
        "the draft refers to appendices it lacks: {stdout}{stderr}"
    );
    assert!(stdout.contains("appendix.reference_missing"), "{stdout}");
    assert!(stdout.contains("(đoạn "), "{stdout}");
    let (code, stdout, _) = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.contains("\"source\":"), "{stdout}");
    let (code, stdout, stderr) = run(&["check", "--fix", docx.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(format!("{stdout}{stderr}").contains("kehoach import"));
}

#[test]
fn a_word_97_file_is_refused_with_what_to_do() {
    let tmp = temp_dir("doc");
    let dir = tmp.path();
    let doc = dir.join("cu.doc");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    std::fs::write(&doc, bytes).unwrap();
    let (code, _, stderr) = run(&["import", doc.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains(".docx"), "{stderr}");
    let (code, _, stderr) = run(&["import", "--bogus", doc.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--bogus"), "{stderr}");
}
