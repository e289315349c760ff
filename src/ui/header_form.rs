//! Header form: the fields of the document header, bound to the model.

use leptos::prelude::*;

use super::Editor;

#[component]
pub fn HeaderForm() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let doc = editor.doc;
    let subject = move || doc.with(|d| d.header.subject.clone());
    let title = move || doc.with(|d| d.header.title.clone().unwrap_or_else(|| d.kind.title_vi()));
    view! {
        <section class="kh-section" aria-labelledby="kh-header-h">
            <h2 id="kh-header-h">"Phần đầu văn bản"</h2>
            <div class="kh-field">
                <label for="kh-subject">"Trích yếu"</label>
                <textarea
                    id="kh-subject"
                    rows="3"
                    prop:value=subject
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        doc.update(|d| d.header.subject = v);
                    }
                ></textarea>
            </div>
            <div class="kh-preview" aria-live="polite">
                <p class="kh-preview-title">{title}</p>
                <p class="kh-preview-subject" id="kh-preview-subject">{subject}</p>
            </div>
        </section>
    }
}
