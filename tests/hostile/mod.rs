//! The nastiest text a user can type (markup, controls, non-characters, line
//! and paragraph separators) in every field of a document: shared by the
//! export tests (export_hostile.rs) and the export dump (export_dump.rs).
#![allow(dead_code)]

use kehoach::model::*;

pub const NASTY: &str =
    "a & b < c > d \" e ' f \u{1} g \u{FEFF} h 😀 i \u{200F} j\u{0}\u{1F}\u{7F}\u{FFFF}\r\nline two\rthree\u{2028}\tafter tab ]]> <!-- --> &amp;";

/// `doc` with `NASTY` in every text field it has (and in one more duty block,
/// agency lists and cells), for exports that must stay valid whatever is typed.
pub fn hostile(mut doc: Document) -> Document {
    let s = || NASTY.to_string();
    let h = &mut doc.header;
    h.parent_body = Some(s());
    h.issuing_body = s();
    h.body_code = s();
    h.number = Some(s());
    h.symbol = s();
    h.place = s();
    h.title = Some(s());
    h.subject = s();
    doc.opening = vec![s(), s()];
    fn all(nodes: &mut [Node]) {
        for n in nodes {
            n.text = NASTY.into();
            if let Some(t) = &mut n.task {
                t.form = Some(NASTY.into());
                t.output = Some(NASTY.into());
                t.timeframe = Some(Timeframe::Text(NASTY.into()));
                t.lead.push(NASTY.into());
            }
            n.agencies.push(NASTY.into());
            all(&mut n.children);
        }
    }
    doc.body.push(Node {
        kind: NodeKind::Duty,
        ..Node::default()
    });
    all(&mut doc.body);
    for a in &mut doc.agencies {
        a.name = s();
    }
    for app in &mut doc.appendices {
        app.number = s();
        app.title = s();
        app.attached_note = Some(s());
        for c in &mut app.columns {
            c.title = s();
        }
        for g in &mut app.groups {
            g.heading = s();
            for r in &mut g.rows {
                for c in &mut r.cells {
                    c.text = s();
                    c.agencies.push(s());
                }
            }
        }
    }
    doc.appendices.push(Appendix {
        number: s(),
        title: s(),
        ..Appendix::default()
    });
    doc.recipients = Recipients {
        items: vec![s(), s()],
        archive: Some(s()),
    };
    doc.signature = Signature {
        lines: vec![
            SignLine {
                prefix: Some(SignPrefix::Kt),
                text: s(),
            },
            SignLine {
                prefix: None,
                text: s(),
            },
        ],
        name: s(),
    };
    doc
}
