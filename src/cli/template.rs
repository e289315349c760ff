//! `kehoach template`: list the built-in templates, check template files, and
//! start a document from a template (what a script or a portal needs to see
//! the plan a template makes).

use super::input::read_input;
use super::output::{error, Out};
use super::{args, Common};
use crate::model::json::to_json;
use crate::templates::{self, Facts, Template};
use crate::Lang;

pub const USAGE_VI: &str = "\
  kehoach template list                    liệt kê các mẫu có sẵn và dữ kiện của chúng
  kehoach template check FILE…             kiểm tra tệp mẫu (exit 2 nếu sai)
  kehoach template schema                  in JSON Schema của định dạng tệp mẫu
  kehoach template new ID|FILE [KEY=VALUE…] [--examples]
                                           in văn bản JSON v1 tạo từ mẫu; --examples lấy
                                           giá trị ví dụ cho dữ kiện chưa cho
";

pub const USAGE_EN: &str = "\
  kehoach template list                    list the built-in templates and their facts
  kehoach template check FILE…             check template files (exit 2 if wrong)
  kehoach template schema                  print the JSON Schema of the template file format
  kehoach template new ID|FILE [KEY=VALUE…] [--examples]
                                           print the JSON v1 document made from a template;
                                           --examples uses example values for facts not given
";

pub fn run(common: &Common, argv: &[String], out: &mut Out) -> i32 {
    let lang = common.lang;
    let sub = argv.first().map(String::as_str);
    let result = match sub {
        Some(s @ ("list" | "schema" | "check")) => {
            let cmd = format!("template {s}");
            args::parse(&cmd, &argv[1..], &[], &[], lang).and_then(|p| match s {
                "list" => super::no_arguments(&cmd, &p.positional, lang).map(|()| list(lang, out)),
                "schema" => super::no_arguments(&cmd, &p.positional, lang)
                    .map(|()| out.text(&templates::schema_json()))
                    .map(|()| 0),
                _ => check(&p.positional, lang, out),
            })
        }
        Some("new") => new(&argv[1..], lang, out),
        _ => {
            let usage = lang.pick(USAGE_VI, USAGE_EN);
            Err(match (sub, lang) {
                (Some(s), Lang::Vi) => {
                    format!("kehoach template: không có lệnh con «{s}».\n{usage}")
                }
                (Some(s), Lang::En) => {
                    format!("kehoach template: unknown subcommand “{s}”.\n{usage}")
                }
                (None, _) => usage.trim_end().to_string(),
            })
        }
    };
    result.unwrap_or_else(|e| {
        error(&e);
        2
    })
}

fn list(lang: Lang, out: &mut Out) -> i32 {
    let optional = lang.pick(" (không bắt buộc)", " (optional)");
    for t in templates::builtin() {
        out.line(&format!("{}\t{}", t.id, t.name(lang)));
        for f in &t.facts {
            let label = lang.pick(&f.label_vi, &f.label_en);
            let opt = if f.required { "" } else { optional };
            // The kind as template files write it ("optional_text").
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            out.line(&format!(
                "  {}\t{kind}\t{label}{opt}\t{}",
                f.key,
                f.example.as_deref().unwrap_or("")
            ));
        }
        if out.stopped() {
            break;
        }
    }
    0
}

fn check(files: &[String], lang: Lang, out: &mut Out) -> Result<i32, String> {
    if files.is_empty() {
        return Err(args::needs(
            "template check",
            "cần ít nhất một tệp.",
            "needs at least one file.",
            lang,
        ));
    }
    let mut code = 0;
    for f in files {
        match read(f, lang) {
            Ok(t) => out.line(&match lang {
                Lang::Vi => format!("{f}: {} ({} dữ kiện)", t.id, t.facts.len()),
                Lang::En => format!("{f}: {} ({} facts)", t.id, t.facts.len()),
            }),
            Err(e) => {
                error(&e);
                code = 2;
            }
        }
    }
    Ok(code)
}

fn new(argv: &[String], lang: Lang, out: &mut Out) -> Result<i32, String> {
    let p = args::parse("template new", argv, &["--examples"], &[], lang)?;
    let Some((which, given)) = p.positional.split_first() else {
        return Err(args::needs(
            "template new",
            &format!("cần mã mẫu hoặc tệp mẫu.\n{USAGE_VI}"),
            &format!("needs a template id or file.\n{USAGE_EN}"),
            lang,
        ));
    };
    let t = find(which, lang)?;
    let mut facts = Facts::new();
    for a in given {
        let Some((k, v)) = a.split_once('=') else {
            return Err(args::needs(
                "template new",
                &format!("cần KEY=VALUE, nhận «{a}»."),
                &format!("expected KEY=VALUE, found “{a}”."),
                lang,
            ));
        };
        facts.set(k.trim(), v);
    }
    let result = if p.has("--examples") {
        templates::instantiate_with_examples(&t, &facts)
    } else {
        templates::instantiate(&t, &facts)
    };
    let doc = result.map_err(|e| e.message(lang).to_string())?;
    out.text(&to_json(&doc));
    Ok(0)
}

/// A built-in template by id, or a template file; neither: the ids there are.
fn find(which: &str, lang: Lang) -> Result<Template, String> {
    if let Some(t) = templates::find_builtin(which) {
        return Ok(t);
    }
    if which == "-" || std::path::Path::new(which).exists() {
        return read(which, lang);
    }
    let ids: Vec<String> = templates::builtin().into_iter().map(|t| t.id).collect();
    let ids = ids.join(", ");
    Err(match lang {
        Lang::Vi => format!("kehoach template new: không có mẫu nào tên «{which}» (cũng không có tệp mẫu nào như vậy). Các mẫu có sẵn: {ids}."),
        Lang::En => format!("kehoach template new: there is no template named “{which}” (and no template file by that name). The built-in templates are: {ids}."),
    })
}

fn read(path: &str, lang: Lang) -> Result<Template, String> {
    let text = read_input(path, lang)?;
    templates::parse_template(&text).map_err(|e| format!("{path}: {}", e.message(lang)))
}
