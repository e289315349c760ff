//! read → check → fix → write → read: any input either is refused with an
//! error or goes all the way round; the fixed document reads back as written
//! and fixing it again changes nothing.
#![no_main]

use kehoach::model::json::{from_json, to_json};
use kehoach::model::PartialDate;
use kehoach::rules::{check, fix_all, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = from_json(text) else {
        return;
    };
    let today = PartialDate::ymd(2026, 6, 1);
    let ctx = Context { today };
    let _ = check(&doc, today);
    let (fixed, _) = fix_all(&doc, &ctx, 10);
    let json = to_json(&fixed);
    let back = from_json(&json).expect("a fixed document reads back");
    assert_eq!(to_json(&back), json, "write → read → write is stable");
    let (again, n) = fix_all(&fixed, &ctx, 10);
    assert_eq!((n, &again), (0, &fixed), "fixing a fixed document changes nothing");
});
