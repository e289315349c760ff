//! Template gallery: the first screen when there is no draft. Choosing a template
//! asks only for the facts that change (unit name and level, resolution, parent
//! plan, signer) and starts a new draft with them filled in everywhere.

use std::sync::Arc;

use leptos::prelude::*;

use super::drafts::Drafts;
use super::later::split_point;
use super::state::{editor, Editor};
use crate::model::Document;
use crate::templates::{self, Template};
use crate::Lang;

mod start_form;
use start_form::StartForm;

/// Templates on offer: built in, supplied by a portal, saved by the person.
/// Only their texts are kept here, read when the gallery is drawn; the built-in
/// templates' documents load as a part of their own once a plan is started.
#[derive(Clone, Copy)]
pub struct Gallery {
    pub open: RwSignal<bool>,
    /// A template whose start form shows first (a portal's `template` option).
    pub chosen: RwSignal<Option<Template>>,
    /// The id of the template to open first, until the gallery has read it.
    pub wanted: StoredValue<Option<String>>,
    /// Templates from the portal, as given (JSON texts).
    pub extra: StoredValue<Vec<String>>,
}

const PERSONAL_KEY: &str = "templates";

impl Gallery {
    pub fn new(open: bool, extra: Vec<String>) -> Self {
        Gallery {
            open: RwSignal::new(open),
            chosen: RwSignal::new(None),
            wanted: StoredValue::new(None),
            extra: StoredValue::new(extra),
        }
    }

    /// Open the start form of template `id` first (when it exists).
    pub fn preselect(&self, id: Option<String>) {
        if id.is_some() {
            self.wanted.set_value(id);
            self.open.set(true);
        }
    }

    /// Every template on offer, and a message for each portal template that
    /// cannot be read.
    fn all(&self, drafts: &Drafts) -> (Vec<Template>, Vec<(String, String)>) {
        let mut all = templates::builtin_cards();
        let mut errors = Vec::new();
        for (i, text) in self.extra.get_value().iter().enumerate() {
            match templates::parse_template(text) {
                Ok(t) => all.push(t),
                Err(e) => errors.push((
                    format!(
                        "Mẫu thứ {} của cổng thông tin không đọc được: {}",
                        i + 1,
                        e.message_vi
                    ),
                    format!("Portal template {} cannot be read: {}", i + 1, e.message_en),
                )),
            }
        }
        all.extend(personal(drafts));
        (all, errors)
    }
}

/// The person's own templates, as stored (unreadable ones are skipped).
fn personal(drafts: &Drafts) -> Vec<Template> {
    drafts
        .store
        .with_value(|s| s.get(PERSONAL_KEY))
        .and_then(|t| templates::parse_template_list(&t).ok())
        .unwrap_or_default()
}

// Saving the open plan as a template («Lưu làm mẫu») loads on first use.
split_point!(
    personal_templates,
    pub fn save_personal(name: String, doc: Document, drafts: Drafts) -> Result<(), String> {
        let id = format!("rieng_{}", crate::model::edit::slug(&name));
        let t = templates::template_from_document(&doc, &id, &name);
        let mut list = personal(&drafts);
        list.retain(|x| x.id != t.id);
        list.push(t);
        let json = format!(
            "[{}]",
            list.iter()
                .map(templates::to_template_json)
                .collect::<Vec<_>>()
                .join(",")
        );
        drafts.store.with_value(|s| s.set(PERSONAL_KEY, &json))
    }
);

// The built-in templates' documents are most of the gallery's weight and only
// needed once a plan is started, so they load then, as a part of their own.
split_point!(
    template_documents,
    pub fn builtin_template(id: String) -> Option<Template> {
        templates::find_builtin(&id)
    }
);

