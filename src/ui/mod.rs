//! The browser UI: thin Leptos components that bind form fields to the document
//! model and show what the core says. No rule, numbering or export logic here.

use leptos::prelude::*;

use crate::model::{DocKind, Document, PartialDate, Profile};

mod agency_picker;
mod appendix_editor;
mod body_editor;
mod field;
mod header_form;
pub mod state;
mod timeframe_field;

pub use state::Editor;

/// Today's date, or 1 January of `year` when today is in another year.
fn today_or(year: i32) -> PartialDate {
    let t = crate::rules::today();
    if t.year == year { t } else { PartialDate::ymd(year, 1, 1) }
}

/// Which part of the editor is on screen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Header,
    Body,
    Appendices,
}

/// The application frame: header bar and the editor area.
#[component]
pub fn App() -> impl IntoView {
    let editor = Editor::new(initial_document());
    provide_context(editor);
    let tab = RwSignal::new(Tab::Header);
    provide_context(tab);
    let ed = editor;
    let tab_button = move |t: Tab, vi: &'static str, en: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=format!("kh-tab-{t:?}").to_lowercase()
                aria-selected=move || (tab.get() == t).to_string()
                class:kh-active=move || tab.get() == t
                on:click=move |_| tab.set(t)
            >
                {move || ed.tr(vi, en)}
            </button>
        }
    };
    view! {
        <div class="kh-app">
            <header class="kh-topbar">
                <h1 class="kh-title">"Soạn thảo kế hoạch"</h1>
            </header>
            <agency_picker::AgencyDatalist />
            <nav class="kh-tabs" role="tablist" aria-label="Các phần của văn bản">
                {tab_button(Tab::Header, "Phần đầu", "Header")}
                {tab_button(Tab::Body, "Nội dung", "Content")}
                {tab_button(Tab::Appendices, "Phụ lục", "Appendices")}
            </nav>
            <main class="kh-main" id="kh-editor">
                {move || match tab.get() {
                    Tab::Header => view! { <header_form::HeaderForm /> }.into_any(),
                    Tab::Body => view! { <body_editor::BodyEditor /> }.into_any(),
                    Tab::Appendices => view! { <appendix_editor::AppendicesEditor /> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// `?sample=N` opens a generated plan with N appendix rows (for trying the editor
/// at scale and for the speed harness); otherwise an empty Kế hoạch.
fn initial_document() -> Document {
    let search = window().location().search().unwrap_or_default();
    let rows = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("sample=")).and_then(|n| n.parse::<usize>().ok());
    match rows {
        Some(n) => crate::model::sample::generated_plan(n.min(20_000)),
        None => Document::new(DocKind::Plan, Profile::State),
    }
}

/// Mount the app on the page body (the Trunk entry point).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
