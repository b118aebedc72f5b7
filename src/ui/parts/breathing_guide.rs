//! The guided breathing pause: a text cue, start, pause and skip, and a shape that grows and
//! shrinks with the breath. Under reduced motion the shape is hidden and the countdown leads.
//! The cue and Start come first, so one tap starts it even on a small phone.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::focus;
use crate::model::breathing;
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::form::{field, Field, FieldInput};
use crate::ui::memo::memo;
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;

#[rustfmt::skip]
const PATTERN: Field = field!(CHOICE, "breathing-pattern", "Pattern", "", |i| i.steps.stop.pattern);

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Ready,
    Running,
    Paused,
    Done,
    Skipped,
}

/// The words while the guide is not running.
fn resting_cue(state: State) -> &'static str {
    match state {
        State::Ready => "Press Start when you're ready, and breathe along.",
        State::Paused => "Paused. Carry on when you're ready.",
        State::Done => "Done. Notice how you feel now.",
        State::Skipped => "Skipped. You can come back to it any time.",
        State::Running => "",
    }
}

#[component]
pub fn BreathingGuide() -> impl IntoView {
    let current = context::needed::<Current>();
    let pattern = memo(move || current.read(|i| i.steps.stop.pattern).unwrap_or_default());
    let state = RwSignal::new(State::Ready);
    let elapsed = RwSignal::new(0u32);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop_timer = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    on_cleanup(stop_timer);
    let phase = memo(move || breathing::at(pattern.get(), elapsed.get()));

    let tick = move || {
        elapsed.update(|s| *s += 1);
        if breathing::at(pattern.get_untracked(), elapsed.get_untracked()).is_none() {
            stop_timer();
            state.set(State::Done);
        }
    };
    let start = move |_| {
        if matches!(state.get_untracked(), State::Done | State::Skipped) {
            elapsed.set(0);
        }
        stop_timer();
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
            timer.set_value(Some(handle));
        }
        state.set(State::Running);
    };
    let pause = move |_| {
        stop_timer();
        state.set(State::Paused);
    };
    let skip = move |_| {
        stop_timer();
        state.set(State::Skipped);
        // Skip disappears once pressed; keep focus in the guide.
        focus::by_id(dom_ids::BREATHING_START);
    };

    // The cue and countdown are for the eyes. A screen reader hears one line a round and
    // each change of state, through its own live region.
    let spoken = memo(move || match state.get() {
        State::Ready => String::new(),
        State::Running => breathing::announcement(pattern.get(), elapsed.get()).unwrap_or_default(),
        resting => resting_cue(resting).to_owned(),
    });
    let cue = text(move || match state.get() {
        State::Running => phase.with(|p| p.map(|(p, _, _)| p.cue.to_owned()).unwrap_or_default()),
        resting => resting_cue(resting).to_owned(),
    });
    let full =
        move || state.get() == State::Running && phase.with(|p| p.is_some_and(|(p, _, _)| p.full));
    let seconds = move || phase.with(|p| p.map_or(1, |(p, _, _)| p.seconds));
    let active = move || !matches!(state.get(), State::Done | State::Skipped);

    view! {
        <section class="breathing" aria-labelledby="breathing-heading">
            <h2 id="breathing-heading">"Breathing pause"</h2>
            <p class="cue">{cue}</p>
            <p class="visually-hidden" aria-live="polite">{text(move || spoken.get())}</p>
            <div class="actions">
                // One button whose label changes, so focus stays on it.
                <button type="button" class="primary" id=dom_ids::BREATHING_START on:click=move |ev| {
                    if state.get_untracked() == State::Running { pause(ev) } else { start(ev) }
                }>
                    {text(move || match state.get() {
                        State::Ready => "Start",
                        State::Running => "Pause",
                        State::Paused => "Carry on",
                        State::Done | State::Skipped => "Start again",
                    }.into())}
                </button>
                <When when=active>
                    <button type="button" class="quiet" on:click=skip>"Skip"</button>
                </When>
            </div>
            <div class="breath-stage">
                <div class="breath-shape" class:full=full aria-hidden="true"
                    style:transition-duration=move || format!("{}s", seconds())></div>
                <p class="countdown" aria-hidden="true">
                    {text(move || match (state.get(), phase.get()) {
                        (State::Running, Some((_, _, left))) => left.to_string(),
                        _ => String::new(),
                    })}
                </p>
            </div>
            <FieldInput field=&PATTERN/>
        </section>
    }
}