/// The gallery: the cards of the templates on offer, or the start form of
/// the one chosen; an empty document, or back to the open draft.
#[component]
pub fn GalleryScreen() -> impl IntoView {
    let ed = editor();
    let gallery = expect_context::<Gallery>();
    let drafts = expect_context::<Drafts>();
    let chosen = gallery.chosen;
    let (all, unreadable) = gallery.all(&drafts);
    if let Some(id) = gallery.wanted.get_value() {
        gallery.wanted.set_value(None);
        chosen.set(all.iter().find(|t| t.id == id).cloned());
    }
    // Plain shared values, not StoredValues: choosing a template closes the
    // gallery (disposing this component's owner) and then clears `chosen`,
    // which may redraw the list once more before it goes away.
    let all = Arc::new(all);
    let unreadable = Arc::new(unreadable);
    // For the same reason the parts below are given the editor and the
    // gallery's contexts: that last redraw could no longer look them up.
    view! {
        <section class="kh-section kh-gallery" aria-labelledby="kh-gallery-h">
            <h2 id="kh-gallery-h">
                {move || ed.tr("Bắt đầu từ một mẫu", "Start from a template")}
            </h2>
            <Show
                when=move || chosen.get().is_none()
                fallback=move || {
                    view! {
                        <StartForm
                            template=chosen
                                .get()
                                .unwrap_or_else(|| templates::builtin_cards().remove(0))
                            chosen=chosen
                        />
                    }
                }
            >
                <UnreadableTemplates ed unreadable=unreadable.clone() />
                <TemplateCards ed all=all.clone() chosen />
                <GalleryExits ed gallery drafts />
            </Show>
        </section>
    }
}

/// A message for each portal template that cannot be read.
#[component]
fn UnreadableTemplates(ed: Editor, unreadable: Arc<Vec<(String, String)>>) -> impl IntoView {
    move || {
        unreadable
            .iter()
            .cloned()
            .map(|(vi, en)| {
                view! {
                    <p class="kh-finding kh-error">
                        {move || if ed.lang.get() == Lang::Vi { vi.clone() } else { en.clone() }}
                    </p>
                }
            })
            .collect_view()
    }
}

/// A card for each template: its name, description and «Dùng mẫu này».
#[component]
fn TemplateCards(
    ed: Editor,
    all: Arc<Vec<Template>>,
    chosen: RwSignal<Option<Template>>,
) -> impl IntoView {
    view! {
        <ul class="kh-cards">
            {move || {
                all.iter()
                    .map(|t| {
                        let t2 = t.clone();
                        let name = t.name(ed.lang.get()).to_string();
                        let desc = t.description(ed.lang.get()).to_string();
                        let personal = t.id.starts_with("rieng_");
                        view! {
                            <li class="kh-card">
                                <h3>{name.clone()}</h3>
                                <p>{desc}</p>
                                {personal
                                    .then(|| {
                                        view! {
                                            <p class="kh-hint">
                                                {move || ed.tr("Mẫu của bạn", "Your template")}
                                            </p>
                                        }
                                    })}
                                <button
                                    type="button"
                                    id=format!("kh-use-{}", t.id)
                                    aria-label=format!(
                                        "{} {name}",
                                        ed.tr("Dùng mẫu này:", "Use this template:"),
                                    )
                                    on:click=move |_| chosen.set(Some(t2.clone()))
                                >
                                    {move || ed.tr("Dùng mẫu này", "Use this template")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The document a fresh start opens: the gallery offers a way back to
/// anything else. (Made when asked, not kept in a memo: the gallery may redraw
/// once more after its owner is gone, see `GalleryScreen`.)
fn fresh() -> Document {
    super::setup::blank(&use_context::<super::AppOptions>().unwrap_or_default())
}

/// An empty document instead of a template; back to the open draft when it
/// is not a fresh one.
#[component]
fn GalleryExits(ed: Editor, gallery: Gallery, drafts: Drafts) -> impl IntoView {
    let blank = move |_| {
        let doc = fresh();
        // Nothing is stored until the person types: a reload shows the gallery again.
        drafts.open_unsaved(&ed, super::drafts::BLANK_DRAFT.0.into(), doc);
        gallery.open.set(false);
        super::dom::focus_first_when_drawn(ed.root, super::dom::FIRST_FIELD);
    };
    view! {
        <div class="kh-row">
            <button type="button" on:click=blank>
                {move || {
                    ed.tr("Văn bản trống (không dùng mẫu)", "Empty document (no template)")
                }}
            </button>
            <Show when=move || ed.doc.with(|d| *d != fresh())>
                <button
                    type="button"
                    on:click=move |_| {
                        gallery.open.set(false);
                        super::dom::focus_first_when_drawn(ed.root, super::dom::FIRST_FIELD);
                    }
                >
                    {move || { ed.tr("Quay lại bản đang soạn", "Back to the open draft") }}
                </button>
            </Show>
        </div>
    }
}
