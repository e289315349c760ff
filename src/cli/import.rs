//! `kehoach import FILE [-o OUT.json]`: a plan written elsewhere (a Word file,
//! a text file) read into the JSON model; the import report
//! goes to stderr, the JSON to stdout or OUT.

use super::Common;
use crate::import::{self, Imported};
use crate::Lang;

pub fn run(common: &Common, args: &[String]) -> i32 {
    let lang = common.lang;
    let mut input = None;
    let mut output = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => match it.next() {
                Some(o) => output = Some(o.clone()),
                None => return usage(lang, "-o"),
            },
            s if s.starts_with('-') && s != "-" => return usage(lang, s),
            s if input.is_none() => input = Some(s.to_string()),
            _ => return usage(lang, a),
        }
    }
    let Some(input) = input else {
        return usage(lang, "");
    };
    let imported = match read(&input, lang) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    eprintln!("{}", imported.report.render(lang));
    let json = crate::model::json::to_json(&imported.document);
    match output {
        Some(path) if path != "-" => {
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!(
                    "{}",
                    lang.pick(
                        format!("{path}: không ghi được tệp ({e})"),
                        format!("{path}: cannot write the file ({e})")
                    )
                );
                return 2;
            }
            0
        }
        _ => {
            print!("{json}");
            0
        }
    }
}

/// Read and import one file (Word or text, told apart by its first bytes).
pub fn read(path: &str, lang: Lang) -> Result<Imported, String> {
    let bytes = std::fs::read(path).map_err(|e| match lang {
        Lang::Vi => format!("{path}: không đọc được tệp ({e})"),
        Lang::En => format!("{path}: cannot read the file ({e})"),
    })?;
    import::file::import_bytes(&bytes).map_err(|e| format!("{path}: {}", e.message(lang)))
}

/// Whether a path names a file to import rather than a JSON plan.
pub fn is_importable(path: &str) -> bool {
    import::file::is_importable_name(path)
}

fn usage(lang: Lang, arg: &str) -> i32 {
    let msg = match (lang, arg.is_empty()) {
        (Lang::Vi, true) => "import: cần tên tệp. Cách dùng: kehoach import TỆP.txt|TỆP.docx [-o RA.json]".to_string(),
        (Lang::En, true) => "import: a file name is needed. Usage: kehoach import FILE.txt|FILE.docx [-o OUT.json]".to_string(),
        (Lang::Vi, false) => format!("import: không hiểu tùy chọn «{arg}». Cách dùng: kehoach import TỆP.txt|TỆP.docx [-o RA.json]"),
        (Lang::En, false) => format!("import: unknown option «{arg}». Usage: kehoach import FILE.txt|FILE.docx [-o OUT.json]"),
    };
    eprintln!("{msg}");
    2
}
