//! Insights across incidents: every figure with 0, 1 and 50 incidents, with incidents that
//! have no dates and ones dated in the future.
#![cfg(not(target_arch = "wasm32"))]

use mend::model::choices::{CauseKind, CheckIn, Severity};
use mend::model::insights::{
    distress_bars, distress_text, durations_text, insights, tenths, Insights, Trend,
};
use mend::model::steps::Commitment;
use mend::model::{Day, Incident, IncidentId, Timestamp};

const DAY: i64 = 86_400_000;
const MINUTE: i64 = 60_000;

fn today() -> Day {
    Day::from_ymd(2026, 12, 3).expect("a day")
}

/// Midnight UTC on 2026-12-03, plus `days`.
fn at(days: i64) -> Timestamp {
    Timestamp::from_millis(1_796_256_000_000 + days * DAY).expect("in range")
}

fn incident(n: u8, created: Timestamp) -> Incident {
    let mut i = Incident::new(IncidentId::from_random_bytes([n; 16]), created);
    i.title = format!("Incident {n}");
    i
}

fn run(all: &[Incident]) -> Insights {
    let names: Vec<String> = all.iter().map(|i| i.title.clone()).collect();
    insights(all, &names, today(), &Day::of_utc)
}

fn values(bars: &[mend::model::insights::Bar]) -> Vec<u64> {
    bars.iter().map(|b| b.value).collect()
}

#[test]
fn the_fixture_day_is_what_the_tests_assume() {
    assert_eq!(Day::of_utc(at(0)), today());
}

#[test]
fn no_incidents_gives_empty_figures_and_calm_words() {
    let x = run(&[]);
    assert_eq!((x.total, x.archived, x.earlier, x.future), (0, 0, 0, 0));
    assert_eq!(x.by_month.len(), 3, "the last three months, no more");
    assert_eq!(x.by_month[0].label, "Oct 2026");
    assert_eq!(x.by_month[2].label, "Dec 2026");
    assert!(x.by_month.iter().all(|b| b.value == 0));
    assert_eq!(values(&x.by_severity), [0; 5]);
    assert!(x.by_tag.is_empty());
    assert_eq!(values(&x.by_cause), [0; 8]);
    assert!(x.recurring.is_empty());
    assert_eq!(x.to_tell.median, None);
    assert_eq!(x.to_tell.trend, Trend::TooFew);
    assert_eq!(
        durations_text(&x.to_tell, "noticing to telling"),
        "No noticing to telling recorded yet."
    );
    assert_eq!(x.distress.pairs, 0);
    assert!(distress_text(&x.distress).starts_with("Rate distress"));
    assert_eq!(values(&x.check_ins), [0, 0, 0]);
    assert!(x.held.is_empty());
}

