//! The check-in calendar file, read back by a real iCalendar parser.
#![cfg(not(target_arch = "wasm32"))]

use icalendar::{parser, Component};

use mend::files::calendar::{check_ins, NoCheckIns};
use mend::model::choices::CheckIn;
use mend::model::steps::add_item;
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
    let ics = check_ins(&incident(), Some("Wrong invoice, again"), start, now).unwrap();

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
    let ics = check_ins(&incident(), None, start, now).unwrap();
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
    let ics = check_ins(&incident, None, start, now).unwrap();
    assert_eq!(
        dates(&ics),
        [(Some("99991215".to_owned()), Some("99991216".to_owned()))]
    );
    // Closed on 9999-12-15: every check-in falls after 9999, so no file, and a message.
    let start = Day::from_ymd(9999, 12, 15).unwrap();
    let refused = check_ins(&incident, None, start, now).unwrap_err();
    assert_eq!(refused, NoCheckIns::PastYear9999);
    assert_eq!(
        refused.to_string(),
        "These check-ins would fall after the year 9999, which a calendar file can't hold, so there is nothing to add."
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
        match check_ins(&incident, None, start, now) {
            Ok(ics) => {
                for (start, end) in dates(&ics) {
                    assert!(start.is_some() && end.is_some(), "{ics}");
                }
            }
            Err(e) => assert_eq!(e, NoCheckIns::PastYear9999),
        }
    }
}
