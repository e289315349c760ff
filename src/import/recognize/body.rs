//! The opening and the body tree, from the written or automatic labels: each
//! labelled line becomes a sibling of the open list it continues or a child of
//! the line above; "- Cơ quan chủ trì: …" lines make their heading a task;
//! numbered points under "Tổ chức thực hiện" that name an agency become duty
//! blocks. The numbering styles seen are stored so the exports print the same
//! labels again.

use super::labels::{read_label, Reading};
use super::{lines_of, Builder, Line, Piece};
use crate::model::agency_names::looks_like_agency;
use crate::model::numbering::{is_numbered, node_path};
use crate::model::{edit, Node, NodeKind, NumberStyle, Task, TaskField, Timeframe};

/// An open list: the style of its labels, the last ordinal, and the node.
struct Frame {
    style: NumberStyle,
    ordinal: usize,
    path: Vec<usize>,
}

/// What the last line went into, for a wrapped line that continues it.
enum Last {
    None,
    Opening(usize),
    Node(Vec<usize>),
    Detail(Vec<usize>, TaskField),
}

struct Tree<'a> {
    b: &'a mut Builder,
    frames: Vec<Frame>,
    last: Last,
    last_text: String,
    /// Label style of every numbered node, by path.
    styles: Vec<(Vec<usize>, NumberStyle)>,
    /// The current line may be a task's labelled line (see `detail_lines`).
    detail_ok: bool,
}

/// Whether a line starts with a label ("I.", "1.", "a)", "-").
pub fn is_labelled(text: &str) -> bool {
    read_label(text).is_some()
}

/// Whether `next` continues the sentence of `prev` (a line wrapped by a PDF or
/// an e-mail): `prev` does not end a sentence and `next` starts in lower case.
pub fn continues(prev: &str, next: &str) -> bool {
    let p = prev.trim_end().trim_end_matches(['"', '”', '’', '*']);
    let ends = p.ends_with(['.', ';', ':', '!', '?', '…']) || p.is_empty();
    let lower = next
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    !ends && lower && !is_labelled(next)
}

/// "Cơ quan chủ trì: Phòng Văn hóa - Xã hội" → (Lead, "Phòng Văn hóa - Xã hội").
pub fn task_detail(text: &str) -> Option<(TaskField, &str)> {
    let t = match read_label(text) {
        Some(l) if l.readings.iter().any(|r| r.ordinal == 0) => l.rest,
        Some(_) => return None,
        None => text.trim(),
    };
    TaskField::read_line(t)
}

/// Which lines are a task's labelled lines. The exports print them as one
/// block after the task's own content; in a run of such lines where a field
/// comes twice, the lines up to the first of the two are content the author
/// wrote ("- Thời gian thực hiện: Thường xuyên." as an item of its own).
fn detail_lines(lines: &[Line]) -> Vec<bool> {
    let fields: Vec<Option<TaskField>> = lines
        .iter()
        .map(|l| task_detail(&l.text).map(|(f, _)| f))
        .collect();
    let mut out: Vec<bool> = fields.iter().map(Option::is_some).collect();
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| fields[i].is_none())
            .unwrap_or(lines.len());
        let repeated = (start..end)
            .filter(|&i| fields[i + 1..end].contains(&fields[i]))
            .max();
        if let Some(last) = repeated {
            out[start..=last].iter_mut().for_each(|d| *d = false);
        }
        start = end + 1;
    }
    out
}

pub fn read(b: &mut Builder, pieces: &[Piece]) {
    let lines = lines_of(pieces);
    let has_labels = lines.iter().any(|l| is_labelled(&l.text));
    let mut tree = Tree {
        b,
        frames: Vec::new(),
        last: Last::None,
        last_text: String::new(),
        styles: Vec::new(),
        detail_ok: false,
    };
    let mut in_opening = has_labels;
    let details = detail_lines(&lines);
    for (line, detail) in lines.iter().zip(details) {
        tree.detail_ok = detail;
        if in_opening && is_labelled(&line.text) {
            in_opening = false;
        }
        if in_opening {
            tree.opening(line);
        } else {
            tree.line(line);
        }
    }
    let styles = std::mem::take(&mut tree.styles);
    duties(tree.b);
    // After the duties: their names complete the directory the sentences are read against.
    super::sentence::read_sentences(&mut tree.b.doc);
    numbering(tree.b, &styles);
}

