//! The reminders calendar file, read back by a real iCalendar parser.
#![cfg(not(target_arch = "wasm32"))]

use icalendar::{parser, Component};

use mend::files::calendar::{reminders, NoReminders};
use mend::model::choices::{CheckIn, ItemStatus};
use mend::model::steps::add_item;
use mend::model::value::DayText;
use mend::model::{Day, Incident, IncidentId, Timestamp};

fn incident() -> Incident {
    let now: Timestamp = "2026-11-26T09:00:00Z".parse().unwrap();
    let mut incident = Incident::new(IncidentId::from_random_bytes([7; 16]), now);
    let commitments = &mut incident.steps.step_it_up.commitments;
    add_item(commitments);
    commitments[0].what =
        "Read the recipient line aloud before sending, every time; yes, every single time, \u{e9}l\u{e8}ve".into();
    commitments[0].day60 = CheckIn::Missed;
    incident
}

#[test]
fn a_parser_reads_every_check_in_as_an_all_day_event() {
    let start = Day::from_ymd(2026, 11, 26).unwrap();
    let now: Timestamp = "2026-11-26T09:30:00Z".parse().unwrap();
    let ics = reminders(&incident(), Some("Wrong invoice, again"), start, now).unwrap();

    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
    }

    let unfolded = parser::unfold(&ics);
    let calendar = parser::read_calendar(&unfolded).unwrap();
    let calendar: icalendar::Calendar = calendar.into();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 2, "the missed 60-day check-in is left out");

    let first = events[0];
    assert_eq!(
        first.get_summary(),
        Some("Check-in: Read the recipient line aloud before sending, every time; yes, every single time, \u{e9}l\u{e8}ve")
    );
    assert_eq!(first.property_value("DTSTART"), Some("20261226"));
    assert_eq!(events[1].property_value("DTSTART"), Some("20270224"));
    assert!(first
        .get_uid()
        .is_some_and(|uid| uid.ends_with("-1-30@mend.invalid")));
    assert_eq!(first.property_value("DTSTAMP"), Some("20261126T093000Z"));
    assert!(first
        .get_description()
        .is_some_and(|d| d.contains("\u{201c}Wrong invoice, again\u{201d}")));
}

#[test]
fn discreet_mode_leaves_the_incident_title_out() {
    let start = Day::from_ymd(2026, 11, 26).unwrap();
    let now: Timestamp = "2026-11-26T09:30:00Z".parse().unwrap();
    let ics = reminders(&incident(), None, start, now).unwrap();
    assert!(!ics.contains("Made after"));
}

/// Each event's start and end, as the parser reads them: `None` where it can't.
fn dates(ics: &str) -> Vec<(Option<String>, Option<String>)> {
    let unfolded = parser::unfold(ics);
    let calendar: icalendar::Calendar = parser::read_calendar(&unfolded).unwrap().into();
    let valid = |value: Option<&str>| {
        let value = value?;
        let (y, m, d) = (&value[..4], &value[4..6], &value[6..]);
        let day = Day::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
        (value.len() == 8 && day.to_string().replace('-', "") == value).then(|| value.to_owned())
    };
    calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            assert!(e.get_start().is_some(), "the parser reads a date");
            assert!(e.get_end().is_some(), "the parser reads a date");
            (
                valid(e.property_value("DTSTART")),
                valid(e.property_value("DTEND")),
            )
        })
        .collect()
}

#[test]
fn an_incident_closed_near_the_year_9999_gets_only_real_dates() {
    let now: Timestamp = "2026-11-26T09:30:00Z".parse().unwrap();
    let mut incident = incident();
    incident.steps.step_it_up.commitments[0].day60 = CheckIn::Pending;
    // 30 days on is 9999-12-15; 60 and 90 days on would be in the year 10000.
    let start = Day::from_ymd(9999, 11, 15).unwrap();
    let ics = reminders(&incident, None, start, now).unwrap();
    assert_eq!(
        dates(&ics),
        [(Some("99991215".to_owned()), Some("99991216".to_owned()))]
    );
    // Closed on 9999-12-15: every check-in falls after 9999, so no file, and a message.
    let start = Day::from_ymd(9999, 12, 15).unwrap();
    let refused = reminders(&incident, None, start, now).unwrap_err();
    assert_eq!(refused, NoReminders::PastYear9999);
    assert_eq!(
        refused.to_string(),
        "These dates would fall after the year 9999, which a calendar file can't hold, so there is nothing to add."
    );
}

