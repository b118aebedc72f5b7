//! The app shell: the lock screen while locked; otherwise loads the library, follows the
//! address, and frames every screen.

use leptos::prelude::*;

use crate::browser::{address, focus, lifecycle, local_storage, page, perf, tasks, LocalStore};
use crate::model::{IncidentId, Step};
use crate::route::Route;
use crate::ui::apart::apart;
use crate::ui::dom_ids;
use crate::ui::drawn_in_steps::a_task_later;
use crate::ui::effect::effect;
use crate::ui::memo::memo;
use crate::ui::opening::Opening;
use crate::ui::parts::lock_now::LockNow;
use crate::ui::parts::notices::Notices;
use crate::ui::parts::save_indicator::SaveIndicator;
use crate::ui::parts::update_prompt::UpdatePrompt;
use crate::ui::screens::checklist_screen::ChecklistScreen;
use crate::ui::screens::incident_screen::IncidentScreen;
use crate::ui::screens::insights_screen::InsightsScreen;
use crate::ui::screens::list_screen::ListScreen;
use crate::ui::screens::lock_screen::LockScreen;
use crate::ui::screens::settings_screen::SettingsScreen;
use crate::ui::screens::tell_now_screen::TellNowScreen;
use crate::ui::state::library::Library;
use crate::ui::state::lock_gate::LockGate;
use crate::ui::state::navigator::Navigator;
use crate::ui::warm_up;

/// Which screen is showing; moving between steps keeps the incident screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    List,
    Incident(IncidentId),
    TellNow(IncidentId),
    Settings,
    Insights,
    Checklist,
    NotFound,
    /// Any screen but the list, while a large store's records are still read.
    Waiting,
}

#[component]
pub fn App() -> impl IntoView {
    // Chromium loads all of an origin's localStorage into a tab on the first read there, in
    // one go: about 50 ms on a desktop at 1,000 incidents (4.8 MB). That comes in a task of
    // its own, after the wasm has started and before anything is read, so it adds to no other.
    let loaded = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        tasks::sleep(0).await;
        if let Ok(store) = LocalStore::open() {
            let _span = perf::Span::start("mend:storage-open", "mend:storage-open:start");
            store.load_into_tab();
        }
        tasks::sleep(0).await;
        loaded.set(true);
    });
    move || loaded.get().then(|| apart(|| view! { <Doorway/> }))
}

/// The lock screen while locked; otherwise the workspace, once storage has been read.
#[component]
fn Doorway() -> impl IntoView {
    let gate = LockGate::start();
    provide_context(gate);
    // Locking drops the workspace, and with it every incident held in memory.
    move || {
        if gate.locked.get() {
            // Gone in the same task as the screen is drawn: no frame is empty.
            page::remove(dom_ids::SHELL);
            apart(|| view! { <LockScreen/> })
        } else {
            apart(|| view! { <Opening/> })
        }
    }
}

