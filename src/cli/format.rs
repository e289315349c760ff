//! `kehoach fmt`: rewrite files in canonical JSON v1 (or only check with --check).
//! `-` reads standard input and writes the canonical text to standard output.

use super::input::{parse, place, read_input};
use super::output::{error, write_file, Out};
use super::{args, Common};
use crate::model::json::to_json;
use crate::Lang;

pub fn fmt(common: &Common, argv: &[String], out: &mut Out) -> i32 {
    let lang = common.lang;
    let parsed = match args::parse("fmt", argv, &["--check"], &[], lang) {
        Ok(p) => p,
        Err(e) => {
            error(&e);
            return 2;
        }
    };
    let check_only = parsed.has("--check");
    if parsed.positional.is_empty() {
        error(&args::needs(
            "fmt",
            "cần ít nhất một tệp.",
            "needs at least one file.",
            lang,
        ));
        return 2;
    }
    let mut code = 0;
    for f in &parsed.positional {
        if out.stopped() {
            break;
        }
        let (text, canonical) = match read_input(f, lang)
            .and_then(|text| parse(f, &text, lang).map(|doc| (text, to_json(&doc))))
        {
            Ok(x) => x,
            Err(e) => {
                error(&e);
                code = 2;
                continue;
            }
        };
        if f == "-" && !check_only {
            out.text(&canonical);
        } else if text == canonical {
            continue;
        } else if check_only {
            out.line(&match lang {
                Lang::Vi => format!("{}: chưa ở dạng chuẩn", place(f, lang)),
                Lang::En => format!("{}: not canonical", place(f, lang)),
            });
            code = code.max(1);
        } else if let Err(e) = write_file(f, canonical.as_bytes(), lang) {
            error(&e);
            code = 2;
        }
    }
    code
}
