//! The native command-line tool `kehoach`: each subcommand in its own file.
//! Exit codes: 0 fine, 1 findings of severity error, 2 unreadable input or bad usage.
//! Files are read through `input` and written through `output` (atomically);
//! standard output goes through `output::Out`, which never panics.

mod args;
mod check;
pub mod clock;
mod export;
mod format;
mod import;
pub mod input;
mod oserr;
pub mod output;
mod rules;
mod template;

use crate::Lang;
use output::{error, Out};

pub const USAGE_VI: &str = "\
kehoach — soạn thảo, kiểm tra và xuất kế hoạch (Kế hoạch, Chương trình)

Cách dùng:
  kehoach fmt FILE…            viết lại tệp JSON ở dạng chuẩn (canonical JSON v1);
                               FILE là - : đọc từ stdin, in ra stdout
  kehoach fmt --check FILE…    chỉ kiểm tra, không ghi (exit 1 nếu khác)
  kehoach check FILE|DIR…      kiểm tra theo Nghị định 30 / Hướng dẫn 36 và logic kế hoạch
      --format text|json         dạng báo cáo (mặc định: text)
      --fix                      tự sửa những gì sửa được rồi ghi lại tệp
                                 (exit 0 không lỗi, 1 có lỗi, 2 không đọc được tệp)
  kehoach export FILE [--docx OUT.docx] [--text OUT.txt] [--html OUT.html]
                               xuất tệp Word, văn bản thuần, HTML (không tùy chọn: văn bản
                               ra stdout; OUT là - : ra stdout); không ghi đè tệp vào
  kehoach import FILE [-o OUT.json]
                               đọc kế hoạch đã có (tệp Word .docx, văn bản .txt) thành JSON
                               và in báo cáo nhận dạng; check và export cũng nhận thẳng
                               tệp .docx, .txt (lỗi kèm số đoạn, số dòng trong tệp)
  kehoach rules [--markdown]   in danh mục quy tắc kiểm tra: mức độ, căn cứ, ví dụ sai/đúng,
                               tự sửa hay không (--markdown: docs/rules.md, hai thứ tiếng)
  kehoach schema               in JSON Schema của định dạng v1
  kehoach sample [ROWS]        in một kế hoạch mẫu có ROWS dòng phụ lục (đo hiệu năng;
                               mặc định 100, tối đa 100000)
  kehoach template …           mẫu kế hoạch: list | check FILE… | new ID|FILE [KEY=VALUE…] [--examples]
  --lang vi|en                 ngôn ngữ thông báo (mặc định: vi)

Tệp vào: chỉ tệp thường mã UTF-8 (kế hoạch JSON, văn bản) hoặc tệp Word .docx (hoặc - là stdin), tối đa 50 MB; đổi giới hạn bằng
biến môi trường KEHOACH_MAX_INPUT_MB (số megabyte). Tệp ra được ghi trọn vẹn hoặc
không ghi gì (ghi vào tệp tạm bên cạnh rồi đổi tên).
";

pub const USAGE_EN: &str = "\
kehoach — draft, check and export plans (Kế hoạch, Chương trình)

Usage:
  kehoach fmt FILE…            rewrite JSON files in canonical form (canonical JSON v1);
                               FILE - reads standard input and writes standard output
  kehoach fmt --check FILE…    only check, write nothing (exit 1 if different)
  kehoach check FILE|DIR…      check against Decree 30 / Guide 36 and plan logic
      --format text|json         report format (default: text)
      --fix                      apply the fixes that can be made and rewrite the file
                                 (exit 0 no errors, 1 errors, 2 a file cannot be read)
  kehoach export FILE [--docx OUT.docx] [--text OUT.txt] [--html OUT.html]
                               export Word, plain text, HTML (no option: text to standard
                               output; OUT - : standard output); never overwrites the input
  kehoach import FILE [-o OUT.json]
                               read an existing plan (Word .docx, text .txt) into JSON and
                               print the recognition report; check and export also take
                               .docx and .txt files directly (findings give the paragraph
                               or line in the file)
  kehoach rules [--markdown]   print the rule catalogue: severity, basis, wrong and right
                               examples, whether it fixes (--markdown: docs/rules.md, both languages)
  kehoach schema               print the JSON Schema of format v1
  kehoach sample [ROWS]        print a sample plan with ROWS appendix rows (benchmarks;
                               default 100, at most 100000)
  kehoach template …           templates: list | check FILE… | new ID|FILE [KEY=VALUE…] [--examples]
  --lang vi|en                 language of messages (default: vi)

Input: ordinary UTF-8 files only (JSON plans, text) or Word .docx files (or - for standard input), at most 50 MB; change the
limit with the environment variable KEHOACH_MAX_INPUT_MB (megabytes). Output files are
written whole or not at all (into a temporary file beside them, then renamed).
";

/// The usage text in the chosen language.
pub fn usage(lang: Lang) -> &'static str {
    lang.pick(USAGE_VI, USAGE_EN)
}

/// The most rows `sample` makes (a bigger plan only fills the memory).
const MAX_SAMPLE_ROWS: usize = 100_000;

/// Options shared by every subcommand.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub lang: Lang,
}

/// Run the CLI on the operating system's arguments (program name excluded).
/// An argument that is not UTF-8 text (a file name in a legacy encoding) is a
/// usage error rather than the panic of `std::env::args`.
pub fn run_os(args: Vec<std::ffi::OsString>) -> i32 {
    let bad = args.iter().position(|a| a.to_str().is_none());
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let Some(n) = bad else {
        return run(args);
    };
    let shown = &args[n];
    let lang = split_lang(args.clone()).map_or(Lang::Vi, |(l, _)| l);
    error(&match lang {
        Lang::Vi => format!("kehoach: đối số thứ {} («{shown}») không phải văn bản UTF-8; hãy đổi tên tệp chỉ dùng chữ UTF-8.", n + 1),
        Lang::En => format!("kehoach: argument {} (“{shown}”) is not UTF-8 text; rename the file using UTF-8 characters.", n + 1),
    });
    2
}

