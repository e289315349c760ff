//! The size rules of the house, read from the source: no file under src/ over
//! 600 lines, no function over 80 (from `fn` to its closing brace, functions
//! written inside macro calls such as `split_point!` included). The source is
//! parsed with `syn`; its spans give each function's lines.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use syn::parse::discouraged::Speculative;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::visit::Visit;

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 80;

/// Functions over the limit that are still to be split (file, function).
/// This list may only shrink: a function leaves it when it is split, and the
/// test fails while a listed function is no longer over the limit, so that
/// the list cannot outlive the work it records.
const KNOWN_LONG_FUNCTIONS: &[(&str, &str)] = &[];

/// A function of the source: its file, name, first line and number of lines.
#[derive(Debug)]
struct Function {
    file: String,
    name: String,
    line: usize,
    lines: usize,
}

/// Collects every function with a body, nested ones and those inside macro calls included.
struct Functions<'a> {
    file: &'a str,
    found: Vec<Function>,
}

impl Functions<'_> {
    fn add(&mut self, name: &syn::Ident, fn_token: &syn::token::Fn, block: &syn::Block) {
        let first = fn_token.span().start().line;
        let last = block.brace_token.span.close().end().line;
        self.found.push(Function {
            file: self.file.to_string(),
            name: name.to_string(),
            line: first,
            lines: last - first + 1,
        });
    }
}

impl<'ast> Visit<'ast> for Functions<'_> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.add(&f.sig.ident, &f.sig.fn_token, &f.block);
        syn::visit::visit_item_fn(self, f);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.add(&f.sig.ident, &f.sig.fn_token, &f.block);
        syn::visit::visit_impl_item_fn(self, f);
    }
    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.add(&f.sig.ident, &f.sig.fn_token, block);
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
    /// Items written inside a macro call (`split_point!(name, pub fn …)`):
    /// every place in its tokens where an item parses.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let items = |input: ParseStream| {
            let mut items = Vec::new();
            while !input.is_empty() {
                let fork = input.fork();
                match fork.parse::<syn::Item>() {
                    Ok(item) => {
                        items.push(item);
                        input.advance_to(&fork);
                    }
                    Err(_) => {
                        input.parse::<proc_macro2::TokenTree>()?;
                    }
                }
            }
            Ok(items)
        };
        if let Ok(items) = items.parse2(m.tokens.clone()) {
            for item in &items {
                self.visit_item(item);
            }
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every .rs file under src/, as (path relative to the crate, text).
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(files.len() > 50, "the source tree was not found");
    files
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn functions(file: &str, text: &str) -> Vec<Function> {
    let ast = syn::parse_file(text).unwrap_or_else(|e| panic!("{file} does not parse: {e}"));
    let mut v = Functions {
        file,
        found: Vec::new(),
    };
    v.visit_file(&ast);
    v.found
}

/// Fails with `what` and the places listed, if any.
fn assert_none(places: Vec<String>, what: String) {
    assert!(places.is_empty(), "{what}\n{}", places.join("\n"));
}

fn known(f: &Function) -> bool {
    KNOWN_LONG_FUNCTIONS.contains(&(f.file.as_str(), f.name.as_str()))
}

#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<String> = sources()
        .iter()
        .map(|(file, text)| (file, text.lines().count()))
        .filter(|(_, n)| *n > MAX_FILE_LINES)
        .map(|(file, n)| format!("{file}: {n} lines"))
        .collect();
    assert_none(long, format!("files over {MAX_FILE_LINES} lines:"));
}

#[test]
fn no_function_is_over_80_lines() {
    let all: Vec<Function> = sources()
        .iter()
        .flat_map(|(file, text)| functions(file, text))
        .collect();
    let long: Vec<String> = all
        .iter()
        .filter(|f| f.lines > MAX_FN_LINES && !known(f))
        .map(|f| format!("{}:{} {}: {} lines", f.file, f.line, f.name, f.lines))
        .collect();
    assert_none(
        long,
        format!("functions over {MAX_FN_LINES} lines (split them by meaning):"),
    );
    let done: Vec<String> = KNOWN_LONG_FUNCTIONS
        .iter()
        .filter(|(file, name)| {
            !all.iter()
                .any(|f| f.file == *file && f.name == *name && f.lines > MAX_FN_LINES)
        })
        .map(|(file, name)| format!("{file} {name}"))
        .collect();
    assert_none(
        done,
        format!("no longer over {MAX_FN_LINES} lines: remove from KNOWN_LONG_FUNCTIONS:"),
    );
}

/// The measure itself: a function's lines run from `fn` to its closing brace,
/// nested functions and those inside a macro call are seen.
#[test]
fn functions_are_measured_from_fn_to_closing_brace() {
    let text = "/// doc\n#[inline]\npub fn a(\n    x: u8,\n) {\n    fn inner() {}\n}\n\
                impl S {\n    fn b(&self) {\n    }\n}\n\
                split_point!(gallery, pub fn c() -> u8 {\n    1\n});\n";
    let found: Vec<(String, usize, usize)> = functions("t.rs", text)
        .into_iter()
        .map(|f| (f.name, f.line, f.lines))
        .collect();
    assert_eq!(
        found,
        [
            ("a".to_string(), 3, 5),
            ("inner".to_string(), 6, 1),
            ("b".to_string(), 9, 2),
            ("c".to_string(), 12, 3),
        ]
    );
}
