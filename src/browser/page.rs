//! The page's document: its title and theme, its dialogs, removing the loading shell, and
//! printing.

pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Sets `data-theme` on `<html>`, which the stylesheet's colours follow; `None` removes it,
/// so the device's light or dark preference decides.
pub fn set_theme(theme: Option<&str>) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = match theme {
            Some(theme) => root.set_attribute("data-theme", theme),
            None => root.remove_attribute("data-theme"),
        };
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The `<dialog>` with this id, if it is on the page.
pub fn dialog(id: &str) -> Option<web_sys::HtmlDialogElement> {
    use wasm_bindgen::JsCast;
    element(id)?.dyn_into().ok()
}

/// Whether the element with this id is on the page.
pub fn has(id: &str) -> bool {
    element(id).is_some()
}

/// Removes the element with this id, if it is on the page.
pub fn remove(id: &str) {
    if let Some(element) = element(id) {
        element.remove();
    }
}

/// Opens the browser's print dialog.
fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Opens the browser's print dialog once what was just put on the page has been drawn: at
/// once, the print would show the page as it was before.
pub fn print_soon() {
    let _ = leptos::prelude::set_timeout_with_handle(print, std::time::Duration::from_millis(50));
}
