//! One incident, one step at a time: the step navigation, the step's form, Next and Back,
//! and archiving or deleting the incident.

use leptos::prelude::*;

use crate::browser::{page, perf, platform};
use crate::model::{clock, milestones, status, IncidentId, Step};
use crate::persist::StorageKey;
use crate::route::Route;
use crate::ui::context;
use crate::ui::dialogs::report_dialog::{PrintView, ReportDialog};
use crate::ui::dom_ids;
use crate::ui::drawn_in_steps::a_task_later;
use crate::ui::effect::effect;
use crate::ui::memo::memo;
use crate::ui::parts::calm_clock::CalmClock;
use crate::ui::parts::step_forms::StepForms;
use crate::ui::parts::step_nav::StepNav;
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;
use crate::ui::state::exporting::{export_one, said};
use crate::ui::state::library::Library;
use crate::ui::state::navigator::Navigator;
use crate::ui::state::titles;

/// One step of one incident, or a note when the incident is missing or unreadable.
#[component]
pub fn IncidentScreen(
    /// The incident in the address.
    id: IncidentId,
    /// The step in the address.
    step: Memo<Step>,
) -> impl IntoView {
    let library = context::needed::<Library>();
    // Re-checked on every keystroke; `Current` finds the incident without a search.
    let here = Current::new(id, library);
    let exists = memo(move || here.read(|_| ()).is_some());
    let unreadable = move || {
        library
            .unreadable
            .with(|u| u.iter().any(|u| u.key == StorageKey::Incident(id)))
    };
    move || {
        if exists.get() {
            view! { <IncidentEditor current=here step/> }.into_any()
        } else if unreadable() {
            view! { <Unavailable text="This incident could not be read. It is kept exactly as it was; the list has a download of it."/> }.into_any()
        } else {
            view! { <Unavailable text="There is no incident at this address. It may have been deleted."/> }.into_any()
        }
    }
}

/// In place of an incident that can't be shown.
#[component]
fn Unavailable(
    /// Why it can't be shown.
    text: &'static str,
) -> impl IntoView {
    page::set_title("Incident unavailable · Mend");
    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Incident unavailable"</h1>
        <p>{text}</p>
        <p><a href=Route::List.href()>"Go to your incidents"</a></p>
    }
}

/// The incident's frame built off the page from a detached copy (`ui::warm_up`), so that its
/// first real opening doesn't also compile it. The step's form is left out: the warm-up
/// builds each of those on its own.
pub fn warm_frame(current: Current, step: Step) -> AnyView {
    let step = memo(move || step);
    // The same type as the screen's own, so that its code is shared rather than built twice.
    view! { <IncidentEditor current step/> }.into_any()
}

