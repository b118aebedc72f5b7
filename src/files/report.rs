//! The incident report in postmortem order, as plain blocks that become Markdown (to download
//! or copy) or the print view. A redacted variant leaves out sections and puts people's roles
//! where their names were.

use super::redact::Names;
use crate::model::labels;
use crate::model::{Incident, Timestamp};

mod markdown;
mod sections;
pub use markdown::markdown;
use sections::{
    briefing_section, debrief, fix, follow_up, impact, options_section, prevention, summary,
    thought_record,
};

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

    /// `heading`, then each of `texts` that isn't blank, trimmed, as an item; nothing when all
    /// are blank. The walk stops once the preview's room is spent.
    fn texts<'a>(&mut self, heading: &str, texts: impl Iterator<Item = &'a str>) {
        let mut texts = texts.map(str::trim).filter(|t| !t.is_empty()).peekable();
        if texts.peek().is_none() {
            return;
        }
        self.sub(heading);
        for text in texts {
            if self.cut {
                break;
            }
            self.item(text.to_owned());
        }
    }
}
