//! `kehoach fmt`: rewrite files in canonical JSON v1 (or only check with --check).

use super::{load, Common};
use crate::model::json::to_json;

pub fn fmt(common: &Common, args: &[String]) -> i32 {
    let check_only = args.iter().any(|a| a == "--check");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("fmt: cần ít nhất một tệp / needs at least one file");
        return 2;
    }
    let mut code = 0;
    for f in files {
        let doc = match load(f, common.lang) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                code = 2;
                continue;
            }
        };
        let canonical = to_json(&doc);
        let current = std::fs::read_to_string(f).unwrap_or_default();
        if current == canonical {
            continue;
        }
        if check_only {
            println!("{f}: chưa ở dạng chuẩn / not canonical");
            code = code.max(1);
        } else if let Err(e) = std::fs::write(f, canonical) {
            eprintln!("{f}: không ghi được / cannot write ({e})");
            code = 2;
        }
    }
    code
}
