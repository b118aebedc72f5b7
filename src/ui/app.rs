//! The app shell: loads the library, follows the address, and frames every screen.

use leptos::prelude::*;

use super::dom_ids;
use super::incident_screen::IncidentScreen;
use super::library::Library;
use super::list_screen::ListScreen;
use super::notices::Notices;
use super::save_indicator::SaveIndicator;
use super::settings_screen::SettingsScreen;
use super::update_prompt::UpdatePrompt;
use crate::browser::page;
use crate::route::Route;

/// The current screen, shared so screens can navigate. `pushState` fires no event, so
/// `go` sets the route itself; links and Back arrive through the address listeners.
#[derive(Clone, Copy)]
pub struct Navigator(RwSignal<Route>);

impl Navigator {
    pub fn go(&self, route: Route) {
        page::push_hash(&route.href());
        self.show(route);
    }

    /// Rebuilds the screen only when the route really changed (Back fires two events).
    fn show(&self, route: Route) {
        if self.0.get_untracked() != route {
            self.0.set(route);
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let library = Library::open();
    provide_context(library);
    let route = RwSignal::new(Route::from_hash(&page::hash()));
    let navigator = Navigator(route);
    provide_context(navigator);
    page::on_hash_change(move || navigator.show(Route::from_hash(&page::hash())));
    page::on_hide(move || library.flush());

    // After navigation (not on first load), focus the new screen's heading, or the title
    // of a brand-new incident so the user can type straight away.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            // Wait a frame so the new screen is in the DOM.
            request_animation_frame(move || match current {
                Route::Incident(id) if library.is_untouched(id) => {
                    page::focus(dom_ids::TITLE_FIELD)
                }
                _ => page::focus(dom_ids::SCREEN_HEADING),
            });
        }
        current
    });

    view! {
        <header class="banner">
            <a class="brand" href=Route::List.href()>"Mend"</a>
            <SaveIndicator/>
            <a class="settings-link" href=Route::Settings.href()>"Settings"</a>
        </header>
        <Notices/>
        <UpdatePrompt/>
        <main id=dom_ids::MAIN>
            {move || match route.get() {
                Route::List => view! { <ListScreen/> }.into_any(),
                Route::Incident(id) => view! { <IncidentScreen id/> }.into_any(),
                Route::Settings => view! { <SettingsScreen/> }.into_any(),
                Route::NotFound => view! { <NotFound/> }.into_any(),
            }}
        </main>
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
