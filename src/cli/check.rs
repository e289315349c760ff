//! `kehoach check FILE… [--format text|json] [--fix]`: run the rule catalogue on
//! each file (a directory means its *.json and *.docx files, sorted; Word and
//! text files are imported first) and report.
//! Exit 0 when no file has errors, 1 when one has, 2 when a file cannot be read
//! or parsed (2 wins).

use super::input::{load, place};
use super::oserr::describe;
use super::output::{error, write_file, Out};
use super::{args, Common};
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
        /// Where each finding is, in words (Vietnamese, English), in the
        /// order of the report's findings: the text listing shows these, the
        /// JSON listing the paths.
        places: Vec<(String, String)>,
        fixed: Option<usize>,
        /// For a Word or text file: where each part came from.
        imported: Option<Box<crate::import::Imported>>,
    },
    /// The file could not be read or is not a plan.
    Unreadable(String),
    /// `--fix` could not write the fixed file back.
    Unwritable(String),
}

pub fn check(common: &Common, argv: &[String], out: &mut Out) -> i32 {
    let lang = common.lang;
    let (format, fix, inputs) = match options(argv, lang) {
        Ok(x) => x,
        Err(e) => {
            error(&e);
            return 2;
        }
    };
    let mut code = 0;
    let mut files_json = Vec::new();
    let ctx = Context {
        today: super::clock::today_in_vietnam(),
    };
    for file in expand(&inputs, lang, &mut code) {
        if out.stopped() {
            break;
        }
        let outcome = check_file(&file, &ctx, fix, lang);
        code = code.max(match &outcome {
            Outcome::Unreadable(_) | Outcome::Unwritable(_) => 2,
            Outcome::Checked { report, .. } if report.has_errors() => 1,
            Outcome::Checked { .. } => 0,
        });
        match format {
            Format::Text => print_text(&file, &outcome, lang, out),
            Format::Json => files_json.push(file_json(&file, &outcome, lang)),
        }
    }
    if format == Format::Json {
        out.line(
            &serde_json::to_string_pretty(&json!({ "files": files_json })).unwrap_or_default(),
        );
    }
    code
}

/// The report format, `--fix`, and the files or folders to check.
fn options(argv: &[String], lang: Lang) -> Result<(Format, bool, Vec<String>), String> {
    let p = args::parse("check", argv, &["--fix"], &["--format"], lang)?;
    let format = match p.value("--format") {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some(other) => {
            return Err(args::needs(
                "check",
                &format!("--format chỉ nhận text hoặc json, nhận «{other}»."),
                &format!("--format takes text or json, found “{other}”."),
                lang,
            ))
        }
    };
    let fix = p.has("--fix");
    if p.positional.is_empty() {
        return Err(args::needs(
            "check",
            "cần ít nhất một tệp hoặc thư mục.",
            "needs at least one file or folder.",
            lang,
        ));
    }
    if fix && p.positional.iter().any(|f| f == "-") {
        return Err(args::needs(
            "check",
            "--fix cần ghi lại tệp nên không dùng được với - (đầu vào chuẩn).",
            "--fix rewrites files, so it cannot be used with - (standard input).",
            lang,
        ));
    }
    Ok((format, fix, p.positional))
}

/// Files to check: each argument, or the sorted *.json and *.docx files of a
/// directory (a reviewer's folder of submissions).
/// A folder without any is an error (exit 2), said on standard error.
fn expand(inputs: &[String], lang: Lang, code: &mut i32) -> Vec<String> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input == "-" || !path.is_dir() {
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
                if found.is_empty() {
                    error(&match lang {
                        Lang::Vi => {
                            format!("{input}: thư mục không có tệp kế hoạch .json nào để kiểm tra.")
                        }
                        Lang::En => {
                            format!("{input}: the folder holds no .json plan file to check.")
                        }
                    });
                    *code = 2;
                }
                found.sort();
                files.extend(found);
            }
            Err(e) => {
                let why = describe(&e, lang);
                error(&match lang {
                    Lang::Vi => format!("{input}: không đọc được thư mục: {why}."),
                    Lang::En => format!("{input}: cannot read the folder: {why}."),
                });
                *code = 2;
            }
        }
    }
    files
}

