//! `kehoach import FILE [-o OUT.json]`: a plan written elsewhere (a Word file,
//! a text file) read into the JSON model; the import report goes to stderr,
//! the JSON to stdout or OUT (written whole or not at all).

use super::input::{place, read_bytes};
use super::output::{error, write_file, Out};
use super::{args, Common};
use crate::import::{self, Imported};
use crate::Lang;

pub fn run(common: &Common, argv: &[String], out: &mut Out) -> i32 {
    let lang = common.lang;
    let parsed = match args::parse("import", argv, &[], &["-o"], lang) {
        Ok(p) => p,
        Err(e) => {
            error(&e);
            return 2;
        }
    };
    let [input] = parsed.positional.as_slice() else {
        error(&args::needs(
            "import",
            "cần đúng một tệp (.docx hoặc .txt).",
            "needs exactly one file (.docx or .txt).",
            lang,
        ));
        return 2;
    };
    let imported = match read(input, lang) {
        Ok(i) => i,
        Err(e) => {
            error(&e);
            return 2;
        }
    };
    error(&imported.report.render(lang));
    let json = crate::model::json::to_json(&imported.document);
    match parsed.value("-o") {
        Some(path) if path != "-" => match write_file(path, json.as_bytes(), lang) {
            Ok(()) => 0,
            Err(e) => {
                error(&e);
                2
            }
        },
        _ => {
            out.text(&json);
            0
        }
    }
}

/// Read and import one file (Word or text, told apart by its first bytes).
pub fn read(path: &str, lang: Lang) -> Result<Imported, String> {
    let bytes = read_bytes(path, lang)?;
    import::file::import_bytes(&bytes)
        .map_err(|e| format!("{}: {}", place(path, lang), e.message(lang)))
}
