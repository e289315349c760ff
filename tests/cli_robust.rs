#![cfg(all(unix, not(target_arch = "wasm32")))]
//! The CLI under failure: writes that fail half-way leave the original file,
//! standard output that is full or closed, outputs that would overwrite the
//! input, `-` as standard output.

use kehoach::model::json::to_json;
use kehoach::model::sample::generated_plan;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_kehoach");

fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("kehoach-cli-robust-{name}-"))
        .tempdir()
        .unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn no_panic(o: &Output) {
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
    assert!(
        !matches!(o.status.code(), Some(101 | 134) | None),
        "{:?}",
        o.status
    );
}

/// A valid plan that is not in canonical form (compact JSON, ~5 KB), so `fmt`
/// rewrites it, and with a number `check --fix` corrects.
fn compact_plan(dir: &Path) -> (PathBuf, Vec<u8>) {
    let mut doc = generated_plan(20);
    doc.header.number = Some("5".into()); // fixable by check --fix ("05")
    let v: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    let bytes = serde_json::to_vec(&v).unwrap();
    let f = dir.join("plan.json");
    std::fs::write(&f, &bytes).unwrap();
    (f, bytes)
}

/// Run the binary with files limited to 1 KB (`ulimit -f 1`): a write beyond
/// fails with EFBIG half-way, like a full disk. `trap '' XFSZ` makes it an error
/// rather than the signal that kills the process; `killed` keeps the signal.
fn limited(args: &[&str], killed: bool) -> Output {
    let script = if killed {
        "ulimit -f 1; exec \"$0\" \"$@\""
    } else {
        "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""
    };
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_write_failing_half_way_leaves_the_original_and_no_temporary_file() {
    let tmp = temp_dir("halfway");
    let dir = tmp.path();
    let (f, original) = compact_plan(dir);
    for args in [
        vec!["fmt", s(&f)],
        vec!["--lang", "en", "fmt", s(&f)],
        vec!["check", "--fix", s(&f)],
    ] {
        let o = limited(&args, false);
        no_panic(&o);
        let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {text}");
        let en = args.contains(&"en");
        let head = if en {
            "cannot write file"
        } else {
            "không ghi được tệp"
        };
        assert!(text.contains(head), "{args:?}: {text}");
        assert_eq!(
            std::fs::read(&f).unwrap(),
            original,
            "{args:?} changed the file"
        );
        assert_eq!(names(dir), ["plan.json"], "{args:?} left a temporary file");
    }
    // An existing export output is not half-replaced either.
    let out = dir.join("plan.txt");
    std::fs::write(&out, "the old export").unwrap();
    let o = limited(&["export", s(&f), "--text", s(&out)], false);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old export");
    assert_eq!(names(dir), ["plan.json", "plan.txt"]);
    // Without the write limit the same command works: the test can tell.
    let o = Command::new(BIN).args(["fmt", s(&f)]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_ne!(std::fs::read(&f).unwrap(), original);
}

#[test]
fn a_process_killed_while_writing_leaves_the_original_whole() {
    let tmp = temp_dir("killed");
    let dir = tmp.path();
    let (f, original) = compact_plan(dir);
    let o = limited(&["fmt", s(&f)], true);
    assert_eq!(o.status.code(), None, "killed by SIGXFSZ");
    assert_eq!(std::fs::read(&f).unwrap(), original);
}

#[test]
fn a_read_only_folder_is_a_clear_error_and_the_file_stays() {
    let tmp = temp_dir("readonly");
    let dir = tmp.path();
    let (f, original) = compact_plan(dir);
    let mut perms = std::fs::metadata(dir).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(dir, perms.clone()).unwrap();
    // Running as root, permissions do not stop writing: nothing to test.
    let privileged = std::fs::write(dir.join("probe"), "x").is_ok();
    if !privileged {
        let o = Command::new(BIN).args(["fmt", s(&f)]).output().unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("không có quyền"), "{}", stderr(&o));
        assert_eq!(std::fs::read(&f).unwrap(), original);
    }
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(dir, perms).unwrap();
}

#[test]
fn a_full_standard_output_is_an_error_not_a_panic() {
    let tmp = temp_dir("full");
    let dir = tmp.path();
    let (f, _) = compact_plan(dir);
    for (args, en) in [
        (vec!["export", s(&f)], false),
        (vec!["--lang", "en", "template", "list"], true),
        (vec!["schema"], false),
        (vec!["check", "--format", "json", s(&f)], false),
        (vec!["export", s(&f), "--docx", "-"], false),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = Command::new(BIN).args(&args).stdout(full).output().unwrap();
        no_panic(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let want = if en {
            "cannot write the result to standard output: the disk is full"
        } else {
            "không ghi được kết quả ra đầu ra chuẩn (stdout): ổ đĩa đã đầy"
        };
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let tmp = temp_dir("pipe");
    let dir = tmp.path();
    let big = dir.join("big.json");
    std::fs::write(&big, to_json(&generated_plan(3000))).unwrap();
    // Megabytes of output, far beyond a pipe's buffer: the writes after the
    // reader leaves fail with a broken pipe.
    for args in [
        vec!["sample", "5000"],
        vec!["export", s(&big)],
        vec!["fmt", "-"],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .stdin(if args[1] == "-" {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(mut input) = child.stdin.take() {
            std::io::Write::write_all(&mut input, &std::fs::read(&big).unwrap()).unwrap();
        }
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}");
        // The reader is dropped here: the pipe is closed.
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} said something: {err}");
    }
    // The reader closes before a word is written.
    let child = Command::new(BIN)
        .args(["template", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = child;
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn export_never_overwrites_its_input() {
    let tmp = temp_dir("own");
    let dir = tmp.path();
    let f = dir.join("plan.json");
    let text = to_json(&generated_plan(5));
    std::fs::write(&f, &text).unwrap();
    std::os::unix::fs::symlink("plan.json", dir.join("link.txt")).unwrap();
    let spellings = [
        s(&f).to_string(),
        format!("{}/./plan.json", s(dir)),
        format!(
            "{}/../{}/plan.json",
            s(dir),
            dir.file_name().unwrap().to_str().unwrap()
        ),
        s(&dir.join("link.txt")).to_string(),
    ];
    for out in &spellings {
        for flag in ["--text", "--html", "--docx"] {
            let o = Command::new(BIN)
                .args([
                    "export",
                    s(&f),
                    "--docx",
                    s(&dir.join("ok.docx")),
                    flag,
                    out,
                ])
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(2), "{flag} {out}");
            assert!(stderr(&o).contains("chính là tệp vào"), "{}", stderr(&o));
            assert_eq!(std::fs::read_to_string(&f).unwrap(), text, "{flag} {out}");
            assert!(
                !dir.join("ok.docx").exists(),
                "nothing written when refused"
            );
        }
    }
    // Relative to the working folder, for a file not written yet and one that exists.
    let o = Command::new(BIN)
        .current_dir(dir)
        .args([
            "--lang",
            "en",
            "export",
            "plan.json",
            "--text",
            "./plan.json",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is the input file"), "{}", stderr(&o));
    let o = Command::new(BIN)
        .current_dir(dir)
        .args(["export", "plan.json", "--text", "new.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_dash_is_standard_output_for_every_export() {
    let tmp = temp_dir("dash");
    let dir = tmp.path();
    let f = dir.join("plan.json");
    std::fs::write(&f, to_json(&generated_plan(5))).unwrap();
    let docx = dir.join("plan.docx");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .current_dir(dir)
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(
        run(&["export", "plan.json", "--docx", s(&docx)])
            .status
            .code(),
        Some(0)
    );
    let o = run(&["export", "plan.json", "--docx", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        o.stdout,
        std::fs::read(&docx).unwrap(),
        "the .docx bytes on stdout"
    );
    assert!(!dir.join("-").exists(), "no file named -");
    let o = run(&["export", "plan.json", "--text", "-"]);
    assert_eq!(o.stdout, run(&["export", "plan.json"]).stdout);
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .starts_with("ỦY BAN NHÂN DÂN"));
    let o = run(&["export", "plan.json", "--html=-"]);
    assert!(String::from_utf8(o.stdout).unwrap().contains("<table"));
    assert!(!dir.join("-").exists());
    // And `-` as the input: standard input.
    let mut child = Command::new(BIN)
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let compact = serde_json::to_vec(
        &serde_json::from_str::<serde_json::Value>(&to_json(&generated_plan(5))).unwrap(),
    )
    .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &compact).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        to_json(&generated_plan(5))
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"k\xEA ho\xB8ch.json");
    let o = Command::new(BIN).arg("check").arg(name).output().unwrap();
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("đối số thứ 2"), "{}", stderr(&o));
}

#[test]
fn help_after_any_subcommand_prints_the_usage_in_the_language() {
    for (args, want) in [
        (vec!["check", "--help"], "Cách dùng:"),
        (vec!["--lang", "en", "fmt", "-h"], "Usage:"),
        (
            vec!["--lang", "en", "template", "new", "--help"],
            "list the built-in templates",
        ),
        (vec!["help"], "KEHOACH_MAX_INPUT_MB"),
    ] {
        let o = Command::new(BIN).args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.contains(want), "{args:?}: {out}");
    }
}
