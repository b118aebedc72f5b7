//! The one modal dialog: it moves focus inside when it opens, keeps Tab inside, closes on
//! Escape, and hands focus back to whatever opened it.

use leptos::prelude::*;

use crate::browser::{focus, page};

/// Opens and closes one `Modal`; a cheap `Copy` handle for the buttons that do either.
#[derive(Clone, Copy)]
pub struct ModalState {
    open: RwSignal<bool>,
    /// A close of ours whose close event, which comes a task later, is still to come: it can
    /// come after Escape then Enter has opened the dialog again, and must not close it.
    closing: RwSignal<bool>,
    /// The `<dialog>`'s id: found by it when it opens or closes (a `NodeRef` brought code of
    /// its own for this one use).
    id: &'static str,
    /// Where focus goes on closing when the element that opened the dialog has gone, or
    /// nothing had focus (a dropped file).
    return_to: &'static str,
}

impl ModalState {
    pub fn new(id: &'static str, return_to: &'static str) -> Self {
        Self {
            open: RwSignal::new(false),
            closing: RwSignal::new(false),
            id,
            return_to,
        }
    }

    /// Tracked, so what is built only for the open dialog can follow it.
    pub fn is_open(self) -> bool {
        self.open.get()
    }

    pub fn open(self) {
        focus::remember();
        self.open.set(true);
        // Once the contents are on the page: showModal then focuses the first control, or
        // the one marked autofocus.
        let show = move || {
            if let Some(dialog) = page::dialog(self.id).filter(|_| self.open.get_untracked()) {
                let _ = dialog.show_modal();
            }
        };
        if set_timeout_with_handle(show, std::time::Duration::ZERO).is_err() {
            show();
        }
    }

    pub fn close(self) {
        if let Some(dialog) = page::dialog(self.id) {
            if dialog.open() {
                self.closing.set(true);
            }
            dialog.close();
        }
        self.open.set(false);
        focus::give_back(self.return_to);
        // A choice in the dialog may remove its opener as the screen redraws.
        let return_to = self.return_to;
        request_animation_frame(move || {
            if focus::is_lost() {
                focus::by_id(return_to);
            }
        });
    }
}

/// A native `<dialog>` shown with `showModal`. Its children are built only while it is open,
/// so a closed dialog costs nothing and its labels never stand in for the page's own.
#[component]
pub fn Modal(
    state: ModalState,
    /// The id of the dialog's heading, which names it.
    labelledby: &'static str,
    /// The id of the text that says what the dialog asks, if there is one.
    #[prop(optional)]
    describedby: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    children: ChildrenFn,
) -> impl IntoView {
    let (cancel, closed, keydown) = handlers(state);
    view! {
        <dialog id=state.id class=class aria-labelledby=labelledby aria-describedby=describedby
            on:cancel=cancel on:close=closed on:keydown=keydown>
            {move || state.is_open().then(|| children())}
        </dialog>
    }
}

/// Built once for every kind of dialog, outside the generic part.
fn handlers(
    state: ModalState,
) -> (
    impl Fn(leptos::ev::Event) + Copy,
    impl Fn(leptos::ev::Event) + Copy,
    impl Fn(leptos::ev::KeyboardEvent) + Copy,
) {
    let cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        state.close();
    };
    // Chrome lets a page refuse Escape only once per user action; then it closes anyway.
    let closed = move |_| {
        if state.closing.get_untracked() {
            state.closing.set(false);
        } else if state.open.get_untracked() {
            state.close()
        }
    };
    let keydown = move |ev| {
        if let Some(dialog) = page::dialog(state.id) {
            focus::keep_tab_inside(&ev, &dialog)
        }
    };
    (cancel, closed, keydown)
}
