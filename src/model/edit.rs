//! Editing operations on the document, pure and tested natively; the editor's
//! buttons and keys call these and nothing else touches the tree's shape.

use super::*;
use crate::text::to_lower;

/// The child list that holds the node at `path`, and the node's index in it.
fn parent_list<'a>(body: &'a mut Vec<Node>, path: &[usize]) -> Option<(&'a mut Vec<Node>, usize)> {
    let (&last, parents) = path.split_last()?;
    let mut list = body;
    for &i in parents {
        list = &mut list.get_mut(i)?.children;
    }
    (last < list.len()).then_some((list, last))
}

pub fn node<'a>(body: &'a [Node], path: &[usize]) -> Option<&'a Node> {
    let (&first, rest) = path.split_first()?;
    rest.iter()
        .try_fold(body.get(first)?, |n, &i| n.children.get(i))
}

pub fn node_mut<'a>(body: &'a mut [Node], path: &[usize]) -> Option<&'a mut Node> {
    let (&first, rest) = path.split_first()?;
    rest.iter()
        .try_fold(body.get_mut(first)?, |n, &i| n.children.get_mut(i))
}

/// The children of the node at `path` (the body itself for an empty path).
pub fn children<'a>(body: &'a [Node], path: &[usize]) -> Option<&'a [Node]> {
    if path.is_empty() {
        Some(body)
    } else {
        node(body, path).map(|n| n.children.as_slice())
    }
}

/// A new node of the kind a person most likely wants after `kind`.
pub fn blank(kind: NodeKind) -> Node {
    Node {
        kind,
        task: (kind == NodeKind::Task).then(Task::default),
        ..Node::default()
    }
}

/// Insert `new` right after the node at `path`; returns the new node's path.
pub fn insert_after(body: &mut Vec<Node>, path: &[usize], new: Node) -> Option<Vec<usize>> {
    let (list, i) = parent_list(body, path)?;
    list.insert(i + 1, new);
    let mut p = path.to_vec();
    *p.last_mut()? += 1;
    Some(p)
}

/// Append `new` as the last child of the node at `path` (or of the body for []).
pub fn append_child(body: &mut Vec<Node>, path: &[usize], new: Node) -> Option<Vec<usize>> {
    let list = if path.is_empty() {
        body
    } else {
        &mut node_mut(body, path)?.children
    };
    list.push(new);
    let mut p = path.to_vec();
    p.push(list.len() - 1);
    Some(p)
}

/// Remove the node at `path` (with its children); returns it.
pub fn remove(body: &mut Vec<Node>, path: &[usize]) -> Option<Node> {
    let (list, i) = parent_list(body, path)?;
    Some(list.remove(i))
}

/// Swap with the previous sibling; returns the new path.
pub fn move_up(body: &mut Vec<Node>, path: &[usize]) -> Option<Vec<usize>> {
    let (list, i) = parent_list(body, path)?;
    if i == 0 {
        return None;
    }
    list.swap(i - 1, i);
    let mut p = path.to_vec();
    *p.last_mut()? -= 1;
    Some(p)
}

/// Swap with the next sibling; returns the new path.
pub fn move_down(body: &mut Vec<Node>, path: &[usize]) -> Option<Vec<usize>> {
    let (list, i) = parent_list(body, path)?;
    if i + 1 >= list.len() {
        return None;
    }
    list.swap(i, i + 1);
    let mut p = path.to_vec();
    *p.last_mut()? += 1;
    Some(p)
}

/// Make the node the last child of its previous sibling (one level deeper).
pub fn indent(body: &mut Vec<Node>, path: &[usize]) -> Option<Vec<usize>> {
    let (list, i) = parent_list(body, path)?;
    if i == 0 {
        return None;
    }
    let n = list.remove(i);
    let prev = &mut list[i - 1];
    prev.children.push(n);
    let mut p = path.to_vec();
    *p.last_mut()? -= 1;
    p.push(prev.children.len() - 1);
    Some(p)
}

/// Move the node out of its parent, right after the parent (one level up).
pub fn outdent(body: &mut Vec<Node>, path: &[usize]) -> Option<Vec<usize>> {
    if path.len() < 2 {
        return None;
    }
    let n = remove(body, path)?;
    insert_after(body, &path[..path.len() - 1], n)
}

/// Change a node's kind, keeping its text; a task gains its task details, which
/// are dropped again only while still empty (nothing typed is ever lost).
pub fn set_kind(n: &mut Node, kind: NodeKind) {
    n.kind = kind;
    if kind == NodeKind::Task {
        n.task.get_or_insert_with(Task::default);
    } else if n.task.as_ref().is_some_and(|t| *t == Task::default()) {
        n.task = None;
    }
}

