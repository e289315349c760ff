//! The issues panel: every finding by severity, each linking to its field
//! (switches to the right tab, scrolls to the field and focuses it).

use leptos::prelude::*;

use super::field::{field_id, FixButton};
use super::state::editor;
use super::Tab;
use crate::rules::Severity;

/// The tab that shows the field at a JSON path.
pub fn tab_for(path: &str) -> Tab {
    let head = path.split(['.', '[']).next().unwrap_or("");
    match head {
        "body" | "opening" => Tab::Body,
        "appendices" => Tab::Appendices,
        "agencies" => Tab::Agencies,
        "recipients" | "signature" => Tab::Closing,
        "parent" | "report_deadlines" | "period" | "settings" => Tab::Cascade,
        _ => Tab::Header,
    }
}

/// Focus the element editing `path`, or the nearest enclosing one that exists.
pub fn go_to(path: &str) {
    let root = editor().root;
    let tab = expect_context::<RwSignal<Tab>>();
    // Setting the same tab again would build it anew.
    if tab.get_untracked() != tab_for(path) {
        tab.set(tab_for(path));
    }
    if let Some(row) = crate::model::walk::appendix_row(path) {
        editor().reveal.set(Some(row));
    }
    focus_when_drawn(root, path.to_string(), js_sys::Date::now() + DRAW_WAIT_MS);
}

/// How long a link waits for its field to be drawn: a tab is drawn a task
/// after it is chosen, its part may load, a far table row scrolls into view.
const DRAW_WAIT_MS: f64 = 1000.0;

/// Focus the field at `path` once it is drawn; past `deadline` (a time of
/// `Date::now`), the nearest enclosing field.
fn focus_when_drawn(root: u32, path: String, deadline: f64) {
    request_animation_frame(move || {
        let exact = |p: &str| {
            let id = field_id(p);
            super::dom::focus_now(root, &id) || super::dom::focus_now(root, &format!("{id}-text"))
        };
        if exact(&path) {
            return;
        }
        if js_sys::Date::now() < deadline {
            return focus_when_drawn(root, path, deadline);
        }
        let mut p = path.as_str();
        while let Some(i) = p.rfind(['.', '[']).filter(|&i| i > 0) {
            p = &p[..i];
            if exact(p) {
                return;
            }
        }
        // A part with no field of its own (an empty content): its tab's first field.
        super::dom::focus_first_when_drawn(root, super::dom::FIRST_FIELD);
    });
}

/// "3 lỗi, 5 cảnh báo, 2 gợi ý": always visible in the top bar.
#[component]
pub fn Counts() -> impl IntoView {
    let ed = editor();
    let counts = Memo::new(move |_| {
        ed.report.with(|r| {
            (
                r.count(Severity::Error),
                r.count(Severity::Warning),
                r.count(Severity::Info),
            )
        })
    });
    view! {
        <a class="kh-counts" href="#kh-issues" aria-live="polite">
            <span class="kh-count kh-error">
                {move || Severity::Error.counted(counts.get().0, ed.lang.get())}
            </span>
            ", "
            <span class="kh-count kh-warning">
                {move || Severity::Warning.counted(counts.get().1, ed.lang.get())}
            </span>
            ", "
            <span class="kh-count kh-info">
                {move || Severity::Info.counted(counts.get().2, ed.lang.get())}
            </span>
        </a>
    }
}

/// The panel's summary ("3 lỗi, …") and the keys that go through it.
#[component]
fn Summary() -> impl IntoView {
    let ed = editor();
    view! {
        <p>
            {move || {
                let summary = ed.report.with(|r| r.summary(ed.lang.get()));
                if ed.checked.get() {
                    summary
                } else {
                    ed.tr("Đang tải phần kiểm tra…", "Loading the checks…").to_string()
                }
            }}
        </p>
        <p class="kh-hint">
            {move || {
                ed.tr(
                    "Phím F8 (hoặc Alt+K): đến vấn đề tiếp theo; Shift+F8: vấn đề trước.",
                    "F8 (or Alt+K): go to the next problem; Shift+F8: the one before.",
                )
            }}
        </p>
    }
}

#[component]
pub fn IssuesPanel() -> impl IntoView {
    let ed = editor();
    let group = move |sev: Severity, vi: &'static str, en: &'static str| {
        let items = Memo::new(move |_| {
            ed.report.with(|r| {
                r.findings
                    .iter()
                    .filter(|f| f.severity == sev)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        view! {
            <Show when=move || items.with(|i| !i.is_empty())>
                <h3 class=format!(
                    "kh-issues-h kh-{}",
                    sev.as_str(),
                )>{move || format!("{} ({})", ed.tr(vi, en), items.with(Vec::len))}</h3>
                <ul class="kh-issues-list">
                    {move || {
                        items
                            .get()
                            .into_iter()
                            .map(|f| {
                                let path = f.path.clone();
                                let fix = f.fix.clone();
                                view! {
                                    // The rule's id is for people who read docs/rules.md,
                                    // not a ward officer: kept as data, not printed.
                                    <li
                                        class=format!("kh-finding kh-{}", f.severity.as_str())
                                        data-rule=f.rule
                                    >
                                        <a
                                            href=format!("#{}", field_id(&f.path))
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                go_to(&path);
                                            }
                                        >
                                            <span class="kh-sev">
                                                {format!("{}:", f.severity.label(ed.lang.get()))}
                                            </span>
                                            " "
                                            {f.message(ed.lang.get()).to_string()}
                                        </a>
                                        " "
                                        {fix.map(|fix| view! { <FixButton fix=fix /> })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        }
    };
    view! {
        <aside class="kh-issues" id="kh-issues" aria-labelledby="kh-issues-h" tabindex="-1">
            <h2 id="kh-issues-h">{move || ed.tr("Kiểm tra văn bản", "Checks")}</h2>
            <Summary />
            <Show when=move || ed.checked.get() && ed.report.with(|r| r.findings.is_empty())>
                <p class="kh-ok">
                    {move || ed.tr("Không phát hiện vấn đề nào.", "No problems found.")}
                </p>
            </Show>
            {group(Severity::Error, "Lỗi", "Errors")}
            {group(Severity::Warning, "Cảnh báo", "Warnings")}
            {group(Severity::Info, "Gợi ý", "Info")}
        </aside>
    }
}
