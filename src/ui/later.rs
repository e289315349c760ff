//! Parts of the editor that load on first use.
//!
//! The first load must stay small (≤ 360 KB gzip for a new user, held by
//! `e2e/size.test.mjs`), so the browser build cuts the module at split points:
//! the functions marked `#[split_point(name)]` and all the code only they
//! reach go into separate `.wasm` files that are fetched, from the same place
//! as the app, the first time one of them is called. The tool
//! that cuts the module is `wasm-split-cli` (crate `wasm_split_cli_support`, run
//! by `scripts/split.sh` after Trunk's build); the markers come from
//! `wasm_split_helpers`, the same mechanism as Leptos' `#[lazy]`. Trunk has no
//! code splitting of its own (trunk-rs/trunk#1022).
//!
//! Without the `split` feature (tests, `cargo check`) a split point is a plain
//! function, called at once.

/// Marks a function as a split point of module `$name` (a no-op without the
/// `split` feature). Its callers go through [`later_view!`] or [`later!`],
/// which await it when the build is split.
macro_rules! split_point {
    ($name:ident, $item:item) => {
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($name))]
        $item
    };
}

/// The view returned by split point `$f($args…)`: drawn at once in an unsplit
/// build, after its module has loaded in a split one (with a short notice in
/// the meantime, which a local load replaces within a frame or two).
macro_rules! later_view {
    ($($f:ident)::+ ( $($arg:expr),* )) => {{
        #[cfg(feature = "split")]
        {
            leptos::prelude::view! {
                <leptos::prelude::Suspense fallback=$crate::ui::later::Loading>
                    {leptos::prelude::Suspend::new(async move { $($f)::+($($arg),*).await })}
                </leptos::prelude::Suspense>
            }
            .into_any()
        }
        #[cfg(not(feature = "split"))]
        {
            $($f)::+($($arg),*)
        }
    }};
}

/// Runs split point `$f($args…)` and hands its result to `$then`: at once in an
/// unsplit build, once its module has loaded in a split one.
macro_rules! later {
    ($($f:ident)::+ ( $($arg:expr),* ), $then:expr) => {{
        #[cfg(feature = "split")]
        {
            let result = $($f)::+($($arg),*);
            let then = $then;
            // `then` runs under the caller's owner, so it still finds its contexts.
            let owner = leptos::prelude::Owner::current();
            leptos::task::spawn_local(async move {
                let result = result.await;
                match owner {
                    Some(owner) => owner.with(|| then(result)),
                    None => then(result),
                }
            });
        }
        #[cfg(not(feature = "split"))]
        {
            let result = $($f)::+($($arg),*);
            ($then)(result)
        }
    }};
}

pub(crate) use {later, later_view, split_point};

use leptos::prelude::*;

/// What shows while a part of the editor loads.
#[component]
pub fn Loading() -> impl IntoView {
    let ed = super::state::editor();
    view! {
        <p class="kh-loading" role="status">
            {move || ed.tr("Đang tải…", "Loading…")}
        </p>
    }
}
