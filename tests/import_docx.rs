//! The .docx reader on files it did not write itself: the app's own export
//! read back (every fixture), and a plan written by python-docx with Word's
//! automatic numbering, a legacy font, tracked changes, a comment and an
//! appendix table whose header row repeats.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::export::docx::to_docx;
use kehoach::export::layout::{layout, Block as LBlock};
use kehoach::export::text::to_text;
use kehoach::import::docx::read_docx;
use kehoach::import::source::{Block, Para, ReadNote, Source, Table};
use kehoach::model::json::from_json;
use std::path::{Path, PathBuf};
use std::process::Command;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shown(p: &Para) -> String {
    match &p.label {
        Some(l) => norm(&format!("{l} {}", p.text)),
        None => norm(&p.text),
    }
}

/// What a text line may be of a paragraph: all of it (line breaks read as
/// spaces) or one of its lines.
fn readings(p: &Para) -> Vec<String> {
    let mut out = vec![shown(p)];
    if p.text.contains('\n') {
        let lines = p.text.split('\n').map(norm);
        out.extend(lines.enumerate().map(|(i, l)| match (&p.label, i) {
            (Some(label), 0) => norm(&format!("{label} {l}")),
            _ => l,
        }));
    }
    out
}

/// Every paragraph read, cells' included, in reading order.
fn all_paras(src: &Source) -> Vec<&Para> {
    let mut out = Vec::new();
    for b in &src.blocks {
        match b {
            Block::Para(p) => out.push(p),
            Block::Table(t) => {
                out.extend(t.rows.iter().flat_map(|r| &r.cells).flat_map(|c| &c.paras))
            }
        }
    }
    out
}

fn tables(src: &Source) -> Vec<&Table> {
    src.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Para(_) => None,
        })
        .collect()
}

/// Checks that the text export's lines appear in the paragraphs read, in
/// order. Lines with TABs are rows of side-by-side columns or of a table:
/// a run of them is checked column by column (the .docx reads a column's
/// cell before the next column's), each column in order.
fn assert_in_order(name: &str, text: &str, read: &[Vec<String>]) {
    let find = |from: usize, want: &str| {
        (from..read.len())
            .find(|&i| read[i].iter().any(|r| r == want))
            .unwrap_or_else(|| {
                panic!(
                    "{name}: {want:?} not found from paragraph {from}: {:?}",
                    &read[from.min(read.len())..]
                )
            })
    };
    let mut cursor = 0;
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].contains('\t') {
            let want = norm(lines[i]);
            if !want.is_empty() {
                cursor = find(cursor, &want);
            }
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| !lines[j].contains('\t'))
            .unwrap_or(lines.len());
        let rows: Vec<Vec<String>> = lines[i..end]
            .iter()
            .map(|l| l.split('\t').map(norm).collect())
            .collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut after = cursor;
        for c in 0..columns {
            let mut at = cursor;
            for want in rows
                .iter()
                .filter_map(|r| r.get(c))
                .filter(|w| !w.is_empty())
            {
                at = find(at, want);
                after = after.max(at);
            }
        }
        cursor = after;
        i = end;
    }
}

#[test]
fn the_apps_own_export_reads_back_whole() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "fixtures missing");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let doc = from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let src = read_docx(&to_docx(&doc)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let read: Vec<Vec<String>> = all_paras(&src).iter().map(|p| readings(p)).collect();
        assert_in_order(&name, &to_text(&doc), &read);
        // Each appendix table comes back as a table whose header row repeats.
        let expected: Vec<_> = layout(&doc)
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                LBlock::Appendix(a) => a.table,
                _ => None,
            })
            .collect();
        let got: Vec<&Table> = tables(&src)
            .into_iter()
            .filter(|t| t.rows.first().is_some_and(|r| r.repeats_as_header))
            .collect();
        assert_eq!(got.len(), expected.len(), "{name}: appendix tables");
        for (t, want) in got.iter().zip(&expected) {
            let header: Vec<String> = t.rows[0].cells.iter().map(|c| norm(&c.text())).collect();
            let want_header: Vec<String> = want.header.iter().map(|h| norm(h)).collect();
            assert_eq!(header, want_header, "{name}");
            assert_eq!(t.rows.len(), want.rows.len() + 1, "{name}");
            assert!(t.rows[1..].iter().all(|r| !r.repeats_as_header), "{name}");
        }
        // The app writes neither tracked changes nor legacy fonts.
        assert!(
            src.notes
                .iter()
                .all(|n| matches!(n, ReadNote::ObjectsDropped { .. })),
            "{name}: {:?}",
            src.notes
        );
    }
}

/// Runs tests/docx_foreign/make.py into a fresh temporary folder.
fn foreign_docx() -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::temp_dir().join(format!("kehoach-docx-foreign-{}", std::process::id()));
    let run = Command::new("python3")
        .arg(root.join("tests/docx_foreign/make.py"))
        .arg(&out)
        .output()
        .expect("python3 must be installed: run `bash scripts/setup.sh --test`");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        !stderr.contains("No module named 'docx'"),
        "python-docx is missing: run `bash scripts/setup.sh --test`"
    );
    assert!(run.status.success(), "make.py failed: {stderr}");
    let bytes = std::fs::read(out.join("foreign.docx")).unwrap();
    std::fs::remove_dir_all(&out).unwrap();
    bytes
}