impl Tree<'_> {
    fn opening(&mut self, line: &Line) {
        if matches!(self.last, Last::Opening(_)) && continues(&self.last_text, &line.text) {
            return self.append(line);
        }
        let i = self.b.doc.opening.len();
        self.b.doc.opening.push(line.text.trim().to_string());
        self.b.origin(format!("opening[{i}]"), line.source);
        self.b.report.opening(line.source);
        self.last = Last::Opening(i);
        self.last_text = line.text.clone();
    }

    fn line(&mut self, line: &Line) {
        if !matches!(self.last, Last::None) && continues(&self.last_text, &line.text) {
            return self.append(line);
        }
        if let Some((field, value)) = task_detail(&line.text).filter(|_| self.detail_ok) {
            if self.detail(field, value, line.source) {
                self.last_text = line.text.clone();
                return;
            }
        }
        match read_label(&line.text) {
            Some(label) => {
                let rest = label.rest.to_string();
                self.labelled(&label.readings, rest, line.source);
            }
            None => self.paragraph(line),
        }
        self.last_text = line.text.clone();
    }

    /// Join a wrapped line to what the line before went into.
    fn append(&mut self, line: &Line) {
        let add = line.text.trim();
        let doc = &mut self.b.doc;
        let target: Option<&mut String> = match &self.last {
            Last::None => None,
            Last::Opening(i) => doc.opening.get_mut(*i),
            Last::Node(p) => edit::node_mut(&mut doc.body, p).map(|n| &mut n.text),
            Last::Detail(p, f) => edit::node_mut(&mut doc.body, p)
                .and_then(|n| n.task.as_mut())
                .and_then(|t| match f {
                    TaskField::Form => t.form.as_mut(),
                    TaskField::Output => t.output.as_mut(),
                    _ => None,
                }),
        };
        if let Some(t) = target {
            t.push(' ');
            t.push_str(add);
        }
        self.last_text = line.text.clone();
    }

    /// Place a labelled line: continue an open list, start a list under the
    /// line above, or (a gap in the numbering) continue a list of its style.
    fn labelled(&mut self, readings: &[Reading], text: String, source: usize) {
        let continues_at = |frames: &[Frame], strict: bool| {
            frames.iter().enumerate().rev().find_map(|(d, f)| {
                readings.iter().find_map(|r| {
                    let next = r.ordinal == 0 || r.ordinal == f.ordinal + 1;
                    let later = r.ordinal > f.ordinal;
                    (r.style == f.style && (next || (!strict && later))).then_some((d, *r))
                })
            })
        };
        let first = readings.iter().find(|r| r.ordinal <= 1).copied();
        let (depth, reading) = match continues_at(&self.frames, true) {
            Some(hit) => hit,
            None => match first {
                Some(r) => (self.frames.len(), r),
                None => {
                    continues_at(&self.frames, false).unwrap_or((self.frames.len(), readings[0]))
                }
            },
        };
        self.frames.truncate(depth);
        let kind = if reading.ordinal == 0 {
            NodeKind::Item
        } else {
            NodeKind::Heading
        };
        let path = self.push_node(kind, text, source);
        if is_numbered(kind) {
            self.styles.push((path.clone(), reading.style));
        }
        self.frames.push(Frame {
            style: reading.style,
            ordinal: reading.ordinal,
            path,
        });
    }

    fn paragraph(&mut self, line: &Line) {
        let t = line.text.trim_start();
        let closing_remark = t.starts_with("Trên đây") || t.starts_with("Trong quá trình");
        let keep = if closing_remark {
            0
        } else {
            self.frames
                .iter()
                .rposition(|f| f.ordinal > 0)
                .map_or(0, |i| i + 1)
        };
        self.frames.truncate(keep);
        self.push_node(
            NodeKind::Paragraph,
            line.text.trim().to_string(),
            line.source,
        );
    }

    /// Add a node under the innermost open frame and return its path.
    fn push_node(&mut self, kind: NodeKind, text: String, source: usize) -> Vec<usize> {
        let parent: Vec<usize> = self
            .frames
            .last()
            .map(|f| f.path.clone())
            .unwrap_or_default();
        let body = &mut self.b.doc.body;
        let siblings = if parent.is_empty() {
            body
        } else {
            match edit::node_mut(body, &parent) {
                Some(n) => &mut n.children,
                None => body,
            }
        };
        siblings.push(Node {
            kind,
            text,
            ..Node::default()
        });
        let mut path = parent;
        path.push(siblings.len() - 1);
        self.b.origin(node_path(&path), source);
        self.b.report.node(kind, source);
        self.last = Last::Node(path.clone());
        path
    }

    /// A task's labelled line: set the field on the nearest numbered line above.
    fn detail(&mut self, field: TaskField, value: &str, source: usize) -> bool {
        let Some(depth) = self.frames.iter().rposition(|f| f.ordinal > 0) else {
            return false;
        };
        self.frames.truncate(depth + 1);
        let path = self.frames[depth].path.clone();
        let doc = &mut self.b.doc;
        let ids = match field {
            TaskField::Lead | TaskField::Implementers | TaskField::Partners => {
                edit::agency_ids_for(doc, value)
            }
            _ => Vec::new(),
        };
        let Some(node) = edit::node_mut(&mut doc.body, &path) else {
            return false;
        };
        let became_task = node.task.is_none();
        node.kind = NodeKind::Task;
        let task = node.task.get_or_insert_with(Task::default);
        set_field(task, field, value, ids);
        if became_task {
            self.b.report.task();
        }
        self.b.report.detail(source);
        self.last = Last::Detail(path, field);
        true
    }
}

