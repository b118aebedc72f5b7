//! Moving between screens: the current route, shared through context so screens can navigate.

use leptos::prelude::*;

use crate::browser::address;
use crate::model::{IncidentId, Step};
use crate::route::Route;

/// The current screen. `pushState` fires no event, so `go` sets the route itself; links and
/// Back arrive through the address listeners (`show`).
#[derive(Clone, Copy)]
pub struct Navigator {
    pub route: RwSignal<Route>,
    /// Where the person last was in an incident, if it exists; given by the app, so that
    /// routing never reads the incidents itself.
    last_step: Callback<IncidentId, Option<Step>>,
}

impl Navigator {
    pub fn new(last_step: Callback<IncidentId, Option<Step>>) -> Self {
        Self {
            route: RwSignal::new(Route::List),
            last_step,
        }
    }

    pub fn go(&self, route: Route) {
        let route = self.resolve(route);
        address::push_hash(&route.href());
        self.show(route);
    }

    /// Updates the route only when it really changed (Back fires two events).
    pub fn show(&self, route: Route) {
        let route = self.resolve(route);
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }

    /// An incident opened without a step opens where the person was last, and the address
    /// says so, so a reload stays there.
    fn resolve(&self, route: Route) -> Route {
        let Route::Incident(id, None) = route else {
            return route;
        };
        match self.last_step.run(id) {
            Some(step) => {
                let route = Route::Incident(id, Some(step));
                address::replace_hash(&route.href());
                route
            }
            None => route,
        }
    }
}
