//! Time to tell and time to close: each incident's minutes, their median, the trend between
//! the earlier and the later half, and the most recent as bars.

use super::{sort_by, Bar, Durations, Trend, MONTHS};
use crate::model::clock::duration_text;
use crate::model::{Day, Incident, Timestamp};

fn day_label(day: Day) -> String {
    let (_, m, d) = day.ymd();
    format!("{d} {}", MONTHS[(m - 1).clamp(0, 11) as usize])
}

fn median(sorted: &[i64]) -> Option<i64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2]),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

fn sorted_median(values: &[i64]) -> Option<i64> {
    let mut v = values.to_vec();
    sort_by(&mut v, i64::cmp);
    median(&v)
}

/// `order` is the incidents' positions, oldest first; `took` when each began and ended, if known.
pub(super) fn durations(
    all: &[Incident],
    order: &[usize],
    local_day: &dyn Fn(Timestamp) -> Day,
    took: impl Fn(&Incident) -> Option<(Timestamp, Timestamp)>,
) -> Durations {
    let timed: Vec<(Day, i64)> = order
        .iter()
        .filter_map(|&n| {
            let (from, to) = took(&all[n])?;
            let minutes = (to.millis() - from.millis()) / 60_000;
            // A negative time is a typing slip, not a measurement.
            (minutes >= 0).then(|| (local_day(from), minutes))
        })
        .collect();
    let minutes: Vec<i64> = timed.iter().map(|(_, m)| *m).collect();
    let trend = if minutes.len() < 4 {
        Trend::TooFew
    } else {
        let (earlier, later) = minutes.split_at(minutes.len() / 2);
        let (e, l) = (sorted_median(earlier), sorted_median(later));
        match (e.unwrap_or(0), l.unwrap_or(0)) {
            // Within a tenth either way (and a minute) is steady.
            (e, l) if l * 10 < e * 9 && e - l > 1 => Trend::Shorter,
            (e, l) if l * 10 > e * 11 && l - e > 1 => Trend::Longer,
            _ => Trend::Steady,
        }
    };
    let recent = timed[timed.len().saturating_sub(12)..]
        .iter()
        .map(|(day, m)| Bar {
            label: day_label(*day),
            value: *m as u64,
            shown: duration_text(*m),
        })
        .collect();
    Durations {
        count: minutes.len(),
        median: sorted_median(&minutes),
        trend,
        recent,
    }
}
