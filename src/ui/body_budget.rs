//! The body's lists drawn, and taken down, a slice per task. On the largest
//! plan the limits allow (3,000 parts, model/limits.rs) drawing the body or
//! taking it down in one task blocked the page for 300 ms and more; in
//! slices, the page answers input in between.

use std::collections::VecDeque;

use leptos::prelude::*;

/// Body parts drawn in one task. Drawing a part costs up to a millisecond
/// on a 2-core machine (script and layout), so a body of thousands is drawn
/// in batches. On the largest plan (`npm run bench:limits`) the longest task
/// of a batch of 200 was 200–270 ms, of 100 up to 250, of 60 80–100 ms: a
/// garbage collection of the page (40–80 ms, sometimes more) lands in some
/// batch. Smaller batches did not make the whole body slower to draw.
const BATCH: usize = 60;

/// Body parts taken down in one task (taking one down costs about a fifth of
/// drawing it).
const TEARDOWN_BATCH: usize = 600;

/// A list not drawn whole yet: how many of its parts are drawn, how many it has.
type List = (RwSignal<usize>, Memo<usize>);

/// A list that is drawn whole: parts added later show at once.
pub const WHOLE: usize = usize::MAX;

#[derive(Default)]
struct Lists {
    /// Parts this task may still draw.
    left: usize,
    /// Lists waiting for more parts, in order.
    waiting: VecDeque<List>,
    /// Every list drawn, in the order drawn (a list's sublists after it).
    all: Vec<List>,
    /// Being taken down: nothing more is drawn.
    closing: bool,
}

/// The drawing budget of the current task and the lists of the body.
#[derive(Clone, Copy)]
pub struct Budget(StoredValue<Lists>);

impl Budget {
    pub fn new() -> Self {
        Budget(StoredValue::new(Lists {
            left: BATCH,
            ..Default::default()
        }))
    }

    /// How many of `len` parts a new list draws now (`WHOLE` for all); the
    /// rest come in later tasks.
    pub fn take(self, len: usize, shown: RwSignal<usize>, count: Memo<usize>) -> usize {
        let Some((granted, closing)) = self.0.try_update_value(|l| {
            l.all.push((shown, count));
            let granted = l.left.min(len);
            l.left -= granted;
            (granted, l.closing)
        }) else {
            return len;
        };
        if closing {
            return 0;
        }
        if granted < len {
            self.0.update_value(|l| l.waiting.push_back((shown, count)));
            self.later(Self::pump);
            return granted;
        }
        WHOLE
    }

    fn later(self, f: fn(Self)) {
        set_timeout(move || f(self), std::time::Duration::ZERO);
    }

    /// One task's batch: more parts for the waiting lists, in order. The
    /// lists their parts open take what is left, or wait for the next batch.
    fn pump(self) {
        let Some((grants, again)) = self.0.try_update_value(|l| {
            l.left = if l.closing { 0 } else { BATCH };
            let mut grants = vec![];
            while l.left > 0 {
                let Some((shown, count)) = l.waiting.pop_front() else {
                    break;
                };
                let (Some(have), Some(len)) =
                    (shown.try_get_untracked(), count.try_get_untracked())
                else {
                    continue;
                };
                let more = len.saturating_sub(have).min(l.left);
                l.left -= more;
                let whole = have + more >= len;
                if !whole {
                    l.waiting.push_front((shown, count));
                }
                grants.push((shown, if whole { WHOLE } else { have + more }));
            }
            (grants, !l.waiting.is_empty())
        }) else {
            return;
        };
        for (shown, n) in grants {
            shown.try_set(n);
        }
        if again {
            self.later(Self::pump);
        }
    }

    /// Takes the body's lists down, the last drawn (the deepest) first, a
    /// batch per task, then calls `done`. Nothing is drawn meanwhile.
    pub fn close(self, done: impl FnOnce() + 'static) {
        self.0.update_value(|l| {
            l.closing = true;
            l.left = 0;
            l.waiting.clear();
        });
        self.close_slice(Box::new(done));
    }

    fn close_slice(self, done: Box<dyn FnOnce()>) {
        let mut left = TEARDOWN_BATCH;
        let mut cuts = vec![];
        let more = self
            .0
            .try_update_value(|l| {
                while left > 0 {
                    let Some((shown, count)) = l.all.pop() else {
                        return false;
                    };
                    let (Some(have), Some(len)) =
                        (shown.try_get_untracked(), count.try_get_untracked())
                    else {
                        continue;
                    };
                    let drawn = have.min(len);
                    let cut = drawn.min(left);
                    left -= cut;
                    if cut < drawn {
                        l.all.push((shown, count));
                    }
                    cuts.push((shown, drawn - cut));
                }
                true
            })
            .unwrap_or(false);
        for (shown, n) in cuts {
            shown.try_set(n);
        }
        if more {
            set_timeout(move || self.close_slice(done), std::time::Duration::ZERO);
        } else {
            done();
        }
    }
}

/// Where the drawn body leaves its budget, so that the tab panel can take it
/// down in slices on leaving the tab (None while its part is still loading),
/// and whether it is on screen.
#[derive(Clone, Copy)]
pub struct BodySlot {
    pub budget: StoredValue<Option<Budget>>,
    pub shown: Signal<bool>,
}

impl BodySlot {
    /// Called by the body editor as it is drawn; whether it is on screen.
    pub fn fill(budget: Budget) -> Signal<bool> {
        let Some(slot) = use_context::<BodySlot>() else {
            return Signal::from(true);
        };
        slot.budget.set_value(Some(budget));
        on_cleanup(move || {
            slot.budget.try_set_value(None);
        });
        slot.shown
    }
}