#[test]
fn one_incident_counts_once_in_every_figure() {
    let mut i = incident(1, at(-2));
    i.archived = true;
    i.tags = "Invoices, email".into();
    i.steps.assess.severity = Severity::High;
    i.steps.follow_up.set_cause(CauseKind::MissingCheck, true);
    i.steps.own_up.told_at = Some(at(-2).plus(25 * MINUTE));
    i.steps.step_it_up.resolved_at = Some(at(-1));
    i.steps.stop.distress_before = Some(8);
    i.steps.stop.distress_after = Some(5);
    i.steps.step_it_up.commitments.push(Commitment {
        id: 1,
        what: "Read recipients aloud".into(),
        day30: CheckIn::Kept,
        ..Commitment::default()
    });
    let x = run(&[i]);
    assert_eq!((x.total, x.archived), (1, 1), "archived incidents count");
    assert_eq!(values(&x.by_month), [0, 0, 1]);
    assert_eq!(values(&x.by_severity), [0, 0, 0, 1, 0]);
    assert_eq!(x.by_severity[3].label, "High");
    assert_eq!(
        x.by_tag
            .iter()
            .map(|b| b.label.as_str())
            .collect::<Vec<_>>(),
        ["email", "Invoices"]
    );
    assert_eq!(x.by_cause[1].label, "Missing check");
    assert_eq!(x.by_cause[1].value, 1);
    assert_eq!(x.cause_unset, 0);
    assert!(x.recurring.is_empty(), "once is not a pattern");
    assert_eq!(x.to_tell.median, Some(25));
    assert_eq!(x.to_tell.recent[0].shown, "25 minutes");
    assert_eq!(x.to_tell.recent[0].label, "1 Dec");
    assert_eq!(
        durations_text(&x.to_tell, "noticing to telling"),
        "Typically 25 minutes (noticing to telling, across one incident)."
    );
    assert_eq!(x.to_close.median, Some(24 * 60));
    assert_eq!(
        (x.distress.before_tenths, x.distress.after_tenths),
        (80, 50)
    );
    assert_eq!(distress_bars(&x.distress)[1].shown, "5.0 of 10");
    assert_eq!(
        distress_text(&x.distress),
        "On average 8.0 of 10 before the pause and 5.0 after, across 1 incident. Lower after: 1; the same: 0; higher: 0."
    );
    assert_eq!(values(&x.check_ins), [1, 0, 2]);
    assert_eq!(x.held.len(), 1);
    assert_eq!(x.held[0].incident, "Incident 1");
    assert_eq!(x.held[0].kept, 1);
}

trait Plus {
    fn plus(self, ms: i64) -> Timestamp;
}

impl Plus for Timestamp {
    fn plus(self, ms: i64) -> Timestamp {
        Timestamp::from_millis(self.millis() + ms).expect("in range")
    }
}

/// Fifty incidents, one every 10 days back from today: every fifth has no dates at all
/// (noticed unknown, created long ago), two are dated in the future, and telling got faster.
fn fifty() -> Vec<Incident> {
    (0..50u8)
        .map(|n| {
            let back = i64::from(n) * 10;
            let mut i = incident(n + 1, at(-back));
            if n % 5 == 4 {
                // No dates: created at the epoch, noticed and happened unknown.
                i = incident(n + 1, Timestamp::from_millis(0).expect("epoch"));
                i.noticed_at = None;
            }
            if n >= 48 {
                i.steps.assess.happened_at = Some(at(40 + i64::from(n)));
            }
            i.tags = if n % 2 == 0 {
                "email"
            } else {
                "Email, deploys"
            }
            .into();
            i.steps.assess.severity = [Severity::Low, Severity::Medium][usize::from(n % 2)];
            if n % 3 == 0 {
                i.steps.follow_up.set_cause(CauseKind::MissingCheck, true);
            }
            if n % 4 == 0 {
                i.steps.follow_up.set_cause(CauseKind::Rushed, true);
            }
            // The most recent (n small) were told fastest: 10 + n minutes.
            let noticed = i.noticed_at.unwrap_or(i.created_at);
            i.steps.own_up.told_at = Some(noticed.plus((10 + i64::from(n)) * MINUTE));
            i.steps.stop.distress_before = Some(7 + n % 2);
            i.steps.stop.distress_after = Some(4);
            i
        })
        .collect()
}

