//! Options of a subcommand: known flags, options taking a value (`--opt V` or
//! `--opt=V`) and the rest. An unknown option, a missing value or a value
//! given to a flag is a usage error (exit 2) naming the option, in the chosen
//! language. `--` ends the options; `-` alone is an argument (standard input
//! or output).

use crate::Lang;

/// What was given, in order.
#[derive(Debug, Default)]
pub struct Parsed {
    pub flags: Vec<&'static str>,
    pub values: Vec<(&'static str, String)>,
    pub positional: Vec<String>,
}

impl Parsed {
    pub fn has(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }

    /// The last value given to `opt`.
    pub fn value(&self, opt: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(o, _)| *o == opt)
            .map(|(_, v)| v.as_str())
    }
}

/// Parse `args` of subcommand `cmd` ("check", "template new").
pub fn parse(
    cmd: &str,
    args: &[String],
    flags: &[&'static str],
    valued: &[&'static str],
    lang: Lang,
) -> Result<Parsed, String> {
    let mut p = Parsed::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--" {
            p.positional.extend(it.by_ref().cloned());
            break;
        }
        if !a.starts_with('-') || a == "-" {
            p.positional.push(a.clone());
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (a.as_str(), None),
        };
        if let Some(flag) = flags.iter().find(|f| **f == name) {
            if inline.is_some() {
                return Err(usage(cmd, name, Problem::NoValue, lang));
            }
            p.flags.push(flag);
        } else if let Some(opt) = valued.iter().find(|o| **o == name) {
            let value = match inline {
                Some(v) => v,
                None => match it.next() {
                    Some(v) if v == "-" || !v.starts_with("--") => v.clone(),
                    _ => return Err(usage(cmd, name, Problem::Missing, lang)),
                },
            };
            if value.is_empty() {
                return Err(usage(cmd, name, Problem::Missing, lang));
            }
            p.values.push((opt, value));
        } else {
            return Err(usage(cmd, name, Problem::Unknown, lang));
        }
    }
    Ok(p)
}

enum Problem {
    Unknown,
    Missing,
    NoValue,
}

fn usage(cmd: &str, opt: &str, problem: Problem, lang: Lang) -> String {
    match (problem, lang) {
        (Problem::Unknown, Lang::Vi) => {
            format!("kehoach {cmd}: không có tùy chọn {opt}; xem các tùy chọn bằng lệnh `kehoach help`.")
        }
        (Problem::Unknown, Lang::En) => {
            format!("kehoach {cmd}: unknown option {opt}; see the options with `kehoach --lang en help`.")
        }
        (Problem::Missing, Lang::Vi) => format!("kehoach {cmd}: tùy chọn {opt} cần một giá trị."),
        (Problem::Missing, Lang::En) => format!("kehoach {cmd}: the option {opt} needs a value."),
        (Problem::NoValue, Lang::Vi) => {
            format!("kehoach {cmd}: tùy chọn {opt} không nhận giá trị.")
        }
        (Problem::NoValue, Lang::En) => format!("kehoach {cmd}: the option {opt} takes no value."),
    }
}

/// "needs at least one file" style errors and "takes no arguments": a usage
/// message for `cmd` in the chosen language.
pub fn needs(cmd: &str, vi: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("kehoach {cmd}: {vi}"),
        Lang::En => format!("kehoach {cmd}: {en}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_values_and_arguments() {
        let p = parse(
            "check",
            &v(&["a.json", "--fix", "--format=json", "-", "--", "--odd"]),
            &["--fix"],
            &["--format"],
            Lang::Vi,
        )
        .unwrap();
        assert!(p.has("--fix"));
        assert_eq!(p.value("--format"), Some("json"));
        assert_eq!(p.positional, ["a.json", "-", "--odd"]);
    }

    #[test]
    fn typos_and_missing_values_are_named() {
        let e = parse("fmt", &v(&["--chek", "f"]), &["--check"], &[], Lang::Vi).unwrap_err();
        assert_eq!(
            e,
            "kehoach fmt: không có tùy chọn --chek; xem các tùy chọn bằng lệnh `kehoach help`."
        );
        let e = parse("check", &v(&["--format"]), &[], &["--format"], Lang::En).unwrap_err();
        assert_eq!(e, "kehoach check: the option --format needs a value.");
        let e = parse("check", &v(&["--fix=yes"]), &["--fix"], &[], Lang::En).unwrap_err();
        assert!(e.contains("--fix takes no value"), "{e}");
    }
}