/// Change the document's kind; the symbol's type code follows unless the
/// person typed a symbol of their own (one not starting with the old code).
pub fn set_doc_kind(d: &mut Document, kind: DocKind) {
    let old_code = d.kind.code().unwrap_or("");
    if let Some(rest) = d.header.symbol.strip_prefix(old_code) {
        d.header.symbol = format!("{}{}", kind.code().unwrap_or(""), rest);
    }
    d.kind = kind;
}

/// Set the symbol from the kind, profile and body code ("KH-UBND", "CTr/ĐU").
pub fn build_symbol(d: &mut Document) {
    d.header.symbol = d.kind.symbol(d.profile, &d.header.body_code);
}

/// An empty row for an appendix (one empty cell per column).
pub fn blank_row(a: &Appendix) -> Row {
    Row {
        cells: vec![Cell::default(); a.columns.len()],
    }
}

/// Add a column at `at` to an appendix, with an empty cell in every row.
pub fn insert_column(a: &mut Appendix, at: usize, column: Column) {
    let at = at.min(a.columns.len());
    a.columns.insert(at, column);
    for g in &mut a.groups {
        for r in &mut g.rows {
            let i = at.min(r.cells.len());
            r.cells.insert(i, Cell::default());
        }
    }
}

/// Remove a column and its cells from every row.
pub fn remove_column(a: &mut Appendix, at: usize) -> Option<Column> {
    if at >= a.columns.len() {
        return None;
    }
    for g in &mut a.groups {
        for r in &mut g.rows {
            if at < r.cells.len() {
                r.cells.remove(at);
            }
        }
    }
    Some(a.columns.remove(at))
}

/// Swap a column with the next one, cells included.
pub fn swap_columns(a: &mut Appendix, at: usize) -> bool {
    if at + 1 >= a.columns.len() {
        return false;
    }
    a.columns.swap(at, at + 1);
    for g in &mut a.groups {
        for r in &mut g.rows {
            if at + 1 < r.cells.len() {
                r.cells.swap(at, at + 1);
            }
        }
    }
    true
}

/// A fresh column id not yet used in the appendix.
pub fn column_id(a: &Appendix) -> String {
    (1..)
        .map(|n| format!("col{n}"))
        .find(|id| a.columns.iter().all(|c| &c.id != id))
        .unwrap_or_default()
}

/// The position after (group, row), moving into the next group; None at the end.
pub fn next_row(a: &Appendix, g: usize, r: usize) -> Option<(usize, usize)> {
    if r + 1 < a.groups.get(g)?.rows.len() {
        return Some((g, r + 1));
    }
    (g + 1..a.groups.len())
        .find(|&ng| !a.groups[ng].rows.is_empty())
        .map(|ng| (ng, 0))
}

/// The position before (group, row), moving into the previous group; None at the start.
pub fn prev_row(a: &Appendix, g: usize, r: usize) -> Option<(usize, usize)> {
    if r > 0 {
        return Some((g, r - 1));
    }
    (0..g)
        .rev()
        .find(|&pg| !a.groups[pg].rows.is_empty())
        .map(|pg| (pg, a.groups[pg].rows.len() - 1))
}

/// Derived row numbers (STT) of every row, following the appendix's numbering.
pub fn row_numbers(a: &Appendix) -> Vec<Vec<usize>> {
    let mut n = 0;
    a.groups
        .iter()
        .map(|g| {
            if a.row_numbering == RowNumbering::PerGroup {
                n = 0;
            }
            g.rows
                .iter()
                .map(|_| {
                    n += 1;
                    n
                })
                .collect()
        })
        .collect()
}

/// A new id for an agency with `name`: the ASCII slug of the name, made unique.
pub fn agency_id(doc: &Document, name: &str) -> String {
    let base = slug(name);
    let base = if base.is_empty() {
        "co_quan".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while doc.agency(&id).is_some() {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

/// ASCII slug of Vietnamese text: diacritics removed, đ → d, lower case, "_" between words.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in crate::text::to_nfd(s).chars() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            c if ('\u{300}'..='\u{36f}').contains(&c) => continue,
            _ => '_',
        };
        if c == '_' && (out.is_empty() || out.ends_with('_')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end_matches('_').to_string()
}

/// Find an agency by full or short name (case-insensitive), as typed in a cell or picker.
pub fn find_agency<'a>(doc: &'a Document, name: &str) -> Option<&'a Agency> {
    let want = to_lower(name.trim());
    doc.agencies.iter().find(|a| {
        to_lower(&a.name) == want
            || a.short_name.as_deref().is_some_and(|s| to_lower(s) == want)
            || a.id == name.trim()
    })
}

