//! One incident: its title now, the seven steps later. Deleting offers Undo.

use leptos::prelude::*;

use super::app::Navigator;
use super::dom_ids;
use super::library::Library;
use super::text_field::TextField;
use crate::browser::{page, platform};
use crate::model::IncidentId;
use crate::persist::StorageKey;
use crate::route::Route;

#[component]
pub fn IncidentScreen(id: IncidentId) -> impl IntoView {
    let library = expect_context::<Library>();
    let exists = Memo::new(move |_| library.incidents.with(|all| all.iter().any(|i| i.id == id)));
    let unreadable = move || {
        library
            .unreadable
            .with(|u| u.iter().any(|u| u.key == StorageKey::Incident(id)))
    };
    move || {
        if exists.get() {
            view! { <IncidentEditor id/> }.into_any()
        } else if unreadable() {
            view! { <Unavailable text="This incident could not be read. It is kept exactly as it was; the list has a download of it."/> }.into_any()
        } else {
            view! { <Unavailable text="There is no incident at this address. It may have been deleted."/> }.into_any()
        }
    }
}

#[component]
fn Unavailable(text: &'static str) -> impl IntoView {
    page::set_title("Incident unavailable · Mend");
    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Incident unavailable"</h1>
        <p>{text}</p>
        <p><a href=Route::List.href()>"Go to your incidents"</a></p>
    }
}

#[component]
fn IncidentEditor(id: IncidentId) -> impl IntoView {
    let library = expect_context::<Library>();
    let navigator = expect_context::<Navigator>();
    let field = move |read: fn(&crate::model::Incident) -> String| {
        Memo::new(move |_| {
            library.incidents.with(|all| {
                all.iter()
                    .find(|i| i.id == id)
                    .map(read)
                    .unwrap_or_default()
            })
        })
    };
    let title = field(|i| i.title.clone());
    let heading = field(|i| i.display_title().to_owned());
    // Never changes, so it is read once rather than on every keystroke.
    let created = library.incidents.with_untracked(|all| {
        all.iter()
            .find(|i| i.id == id)
            .map(|i| platform::local_label(i.created_at))
    });
    Effect::new(move |_| page::set_title(&super::titles::tab_title(id)));

    let delete = move |_| {
        navigator.go(Route::List);
        library.delete(id);
    };

    view! {
        <p class="back"><a href=Route::List.href()>"All incidents"</a></p>
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">{heading}</h1>
        <p class="meta">"Started " {created}</p>
        <TextField
            id=dom_ids::TITLE_FIELD
            label="Title"
            hint="A few words you'll recognise later. It saves as you type."
            value=title
            on_input=move |text| library.edit(id, |incident| incident.title = text)
        />
        <div class="actions">
            <button type="button" class="quiet" on:click=delete>"Delete"</button>
        </div>
    }
}
