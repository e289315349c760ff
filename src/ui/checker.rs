//! The rules run from a part of the module loaded on first use.
//!
//! The rule catalogue is the largest piece of the core the editor needs, and a
//! new user's first screen (the template gallery) shows no findings. So the
//! editor reaches `rules::check` only through the pointer this part hands
//! back, and loads it the first time a report is read (a few milliseconds,
//! from the same place as the app); until then the report is empty and
//! `checked` is false. Measured with `npm run bench:size` on the build with
//! the `text.invisible_control` rule: a new user's first load 360.9 → 309.5 KB
//! gzip, a returning user's 317.5 KB (the part is 42.1 KB).

use std::cell::Cell;

use leptos::prelude::*;

use super::later::{later, split_point};
use crate::model::{Document, PartialDate};
use crate::rules::Report;

/// The signature of `rules::check`.
pub type CheckFn = fn(&Document, PartialDate) -> Report;

thread_local! {
    static CHECK: Cell<Option<CheckFn>> = const { Cell::new(None) };
}

split_point!(
    checker,
    fn load() -> CheckFn {
        crate::rules::check
    }
);

/// Whether the rules have loaded.
pub fn ready() -> bool {
    CHECK.with(Cell::get).is_some()
}

/// Runs the rules over `doc`, or gives an empty report while they load.
fn check(doc: &Document, today: PartialDate) -> Report {
    CHECK
        .with(Cell::get)
        .map_or_else(Report::default, |f| f(doc, today))
}

/// Loads the rules if they are not yet in place; resolves when they are (the
/// portal entry awaits it, so a mounted editor's `validate()` always reports).
pub async fn wait() {
    if ready() {
        return;
    }
    #[cfg(feature = "split")]
    let f = load().await;
    #[cfg(not(feature = "split"))]
    let f = load();
    CHECK.with(|c| c.set(Some(f)));
}

/// The rules' report on `doc` as a signal: empty, with `checked` false, until
/// the rules' part has loaded. Loading starts the first time the report is
/// read, so a screen that shows no findings (the gallery) never fetches it.
pub fn report(
    doc: RwSignal<Document>,
    today: fn() -> PartialDate,
) -> (Memo<Report>, RwSignal<bool>) {
    // Unsplit (tests, the unsplit build) there is nothing to load.
    #[cfg(not(feature = "split"))]
    CHECK.with(|c| c.set(Some(load())));
    let checked = RwSignal::new(ready());
    let asked = StoredValue::new(false);
    let report = Memo::new(move |_| {
        if !checked.get() {
            if !asked.get_value() {
                asked.set_value(true);
                later!(load(), move |f: CheckFn| {
                    CHECK.with(|c| c.set(Some(f)));
                    checked.set(true);
                });
            }
            return Report::default();
        }
        doc.with(|d| check(d, today()))
    });
    (report, checked)
}