/// Run the CLI on its arguments (program name excluded); returns the exit code.
pub fn run(args: Vec<String>) -> i32 {
    let (lang, rest) = match split_lang(args) {
        Ok(x) => x,
        Err(msg) => {
            error(&msg);
            return 2;
        }
    };
    let common = Common { lang };
    let mut out = Out::default();
    let code = dispatch(&common, &rest, &mut out);
    out.finish(code, lang)
}

fn dispatch(common: &Common, rest: &[String], out: &mut Out) -> i32 {
    let lang = common.lang;
    let Some(cmd) = rest.first() else {
        error(usage(lang));
        return 2;
    };
    let args = &rest[1..];
    // `kehoach check --help`: the usage, whatever else was given.
    let asks_help = args
        .iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--help" || a == "-h");
    if asks_help && cmd != "help" {
        out.text(usage(lang));
        if cmd == "template" {
            out.text(lang.pick(template::USAGE_VI, template::USAGE_EN));
        }
        return 0;
    }
    match cmd.as_str() {
        "fmt" => format::fmt(common, args, out),
        "check" => check::check(common, args, out),
        "export" => export::export(common, args, out),
        "import" => import::run(common, args, out),
        "template" => template::run(common, args, out),
        "sample" => sample(args, lang, out),
        "rules" => rules::run(args, lang, out),
        "schema" | "-h" | "--help" | "help" => {
            if let Err(e) = args::parse(cmd, args, &[], &[], lang)
                .and_then(|p| no_arguments(cmd, &p.positional, lang))
            {
                error(&e);
                return 2;
            }
            if cmd == "schema" {
                out.text(&crate::model::schema::schema_json());
            } else {
                out.text(usage(lang));
            }
            0
        }
        other => {
            error(&match lang {
                Lang::Vi => format!("kehoach: không có lệnh «{other}».\n\n{}", usage(lang)),
                Lang::En => format!("kehoach: unknown command “{other}”.\n\n{}", usage(lang)),
            });
            2
        }
    }
}

/// A usage error when a command that takes no arguments got some.
fn no_arguments(cmd: &str, positional: &[String], lang: Lang) -> Result<(), String> {
    match positional.first() {
        None => Ok(()),
        Some(a) => Err(args::needs(
            cmd,
            &format!("lệnh này không nhận đối số, nhận «{a}»."),
            &format!("this command takes no arguments, found “{a}”."),
            lang,
        )),
    }
}

/// `kehoach sample [ROWS]`.
fn sample(args: &[String], lang: Lang, out: &mut Out) -> i32 {
    let rows =
        args::parse("sample", args, &[], &[], lang).and_then(|p| match p.positional.as_slice() {
            [] => Ok(100),
            [n] => match n.parse::<usize>() {
                Ok(rows @ 0..=MAX_SAMPLE_ROWS) => Ok(rows),
                _ => Err(args::needs(
                    "sample",
                    &format!("ROWS phải là một số nguyên từ 0 đến {MAX_SAMPLE_ROWS}, nhận «{n}»."),
                    &format!(
                        "ROWS must be a whole number from 0 to {MAX_SAMPLE_ROWS}, found “{n}”."
                    ),
                    lang,
                )),
            },
            [_, extra, ..] => Err(args::needs(
                "sample",
                &format!("chỉ nhận một số dòng, thừa «{extra}»."),
                &format!("takes one number of rows, found also “{extra}”."),
                lang,
            )),
        });
    match rows {
        Ok(rows) => {
            out.text(&crate::model::json::to_json(
                &crate::model::sample::generated_plan(rows),
            ));
            0
        }
        Err(e) => {
            error(&e);
            2
        }
    }
}

/// Take `--lang vi|en` (or `--lang=…`) out of the arguments, wherever it is.
/// A bad or missing value is a usage error. Its message is in the language
/// given by another, valid `--lang` if any; otherwise, as the user was trying
/// to choose a language, it is given whole in Vietnamese and then whole in
/// English, on two lines.
fn split_lang(args: Vec<String>) -> Result<(Lang, Vec<String>), String> {
    let mut lang = None;
    let mut bad = None;
    let mut rest = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let value = if a == "--lang" {
            it.next()
        } else if let Some(v) = a.strip_prefix("--lang=") {
            Some(v.to_string())
        } else {
            rest.push(a);
            continue;
        };
        match value.as_deref() {
            Some("vi") => lang = Some(Lang::Vi),
            Some("en") => lang = Some(Lang::En),
            _ => bad = bad.or(Some(value)),
        }
    }
    let Some(bad) = bad else {
        return Ok((lang.unwrap_or_default(), rest));
    };
    let vi = match &bad {
        Some(v) => {
            format!("kehoach: --lang chỉ nhận vi (tiếng Việt) hoặc en (tiếng Anh), nhận «{v}».")
        }
        None => "kehoach: tùy chọn --lang cần một giá trị: vi (tiếng Việt) hoặc en (tiếng Anh)."
            .to_string(),
    };
    let en = match &bad {
        Some(v) => format!("kehoach: --lang takes vi (Vietnamese) or en (English), found “{v}”."),
        None => {
            "kehoach: the option --lang needs a value: vi (Vietnamese) or en (English).".to_string()
        }
    };
    Err(match lang {
        Some(Lang::Vi) => vi,
        Some(Lang::En) => en,
        None => format!("{vi}\n{en}"),
    })
}