fn check_file(file: &str, ctx: &Context, fix: bool, lang: Lang) -> Outcome {
    if crate::import::file::is_importable_name(file) {
        if fix {
            return Outcome::Unwritable(lang.pick(
                format!("--fix chỉ ghi lại tệp JSON; hãy chuyển tệp sang JSON trước bằng «kehoach import {file} -o TỆP.json»."),
                format!("--fix only rewrites JSON plans; convert the file first with «kehoach import {file} -o FILE.json»."),
            ));
        }
        return match super::import::read(file, lang) {
            Ok(imported) => {
                let (report, places) = checked(&imported.document, ctx);
                Outcome::Checked {
                    report,
                    places,
                    fixed: None,
                    imported: Some(Box::new(imported)),
                }
            }
            Err(e) => Outcome::Unreadable(e),
        };
    }
    let doc = match load(file, lang) {
        Ok(d) => d,
        Err(e) => return Outcome::Unreadable(e),
    };
    let mut fixed = None;
    let doc = if fix {
        let (new, n) = rules::fix_all(&doc, ctx, MAX_FIX_PASSES);
        if n > 0 {
            if let Err(e) = write_file(file, to_json(&new).as_bytes(), lang) {
                return Outcome::Unwritable(e);
            }
        }
        fixed = Some(n);
        new
    } else {
        doc
    };
    let (report, places) = checked(&doc, ctx);
    Outcome::Checked {
        report,
        places,
        fixed,
        imported: None,
    }
}

/// The report on `doc` and where each finding is, in words.
fn checked(doc: &crate::model::Document, ctx: &Context) -> (Report, Vec<(String, String)>) {
    let report = rules::check_with(doc, ctx);
    let places = report
        .findings
        .iter()
        .map(|f| crate::model::place::place(doc, &f.path))
        .collect();
    (report, places)
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

fn print_text(file: &str, outcome: &Outcome, lang: Lang, out: &mut Out) {
    let name = place(file, lang);
    match outcome {
        Outcome::Unreadable(e) | Outcome::Unwritable(e) => {
            let label = match (outcome, lang) {
                (Outcome::Unreadable(_), Lang::Vi) => "không đọc được",
                (Outcome::Unreadable(_), Lang::En) => "cannot read",
                (_, Lang::Vi) => "không ghi được",
                (_, Lang::En) => "cannot write",
            };
            out.line(&format!("{name}: {label}"));
            out.line(&format!("  {e}"));
        }
        Outcome::Checked {
            report,
            places,
            fixed,
            imported,
        } => {
            out.line(&format!("{name}: {}", report.summary(lang)));
            if let Some(fixed @ 1..) = fixed {
                out.line(&match lang {
                    Lang::Vi => format!("  đã tự sửa {fixed} chỗ và ghi lại tệp"),
                    Lang::En => format!("  applied {fixed} fixes and rewrote the file"),
                });
            }
            let fixable = match lang {
                Lang::Vi => " (sửa được bằng --fix)",
                Lang::En => " (fixable with --fix)",
            };
            for (f, (place_vi, place_en)) in report.findings.iter().zip(places) {
                // One line per finding, even when a message quotes a multi-line field.
                let message = f.message(lang).replace('\n', " ↵ ");
                let severity = severity_word(f.severity, lang);
                let fix_note = if f.fixable() && imported.is_none() {
                    fixable
                } else {
                    ""
                };
                let source = source_note(imported.as_deref(), &f.path, lang);
                let place = lang.pick(place_vi, place_en);
                out.line(&format!(
                    "  {severity:<9} {}  {place}{source}: {message}{fix_note}",
                    f.rule
                ));
            }
        }
    }
}

fn file_json(file: &str, outcome: &Outcome, lang: Lang) -> Value {
    match outcome {
        Outcome::Unreadable(e) | Outcome::Unwritable(e) => json!({ "file": file, "error": e }),
        Outcome::Checked {
            report,
            fixed,
            imported,
            ..
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
