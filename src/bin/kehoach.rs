//! Native command-line tool over the same core as the browser app.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(kehoach::cli::run_os(std::env::args_os().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
