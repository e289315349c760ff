//! `kehoach export FILE [--docx OUT.docx] [--text OUT.txt] [--html OUT.html]`:
//! write the asked exports of one document; an output `-` goes to standard
//! output (the .docx bytes as well). With no output asked, the plain text goes
//! to standard output. An output that is the input file (or another output)
//! is refused before anything is written; files are written atomically.

use super::input::load;
use super::output::{error, write_file, Out};
use super::{args, Common};
use crate::export::{docx::to_docx, html::to_html, text::to_text};
use crate::Lang;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn export(common: &Common, argv: &[String], out: &mut Out) -> i32 {
    let lang = common.lang;
    let (file, outputs) = match options(argv, lang) {
        Ok(x) => x,
        Err(e) => {
            error(&e);
            return 2;
        }
    };
    let doc = match load(&file, lang) {
        Ok(d) => d,
        Err(e) => {
            error(&e);
            return 2;
        }
    };
    if outputs.is_empty() {
        out.text(&to_text(&doc));
        return 0;
    }
    if outputs.iter().any(|(f, p)| *f == "--docx" && p == "-") && std::io::stdout().is_terminal() {
        error(&args::needs(
            "export",
            "không in tệp Word (--docx -) ra màn hình; hãy chuyển kết quả vào tệp (> tep.docx) hoặc chương trình khác.",
            "will not print a Word file (--docx -) on the screen; redirect it to a file (> file.docx) or another program.",
            lang,
        ));
        return 2;
    }
    let mut code = 0;
    for (format, path) in outputs {
        let bytes = match format {
            "--docx" => to_docx(&doc),
            "--text" => to_text(&doc).into_bytes(),
            _ => to_html(&doc).into_bytes(),
        };
        if path == "-" {
            out.bytes(&bytes);
        } else if let Err(e) = write_file(&path, &bytes, lang) {
            error(&e);
            code = 2;
        }
    }
    code
}

type Outputs = Vec<(&'static str, String)>;

/// The input file and the outputs asked, each checked not to be the input.
fn options(argv: &[String], lang: Lang) -> Result<(String, Outputs), String> {
    let p = args::parse("export", argv, &[], &["--docx", "--text", "--html"], lang)?;
    let file = match p.positional.as_slice() {
        [f] => f.clone(),
        [] => {
            return Err(args::needs(
                "export",
                "cần một tệp vào.",
                "needs an input file.",
                lang,
            ))
        }
        [_, extra, ..] => {
            return Err(args::needs(
                "export",
                &format!("chỉ nhận một tệp vào, thừa «{extra}»."),
                &format!("takes one input file, found also “{extra}”."),
                lang,
            ))
        }
    };
    let mut seen: Vec<(PathBuf, &str)> = Vec::new();
    if file != "-" {
        if let Some(c) = canonical(Path::new(&file)) {
            seen.push((c, &file));
        }
    }
    for (_, path) in &p.values {
        if path == "-" {
            continue;
        }
        let Some(c) = canonical(Path::new(path)) else {
            continue;
        };
        if let Some((_, other)) = seen.iter().find(|(s, _)| *s == c) {
            return Err(match (lang, *other == file) {
                (Lang::Vi, true) => format!("kehoach export: tệp ra {path} chính là tệp vào {file}; hãy chọn tên khác để không ghi đè kế hoạch."),
                (Lang::En, true) => format!("kehoach export: the output {path} is the input file {file}; choose another name so the plan is not overwritten."),
                (Lang::Vi, false) => format!("kehoach export: tệp ra {path} được chọn hai lần (trùng với {other}); hãy chọn tên khác."),
                (Lang::En, false) => format!("kehoach export: the output {path} is asked twice (same as {other}); choose another name."),
            });
        }
        seen.push((c, path));
    }
    Ok((file, p.values))
}

/// The canonical path of a file, or for a file not written yet, of its folder
/// joined with its name; None when even the folder does not exist (writing
/// there fails with its own message).
fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(c) = path.canonicalize() {
        return Some(c);
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    dir.canonicalize().ok().map(|d| d.join(name))
}