/// Everything but the lock screen, once storage has been read (`Opening`), or while a large
/// store's records are read after its list was drawn from the index.
#[component]
pub(crate) fn Workspace(library: Library) -> impl IntoView {
    // While the HTML shell shows (a first opening, not an unlock), the frame (banner,
    // notices) is drawn in this task, hidden by the stylesheet, and the screen in the next,
    // which takes the shell away: drawn together they were one task of 40 to 60 ms on a desktop.
    let screen_due = a_task_later(!page::has(dom_ids::SHELL));
    provide_context(library);
    let navigator = Navigator::new(Callback::new(move |id| {
        library.with_incident_untracked(id, |i| i.last_step)
    }));
    let route = navigator.route;
    navigator.show(Route::from_hash(&address::hash()));
    provide_context(navigator);
    let screen = memo(move || match route.get() {
        Route::List => Screen::List,
        _ if library.reading() => Screen::Waiting,
        Route::Incident(id, _) => Screen::Incident(id),
        Route::TellNow(id) => Screen::TellNow(id),
        Route::Settings => Screen::Settings,
        Route::Insights => Screen::Insights,
        Route::Checklist => Screen::Checklist,
        Route::NotFound => Screen::NotFound,
    });
    let step = memo(move || match route.get() {
        Route::Incident(_, Some(step)) => step,
        _ => Step::Stop,
    });
    address::on_hash_change(move || navigator.show(Route::from_hash(&address::hash())));
    lifecycle::on_hide(move || {
        library.flush();
        library.write_index();
    });
    // Once every record is read: an incident opened meanwhile opens where the person was
    // last, and the index is brought up to date.
    let mut was_reading = true;
    effect(move || {
        let reading = library.reading();
        if std::mem::replace(&mut was_reading, reading) && !reading {
            navigator.show(Route::from_hash(&address::hash()));
            library.check_index_later();
        }
    });
    local_storage::on_change_elsewhere(move |key, old, new| library.on_storage(key, old, new));
    effect(move || page::set_theme(library.settings.with(|s| s.theme.attribute())));
    warm_up::warm_up_steps(library);

    // After navigation (not on first load), focus the new screen's heading, or the breathing
    // guide's Start on a brand-new incident, so Enter starts the pause.
    let mut previous = None;
    effect(move || {
        let current = route.get();
        if let Some(previous) = previous.replace(current).filter(|p| *p != current) {
            let opened = match (previous, current) {
                (Route::Incident(a, _), Route::Incident(b, _)) if a == b => None,
                (_, Route::Incident(id, _)) => Some(id),
                _ => None,
            };
            // Wait a frame so the new screen is in the DOM.
            request_animation_frame(move || match opened {
                Some(id) if library.is_untouched(id) => focus::by_id(dom_ids::BREATHING_START),
                _ => focus::by_id(dom_ids::SCREEN_HEADING),
            });
        }
    });

    view! {
        // Past the banner (and, on an incident, the step links) to the screen's heading. The
        // address fragment holds the route, so the link moves focus itself.
        <a class="skip-link" href=format!("#{}", dom_ids::MAIN) on:click=|ev| {
            ev.prevent_default();
            focus::by_id(dom_ids::SCREEN_HEADING);
        }>"Skip to content"</a>
        <header class="banner">
            <a class="brand" href=Route::List.href()>"Mend"</a>
            <SaveIndicator/>
            <LockNow/>
            <a class="settings-link" href=Route::Settings.href()>"Settings"</a>
        </header>
        <Notices/>
        <UpdatePrompt/>
        <main id=dom_ids::MAIN>
            {move || screen_due.get().then(|| {
                replace_shell();
                match screen.get() {
                    Screen::List => apart(|| view! { <ListScreen/> }),
                    Screen::Incident(id) => apart(move || view! { <IncidentScreen id step/> }),
                    Screen::TellNow(id) => apart(move || view! { <TellNowScreen id/> }),
                    Screen::Settings => apart(|| view! { <SettingsScreen/> }),
                    Screen::Insights => apart(|| view! { <InsightsScreen/> }),
                    Screen::Checklist => apart(|| view! { <ChecklistScreen/> }),
                    Screen::NotFound => apart(|| view! { <NotFound/> }),
                    Screen::Waiting => apart(|| view! { <Waiting/> }),
                }
            })}
        </main>
    }
}

/// Takes the HTML shell away, in the task that draws the first screen (mounting is
/// synchronous), so that no frame is empty. Someone who tabbed into the shell's banner
/// meanwhile keeps their place in the app's.
fn replace_shell() {
    let held = focus::held_inside(dom_ids::SHELL);
    page::remove(dom_ids::SHELL);
    if let Some(class) = held {
        request_animation_frame(move || focus::by_selector(&format!(".banner .{class}")));
    }
}

/// In place of a screen that needs the records, while they are still read: a moment at most.
#[component]
fn Waiting() -> impl IntoView {
    page::set_title("Opening\u{2026} · Mend");
    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Opening your incidents\u{2026}"</h1>
        <p role="status">"Mend is reading what this browser keeps. This takes a moment."</p>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    page::set_title("Not found · Mend");
    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Nothing at this address"</h1>
        <p>"This link doesn't lead anywhere in Mend. Your incidents are safe."</p>
        <p><a href=Route::List.href()>"Go to your incidents"</a></p>
    }
}
