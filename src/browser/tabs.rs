//! Word between this site's tabs that is not a change to storage: "lock now", on a
//! `BroadcastChannel`. Nothing is sent when the browser has no such channel.

use super::listen::listen;

const CHANNEL: &str = "mend";
const LOCK: &str = "lock";

thread_local! {
    static CHANNEL_HERE: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new(CHANNEL).ok();
}

/// Tells every other tab of this site to lock.
pub fn tell_lock() {
    CHANNEL_HERE.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&LOCK.into());
        }
    });
}

/// Calls `callback` when another tab says to lock, until the current owner is cleaned up.
pub fn on_lock_elsewhere(callback: impl Fn() + 'static) {
    CHANNEL_HERE.with(|channel| {
        if let Some(channel) = channel {
            listen(channel, "message", move |event| {
                let said = js_sys::Reflect::get(&event, &"data".into()).ok();
                if said.and_then(|d| d.as_string()).as_deref() == Some(LOCK) {
                    callback();
                }
            });
        }
    });
}
