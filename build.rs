//! Compiles the built-in templates in minified (`src/templates/mod.rs`
//! includes them from OUT_DIR): `templates/*.json` stay the
//! pretty-printed, human-edited source, and the bundle carries the same JSON
//! on one line: no indentation or line breaks, one space after ':' and ','
//! (as `serde_json::Value`'s `Display` prints it). Strings are copied byte for byte.

use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("templates");
    fs::create_dir_all(&out).expect("create OUT_DIR/templates");
    println!("cargo:rerun-if-changed=templates");
    for entry in fs::read_dir("templates").expect("templates/") {
        let src = entry.expect("templates/ entry").path();
        if src.extension().is_some_and(|e| e == "json") {
            println!("cargo:rerun-if-changed={}", src.display());
            let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
            fs::write(out.join(src.file_name().expect("file name")), minify(&text)).expect("write minified template");
        }
    }
}

/// Drop JSON whitespace outside strings, then put one space after ':' and ','. Malformed input stays malformed: the
/// tests parse every built-in template and report it.
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if c == ':' || c == ',' {
            out.push(c);
            out.push(' ');
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}
