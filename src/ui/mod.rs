//! The browser UI: thin Leptos components that bind form fields to the document
//! model and show what the core says. No rule, numbering or export logic here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::PartialDate;
use crate::Lang;

mod agency_picker;
mod appendix;
mod autosave;
mod banner;
mod body_budget;
mod body_editor;
pub mod checker;
mod closing;
mod date_field;
pub mod dom;
pub mod drafts;
mod drafts_panel;
pub mod events;
mod export_panel;
mod field;
mod findings;
mod follow;
mod gallery;
mod guide;
mod header_form;
mod import_panel;
mod issues_panel;
mod later;
pub mod options;
pub mod partition;
pub mod registry;
mod setup;
mod shortcuts;
pub mod state;
mod table_window;
mod tabs;
mod timeframe_field;
mod toolbar;

pub use state::Editor;
pub use tabs::Tab;

use later::{later_view, split_point};
pub use options::{AppOptions, ExportKind};

/// Today's date by the browser's clock, in its time zone (the user's; std's
/// clock panics in wasm). The rules get it as an argument.
pub fn today() -> PartialDate {
    let d = js_sys::Date::new_0();
    PartialDate::ymd(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
}

/// Today's date, or 1 January of `year` when today is in another year.
fn today_or(year: i32) -> PartialDate {
    let t = today();
    if t.year == year {
        t
    } else {
        PartialDate::ymd(year, 1, 1)
    }
}

/// The application frame: top bar, tabs, the editor area and the issues panel.
/// Reads `AppOptions` from context (the standalone app uses the defaults).
#[component]
pub fn App() -> impl IntoView {
    let opts = use_context::<AppOptions>().unwrap_or_default();
    let (ed, drafts, gallery, tab) = setup::setup(&opts);
    let read_only = opts.read_only;
    let offers = toolbar::Offers {
        read_only,
        json: opts.offers(ExportKind::Json),
        submit: opts.submit,
        submit_with_errors: opts.submit_with_errors,
        sink: opts.sink,
    };
    provide_context(opts);
    let importer = import_panel::Importer::new();
    provide_context(importer);
    let drafts_open = RwSignal::new(false);
    let guide_open = RwSignal::new(false);
    let popups = shortcuts::Popups {
        drafts: drafts_open,
        guide: guide_open,
        importer,
    };
    view! {
        <div
            class="kh-app"
            lang=move || if ed.lang.get() == Lang::Vi { "vi" } else { "en" }
            on:keydown=move |ev| shortcuts::keys(ed, read_only, popups, ev)
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev| toolbar::import_dropped(read_only, ev)
        >
            <Show when=move || !gallery.open.get()>
                <a
                    class="kh-skip"
                    href="#kh-issues"
                    aria-keyshortcuts="F8 Alt+K"
                    on:click=move |ev| {
                        ev.prevent_default();
                        dom::focus_now(ed.root, "kh-issues");
                    }
                >
                    {move || ed.tr("Đến phần Kiểm tra văn bản", "Skip to the checks")}
                </a>
            </Show>
            <header class="kh-banner">
                <banner::TopBar drafts read_only />
                <toolbar::Toolbar offers drafts gallery tab drafts_open guide_open />
                <banner::StatusLine />
                <Show when=move || guide_open.get()>{later_view!(guide_panel(guide_open))}</Show>
                <Show when=move || drafts_open.get()>{later_view!(drafts_panel(drafts_open))}</Show>
                <Show when=move || {
                    importer.is_open()
                }>{later_view!(import_panel::import_panel())}</Show>
            </header>
            <agency_picker::AgencyDatalist />
            <Show
                when=move || !gallery.open.get()
                fallback=|| {
                    view! {
                        <main class="kh-gallery-wrap">
                            <gallery::GalleryScreen />
                        </main>
                    }
                }
            >
                <main class="kh-layout">
                    <div class="kh-work">
                        <tabs::TabBar tab read_only />
                        <tabs::TabPanel tab />
                    </div>
                    <issues_panel::IssuesPanel />
                </main>
            </Show>
        </div>
    }
}

// The drafts dialog and the guide load on first use (later.rs). The template
// gallery does not: it is a new user's first screen, and as a part of its own
// (43 files) it made a new user wait ~0.4 s longer on a slow line and PC
// (#22, e2e/offline.bench.mjs), while the first load was 21.7 KB gzip larger.
split_point!(
    drafts,
    fn drafts_panel(open: RwSignal<bool>) -> AnyView {
        view! { <drafts_panel::DraftsPanel open=open /> }.into_any()
    }
);
split_point!(
    guide,
    fn guide_panel(open: RwSignal<bool>) -> AnyView {
        view! { <guide::Guide open=open /> }.into_any()
    }
);

/// Mount the standalone app on the page body (the Trunk entry point). Pages that
/// embed the editor load the same module without `data-kehoach-app` on their
/// body, and mount editors through `embed::mount` instead.
pub fn start() {
    console_error_panic_hook::set_once();
    let standalone = document()
        .body()
        .is_some_and(|b| b.has_attribute("data-kehoach-app"));
    if standalone {
        leptos::mount::mount_to_body(App);
    }
}

/// The input element an event came from.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("event target").unchecked_into()
}
