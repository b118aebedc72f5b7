//! The check-in calendar file, read back by a real iCalendar parser.
#![cfg(not(target_arch = "wasm32"))]

use icalendar::{parser, Component};

use mend::files::calendar::check_ins;
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
    let ics = check_ins(&incident(), Some("Wrong invoice, again"), start, now);

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
    let ics = check_ins(&incident(), None, start, now);
    assert!(!ics.contains("Made after"));
}
