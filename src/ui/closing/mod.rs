//! The editor's closing parts: the agency directory, recipients (Nơi nhận) and
//! signature block, and the cascade (parent plan, report deadlines, period)
//! with the document settings. One tab each for agencies, closing and cascade;
//! all load with split point `closing`.

mod agencies;
mod cascade;
mod deadlines;
mod recipients;
mod settings;
mod signature;

use leptos::prelude::*;

pub use agencies::AgenciesEditor;
pub use cascade::CascadeEditor;
use recipients::RecipientsEditor;
use signature::SignatureEditor;

/// The «Nơi nhận, chữ ký» tab: recipients, then the signature block.
#[component]
pub fn ClosingEditor() -> impl IntoView {
    view! {
        <RecipientsEditor />
        <SignatureEditor />
    }
}
