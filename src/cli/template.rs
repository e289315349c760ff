//! `kehoach template`: list the built-in templates, check template files, and
//! start a document from a template (what a script or a portal needs to see
//! the plan a template makes).

use super::Common;
use crate::model::json::to_json;
use crate::templates::{self, Facts, Template};
use crate::Lang;

pub const USAGE: &str = "\
  kehoach template list                    liệt kê các mẫu có sẵn và dữ kiện của chúng
  kehoach template check FILE…             kiểm tra tệp mẫu (exit 2 nếu sai)
  kehoach template schema                  in JSON Schema của định dạng tệp mẫu
  kehoach template new ID|FILE [KEY=VALUE…] [--examples]
                                           in văn bản JSON v1 tạo từ mẫu; --examples lấy
                                           giá trị ví dụ cho dữ kiện chưa cho
";

pub fn run(common: &Common, args: &[String]) -> i32 {
    let lang = common.lang;
    match args.first().map(String::as_str) {
        Some("list") => {
            for t in templates::builtin() {
                println!("{}\t{}", t.id, t.name(lang));
                for f in &t.facts {
                    let label = if lang == Lang::Vi {
                        &f.label_vi
                    } else {
                        &f.label_en
                    };
                    let opt = if f.required {
                        ""
                    } else {
                        " (không bắt buộc / optional)"
                    };
                    println!(
                        "  {}\t{:?}\t{label}{opt}\t{}",
                        f.key,
                        f.kind,
                        f.example.as_deref().unwrap_or("")
                    );
                }
            }
            0
        }
        Some("schema") => {
            print!("{}", templates::schema_json());
            0
        }
        Some("check") => {
            let files = &args[1..];
            if files.is_empty() {
                eprintln!("template check: cần ít nhất một tệp / needs at least one file");
                return 2;
            }
            let mut code = 0;
            for f in files {
                match read(f, lang) {
                    Ok(t) => println!("{f}: {} ({} dữ kiện / facts)", t.id, t.facts.len()),
                    Err(e) => {
                        eprintln!("{e}");
                        code = 2;
                    }
                }
            }
            code
        }
        Some("new") => {
            let Some(which) = args.get(1) else {
                eprintln!(
                    "template new: cần mã mẫu hoặc tệp / needs a template id or file\n{USAGE}"
                );
                return 2;
            };
            let t = match templates::find_builtin(which) {
                Some(t) => t,
                None => match read(which, lang) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("{e}");
                        return 2;
                    }
                },
            };
            let mut facts = Facts::new();
            let mut examples = false;
            for a in &args[2..] {
                if a == "--examples" {
                    examples = true;
                } else if let Some((k, v)) = a.split_once('=') {
                    facts.set(k.trim(), v);
                } else {
                    eprintln!("template new: cần KEY=VALUE, nhận \"{a}\" / expected KEY=VALUE, found \"{a}\"");
                    return 2;
                }
            }
            let result = if examples {
                templates::instantiate_with_examples(&t, &facts)
            } else {
                templates::instantiate(&t, &facts)
            };
            match result {
                Ok(doc) => {
                    print!("{}", to_json(&doc));
                    0
                }
                Err(e) => {
                    eprintln!("{}", e.message(lang));
                    2
                }
            }
        }
        _ => {
            eprint!("{USAGE}");
            2
        }
    }
}

fn read(path: &str, lang: Lang) -> Result<Template, String> {
    let text = std::fs::read_to_string(path).map_err(|e| match lang {
        Lang::Vi => format!("{path}: không đọc được tệp ({e})"),
        Lang::En => format!("{path}: cannot read file ({e})"),
    })?;
    templates::parse_template(&text).map_err(|e| format!("{path}: {}", e.message(lang)))
}
