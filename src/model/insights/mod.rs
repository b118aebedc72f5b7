//! Insights across incidents: how many, by month, severity, tag and kind of cause; what
//! keeps coming back; time to tell and to close; distress before and after the pause; and
//! how the prevention check-ins went. Pure and counted in integers (no float formatting).
//!
//! Archived incidents count. Nothing here is a score: the words say what to look at next.

use super::choices::{CauseKind, CheckIn, Severity};

mod durations;
mod words;
use super::milestones::CHECK_INS;
use super::{Day, Incident, Timestamp};
use durations::durations;
pub use words::{distress_bars, distress_text, durations_text, tenths};

/// One bar of a chart and one row of its table: a label, the number the bar is drawn from,
/// and that number as words ("3", "1 h 5 min", "6.5 of 10").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub shown: String,
}

impl Bar {
    fn count(label: impl Into<String>, n: usize) -> Self {
        Bar {
            label: label.into(),
            value: n as u64,
            shown: n.to_string(),
        }
    }
}

/// Whether a time has lately become shorter or longer: later half against earlier half.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// Fewer than four to compare.
    TooFew,
    Shorter,
    Steady,
    Longer,
}

/// How long something took across incidents, in minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Durations {
    pub count: usize,
    pub median: Option<i64>,
    pub trend: Trend,
    /// The most recent ones (at most 12), oldest first, labelled by day.
    pub recent: Vec<Bar>,
}

/// Distress on Stop, where both before and after the pause were rated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distress {
    pub pairs: usize,
    /// Averages in tenths: 65 is 6.5.
    pub before_tenths: u64,
    pub after_tenths: u64,
    pub lower: usize,
    pub same: usize,
    pub higher: usize,
}

