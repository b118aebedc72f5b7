//! Follow-up messages composed from the incident: a resolution note for the customer and a
//! thank-you for the people who helped.

use super::choices::ItemStatus;
use super::Incident;

/// A message ready to copy or open in the mail app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: String,
}

fn topic(incident: &Incident) -> String {
    match incident.title.trim() {
        "" => "the problem I told you about".to_owned(),
        title => format!("\u{201c}{title}\u{201d}"),
    }
}

fn joined<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let texts: Vec<&str> = texts.map(str::trim).filter(|t| !t.is_empty()).collect();
    texts.join("; ")
}

/// The note telling the customer it is resolved.
pub fn resolution_note(incident: &Incident) -> Message {
    let s = &incident.steps;
    let mut body = format!(
        "Hello,\n\nI'm writing to let you know that {} is now resolved.\n",
        topic(incident)
    );
    let happened = s.assess.what_happened.trim();
    if !happened.is_empty() {
        body.push_str(&format!("\nWhat happened: {happened}\n"));
    }
    let done = joined(
        s.fix
            .items
            .iter()
            .filter(|i| i.status == ItemStatus::Done)
            .map(|i| i.what.as_str()),
    );
    if !done.is_empty() {
        body.push_str(&format!("What we did: {done}\n"));
    }
    let prevention = joined(s.step_it_up.commitments.iter().map(|c| c.what.as_str()));
    if !prevention.is_empty() {
        body.push_str(&format!("So it doesn't happen again: {prevention}\n"));
    }
    body.push_str("\nI'm sorry for the trouble this caused, and thank you for your patience.\n");
    Message {
        subject: format!("Resolved: {}", incident.display_title()),
        body,
    }
}

fn helpers(incident: &Incident) -> Vec<&str> {
    incident
        .steps
        .assess
        .helpers
        .iter()
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .collect()
}

