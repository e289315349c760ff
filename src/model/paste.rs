//! Rows pasted into an appendix table, as Excel or Word copy them
//! (tab-separated): which pasted column goes to which table column, the rows
//! themselves, and what the editor tells the person about it.

use super::edit::set_cell_text;
use super::*;
use crate::text::fold;

/// How the pasted columns were placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnMap {
    /// In order, from the cell the paste went into.
    InOrder,
    /// The first pasted row was the table's column titles: each column went
    /// under its title and that row was not pasted.
    ByTitle,
    /// The first pasted column held row numbers (1, 2, 3 …): it was left out,
    /// the table numbers its rows itself.
    SkipNumbers,
}

/// Where each pasted column goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastePlan {
    pub how: ColumnMap,
    /// The table column of each pasted column; `None`: left out.
    pub targets: Vec<Option<usize>>,
    /// Whether the first pasted row is titles, not data.
    pub skip_first: bool,
    /// Titles of the first row that match no column of the table.
    pub unknown_titles: Vec<String>,
}

/// Whether a column title names the row number column ("STT", "TT", "Số TT").
pub fn is_stt_title(t: &str) -> bool {
    matches!(fold(t).as_str(), "stt" | "tt" | "so tt" | "so thu tu")
}

/// Decide where the pasted `records` go when pasted into column `first_col`.
pub fn plan_paste(columns: &[Column], first_col: usize, records: &[Vec<String>]) -> PastePlan {
    if let Some(plan) = records.first().and_then(|r| by_title(columns, r)) {
        return plan;
    }
    let editable: Vec<usize> = (first_col..columns.len())
        .filter(|&c| columns[c].kind != ColumnKind::Index)
        .collect();
    let first_editable = columns.iter().position(|c| c.kind != ColumnKind::Index);
    let has_index = columns.iter().any(|c| c.kind == ColumnKind::Index);
    if has_index && first_editable == Some(first_col) && numbered(records) {
        return PastePlan {
            how: ColumnMap::SkipNumbers,
            targets: std::iter::once(None)
                .chain(editable.into_iter().map(Some))
                .collect(),
            skip_first: false,
            unknown_titles: vec![],
        };
    }
    PastePlan {
        how: ColumnMap::InOrder,
        targets: editable.into_iter().map(Some).collect(),
        skip_first: false,
        unknown_titles: vec![],
    }
}

/// The plan for a first row of column titles: at least two of its cells, and
/// at least half of the filled ones, name columns of the table.
fn by_title(columns: &[Column], first: &[String]) -> Option<PastePlan> {
    let mut targets = Vec::with_capacity(first.len());
    let (mut matched, mut filled, mut unknown_titles) = (0, 0, vec![]);
    for title in first {
        if title.trim().is_empty() {
            targets.push(None);
            continue;
        }
        filled += 1;
        let want = fold(title);
        let column = columns.iter().position(|c| {
            fold(&c.title) == want || (c.kind == ColumnKind::Index && is_stt_title(title))
        });
        match column {
            Some(c) => {
                matched += 1;
                let data = columns[c].kind != ColumnKind::Index;
                targets.push(data.then_some(c));
            }
            None => {
                unknown_titles.push(title.trim().to_string());
                targets.push(None);
            }
        }
    }
    (matched >= 2 && matched * 2 >= filled).then_some(PastePlan {
        how: ColumnMap::ByTitle,
        targets,
        skip_first: true,
        unknown_titles,
    })
}

/// Whether every record has more than one column and starts with a row
/// number, the numbers counting up by one ("1", "2." …).
fn numbered(records: &[Vec<String>]) -> bool {
    let numbers: Option<Vec<u32>> = records
        .iter()
        .map(|r| {
            let first = r.first()?.trim().trim_end_matches('.');
            (r.len() > 1 && !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()))
                .then(|| first.parse().ok())
                .flatten()
        })
        .collect();
    numbers.is_some_and(|n| !n.is_empty() && n.windows(2).all(|w| w[1] == w[0] + 1))
}

/// What a paste made: the rows, how the columns were placed, and the agency
/// names that are not in the directory (kept as typed in their cells).
#[derive(Debug, Clone, PartialEq)]
pub struct Pasted {
    pub rows: Vec<Row>,
    pub plan: PastePlan,
    pub unlisted: Vec<String>,
}

/// Rows from tab-separated text copied out of Excel or Word, placed by
/// `plan_paste`; quoted cells with tabs or newlines inside are honoured.
pub fn rows_from_tsv(doc: &Document, appendix: usize, first_col: usize, tsv: &str) -> Pasted {
    let columns = doc
        .appendices
        .get(appendix)
        .map(|a| a.columns.clone())
        .unwrap_or_default();
    let records: Vec<Vec<String>> = parse_tsv(tsv)
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let plan = plan_paste(&columns, first_col, &records);
    let mut unlisted: Vec<String> = vec![];
    let mut rows = Vec::new();
    if columns.is_empty() {
        return Pasted {
            rows,
            plan,
            unlisted,
        };
    }
    for record in records.iter().skip(usize::from(plan.skip_first)) {
        let mut row = Row {
            cells: vec![Cell::default(); columns.len()],
        };
        for (value, target) in record.iter().zip(&plan.targets) {
            let Some(c) = *target else { continue };
            let cell = set_cell_text(doc, columns[c].kind, value.trim());
            for name in super::edit::unlisted_names(columns[c].kind, &cell) {
                if !unlisted.contains(&name) {
                    unlisted.push(name);
                }
            }
            row.cells[c] = cell;
        }
        rows.push(row);
    }
    Pasted {
        rows,
        plan,
        unlisted,
    }
}

impl Pasted {
    /// What the editor says after pasting (Vietnamese, English).
    pub fn message(&self) -> (String, String) {
        let n = self.rows.len();
        let (mut vi, mut en) = (format!("Đã dán {n} dòng"), format!("Pasted {n} rows"));
        match self.plan.how {
            ColumnMap::InOrder => {}
            ColumnMap::ByTitle => {
                vi.push_str("; xếp cột theo tiêu đề ở dòng đầu");
                en.push_str("; columns placed by the titles in the first row");
            }
            ColumnMap::SkipNumbers => {
                vi.push_str("; bỏ cột STT (bảng tự đánh số)");
                en.push_str("; the STT column was left out (the table numbers its rows)");
            }
        }
        if !self.plan.unknown_titles.is_empty() {
            let t = quoted(&self.plan.unknown_titles);
            vi.push_str(&format!("; bỏ cột không có trong bảng: {t}"));
            en.push_str(&format!("; left out columns the table does not have: {t}"));
        }
        if !self.unlisted.is_empty() {
            let k = self.unlisted.len();
            let t = quoted(&self.unlisted);
            vi.push_str(&format!(
                "; {k} cơ quan chưa có trong danh mục: {t} — chọn ô để thêm"
            ));
            en.push_str(&format!(
                "; {k} agencies not in the directory: {t} — open the cell to add them"
            ));
        }
        vi.push('.');
        en.push('.');
        (vi, en)
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("«{n}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Split tab-separated text into records, with Excel's quoting.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            '\t' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests;
