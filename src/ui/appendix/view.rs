//! The scrolled table box of an appendix: which lines are drawn and where the
//! box is scrolled to (see `table_window`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::table_window::{self, Lines};

/// The scrolled table box: where it is scrolled to, how much it can show, and how
/// tall one line is (measured from a drawn row).
#[derive(Clone, Copy)]
pub(super) struct TableView {
    pub top: RwSignal<f64>,
    pub height: RwSignal<f64>,
    pub line_px: RwSignal<f64>,
    pub wrap: NodeRef<leptos::html::Div>,
    /// A line to scroll to at the next measure.
    pub pending: StoredValue<Option<usize>>,
    /// The drawn lines `[start, end)`.
    pub span: Memo<(usize, usize)>,
}

impl TableView {
    pub fn new(lines: Memo<Lines>) -> Self {
        let (top, height, line_px) = (
            RwSignal::new(0.0),
            RwSignal::new(600.0),
            RwSignal::new(38.0),
        );
        let span = Memo::new(move |_| {
            lines.with(|l| table_window::span(l, top.get(), height.get(), line_px.get()))
        });
        TableView {
            top,
            height,
            line_px,
            wrap: NodeRef::new(),
            pending: StoredValue::new(None),
            span,
        }
    }

    /// Read the box's scroll position and size, and one drawn row's height.
    pub fn measure(&self) {
        // Called from a frame callback: the table may have been closed since
        // (tab switched, embedded editor destroyed), and its signals with it.
        if self.wrap.is_disposed() || self.top.is_disposed() {
            return;
        }
        let Some(w) = self.wrap.get_untracked() else {
            return;
        };
        let set = |s: RwSignal<f64>, v: f64| {
            if v > 0.0 && (s.get_untracked() - v).abs() >= 1.0 {
                s.set(v)
            }
        };
        // A box that scrolls shows its own height of rows. One that does not
        // (yet) is a short table's, which grows as rows are added or pasted:
        // it can show at most a window's height.
        let window_px = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let shown = if w.scroll_height() > w.client_height() && w.client_height() > 0 {
            f64::from(w.client_height()).min(window_px)
        } else {
            window_px
        };
        set(self.height, shown);
        if let Some(row) = w
            .query_selector("tr.kh-data-row")
            .ok()
            .flatten()
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
        {
            set(self.line_px, f64::from(row.offset_height()));
        }
        // A cell focused from the keyboard is scrolled into view below the
        // sticky header row, not under it (column titles may wrap).
        if let Some(head) = w
            .query_selector("thead")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let pad = format!("{}px", head.offset_height());
            let style = web_sys::HtmlElement::style(&w);
            if style
                .get_property_value("scroll-padding-top")
                .ok()
                .as_deref()
                != Some(pad.as_str())
            {
                let _ = style.set_property("scroll-padding-top", &pad);
            }
        }
        if let Some(line) = self.pending.try_update_value(Option::take).flatten() {
            w.set_scroll_top(self.centre(line) as i32);
        }
        let top = f64::from(w.scroll_top());
        if (self.top.get_untracked() - top).abs() >= 1.0 {
            self.top.set(top);
        }
    }

    /// The scroll position that puts `line` in the middle of the box.
    fn centre(&self, line: usize) -> f64 {
        let shown = self.wrap.get_untracked().map_or(0, |w| w.client_height());
        let shown = if shown > 0 {
            f64::from(shown)
        } else {
            self.height.get_untracked() / 2.0
        };
        (line as f64 * self.line_px.get_untracked() - shown / 2.0).max(0.0)
    }

    /// Make sure `line` is drawn: scroll it to the middle of the box if it is not.
    pub fn reveal(&self, line: usize) {
        let (start, end) = self.span.get_untracked();
        if (start..end).contains(&line) {
            return;
        }
        // Draw the rows there now; scroll the box in the next frame, once the
        // spacers have their height and a row has been measured (a box just
        // opened is neither).
        self.top.set(self.centre(line));
        self.pending.set_value(Some(line));
        let view = *self;
        request_animation_frame(move || view.measure());
    }
}
