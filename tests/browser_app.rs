//! Browser test of the mounted app (debug build): the list renders once storage is read, and
//! New incident stores a record at once and opens it.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn heading_text(root: &web_sys::Element) -> Option<String> {
    root.query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h1| h1.text_content())
}

#[wasm_bindgen_test]
async fn new_incident_is_stored_at_once_and_opened() {
    let window = web_sys::window().expect("window");
    let storage = window.local_storage().ok().flatten().expect("localStorage");
    storage.clear().expect("clears");
    // Start on the list, whatever address the test runner's page has.
    let history = window.history().expect("history");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/"))
        .expect("sets address");
    let document = window.document().expect("document");
    let root = document.create_element("section").expect("creates");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appends");

    let _mounted = mount_to(root.clone().unchecked_into(), mend::ui::app::App);
    // Storage is read first, and the workspace drawn in a later task (ui/opening.rs).
    for _ in 0..100 {
        if heading_text(&root).is_some() {
            break;
        }
        mend::browser::tasks::sleep(10).await;
    }
    assert_eq!(heading_text(&root).as_deref(), Some("Your incidents"));

    let new_incident = root
        .query_selector("button.primary")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("a New incident button");
    assert_eq!(new_incident.text_content().as_deref(), Some("New incident"));
    new_incident.click();
    tick().await;

    assert_eq!(
        heading_text(&root).as_deref(),
        Some("Stop"),
        "it opens at the first step"
    );
    let keys: Vec<String> = (0..storage.length().expect("length"))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("mend.incident."))
        .collect();
    assert_eq!(
        keys.len(),
        1,
        "the new incident is stored straight away: {keys:?}"
    );
    let id = keys[0].trim_start_matches("mend.incident.");
    assert!(
        window
            .location()
            .hash()
            .expect("hash")
            .ends_with(&format!("{id}/stop")),
        "the address names it and its step"
    );
    // Leave the test page's address as it was for any later test.
    let _ = window.history().expect("history").replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some("#"),
    );
}

/// Each incident has its own handle: typing in one re-runs the views of that incident and of
/// all incidents (the list), never a view of another incident.
#[wasm_bindgen_test]
fn an_edit_wakes_its_own_incident_and_the_list_only() {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use std::sync::Arc;

    use leptos::prelude::*;
    use mend::ui::state::current::Current;
    use mend::ui::state::library::Library;

    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    storage.clear().expect("clears");
    let owner = Owner::new();
    owner.with(|| {
        let library = Library::open(
            mend::ui::state::vault::with_store(mend::persist::load),
            None,
        );
        let (a, b) = (library.create(), library.create());
        let (mine, other) = (Current::new(a, library), Current::new(b, library));
        let counted = |read: Box<dyn Fn() -> String + Send + Sync>| {
            let runs = Arc::new(AtomicUsize::new(0));
            let counter = runs.clone();
            let memo = Memo::new(move |_| {
                counter.fetch_add(1, Relaxed);
                read()
            });
            (memo, runs)
        };
        let (mine_title, mine_runs) = counted(Box::new(move || {
            mine.read(|i| i.title.clone()).unwrap_or_default()
        }));
        let (other_title, other_runs) = counted(Box::new(move || {
            other.read(|i| i.title.clone()).unwrap_or_default()
        }));
        let (titles, all_runs) = counted(Box::new(move || {
            library.with_all(|all| all.iter().map(|i| i.title.clone()).collect())
        }));
        let read_all = || (mine_title.get(), other_title.get(), titles.get());
        read_all();

        for letter in ["S", "e", "n", "t"] {
            mine.edit(|i| i.title.push_str(letter));
            read_all();
        }

        assert_eq!(mine_title.get_untracked(), "Sent");
        assert_eq!(
            mine_runs.load(Relaxed),
            5,
            "its own view re-ran for each key"
        );
        assert_eq!(
            all_runs.load(Relaxed),
            5,
            "the view of all re-ran for each key"
        );
        assert_eq!(
            other_runs.load(Relaxed),
            1,
            "the other incident's view never re-ran"
        );
        assert_eq!(other_title.get_untracked(), "");
        // Written now, so no save is left waiting for a later test's storage.
        library.flush();
    });
    storage.clear().expect("clears");
}
