//! Browser test of the mounted app (debug build): the list renders, and New incident stores
//! a record at once and opens it.
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
