//! `w:body` walked in reading order into blocks: paragraphs with their text,
//! label and formatting, tables with their rows and cells.

use super::numbering::Numbering;
use super::styles::{ParaProps, RunProps, Styles};
use super::text::{legacy_font, Look, ParaText};
use super::xml::{child, child_num, on_off, val, w_name};
use crate::import::source::{Block, Cell, Para, ReadNote, Row, Table};
use roxmltree::Node;

/// Walks the body; keeps what crosses paragraphs (fields, counters, notes).
pub struct Reader<'s> {
    styles: &'s Styles,
    numbering: Numbering,
    /// `w:p` seen so far (the next paragraph's source number − 1).
    paras: usize,
    /// Open complex fields: `true` while in the field code (before `separate`).
    fields: Vec<bool>,
    inserted: usize,
    deleted: usize,
    comments: usize,
    footnotes: usize,
    legacy_runs: usize,
    legacy_fonts: Vec<String>,
    objects: Vec<usize>,
    /// A paragraph whose mark was deleted, waiting to run on into the next.
    carry: Option<Para>,
    /// Nesting of containers being read (see [`MAX_DEPTH`]).
    depth: usize,
}

/// Containers nested deeper than this are skipped: Word never nests so deep,
/// and a crafted file must not exhaust the stack (wasm's is 1 MB).
const MAX_DEPTH: usize = 64;

/// What a paragraph's runs inherit.
struct Ctx<'p> {
    props: &'p ParaProps,
    source: usize,
}

impl<'s> Reader<'s> {
    pub fn new(styles: &'s Styles, numbering: Numbering) -> Self {
        Reader {
            styles,
            numbering,
            paras: 0,
            fields: Vec::new(),
            inserted: 0,
            deleted: 0,
            comments: 0,
            footnotes: 0,
            legacy_runs: 0,
            legacy_fonts: Vec::new(),
            objects: Vec::new(),
            carry: None,
            depth: 0,
        }
    }