/// Ids for agency names typed in a cell ("Sở Nội vụ, Sở Tư pháp"; a comma inside a
/// name such as "Phòng Kinh tế, Hạ tầng và Đô thị" is kept); unknown names are
/// added to the directory so nothing typed is lost.
pub fn agency_ids_for(doc: &mut Document, text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for part in super::agency_names::split_agency_names(text, &doc.agencies) {
        let part = part.as_str();
        let id = match find_agency(doc, part) {
            Some(a) => a.id.clone(),
            None => {
                let id = agency_id(doc, part);
                doc.agencies.push(Agency {
                    id: id.clone(),
                    name: super::agency_names::directory_name(part),
                    short_name: None,
                    level: AgencyLevel::Other,
                });
                id
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The written form to keep beside a timeframe typed as `typed`: the text, trimmed,
/// when it was understood as a structured value (free text is kept in the value
/// itself), printed by [`Timeframe::printed`].
pub fn written_timeframe(tf: Option<&Timeframe>, typed: &str) -> Option<String> {
    match tf {
        None | Some(Timeframe::Text(_)) => None,
        Some(_) => Some(typed.trim().to_string()).filter(|t| !t.is_empty()),
    }
}

/// Fill a cell from text as a person typed or pasted it, following the column's kind.
pub fn set_cell_text(doc: &mut Document, kind: ColumnKind, text: &str) -> Cell {
    match kind {
        ColumnKind::Index => Cell::default(),
        ColumnKind::Agency | ColumnKind::AgencyList => Cell {
            agencies: agency_ids_for(doc, text),
            ..Cell::default()
        },
        ColumnKind::Timeframe if text.trim().is_empty() => Cell::default(),
        ColumnKind::Timeframe => {
            let timeframe = Timeframe::parse_vi(text);
            Cell {
                text: written_timeframe(Some(&timeframe), text).unwrap_or_default(),
                timeframe: Some(timeframe),
                ..Cell::default()
            }
        }
        _ => Cell {
            text: text.to_string(),
            ..Cell::default()
        },
    }
}

/// How a cell reads as text (agency names, timeframe in Vietnamese).
pub fn cell_text(doc: &Document, kind: ColumnKind, cell: &Cell) -> String {
    match kind {
        ColumnKind::Agency | ColumnKind::AgencyList => {
            super::agency_names::join_agency_names(cell.agencies.iter().map(|id| {
                doc.agency(id)
                    .map(|a| a.name.clone())
                    .unwrap_or_else(|| id.clone())
            }))
        }
        ColumnKind::Timeframe => cell
            .timeframe
            .as_ref()
            .map(|tf| tf.printed(Some(&cell.text)))
            .unwrap_or_default(),
        _ => cell.text.clone(),
    }
}

/// Rows from tab-separated text copied out of Excel or Word: one line a row,
/// cells in column order starting at column `first_col` (index columns skipped).
/// Quoted cells with tabs or newlines inside (Excel's form) are honoured.
pub fn rows_from_tsv(doc: &mut Document, appendix: usize, first_col: usize, tsv: &str) -> Vec<Row> {
    let Some(columns) = doc.appendices.get(appendix).map(|a| a.columns.clone()) else {
        return vec![];
    };
    let editable: Vec<usize> = (first_col..columns.len())
        .filter(|&c| columns[c].kind != ColumnKind::Index)
        .collect();
    let mut rows = Vec::new();
    for record in parse_tsv(tsv) {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            cells: vec![Cell::default(); columns.len()],
        };
        for (value, &c) in record.iter().zip(&editable) {
            row.cells[c] = set_cell_text(doc, columns[c].kind, value.trim());
        }
        rows.push(row);
    }
    rows
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
mod tests {
    use super::*;

    fn leaf(t: &str) -> Node {
        Node {
            kind: NodeKind::Heading,
            text: t.into(),
            ..Node::default()
        }
    }

    fn texts(body: &[Node]) -> String {
        body.iter()
            .map(|n| {
                if n.children.is_empty() {
                    n.text.clone()
                } else {
                    format!("{}({})", n.text, texts(&n.children))
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    #[test]
    fn tree_operations_keep_every_node() {
        let mut b = vec![leaf("A"), leaf("B"), leaf("C")];
        assert_eq!(indent(&mut b, &[1]), Some(vec![0, 0]));
        assert_eq!(texts(&b), "A(B),C");
        assert_eq!(indent(&mut b, &[1]), Some(vec![0, 1]));
        assert_eq!(texts(&b), "A(B,C)");
        assert_eq!(move_up(&mut b, &[0, 1]), Some(vec![0, 0]));
        assert_eq!(texts(&b), "A(C,B)");
        assert_eq!(move_up(&mut b, &[0, 0]), None);
        assert_eq!(outdent(&mut b, &[0, 0]), Some(vec![1]));
        assert_eq!(texts(&b), "A(B),C");
        assert_eq!(insert_after(&mut b, &[0, 0], leaf("D")), Some(vec![0, 1]));
        assert_eq!(texts(&b), "A(B,D),C");
        assert_eq!(remove(&mut b, &[0]).map(|n| n.text), Some("A".into()));
        assert_eq!(texts(&b), "C");
        assert_eq!(move_down(&mut b, &[0]), None);
        assert_eq!(indent(&mut b, &[0]), None);
        assert_eq!(append_child(&mut b, &[], leaf("E")), Some(vec![1]));
        assert_eq!(remove(&mut b, &[5]), None);
    }

    #[test]
    fn tsv_from_excel_becomes_typed_rows() {
        let mut doc = sample::generated_plan(0);
        let pasted = "Tuyên truyền\tPhòng Văn hóa - Xã hội\tCông an phường, Sở Mới\tQuý I/2026\tBáo cáo\r\n\"Hai\tdòng\"\tVP\t\tNăm 2027\tKết quả\r\n";
        let rows = rows_from_tsv(&mut doc, 0, 1, pasted);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[1].text, "Tuyên truyền");
        assert_eq!(rows[0].cells[2].agencies, ["phong_van_hoa_xa_hoi"]);
        assert_eq!(rows[0].cells[3].agencies, ["cong_an_phuong", "so_moi"]);
        assert!(
            doc.agency("so_moi").is_some(),
            "unknown agency added, not dropped"
        );
        assert_eq!(
            rows[0].cells[4].timeframe,
            Some(Timeframe::Quarter {
                quarter: 1,
                year: 2026
            })
        );
        assert_eq!(rows[1].cells[1].text, "Hai\tdòng");
        assert_eq!(rows[1].cells[2].agencies, ["van_phong_hdnd_va_ubnd"]);
        assert_eq!(
            cell_text(&doc, ColumnKind::AgencyList, &rows[0].cells[3]),
            "Công an phường; Sở Mới"
        );
    }

    #[test]
    fn columns_and_rows_stay_aligned() {
        let mut doc = sample::generated_plan(3);
        let a = &mut doc.appendices[0];
        insert_column(
            a,
            2,
            Column {
                id: column_id(a),
                title: "Ghi chú".into(),
                kind: ColumnKind::Text,
                width: None,
            },
        );
        assert_eq!(a.columns[2].id, "col1");
        assert!(a.groups[0].rows.iter().all(|r| r.cells.len() == 7));
        assert!(swap_columns(a, 2));
        assert_eq!(a.columns[3].id, "col1");
        assert_eq!(remove_column(a, 3).map(|c| c.id), Some("col1".into()));
        assert!(a.groups[0].rows.iter().all(|r| r.cells.len() == 6));
        a.groups.push(RowGroup {
            heading: "Nhóm 2".into(),
            rows: vec![blank_row(a)],
        });
        assert_eq!(next_row(a, 0, 2), Some((1, 0)));
        assert_eq!(prev_row(a, 1, 0), Some((0, 2)));
        assert_eq!(next_row(a, 1, 0), None);
        assert_eq!(row_numbers(a), vec![vec![1, 2, 3], vec![4]]);
        a.row_numbering = RowNumbering::PerGroup;
        assert_eq!(row_numbers(a), vec![vec![1, 2, 3], vec![1]]);
    }

    #[test]
    fn symbol_follows_kind_and_profile() {
        let mut d = sample::generated_plan(0);
        set_doc_kind(&mut d, DocKind::Programme);
        assert_eq!(d.header.symbol, "CTr-UBND");
        d.profile = Profile::Party;
        d.header.body_code = "ĐU".into();
        build_symbol(&mut d);
        assert_eq!(d.header.symbol, "CTr/ĐU");
        d.header.symbol = "Riêng".into();
        set_doc_kind(&mut d, DocKind::Plan);
        assert_eq!(d.header.symbol, "Riêng", "a typed symbol is kept");
        d.kind = DocKind::OfficialLetter;
        build_symbol(&mut d);
        assert_eq!(d.header.symbol, "ĐU");
    }

    #[test]
    fn slugs_follow_the_fixture_convention() {
        assert_eq!(
            slug("Ban Xây dựng Đảng Đảng ủy phường"),
            "ban_xay_dung_dang_dang_uy_phuong"
        );
        assert_eq!(
            slug("Các cơ quan, đơn vị trên địa bàn phường"),
            "cac_co_quan_don_vi_tren_dia_ban_phuong"
        );
        let doc = sample::generated_plan(0);
        assert_eq!(agency_id(&doc, "Công an phường"), "cong_an_phuong_2");
    }
}
