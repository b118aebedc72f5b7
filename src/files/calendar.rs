//! Prevention check-ins as an iCalendar file (RFC 5545): one all-day event at 30, 60 and 90
//! days for each commitment not yet marked, so any calendar app can remind the person.

use crate::model::choices::CheckIn;
use crate::model::steps::Commitment;
use crate::model::{Day, Incident, Timestamp};

/// Where a commitment records one check-in.
type Mark = fn(&Commitment) -> CheckIn;

/// The check-in days after the start, with how each commitment records it.
const CHECK_INS: [(i64, Mark); 3] = [(30, |c| c.day30), (60, |c| c.day60), (90, |c| c.day90)];

/// Why there is no file to make.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoCheckIns {
    #[error("There are no check-ins to add yet: write a commitment above, and leave at least one check-in at \u{201c}Not yet\u{201d}.")]
    NoneWaiting,
    #[error("These check-ins would fall after the year 9999, which a calendar file can't hold, so there is nothing to add.")]
    PastYear9999,
}

/// The check-ins still "Not yet", each with its day. A day past 9999-12-30 is left out: its
/// event, or the day after it where the event ends, would need a five-digit year, which
/// iCalendar's dates can't write.
fn pending(incident: &Incident, start: Day) -> impl Iterator<Item = (&Commitment, i64, Day)> {
    waiting(incident).filter_map(move |(c, days)| {
        let day = start.plus_days(days)?;
        day.plus_days(1)?;
        Some((c, days, day))
    })
}

fn waiting(incident: &Incident) -> impl Iterator<Item = (&Commitment, i64)> {
    incident
        .steps
        .step_it_up
        .commitments
        .iter()
        .filter(|c| !c.what.trim().is_empty())
        .flat_map(|c| {
            CHECK_INS
                .iter()
                .filter(move |(_, mark)| mark(c) == CheckIn::Pending)
                .map(move |(days, _)| (c, *days))
        })
}

/// The `.ics` text. Check-ins fall `30/60/90` days after `start`; `title` is `None` in
/// discreet mode, so calendar entries don't name the incident.
pub fn check_ins(
    incident: &Incident,
    title: Option<&str>,
    start: Day,
    now: Timestamp,
) -> Result<String, NoCheckIns> {
    if waiting(incident).next().is_none() {
        return Err(NoCheckIns::NoneWaiting);
    }
    if pending(incident, start).next().is_none() {
        return Err(NoCheckIns::PastYear9999);
    }
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Mend//Check-ins//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for (commitment, days, day) in pending(incident, start) {
        let from = match title {
            Some(title) => format!(" Made after \u{201c}{}\u{201d}.", title.trim()),
            None => String::new(),
        };
        // `pending` checked that the day after exists.
        let end = day.plus_days(1).unwrap_or(day);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}-{}-{days}@mend.invalid", incident.id, commitment.id),
            format!("DTSTAMP:{}", utc_basic(now)),
            format!("DTSTART;VALUE=DATE:{}", basic(day)),
            format!("DTEND;VALUE=DATE:{}", basic(end)),
            format!("SUMMARY:{}", text(&format!("Check-in: {}", commitment.what.trim()))),
            format!(
                "DESCRIPTION:{}",
                text(&format!(
                    "{days}-day check-in on a commitment: {}.{from}\nDid it hold? Mark it Kept or Missed in Mend, under Step it up.",
                    commitment.what.trim()
                ))
            ),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    Ok(lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join(""))
}

/// `20261226`
fn basic(day: Day) -> String {
    let (y, m, d) = day.ymd();
    format!("{y:04}{m:02}{d:02}")
}

/// `20261126T093000Z`
fn utc_basic(at: Timestamp) -> String {
    let text = at.to_string();
    let digits: String = text.chars().take(19).filter(char::is_ascii_digit).collect();
    format!("{}T{}Z", &digits[..8], &digits[8..])
}

/// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character, ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::add_item;

    fn incident() -> Incident {
        let mut i = Incident::blank(5);
        let commitments = &mut i.steps.step_it_up.commitments;
        add_item(commitments);
        add_item(commitments);
        commitments[0].what = "Check the recipient, twice; always".into();
        commitments[0].day30 = CheckIn::Kept;
        i
    }

    #[test]
    fn one_event_per_unmarked_check_in_of_a_written_commitment() {
        let start = Day::from_ymd(2026, 11, 26).unwrap();
        assert_eq!(pending(&incident(), start).count(), 2);
    }

    #[test]
    fn check_ins_past_the_year_9999_are_left_out() {
        let mut i = incident();
        i.steps.step_it_up.commitments[1].what = "Ask first".into();
        let day = |m, d| Day::from_ymd(9999, m, d).unwrap();
        assert_eq!(
            pending(&i, day(10, 1)).count(),
            5,
            "90 days on is 9999-12-30"
        );
        assert_eq!(
            pending(&i, day(10, 2)).count(),
            3,
            "its day after is 10000-01-01"
        );
        let now = Timestamp::from_millis(0).unwrap();
        assert_eq!(
            check_ins(&i, None, day(12, 15), now),
            Err(NoCheckIns::PastYear9999)
        );
        i.steps.step_it_up.commitments.clear();
        assert_eq!(
            check_ins(&i, None, day(12, 15), now),
            Err(NoCheckIns::NoneWaiting)
        );
    }

    #[test]
    fn lines_are_folded_at_75_octets_on_character_boundaries() {
        let line = format!("SUMMARY:{}", "é".repeat(80));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for part in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn times_use_the_basic_utc_form() {
        let at: Timestamp = "2026-11-26T09:30:05.120Z".parse().unwrap();
        assert_eq!(utc_basic(at), "20261126T093005Z");
    }
}
