//! The checklist's items in their groups, drawn a run a frame and a page at a time ("Show
//! more"), so that neither opening nor leaving the checklist is one long task.

use leptos::prelude::*;

use super::item::{Actions, Item};
use crate::browser::focus;
use crate::files::checklist::UNTAGGED;
use crate::model::preflight::Shown;
use crate::ui::drawn_in_steps::{drawn_in_steps, next_page};
use crate::ui::memo::memo;
use crate::ui::parts::keyed::{key_of, Keyed};
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;

pub(super) type Grouped = Vec<(Option<String>, Vec<Shown>)>;
/// One group's place (the items before it), its items and their keys.
type Mine = (usize, Vec<Shown>, Vec<u64>);

/// Items drawn when the checklist opens, and how many more are drawn in each task after:
/// a thousand incidents with checks of their own make thousands of items, and drawing them
/// at once froze the page for most of a second.
const FIRST_ITEMS: usize = 20;
const MORE_ITEMS: usize = 40;
/// Items shown before "Show more", and how many more each press shows. Leaving the checklist
/// takes every drawn item out of the page in one task: with all 3,000 items of 1,000
/// incidents drawn, that was a task of about 105 ms on a desktop.
const PAGE: usize = 200;

/// The groups of items in use, or of the retired ones, each kept by its name, so that a
/// change to one item draws only that item again.
#[component]
pub(super) fn Groups(groups: Memo<Grouped>, retired: bool, actions: Actions) -> impl IntoView {
    let total = move || groups.with(|g| g.iter().map(|(_, items)| items.len()).sum::<usize>());
    let cap = drawn_in_steps(FIRST_ITEMS, MORE_ITEMS, PAGE);
    let limit = RwSignal::new(PAGE);
    // How many items, counted through the groups in order, are drawn so far; every one for a
    // print.
    let room = memo(move || {
        if actions.drawn_all.get() {
            usize::MAX
        } else {
            cap.get().min(limit.get())
        }
    });
    // Counted against the page, not what the runs have drawn so far, so the button stays put.
    let shown = move || match actions.drawn_all.get() {
        true => total(),
        false => limit.get().min(total()),
    };
    let hidden = move || total() - shown();
    // The next page a run a frame, as the first came; focus to its first item, since the
    // button may be gone.
    let show_more = move |_| {
        let shown = next_page(cap, limit, FIRST_ITEMS, MORE_ITEMS, PAGE);
        let first = groups.with_untracked(|g| {
            g.iter()
                .flat_map(|(_, items)| items)
                .nth(shown)
                .map(|item| item.id)
        });
        if let Some(id) = first {
            focus::by_id_next_frame(format!("edit-{id}"));
        }
    };
    // Only the groups whose first item is due: with thousands of tags, drawing every group's
    // heading at once was itself a long task.
    let keys = move || {
        let room = room.get();
        let mut first = 0;
        groups.with(|g| {
            g.iter()
                .take_while(|(_, items)| {
                    first += items.len();
                    first - items.len() < room
                })
                .map(|(name, _)| key_of(name))
                .collect()
        })
    };
    let group = move |_, at: usize| {
        let name = groups.with_untracked(|g: &Grouped| g.get(at).map(|(name, _)| name.clone()));
        match name {
            Some(name) => view! { <Group name groups room retired actions/> }.into_any(),
            None => ().into_any(),
        }
    };
    view! {
        <Keyed keys row=group/>
        <When when=move || { hidden() > 0 }>
            <p class="no-print"><button type="button" on:click=show_more>
                {text(move || format!("Show {} more ({} of {} shown)", hidden().min(PAGE), shown(), total()))}
            </button></p>
        </When>
    }
}

/// One group's items, drawn once `room` has reached each, counting from the first item of
/// the first group.
#[component]
fn Group(
    name: Option<String>,
    groups: Memo<Grouped>,
    room: Memo<usize>,
    retired: bool,
    actions: Actions,
) -> impl IntoView {
    let label = name.clone().unwrap_or_else(|| UNTAGGED.to_owned());
    let heading = if retired {
        view! { <h3>{label.clone()}</h3> }.into_any()
    } else {
        view! { <h2>{label.clone()}</h2> }.into_any()
    };
    // How many items come before this group's, its items, and their keys.
    let mine = memo(move || {
        groups.with(|g| {
            let mut first = 0;
            for (group, items) in g {
                if *group == name {
                    return (first, items.clone(), items.iter().map(key_of).collect());
                }
                first += items.len();
            }
            (first, Vec::new(), Vec::new())
        })
    });
    let keys = move || {
        let room = room.get();
        mine.with(|(first, _, keys): &Mine| {
            keys[..keys.len().min(room.saturating_sub(*first))].to_vec()
        })
    };
    let item = move |_, at: usize| match mine
        .with_untracked(|(_, items, _): &Mine| items.get(at).cloned())
    {
        Some(item) => view! { <Item item actions/> }.into_any(),
        None => ().into_any(),
    };
    view! {
        <section class="check-group">
            {heading}
            <ol class="entries check-items" aria-label=label><Keyed keys row=item/></ol>
        </section>
    }
}
