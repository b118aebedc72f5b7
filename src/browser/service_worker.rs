//! The service worker (`sw.js`): registering it, noticing a new version waiting, and
//! switching to that version only when the person asks.
//!
//! Release builds only: in development, a cache-first worker would serve stale files.

use std::cell::Cell;

use leptos::prelude::{IsDisposed, Owner, StoredValue};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::lifecycle::on_shown;
use super::listen::listen;

/// How long a tab shown again waits after its last look for a new version.
const CHECK_EVERY_MS: f64 = 60.0 * 60.0 * 1000.0;

thread_local! {
    /// Set when the person pressed Reload, so only that switch reloads this tab.
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Missing on insecure origins and in some private modes.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers `sw.js` next to the page (its scope is the app's folder, so subpaths work) and
/// calls `on_update_ready` when a newer version is installed and waiting for this tab. The
/// listeners and the pending registration belong to the current owner: they end with it.
pub fn register(on_update_ready: impl Fn() + Clone + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else { return };
    let had_controller = container.controller().is_some();
    let on_switch = on_update_ready.clone();
    listen(&container, "controllerchange", move |_| {
        if RELOAD_REQUESTED.get() {
            reload();
        } else if had_controller {
            // Another tab switched to the new version; this one still runs the old code.
            on_switch();
        }
    });
    // Events and the registration's answer come outside any owner; what they add joins this
    // one, and nothing happens once it has gone.
    let owner = Owner::current().unwrap_or_default();
    let alive = StoredValue::new(());
    wasm_bindgen_futures::spawn_local(async move {
        let registered = JsFuture::from(container.register("sw.js")).await;
        // Blocked workers (an enterprise policy, a test harness) answer with nothing.
        let Some(registration) = registered
            .ok()
            .filter(|r| r.is_object() && !alive.is_disposed())
        else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // With no controller this is the first install: there is no older version to leave.
        let controlled = move || container.controller().is_some();
        if registration.waiting().is_some() && controlled() {
            on_update_ready();
        }
        let found = registration.clone();
        let watcher = owner.clone();
        owner.with(|| {
            listen(&registration, "updatefound", move |_| {
                let Some(worker) = found.installing() else {
                    return;
                };
                let watched = worker.clone();
                let on_ready = on_update_ready.clone();
                let controlled = controlled.clone();
                watcher.with(|| {
                    listen(&worker, "statechange", move |_| {
                        if watched.state() == ServiceWorkerState::Installed && controlled() {
                            on_ready();
                        }
                    })
                });
            })
        });
        // A tab left open for days looks for a new version when it is shown again (back from
        // the back/forward cache too), at most once an hour: on a phone every switch back to
        // the app would be a request.
        let checked = Cell::new(js_sys::Date::now());
        owner.with(|| {
            on_shown(move || {
                let now = js_sys::Date::now();
                if now - checked.get() >= CHECK_EVERY_MS {
                    checked.set(now);
                    let _ = registration.update();
                }
            })
        });
    });
}

/// Switches to the waiting version: asks it to take over, then reloads once it controls the
/// page. If no worker is waiting (another tab already switched), reloads at once.
pub fn apply_update() {
    RELOAD_REQUESTED.set(true);
    let Some(container) = container() else {
        return reload();
    };
    wasm_bindgen_futures::spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) if worker.post_message(&"skip-waiting".into()).is_ok() => {}
            _ => reload(),
        }
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
