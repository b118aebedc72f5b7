//! The one modal dialog: it moves focus inside when it opens, keeps Tab inside, closes on
//! Escape, and hands focus back to whatever opened it.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::browser::focus::{self, Opener};

/// A native `<dialog>` shown with `showModal`, open while `open` is true. Its children are
/// built only while it is open, so a closed dialog costs nothing and its labels never stand
/// in for the page's own.
#[component]
pub fn Modal(
    /// Set it to open or close the dialog; Escape sets it to false.
    open: RwSignal<bool>,
    /// The id of the dialog's heading, which names it.
    labelledby: &'static str,
    /// The id of the text that says what the dialog asks, if there is one.
    #[prop(optional)]
    describedby: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    /// Where focus goes on closing when the element that opened the dialog has gone, or
    /// nothing had focus (a dropped file).
    return_to: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let opener = StoredValue::new_local(None::<Opener>);
    Effect::new(move |was_open: Option<bool>| {
        let now_open = open.get();
        if now_open && was_open != Some(true) {
            opener.set_value(Some(Opener::now()));
            // Once the contents are on the page: showModal then focuses the first control,
            // or the one marked autofocus.
            let show = move || {
                if let Some(dialog) = dialog.get_untracked().filter(|_| open.get_untracked()) {
                    let _ = dialog.show_modal();
                }
            };
            if set_timeout_with_handle(show, std::time::Duration::ZERO).is_err() {
                show();
            }
        } else if !now_open && was_open == Some(true) {
            if let Some(dialog) = dialog.get_untracked() {
                dialog.close();
            }
            if let Some(opener) = opener.try_update_value(Option::take).flatten() {
                opener.refocus(return_to);
            }
            // A choice in the dialog may remove its opener as the screen redraws.
            request_animation_frame(move || {
                if focus::is_lost() {
                    focus::by_id(return_to);
                }
            });
        }
        now_open
    });
    view! {
        <dialog node_ref=dialog class=class aria-labelledby=labelledby aria-describedby=describedby
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); open.set(false); }
            // Chrome lets a page refuse Escape only once per user action; then it closes.
            on:close=move |_| if open.get_untracked() { open.set(false) }
            on:keydown=move |ev| if let Some(d) = dialog.get_untracked() { focus::keep_tab_inside(&ev, &d) }>
            <Show when=move || open.get()>{children()}</Show>
        </dialog>
    }
}
