//! Browser entry point: mounts the app. Built by Trunk for wasm32 only.

fn main() {
    #[cfg(target_arch = "wasm32")]
    kehoach::ui::start();
}
