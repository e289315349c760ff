//! Appendix table operations the editor offers: the ready-made table shapes, row
//! operations on the current row and where pasted rows go. Plain Rust, tested
//! natively; the editor only maps buttons and keys onto these.

use super::edit::blank_row;
use super::numbering::roman;
use super::paste::{rows_from_tsv, Pasted};
use super::*;

/// A ready-made table shape for a new appendix (DOMAIN.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableShape {
    #[default]
    Tasks,
    Targets,
    Projects,
    Custom,
}

impl TableShape {
    pub const ALL: [TableShape; 4] = [
        TableShape::Tasks,
        TableShape::Targets,
        TableShape::Projects,
        TableShape::Custom,
    ];

    /// Stable key, the value of the shape select.
    pub fn key(self) -> &'static str {
        match self {
            TableShape::Tasks => "tasks",
            TableShape::Targets => "targets",
            TableShape::Projects => "projects",
            TableShape::Custom => "custom",
        }
    }

    /// Shape of a key; an unknown key is the task table.
    pub fn from_key(key: &str) -> TableShape {
        TableShape::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or_default()
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            TableShape::Tasks => ("Nhiệm vụ (chủ trì, phối hợp, thời gian, sản phẩm)", "Tasks"),
            TableShape::Targets => ("Chỉ tiêu", "Targets"),
            TableShape::Projects => ("Đề án, dự án", "Projects"),
            TableShape::Custom => ("Tự định nghĩa cột", "Custom columns"),
        };
        lang.pick(vi, en)
    }

    pub fn columns(self) -> Vec<Column> {
        let c = |id: &str, title: &str, kind: ColumnKind| Column {
            id: id.into(),
            title: title.into(),
            kind,
            width: None,
        };
        use ColumnKind::*;
        match self {
            TableShape::Targets => vec![
                c("stt", "STT", Index),
                c("name", "Tên chỉ tiêu", Text),
                c("unit", "Đơn vị tính", Unit),
                c("target", "Chỉ tiêu đến năm 2030", Number),
                c("yearly", "Bình quân năm", Number),
                c("lead", "Đơn vị chủ trì", Agency),
            ],
            TableShape::Projects => vec![
                c("stt", "STT", Index),
                c("name", "Tên đề án, dự án", Text),
                c("lead", "Đơn vị chủ trì", Agency),
                c("partners", "Đơn vị phối hợp", AgencyList),
                c("time", "Thời gian thực hiện", Timeframe),
                c("funding", "Nguồn vốn", Funding),
            ],
            TableShape::Custom => vec![c("stt", "STT", Index), c("content", "Nội dung", Text)],
            TableShape::Tasks => vec![
                c("stt", "STT", Index),
                c("content", "Nội dung nhiệm vụ", Text),
                c("lead", "Cơ quan chủ trì", Agency),
                c("partners", "Cơ quan phối hợp", AgencyList),
                c("time", "Thời gian thực hiện", Timeframe),
                c("output", "Sản phẩm", Text),
            ],
        }
    }

    /// The next appendix of a document: numbered after the others, landscape, one blank row.
    pub fn new_appendix(self, doc: &Document) -> Appendix {
        let mut a = Appendix {
            number: roman(doc.appendices.len() + 1),
            title: String::new(),
            attached_note: None,
            columns: self.columns(),
            groups: vec![],
            row_numbering: RowNumbering::Continuous,
            landscape: true,
        };
        a.groups.push(RowGroup {
            heading: String::new(),
            rows: vec![blank_row(&a)],
        });
        a
    }
}

/// What the row tools do to the row holding the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOp {
    /// A blank row below.
    Insert,
    /// A copy below.
    Duplicate,
    Delete,
    Up,
    Down,
}

impl RowOp {
    /// Name in the editor's undo history ("!row-insert").
    pub fn name(self) -> &'static str {
        match self {
            RowOp::Insert => "insert",
            RowOp::Duplicate => "duplicate",
            RowOp::Delete => "delete",
            RowOp::Up => "up",
            RowOp::Down => "down",
        }
    }

    /// Apply to row `r` of `rows`; the row the cursor moves to (`r` when nothing changed).
    pub fn apply(self, rows: &mut Vec<Row>, r: usize, blank: Row) -> usize {
        match self {
            RowOp::Insert => {
                rows.insert((r + 1).min(rows.len()), blank);
                r + 1
            }
            RowOp::Duplicate => match rows.get(r).cloned() {
                Some(row) => {
                    rows.insert(r + 1, row);
                    r + 1
                }
                None => r,
            },
            RowOp::Delete if r < rows.len() => {
                rows.remove(r);
                r.min(rows.len().saturating_sub(1))
            }
            RowOp::Up if r > 0 && r < rows.len() => {
                rows.swap(r - 1, r);
                r - 1
            }
            RowOp::Down if r + 1 < rows.len() => {
                rows.swap(r, r + 1);
                r + 1
            }
            _ => r,
        }
    }
}

