//! `kehoach check FILE… [--format text|json] [--fix]`: run the rule catalogue on
//! each file (a directory means its *.json and *.docx files, sorted; Word and
//! text files are imported first) and report.
//! Exit 0 when no file has errors, 1 when one has, 2 when a file cannot be read
//! or parsed (2 wins).

use super::{load, Common};
use crate::model::json::to_json;
use crate::rules::{self, Context, Report, Severity};
use crate::Lang;
use serde_json::{json, Value};
use std::path::Path;

/// Passes of `--fix` before giving up on a document that keeps changing.
const MAX_FIX_PASSES: usize = 5;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// What checking one file gave.
enum Outcome {
    /// `fixed` counts the fixes applied under `--fix` (None without it).
    Checked {
        report: Report,
        fixed: Option<usize>,
        /// For a Word or text file: where each part came from.
        imported: Option<Box<crate::import::Imported>>,
    },
    Failed(String),
}

pub fn check(common: &Common, args: &[String]) -> i32 {
    let lang = common.lang;
    let mut format = Format::Text;
    let mut fix = false;
    let mut inputs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.as_str() {
            "--fix" => {
                fix = true;
                continue;
            }
            "--format" => it.next().map(String::as_str),
            _ => match a.strip_prefix("--format=") {
                Some(v) => Some(v),
                None if a.starts_with("--") => {
                    eprintln!("check: tùy chọn không rõ / unknown option {a}");
                    return 2;
                }
                None => {
                    inputs.push(a.clone());
                    continue;
                }
            },
        };
        format = match value {
            Some("text") => Format::Text,
            Some("json") => Format::Json,
            other => {
                eprintln!("--format: cần text hoặc json / expected text or json, nhận {other:?}");
                return 2;
            }
        };
    }
    if inputs.is_empty() {
        eprintln!("check: cần ít nhất một tệp hoặc thư mục / needs at least one file or directory");
        return 2;
    }

    let mut code = 0;
    let mut files_json = Vec::new();
    let ctx = Context {
        today: super::clock::today_in_vietnam(),
    };
    for file in expand(&inputs, lang, &mut code) {
        let outcome = check_file(&file, &ctx, fix, lang);
        code = code.max(match &outcome {
            Outcome::Failed(_) => 2,
            Outcome::Checked { report, .. } if report.has_errors() => 1,
            Outcome::Checked { .. } => 0,
        });
        match format {
            Format::Text => print_text(&file, &outcome, lang),
            Format::Json => files_json.push(file_json(&file, &outcome, lang)),
        }
    }
    if format == Format::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "files": files_json })).unwrap_or_default()
        );
    }
    code
}

/// Files to check: each argument, or the sorted *.json and *.docx files of a
/// directory (a reviewer's folder of submissions).
fn expand(inputs: &[String], lang: Lang, code: &mut i32) -> Vec<String> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if !path.is_dir() {
            files.push(input.clone());
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<String> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file() && p.extension().is_some_and(|x| x == "json" || x == "docx")
                    })
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(e) => {
                match lang {
                    Lang::Vi => eprintln!("{input}: không đọc được thư mục ({e})"),
                    Lang::En => eprintln!("{input}: cannot read directory ({e})"),
                }
                *code = 2;
            }
        }
    }
    files
}

fn check_file(file: &str, ctx: &Context, fix: bool, lang: Lang) -> Outcome {
    if super::import::is_importable(file) {
        if fix {
            return Outcome::Failed(lang.pick(
                format!("{file}: --fix chỉ ghi lại tệp JSON; hãy chuyển tệp sang JSON trước bằng «kehoach import {file} -o TỆP.json»."),
                format!("{file}: --fix only rewrites JSON plans; convert the file first with «kehoach import {file} -o FILE.json»."),
            ));
        }
        return match super::import::read(file, lang) {
            Ok(imported) => Outcome::Checked {
                report: rules::check_with(&imported.document, ctx),
                fixed: None,
                imported: Some(Box::new(imported)),
            },
            Err(e) => Outcome::Failed(e),
        };
    }
    let doc = match load(file, lang) {
        Ok(d) => d,
        Err(e) => return Outcome::Failed(e),
    };
    let mut fixed = None;
    let doc = if fix {
        let (new, n) = rules::fix_all(&doc, ctx, MAX_FIX_PASSES);
        if n > 0 {
            if let Err(e) = std::fs::write(file, to_json(&new)) {
                return Outcome::Failed(match lang {
                    Lang::Vi => format!("{file}: không ghi được tệp ({e})"),
                    Lang::En => format!("{file}: cannot write file ({e})"),
                });
            }
        }
        fixed = Some(n);
        new
    } else {
        doc
    };
    Outcome::Checked {
        report: rules::check_with(&doc, ctx),
        fixed,
        imported: None,
    }
}

/// " (đoạn 12)": where a finding's part came from in an imported file.
fn source_note(imported: Option<&crate::import::Imported>, path: &str, lang: Lang) -> String {
    imported
        .and_then(|i| {
            i.source_of(path)
                .map(|s| format!(" ({})", i.report.place(s, lang)))
        })
        .unwrap_or_default()
}

/// "lỗi" / "error": the severity's label in lower case, as a column word.
fn severity_word(s: Severity, lang: Lang) -> String {
    crate::text::to_lower(s.label(lang))
}

fn print_text(file: &str, outcome: &Outcome, lang: Lang) {
    match outcome {
        Outcome::Failed(e) => {
            let label = match lang {
                Lang::Vi => "không đọc được",
                Lang::En => "cannot read",
            };
            println!("{file}: {label}");
            println!("  {e}");
        }
        Outcome::Checked {
            report,
            fixed,
            imported,
        } => {
            println!("{file}: {}", report.summary(lang));
            if let Some(fixed @ 1..) = fixed {
                match lang {
                    Lang::Vi => println!("  đã tự sửa {fixed} chỗ và ghi lại tệp"),
                    Lang::En => println!("  applied {fixed} fixes and rewrote the file"),
                }
            }
            let fixable = match lang {
                Lang::Vi => " (sửa được bằng --fix)",
                Lang::En => " (fixable with --fix)",
            };
            for f in &report.findings {
                // One line per finding, even when a message quotes a multi-line field.
                let message = f.message(lang).replace('\n', " ↵ ");
                let severity = severity_word(f.severity, lang);
                let fix_note = if f.fixable() && imported.is_none() {
                    fixable
                } else {
                    ""
                };
                let source = source_note(imported.as_deref(), &f.path, lang);
                println!(
                    "  {severity:<9} {}  {}{source}  {message}{fix_note}",
                    f.rule, f.path
                );
            }
        }
    }
}

fn file_json(file: &str, outcome: &Outcome, lang: Lang) -> Value {
    match outcome {
        Outcome::Failed(e) => json!({ "file": file, "error": e }),
        Outcome::Checked {
            report,
            fixed,
            imported,
        } => {
            let mut entry = report.to_json(Some(lang));
            entry["file"] = json!(file);
            if let (Some(i), Some(findings)) = (imported, entry["findings"].as_array_mut()) {
                for f in findings {
                    let path = f["path"].as_str().unwrap_or_default().to_string();
                    if let Some(s) = i.source_of(&path) {
                        f["source"] = json!(s);
                    }
                }
            }
            if let Some(n) = fixed {
                entry["fixed"] = json!(n);
            }
            entry
        }
    }
}
