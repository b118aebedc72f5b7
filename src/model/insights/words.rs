//! The Insights figures in kind words: a time's median and trend, distress before and after
//! the pause, and numbers in tenths, all without float formatting.

use super::{Bar, Distress, Durations, Trend};
use crate::model::clock::duration_text;

/// A number in tenths as "6.5", without float formatting.
pub fn tenths(n: u64) -> String {
    format!("{}.{}", n / 10, n % 10)
}

/// A time's median and trend in kind words.
pub fn durations_text(d: &Durations, what: &str) -> String {
    let Some(median) = d.median else {
        return format!("No {what} recorded yet.");
    };
    let across = match d.count {
        1 => "one incident".to_owned(),
        n => format!("{n} incidents"),
    };
    let trend = match d.trend {
        Trend::TooFew => "",
        Trend::Shorter => " Lately it has been shorter.",
        Trend::Steady => " Lately it has stayed about the same.",
        Trend::Longer => " Lately it has taken longer: worth a look at what got in the way.",
    };
    format!(
        "Typically {} ({what}, across {across}).{trend}",
        duration_text(median)
    )
}

/// Distress before and after the pause, in kind words.
pub fn distress_text(d: &Distress) -> String {
    if d.pairs == 0 {
        return "Rate distress before and after the pause on Stop, and the change shows here."
            .to_owned();
    }
    format!(
        "On average {} of 10 before the pause and {} after, across {} {}. Lower after: {}; the same: {}; higher: {}.",
        tenths(d.before_tenths),
        tenths(d.after_tenths),
        d.pairs,
        if d.pairs == 1 { "incident" } else { "incidents" },
        d.lower,
        d.same,
        d.higher,
    )
}

/// The distress averages as two bars, before and after.
pub fn distress_bars(d: &Distress) -> Vec<Bar> {
    [
        ("Before the pause", d.before_tenths),
        ("After the pause", d.after_tenths),
    ]
    .into_iter()
    .map(|(label, value)| Bar {
        label: label.to_owned(),
        value,
        shown: format!("{} of 10", tenths(value)),
    })
    .collect()
}
