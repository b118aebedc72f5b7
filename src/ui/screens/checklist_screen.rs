//! The pre-flight checklist (`#/checklist`): every incident's extra checks and commitments,
//! merged and grouped by tag, each saying where it came from; edit, reorder, retire and
//! restore; print, Markdown, and a repeating calendar reminder. The rules are
//! `model::preflight`; the files `files::checklist`.

mod files_out;
mod groups;
mod item;

use leptos::prelude::*;

use crate::browser::{listen, page};
use crate::model::insights::sort_by;
use crate::model::preflight::{grouped, shown};
use crate::route::Route;
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::drawn_in_steps::a_task_later;
use crate::ui::memo::memo;
use crate::ui::parts::when::When;
use crate::ui::state::library::Library;
use crate::ui::state::titles;
use files_out::FilesOut;
use groups::Groups;
use item::Actions;

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
