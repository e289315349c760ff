//! Which lines of a long appendix table are on screen. A 1,000-row table is
//! drawn as the few dozen rows in view plus a margin; the rest is an empty
//! spacer of the same height, so the scroll bar, row numbers and the keyboard
//! behave as if every row were there. Pure arithmetic, no DOM.

/// Rows drawn above and below the visible part.
pub const OVERSCAN: usize = 8;
/// The first drawn line moves in steps of this many lines, so scrolling builds
/// rows a few at a time instead of on every pixel.
const STEP: usize = 6;

/// The table as lines: group `g`'s heading is line `starts[g]`, its row `r` is
/// line `starts[g] + 1 + r`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines {
    pub starts: Vec<usize>,
    pub lens: Vec<usize>,
    pub total: usize,
}

impl Lines {
    pub fn new(group_lens: impl IntoIterator<Item = usize>) -> Self {
        let mut lines = Lines::default();
        for len in group_lens {
            lines.starts.push(lines.total);
            lines.lens.push(len);
            lines.total += 1 + len;
        }
        lines
    }

    /// The line of row `r` of group `g`.
    pub fn line_of(&self, g: usize, r: usize) -> Option<usize> {
        (r < *self.lens.get(g)?).then(|| self.starts[g] + 1 + r)
    }

    /// Whether group `g`'s heading is among the drawn lines `span`.
    pub fn heading_drawn(&self, g: usize, span: (usize, usize)) -> bool {
        self.starts
            .get(g)
            .is_some_and(|s| (span.0..span.1).contains(s))
    }

    /// The rows of group `g` among the drawn lines `span`.
    pub fn rows_drawn(&self, g: usize, span: (usize, usize)) -> std::ops::Range<usize> {
        let (Some(&s), Some(&len)) = (self.starts.get(g), self.lens.get(g)) else {
            return 0..0;
        };
        let first = s + 1;
        let r0 = span.0.saturating_sub(first).min(len);
        let r1 = span.1.saturating_sub(first).min(len).max(r0);
        r0..r1
    }

    /// How many data rows (not headings) the table has.
    pub fn rows(&self) -> usize {
        self.lens.iter().sum()
    }
}

/// The drawn lines `[start, end)` for a viewport showing pixels
/// `top..top + height` of a table whose lines are `line_px` high.
pub fn span(lines: &Lines, top: f64, height: f64, line_px: f64) -> (usize, usize) {
    let line_px = line_px.max(1.0);
    let first = (top.max(0.0) / line_px) as usize;
    let shown = (height.max(line_px) / line_px).ceil() as usize;
    let end = ((first + shown + OVERSCAN).div_ceil(STEP) * STEP).min(lines.total);
    // Scrolled past the end (rows were deleted): draw the last screenful.
    let start =
        (first.saturating_sub(OVERSCAN) / STEP * STEP).min(end.saturating_sub(shown + OVERSCAN));
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_number_headings_and_rows() {
        let l = Lines::new([2, 0, 3]);
        assert_eq!(l.starts, [0, 3, 4]);
        assert_eq!(l.total, 8);
        assert_eq!(l.rows(), 5);
        assert_eq!(l.line_of(2, 2), Some(7));
        assert_eq!(l.line_of(1, 0), None);
    }

    #[test]
    fn a_short_table_is_drawn_whole() {
        let l = Lines::new([20]);
        let s = span(&l, 0.0, 600.0, 40.0);
        assert_eq!(s, (0, 21));
        assert!(l.heading_drawn(0, s));
        assert_eq!(l.rows_drawn(0, s), 0..20);
    }

    #[test]
    fn a_long_table_draws_the_view_and_a_margin() {
        let l = Lines::new(vec![50; 20]);
        assert_eq!(l.total, 1020);
        // Scrolled to line 300 with 15 lines visible.
        let (start, end) = span(&l, 300.0 * 40.0, 600.0, 40.0);
        assert!(
            start <= 300 - OVERSCAN && start + STEP > 300 - OVERSCAN,
            "{start}"
        );
        assert!(
            (315 + OVERSCAN..315 + OVERSCAN + STEP).contains(&end),
            "{end}"
        );
        // Group 5 is lines 255..306, group 6 is 306..357.
        let drawn = |g: usize| l.rows_drawn(g, (start, end));
        assert!(!l.heading_drawn(5, (start, end)) && l.heading_drawn(6, (start, end)));
        assert_eq!(drawn(5), start - 256..50);
        assert_eq!(drawn(6), 0..end - 307);
        assert!(drawn(4).is_empty() && drawn(7).is_empty());
    }

    #[test]
    fn the_end_of_the_table_is_clamped() {
        let l = Lines::new([30]);
        let (start, end) = span(&l, 10_000.0, 600.0, 40.0);
        assert_eq!(end, 31);
        assert_eq!(start, 31 - 15 - OVERSCAN);
        assert!(!l.heading_drawn(0, (start, end)));
        assert_eq!(l.rows_drawn(0, (start, end)), start - 1..30);
    }
}