/// Paste tab-separated rows at cell (group `g`, row `r`, column `c`) of appendix
/// `ai`: they replace the row when it is still empty, else go below it. What
/// was pasted (`Pasted::message` says it); no rows when the place is gone.
pub fn paste_rows(
    doc: &mut Document,
    ai: usize,
    g: usize,
    r: usize,
    c: usize,
    tsv: &str,
) -> Pasted {
    let mut pasted = rows_from_tsv(doc, ai, c, tsv);
    let Some(gr) = doc.appendices.get_mut(ai).and_then(|a| a.groups.get_mut(g)) else {
        pasted.rows.clear();
        return pasted;
    };
    let current_empty = gr
        .rows
        .get(r)
        .is_some_and(|row| row.cells.iter().all(|x| *x == Cell::default()));
    let at = if current_empty {
        gr.rows.remove(r);
        r
    } else {
        r + 1
    };
    for (i, row) in pasted.rows.iter().enumerate() {
        gr.rows.insert((at + i).min(gr.rows.len()), row.clone());
    }
    pasted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_have_keys_and_a_row_number_column() {
        for s in TableShape::ALL {
            assert_eq!(TableShape::from_key(s.key()), s);
            assert_eq!(s.columns()[0].kind, ColumnKind::Index);
        }
        assert_eq!(TableShape::from_key("?"), TableShape::Tasks);
        let mut doc = Document::new(DocKind::Plan, Profile::State);
        doc.appendices.push(TableShape::Targets.new_appendix(&doc));
        let a = TableShape::Projects.new_appendix(&doc);
        assert_eq!(a.number, "II");
        assert_eq!(a.groups[0].rows[0].cells.len(), 6);
    }

    #[test]
    fn row_ops_move_the_cursor_with_the_row() {
        let row = |t: &str| Row {
            cells: vec![Cell {
                text: t.into(),
                ..Cell::default()
            }],
        };
        let texts = |rows: &[Row]| {
            rows.iter()
                .map(|r| r.cells[0].text.clone())
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut rows = vec![row("a"), row("b")];
        assert_eq!(RowOp::Duplicate.apply(&mut rows, 0, row("")), 1);
        assert_eq!(texts(&rows), "a,a,b");
        assert_eq!(RowOp::Down.apply(&mut rows, 1, row("")), 2);
        assert_eq!(texts(&rows), "a,b,a");
        assert_eq!(
            RowOp::Down.apply(&mut rows, 2, row("")),
            2,
            "the last row stays"
        );
        assert_eq!(RowOp::Up.apply(&mut rows, 1, row("")), 0);
        assert_eq!(RowOp::Insert.apply(&mut rows, 0, row("n")), 1);
        assert_eq!(texts(&rows), "b,n,a,a");
        assert_eq!(RowOp::Delete.apply(&mut rows, 3, row("")), 2);
        assert_eq!(texts(&rows), "b,n,a");
    }

    #[test]
    fn pasted_rows_replace_an_empty_row_or_go_below() {
        let mut doc = sample::generated_plan(2);
        let a = &mut doc.appendices[0];
        let blank = blank_row(a);
        a.groups[0].rows.insert(1, blank);
        let before = doc.appendices[0].groups[0].rows.len();
        assert_eq!(paste_rows(&mut doc, 0, 0, 1, 1, "Một\nHai\n").rows.len(), 2);
        let rows = &doc.appendices[0].groups[0].rows;
        assert_eq!(rows.len(), before + 1, "the empty row was replaced");
        assert_eq!(
            (
                rows[1].cells[1].text.as_str(),
                rows[2].cells[1].text.as_str()
            ),
            ("Một", "Hai")
        );
        assert_eq!(paste_rows(&mut doc, 0, 0, 1, 1, "Ba\n").rows.len(), 1);
        assert_eq!(
            doc.appendices[0].groups[0].rows[2].cells[1].text, "Ba",
            "below a row with text"
        );
        assert!(paste_rows(&mut doc, 0, 9, 0, 1, "x\n").rows.is_empty());
    }
}
