//! The pre-flight checklist as files: Markdown to keep or print elsewhere, and a repeating
//! calendar reminder (.ics) that carries the checklist in its description.

use super::calendar::{self, Repeat};
use super::report::{self, Block};
use crate::model::preflight::Shown;
use crate::model::{Day, Timestamp};

/// The name of the group of items whose incidents have no tags.
pub const UNTAGGED: &str = "Without a tag";

/// The checklist's items in use, by group, as Markdown.
pub fn markdown(groups: &[(Option<String>, Vec<Shown>)]) -> String {
    let mut blocks = vec![Block::Heading(1, "My pre-flight checklist".into())];
    for (group, items) in groups {
        blocks.push(Block::Heading(
            2,
            group.clone().unwrap_or_else(|| UNTAGGED.into()),
        ));
        blocks.extend(items.iter().map(|i| Block::Item(i.text.trim().to_owned())));
    }
    report::markdown(&blocks)
}

/// A repeating all-day reminder from `start`, its description the checklist itself.
pub fn reminder(
    groups: &[(Option<String>, Vec<Shown>)],
    start: Day,
    every: Repeat,
    now: Timestamp,
) -> Option<String> {
    let mut description = String::from("Before you start, run through your checklist:");
    for (group, items) in groups {
        description.push_str("\n\n");
        description.push_str(group.as_deref().unwrap_or(UNTAGGED));
        for item in items {
            description.push_str("\n- ");
            description.push_str(item.text.trim());
        }
    }
    calendar::repeating("Pre-flight checklist", &description, start, every, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str) -> Shown {
        Shown {
            id: 1,
            text: text.into(),
            retired: false,
            group: None,
            from: Vec::new(),
        }
    }

    #[test]
    fn markdown_has_a_heading_per_group_and_escapes_the_text() {
        let groups = vec![
            (
                Some("email".to_owned()),
                vec![item("Check *all* recipients")],
            ),
            (None, vec![item("- Breathe")]),
        ];
        assert_eq!(
            markdown(&groups),
            "# My pre-flight checklist\n\n## email\n\n- Check \\*all\\* recipients\n\n## Without a tag\n\n- \\- Breathe\n"
        );
    }

    #[test]
    fn the_reminder_repeats_and_carries_the_list() {
        let day = Day::from_ymd(2026, 12, 7).unwrap_or_else(|| panic!("a day"));
        let now = Timestamp::from_millis(0).unwrap_or_else(|| panic!("a time"));
        let ics = reminder(
            &[(None, vec![item("Read it aloud")])],
            day,
            Repeat::Weekdays,
            now,
        )
        .unwrap_or_default();
        assert!(
            ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n"),
            "{ics}"
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20261207\r\n"));
        assert!(ics.contains("Read it aloud"));
    }
}
