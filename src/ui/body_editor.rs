//! Body editor: the tree of parts. Add, insert, delete, move, indent and outdent;
//! numbering is recomputed from position by the core and shown live.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::agency_picker::{AgencyPicker, IdsGetter, IdsSetter};
use super::body_budget::{BodySlot, Budget};
use super::field::{field_id, variant_named, Field, Getter, Setter};
use super::follow::{Follow, NodeHead};
use super::state::{editor, t, Editor};
use super::timeframe_field::TimeframeField;
use crate::model::numbering::{node_path, visit};
use crate::model::{edit, Document, Node, NodeKind, Task};

/// Derived labels ("I.", "1.", "a)", "-") of every node, by path.
#[derive(Clone, Copy)]
struct Labels(Memo<HashMap<Vec<usize>, String>>);

#[component]
pub fn BodyEditor() -> impl IntoView {
    let ed = editor();
    // Only the body's shape and numbering matter for labels: recompute them when
    // the body changes, not when an appendix cell does.
    // Their texts left out: cloning and comparing 4 MB of text at each
    // keystroke was most of a keystroke's time on the largest plan.
    let body = ed.structural(|d| (skeleton(&d.body), d.settings.numbering.clone()));
    let labels = Memo::new(move |_| {
        body.with(|(b, styles)| {
            let mut m = HashMap::new();
            visit(b, styles, &mut |_, p, l| {
                m.insert(p.to_vec(), l.to_string());
            });
            m
        })
    });
    provide_context(Labels(labels));
    provide_context(Follow::body(ed));
    let budget = Budget::new();
    provide_context(budget);
    let on_screen = BodySlot::fill(budget);
    let add_top = move |kind: NodeKind| {
        ed.edit("!add", move |d| {
            let p = edit::append_child(&mut d.body, &[], edit::blank(kind));
            if let Some(p) = p {
                ed.focus_later(format!("{}-text", field_id(&node_path(&p))));
            }
        })
    };
    view! {
        <section
            class="kh-section"
            aria-labelledby="kh-body-h"
            id="kh-sec-body"
            hidden=move || !on_screen.get()
        >
            <h2 id="kh-body-h">{move || ed.tr("Nội dung", "Content")}</h2>
            <p class="kh-hint">
                {move || {
                    ed.tr(
                        "Số thứ tự (I., 1., a), -) do ứng dụng tự đánh theo vị trí; không gõ số vào nội dung.",
                        "Numbers (I., 1., a), -) follow from position; do not type them into the text.",
                    )
                }}
            </p>
            <OpeningEditor />
            <ol class="kh-tree" role="list">
                <NodeList path=vec![] />
            </ol>
            <div class="kh-row">
                <button type="button" on:click=move |_| add_top(NodeKind::Heading)>
                    {move || ed.tr("+ Thêm phần (I., II., …)", "+ Add part (I., II., …)")}
                </button>
                <button type="button" on:click=move |_| add_top(NodeKind::Paragraph)>
                    {move || ed.tr("+ Thêm đoạn văn cuối", "+ Add closing paragraph")}
                </button>
            </div>
        </section>
    }
}

/// The body's shape: kinds, numbering and children, no text.
fn skeleton(nodes: &[Node]) -> Vec<Node> {
    nodes
        .iter()
        .map(|n| Node {
            kind: n.kind,
            child_numbering: n.child_numbering.clone(),
            children: skeleton(&n.children),
            ..Node::default()
        })
        .collect()
}

