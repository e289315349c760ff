//! `kehoach export FILE [--docx OUT.docx] [--text OUT.txt] [--html OUT.html]`:
//! write the asked exports of one document ("-" writes text or HTML to standard
//! output). With no output asked, the plain text goes to standard output.

use super::{load, Common};
use crate::export::{docx::to_docx, html::to_html, text::to_text};
use crate::Lang;

pub fn export(common: &Common, args: &[String]) -> i32 {
    let vi = common.lang == Lang::Vi;
    let mut file = None;
    let mut outputs: Vec<(&str, String)> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        match flag {
            "--docx" | "--text" | "--html" => {
                let Some(out) = inline.or_else(|| it.next().cloned()) else {
                    eprintln!(
                        "export: {flag} {}",
                        if vi {
                            "cần tên tệp ra"
                        } else {
                            "needs an output file"
                        }
                    );
                    return 2;
                };
                outputs.push((&flag[2..], out));
            }
            f if f.starts_with("--") => {
                eprintln!(
                    "export: {} {f}",
                    if vi {
                        "tùy chọn không rõ"
                    } else {
                        "unknown option"
                    }
                );
                return 2;
            }
            _ if file.is_none() => file = Some(a.clone()),
            _ => {
                eprintln!(
                    "export: {}",
                    if vi {
                        "chỉ nhận một tệp vào"
                    } else {
                        "takes one input file"
                    }
                );
                return 2;
            }
        }
    }
    let Some(file) = file else {
        eprintln!(
            "export: {}",
            if vi {
                "cần một tệp vào"
            } else {
                "needs an input file"
            }
        );
        return 2;
    };
    let doc = match load(&file, common.lang) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    if outputs.is_empty() {
        print!("{}", to_text(&doc));
        return 0;
    }
    let mut code = 0;
    for (format, path) in outputs {
        let bytes = match format {
            "docx" => to_docx(&doc),
            "text" => to_text(&doc).into_bytes(),
            _ => to_html(&doc).into_bytes(),
        };
        let written = if path == "-" && format != "docx" {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)
        } else {
            std::fs::write(&path, &bytes)
        };
        if let Err(e) = written {
            eprintln!(
                "{path}: {} ({e})",
                if vi {
                    "không ghi được"
                } else {
                    "cannot write"
                }
            );
            code = 2;
        }
    }
    code
}