#[test]
fn fifty_incidents_with_undated_and_future_ones() {
    let all = fifty();
    let x = run(&all);
    assert_eq!(x.total, 50);
    // n = 48 and 49 happened in the future (49 also has no other dates); the other undated
    // ones fall in 1970, before the twelve months.
    assert_eq!(x.future, 2);
    assert_eq!(
        x.by_month.len(),
        12,
        "incidents in every one of the last twelve months"
    );
    assert_eq!(x.by_month[0].label, "Jan 2026");
    let in_window: u64 = values(&x.by_month).iter().sum();
    assert_eq!(in_window as usize + x.earlier + x.future, 50);
    assert_eq!(
        x.by_month[11].value, 1,
        "n = 0, today; n = 1 was in November"
    );
    assert_eq!(x.by_month[10].value, 3, "n = 1, 2, 3; n = 4 is undated");
    assert_eq!(values(&x.by_severity), [0, 25, 25, 0, 0]);
    assert_eq!(x.by_tag[0].label, "email", "first spelling seen");
    assert_eq!(x.by_tag[0].value, 50, "case folded together");
    assert_eq!(x.by_tag[1].value, 25);
    assert_eq!(x.by_cause[0].value, 13, "rushed: n % 4 == 0");
    assert_eq!(x.by_cause[1].value, 17, "missing check: n % 3 == 0");
    assert_eq!(x.cause_unset, 50 - 25);
    // The most recent five, leaving out the future and the undated (1970) ones, are
    // n = 0, 1, 2, 3 and 5: missing check at 0 and 3, rushed only at 0 (once is no pattern).
    assert_eq!(
        x.recurring,
        [
            "Missing check: 2 of your last 5",
            "Tagged \u{201c}email\u{201d}: 5 of your last 5",
            "Tagged \u{201c}deploys\u{201d}: 3 of your last 5",
        ]
    );
    assert_eq!(x.to_tell.count, 50);
    assert_eq!(x.to_tell.trend, Trend::Shorter);
    assert_eq!(x.to_tell.recent.len(), 12);
    assert!(
        durations_text(&x.to_tell, "noticing to telling").ends_with("Lately it has been shorter.")
    );
    assert_eq!(x.to_close.count, 0);
    assert_eq!(x.distress.pairs, 50);
    assert_eq!(x.distress.before_tenths, 75);
    assert_eq!(x.distress.lower, 50);
}

#[test]
fn slower_and_steady_trends_and_negative_times_left_out() {
    let mk = |minutes: &[i64]| -> Vec<Incident> {
        minutes
            .iter()
            .zip(1u8..)
            .map(|(m, n)| {
                let mut i = incident(n, at(-100 + i64::from(n)));
                i.steps.own_up.told_at = Some(at(-100 + i64::from(n)).plus(m * MINUTE));
                i
            })
            .collect()
    };
    assert_eq!(run(&mk(&[5, 5, 30, 40])).to_tell.trend, Trend::Longer);
    assert_eq!(run(&mk(&[20, 20, 21, 20])).to_tell.trend, Trend::Steady);
    let x = run(&mk(&[10, -30, 20]));
    assert_eq!(x.to_tell.count, 2, "told before noticed is a slip");
    assert_eq!(x.to_tell.median, Some(15));
    assert_eq!(x.to_tell.trend, Trend::TooFew);
}

#[test]
fn check_ins_and_held_commitments() {
    let mut i = incident(1, at(-100));
    let c = |id, what: &str, marks: [CheckIn; 3]| Commitment {
        id,
        what: what.into(),
        day30: marks[0],
        day60: marks[1],
        day90: marks[2],
        ..Commitment::default()
    };
    use CheckIn::*;
    i.steps.step_it_up.commitments = vec![
        c(1, "Held", [Kept, Kept, Pending]),
        c(2, "Slipped once", [Kept, Missed, Pending]),
        c(3, "Not yet", [Pending; 3]),
        c(4, "  ", [Kept; 3]),
    ];
    let x = run(&[i]);
    assert_eq!(
        values(&x.check_ins),
        [3, 1, 5],
        "the blank one doesn't count"
    );
    assert_eq!(x.held.len(), 1);
    assert_eq!((x.held[0].what.as_str(), x.held[0].kept), ("Held", 2));
}

#[test]
fn tenths_are_written_without_floats() {
    assert_eq!(tenths(0), "0.0");
    assert_eq!(tenths(65), "6.5");
    assert_eq!(tenths(100), "10.0");
}

#[test]
fn the_small_sort_is_stable_and_ordered() {
    use mend::model::insights::sort_by;
    let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
    sort_by(&mut v, |a, b| a.0.cmp(&b.0));
    assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    let mut empty: Vec<u8> = Vec::new();
    sort_by(&mut empty, u8::cmp);
    assert!(empty.is_empty());
}
