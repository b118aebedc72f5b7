//! A list of entries inside a step: add, remove with Undo, and reorder from the keyboard.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::spec::ListSpec;
use crate::browser::focus;
use crate::ui::context;
use crate::ui::drawn_in_steps::{drawn_in_steps, next_page};
use crate::ui::memo::memo;
use crate::ui::parts::keyed::Keyed;
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;
use crate::ui::state::library::Undo;

/// Entries drawn at first, and how many more each "Show more" adds. An imported list can
/// hold 2,000 entries; drawing them all made opening the step a task of several seconds.
const PAGE: usize = 50;
/// Entries drawn in the task that opens the step; the rest of the first page follows in later
/// tasks. Opening Assess with 50 in each of its three lists was one task of 65 to 75 ms on a
/// desktop; with 3 each it costs about what opening a short one does.
const FIRST: usize = 3;
/// Entries drawn after each later frame, at most.
const MORE: usize = 15;
/// Fields drawn after each later frame: a run of a list with many fields to an entry is
/// shorter. At the import's limits at 4x CPU slowdown, 15 of Solutions' options (9 fields
/// each) a frame were tasks of up to about 156 ms, and 15 of Fix's items (6) up to 113.
const FIELDS_A_RUN: usize = 45;

/// Extra controls for one entry, given its id (e.g. "Recommend this option").
pub type EntryExtra = fn(u32) -> AnyView;

