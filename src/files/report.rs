//! The incident report in postmortem order, as plain blocks that become Markdown (to download
//! or copy) or the print view. A redacted variant leaves out sections and puts people's roles
//! where their names were.

use super::redact::Names;
use crate::model::labels;
use crate::model::steps::Steps;
use crate::model::{briefing, Incident, Timestamp};

mod markdown;
pub use markdown::markdown;

/// One piece of the report. Text is the user's own, unescaped; each renderer makes it safe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the title.
    Heading(u8, String),
    Para(String),
    Item(String),
}

/// The sections after the title, in the order they appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Summary,
    Impact,
    Options,
    Briefing,
    Fix,
    FollowUp,
    Debrief,
    Prevention,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Summary,
        Section::Impact,
        Section::Options,
        Section::Briefing,
        Section::Fix,
        Section::FollowUp,
        Section::Debrief,
        Section::Prevention,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            Section::Summary => "Summary and timeline",
            Section::Impact => labels::IMPACT,
            Section::Options => labels::OPTIONS,
            Section::Briefing => labels::BRIEFING,
            Section::Fix => "Fix",
            Section::FollowUp => "Follow-up",
            Section::Debrief => labels::DEBRIEF,
            Section::Prevention => "Prevention",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Impact => "impact",
            Section::Options => "options",
            Section::Briefing => "briefing",
            Section::Fix => "fix",
            Section::FollowUp => "follow-up",
            Section::Debrief => "debrief",
            Section::Prevention => "prevention",
        }
    }
}

/// What goes into the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub sections: Vec<Section>,
    /// Put each person's role where their name was, for sharing.
    pub names_as_roles: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            sections: Section::ALL.to_vec(),
            names_as_roles: false,
        }
    }
}

/// The report's blocks. `when` shows a moment in the reader's local time.
pub fn build(
    incident: &Incident,
    options: &Options,
    when: &dyn Fn(Timestamp) -> String,
) -> Vec<Block> {
    preview(incident, options, when, usize::MAX).0
}

/// The report's first blocks, up to `room` bytes of text, and whether any were left out: an
/// incident at the import's limits makes a report of more than a megabyte, which no one reads
/// on screen and which takes a browser half a second to put in a text box.
pub fn preview(
    incident: &Incident,
    options: &Options,
    when: &dyn Fn(Timestamp) -> String,
    room: usize,
) -> (Vec<Block>, bool) {
    let names = Names::new(&incident.steps, options.names_as_roles);
    let mut out = Out {
        blocks: Vec::new(),
        names,
        room,
        cut: false,
    };
    out.push(Block::Heading(1, out.names.text(incident.display_title())));
    let s = &incident.steps;
    for section in Section::ALL
        .into_iter()
        .filter(|s| options.sections.contains(s))
    {
        if out.cut {
            break;
        }
        out.push(Block::Heading(2, section.heading().to_owned()));
        let before = out.blocks.len();
        match section {
            Section::Summary => summary(&mut out, incident, when),
            Section::Impact => impact(&mut out, s),
            Section::Options => options_section(&mut out, s),
            Section::Briefing => briefing_section(&mut out, incident, when),
            Section::Fix => fix(&mut out, s),
            Section::FollowUp => follow_up(&mut out, s, when),
            Section::Debrief => debrief(&mut out, s, when),
            Section::Prevention => prevention(&mut out, s, when),
        }
        if out.blocks.len() == before {
            out.push(Block::Para("Nothing written here yet.".into()));
        }
    }
    thought_record(&mut out, s);
    (out.blocks, out.cut)
}

/// The thought record is private: it appears only when the person ticked it in, on Stop.
fn thought_record(out: &mut Out, s: &Steps) {
    let record = &s.stop.thought_record;
    if record.in_report && !record.is_empty() {
        out.push(Block::Heading(2, labels::THOUGHT_RECORD.to_owned()));
        for (label, text) in record.lines() {
            out.labelled(label, &text);
        }
    }
}

struct Out {
    blocks: Vec<Block>,
    names: Names,
    /// Bytes of text still to go in.
    room: usize,
    /// Whether a block found no room: nothing more goes in, and lists stop early.
    cut: bool,
}

