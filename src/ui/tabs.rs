//! The editor's tabs: the tab bar and the panel of the tab on screen. Every
//! part but the header form loads on first use (later.rs).

use leptos::prelude::*;

use super::body_budget::BodySlot;
use super::later::{later_view, split_point};
use super::state::editor;
use super::{appendix, body_editor, closing, export_panel, header_form};

/// Which part of the editor is on screen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Header,
    Body,
    Appendices,
    Agencies,
    Closing,
    Cascade,
    Preview,
}

const TABS: [(Tab, &str, &str); 7] = [
    (Tab::Header, "Phần đầu", "Header"),
    (Tab::Body, "Nội dung", "Content"),
    (Tab::Appendices, "Phụ lục", "Appendices"),
    (Tab::Agencies, "Cơ quan", "Agencies"),
    (Tab::Closing, "Nơi nhận, chữ ký", "Recipients, signature"),
    (Tab::Cascade, "Cấp trên, thời hạn", "Parent, deadlines"),
    (Tab::Preview, "Xem trước", "Preview"),
];

/// The DOM id of a tab's button.
fn tab_id(t: Tab) -> String {
    format!("kh-tab-{t:?}").to_ascii_lowercase()
}

/// The tab that an arrow, Home or End key moves to from `from` among `shown`
/// (WAI-ARIA tabs pattern: the ends wrap round).
fn tab_after(shown: &[Tab], from: Tab, key: &str) -> Option<Tab> {
    let i = shown.iter().position(|&t| t == from)?;
    let n = shown.len();
    let to = match key {
        "ArrowRight" => (i + 1) % n,
        "ArrowLeft" => (i + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return None,
    };
    Some(shown[to])
}

/// The tab bar; in review mode only the preview is offered. One tab is in
/// the Tab order (the chosen one); the arrow keys, Home and End move between
/// tabs and choose them.
#[component]
pub fn TabBar(tab: RwSignal<Tab>, read_only: bool) -> impl IntoView {
    let ed = editor();
    let shown: Vec<Tab> = TABS
        .iter()
        .map(|(t, _, _)| *t)
        .filter(|t| !read_only || *t == Tab::Preview)
        .collect();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        if let Some(to) = tab_after(&shown, tab.get_untracked(), &ev.key()) {
            ev.prevent_default();
            if to != tab.get_untracked() {
                tab.set(to);
            }
            super::dom::focus_now(ed.root, &tab_id(to));
        }
    };
    let tab_button = move |t: Tab, vi: &'static str, en: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=tab_id(t)
                aria-selected=move || (tab.get() == t).to_string()
                tabindex=move || if tab.get() == t { "0" } else { "-1" }
                class:kh-active=move || tab.get() == t
                aria-controls="kh-editor"
                on:click=move |_| tab.set(t)
            >
                {move || ed.tr(vi, en)}
            </button>
        }
    };
    view! {
        <nav
            class="kh-tabs"
            role="tablist"
            aria-label=move || ed.tr("Các phần của văn bản", "Parts of the document")
            on:keydown=on_key
        >
            {TABS
                .into_iter()
                .filter(|(t, _, _)| !read_only || *t == Tab::Preview)
                .map(|(t, vi, en)| tab_button(t, vi, en))
                .collect_view()}
        </nav>
    }
}

/// The panel of the tab on screen.
#[component]
pub fn TabPanel(tab: RwSignal<Tab>) -> impl IntoView {
    // The tab drawn follows the tab chosen one task later, with nothing drawn
    // in between: on the largest plan, taking down a tab and drawing the next
    // in one task blocked the page for 300–500 ms; as two tasks, the page can
    // answer input between them.
    let shown = RwSignal::new(Some(tab.get_untracked()));
    // «Nội dung» (3,000 parts at most) is hidden at once on leaving and taken
    // down in slices meanwhile (body_budget.rs), so it has a slot of its own.
    let body_on = RwSignal::new(tab.get_untracked() == Tab::Body);
    let closing = RwSignal::new(false);
    let slot = BodySlot {
        budget: StoredValue::new(None),
        shown: Signal::derive(move || shown.get() == Some(Tab::Body) && !closing.get()),
    };
    provide_context(slot);
    Effect::new(move |prev: Option<Tab>| {
        let t = tab.get();
        if prev.is_some_and(|p| p != t) {
            shown.set(None);
            if prev == Some(Tab::Body) {
                close_body(tab, slot, body_on, closing);
            }
            set_timeout(
                move || {
                    if tab.try_get_untracked() == Some(t) {
                        if t == Tab::Body && !closing.get_untracked() {
                            body_on.set(true);
                        }
                        shown.set(Some(t));
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        t
    });
    view! {
        <div
            class="kh-main"
            id="kh-editor"
            role="tabpanel"
            aria-labelledby=move || format!("kh-tab-{:?}", tab.get()).to_ascii_lowercase()
        >
            {move || {
                shown
                    .get()
                    .map(|t| match t {
                        Tab::Header => view! { <header_form::HeaderForm /> }.into_any(),
                        Tab::Body => ().into_any(),
                        Tab::Appendices => later_view!(appendices_tab()),
                        Tab::Agencies => later_view!(agencies_tab()),
                        Tab::Closing => later_view!(closing_tab()),
                        Tab::Cascade => later_view!(cascade_tab()),
                        Tab::Preview => later_view!(preview_tab()),
                    })
            }}
            // After the other tabs: a body being taken down is hidden and last.
            {move || body_on.get().then(|| later_view!(body_tab()))}
        </div>
    }
}

/// Takes the drawn body down in slices, then off the page; drawn anew if
/// «Nội dung» was chosen again meanwhile.
fn close_body(
    tab: RwSignal<Tab>,
    slot: BodySlot,
    body_on: RwSignal<bool>,
    closing: RwSignal<bool>,
) {
    let Some(budget) = slot.budget.get_value() else {
        // Its part is still loading: nothing drawn to take down.
        body_on.set(false);
        return;
    };
    if closing.get_untracked() {
        return;
    }
    closing.set(true);
    budget.close(move || {
        body_on.try_set(false);
        closing.try_set(false);
        if tab.try_get_untracked() == Some(Tab::Body) {
            set_timeout(
                move || {
                    body_on.try_set(true);
                },
                std::time::Duration::ZERO,
            );
        }
    });
}

// The editor's parts other than the header form load on first use (later.rs).
split_point!(
    body,
    fn body_tab() -> AnyView {
        view! { <body_editor::BodyEditor /> }.into_any()
    }
);
split_point!(
    appendices,
    fn appendices_tab() -> AnyView {
        view! { <appendix::AppendicesEditor /> }.into_any()
    }
);
split_point!(
    closing,
    fn agencies_tab() -> AnyView {
        view! { <closing::AgenciesEditor /> }.into_any()
    }
);
split_point!(
    closing,
    fn closing_tab() -> AnyView {
        view! { <closing::ClosingEditor /> }.into_any()
    }
);
split_point!(
    closing,
    fn cascade_tab() -> AnyView {
        view! { <closing::CascadeEditor /> }.into_any()
    }
);
split_point!(
    preview,
    fn preview_tab() -> AnyView {
        view! { <export_panel::Preview /> }.into_any()
    }
);
