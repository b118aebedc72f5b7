//! The list of incidents, newest change first, with the way to start a new one.

use leptos::prelude::*;

use super::app::Navigator;
use super::dom_ids;
use super::library::Library;
use super::unreadable_list::UnreadableList;
use crate::browser::{page, platform};
use crate::model::{IncidentId, Timestamp};
use crate::route::Route;

#[derive(Clone, PartialEq)]
struct Row {
    id: IncidentId,
    title: String,
    updated_at: Timestamp,
}

#[component]
pub fn ListScreen() -> impl IntoView {
    let library = expect_context::<Library>();
    let navigator = expect_context::<Navigator>();
    page::set_title("Your incidents · Mend");

    let rows = Memo::new(move |_| {
        let mut rows: Vec<Row> = library.incidents.with(|all| {
            all.iter()
                .map(|i| Row {
                    id: i.id,
                    title: super::titles::list_title(all, i),
                    updated_at: i.updated_at,
                })
                .collect()
        });
        rows.sort_by_key(|row| std::cmp::Reverse(row.updated_at));
        rows
    });
    let create = move |_| {
        let id = library.create();
        navigator.go(Route::Incident(id));
    };

    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Your incidents"</h1>
        <p class="lead">"Something went wrong? Start here. Everything stays in this browser."</p>
        <p><button type="button" class="primary" on:click=create>"New incident"</button></p>
        <Show when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! { <p class="empty">"No incidents yet."</p> }>
            <ul class="incident-list" aria-label="Incidents">
                // Keyed by id and change time: a row re-renders only when its incident changed.
                <For each=move || rows.get() key=|row| (row.id, row.updated_at) let:row>
                    <li>
                        <a href=Route::Incident(row.id).href()>{row.title}</a>
                        <span class="meta">
                            " Changed "
                            <time datetime=row.updated_at.to_string()>{platform::local_label(row.updated_at)}</time>
                        </span>
                    </li>
                </For>
            </ul>
        </Show>
        <UnreadableList/>
    }
}
