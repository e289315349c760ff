//! Each field's findings, followed by path. A field subscribes to a trigger of
//! its own paths, which one effect fires when the findings there change: on the
//! largest plan, 8,000 fields that each followed the whole report were marked
//! and re-run on every keystroke (about 40 ms of it), though the report changes
//! only once typing pauses.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::{Finding, Report};

/// The indices of a report's findings by path.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FindingIndex(Arc<HashMap<String, Vec<usize>>>);

impl FindingIndex {
    pub fn new(report: &Report) -> Self {
        let mut m: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in report.findings.iter().enumerate() {
            m.entry(f.path.clone()).or_default().push(i);
        }
        FindingIndex(Arc::new(m))
    }

    /// The indices of the findings at any of `paths`, in report order.
    pub fn at(&self, paths: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = paths
            .iter()
            .filter_map(|p| self.0.get(p))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out
    }
}

/// The findings at `paths` in `report`, in report order.
fn findings_in(report: &Report, index: &FindingIndex, paths: &[String]) -> Vec<Finding> {
    index
        .at(paths)
        .iter()
        .filter_map(|i| report.findings.get(*i).cloned())
        .collect()
}

#[derive(Default)]
struct Watched {
    /// A trigger per followed path, and how many fields follow it.
    paths: HashMap<String, (ArcTrigger, usize)>,
    /// The report the fields were last told about, and its index.
    last: Option<(Report, FindingIndex)>,
    /// Paths of fields that read a newer report than `last` (drawn between
    /// two checks before the effect ran): told on the next change whatever
    /// it is, since their findings may differ from `last`'s.
    ahead: Vec<String>,
}

/// The paths drawn fields follow, each with a trigger fired when its findings change.
#[derive(Clone, Copy)]
pub struct FindingWatch {
    watched: StoredValue<Watched>,
    /// Off until a field follows a path, so that a screen without fields (the
    /// gallery) never reads the report, whose rules load on first use.
    on: RwSignal<bool>,
}

impl FindingWatch {
    pub fn new(report: Memo<Report>, by_path: Memo<FindingIndex>) -> Self {
        let watch = FindingWatch {
            watched: StoredValue::new(Watched::default()),
            on: RwSignal::new(false),
        };
        // Only the report is tracked. An effect that also tracked `by_path`, a
        // memo of the report, was not rerun when the report changed but its
        // index did not: reactive_graph 0.2 asks `by_path` first, which
        // brings the report up to date without marking this effect, and then
        // finds the report clean (a field kept a finding its text had lost).
        Effect::new(move |_| {
            if watch.on.get() {
                let index = by_path.get_untracked();
                report.with(|r| watch.changed(r, index));
            }
        });
        watch
    }

    /// Fire the trigger of every followed path whose findings differ from the
    /// last report's.
    fn changed(&self, report: &Report, index: FindingIndex) {
        let fire = self.watched.try_update_value(|w| {
            let mut fire: Vec<ArcTrigger> = match &w.last {
                None => w.paths.values().map(|(t, _)| t.clone()).collect(),
                Some((last, last_index)) => {
                    let paths = index.0.keys().chain(last_index.0.keys());
                    let mut fire = Vec::new();
                    for p in paths {
                        let Some((t, _)) = w.paths.get(p) else {
                            continue;
                        };
                        let one = std::slice::from_ref(p);
                        if findings_in(report, &index, one) != findings_in(last, last_index, one) {
                            fire.push(t.clone());
                        }
                    }
                    fire
                }
            };
            for p in std::mem::take(&mut w.ahead) {
                fire.extend(w.paths.get(&p).map(|(t, _)| t.clone()));
            }
            w.last = Some((report.clone(), index));
            fire
        });
        for t in fire.into_iter().flatten() {
            t.notify();
        }
    }

    /// Follow `paths` while the calling view lives.
    fn follow(&self, paths: &[String]) {
        let watched = self.watched;
        watched.update_value(|w| {
            for p in paths {
                w.paths.entry(p.clone()).or_default().1 += 1;
            }
        });
        if !self.on.get_untracked() {
            self.on.set(true);
        }
        let paths = paths.to_vec();
        on_cleanup(move || {
            watched.try_update_value(|w| {
                for p in &paths {
                    if let Some((_, n)) = w.paths.get_mut(p) {
                        *n -= 1;
                        if *n == 0 {
                            w.paths.remove(p);
                        }
                    }
                }
            });
        });
    }

    /// A field at `paths` shows the findings of the report indexed by `index`.
    fn saw(&self, paths: &[String], index: &FindingIndex) {
        self.watched.update_value(|w| {
            let told = w
                .last
                .as_ref()
                .is_none_or(|(_, i)| Arc::ptr_eq(&i.0, &index.0));
            if !told {
                w.ahead.extend_from_slice(paths);
            }
        });
    }

    /// Subscribe the running memo or effect to changes of `paths`' findings.
    fn track(&self, paths: &[String]) {
        self.watched.with_value(|w| {
            for p in paths {
                if let Some((t, _)) = w.paths.get(p) {
                    t.track();
                }
            }
        });
    }
}

/// Findings whose path is exactly one of `paths`, kept as a memo so a field
/// re-renders only when its own findings change.
pub fn findings_at(paths: Vec<String>) -> Memo<Vec<Finding>> {
    let ed = super::state::editor();
    ed.watch.follow(&paths);
    Memo::new(move |_| {
        ed.watch.track(&paths);
        let index = ed.by_path.get_untracked();
        ed.watch.saw(&paths, &index);
        ed.report.with_untracked(|r| findings_in(r, &index, &paths))
    })
}