/// A commitment whose check-ins so far were all kept (at least one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    pub what: String,
    /// The incident's name as shown (a number in discreet mode).
    pub incident: String,
    pub kept: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insights {
    pub total: usize,
    pub archived: usize,
    /// The months up to this one, oldest first: from the first of the last twelve that has an
    /// incident, and at least the last three.
    pub by_month: Vec<Bar>,
    /// Dated before those months, and dated after today.
    pub earlier: usize,
    pub future: usize,
    pub by_severity: Vec<Bar>,
    /// The most common tags (at most `TAGS_SHOWN`), then how many other tags there are.
    pub by_tag: Vec<Bar>,
    pub more_tags: usize,
    pub by_cause: Vec<Bar>,
    /// Incidents with no kind of cause ticked.
    pub cause_unset: usize,
    /// "Missing check: 3 of your last 5", for each cause or tag seen twice or more.
    pub recurring: Vec<String>,
    pub to_tell: Durations,
    pub to_close: Durations,
    pub distress: Distress,
    /// Kept, missed and not yet, across every written commitment.
    pub check_ins: Vec<Bar>,
    pub held: Vec<Held>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
pub const TAGS_SHOWN: usize = 10;
/// Recurrence looks at this many of the most recent incidents.
pub const RECENT: usize = 5;

/// When it happened, as best known: Assess's time, else when it was noticed, else created.
pub fn when(incident: &Incident) -> Timestamp {
    incident
        .steps
        .assess
        .happened_at
        .or(incident.noticed_at)
        .unwrap_or(incident.created_at)
}

/// A stable insertion sort by `order`. The standard library's sorts cost 2 to 4 kB of wasm
/// for each type sorted; this costs a few hundred bytes, and a thousand incidents still sort
/// in milliseconds.
pub fn sort_by<T>(items: &mut [T], order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && order(&items[j - 1], &items[j]).is_gt() {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Each tag as (ASCII-folded, as first written, how many incidents have it), most common
/// first, then by name. A tag written twice on one incident counts once.
pub fn tag_counts<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
) -> Vec<(String, String, usize)> {
    let mut tags: Vec<(String, String, usize)> = Vec::new();
    for i in incidents {
        let mut seen: Vec<String> = Vec::new();
        for tag in i.tag_list() {
            let folded = tag.to_ascii_lowercase();
            if seen.contains(&folded) {
                continue;
            }
            match tags.iter_mut().find(|(f, _, _)| *f == folded) {
                Some(entry) => entry.2 += 1,
                None => tags.push((folded.clone(), tag.to_owned(), 1)),
            }
            seen.push(folded);
        }
    }
    sort_by(&mut tags, |a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    tags
}

fn month_index(day: Day) -> i64 {
    let (y, m, _) = day.ymd();
    y * 12 + m - 1
}

fn month_label(index: i64) -> String {
    format!(
        "{} {}",
        MONTHS[index.rem_euclid(12) as usize],
        index.div_euclid(12)
    )
}

fn noticed(i: &Incident) -> Timestamp {
    i.noticed_at.unwrap_or(i.created_at)
}

/// Every figure, for `all` incidents (archived too). `names` are the titles as shown, in
/// the same order (discreet mode's numbers when it is on); `today` and `local_day` place
/// moments on the person's calendar.
pub fn insights(
    all: &[Incident],
    names: &[String],
    today: Day,
    local_day: &dyn Fn(Timestamp) -> Day,
) -> Insights {
    let mut order: Vec<usize> = (0..all.len()).collect();
    sort_by(&mut order, |&a, &b| {
        (when(&all[a]), all[a].id).cmp(&(when(&all[b]), all[b].id))
    });

    // By month: the twelve months up to this one.
    let this_month = month_index(today);
    let mut months = [0usize; 12];
    let (mut earlier, mut future) = (0, 0);
    for i in all {
        let day = local_day(when(i));
        let back = this_month - month_index(day);
        if day > today {
            future += 1;
        } else if (0..12).contains(&back) {
            months[11 - back as usize] += 1;
        } else {
            earlier += 1;
        }
    }
    // From the first month with an incident, so a new user doesn't read a row of empty
    // months; at least the last three.
    let first = months.iter().position(|n| *n > 0).unwrap_or(12).min(9);
    let by_month = (first..12)
        .map(|n| Bar::count(month_label(this_month - 11 + n as i64), months[n]))
        .collect();

    let by_severity = Severity::OPTIONS
        .iter()
        .map(|(key, label)| {
            let n = all
                .iter()
                .filter(|i| i.steps.assess.severity.key() == *key)
                .count();
            // The label up to its colon: "High", not the whole description.
            Bar::count(label.split(':').next().unwrap_or(label), n)
        })
        .collect();

    let tags = tag_counts(all);
    let more_tags = tags.len().saturating_sub(TAGS_SHOWN);
    let by_tag = tags
        .iter()
        .take(TAGS_SHOWN)
        .map(|(_, shown, n)| Bar::count(shown.clone(), *n))
        .collect();

    let mut causes = [0usize; 8];
    let mut cause_unset = 0;
    for i in all {
        let kinds = &i.steps.follow_up.cause_kinds;
        if kinds.is_empty() {
            cause_unset += 1;
        }
        for kind in CauseKind::ALL.iter().filter(|k| kinds.contains(k)) {
            causes[kind.index()] += 1;
        }
    }
    let by_cause = CauseKind::ALL
        .iter()
        .map(|k| Bar::count(k.label(), causes[k.index()]))
        .collect();

    // Recurrence among the most recent incidents (not counting any dated in the future).
    let recent: Vec<&Incident> = order
        .iter()
        .rev()
        .map(|&n| &all[n])
        .filter(|i| local_day(when(i)) <= today)
        .take(RECENT)
        .collect();
    let of = recent.len();
    let mut recurring = Vec::new();
    for kind in CauseKind::ALL {
        let n = recent
            .iter()
            .filter(|i| i.steps.follow_up.has_cause(kind))
            .count();
        if n >= 2 {
            recurring.push(format!("{}: {n} of your last {of}", kind.label()));
        }
    }
    for (folded, shown, _) in &tags {
        let n = recent
            .iter()
            .filter(|i| i.tag_list().iter().any(|t| t.eq_ignore_ascii_case(folded)))
            .count();
        if n >= 2 {
            recurring.push(format!(
                "Tagged \u{201c}{shown}\u{201d}: {n} of your last {of}"
            ));
        }
    }

    let to_tell = durations(all, &order, local_day, |i| {
        Some((noticed(i), i.steps.own_up.told_at?))
    });
    let to_close = durations(all, &order, local_day, |i| {
        Some((noticed(i), i.steps.step_it_up.resolved_at?))
    });

    let pairs: Vec<(u64, u64)> = all
        .iter()
        .filter_map(|i| {
            let stop = &i.steps.stop;
            Some((
                u64::from(stop.distress_before?),
                u64::from(stop.distress_after?),
            ))
        })
        .collect();
    let average = |f: fn(&(u64, u64)) -> u64| {
        let sum: u64 = pairs.iter().map(f).sum();
        // Rounded to the nearest tenth.
        (sum * 100 / (pairs.len().max(1) as u64) + 5) / 10
    };
    let distress = Distress {
        pairs: pairs.len(),
        before_tenths: average(|p| p.0),
        after_tenths: average(|p| p.1),
        lower: pairs.iter().filter(|(b, a)| a < b).count(),
        same: pairs.iter().filter(|(b, a)| a == b).count(),
        higher: pairs.iter().filter(|(b, a)| a > b).count(),
    };

    let mut marks = [0usize; 3];
    let mut held = Vec::new();
    for &n in &order {
        for c in &all[n].steps.step_it_up.commitments {
            if c.what.trim().is_empty() {
                continue;
            }
            let these: Vec<CheckIn> = CHECK_INS.iter().map(|(_, mark)| mark(c)).collect();
            for mark in &these {
                marks[match mark {
                    CheckIn::Kept => 0,
                    CheckIn::Missed => 1,
                    CheckIn::Pending => 2,
                }] += 1;
            }
            let kept = these.iter().filter(|m| **m == CheckIn::Kept).count();
            if kept > 0 && !these.contains(&CheckIn::Missed) {
                held.push(Held {
                    what: c.what.trim().to_owned(),
                    incident: names.get(n).cloned().unwrap_or_default(),
                    kept,
                });
            }
        }
    }
    let check_ins = [CheckIn::Kept, CheckIn::Missed, CheckIn::Pending]
        .iter()
        .zip(marks)
        .map(|(mark, n)| Bar::count(mark.label(), n))
        .collect();

    Insights {
        total: all.len(),
        archived: all.iter().filter(|i| i.archived).count(),
        by_month,
        earlier,
        future,
        by_severity,
        by_tag,
        more_tags,
        by_cause,
        cause_unset,
        recurring,
        to_tell,
        to_close,
        distress,
        check_ins,
        held,
    }
}
