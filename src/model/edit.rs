//! Editing operations on the document, pure and tested natively; the editor's
//! buttons and keys call these and nothing else touches the tree's shape.

use super::*;

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

/// Find an agency by full or short name (accents, case and punctuation
/// aside) or by id, as typed in a cell or picker.
pub fn find_agency<'a>(doc: &'a Document, name: &str) -> Option<&'a Agency> {
    super::agency_names::same_name(&doc.agencies, name).or_else(|| doc.agency(name.trim()))
}

/// Agency names typed in a cell or field, read against the directory: the
/// ids of the names it has, and the names it has not, as typed. Nothing is
/// added to the directory: that is the person's explicit choice (`add_agency`).
/// A comma inside a name such as "Phòng Kinh tế, Hạ tầng và Đô thị" is kept.
pub fn resolve_agency_names(doc: &Document, text: &str) -> (Vec<String>, Vec<String>) {
    let (mut ids, mut unlisted) = (Vec::new(), Vec::new());
    for part in super::agency_names::split_agency_names(text, &doc.agencies) {
        match find_agency(doc, &part) {
            Some(a) if !ids.contains(&a.id) => ids.push(a.id.clone()),
            Some(_) => {}
            None if !unlisted.contains(&part) => unlisted.push(part),
            None => {}
        }
    }
    (ids, unlisted)
}

/// Add an agency named `name` to the directory (the person chose to); its id.
/// A name the directory already has gives that agency's id.
pub fn add_agency(doc: &mut Document, name: &str) -> String {
    if let Some(a) = find_agency(doc, name) {
        return a.id.clone();
    }
    let id = agency_id(doc, name);
    doc.agencies.push(Agency {
        id: id.clone(),
        name: name.trim().to_string(),
        short_name: None,
        level: AgencyLevel::Other,
    });
    id
}

/// Ids for agency names read from an imported document: the names a plan
/// already has make its directory, so unknown ones are added (the import
/// report lists them). Typing in the editor never does this.
pub fn agency_ids_for(doc: &mut Document, text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for part in super::agency_names::split_agency_names(text, &doc.agencies) {
        let id = match find_agency(doc, &part) {
            Some(a) => a.id.clone(),
            None => add_agency(doc, &super::agency_names::directory_name(&part)),
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

/// Fill a cell from text as a person typed or pasted it, following the
/// column's kind. In an agency column, names not in the directory stay in
/// the cell's text (shown and printed as typed) until the person adds them.
pub fn set_cell_text(doc: &Document, kind: ColumnKind, text: &str) -> Cell {
    match kind {
        ColumnKind::Index => Cell::default(),
        ColumnKind::Agency | ColumnKind::AgencyList => {
            let (agencies, unlisted) = resolve_agency_names(doc, text);
            Cell {
                agencies,
                text: unlisted.join("; "),
                ..Cell::default()
            }
        }
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

/// The names in an agency cell that are not (yet) in the directory.
pub fn unlisted_names(kind: ColumnKind, cell: &Cell) -> Vec<String> {
    if !matches!(kind, ColumnKind::Agency | ColumnKind::AgencyList) {
        return vec![];
    }
    cell.text
        .split(';')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// Add the unlisted names of cell (appendix `ai`, group `g`, row `r`, column
/// `c`) to the directory and link the cell to them; the names added.
pub fn add_unlisted(doc: &mut Document, ai: usize, g: usize, r: usize, c: usize) -> Vec<String> {
    let Some((kind, cell)) = doc.appendices.get(ai).and_then(|a| {
        let cell = a.groups.get(g)?.rows.get(r)?.cells.get(c)?.clone();
        Some((a.columns.get(c)?.kind, cell))
    }) else {
        return vec![];
    };
    let names = unlisted_names(kind, &cell);
    let mut ids = cell.agencies;
    for name in &names {
        let id = add_agency(doc, name);
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if let Some(cell) = doc.appendices[ai].groups[g].rows[r].cells.get_mut(c) {
        cell.agencies = ids;
        cell.text.clear();
    }
    names
}

/// How a cell reads as text, in the editor and in the exports: agency names
/// (the directory's, then the names not in it kept in the cell's text) as one
/// list ([`join_agency_names`](super::agency_names::join_agency_names)), a
/// timeframe as printed, else the cell's text. Each piece the author wrote
/// passes through `tidy`: the editor shows it as typed ([`cell_text`]), the
/// exports print it cleaned (`export::cell_text`).
pub fn cell_text_with(
    doc: &Document,
    kind: ColumnKind,
    cell: &Cell,
    tidy: &dyn Fn(&str) -> String,
) -> String {
    match kind {
        ColumnKind::Agency | ColumnKind::AgencyList => super::agency_names::join_agency_names(
            cell.agencies
                .iter()
                .map(|id| tidy(doc.agency(id).map_or(id.as_str(), |a| a.name.as_str())))
                .chain((!cell.text.trim().is_empty()).then(|| tidy(&cell.text))),
        ),
        ColumnKind::Timeframe => match &cell.timeframe {
            Some(tf) => tidy(&tf.printed(Some(&cell.text))),
            None => tidy(&cell.text),
        },
        _ => tidy(&cell.text),
    }
}

/// How a cell reads in the editor: [`cell_text_with`], pieces as typed.
pub fn cell_text(doc: &Document, kind: ColumnKind, cell: &Cell) -> String {
    cell_text_with(doc, kind, cell, &str::to_string)
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
