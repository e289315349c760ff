#![cfg(not(target_arch = "wasm32"))]
//! `kehoach check` end to end: the built binary on generated files in a temp dir.

use kehoach::model::json::{from_json, to_json};
use kehoach::model::sample::generated_plan;
use kehoach::model::Document;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh empty directory for one test.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("kehoach-cli-check-{name}-"))
        .tempdir()
        .unwrap()
}

fn write(dir: &Path, name: &str, doc: &Document) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, to_json(doc)).unwrap();
    p
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

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A plan with one error (number "5" without its zero, fixable) and one warning (recipient "- …;").
fn flawed() -> Document {
    let mut d = generated_plan(3);
    d.header.number = Some("5".into());
    d.recipients.items[0] = "- UBND thành phố;".into();
    d
}

#[test]
fn clean_file_exits_zero_with_vietnamese_summary() {
    let tmp = temp_dir("clean");
    let dir = tmp.path();
    let f = write(dir, "ok.json", &generated_plan(5));
    let (code, out, _) = run(&["check", s(&f)]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ok.json: 0 lỗi, 0 cảnh báo, 0 gợi ý"), "{out}");
}

#[test]
fn findings_are_listed_with_rule_and_place_in_words() {
    let tmp = temp_dir("text");
    let dir = tmp.path();
    let f = write(dir, "bad.json", &flawed());
    let (code, out, _) = run(&["check", s(&f)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("1 lỗi, 1 cảnh báo"), "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("nd30.number.leading_zero"))
        .expect(&out);
    assert!(
        line.contains("lỗi") && line.contains("Số văn bản:") && line.contains("--fix"),
        "{line}"
    );
    // The place in words, never the JSON path (that is in --format json).
    assert!(
        out.lines()
            .any(|l| l.contains("cảnh báo") && l.contains("Nơi nhận thứ 1:")),
        "{out}"
    );
    assert!(
        !out.contains("header.number") && !out.contains("recipients.items"),
        "{out}"
    );
    // A message quoting a multi-line field stays on one line.
    let mut d = flawed();
    d.body[1].children[0].task.as_mut().unwrap().timeframe = Some(kehoach::model::Timeframe::Text(
        "Việc theo dõi: đột xuất\nViệc báo cáo: khi cần".into(),
    ));
    let f2 = write(dir, "multi.json", &d);
    let (_, out2, _) = run(&["check", s(&f2)]);
    assert!(
        out2.lines()
            .all(|l| l.starts_with(s(&f2)) || l.starts_with("  ")),
        "{out2}"
    );
    assert!(out2.contains("plan.timeframe.text"), "{out2}");
    let (_, out_en, _) = run(&["--lang", "en", "check", s(&f)]);
    assert!(out_en.contains("1 error, 1 warning, 0 info"), "{out_en}");
    assert!(out_en.contains("leading zero"), "{out_en}");
}

#[test]
fn json_report_is_machine_readable() {
    let tmp = temp_dir("json");
    let dir = tmp.path();
    let bad = write(dir, "a.json", &flawed());
    let broken = dir.join("b.json");
    std::fs::write(&broken, "{\"format\": \"kehoach\", ").unwrap();
    let (code, out, _) = run(&["check", "--format", "json", s(dir)]);
    assert_eq!(code, 2, "a parse failure wins over errors: {out}");
    let v: Value = serde_json::from_str(&out).expect(&out);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], s(&bad));
    assert_eq!(files[0]["errors"], 1);
    assert_eq!(files[0]["warnings"], 1);
    assert_eq!(files[0]["infos"], 0);
    let f0 = files[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "nd30.number.leading_zero")
        .unwrap();
    assert_eq!(f0["severity"], "error");
    assert_eq!(f0["path"], "header.number");
    assert_eq!(f0["fixable"], true);
    assert_eq!(f0["message"], f0["message_vi"]);
    assert!(f0["message_en"].as_str().unwrap().contains("leading zero"));
    assert_eq!(files[1]["file"], s(&broken));
    assert!(
        files[1]["error"].as_str().unwrap().contains("cắt cụt"),
        "{}",
        files[1]
    );
    assert!(files[1].get("findings").is_none());
}

#[test]
fn fix_rewrites_canonical_json_and_reports_what_remains() {
    let tmp = temp_dir("fix");
    let dir = tmp.path();
    let mut d = flawed();
    d.signature.name.clear(); // not fixable: stays an error
    let f = write(dir, "fixme.json", &d);
    let (code, out, _) = run(&["check", "--fix", "--format=json", s(&f)]);
    assert_eq!(code, 1, "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["fixed"], 2);
    assert_eq!(file["errors"], 1);
    assert_eq!(file["findings"][0]["rule"], "nd30.signature.name");
    let text = std::fs::read_to_string(&f).unwrap();
    let back = from_json(&text).unwrap();
    assert_eq!(back.header.number.as_deref(), Some("05"));
    assert_eq!(back.recipients.items[0], "UBND thành phố");
    assert_eq!(text, to_json(&back), "written in canonical form");
    // A second run has nothing left to fix and leaves the file alone.
    let (code, out, _) = run(&["check", "--fix", s(&f)]);
    assert_eq!(code, 1);
    assert!(!out.contains("đã tự sửa"), "{out}");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text);
}

#[test]
fn hundred_files_in_one_directory() {
    let tmp = temp_dir("hundred");
    let dir = tmp.path();
    for i in 0..100 {
        let mut d = generated_plan(20 + i);
        d.header.number = Some(format!("{}", 10 + i));
        write(dir, &format!("plan-{i:03}.json"), &d);
    }
    std::fs::write(dir.join("notes.txt"), "not a plan").unwrap();
    let (code, out, err) = run(&["check", "--format", "json", s(dir)]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 100, "only *.json files");
    let names: Vec<&str> = files.iter().map(|f| f["file"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(files.iter().all(|f| f["errors"] == 0 && f["warnings"] == 0));
    let (code, out, _) = run(&["check", s(dir)]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines()
            .filter(|l| l.contains(": 0 lỗi, 0 cảnh báo"))
            .count(),
        100
    );
}

#[test]
fn unreadable_input_and_bad_usage_exit_two() {
    let tmp = temp_dir("missing");
    let dir = tmp.path();
    let ok = write(dir, "ok.json", &generated_plan(3));
    let (code, out, _) = run(&["check", s(&ok), s(&dir.join("absent.json"))]);
    assert_eq!(code, 2);
    assert!(out.contains("absent.json: không đọc được"), "{out}");
    assert!(out.contains("ok.json: 0 lỗi"), "{out}");
    assert_eq!(run(&["check"]).0, 2);
    assert_eq!(run(&["check", "--format", "xml", s(&ok)]).0, 2);
    assert_eq!(run(&["check", "--bogus", s(&ok)]).0, 2);
}
