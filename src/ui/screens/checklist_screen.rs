//! The pre-flight checklist (`#/checklist`): every incident's extra checks and commitments,
//! merged and grouped by tag, each saying where it came from; edit, reorder, retire and
//! restore; print, Markdown, and a repeating calendar reminder. The rules are
//! `model::preflight`; the files `files::checklist`.

use leptos::prelude::*;

use crate::browser::{focus, listen, page, platform};
use crate::files::calendar::Repeat;
use crate::files::checklist::{markdown, reminder, UNTAGGED};
use crate::model::insights::sort_by;
use crate::model::limits::MAX_LENGTH;
use crate::model::preflight::{grouped, same_group, shown, Shown, Sources};
use crate::model::value::FieldValue;
use crate::route::Route;
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::drawn_in_steps::{a_task_later, drawn_in_steps, more_in_steps};
use crate::ui::memo::memo;
use crate::ui::parts::keyed::{key_of, Keyed};
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;
use crate::ui::state::exporting::{deliver, said};
use crate::ui::state::library::Library;
use crate::ui::state::titles;

#[component]
pub fn ChecklistScreen() -> impl IntoView {
    let library = context::needed::<Library>();
    page::set_title("Pre-flight checklist · Mend");
    let status = RwSignal::new(String::new());
    // Built from every incident, oldest first, each time the screen opens.
    let added = library.with_all_untracked(|all| {
        let mut order: Vec<_> = all.iter().collect();
        sort_by(&mut order, |a, b| {
            (a.created_at, a.id).cmp(&(b.created_at, b.id))
        });
        let mut added = 0;
        library.change_checklist(|c| added = c.gather(order));
        added
    });
    if added > 0 {
        status.set(format!(
            "Added {added} new {} from your incidents.",
            if added == 1 { "item" } else { "items" }
        ));
    }
    let items = memo(move || {
        library.with_all(|all| {
            let names = titles::list_titles(all);
            library.checklist.with(|list| shown(list, all, &names))
        })
    });
    let in_use = memo(move || items.with(|i| grouped(i, false)));
    let retired = memo(move || items.with(|i| grouped(i, true)));
    let editing = RwSignal::new(None::<u32>);
    // The items a task after the heading: with thousands, working out where each came from
    // and drawing the first of them made one task of about 50 ms on a desktop.
    let later = a_task_later(false);
    let drawn_all = RwSignal::new(false);
    // A print takes every item, also those not drawn yet: the browser's own print too.
    if let Some(window) = listen::window() {
        listen::listen(&window, "beforeprint", move |_| drawn_all.set(true));
    }
    let actions = Actions {
        library,
        status,
        editing,
        drawn_all,
    };

    // Out of the page in one removal before Leptos drops the items: leaving 4,000 items went
    // from tasks of 139 and 227 ms to 38 and 160 ms on a desktop (the rest is the drops).
    on_cleanup(|| page::remove(dom_ids::CHECKLIST_ITEMS));

    view! {
        <p class="back"><a href=Route::List.href()>"Back to your incidents"</a></p>
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Pre-flight checklist"</h1>
        <p class="lead">"The checks your incidents taught you, in one place. Run through them before the kind of work that went wrong before."</p>
        <p role="status" class="quiet-status">{status}</p>
        <When when=move || later.get() && items.with(|i| !i.is_empty())
            fallback=move || later.get().then(|| view! { <p class="empty">"Nothing here yet. Extra checks and commitments you write in an incident\u{2019}s Step it up appear here."</p> })>
            <div id=dom_ids::CHECKLIST_ITEMS>
                <Groups groups=in_use retired=false actions/>
                <When when=move || retired.with(|r| !r.is_empty())>
                    <section class="retired no-print" aria-labelledby="retired-heading">
                        <h2 id="retired-heading">"Retired"</h2>
                        <p class="hint">"Off your checklist, and never gathered again unless you restore them. The incidents they came from are unchanged."</p>
                        <Groups groups=retired retired=true actions/>
                    </section>
                </When>
            </div>
            <FilesOut in_use status drawn_all/>
        </When>
    }
}

/// What the buttons do, shared by every item.
#[derive(Clone, Copy)]
struct Actions {
    library: Library,
    status: RwSignal<String>,
    editing: RwSignal<Option<u32>>,
    /// Every item drawn at once, whatever runs are still to come: for printing.
    drawn_all: RwSignal<bool>,
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

type Grouped = Vec<(Option<String>, Vec<Shown>)>;
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
fn Groups(groups: Memo<Grouped>, retired: bool, actions: Actions) -> impl IntoView {
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
    // The next page a run a task, as the first came; focus to its first item, since the
    // button may be gone.
    let show_more = move |_| {
        let shown = limit.get_untracked();
        let first = groups.with_untracked(|g| {
            g.iter()
                .flat_map(|(_, items)| items)
                .nth(shown)
                .map(|item| item.id)
        });
        cap.set(shown + FIRST_ITEMS);
        limit.set(shown + PAGE);
        more_in_steps(cap, MORE_ITEMS, shown + PAGE);
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

#[component]
fn Item(item: Shown, actions: Actions) -> impl IntoView {
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

/// Print, Markdown, and the calendar reminder, for the items in use.
#[component]
fn FilesOut(
    in_use: Memo<Grouped>,
    status: RwSignal<String>,
    drawn_all: RwSignal<bool>,
) -> impl IntoView {
    let every = RwSignal::new(Repeat::default());
    let print = move |_| {
        drawn_all.set(true);
        page::print_soon();
    };
    let download = move |_| {
        let text = in_use.with(|groups| markdown(groups));
        status.set(said(deliver(
            "mend-preflight-checklist.md",
            "text/markdown",
            &text,
        )));
    };
    let calendar = move |_| {
        let made = in_use.with(|groups| {
            reminder(
                groups,
                platform::today(),
                every.get_untracked(),
                platform::now(),
            )
        });
        status.set(match made {
            Some(text) => said(deliver(
                "mend-preflight-reminder.ics",
                "text/calendar",
                &text,
            )),
            None => "A reminder can\u{2019}t start on the last day a calendar can hold.".into(),
        });
    };
    view! {
        <section class="checklist-files no-print" aria-labelledby="checklist-files-heading">
            <h2 id="checklist-files-heading">"Keep it handy"</h2>
            <p class="send-actions">
                <button type="button" on:click=print>"Print"</button>
                <button type="button" on:click=download>"Download as Markdown"</button>
            </p>
            <div class="field">
                <label for="reminder-repeat">"Remind me"</label>
                <select id="reminder-repeat" on:change=move |ev| every.update(|e| e.set_text(&event_target_value(&ev)))>
                    {Repeat::OPTIONS.iter().map(|(key, label)| view! { <option value=*key>{*label}</option> }).collect_view()}
                </select>
            </div>
            <p><button type="button" on:click=calendar>"Add to calendar (.ics)"</button></p>
        </section>
    }
}
