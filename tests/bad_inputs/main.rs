#![cfg(all(unix, not(target_arch = "wasm32")))]
//! Runs the catalogue of bad inputs (`catalogue.rs`) through the built binary,
//! in Vietnamese and in English: the exit code, the message fragment, and never
//! a panic or a hang.

mod catalogue;
mod usage;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Run the binary with a time limit: a FIFO or a device must never block it.
fn run(args: &[String], env: &[(&str, &str)], stdin: Option<Vec<u8>>) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .env_remove("KEHOACH_MAX_INPUT_MB")
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        // The tool may stop reading at its limit: a closed pipe is fine here.
        std::thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        out.read_to_end(&mut s).ok();
        err.read_to_end(&mut s).ok();
        String::from_utf8_lossy(&s).into_owned()
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().ok();
            panic!("kehoach {args:?} still running after 30 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    if let Some(f) = feeder {
        f.join().ok();
    }
    (status.code(), reader.join().unwrap())
}

fn expand(args: &[&str], dir: &Path) -> Vec<String> {
    let d = dir.to_str().unwrap();
    args.iter()
        .map(|a| match *a {
            "IN" => format!("{d}/in.json"),
            "OUT" => format!("{d}/out.txt"),
            _ => a.replace("DIR", d),
        })
        .collect()
}

#[test]
fn every_bad_input_gets_its_message_in_both_languages_and_no_panic() {
    let cases = catalogue::cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let root = std::env::temp_dir().join(format!("kehoach-bad-inputs-{}", std::process::id()));
    let mut failures = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        for en in [false, true] {
            let dir = root.join(format!("{i:03}-{}", if en { "en" } else { "vi" }));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            (c.make)(&dir);
            let mut args = expand(c.args, &dir);
            if en {
                args.splice(0..0, ["--lang".to_string(), "en".to_string()]);
            }
            let (code, text) = run(&args, c.env, c.stdin.map(|f| f()));
            let want = if en { c.en } else { c.vi };
            let panicked = text.contains("panicked") || matches!(code, Some(101 | 134) | None);
            if panicked || code != Some(c.code) || !text.contains(want) {
                failures.push(format!(
                    "{} ({}): exit {code:?}, want {}, message should hold {want:?}:\n{}",
                    c.name,
                    if en { "en" } else { "vi" },
                    c.code,
                    text.chars().take(600).collect::<String>()
                ));
            }
            // Nothing left behind: no temporary file of an atomic write.
            let temp = std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"));
            assert!(!temp, "{}: a temporary file was left", c.name);
            std::fs::remove_dir_all(&dir).ok();
        }
    }
    std::fs::remove_dir_all(&root).ok();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
