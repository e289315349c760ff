//! Native command-line tool over the same core as the browser app.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(kehoach::cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