#[test]
fn every_start_day_accepted_gives_valid_dates_or_none() {
    let now: Timestamp = "2026-11-26T09:30:00Z".parse().unwrap();
    let mut incident = incident();
    incident.steps.step_it_up.commitments[0].day60 = CheckIn::Pending;
    let last = Day::from_ymd(9999, 12, 31).unwrap();
    for back in 0..=100 {
        let start = last.plus_days(-back).unwrap();
        match reminders(&incident, None, start, now) {
            Ok(ics) => {
                for (start, end) in dates(&ics) {
                    assert!(start.is_some() && end.is_some(), "{ics}");
                }
            }
            Err(e) => assert_eq!(e, NoReminders::PastYear9999),
        }
    }
}

/// The events' summaries and descriptions, unfolded and unescaped by the parser.
fn events(ics: &str) -> Vec<(String, String, String)> {
    let unfolded = parser::unfold(ics);
    let calendar: icalendar::Calendar = parser::read_calendar(&unfolded).unwrap().into();
    calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            (
                e.property_value("DTSTART").unwrap_or_default().to_owned(),
                e.get_summary().unwrap_or_default().to_owned(),
                e.get_description().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn unfinished_fix_items_with_a_due_day_and_the_debrief_with_its_agenda_are_events() {
    let now: Timestamp = "2026-11-26T09:30:00Z".parse().unwrap();
    let mut incident = incident();
    incident.steps.step_it_up.commitments.clear();
    incident.steps.assess.what_happened = "Sent the invoice to the wrong client".into();
    incident.steps.follow_up.seemed_reasonable = "Both clients are called Acme".into();
    let items = &mut incident.steps.fix.items;
    for _ in 0..4 {
        add_item(items);
    }
    items[0].what = "Ask the client to delete it".into();
    items[0].due = DayText("2026-11-27".into());
    items[0].owner = "Me".into();
    items[1].what = "Send the right invoice".into();
    items[1].due = DayText("2026-11-28".into());
    items[1].status = ItemStatus::Done;
    items[2].what = "No day given".into();
    items[3].what = "Verified already".into();
    items[3].due = DayText("2026-11-29".into());
    items[3].verified_by = "Priya".into();
    incident.steps.follow_up.debrief_on = DayText("2026-12-02".into());

    let ics = reminders(
        &incident,
        Some("Wrong invoice"),
        Day::from_ymd(2026, 11, 26).unwrap(),
        now,
    )
    .unwrap();
    let found = events(&ics);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "20261127");
    assert_eq!(found[0].1, "Fix: Ask the client to delete it");
    assert!(found[0].2.contains("Owner: Me."));
    assert_eq!(found[1].0, "20261202");
    assert_eq!(found[1].1, "Debrief");
    let agenda = &found[1].2;
    assert!(
        agenda.contains("1. What happened: Sent the invoice to the wrong client"),
        "{agenda}"
    );
    assert!(
        agenda.contains("2. Why it seemed reasonable at the time: Both clients are called Acme")
    );
    assert!(agenda.contains("3. What we'll change: (to discuss)"));
    assert!(agenda.contains("\u{201c}Wrong invoice\u{201d}"));

    // Once the debrief is held, its reminder goes.
    incident.steps.follow_up.debrief_held = Some(now);
    let ics = reminders(&incident, None, Day::from_ymd(2026, 11, 26).unwrap(), now).unwrap();
    assert_eq!(events(&ics).len(), 1);
}

#[test]
fn the_checklist_reminder_is_one_repeating_event_a_parser_reads() {
    use mend::files::calendar::{repeating, Repeat};
    let start = Day::from_ymd(2026, 12, 7).unwrap();
    let now: Timestamp = "2026-12-03T09:30:00Z".parse().unwrap();
    let description =
        "Before you start:\n- Read the recipients aloud; twice, slowly\n- \u{e9}l\u{e8}ve";
    for (every, rule) in [
        (Repeat::Weekdays, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        (Repeat::Weekly, "FREQ=WEEKLY"),
        (Repeat::Monthly, "FREQ=MONTHLY"),
    ] {
        let ics = repeating("Pre-flight checklist", description, start, every, now).unwrap();
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
        }
        let unfolded = parser::unfold(&ics);
        let calendar: icalendar::Calendar = parser::read_calendar(&unfolded).unwrap().into();
        let events: Vec<_> = calendar
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].property_value("RRULE"), Some(rule));
        assert_eq!(events[0].property_value("DTSTART"), Some("20261207"));
        assert_eq!(events[0].get_description(), Some(description));
    }
    assert_eq!(
        repeating(
            "x",
            "",
            Day::from_ymd(9999, 12, 31).unwrap(),
            Repeat::Weekly,
            now
        ),
        None
    );
}
