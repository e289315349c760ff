//! What the editor shows for a choice is what the exports print: the editor's
//! selects take their labels from the same core functions checked here against
//! the text export of the fixtures (one state plan, one Party programme).

use kehoach::export::text::to_text;
use kehoach::model::{edit, json::from_json, DocKind, Document, Profile, SignLine, SignPrefix};
use kehoach::templates::{self, instantiate, Facts, Level, Signer};
use kehoach::text::to_upper;

fn fixture(prefix: &str) -> Document {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.starts_with(prefix) && name.ends_with(".json")
        });
    from_json(&std::fs::read_to_string(path.expect(prefix)).unwrap()).unwrap()
}

/// The state plan and the Party programme, each in both profiles.
fn documents() -> Vec<Document> {
    let mut out = Vec::new();
    for mut doc in [fixture("002"), fixture("004")] {
        for profile in Profile::ALL {
            doc.profile = profile;
            out.push(doc.clone());
        }
    }
    out
}

#[test]
fn sign_prefixes_print_as_the_editor_shows_them() {
    for mut doc in documents() {
        for p in SignPrefix::ALL {
            doc.signature.lines = vec![
                SignLine {
                    prefix: Some(p),
                    text: "ỦY BAN NHÂN DÂN".into(),
                },
                SignLine {
                    prefix: None,
                    text: "CHỦ TỊCH".into(),
                },
            ];
            let shown = p.label(doc.profile);
            let printed = to_text(&doc);
            // The signature column follows a tab (beside "Nơi nhận") or starts a line.
            let line = format!("{shown} ỦY BAN NHÂN DÂN\n");
            assert!(
                printed.contains(&format!("\t{line}")) || printed.contains(&format!("\n{line}")),
                "{p:?} {:?}: {shown}",
                doc.profile
            );
            assert_eq!(kehoach::export::sign_prefix(doc.profile, p), shown);
        }
    }
    // DOMAIN.md §1 (Nghị định 30) and §6 (Hướng dẫn 36).
    let state: Vec<_> = SignPrefix::ALL.map(|p| p.label(Profile::State)).into();
    let party: Vec<_> = SignPrefix::ALL.map(|p| p.label(Profile::Party)).into();
    assert_eq!(state, ["TM.", "KT.", "Q.", "TL.", "TUQ."]);
    assert_eq!(party, ["T/M", "K/T", "Q.", "T/L", "T/UQ"]);
}

#[test]
fn document_kinds_and_symbols_print_as_the_editor_shows_them() {
    for mut doc in documents() {
        doc.header.title = None;
        for kind in DocKind::ALL.into_iter().filter(|k| k.draftable()) {
            edit::set_doc_kind(&mut doc, kind);
            edit::build_symbol(&mut doc);
            let printed = to_text(&doc);
            // The select shows "Kế hoạch (KH)": the name is the printed type name, the code is in the printed symbol.
            assert!(kind.label().starts_with(kind.name_vi()));
            assert!(
                printed.contains(&format!("\n{}\n", to_upper(kind.name_vi()))),
                "{kind:?} {:?}",
                doc.profile
            );
            let symbol = kind.symbol(doc.profile, &doc.header.body_code);
            assert!(
                printed.contains(&symbol),
                "{kind:?} {:?}: {symbol}",
                doc.profile
            );
            if let Some(code) = kind.code() {
                assert!(kind.label().ends_with(&format!("({code})")));
                assert!(symbol.starts_with(&format!("{code}{}", doc.profile.symbol_sep())));
            }
        }
    }
}

#[test]
fn start_form_choices_print_as_shown() {
    let t = templates::find_builtin("dan_chu_co_so_phuong_xa").expect("template");
    for level in Level::ALL {
        for signer in Signer::ALL.into_iter().filter(|s| !s.is_party()) {
            let facts = Facts::examples(&t)
                .with("cap", level.name_vi())
                .with("chuc_vu_ky", signer.key());
            let doc = instantiate(&t, &facts)
                .unwrap_or_else(|e| panic!("{level:?} {signer:?}: {}", e.message_en));
            let printed = to_text(&doc);
            // The level select shows "phường" / "xã"; the issuing body prints it in capitals.
            assert!(
                printed.contains(&format!("ỦY BAN NHÂN DÂN {}", level.upper_vi())),
                "{level:?}"
            );
            // The signer select shows "Phó Chủ tịch (KT.)": the title and the deputy's prefix as printed.
            assert!(printed.contains(&to_upper(signer.title_vi())), "{signer:?}");
            if signer == Signer::ViceChair {
                let kt = SignPrefix::Kt.label(doc.profile);
                assert!(signer.label().contains(&format!("({kt})")));
                assert!(printed.contains(&format!("{kt} CHỦ TỊCH")), "{signer:?}");
            }
        }
    }
    assert_eq!(Signer::DeputySecretary.label(), "Phó Bí thư (K/T)");
    for s in Signer::ALL {
        assert_eq!(Signer::parse(s.key()), Some(s));
    }
}
