//! Where an editor keeps its drafts: one partition per portal and per user, so
//! two people on a shared office PC, or two portals on one origin, never see
//! each other's drafts (docs/embedding.md, "What is stored where").
//! Plain string arithmetic: its tests also run natively (lib.rs).

/// Which browser storage holds a partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// localStorage: kept across visits, for one named user (or the standalone app).
    Local,
    /// sessionStorage: kept for this tab only, reloads included; gone when it closes.
    Session,
}

/// The keys of one editor's drafts and personal templates: `prefix` + name, in `area`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partition {
    pub area: Area,
    pub prefix: String,
}

/// The `storage` option of an embedded editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope<'a> {
    /// `false`/`null`: nothing is kept in the browser.
    Nothing,
    /// Left out (or `true`): a scope of this page and element.
    Default,
    /// A portal's own name for its drafts (a key prefix).
    Named(&'a str),
}

/// The localStorage key, outside every partition, that marks the standalone
/// app of this browser as on a shared computer (set and cleared from the
/// drafts dialog). A page on another origin cannot reach it.
pub const SHARED_COMPUTER_KEY: &str = "kehoach-shared-computer";

/// The localStorage key, beside the shared-computer mark, that keeps the
/// standalone app's interface language ("vi" or "en") across visits.
pub const LANG_KEY: &str = "kehoach-lang";

/// The standalone app (index.html): drafts kept in this browser under the
/// prefix it has always used, or, on a shared computer, for the tab only.
pub fn standalone(shared_computer: bool) -> Partition {
    Partition {
        area: if shared_computer {
            Area::Session
        } else {
            Area::Local
        },
        prefix: "kehoach:".into(),
    }
}

/// The key prefix of every partition in `scope`: all users' drafts and the
/// tab's. `page_path` and `element_id` name the default scope.
pub fn scope_prefix(scope: Scope, page_path: &str, element_id: &str) -> Option<String> {
    match scope {
        Scope::Nothing => None,
        Scope::Named(name) => Some(name.to_string()),
        Scope::Default => Some(format!(
            "kehoach-embed:{}#{}:",
            escape(page_path),
            escape(element_id)
        )),
    }
}

/// An embedded editor's partition. Drafts outlive the tab only for a named
/// `user` on a computer that is not shared; without a user the editor cannot
/// tell whose drafts they are, so they last as long as the tab.
pub fn embedded(
    scope: Scope,
    user: Option<&str>,
    shared_computer: bool,
    page_path: &str,
    element_id: &str,
) -> Option<Partition> {
    let base = scope_prefix(scope, page_path, element_id)?;
    Some(match user.filter(|u| !u.is_empty()) {
        Some(user) if !shared_computer => Partition {
            area: Area::Local,
            prefix: format!("{base}u:{}:", escape(user)),
        },
        _ => Partition {
            area: Area::Session,
            prefix: format!("{base}s:"),
        },
    })
}

/// `%` and `:` escaped, so a user key or path can never reach into another's keys.
fn escape(s: &str) -> String {
    s.replace('%', "%25").replace(':', "%3A")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_and_portals_get_separate_partitions() {
        let a = embedded(Scope::Named("cong-a:"), Some("u1"), false, "/", "").unwrap();
        let b = embedded(Scope::Named("cong-a:"), Some("u2"), false, "/", "").unwrap();
        let c = embedded(Scope::Named("cong-b:"), Some("u1"), false, "/", "").unwrap();
        assert_eq!(
            a,
            Partition {
                area: Area::Local,
                prefix: "cong-a:u:u1:".into()
            }
        );
        assert_ne!(a.prefix, b.prefix);
        assert_ne!(a.prefix, c.prefix);
        // Two portal pages on one origin with the documented element id.
        let p = embedded(
            Scope::Default,
            Some("u1"),
            false,
            "/cong-a/soan.html",
            "ke-hoach",
        )
        .unwrap();
        let q = embedded(
            Scope::Default,
            Some("u1"),
            false,
            "/cong-b/soan.html",
            "ke-hoach",
        )
        .unwrap();
        assert_ne!(p.prefix, q.prefix);
        assert!(
            !p.prefix.starts_with(&standalone(false).prefix),
            "never inside the standalone app's keys"
        );
    }

    #[test]
    fn a_user_key_cannot_reach_into_another_partition() {
        // "x:u:y" would otherwise make "scope:u:x:u:y:" look like a nested partition.
        let sneaky = embedded(Scope::Named("p:"), Some("x:u:y"), false, "/", "").unwrap();
        let x = embedded(Scope::Named("p:"), Some("x"), false, "/", "").unwrap();
        assert_eq!(sneaky.prefix, "p:u:x%3Au%3Ay:");
        assert!(!sneaky.prefix.starts_with(&x.prefix));
        let pct = embedded(Scope::Named("p:"), Some("x%3Au%3Ay"), false, "/", "").unwrap();
        assert_ne!(pct.prefix, sneaky.prefix);
    }

    #[test]
    fn without_a_user_or_on_a_shared_computer_drafts_last_for_the_tab() {
        let anon = embedded(Scope::Named("p:"), None, false, "/", "").unwrap();
        assert_eq!(
            anon,
            Partition {
                area: Area::Session,
                prefix: "p:s:".into()
            }
        );
        assert_eq!(
            embedded(Scope::Named("p:"), Some(""), false, "/", "")
                .unwrap()
                .area,
            Area::Session
        );
        let shared = embedded(Scope::Named("p:"), Some("u1"), true, "/", "").unwrap();
        assert_eq!(shared.area, Area::Session);
        assert_eq!(embedded(Scope::Nothing, Some("u1"), false, "/", ""), None);
    }

    #[test]
    fn the_shared_computer_mark_is_in_no_partition() {
        assert_eq!(standalone(false).area, Area::Local);
        assert_eq!(standalone(true).area, Area::Session);
        // Clearing the standalone drafts or any portal's must not clear the mark.
        let portal = scope_prefix(Scope::Default, "/", "").unwrap();
        for prefix in [standalone(true).prefix, portal] {
            assert!(!SHARED_COMPUTER_KEY.starts_with(&prefix), "{prefix}");
            assert!(!LANG_KEY.starts_with(&prefix), "{prefix}");
        }
    }

    #[test]
    fn every_partition_of_a_scope_starts_with_its_prefix() {
        let scope = scope_prefix(Scope::Default, "/a:b", "id").unwrap();
        assert_eq!(scope, "kehoach-embed:/a%3Ab#id:");
        for (user, shared) in [(Some("u"), false), (None, false), (Some("u"), true)] {
            assert!(embedded(Scope::Default, user, shared, "/a:b", "id")
                .unwrap()
                .prefix
                .starts_with(&scope));
        }
    }
}