fn set_field(task: &mut Task, field: TaskField, value: &str, ids: Vec<String>) {
    let extend = |list: &mut Vec<String>| {
        for id in ids {
            if !list.contains(&id) {
                list.push(id);
            }
        }
    };
    let append = |slot: &mut Option<String>| match slot {
        Some(s) => {
            s.push(' ');
            s.push_str(value);
        }
        None => *slot = Some(value.to_string()),
    };
    match field {
        TaskField::Lead => extend(&mut task.lead),
        TaskField::Implementers => extend(&mut task.implementers),
        TaskField::Partners => extend(&mut task.partners),
        TaskField::Form => append(&mut task.form),
        // An output is a noun phrase ("Kế hoạch"); the exports end the line
        // with a full stop the author did not write. A form is a sentence and
        // keeps its own.
        TaskField::Output => match &mut task.output {
            Some(s) => {
                s.push(' ');
                s.push_str(value.trim_end_matches('.'));
            }
            None => task.output = Some(value.trim_end_matches('.').to_string()),
        },
        // "Thường xuyên." is understood without its full stop; a timeframe
        // kept as free text stays as written.
        // The words as written are kept beside a value they were understood as.
        TaskField::Timeframe => {
            let written = value.trim_end_matches('.');
            let tf = match Timeframe::parse_vi(written) {
                Timeframe::Text(_) => Timeframe::Text(value.to_string()),
                understood => understood,
            };
            task.timeframe_text = edit::written_timeframe(Some(&tf), written);
            task.timeframe = Some(tf);
        }
    }
}

/// Under "Tổ chức thực hiện", a numbered point that names an agency ("2.
/// Phòng Văn hóa - Xã hội:", "5. Đề nghị Ban Thường trực …") is a duty block.
fn duties(b: &mut Builder) {
    let mut found = Vec::new();
    for (si, section) in b.doc.body.iter().enumerate() {
        let s = super::squash(&section.text);
        if !(s.contains("TỔCHỨCTHỰCHIỆN") || s.contains("PHÂNCÔNG")) {
            continue;
        }
        for (ci, child) in section.children.iter().enumerate() {
            // The colon that ends the line stays in the text, as written.
            let text = child.text.trim();
            let names = duty_agencies(text.trim_end_matches(':').trim_end());
            if child.kind == NodeKind::Heading && names.iter().all(|n| looks_like_agency(n)) {
                found.push((si, ci, text.to_string(), names));
            }
        }
    }
    for (si, ci, text, names) in found {
        let ids: Vec<String> = names
            .iter()
            .flat_map(|n| edit::agency_ids_for(&mut b.doc, n))
            .collect();
        let child = &mut b.doc.body[si].children[ci];
        child.kind = NodeKind::Duty;
        child.text = text;
        child.agencies = ids;
        b.report.duty();
    }
}