fn capitalised(noun: &str) -> String {
    let mut chars = noun.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// A list with its heading, its entries, and a button to add one.
#[component]
pub fn ListEditor(
    /// The list: where it lives, its words and its fields.
    spec: &'static ListSpec,
    /// More controls under each entry's fields, if any.
    #[prop(optional)]
    extra: Option<EntryExtra>,
) -> impl IntoView {
    let current = context::needed::<Current>();
    let ids = memo(move || current.read(|i| (spec.ops.ids)(i)).unwrap_or_default());
    let limit = RwSignal::new(PAGE);
    let more = (FIELDS_A_RUN / spec.fields.len().max(1)).clamp(1, MORE);
    let cap = drawn_in_steps(FIRST, more, PAGE);
    // Entries added here stay drawn even past the limit, so Add always shows what it made.
    let added = RwSignal::new(Vec::<u32>::new());
    let shown = memo(move || {
        let limit = limit.get();
        added.with(|added| {
            ids.with(|ids| {
                ids.iter()
                    .enumerate()
                    .filter(|(at, id)| *at < limit || added.contains(id))
                    .map(|(_, id)| *id)
                    .collect::<Vec<u32>>()
            })
        })
    });
    // Of those, the ones drawn so far as the step opens or a page is added; one added here
    // stays drawn meanwhile.
    let drawn = move || {
        let cap = cap.get();
        added.with(|added| {
            shown.with(|shown| {
                shown
                    .iter()
                    .enumerate()
                    .filter(|(at, id)| *at < cap || added.contains(id))
                    .map(|(_, id)| u64::from(*id))
                    .collect()
            })
        })
    };
    let hidden = move || ids.with(Vec::len).saturating_sub(shown.with(Vec::len));
    // Spoken after a move, since the moved entry's new place isn't otherwise announced.
    let announce = RwSignal::new(String::new());
    let heading_id = format!("{}-heading", spec.key);
    let labelled_by = heading_id.clone();
    let add = move |_| {
        let mut id = 0;
        current.edit(|i| id = (spec.ops.add)(i));
        if ids.with_untracked(Vec::len) > limit.get_untracked() {
            added.update(|added| added.push(id));
        }
        // Added while the step still draws its first entries (a slow phone): the rest, and
        // the new one, are drawn now, so that focus finds it.
        cap.set(usize::MAX);
        if let Some(first) = spec.fields.first() {
            let field_id = format!("{}-{id}", first.key);
            focus::by_id_next_frame(field_id);
        }
    };
    // The next page a run a frame, as the first came. Focus goes to the first entry just
    // drawn, since the button may be gone.
    let show_more = move |_| {
        let shown = next_page(cap, limit, FIRST, more, PAGE);
        let first = ids.with_untracked(|ids| ids.get(shown).copied());
        if let (Some(id), Some(field)) = (first, spec.fields.first()) {
            let field_id = format!("{}-{id}", field.key);
            focus::by_id_next_frame(field_id);
        }
    };
    view! {
        <section class="list" aria-labelledby=labelled_by>
            <h2 id=heading_id>{spec.label}</h2>
            {(!spec.hint.is_empty()).then(|| view! { <p class="hint">{spec.hint}</p> })}
            <ol class="entries">
                <Keyed keys=drawn row=move |item, _| {
                    let item = item as u32;
                    view! { <Entry spec item ids announce extra/> }.into_any()
                }/>
            </ol>
            <When when=move || { hidden() > 0 }>
                <p><button type="button" on:click=show_more>
                    {text(move || format!("Show {} more ({} of {} shown)", hidden().min(PAGE), shown.with(Vec::len), ids.with(Vec::len)))}
                </button></p>
            </When>
            <p class="visually-hidden" role="status">{announce}</p>
            <button type="button" id=format!("{}-add", spec.key) on:click=add>"Add " {spec.noun}</button>
        </section>
    }
}

/// One entry: its fields, and Move up, Move down and Remove.
#[component]
fn Entry(
    /// The list this entry belongs to.
    spec: &'static ListSpec,
    /// The entry's id.
    item: u32,
    /// Every entry's id in order, for this one's place and number.
    ids: Memo<Vec<u32>>,
    /// Where a move is announced.
    announce: RwSignal<String>,
    /// More controls under the fields, if any.
    extra: Option<EntryExtra>,
) -> impl IntoView {
    let current = context::needed::<Current>();
    let position =
        memo(move || ids.with(|ids| ids.iter().position(|x| *x == item).map_or(0, |p| p + 1)));
    let name = move || format!("{} {}", spec.noun, position.get());
    let label = move |action: &'static str| text(move || format!("{action}: {}", name()));
    let shift = move |by: isize, button: String| {
        let mut moved = false;
        current.edit_if(|i| {
            moved = (spec.ops.shift)(i, item, by);
            moved
        });
        let count = ids.with_untracked(Vec::len);
        announce.set(match (moved, by < 0) {
            (true, _) => format!("Moved to place {} of {count}.", position.get_untracked()),
            (false, true) => "It is already first.".into(),
            (false, false) => "It is already last.".into(),
        });
        // Moving re-inserts the entry in the page, which drops focus; put it back.
        focus::by_id_next_frame(button);
    };
    let remove = move |_| {
        let what = name();
        let mut restore = None;
        current.edit(|i| restore = (spec.ops.remove)(i, item));
        if let Some(restore) = restore {
            current.library().offer_undo(Undo::Item {
                incident: current.id,
                what,
                restore,
            });
            focus::by_id(&format!("{}-add", spec.key));
        }
    };
    let up_id = format!("{}-up-{item}", spec.key);
    let down_id = format!("{}-down-{item}", spec.key);
    view! {
        <li>
            <fieldset class="entry">
                <legend>{text(move || capitalised(&name()))}</legend>
                {spec.fields.iter().map(|field| view! { <FieldInput field item/> }).collect_view()}
                {extra.map(|extra| extra(item))}
                <div class="entry-actions">
                    {spec.reorder.then(|| {
                        let (up, down) = (up_id.clone(), down_id.clone());
                        view! {
                            <button type="button" class="quiet" id=up_id.clone()
                                aria-label=label("Move up")
                                on:click=move |_| shift(-1, up.clone())>"Move up"</button>
                            <button type="button" class="quiet" id=down_id.clone()
                                aria-label=label("Move down")
                                on:click=move |_| shift(1, down.clone())>"Move down"</button>
                        }
                    })}
                    <button type="button" class="quiet" aria-label=label("Remove")
                        on:click=remove>"Remove"</button>
                </div>
            </fieldset>
        </li>
    }
}