/// "Ana", "Ana and Ben", "Ana, Ben and Chen"; `None` for nobody.
fn and_list(names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some((*one).to_owned()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// The thank-you to everyone named as helping in Assess.
pub fn thank_you(incident: &Incident) -> Message {
    let greeting = match and_list(&helpers(incident)) {
        None => "Hi,".to_owned(),
        Some(names) => format!("Hi {names},"),
    };
    let body = format!(
        "{greeting}\n\nThank you for your help with {}. It made a real difference, and I'm grateful.\n",
        topic(incident)
    );
    Message {
        subject: format!("Thank you: {}", incident.display_title()),
        body,
    }
}

/// The thank-you to the wider group: it names the helpers and what they made possible, and
/// owns the mistake without dwelling on it.
pub fn public_thanks(incident: &Incident) -> Message {
    let names = and_list(&helpers(incident)).unwrap_or_else(|| "everyone who helped".to_owned());
    let what = match incident.title.trim() {
        "" => "The problem from earlier".to_owned(),
        title => format!("\u{201c}{title}\u{201d}"),
    };
    Message {
        subject: format!("Thank you, {names}"),
        body: format!(
            "Hi all,\n\nA quick thank-you in the open. {what} is resolved, and that is thanks to {names}, who stepped in quickly when I needed help. I'm grateful, and I've taken the lessons on board.\n"
        ),
    }
}

/// The beginning of `text` that fits in `room` bytes, ending at a line break or a space where
/// one is in its second half, and whether anything was left out. A message naming thousands
/// of people runs to 100 kB, which took a browser 30 to 50 ms to lay out in its box.
pub fn beginning(text: &str, room: usize) -> (&str, bool) {
    if text.len() <= room {
        return (text, false);
    }
    let mut end = room;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let at_break = head
        .rfind('\n')
        .filter(|at| *at >= end / 2)
        .or_else(|| head.rfind(' ').filter(|at| *at >= end / 2));
    (at_break.map_or(head, |at| &head[..at]), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::{Commitment, FixItem, Person};

    #[test]
    fn a_long_message_is_cut_at_a_break_a_short_one_not_at_all() {
        assert_eq!(beginning("Hi Ana,", 7), ("Hi Ana,", false));
        assert_eq!(beginning("Hi Ana, Bo and Cy", 12), ("Hi Ana, Bo", true));
        assert_eq!(beginning("Hi all,\nthanks to Ana", 12), ("Hi all,", true));
        // No break in the second half: cut where the room ends, never inside a character.
        assert_eq!(beginning("ZoëZoë", 3), ("Zo", true));
        assert_eq!(beginning("ZoëZoë", 4), ("Zoë", true));
        let names = vec!["Helper"; 2_000].join(", ");
        let (head, cut) = beginning(&names, 4_000);
        assert!(
            cut && head.len() <= 4_000 && head.len() > 3_990,
            "{}",
            head.len()
        );
        assert!(names.starts_with(head) && head.ends_with("Helper,"));
    }

    fn incident() -> Incident {
        let mut i = Incident::blank(5);
        i.title = "Wrong invoice".into();
        i
    }

    #[test]
    fn the_resolution_note_lists_what_was_done_and_what_changes() {
        let mut i = incident();
        i.steps.assess.what_happened = "The March invoice went to another client.".into();
        i.steps.fix.items.push(FixItem {
            id: 1,
            what: "Sent the right invoice".into(),
            status: ItemStatus::Done,
            ..FixItem::default()
        });
        i.steps.fix.items.push(FixItem {
            id: 2,
            what: "Still open".into(),
            ..FixItem::default()
        });
        i.steps.step_it_up.commitments.push(Commitment {
            id: 1,
            what: "Check the address".into(),
            ..Commitment::default()
        });
        let note = resolution_note(&i);
        assert_eq!(note.subject, "Resolved: Wrong invoice");
        assert_eq!(
            note.body,
            "Hello,\n\nI'm writing to let you know that \u{201c}Wrong invoice\u{201d} is now resolved.\n\n\
             What happened: The March invoice went to another client.\n\
             What we did: Sent the right invoice\n\
             So it doesn't happen again: Check the address\n\n\
             I'm sorry for the trouble this caused, and thank you for your patience.\n"
        );
    }

    #[test]
    fn the_thank_you_greets_every_helper_by_name() {
        let mut i = incident();
        assert!(thank_you(&i).body.starts_with("Hi,\n"));
        for (id, name) in [(1, "Ana"), (2, "Bo"), (3, "Cy")] {
            i.steps.assess.helpers.push(Person {
                id,
                name: name.into(),
                role: String::new(),
            });
        }
        let message = thank_you(&i);
        assert!(
            message.body.starts_with("Hi Ana, Bo and Cy,\n"),
            "{}",
            message.body
        );
        assert_eq!(message.subject, "Thank you: Wrong invoice");
    }

    #[test]
    fn an_untitled_incident_still_reads_well() {
        let mut i = incident();
        i.title.clear();
        assert!(resolution_note(&i)
            .body
            .contains("the problem I told you about is now resolved"));
    }

    #[test]
    fn the_public_thank_you_names_the_helpers_to_everyone() {
        let mut i = incident();
        assert!(public_thanks(&i)
            .body
            .contains("thanks to everyone who helped"));
        for (id, name) in [(1, "Ana"), (2, " "), (3, "Cy")] {
            i.steps.assess.helpers.push(Person {
                id,
                name: name.into(),
                role: String::new(),
            });
        }
        let message = public_thanks(&i);
        assert_eq!(message.subject, "Thank you, Ana and Cy");
        assert!(message.body.starts_with("Hi all,\n"));
        assert!(message.body.contains(
            "\u{201c}Wrong invoice\u{201d} is resolved, and that is thanks to Ana and Cy"
        ));
        i.title.clear();
        assert!(public_thanks(&i)
            .body
            .contains("The problem from earlier is resolved"));
    }
}