#[test]
fn a_plan_written_by_python_docx_reads_with_its_structure() {
    let src = read_docx(&foreign_docx()).unwrap();
    // The header: a borderless two-column table, one cell per column.
    let Block::Table(header) = &src.blocks[0] else {
        panic!("the header table first: {:?}", src.blocks[0]);
    };
    let cells: Vec<String> = header.rows[0].cells.iter().map(|c| c.text()).collect();
    assert_eq!(
        cells,
        [
            "ỦY BAN NHÂN DÂN\nPHƯỜNG HỒNG AN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        ]
    );
    assert!(header.rows[0].cells[1]
        .paras
        .iter()
        .all(|p| p.bold && p.centered));
    assert!(header.rows[1].cells[1].paras[0].italic);

    let paras: Vec<&Para> = src
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect();
    let shown: Vec<String> = paras.iter().map(|p| shown(p)).collect();
    let at = |text: &str| {
        shown
            .iter()
            .position(|s| s == text)
            .unwrap_or_else(|| panic!("{text:?} not read: {shown:#?}"))
    };
    // Title, legacy fonts converted (.VnTimeH shows capitals).
    let title = paras[at("KẾ HOẠCH")];
    assert!(title.bold && title.centered && title.source == 7);
    at("Kế hoạch của Uỷ ban nhân dân");
    assert_eq!(at("KẾ HOẠCH"), 0);
    assert_eq!(paras[2].text, "KẾ HOẠCH");
    // Word's automatic numbering: levels restart under a new heading.
    let numbered: Vec<(usize, &str)> = [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao nhận thức",
        "2. Yêu cầu",
        "II. NỘI DUNG",
        "1. Tuyên truyền",
        "1. Tổ chức thực hiện",
    ]
    .iter()
    .map(|t| (at(t), *t))
    .collect();
    assert!(
        numbered.windows(2).all(|w| w[0].0 + 1 == w[1].0),
        "{numbered:?}"
    );
    assert!(paras[numbered[0].0].bold);
    // Tracked changes applied, the comment left out.
    at("Thời gian thực hiện: quý I năm 2027.");
    at("Kinh phí thực hiện từ ngân sách phường.");
    assert!(src.notes.contains(&ReadNote::TrackedChanges {
        inserted: 1,
        deleted: 1
    }));
    assert!(src.notes.contains(&ReadNote::Comments(1)));
    assert!(src.notes.contains(&ReadNote::LegacyFonts {
        runs: 2,
        fonts: vec![".VnTime".into(), ".VnTimeH".into()]
    }));

    check_foreign_appendix(tables(&src)[1]);
}

/// The appendix: 60 rows over two pages, the header row repeating, a group
/// row spanning three columns, a vertical merge.
fn check_foreign_appendix(t: &Table) {
    assert_eq!(t.rows.len(), 62);
    let flags: Vec<bool> = t.rows.iter().map(|r| r.repeats_as_header).collect();
    assert!(flags[0] && flags[1..].iter().all(|f| !f));
    let group = &t.rows[1].cells;
    assert_eq!(group.len(), 2);
    assert_eq!((group[0].text(), group[1].span), ("I".to_string(), 3));
    assert_eq!(group[1].text(), "Nhóm việc thường xuyên");
    assert!(group[1].paras[0].bold);
    let unit: Vec<(String, bool)> = t.rows[2..5]
        .iter()
        .map(|r| (r.cells[2].text(), r.cells[2].merged_up))
        .collect();
    assert_eq!(
        unit,
        [
            ("Công an phường".into(), false),
            (String::new(), true),
            ("Văn phòng".into(), false)
        ]
    );
    let last: Vec<String> = t.rows[61].cells.iter().map(|c| c.text()).collect();
    assert_eq!(last, ["60", "Việc số 60", "Văn phòng", "Tháng 1"]);
}

/// Not a test: the time to read a large plan, natively. Run with
/// `cargo test --release --test import_docx -- --ignored --nocapture`.
#[test]
#[ignore = "timing, run in release with --ignored --nocapture"]
fn time_reading_a_large_plan() {
    use kehoach::model::{sample::generated_plan, Node, NodeKind};
    let mut doc = generated_plan(1000);
    // About 50 pages of body text besides the 1,000-row appendix.
    let sentence = "Ủy ban nhân dân phường chỉ đạo các cơ quan, đơn vị tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao, bảo đảm đúng tiến độ, chất lượng; ";
    let paras = (0..600)
        .map(|i| Node {
            kind: NodeKind::Paragraph,
            text: format!("{i}. {}", sentence.repeat(3)),
            ..Node::default()
        })
        .collect();
    doc.body.push(Node {
        kind: NodeKind::Heading,
        text: "NỘI DUNG CHI TIẾT".into(),
        children: paras,
        ..Node::default()
    });
    // The app stores its parts; Word deflates them: time both.
    let stored = to_docx(&doc);
    for (kind, bytes) in [("stored", stored.clone()), ("deflated", deflated(&stored))] {
        let src = read_docx(&bytes).unwrap();
        let rows: usize = tables(&src).iter().map(|t| t.rows.len()).sum();
        let mut times: Vec<f64> = (0..10)
            .map(|_| {
                let start = std::time::Instant::now();
                std::hint::black_box(read_docx(std::hint::black_box(&bytes)).unwrap());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "read_docx, {kind}: {} KB .docx, {} paragraphs, {rows} table rows: min {:.1} ms, median {:.1} ms",
            bytes.len() / 1024,
            all_paras(&src).len(),
            times[0],
            times[5]
        );
    }
}

/// The same archive with every part deflated, as Word writes it.
fn deflated(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..from.len() {
        let mut f = from.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        to.start_file(f.name().to_string(), opts).unwrap();
        to.write_all(&data).unwrap();
    }
    to.finish().unwrap().into_inner()
}
