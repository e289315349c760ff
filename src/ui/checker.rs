//! The rules run from a part of the module loaded on first use.
//!
//! The rule catalogue is the largest piece of the core the editor needs, and a
//! new user's first screen (the template gallery) shows no findings. So the
//! editor reaches `rules::check` only through the pointer this part hands
//! back, and loads it once the first screen that reads a report is drawn (a
//! few milliseconds, from the same place as the app); until then the report is
//! empty and `checked` is false. Measured with `npm run bench:size` on the
//! build with the `text.invisible_control` rule: a new user's first load
//! 360.9 → 309.5 KB gzip, a returning user's 317.5 KB (the part is 42.1 KB).

use std::cell::Cell;
use std::time::Duration;

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

/// After an edit the rules run once the browser has drawn the edit: in a
/// task after the next frame, so that a keystroke or a new row is painted
/// without waiting for them (#20: on a plan with 1,000 rows the check was
/// about 11 ms of each keystroke's task, and the frame waited for it). A
/// check that took longer than this (ms) runs again only once typing has
/// paused for [`PAUSE`]: on the largest plan the limits allow a check takes
/// ~100 ms in the browser.
const SLOW_CHECK_MS: f64 = 40.0;
const PAUSE: Duration = Duration::from_millis(250);
/// A hidden tab draws no frames: the check then runs after this at the latest.
const FRAME_WAIT: Duration = Duration::from_millis(200);

/// Schedules the checks that wait for the next frame or a pause, and brings
/// the report up to date at once before anything acts on it ([`Recheck::fresh`]).
#[derive(Clone, Copy)]
pub struct Recheck {
    tick: RwSignal<u32>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// A check waits: the next tick runs it.
    waiting: StoredValue<bool>,
    /// A document was just opened: its first check runs after it is drawn,
    /// not in the same task (#23: the largest plan's check is ~100 ms).
    opened: StoredValue<bool>,
    /// Set while [`Recheck::fresh`] reads the report: no check waits.
    urgent: StoredValue<bool>,
}

impl Recheck {
    /// `f` of the report on the document as it is now, checked at once if a
    /// check is waiting: a fix, «Gửi», an export and `validate()` act on it.
    pub fn fresh<T>(self, report: Memo<Report>, f: impl FnOnce(&Report) -> T) -> T {
        self.run();
        self.urgent.set_value(true);
        let out = report.with_untracked(f);
        self.urgent.set_value(false);
        out
    }

    /// A new document is about to be shown: check it once it is drawn.
    pub fn opened(self) {
        self.opened.set_value(true);
    }

    /// Runs the waiting check, if any, when the report is next read.
    fn run(self) {
        if self.waiting.try_get_value() != Some(true) {
            return;
        }
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
        self.waiting.set_value(false);
        self.tick.update(|t| *t += 1);
    }

    /// Checks in a task after the next frame.
    fn after_frame(self) {
        self.after(FRAME_WAIT);
        super::dom::after_drawn(move || self.run());
    }

    /// Checks once typing pauses.
    fn after_pause(self) {
        self.after(PAUSE);
    }

    fn after(self, wait: Duration) {
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
        self.waiting.try_set_value(true);
        let h = set_timeout_with_handle(move || self.run(), wait).ok();
        self.timer.try_set_value(h);
    }
}

/// The rules' report on `doc` as a signal: empty, with `checked` false, until
/// the rules' part has loaded. Loading starts the first time the report is
/// read, so a screen that shows no findings (the gallery) never fetches it.
/// A slow check (a very long plan) runs once typing pauses (see [`Recheck`]).
pub fn report(
    doc: RwSignal<Document>,
    today: fn() -> PartialDate,
) -> (Memo<Report>, RwSignal<bool>, Recheck) {
    // Unsplit (tests, the unsplit build) there is nothing to load.
    #[cfg(not(feature = "split"))]
    CHECK.with(|c| c.set(Some(load())));
    let checked = RwSignal::new(ready());
    let asked = StoredValue::new(false);
    let loading = StoredValue::new(false);
    let recheck = Recheck {
        tick: RwSignal::new(0),
        timer: StoredValue::new_local(None),
        waiting: StoredValue::new(false),
        opened: StoredValue::new(false),
        urgent: StoredValue::new(false),
    };
    // The tick of the last check run, and whether it was slow.
    let last = StoredValue::new((0u32, false));
    let report = Memo::new(move |prev: Option<&Report>| {
        if !checked.get() {
            if !asked.get_value() {
                asked.set_value(true);
                // Fetched once the first screen is drawn, not in the task that
                // draws it: the part is ~46 files, and asking the service
                // worker for them took ~180 ms of a returning user's start-up
                // task with the CPU slowed 4× (#22). A hidden tab draws no
                // frames, hence the timeout too; the first to come loads.
                let start = move || {
                    if loading.try_get_value() == Some(false) {
                        loading.set_value(true);
                        later!(load(), move |f: CheckFn| {
                            CHECK.with(|c| c.set(Some(f)));
                            checked.set(true);
                        });
                    }
                };
                super::dom::after_drawn(start);
                set_timeout(start, FRAME_WAIT);
            }
            return Report::default();
        }
        doc.track();
        let tick = recheck.tick.get();
        let (seen, slow) = last.get_value();
        let opened = recheck.opened.get_value();
        recheck.opened.set_value(false);
        if let Some(prev) = prev.filter(|_| !recheck.urgent.get_value()) {
            if opened || (tick == seen && !slow) {
                recheck.after_frame();
                return prev.clone();
            }
            if tick == seen {
                recheck.after_pause();
                return prev.clone();
            }
        }
        let start = js_sys::Date::now();
        let r = doc.with_untracked(|d| check(d, today()));
        last.set_value((tick, js_sys::Date::now() - start > SLOW_CHECK_MS));
        r
    });
    (report, checked, recheck)
}