#[component]
fn OpeningEditor() -> impl IntoView {
    let ed = editor();
    let len = ed.structural(|d| d.opening.len());
    let add = move |_| ed.edit("!opening-add", |d| d.opening.push(String::new()));
    view! {
        <fieldset class="kh-opening">
            <legend>
                {move || {
                    ed.tr(
                        "Căn cứ / Thực hiện (các đoạn mở đầu)",
                        "Legal bases (opening paragraphs)",
                    )
                }}
            </legend>
            {move || {
                (0..len.get())
                    .map(|i| {
                        let remove = move |_| {
                            ed.edit(
                                "!opening-remove",
                                move |d| {
                                    if i < d.opening.len() {
                                        d.opening.remove(i);
                                    }
                                },
                            )
                        };
                        view! {
                            <div class="kh-node-row">
                                <Field
                                    label=move || {
                                        format!("{} {}", ed.tr("Đoạn", "Paragraph"), i + 1)
                                    }
                                    path=format!("opening[{i}]")
                                    multiline=true
                                    get=Arc::new(move |d| {
                                        d.opening.get(i).cloned().unwrap_or_default()
                                    })
                                    set=Arc::new(move |d, v| {
                                        if let Some(p) = d.opening.get_mut(i) {
                                            *p = v;
                                        }
                                    })
                                />
                                <button type="button" class="kh-small kh-danger" on:click=remove>
                                    {move || ed.tr("Xóa đoạn", "Delete paragraph")}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="kh-small" on:click=add>
                {move || ed.tr("+ Thêm đoạn căn cứ", "+ Add opening paragraph")}
            </button>
        </fieldset>
    }
}

#[component]
fn NodeList(path: Vec<usize>) -> impl IntoView {
    let ed = editor();
    // Only edits of the whole document change how many parts a list has.
    let p = path.clone();
    let len = ed.structural(move |d| edit::children(&d.body, &p).map_or(0, <[Node]>::len));
    let shown = RwSignal::new(0);
    shown.set(expect_context::<Budget>().take(len.get_untracked(), shown, len));
    // Keyed by position: parts added to the list are drawn alone, the ones
    // already drawn stay (they follow their position's content).
    view! {
        <For each=move || 0..len.get().min(shown.get()) key=|i| *i let:i>
            <NodeEditor path={
                let mut p = path.clone();
                p.push(i);
                p
            } />
        </For>
    }
}

fn with_node<T: Default>(d: &Document, path: &[usize], f: impl FnOnce(&Node) -> T) -> T {
    edit::node(&d.body, path).map(f).unwrap_or_default()
}

fn task_mut<'a>(d: &'a mut Document, path: &[usize]) -> Option<&'a mut Task> {
    let n = edit::node_mut(&mut d.body, path)?;
    Some(n.task.get_or_insert_with(Task::default))
}

/// One part of the body: its number and type, its tools, its text, the
/// task's or duty's fields, and its children.
#[component]
fn NodeEditor(path: Vec<usize>) -> impl IntoView {
    let ed = editor();
    let Labels(labels) = expect_context::<Labels>();
    let np = node_path(&path);
    // What this part's fields show; they follow it (follow.rs).
    let p = path.clone();
    let head = Memo::new(move |_| {
        ed.track_node(&p);
        ed.doc.with_untracked(|d| with_node(d, &p, NodeHead::of))
    });
    provide_context(Follow::here().part(head, path.clone()));
    let kind = Memo::new(move |_| head.with(|h| h.kind));
    let p = path.clone();
    let label = Memo::new(move |_| labels.with(|m| m.get(&p).cloned().unwrap_or_default()));
    let has_children = Memo::new(move |_| head.with(|h| h.children > 0));
    let task_view = {
        let path = path.clone();
        let np = np.clone();
        move || (kind.get() == NodeKind::Task).then(|| task_fields(path.clone(), np.clone()))
    };
    let duty_view = {
        let path = path.clone();
        let np = np.clone();
        move || (kind.get() == NodeKind::Duty).then(|| duty_agencies(path.clone(), np.clone()))
    };
    let children_path = path.clone();
    let node_id = field_id(&np);
    view! {
        <li
            class=move || format!("kh-node kh-node-{:?}", kind.get()).to_ascii_lowercase()
            id=node_id
            tabindex="-1"
            aria-label=move || node_label(ed, label, kind)
        >
            <div class="kh-node-head">
                <span class="kh-node-label" aria-hidden="true">
                    {move || label.get()}
                </span>
                <KindSelect path=path.clone() np=np.clone() kind />
                <NodeTools path=path.clone() label kind />
            </div>
            <NodeText path np kind />
            {task_view}
            {duty_view}
            <Show when=move || has_children.get()>
                <ol class="kh-tree" role="list">
                    <NodeList path=children_path.clone() />
                </ol>
            </Show>
        </li>
    }
}

/// A part's name for assistive technology: its number and type («1. Mục»).
fn node_label(ed: Editor, label: Memo<String>, kind: Memo<NodeKind>) -> String {
    let l = label.get();
    let k = kind.get().label(ed.lang.get());
    if l.is_empty() {
        k.to_string()
    } else {
        format!("{l} {k}")
    }
}

/// The part's type (heading, item, task, duty…), chosen from a list.
#[component]
fn KindSelect(path: Vec<usize>, np: String, kind: Memo<NodeKind>) -> impl IntoView {
    let ed = editor();
    let on_kind = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some(k) = variant_named(NodeKind::ALL, &v) {
            let path = path.clone();
            ed.edit("!node-kind", move |d| {
                if let Some(n) = edit::node_mut(&mut d.body, &path) {
                    edit::set_kind(n, k);
                }
            });
        }
    };
    let kind_select_id = format!("{}-kind", field_id(&np));
    view! {
        <label class="kh-visually-hidden" for=kind_select_id.clone()>
            {move || ed.tr("Loại mục", "Item type")}
        </label>
        <select
            id=kind_select_id
            class="kh-kind"
            on:change=on_kind
            prop:value=move || format!("{:?}", kind.get())
        >
            {NodeKind::ALL
                .map(|k| {
                    view! {
                        <option value=format!("{k:?}")>{move || k.label(ed.lang.get())}</option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// A structural edit of the body at a path, giving the path of the part
/// that moved or was made.
type BodyOp = fn(&mut Vec<Node>, &[usize]) -> Option<Vec<usize>>;

/// Runs a structural edit on the part at `path` and keeps the focus on the
/// part that moved or was made.
fn node_op(ed: Editor, path: Vec<usize>) -> impl Fn(&'static str, BodyOp) + Clone + 'static {
    move |name: &'static str, f: BodyOp| {
        let path = path.clone();
        ed.edit(&format!("!{name}"), move |d| {
            if let Some(newp) = f(&mut d.body, &path) {
                ed.focus_later(format!("{}-text", field_id(&node_path(&newp))));
            }
        });
    }
}

/// The part's toolbar: add after or inside, move, indent, outdent, delete.
#[component]
fn NodeTools(path: Vec<usize>, label: Memo<String>, kind: Memo<NodeKind>) -> impl IntoView {
    let ed = editor();
    let op = node_op(ed, path.clone());
    let delete = move |_| {
        let path = path.clone();
        ed.edit("!delete-node", move |d| {
            edit::remove(&mut d.body, &path);
        });
        ed.say(
            false,
            "Đã xóa mục. Nhấn Ctrl+Z để hoàn tác.",
            "Item deleted. Press Ctrl+Z to undo.",
        );
    };
    let (o1, o2) = (op.clone(), op.clone());
    view! {
        <div
            class="kh-node-tools"
            role="toolbar"
            aria-label=move || {
                format!("{} {}", ed.tr("Thao tác cho", "Actions for"), node_label(ed, label, kind))
            }
        >
            <button
                type="button"
                class="kh-small"
                on:click=move |_| o1(
                    "insert-after",
                    |b, p| edit::insert_after(
                        b,
                        p,
                        edit::blank(edit::node(b, p).map(|n| n.kind).unwrap_or_default()),
                    ),
                )
            >
                {move || ed.tr("+ Mục sau", "+ After")}
            </button>
            <button
                type="button"
                class="kh-small"
                on:click=move |_| o2(
                    "append-child",
                    |b, p| edit::append_child(b, p, edit::blank(NodeKind::Item)),
                )
            >
                {move || ed.tr("+ Mục con", "+ Child")}
            </button>
            {move_buttons(ed, op)}
            <button type="button" class="kh-small kh-danger" on:click=delete>
                {move || ed.tr("Xóa", "Delete")}
            </button>
        </div>
    }
}

/// ↑ ↓ → ←: move the part up or down, indent or outdent it (symbol, label in
/// Vietnamese and English, undo key, edit).
const MOVES: [(&str, &str, &str, &str, BodyOp); 4] = [
    ("↑", "Chuyển lên", "Move up", "move-up", edit::move_up),
    (
        "↓",
        "Chuyển xuống",
        "Move down",
        "move-down",
        edit::move_down,
    ),
    (
        "→",
        "Thụt vào (thành mục con của mục trên)",
        "Indent",
        "indent",
        edit::indent,
    ),
    (
        "←",
        "Lùi ra (lên một cấp)",
        "Outdent",
        "outdent",
        edit::outdent,
    ),
];

/// The buttons of [`MOVES`].
fn move_buttons(ed: Editor, op: impl Fn(&'static str, BodyOp) + Clone + 'static) -> impl IntoView {
    MOVES
        .map(|(symbol, vi, en, key, f)| {
            let op = op.clone();
            view! {
                <button
                    type="button"
                    class="kh-small"
                    aria-label=move || ed.tr(vi, en)
                    on:click=move |_| op(key, f)
                >
                    {symbol}
                </button>
            }
        })
        .collect_view()
}

/// The part's text; its label says what the text is for the part's type.
#[component]
fn NodeText(path: Vec<usize>, np: String, kind: Memo<NodeKind>) -> impl IntoView {
    let ed = editor();
    let (p_get, p_set) = (path.clone(), path);
    view! {
        <Field
            label=move || match kind.get() {
                NodeKind::Task => ed.tr("Nội dung nhiệm vụ", "Task"),
                NodeKind::Duty => {
                    ed.tr("Cơ quan (như in trong văn bản)", "Agency label (as printed)")
                }
                _ => ed.tr("Nội dung", "Text"),
            }
            path=format!("{np}.text")
            multiline=true
            also=vec![np.clone()]
            get=Arc::new(move |d| with_node(d, &p_get, |n| n.text.clone()))
            set=Arc::new(move |d, v| {
                if let Some(n) = edit::node_mut(&mut d.body, &p_set) {
                    n.text = v;
                }
            })
        />
    }
}

/// A duty block's agencies (the ones the block addresses).
fn duty_agencies(path: Vec<usize>, np: String) -> impl IntoView {
    let (pg, ps) = (path.clone(), path);
    view! {
        <AgencyPicker
            label=t("Cơ quan được giao", "Agencies addressed")
            path=format!("{np}.agencies")
            get=Arc::new(move |d| with_node(d, &pg, |n| n.agencies.clone()))
            set=Arc::new(move |d, v| {
                if let Some(n) = edit::node_mut(&mut d.body, &ps) {
                    n.agencies = v;
                }
            })
        />
    }
}

/// A task's fields: lead, implementing and partner agencies, form,
/// timeframe, output.
fn task_fields(path: Vec<usize>, np: String) -> impl IntoView {
    let tp = format!("{np}.task");
    view! {
        <div class="kh-task">
            <AgencyPicker
                label=t("Cơ quan chủ trì (một cơ quan)", "Lead agency (exactly one)")
                single=true
                path=format!("{tp}.lead")
                get=task_ids(|t| &t.lead, path.clone())
                set=set_task_ids(|t| &mut t.lead, path.clone())
            />
            <AgencyPicker
                label=t("Cơ quan thực hiện", "Implementing agencies")
                path=format!("{tp}.implementers")
                get=task_ids(|t| &t.implementers, path.clone())
                set=set_task_ids(|t| &mut t.implementers, path.clone())
            />
            <AgencyPicker
                label=t("Cơ quan phối hợp", "Partner agencies")
                path=format!("{tp}.partners")
                get=task_ids(|t| &t.partners, path.clone())
                set=set_task_ids(|t| &mut t.partners, path.clone())
            />
            <Field
                label=t("Hình thức", "Form")
                path=format!("{tp}.form")
                get=task_text(|t| &t.form, path.clone())
                set=set_task_text(|t| &mut t.form, path.clone())
            />
            {task_timeframe(path.clone(), &tp)}
            <Field
                label=t("Sản phẩm", "Output")
                path=format!("{tp}.output")
                get=task_text(|t| &t.output, path.clone())
                set=set_task_text(|t| &mut t.output, path)
            />
        </div>
    }
}

/// A task's timeframe, as read and as written.
fn task_timeframe(path: Vec<usize>, tp: &str) -> impl IntoView {
    let (pt1, pt2) = (path.clone(), path);
    view! {
        <TimeframeField
            label=t("Thời gian thực hiện", "Timeframe")
            path=format!("{tp}.timeframe")
            get=Arc::new(move |d| with_node(
                d,
                &pt1,
                |n| n.task.as_ref().and_then(|t| t.timeframe.clone()),
            ))
            set=Arc::new(move |d, v, typed| {
                if let Some(t) = task_mut(d, &pt2) {
                    t.timeframe_text = crate::model::edit::written_timeframe(v.as_ref(), &typed);
                    t.timeframe = v;
                }
            })
        />
    }
}

/// Reads one agency list (`f`) of the task at `path`.
fn task_ids(f: fn(&Task) -> &Vec<String>, path: Vec<usize>) -> IdsGetter {
    Arc::new(move |d| {
        with_node(d, &path, |n| {
            n.task.as_ref().map(|t| f(t).clone()).unwrap_or_default()
        })
    })
}

/// Sets one agency list (`f`) of the task at `path`.
fn set_task_ids(f: fn(&mut Task) -> &mut Vec<String>, path: Vec<usize>) -> IdsSetter {
    Arc::new(move |d, v| {
        if let Some(t) = task_mut(d, &path) {
            *f(t) = v
        }
    })
}

/// Reads one optional text (`f`) of the task at `path`; none reads as empty.
fn task_text(f: fn(&Task) -> &Option<String>, path: Vec<usize>) -> Getter {
    Arc::new(move |d| {
        with_node(d, &path, |n| {
            n.task
                .as_ref()
                .and_then(|t| f(t).clone())
                .unwrap_or_default()
        })
    })
}

/// Sets one optional text (`f`) of the task at `path`; empty sets none.
fn set_task_text(f: fn(&mut Task) -> &mut Option<String>, path: Vec<usize>) -> Setter {
    Arc::new(move |d, v| {
        if let Some(t) = task_mut(d, &path) {
            *f(t) = (!v.is_empty()).then_some(v)
        }
    })
}
