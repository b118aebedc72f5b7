//! Reminders as an iCalendar file (RFC 5545): an all-day event for each unfinished fix item's
//! due day, the debrief's day (with its agenda), and each prevention check-in not yet
//! marked, at 30, 60 and 90 days, so any calendar app can remind the person.

use crate::model::milestones::check_ins_waiting;
use crate::model::value::choice;
use crate::model::{Day, Incident, Timestamp};

/// Why there is no file to make.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoReminders {
    #[error("There are no dates to add yet: give a fix item a due day, set the debrief's day, or write a commitment and leave at least one check-in at \u{201c}Not yet\u{201d}.")]
    NoneWaiting,
    #[error("These dates would fall after the year 9999, which a calendar file can't hold, so there is nothing to add.")]
    PastYear9999,
}

/// One all-day event.
struct Reminder {
    /// Unique within the incident.
    uid: String,
    day: Day,
    summary: String,
    description: String,
}

fn or_to_discuss(text: &str) -> &str {
    match text.trim() {
        "" => "(to discuss)",
        text => text,
    }
}

/// The debrief's agenda, from what was written to prepare it.
pub fn debrief_agenda(incident: &Incident) -> String {
    let s = &incident.steps;
    let changes: Vec<&str> = s
        .step_it_up
        .commitments
        .iter()
        .map(|c| c.what.trim())
        .filter(|w| !w.is_empty())
        .collect();
    let changes = match changes.join("; ") {
        joined if joined.is_empty() => s.follow_up.caught_sooner.clone(),
        joined => joined,
    };
    format!(
        "Agenda, about the situation and not about a person:\n1. What happened: {}\n2. Why it seemed reasonable at the time: {}\n3. What we'll change: {}",
        or_to_discuss(&s.assess.what_happened),
        or_to_discuss(&s.follow_up.seemed_reasonable),
        or_to_discuss(&changes),
    )
}

/// Every date to be reminded of, whatever its year. Check-ins fall after `start`.
fn reminders_of(incident: &Incident, from: &str, start: Day) -> Vec<Option<Reminder>> {
    let s = &incident.steps;
    let fixes = s
        .fix
        .items
        .iter()
        .filter(|item| !item.is_finished() && !item.what.trim().is_empty())
        .filter_map(|item| {
            let day = Day::parse(&item.due.0)?;
            let owner = match item.owner.trim() {
                "" => String::new(),
                owner => format!(" Owner: {owner}."),
            };
            Some(Some(Reminder {
                uid: format!("fix-{}", item.id),
                day,
                summary: format!("Fix: {}", item.what.trim()),
                description: format!(
                    "Due today on the plan to fix it.{owner}{from}\nMark it done in Mend, under Fix."
                ),
            }))
        });
    let debrief = Day::parse(&s.follow_up.debrief_on.0)
        .filter(|_| s.follow_up.debrief_held.is_none())
        .map(|day| {
            Some(Reminder {
                uid: "debrief".to_owned(),
                day,
                summary: "Debrief".to_owned(),
                description: format!("{}{from}", debrief_agenda(incident)),
            })
        });
    let check_ins = check_ins_waiting(incident).map(|(commitment, days)| {
        let day = start.plus_days(days)?;
        Some(Reminder {
            uid: format!("{}-{days}", commitment.id),
            day,
            summary: format!("Check-in: {}", commitment.what.trim()),
            description: format!(
                "{days}-day check-in on a commitment: {}.{from}\nDid it hold? Mark it Kept or Missed in Mend, under Step it up.",
                commitment.what.trim()
            ),
        })
    });
    fixes.chain(debrief).chain(check_ins).collect()
}

