//! The editors mounted on a page, by key, so the JavaScript handle can reach
//! the one it created (Editor holds only signal ids, so it is cheap to copy).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::Editor;

thread_local! {
    static EDITORS: RefCell<HashMap<u32, Editor>> = RefCell::new(HashMap::new());
    static NEXT: RefCell<u32> = const { RefCell::new(1) };
    static CLEARERS: RefCell<HashMap<u32, Clearer>> = RefCell::new(HashMap::new());
}

/// Forgets an editor's drafts and starts it over (`Drafts::clear`).
pub type Clearer = Rc<dyn Fn() -> Result<(), String>>;

pub fn next_key() -> u32 {
    NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n - 1
    })
}

pub fn put(key: u32, ed: Editor) {
    EDITORS.with(|e| e.borrow_mut().insert(key, ed));
}

pub fn get(key: u32) -> Option<Editor> {
    EDITORS.with(|e| e.borrow().get(&key).copied())
}

pub fn forget(key: u32) {
    EDITORS.with(|e| e.borrow_mut().remove(&key));
    CLEARERS.with(|c| c.borrow_mut().remove(&key));
}

pub fn put_clearer(key: u32, clear: Clearer) {
    CLEARERS.with(|c| c.borrow_mut().insert(key, clear));
}

pub fn clearer(key: u32) -> Option<Clearer> {
    CLEARERS.with(|c| c.borrow().get(&key).cloned())
}
