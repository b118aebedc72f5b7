//! One checklist item: its text, where it came from, and Edit, Move up, Move down and Retire
//! or Restore.

use leptos::prelude::*;

use crate::browser::focus;
use crate::model::limits::MAX_LENGTH;
use crate::model::preflight::{same_group, Shown, Sources};
use crate::ui::dom_ids;
use crate::ui::parts::when::When;
use crate::ui::state::library::Library;

/// What the buttons do, shared by every item.
#[derive(Clone, Copy)]
pub(super) struct Actions {
    pub(super) library: Library,
    pub(super) status: RwSignal<String>,
    pub(super) editing: RwSignal<Option<u32>>,
    /// Every item drawn at once, whatever runs are still to come: for printing.
    pub(super) drawn_all: RwSignal<bool>,
}

impl Actions {
    fn shift(self, id: u32, by: isize, text: &str) {
        let moved = self.library.with_all_untracked(|all| {
            let (sources, mut moved) = (Sources::of(all), false);
            self.library.change_checklist(|c| {
                moved = c.shift(id, by, |a, b| same_group(all, &sources, a, b))
            });
            moved
        });
        let way = if by < 0 { "up" } else { "down" };
        self.status.set(if moved {
            format!("Moved \u{201c}{text}\u{201d} {way}.")
        } else {
            format!("\u{201c}{text}\u{201d} can\u{2019}t move further {way}.")
        });
        // The row was redrawn in its new place; keep focus on the same button.
        let button = format!("{}-{id}", if by < 0 { "up" } else { "down" });
        focus::by_id_next_frame(button);
    }

    fn retire(self, id: u32, retired: bool, text: &str) {
        self.library
            .change_checklist(|c| c.set_retired(id, retired));
        self.status.set(if retired {
            format!("Retired \u{201c}{text}\u{201d}. It is under Retired, if you want it back.")
        } else {
            format!("\u{201c}{text}\u{201d} is back on your checklist.")
        });
        focus::by_id(dom_ids::SCREEN_HEADING);
    }
}

#[component]
pub(super) fn Item(item: Shown, actions: Actions) -> impl IntoView {
    let Shown {
        id,
        text,
        retired,
        from,
        ..
    } = item;
    let editing = move || actions.editing.get() == Some(id);
    let from = match from.len() {
        0 => "From an incident no longer here".to_owned(),
        _ => format!("From: {}", from.join(", ")),
    };
    let (t1, t2, t3, t4, t5) = (
        text.clone(),
        text.clone(),
        text.clone(),
        text.clone(),
        text.clone(),
    );
    let field_id = format!("check-text-{id}");
    // Typed into a draft, saved on Done or Enter: saving each keystroke would redraw the
    // list under the cursor.
    let draft = RwSignal::new(text.clone());
    let edit = move |_| {
        actions.editing.set(Some(id));
        let field = format!("check-text-{id}");
        focus::by_id_next_frame(field);
    };
    let done = move || {
        let text = draft.get_untracked();
        actions.editing.set(None);
        actions.library.change_checklist(|c| c.edit(id, &text));
        actions.status.set(format!("Saved \u{201c}{text}\u{201d}."));
        let button = format!("edit-{id}");
        focus::by_id_next_frame(button);
    };
    view! {
        <li class="entry check-item">
            <When when=editing fallback=move || view! { <p class="check-text">{t1.clone()}</p> }>
                <div class="field">
                    <label for=field_id.clone()>"Edit this check"</label>
                    <input type="text" id=field_id.clone() autocomplete="off" maxlength=MAX_LENGTH
                        prop:value=t2.clone() on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { done() }/>
                </div>
            </When>
            <p class="meta check-from">{from}</p>
            <div class="entry-actions">
                <When when=editing fallback=move || {
                    let label = format!("Edit: {t3}");
                    view! { <button type="button" class="quiet" id=format!("edit-{id}") aria-label=label on:click=edit>"Edit"</button> }
                }>
                    <button type="button" class="quiet" on:click=move |_| done()>"Done"</button>
                </When>
                {(!retired).then(|| {
                    let (up, down) = (t4.clone(), t4.clone());
                    view! {
                        <button type="button" class="quiet" id=format!("up-{id}") aria-label=format!("Move up: {t4}")
                            on:click=move |_| actions.shift(id, -1, &up)>"Move up"</button>
                        <button type="button" class="quiet" id=format!("down-{id}") aria-label=format!("Move down: {t4}")
                            on:click=move |_| actions.shift(id, 1, &down)>"Move down"</button>
                    }
                })}
                {
                    let (label, word) = if retired { ("Restore", "Restore") } else { ("Retire", "Retire") };
                    let aria = format!("{label}: {t5}");
                    let text = t5.clone();
                    view! {
                        <button type="button" class="quiet" aria-label=aria
                            on:click=move |_| actions.retire(id, !retired, &text)>{word}</button>
                    }
                }
            </div>
        </li>
    }
}
