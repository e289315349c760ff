//! How much of a hand-made document an import recovered, part by part: header
//! fields, body nodes, tasks, agencies, appendix rows, closing. Ids and
//! formatting-only fields (column widths, landscape, tone style) are aside;
//! texts are compared with white space collapsed.
#![allow(dead_code)]

use kehoach::export::agency_names;
use kehoach::model::{Document, Node};

pub struct Score {
    pub part: &'static str,
    pub matched: usize,
    pub total: usize,
    pub diffs: Vec<String>,
}

impl Score {
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.matched as f64 / self.total as f64
        }
    }
}

pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn compare(want: &Document, got: &Document) -> Vec<Score> {
    vec![
        header(want, got),
        body(want, got),
        tasks(want, got),
        agencies(want, got),
        appendices(want, got),
        closing(want, got),
    ]
}

pub fn print(scores: &[Score]) {
    for s in scores {
        eprintln!(
            "{:<11} {:>4}/{:<4} {:>5.1} %",
            s.part,
            s.matched,
            s.total,
            100.0 * s.share()
        );
        for d in s.diffs.iter().take(20) {
            eprintln!("    {d}");
        }
    }
}

fn field(score: &mut Score, name: &str, want: String, got: String) {
    score.total += 1;
    if norm(&want) == norm(&got) {
        score.matched += 1;
    } else {
        score
            .diffs
            .push(format!("{name}: want «{want}», got «{got}»"));
    }
}

fn new(part: &'static str) -> Score {
    Score {
        part,
        matched: 0,
        total: 0,
        diffs: Vec::new(),
    }
}

fn header(w: &Document, g: &Document) -> Score {
    let mut s = new("header");
    let (a, b) = (&w.header, &g.header);
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    field(
        &mut s,
        "kind",
        format!("{:?}", w.kind),
        format!("{:?}", g.kind),
    );
    field(
        &mut s,
        "profile",
        format!("{:?}", w.profile),
        format!("{:?}", g.profile),
    );
    field(
        &mut s,
        "parent_body",
        opt(&a.parent_body),
        opt(&b.parent_body),
    );
    field(
        &mut s,
        "issuing_body",
        a.issuing_body.clone(),
        b.issuing_body.clone(),
    );
    field(
        &mut s,
        "body_code",
        a.body_code.clone(),
        b.body_code.clone(),
    );
    field(&mut s, "number", opt(&a.number), opt(&b.number));
    field(&mut s, "symbol", a.symbol.clone(), b.symbol.clone());
    field(&mut s, "place", a.place.clone(), b.place.clone());
    field(
        &mut s,
        "date",
        format!("{:?}", a.date),
        format!("{:?}", b.date),
    );
    field(&mut s, "title", opt(&a.title), opt(&b.title));
    field(&mut s, "subject", a.subject.clone(), b.subject.clone());
    s
}

fn flatten(nodes: &[Node], depth: usize, out: &mut Vec<String>) {
    for n in nodes {
        out.push(format!("{depth} {:?} {}", n.kind, norm(&n.text)));
        flatten(&n.children, depth + 1, out);
    }
}

/// Longest common subsequence of two lists, and the unmatched items of each.
fn lcs(a: &[String], b: &[String]) -> (usize, Vec<String>) {
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut diffs) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            diffs.push(format!("missing: {}", short(&a[i])));
            i += 1;
        } else {
            diffs.push(format!("extra:   {}", short(&b[j])));
            j += 1;
        }
    }
    diffs.extend(a[i..].iter().map(|x| format!("missing: {}", short(x))));
    diffs.extend(b[j..].iter().map(|x| format!("extra:   {}", short(x))));
    (t[0][0], diffs)
}

fn short(s: &str) -> String {
    s.chars().take(90).collect()
}

fn body(w: &Document, g: &Document) -> Score {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    a.extend(w.opening.iter().map(|o| format!("opening {}", norm(o))));
    b.extend(g.opening.iter().map(|o| format!("opening {}", norm(o))));
    flatten(&w.body, 0, &mut a);
    flatten(&g.body, 0, &mut b);
    let (matched, diffs) = lcs(&a, &b);
    Score {
        part: "body nodes",
        matched,
        total: a.len().max(b.len()),
        diffs,
    }
}

fn task_list<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for n in nodes {
        if n.task.is_some() {
            out.push(n);
        }
        task_list(&n.children, out);
    }
}

fn task_text(d: &Document, n: &Node) -> String {
    let t = n.task.as_ref().expect("a task");
    format!(
        "{} | lead {} | impl {} | partners {} | form {} | time {} | output {}",
        norm(&n.text),
        agency_names(d, &t.lead),
        agency_names(d, &t.implementers),
        agency_names(d, &t.partners),
        norm(t.form.as_deref().unwrap_or("")),
        t.timeframe.as_ref().map(|x| x.to_vi()).unwrap_or_default(),
        norm(t.output.as_deref().unwrap_or(""))
    )
}

fn tasks(w: &Document, g: &Document) -> Score {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    task_list(&w.body, &mut a);
    task_list(&g.body, &mut b);
    let a: Vec<String> = a.iter().map(|n| task_text(w, n)).collect();
    let b: Vec<String> = b.iter().map(|n| task_text(g, n)).collect();
    let (matched, diffs) = lcs(&a, &b);
    Score {
        part: "tasks",
        matched,
        total: a.len().max(b.len()),
        diffs,
    }
}

fn agencies(w: &Document, g: &Document) -> Score {
    let mut a: Vec<String> = w.agencies.iter().map(|x| norm(&x.name)).collect();
    let mut b: Vec<String> = g.agencies.iter().map(|x| norm(&x.name)).collect();
    a.sort();
    b.sort();
    let (matched, diffs) = lcs(&a, &b);
    Score {
        part: "agencies",
        matched,
        total: a.len().max(b.len()),
        diffs,
    }
}

fn printed_rows(d: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for app in &d.appendices {
        out.push(format!(
            "appendix {} | {} | {}",
            app.number,
            norm(&kehoach::text::to_upper(&app.title)),
            norm(app.attached_note.as_deref().unwrap_or(""))
        ));
        for c in &app.columns {
            out.push(format!("column {} {:?}", norm(&c.title), c.kind));
        }
        for row in kehoach::export::appendix_rows(d, app) {
            out.push(match row {
                kehoach::export::TableRow::Group { label, heading } => {
                    format!("group {label} {}", norm(&heading))
                }
                kehoach::export::TableRow::Cells(cells) => format!("row {}", cells.join(" | ")),
            });
        }
    }
    out
}

fn appendices(w: &Document, g: &Document) -> Score {
    let (a, b) = (printed_rows(w), printed_rows(g));
    let (matched, diffs) = lcs(&a, &b);
    Score {
        part: "appendices",
        matched,
        total: a.len().max(b.len()),
        diffs,
    }
}

fn closing(w: &Document, g: &Document) -> Score {
    let lines = |d: &Document| {
        let mut v: Vec<String> = d
            .recipients
            .items
            .iter()
            .map(|i| format!("to {}", norm(i)))
            .collect();
        v.push(format!(
            "archive {}",
            d.recipients.archive.clone().unwrap_or_default()
        ));
        v.extend(
            kehoach::export::sign_lines(d)
                .into_iter()
                .map(|l| format!("sign {l}")),
        );
        v.push(format!("name {}", d.signature.name));
        v
    };
    let (a, b) = (lines(w), lines(g));
    let (matched, diffs) = lcs(&a, &b);
    Score {
        part: "closing",
        matched,
        total: a.len().max(b.len()),
        diffs,
    }
}