impl Out {
    fn push(&mut self, block: Block) {
        let (Block::Heading(_, text) | Block::Para(text) | Block::Item(text)) = &block;
        match self.room.checked_sub(text.len()) {
            Some(left) if !self.cut => {
                self.room = left;
                self.blocks.push(block);
            }
            _ => self.cut = true,
        }
    }

    fn para(&mut self, text: &str) {
        if !text.trim().is_empty() && !self.cut {
            self.push(Block::Para(self.names.text(text.trim())));
        }
    }

    /// "Label: text", left out when the text is empty.
    fn labelled(&mut self, label: &str, text: &str) {
        if !text.trim().is_empty() && !self.cut {
            let text = self.names.text(text.trim());
            self.push(Block::Para(format!("{label}: {text}")));
        }
    }

    fn item(&mut self, text: String) {
        if !self.cut {
            self.push(Block::Item(self.names.text(&text)));
        }
    }

    fn sub(&mut self, heading: &str) {
        if !self.cut {
            self.push(Block::Heading(3, self.names.text(heading)));
        }
    }
}

fn summary(out: &mut Out, incident: &Incident, when: &dyn Fn(Timestamp) -> String) {
    let a = &incident.steps.assess;
    out.para(&a.what_happened);
    let times = [
        ("Happened", a.happened_at),
        ("Noticed", incident.noticed_at),
    ];
    for (label, at) in times {
        if let Some(at) = at {
            out.labelled(label, &when(at));
        }
    }
    out.labelled(labels::TAGS, &incident.tag_list().join(", "));
    let points: Vec<&str> = a
        .key_points
        .iter()
        .map(|p| p.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if !points.is_empty() {
        out.sub("Key points");
        for point in points {
            if out.cut {
                break;
            }
            out.item(point.to_owned());
        }
    }
    let events = a.sorted_timeline();
    if !events.is_empty() {
        out.sub(labels::TIMELINE);
        for event in events {
            if out.cut {
                break;
            }
            let at = event.at.map(when).unwrap_or_else(|| "Time not set".into());
            out.item(format!("{at}: {}", event.what.trim()));
        }
    }
}

fn impact(out: &mut Out, s: &Steps) {
    let a = &s.assess;
    out.para(&a.impact);
    out.labelled("Affects", &a.affected().join(", "));
    out.labelled(labels::SEVERITY, a.severity.label());
    out.labelled("Still getting worse", a.worsening.label());
    let helpers: Vec<String> = a
        .helpers
        .iter()
        .filter(|p| !p.name.trim().is_empty() || !p.role.trim().is_empty())
        .map(|p| out.names.person(&p.name, &p.role))
        .collect();
    if !helpers.is_empty() {
        out.sub(labels::WHO_MUST_HELP);
        for helper in helpers {
            if out.cut {
                break;
            }
            out.item(helper);
        }
    }
}

fn options_section(out: &mut Out, s: &Steps) {
    let chosen = s.solutions.chosen;
    for (n, option) in s.solutions.options.iter().enumerate() {
        if out.cut {
            break;
        }
        let title = match option.title.trim() {
            "" => format!("Option {}", n + 1),
            title => title.to_owned(),
        };
        let mark = if chosen == Some(option.id) {
            " (chosen)"
        } else {
            ""
        };
        out.sub(&format!("{title}{mark}"));
        out.para(&option.description);
        out.item(format!(
            "{}: {}. {}: {}. {}: {}.",
            labels::EFFORT,
            option.effort.label(),
            labels::RISK,
            option.risk.label(),
            labels::CAN_BE_UNDONE,
            option.undoable.label()
        ));
        for (label, text) in [
            (labels::TIME_TO_FIX, &option.time_to_fix),
            ("Who helps", &option.helpers),
            ("For it", &option.pros),
            ("Against it", &option.cons),
        ] {
            if !text.trim().is_empty() {
                out.item(format!("{label}: {}", text.trim()));
            }
        }
    }
}

fn briefing_section(out: &mut Out, incident: &Incident, when: &dyn Fn(Timestamp) -> String) {
    let o = &incident.steps.own_up;
    if !o.tell_name.trim().is_empty() || !o.tell_role.trim().is_empty() {
        let to = out.names.person(&o.tell_name, &o.tell_role);
        out.labelled("To", &to);
    }
    if let Some(at) = o.told_at {
        out.labelled("Told", &when(at));
    }
    for line in briefing::current(incident).split("\n\n") {
        out.para(line);
    }
}

fn fix(out: &mut Out, s: &Steps) {
    let (done, total) = s.fix.progress();
    if total > 0 {
        out.para(&format!("{done} of {total} done."));
    }
    for item in &s.fix.items {
        if out.cut {
            break;
        }
        let mut line = format!("{} ({})", item.what.trim(), item.status.label());
        for (label, text, person) in [
            ("owner", &item.owner, true),
            ("due", &item.due.0, false),
            ("verified by", &item.verified_by, true),
            ("notes", &item.notes, false),
        ] {
            if !text.trim().is_empty() {
                let text = if person {
                    out.names.name(text)
                } else {
                    text.trim().to_owned()
                };
                line.push_str(&format!("; {label}: {text}"));
            }
        }
        out.item(line);
    }
}

fn follow_up(out: &mut Out, s: &Steps, when: &dyn Fn(Timestamp) -> String) {
    for person in &s.follow_up.people {
        if out.cut {
            break;
        }
        let mut line = out.names.person(&person.name, &person.role);
        let ticks = [
            ("informed", person.informed),
            ("told it's resolved", person.told_resolved),
            ("thanked", person.thanked),
            ("debrief booked", person.debrief_booked),
        ];
        let done: Vec<String> = ticks
            .iter()
            .filter_map(|(what, at)| at.map(|at| format!("{what} {}", when(at))))
            .collect();
        line.push_str(": ");
        line.push_str(&if done.is_empty() {
            "nothing ticked yet".to_owned()
        } else {
            done.join(", ")
        });
        out.item(line);
    }
}

fn debrief(out: &mut Out, s: &Steps, when: &dyn Fn(Timestamp) -> String) {
    let f = &s.follow_up;
    out.labelled(labels::DEBRIEF_DAY, &f.debrief_on.0);
    if let Some(held) = f.debrief_held {
        out.labelled(labels::DEBRIEF_HELD, &when(held));
    }
    let kinds: Vec<&str> = f.cause_kinds.iter().map(|k| k.label()).collect();
    out.labelled(labels::KIND_OF_CAUSE, &kinds.join(", "));
    let answers = [
        (labels::CAUSE, &f.cause),
        (labels::SEEMED_REASONABLE, &f.seemed_reasonable),
        (labels::LUCKY, &f.lucky),
        (labels::KNOWN_EARLIER, &f.known_earlier),
        (labels::CAUGHT_SOONER, &f.caught_sooner),
    ];
    for (question, answer) in answers {
        if !answer.trim().is_empty() {
            out.sub(question);
            out.para(answer);
        }
    }
}

fn prevention(out: &mut Out, s: &Steps, when: &dyn Fn(Timestamp) -> String) {
    let p = &s.step_it_up;
    let written = p.commitments.iter().filter(|c| !c.what.trim().is_empty());
    for c in written {
        if out.cut {
            break;
        }
        out.item(format!(
            "{} ({}). 30 days: {}. 60 days: {}. 90 days: {}.",
            c.what.trim(),
            c.kind.label(),
            c.day30.label(),
            c.day60.label(),
            c.day90.label()
        ));
    }
    let checks: Vec<&str> = p
        .extra_checks
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if !checks.is_empty() {
        out.sub(labels::EXTRA_CHECKS);
        for check in checks {
            if out.cut {
                break;
            }
            out.item(check.to_owned());
        }
    }
    out.labelled(labels::LEARNED, &p.learned);
    out.labelled(labels::WENT_WELL, &p.went_well);
    out.labelled(labels::DIDNT_WORK, &p.didnt_work);
    if let Some(at) = p.resolved_at {
        out.labelled("Closed as resolved", &when(at));
    }
}