    /// Enter a container unless nested too deep; the caller leaves it with
    /// `self.depth -= 1`.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            return false;
        }
        self.depth += 1;
        true
    }

    /// The blocks of `w:body` (or of any block container).
    pub fn blocks(&mut self, parent: Node, out: &mut Vec<Block>) {
        if !self.enter() {
            return;
        }
        for n in parent.children() {
            match w_name(n) {
                Some("p") => out.extend(self.paragraph(n).map(Block::Para)),
                Some("tbl") => {
                    self.flush(out);
                    out.push(Block::Table(self.table(n)));
                }
                Some("del" | "moveFrom") => self.deleted += 1,
                Some("ins" | "moveTo") => {
                    self.inserted += 1;
                    self.blocks(n, out);
                }
                Some("sdt") => {
                    if let Some(c) = child(n, "sdtContent") {
                        self.blocks(c, out);
                    }
                }
                Some("customXml" | "smartTag") => self.blocks(n, out),
                _ if is_alternate(n) => self.blocks(chosen(n), out),
                _ => {}
            }
        }
        self.depth -= 1;
    }

    /// The notes gathered while reading.
    pub fn notes(self) -> Vec<ReadNote> {
        let mut notes = Vec::new();
        if self.inserted + self.deleted > 0 {
            notes.push(ReadNote::TrackedChanges {
                inserted: self.inserted,
                deleted: self.deleted,
            });
        }
        if self.comments > 0 {
            notes.push(ReadNote::Comments(self.comments));
        }
        if self.footnotes > 0 {
            notes.push(ReadNote::Footnotes(self.footnotes));
        }
        if self.legacy_runs > 0 {
            notes.push(ReadNote::LegacyFonts {
                runs: self.legacy_runs,
                fonts: self.legacy_fonts,
            });
        }
        if !self.objects.is_empty() {
            notes.push(ReadNote::ObjectsDropped {
                paras: self.objects,
            });
        }
        notes
    }

    fn paragraph(&mut self, p: Node) -> Option<Para> {
        self.paras += 1;
        let source = self.paras;
        let ppr = child(p, "pPr");
        let direct = ParaProps::read(ppr);
        let style_id = ppr.and_then(|x| child(x, "pStyle")).and_then(val);
        let styled = self.styles.para(style_id);
        let props = direct.over(styled);
        let mut text = ParaText::default();
        let ctx = Ctx {
            props: &props,
            source,
        };
        self.inline(p, &ctx, &mut text);
        // A field's code never spans paragraphs (its result may): a field left
        // open in its code, its `separate` lost in a deletion, must not hide
        // the rest of the document.
        for code in &mut self.fields {
            *code = false;
        }
        let mark = ppr.and_then(|x| child(x, "rPr"));
        if mark.is_some_and(|m| child(m, "ins").is_some()) {
            self.inserted += 1;
        }
        let mark_deleted = mark.is_some_and(|m| child(m, "del").is_some());
        // A deleted mark has no number of its own.
        let label = if mark_deleted {
            None
        } else {
            let l = self.label(&direct, &props, style_id);
            l.map(|l| crate::text::to_nfc(&l))
        };
        let (text, bold, italic) = text.finish();
        let para = Para {
            source,
            label,
            text,
            bold,
            italic,
            centered: props.centered.unwrap_or(false),
            outline: props.outline.filter(|&o| o < 9),
        };
        let para = match self.carry.take() {
            Some(before) => joined(before, para),
            None => para,
        };
        if mark_deleted {
            // The paragraph mark deleted with tracked changes: what is left of
            // the paragraph runs on into the next one, as Word shows it.
            self.deleted += 1;
            if !para.text.is_empty() {
                self.carry = Some(para);
            }
            return None;
        }
        Some(para)
    }

    /// A paragraph whose mark was deleted, not followed by another in its
    /// container (a table or the container's end comes next): kept alone.
    pub fn flush(&mut self, out: &mut Vec<Block>) {
        out.extend(self.carry.take().map(Block::Para));
    }

    fn label(
        &mut self,
        direct: &ParaProps,
        props: &ParaProps,
        style: Option<&str>,
    ) -> Option<String> {
        let num_id = props.num_id.filter(|&n| n != 0)?;
        let from_style = direct.num_id.is_none();
        let ilvl = direct.ilvl.or_else(|| {
            let linked = style.filter(|_| from_style);
            linked
                .and_then(|s| self.numbering.level_of_style(num_id, s))
                .or(props.ilvl)
        });
        self.numbering.label(num_id, ilvl.unwrap_or(0))
    }

    /// Paragraph content: runs and the elements that wrap them.
    fn inline(&mut self, parent: Node, ctx: &Ctx, text: &mut ParaText) {
        if !self.enter() {
            return;
        }
        for n in parent.children() {
            match w_name(n) {
                Some("r") => self.run(n, ctx, text),
                Some("del" | "moveFrom") => self.deleted += 1,
                Some("ins" | "moveTo") => {
                    self.inserted += 1;
                    self.inline(n, ctx, text);
                }
                Some("hyperlink" | "smartTag" | "customXml" | "fldSimple" | "bdo" | "dir") => {
                    self.inline(n, ctx, text)
                }
                Some("sdt") => {
                    if let Some(c) = child(n, "sdtContent") {
                        self.inline(c, ctx, text);
                    }
                }
                Some("object" | "pict" | "drawing") => self.object(ctx.source),
                _ if is_alternate(n) => self.object(ctx.source),
                _ if is_math(n) => self.object(ctx.source),
                _ => {}
            }
        }
        self.depth -= 1;
    }

    fn object(&mut self, source: usize) {
        if self.objects.last() != Some(&source) {
            self.objects.push(source);
        }
    }

    fn run(&mut self, r: Node, ctx: &Ctx, text: &mut ParaText) {
        let rpr = child(r, "rPr");
        let direct = RunProps::read(rpr);
        let char_style = rpr
            .and_then(|x| child(x, "rStyle"))
            .and_then(val)
            .and_then(|id| self.styles.chars(id));
        let levels = [Some(&direct), char_style, Some(&ctx.props.run)];
        let pick = |f: fn(&RunProps) -> Option<bool>| levels.iter().flatten().find_map(|l| f(l));
        let font = |f: fn(&RunProps) -> &Option<String>| {
            levels.iter().flatten().find_map(|l| f(l).as_deref())
        };
        let hansi = font(|l| &l.hansi);
        let ascii = font(|l| &l.ascii);
        let legacy = hansi.and_then(legacy_font).map(|l| (l, hansi));
        let legacy = legacy.or_else(|| ascii.and_then(legacy_font).map(|l| (l, ascii)));
        let look = Look {
            bold: pick(|l| l.bold).unwrap_or(false),
            italic: pick(|l| l.italic).unwrap_or(false),
            legacy: legacy.map(|(l, _)| l),
        };
        // Read even when hidden: a hidden run may open or close a field.
        let s = self.run_text(r, ctx);
        if pick(|l| l.hidden) == Some(true) {
            return;
        }
        if let (Some((_, Some(name))), false) = (legacy, s.is_empty()) {
            self.legacy_runs += 1;
            if !self.legacy_fonts.iter().any(|f| f == name) {
                self.legacy_fonts.push(name.to_string());
            }
        }
        text.push(&s, look);
    }

    /// The visible text of a run; field codes, deleted text, notes,
    /// comments and objects left out (counted).
    fn run_text(&mut self, r: Node, ctx: &Ctx) -> String {
        let mut s = String::new();
        for n in r.children() {
            let Some(name) = w_name(n) else {
                if is_alternate(n) {
                    self.object(ctx.source);
                }
                continue;
            };
            let in_code = self.fields.iter().any(|&code| code);
            match name {
                "fldChar" => self.field_char(n),
                "t" if !in_code => s.push_str(n.text().unwrap_or("")),
                "tab" | "ptab" if !in_code => s.push('\t'),
                // A page or column break does not end a line of the text.
                "br" if !in_code
                    && !matches!(super::xml::attr(n, "type"), Some("page" | "column")) =>
                {
                    s.push('\n')
                }
                "cr" if !in_code => s.push('\n'),
                "noBreakHyphen" if !in_code => s.push('-'),
                "footnoteReference" | "endnoteReference" => self.footnotes += 1,
                "commentReference" => self.comments += 1,
                "drawing" | "pict" | "object" => self.object(ctx.source),
                _ => {}
            }
        }
        s
    }

    fn field_char(&mut self, n: Node) {
        match super::xml::attr(n, "fldCharType") {
            Some("begin") => self.fields.push(true),
            Some("separate") => {
                if let Some(top) = self.fields.last_mut() {
                    *top = false;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    fn table(&mut self, tbl: Node) -> Table {
        let mut rows = Vec::new();
        self.rows(tbl, &mut rows);
        Table { rows }
    }

    /// Rows of a table, those wrapped in content controls or custom XML too.
    fn rows(&mut self, parent: Node, out: &mut Vec<Row>) {
        if !self.enter() {
            return;
        }
        for n in parent.children() {
            match w_name(n) {
                Some("tr") => out.extend(self.row(n)),
                Some("sdt") => {
                    if let Some(c) = child(n, "sdtContent") {
                        self.rows(c, out);
                    }
                }
                Some("customXml") => self.rows(n, out),
                _ => {}
            }
        }
        self.depth -= 1;
    }

    fn row(&mut self, tr: Node) -> Option<Row> {
        let trpr = child(tr, "trPr");
        let mut cells = Vec::new();
        self.cells(tr, &mut cells);
        // Read the cells first: their paragraphs keep their source numbers
        // even in a row deleted with tracked changes.
        if trpr.is_some_and(|t| child(t, "ins").is_some()) {
            self.inserted += 1;
        }
        if trpr.is_some_and(|t| child(t, "del").is_some()) {
            self.deleted += 1;
            return None;
        }
        Some(Row {
            cells,
            repeats_as_header: trpr.and_then(|t| child(t, "tblHeader")).is_some_and(on_off),
        })
    }

    fn cells(&mut self, parent: Node, out: &mut Vec<Cell>) {
        if !self.enter() {
            return;
        }
        for n in parent.children() {
            match w_name(n) {
                Some("tc") => out.push(self.cell(n)),
                Some("sdt") => {
                    if let Some(c) = child(n, "sdtContent") {
                        self.cells(c, out);
                    }
                }
                Some("customXml") => self.cells(n, out),
                _ => {}
            }
        }
        self.depth -= 1;
    }

    fn cell(&mut self, tc: Node) -> Cell {
        let tcpr = child(tc, "tcPr");
        let mut blocks = Vec::new();
        self.blocks(tc, &mut blocks);
        self.flush(&mut blocks);
        let mut paras = Vec::new();
        flatten(blocks, &mut paras);
        let vmerge = tcpr.and_then(|t| child(t, "vMerge"));
        Cell {
            paras,
            span: tcpr
                .and_then(|t| child_num::<usize>(t, "gridSpan"))
                .unwrap_or(1)
                .max(1),
            merged_up: vmerge.is_some_and(|v| val(v) != Some("restart")),
        }
    }
}

/// `before`, whose paragraph mark was deleted, run on into `after`: the text
/// joined, the properties of `after` (the mark that remains), the number of
/// `before` (where the text starts).
fn joined(before: Para, after: Para) -> Para {
    // Bold and italic as `ParaText::finish` counts them: blank text does not
    // vote, a paragraph with no text at all is neither.
    let (blank_a, blank_b) = (before.text.trim().is_empty(), after.text.trim().is_empty());
    let all = |a: bool, b: bool| !(blank_a && blank_b) && (a || blank_a) && (b || blank_b);
    Para {
        source: before.source,
        bold: all(before.bold, after.bold),
        italic: all(before.italic, after.italic),
        text: before.text + &after.text,
        ..after
    }
}

/// Nested tables' paragraphs, in reading order, into the cell.
fn flatten(blocks: Vec<Block>, out: &mut Vec<Para>) {
    for b in blocks {
        match b {
            Block::Para(p) => out.push(p),
            Block::Table(t) => {
                for c in t.rows.into_iter().flat_map(|r| r.cells) {
                    out.extend(c.paras);
                }
            }
        }
    }
}

const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const MATH_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";

/// `mc:AlternateContent`: the same content written twice for old and new Word.
fn is_alternate(n: Node) -> bool {
    n.tag_name().namespace() == Some(MC_NS) && n.tag_name().name() == "AlternateContent"
}

fn is_math(n: Node) -> bool {
    n.tag_name().namespace() == Some(MATH_NS)
}

/// The branch of an `mc:AlternateContent` to read: the first `mc:Choice`.
fn chosen<'a, 'i>(n: Node<'a, 'i>) -> Node<'a, 'i> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == "Choice")
        .unwrap_or(n)
}