/// The incident's heading, step navigation and the form for one step.
#[component]
fn IncidentEditor(
    /// The incident, known to exist; or a detached copy, built off the page (`warm_frame`).
    current: Current,
    /// The step to show.
    step: Memo<Step>,
) -> impl IntoView {
    let library = context::needed::<Library>();
    let navigator = context::needed::<Navigator>();
    let id = current.id;
    let off_page = current.is_detached();
    provide_context(current);
    // As the incident opens (from another screen, or at a start; not when its step changes),
    // the heading and step links are drawn in this task and the step's form, Next and the
    // actions in the next: together they were one task of 120 to 200 ms at 4x CPU slowdown.
    // A brand-new incident is drawn at once: focus goes straight to its breathing guide
    // (ui/app.rs). Off the page everything is built at once, as it is dropped at once.
    let form_due = a_task_later(off_page || library.is_untouched(id));
    let title = memo(move || current.read(titles::name).unwrap_or_default());
    let status = memo(move || current.read(status::status));
    let archived = memo(move || current.read(|i| i.archived).unwrap_or(false));
    let urge = memo(move || {
        current
            .read(|i| clock::urge(i.steps.assess.severity, i.steps.assess.worsening))
            .flatten()
    });
    // Told, closed or archived: no more urging.
    let told = memo(move || {
        current
            .read(|i| !milestones::waiting_to_tell(i))
            .unwrap_or(true)
    });
    // Never changes, so it is read once rather than on every keystroke.
    let started = current.read_untracked(|i| platform::local_label(i.created_at));

    // The tab follows discreet mode; the page itself shows the real title. Set only when it
    // changes, not on every keystroke.
    let tab_title = memo(move || format!("{} \u{b7} {}", step.get().name(), titles::tab_title(id)));
    effect(move || tab_title.with(|title| page::set_title(title)));
    // Opening the incident later returns here. Not a change of content, so "last changed"
    // stays, and it is written with the next save or when the page is hidden.
    effect(move || {
        let here = step.get();
        current.remember(|i| {
            let moved = i.last_step != here;
            i.last_step = here;
            moved
        });
    });

    // Effects run once the view is in the page: the incident is ready to use once its form
    // is, for the benchmark (`StepForms` marks each step's form).
    effect(move || {
        if form_due.get() {
            perf::mark("mend:incident-ready");
        }
    });
    let go = move |to: Option<Step>| {
        if let Some(to) = to {
            navigator.go(Route::Incident(id, Some(to)));
        }
    };
    let archive = move |_| {
        current.adjust(|i| {
            i.archived = !i.archived;
            true
        })
    };
    let exported = RwSignal::new(String::new());
    let printing = RwSignal::new(None);
    let export = move |_| exported.set(said(export_one(library, id)));
    let delete = move |_| {
        navigator.go(Route::List);
        library.delete(id);
    };

    view! {
        <p class="back"><a href=Route::List.href()>"All incidents"</a></p>
        <p class="incident-line">
            <span class="incident-name">{title}</span>
            " "
            {move || status.get().map(|s| view! { <span class="status-tag" data-status=s.key()>{s.label()}</span> })}
            {move || archived.get().then(|| view! { " " <span class="status-tag">"Archived"</span> })}
            <span class="meta">"Started " {started}</span>
        </p>
        <StepNav step/>
        <div class="step">
            <p class="step-count">{text(move || format!("Step {} of 7", step.get().number()))}</p>
            <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">{text(move || step.get().name().into())}</h1>
            // Until the boss is told, on every step: the clock (Own up has its own) and the
            // way to the one short screen for it.
            <When when=move || !told.get()>
                <div class="tell-bar">
                    <When when=move || step.get() != Step::OwnUp><CalmClock/></When>
                    <a class="button" href=Route::TellNow(id).href()>"Tell now"</a>
                    <When when=move || matches!(step.get(), Step::Stop | Step::Assess)>
                        <p role="status" class="urge">{text(move || urge.get().unwrap_or_default().into())}</p>
                    </When>
                </div>
            </When>
            <When when=move || form_due.get() && !off_page><StepForms step/></When>
        </div>
        // With the form, so that nothing below it moves when it comes.
        <When when=move || form_due.get()>
            <div class="step-buttons">
                <When when=move || step.get().previous().is_some()>
                    <button type="button" on:click=move |_| go(step.get_untracked().previous())>"Back"</button>
                </When>
                <When when=move || step.get().next().is_some()>
                    <button type="button" class="primary" on:click=move |_| go(step.get_untracked().next())>"Next"</button>
                </When>
            </div>
            <div class="actions incident-actions">
                <button type="button" class="quiet" on:click=export>"Export"</button>
                <ReportDialog printing/>
                <button type="button" class="quiet" on:click=archive>
                    {text(move || if archived.get() { "Unarchive" } else { "Archive" }.into())}
                </button>
                <button type="button" class="quiet" on:click=delete>"Delete"</button>
            </div>
        </When>
        <p role="status" class="quiet-status">{exported}</p>
        {move || printing.get().map(|blocks| view! { <PrintView blocks/> })}
    }
}