/// The agencies a duty block names: after "Đề nghị", before "có trách nhiệm
/// …"; "X và các đoàn thể phường" names two.
fn duty_agencies(text: &str) -> Vec<String> {
    let t = text.strip_prefix("Đề nghị ").unwrap_or(text);
    let end = [
        " có trách nhiệm",
        " chịu trách nhiệm",
        " thực hiện",
        " phối hợp",
        " chủ trì",
        " tham mưu",
        " tuyên truyền",
        " theo dõi",
        " tăng cường",
        " chỉ đạo",
        " hướng dẫn",
        " triển khai",
        " tổ chức",
        " trong ",
        " tích cực",
        " giám sát",
    ]
    .iter()
    .filter_map(|m| t.find(m))
    .min()
    .unwrap_or(t.len());
    let t = t[..end].trim();
    match t.split_once(" và các ") {
        Some((first, rest)) => {
            // "… và các đoàn thể phường": the place word belongs to both.
            let place = ["phường", "xã", "thị trấn"]
                .into_iter()
                .find(|p| rest.ends_with(&format!(" {p}")) && !first.ends_with(p));
            let first = match place {
                Some(p) => format!("{} {p}", first.trim()),
                None => first.trim().to_string(),
            };
            vec![first, format!("Các {}", rest.trim())]
        }
        None => vec![t.to_string()],
    }
}

/// The numbering by depth the labels showed; a top-level part whose points are
/// numbered otherwise (a Party programme) keeps its own.
fn numbering(b: &mut Builder, styles: &[(Vec<usize>, NumberStyle)]) {
    let depth_of = |path: &[usize]| numbered_depth(&b.doc.body, path);
    let mut by_depth: Vec<Vec<NumberStyle>> = Vec::new();
    for (path, style) in styles {
        let d = depth_of(path);
        if by_depth.len() <= d {
            by_depth.resize(d + 1, Vec::new());
        }
        by_depth[d].push(*style);
    }
    if by_depth.is_empty() {
        return;
    }
    let mut numbering: Vec<NumberStyle> = by_depth.iter().map(|v| most_common(v)).collect();
    let defaults = crate::model::default_numbering();
    numbering.extend(defaults.iter().skip(numbering.len()).copied());
    b.doc.settings.numbering = numbering.clone();
    // Parts whose own points differ: their child numbering, by relative depth.
    for (root, node) in b.doc.body.iter_mut().enumerate() {
        let mut own: Vec<Option<NumberStyle>> = Vec::new();
        for (path, style) in styles.iter().filter(|(p, _)| p.len() > 1 && p[0] == root) {
            let d = numbered_depth(&node.children, &path[1..]);
            if own.len() <= d {
                own.resize(d + 1, None);
            }
            own[d].get_or_insert(*style);
        }
        let own: Vec<NumberStyle> = own
            .iter()
            .enumerate()
            .map(|(d, s)| s.unwrap_or(numbering.get(d + 1).copied().unwrap_or(NumberStyle::Dash)))
            .collect();
        if !own.is_empty()
            && own
                .iter()
                .zip(numbering.iter().skip(1))
                .any(|(a, b)| a != b)
        {
            let mut list = own;
            list.extend(numbering.iter().skip(list.len() + 1).copied());
            node.child_numbering = list;
        }
    }
}

fn most_common(v: &[NumberStyle]) -> NumberStyle {
    let mut best = (v[0], 0);
    for s in v {
        let n = v.iter().filter(|x| *x == s).count();
        if n > best.1 {
            best = (*s, n);
        }
    }
    best.0
}

/// How many numbered nodes lie above the node at `path` (its numbering depth).
fn numbered_depth(body: &[Node], path: &[usize]) -> usize {
    let mut depth = 0;
    let mut nodes = body;
    for &i in &path[..path.len().saturating_sub(1)] {
        let Some(n) = nodes.get(i) else { break };
        if is_numbered(n.kind) {
            depth += 1;
        }
        nodes = &n.children;
    }
    depth
}
