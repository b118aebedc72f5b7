//! A horizontal bar chart drawn as inline SVG, with its caption and a "Show as table" toggle
//! that gives the same numbers as a table. No chart library: a few rects and texts.

use leptos::prelude::*;

use crate::model::insights::Bar;
use crate::ui::reactive_text::text;

/// Units of the drawing; CSS scales it to the column's width.
const WIDTH: u64 = 320;
/// Each bar's label sits on its own line above the bar, so long labels never collide.
const ROW: u64 = 34;
const BAR_MAX: u64 = 240;

/// `key` makes the DOM ids; `max` fixes the scale's end (10 for distress), else the
/// largest value is.
#[component]
pub fn BarChart(
    key: &'static str,
    caption: String,
    bars: Vec<Bar>,
    #[prop(optional)] max: Option<u64>,
    /// The table's number column.
    #[prop(default = "How many")]
    column: &'static str,
) -> impl IntoView {
    let table_open = RwSignal::new(false);
    let top = max.unwrap_or_else(|| bars.iter().map(|b| b.value).max().unwrap_or(0));
    let height = ROW * bars.len() as u64;
    // Read out as one line, for screen readers that stop at the drawing.
    let summary = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.shown))
        .collect::<Vec<_>>()
        .join("; ");
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(n, bar)| {
            let y = ROW * n as u64;
            let width = (bar.value * BAR_MAX).checked_div(top).unwrap_or(0);
            // A bar that isn't zero always shows.
            let width = if bar.value > 0 { width.max(2) } else { 0 };
            view! {
                <text x="0" y=y + 12 class="chart-label">{bar.label.clone()}</text>
                <rect x="0" y=y + 16 width=width height="12" rx="2" class="chart-bar"></rect>
                <text x=width + 6 y=y + 27 class="chart-value">{bar.shown.clone()}</text>
            }
        })
        .collect_view();
    let rows = bars
        .iter()
        .map(|bar| {
            view! { <tr><th scope="row">{bar.label.clone()}</th><td>{bar.shown.clone()}</td></tr> }
        })
        .collect_view();
    let table_id = format!("{key}-table");
    let caption_id = format!("{key}-caption");
    view! {
        <figure class="chart">
            <figcaption id=caption_id.clone()>{caption}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary
                class="chart-drawing">
                {drawn}
            </svg>
            <button type="button" class="quiet" aria-expanded=move || table_open.get().to_string()
                aria-controls=table_id.clone() on:click=move |_| table_open.update(|o| *o = !*o)>
                {text(move || if table_open.get() { "Hide the table" } else { "Show as table" }.into())}
            </button>
            <div id=table_id class="table-scroll" hidden=move || !table_open.get()>
                <table class="compare" aria-labelledby=caption_id>
                    <thead><tr><th scope="col">"What"</th><th scope="col">{column}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}
