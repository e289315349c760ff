//! Each field's findings, looked up by path in an index of the report.

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

/// Findings whose path is exactly one of `paths`, kept as a memo so a field
/// re-renders only when its own findings change.
pub fn findings_at(paths: Vec<String>) -> Memo<Vec<Finding>> {
    let ed = super::state::editor();
    Memo::new(move |_| {
        let index = ed.by_path.get();
        if index.at(&paths).is_empty() {
            return vec![];
        }
        ed.report.with(|r| findings_in(r, &index, &paths))
    })
}
