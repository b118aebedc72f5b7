//! Messages for the whole app: save problems (announced as alerts, with an Export to keep
//! a copy), a clash with another tab, storage emptied by another page, and the Undo offer
//! after a delete or a removal (announced politely).

use leptos::prelude::*;

use crate::browser::{focus, platform};
use crate::files::export::export;
use crate::ui::apart::apart;
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::effect::effect;
use crate::ui::memo::memo;
use crate::ui::state::exporting::{deliver, export_all, said};
use crate::ui::state::library::{Clash, Library, SaveState, Undo};

#[component]
pub fn Notices() -> impl IntoView {
    let library = context::needed::<Library>();
    // Read again whenever the save state changes: clearing all data can lift read-only.
    // Unsaved text is always named first, whatever else goes wrong after it.
    let problem = memo(move || {
        let unsaved = match library.save_state.get() {
            SaveState::Failed(problem) => Some(problem.to_string()),
            _ => library.read_only().map(|reason| {
                format!(
                    "Mend can't save in this browser right now: {reason}. \
                     You can still read and write here, but changes won't be kept."
                )
            }),
        };
        let parts: Vec<String> = unsaved.into_iter().chain(library.trouble.get()).collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    });
    // Discreet mode never shows a title, here either.
    let undo_text = move || {
        let discreet = library.settings.with(|s| s.discreet);
        library.undo.with(|u| {
            u.as_ref().map(|u| match u {
                Undo::Incident { .. } if discreet => "Deleted an incident. ".to_owned(),
                Undo::Incident { incident, .. } => {
                    format!("Deleted \u{201c}{}\u{201d}. ", incident.display_title())
                }
                Undo::Item { what, .. } => format!("Removed {what}. "),
            })
        })
    };

    // Whatever can't be saved can still leave the browser as a file.
    let exported = RwSignal::new(String::new());
    let export = move |_| exported.set(said(export_all(library)));
    effect(move || {
        if problem.with(Option::is_none) {
            exported.set(String::new());
        }
    });

    view! {
        // Live regions stay in the page so that changes to them are announced.
        <div class="notice notice-problem" role="alert" class:empty=move || problem.with(Option::is_none)>
            {problem}
            {move || problem.with(Option::is_some).then(|| apart(move || view! {
                " "
                <button type="button" on:click=export>"Export all"</button>
                " "
                <span>{exported}</span>
            }))}
        </div>
        <ClashNotice/>
        <EmptiedNotice/>
        <div class="notice notice-undo" role="status" class:empty=move || undo_text().is_none()>
            {move || undo_text().map(|text| apart(move || view! {
                <span>{text}</span>
                // Both buttons vanish when pressed; focus goes back to the screen's heading.
                <button type="button" on:click=move |_| {
                    library.undo();
                    focus::by_id(dom_ids::SCREEN_HEADING);
                }>"Undo"</button>
                <button type="button" class="quiet" on:click=move |_| {
                    library.undo.set(None);
                    focus::by_id(dom_ids::SCREEN_HEADING);
                }>"Dismiss"</button>
            }))}
        </div>
    }
}

/// Something else emptied Mend's storage while this tab still holds its incidents or its
/// pre-flight checklist.
#[component]
fn EmptiedNotice() -> impl IntoView {
    let library = context::needed::<Library>();
    let status = RwSignal::new(String::new());
    let text = move || {
        library.emptied.get().map(|n| {
            let list = library.checklist.with(|c| !c.items.is_empty());
            let held = match (n, list) {
                (0, _) => "your pre-flight checklist".to_owned(),
                (1, false) => "1 incident".to_owned(),
                (1, true) => "1 incident and your pre-flight checklist".to_owned(),
                (n, false) => format!("{n} incidents"),
                (n, true) => format!("{n} incidents and your pre-flight checklist"),
            };
            format!(
                "Mend's saved data in this browser was just cleared, by another page or tab. \
                 This tab still has {held}. You can put them back, or export them to a file. "
            )
        })
    };
    let put_back = move |_| {
        library.put_back(move |done| match done {
            Ok(()) => {
                status.set(String::new());
                focus::by_id(dom_ids::SCREEN_HEADING);
            }
            Err(reason) => status.set(reason.to_string()),
        })
    };
    let export = move |_| status.set(said(export_all(library)));
    let dismiss = move |_| {
        library.emptied.set(None);
        status.set(String::new());
        focus::by_id(dom_ids::SCREEN_HEADING);
    };
    view! {
        <div class="notice notice-problem" role="alert" class:empty=move || text().is_none()>
            {move || text().map(|text| apart(move || view! {
                <span>{text}</span>
                <button type="button" on:click=put_back>"Put them back"</button>
                " "
                <button type="button" on:click=export>"Export all"</button>
                " "
                <button type="button" class="quiet" on:click=dismiss>"Dismiss"</button>
                " "
                <span>{status}</span>
            }))}
        </div>
    }
}

/// Another tab changed what this tab was changing: what happened, and the other version.
#[component]
fn ClashNotice() -> impl IntoView {
    let library = context::needed::<Library>();
    let status = RwSignal::new(String::new());
    let text = move || {
        let discreet = library.settings.with(|s| s.discreet);
        library.clash.with(|clash| {
            clash.as_ref().map(|Clash { title, places, theirs }| {
                let name = if discreet {
                    "An incident".to_owned()
                } else {
                    format!("\u{201c}{title}\u{201d}")
                };
                if theirs.is_none() {
                    format!("{name} was deleted in another tab while you were changing it here. It is kept here, with your changes. ")
                } else {
                    format!(
                        "{name} was changed in another tab at the same moment as here, in {}. This tab's version is kept; the other tab's can be downloaded. ",
                        places.join(", ")
                    )
                }
            })
        })
    };
    let download = move |_| {
        let theirs = library
            .clash
            .with_untracked(|c| c.as_ref().and_then(|c| c.theirs.clone()));
        if let Some(theirs) = theirs {
            let name = format!("mend-other-tab-{}.json", platform::today());
            status.set(said(deliver(
                &name,
                "application/json",
                &export(&[theirs], &[], platform::now()),
            )));
        }
    };
    let dismiss = move |_| {
        library.clash.set(None);
        status.set(String::new());
        focus::by_id(dom_ids::SCREEN_HEADING);
    };
    view! {
        <div class="notice notice-problem" role="alert" class:empty=move || text().is_none()>
            {move || text().map(|text| apart(move || view! {
                <span>{text}</span>
                {library.clash.with(|c| c.as_ref().is_some_and(|c| c.theirs.is_some())).then(|| view! {
                    <button type="button" on:click=download>"Download the other tab's version"</button>
                    " "
                })}
                <button type="button" class="quiet" on:click=dismiss>"Dismiss"</button>
                " "
                <span>{status}</span>
            }))}
        </div>
    }
}