/// The `.ics` text. Check-ins fall `30/60/90` days after `start`; `title` is `None` in
/// discreet mode, so calendar entries don't name the incident. A day past 9999-12-30 is
/// left out: its event, or the day after it where the event ends, would need a five-digit
/// year, which iCalendar's dates can't write.
pub fn reminders(
    incident: &Incident,
    title: Option<&str>,
    start: Day,
    now: Timestamp,
) -> Result<String, NoReminders> {
    let from = match title {
        Some(title) => format!(" Made after \u{201c}{}\u{201d}.", title.trim()),
        None => String::new(),
    };
    let all = reminders_of(incident, &from, start);
    if all.is_empty() {
        return Err(NoReminders::NoneWaiting);
    }
    let writable: Vec<(Reminder, Day)> = all
        .into_iter()
        .flatten()
        .filter_map(|r| r.day.plus_days(1).map(|end| (r, end)))
        .collect();
    if writable.is_empty() {
        return Err(NoReminders::PastYear9999);
    }
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Mend//Reminders//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for (reminder, end) in writable {
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}-{}@mend.invalid", incident.id, reminder.uid),
            format!("DTSTAMP:{}", utc_basic(now)),
            format!("DTSTART;VALUE=DATE:{}", basic(reminder.day)),
            format!("DTEND;VALUE=DATE:{}", basic(end)),
            format!("SUMMARY:{}", text(&reminder.summary)),
            format!("DESCRIPTION:{}", text(&reminder.description)),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    Ok(lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join(""))
}

choice!(
    /// How often the pre-flight checklist's reminder repeats.
    Repeat {
        Weekdays = "weekdays", "Every working day";
        Weekly = "weekly", "Every week";
        Monthly = "monthly", "Every month";
    }
);

impl Repeat {
    fn rule(self) -> &'static str {
        match self {
            Repeat::Weekdays => "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            Repeat::Weekly => "FREQ=WEEKLY",
            Repeat::Monthly => "FREQ=MONTHLY",
        }
    }
}

/// One all-day event from `start` that repeats `every` so often, with no end; `None` when
/// `start` is the last day iCalendar can write.
pub fn repeating(
    summary: &str,
    description: &str,
    start: Day,
    every: Repeat,
    now: Timestamp,
) -> Option<String> {
    let end = start.plus_days(1)?;
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Mend//Reminders//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:preflight-{}@mend.invalid", basic(start)),
        format!("DTSTAMP:{}", utc_basic(now)),
        format!("DTSTART;VALUE=DATE:{}", basic(start)),
        format!("DTEND;VALUE=DATE:{}", basic(end)),
        format!("RRULE:{}", every.rule()),
        format!("SUMMARY:{}", text(summary)),
        format!("DESCRIPTION:{}", text(description)),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    Some(lines.iter().map(|l| fold(l)).collect())
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
    use crate::model::choices::CheckIn;
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

    fn count(i: &Incident, start: Day) -> usize {
        let ics = reminders(i, None, start, Timestamp::from_millis(0).unwrap()).unwrap();
        ics.matches("BEGIN:VEVENT").count()
    }

    #[test]
    fn one_event_per_unmarked_check_in_of_a_written_commitment() {
        let start = Day::from_ymd(2026, 11, 26).unwrap();
        assert_eq!(count(&incident(), start), 2);
    }

    #[test]
    fn check_ins_past_the_year_9999_are_left_out() {
        let mut i = incident();
        i.steps.step_it_up.commitments[1].what = "Ask first".into();
        let day = |m, d| Day::from_ymd(9999, m, d).unwrap();
        assert_eq!(count(&i, day(10, 1)), 5, "90 days on is 9999-12-30");
        assert_eq!(count(&i, day(10, 2)), 3, "its day after is 10000-01-01");
        let now = Timestamp::from_millis(0).unwrap();
        assert_eq!(
            reminders(&i, None, day(12, 15), now),
            Err(NoReminders::PastYear9999)
        );
        i.steps.step_it_up.commitments.clear();
        assert_eq!(
            reminders(&i, None, day(12, 15), now),
            Err(NoReminders::NoneWaiting)
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
