//! The browser UI: thin Leptos components that bind form fields to the document
//! model and show what the core says. No rule, numbering or export logic here.

use leptos::prelude::*;

use crate::model::{DocKind, Document, Profile};

mod header_form;

/// Shared editor state: the document being edited.
#[derive(Clone, Copy)]
pub struct Editor {
    pub doc: RwSignal<Document>,
}

impl Editor {
    pub fn new(doc: Document) -> Self {
        Editor { doc: RwSignal::new(doc) }
    }
}

/// The application frame: header bar and the editor area.
#[component]
pub fn App() -> impl IntoView {
    let editor = Editor::new(Document::new(DocKind::Plan, Profile::State));
    provide_context(editor);
    view! {
        <div class="kh-app">
            <header class="kh-topbar">
                <h1 class="kh-title">"Soạn thảo kế hoạch"</h1>
            </header>
            <main class="kh-main" id="kh-editor">
                <header_form::HeaderForm />
            </main>
        </div>
    }
}

/// Mount the app on the page body (the Trunk entry point).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
