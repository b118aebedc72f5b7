//! Insights (`#/insights`): what the person's incidents have in common, as charts each with
//! a caption and a table. The figures are `model::insights`; this only lays them out.

use leptos::prelude::*;

use crate::browser::{page, perf, platform};
use crate::model::insights::{
    distress_bars, distress_text, durations_text, insights, Durations, Insights, TAGS_SHOWN,
};
use crate::route::Route;
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::effect::effect;
use crate::ui::memo::memo;
use crate::ui::parts::bar_chart::BarChart;
use crate::ui::state::library::Library;
use crate::ui::state::titles;

#[component]
pub fn InsightsScreen() -> impl IntoView {
    let library = context::needed::<Library>();
    page::set_title("Insights · Mend");
    let figures = memo(move || {
        let _span = perf::Span::start("mend:insights", "mend:insights:start");
        library.with_all(|all| {
            let names = titles::list_titles(all);
            insights(all, &names, platform::today(), &platform::local_day)
        })
    });
    effect(|| perf::mark("mend:insights-ready"));
    view! {
        <p class="back"><a href=Route::List.href()>"Back to your incidents"</a></p>
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Insights"</h1>
        <p class="lead">
            "Patterns across your incidents, so you can choose where a check or a habit would help most. "
            "This is not a score: every incident here is one you faced and worked through."
        </p>
        {move || figures.with(|x| if x.total == 0 {
            view! { <p class="empty">"Nothing to show yet. Once you have an incident, its patterns appear here."</p> }.into_any()
        } else {
            view! { <Figures x=x.clone()/> }.into_any()
        })}
    }
}

/// Commitments that held, shown most recent first.
const HELD_SHOWN: usize = 10;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
fn Figures(x: Insights) -> impl IntoView {
    let mut month_caption = "Incidents by month, up to this one (at most twelve).".to_owned();
    if x.earlier + x.future > 0 {
        month_caption += &format!(
            " Not shown: {} from before, {} dated after today.",
            x.earlier, x.future
        );
    }
    let tag_caption = if x.more_tags > 0 {
        format!(
            "Incidents by tag, the {TAGS_SHOWN} most common ({} more not shown).",
            plural(x.more_tags, "tag", "tags")
        )
    } else {
        "Incidents by tag.".to_owned()
    };
    let cause_caption = format!(
        "Kinds of cause, from Follow up\u{2019}s debrief. An incident can have several; {} none ticked.",
        plural(x.cause_unset, "has", "have")
    );
    let recurring = if x.recurring.is_empty() {
        view! { <p>"Nothing has come up twice in your most recent incidents."</p> }.into_any()
    } else {
        view! {
            <ul>{x.recurring.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
            <p class="hint">"Something that keeps coming back is a good place for a check. "
                <a href=Route::Checklist.href()>"Your pre-flight checklist"</a>" gathers them."</p>
        }
        .into_any()
    };
    // The most recent few: a thousand rows would take the page a third of a second to draw.
    let more_held = x.held.len().saturating_sub(HELD_SHOWN);
    let held = if x.held.is_empty() {
        view! { <p>"No commitment has a kept check-in yet."</p> }.into_any()
    } else {
        view! {
            <ul>{x.held.iter().rev().take(HELD_SHOWN).map(|h| view! {
                <li>{h.what.clone()}" ("{h.incident.clone()}"): kept "{plural(h.kept, "time", "times")}</li>
            }).collect_view()}</ul>
            {(more_held > 0).then(|| view! { <p class="hint">{format!("And {} more that held.", more_held)}</p> })}
        }
        .into_any()
    };
    let Insights {
        by_month,
        by_severity,
        by_tag,
        by_cause,
        to_tell,
        to_close,
        distress,
        check_ins,
        ..
    } = x.clone();
    view! {
        <p>{format!("{}, {} of them archived.", plural(x.total, "incident", "incidents"), x.archived)}</p>
        <section aria-labelledby="recurring-heading">
            <h2 id="recurring-heading">"What keeps coming back"</h2>
            <p class="hint">{format!("In your last {} incidents.", x.total.min(crate::model::insights::RECENT))}</p>
            {recurring}
        </section>
        <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">"How many, and what kind"</h2>
            <BarChart key="by-month" caption=month_caption bars=by_month/>
            <BarChart key="by-severity" caption="Incidents by severity, as set in Assess.".into() bars=by_severity/>
            {(!by_tag.is_empty()).then(|| view! { <BarChart key="by-tag" caption=tag_caption bars=by_tag/> })}
            <BarChart key="by-cause" caption=cause_caption bars=by_cause/>
        </section>
        <Timing key="to-tell" heading="From noticing to telling" what="noticing to telling" d=to_tell/>
        <Timing key="to-close" heading="From noticing to closing" what="noticing to closing" d=to_close/>
        <section aria-labelledby="distress-heading">
            <h2 id="distress-heading">"Distress, before and after the pause"</h2>
            <p>{distress_text(&distress)}</p>
            {(distress.pairs > 0).then(|| view! {
                <BarChart key="distress" caption="Average distress on Stop, out of 10.".into()
                    bars=distress_bars(&distress) max=100 column="Average"/>
            })}
        </section>
        <section aria-labelledby="check-ins-heading">
            <h2 id="check-ins-heading">"Check-ins and commitments"</h2>
            <BarChart key="check-ins" caption="Check-ins at 30, 60 and 90 days, across every commitment.".into() bars=check_ins/>
            <h3>"Commitments that held"</h3>
            {held}
        </section>
    }
}

/// A time across incidents: its median and trend in words, and the most recent as bars.
#[component]
fn Timing(
    key: &'static str,
    heading: &'static str,
    what: &'static str,
    d: Durations,
) -> impl IntoView {
    let heading_id = format!("{key}-heading");
    let labelled_by = heading_id.clone();
    let words = durations_text(&d, what);
    let chart = (!d.recent.is_empty()).then(|| {
        let caption = format!(
            "Time from {what}, the most recent {}, oldest first.",
            d.recent.len()
        );
        view! { <BarChart key caption bars=d.recent column="Time"/> }
    });
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p>{words}</p>
            {chart}
        </section>
    }
}
