//! kehoach: draft, check and export Vietnamese plans (Kế hoạch, Chương trình).
//!
//! The core (model, rules, text, exports) is plain Rust with no web dependency;
//! the `ui` module (wasm only) binds it to the page.

pub mod export;
pub mod import;
pub mod model;
pub mod rules;
pub mod templates;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod embed;

// Talc instead of Rust's default wasm allocator (dlmalloc): about half its size
// in the first-load module and faster (talc's WebAssembly benchmarks).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The table window and the storage partitions are plain arithmetic: their
// unit tests also run natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "ui/partition.rs"]
mod partition;
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "ui/table_window.rs"]
mod table_window;

/// Language of messages shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The Vietnamese or the English one of a pair.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
