//! The native command-line tool `kehoach`: each subcommand in its own file.
//! Exit codes: 0 fine, 1 findings of severity error, 2 unreadable input or bad usage.

mod check;
pub mod clock;
mod export;
mod format;
mod import;
mod template;

use crate::Lang;

pub const USAGE: &str = "\
kehoach — soạn thảo, kiểm tra và xuất kế hoạch (Kế hoạch, Chương trình)

Cách dùng / usage:
  kehoach fmt FILE…            viết lại tệp JSON ở dạng chuẩn (canonical JSON v1)
  kehoach fmt --check FILE…    chỉ kiểm tra, không ghi (exit 1 nếu khác)
  kehoach check FILE|DIR…      kiểm tra theo Nghị định 30 / Hướng dẫn 36 và logic kế hoạch
      --format text|json         dạng báo cáo (mặc định: text)
      --fix                      tự sửa những gì sửa được rồi ghi lại tệp
                                 (exit 0 không lỗi, 1 có lỗi, 2 không đọc được tệp)
  kehoach export FILE [--docx OUT.docx] [--text OUT.txt] [--html OUT.html]
                               xuất tệp Word, văn bản thuần, HTML (không tùy chọn: văn bản ra stdout)
  kehoach import FILE [-o OUT.json]
                               đọc kế hoạch đã có (tệp .txt, .docx) thành JSON, in báo cáo nhận dạng;
                               check và export cũng nhận thẳng tệp .txt, .docx
  kehoach schema               in JSON Schema của định dạng v1
  kehoach sample [ROWS]        in một kế hoạch mẫu có ROWS dòng phụ lục (đo hiệu năng)
  kehoach template …           mẫu kế hoạch: list | check FILE… | new ID|FILE [KEY=VALUE…] [--examples]
  --lang vi|en                 ngôn ngữ thông báo (mặc định: vi)
";

/// Options shared by every subcommand.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub lang: Lang,
}

/// Run the CLI on its arguments (program name excluded); returns the exit code.
pub fn run(args: Vec<String>) -> i32 {
    let mut common = Common::default();
    let mut rest = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--lang" {
            match it.next().as_deref() {
                Some("vi") => common.lang = Lang::Vi,
                Some("en") => common.lang = Lang::En,
                other => {
                    eprintln!("--lang: cần vi hoặc en / expected vi or en, nhận {other:?}");
                    return 2;
                }
            }
        } else if let Some(l) = a.strip_prefix("--lang=") {
            common.lang = if l == "en" { Lang::En } else { Lang::Vi };
        } else {
            rest.push(a);
        }
    }
    let Some(cmd) = rest.first().cloned() else {
        eprint!("{USAGE}");
        return 2;
    };
    let args = rest[1..].to_vec();
    match cmd.as_str() {
        "fmt" => format::fmt(&common, &args),
        "check" => check::check(&common, &args),
        "sample" => {
            let rows = args.first().and_then(|a| a.parse().ok()).unwrap_or(100);
            print!(
                "{}",
                crate::model::json::to_json(&crate::model::sample::generated_plan(rows))
            );
            0
        }
        "export" => export::export(&common, &args),
        "import" => import::run(&common, &args),
        "template" => template::run(&common, &args),
        "schema" => {
            print!("{}", crate::model::schema::schema_json());
            0
        }
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            0
        }
        other => {
            eprintln!("lệnh không rõ / unknown command: {other}\n{USAGE}");
            2
        }
    }
}

/// Read and parse one document file, with a message in the chosen language on failure.
pub fn load(path: &str, lang: Lang) -> Result<crate::model::Document, String> {
    if import::is_importable(path) {
        return import::read(path, lang).map(|i| i.document);
    }
    let text = std::fs::read_to_string(path).map_err(|e| match lang {
        Lang::Vi => format!("{path}: không đọc được tệp ({e})"),
        Lang::En => format!("{path}: cannot read file ({e})"),
    })?;
    crate::model::json::from_json(&text).map_err(|e| format!("{path}: {}", e.message(lang)))
}
