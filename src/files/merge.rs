//! What an import would do, shown before anything is written: which incidents are new, which
//! are the same, which would change; and, once the person picks a policy for the changes,
//! exactly what to write and a summary of it.

use super::import::{describe, ImportFile, Rejected};
use crate::json;
use crate::model::id_map::IdMap;
use crate::model::{Incident, IncidentId};

/// What the person chose for incidents that are both here and in the file, but differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Policy {
    /// The file's version comes in as a copy with a new id; nothing here changes.
    KeepBoth,
    /// Whichever was changed last wins.
    #[default]
    KeepNewer,
    /// The file's version replaces the one here.
    Replace,
}

impl Policy {
    pub const ALL: [Policy; 3] = [Policy::KeepBoth, Policy::KeepNewer, Policy::Replace];

    pub fn key(self) -> &'static str {
        match self {
            Policy::KeepBoth => "both",
            Policy::KeepNewer => "newer",
            Policy::Replace => "replace",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Policy::KeepBoth => "Keep both: add the file's version as a copy",
            Policy::KeepNewer => "Keep whichever was changed last",
            Policy::Replace => "Replace yours with the file's version",
        }
    }
}

/// How one incident in the file compares with what is here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    New,
    Same,
    Conflict(Conflict),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Both exist and differ; `file_is_newer` compares their last-changed times.
    Differs { file_is_newer: bool },
    /// A record Mend can't read is stored under this id. It is never overwritten, so the
    /// file's version can only come in as a copy.
    Unreadable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub incident: Incident,
    pub outcome: Outcome,
    /// The one here with the same id when the plan was made, to notice a change since.
    pub here: Option<Incident>,
}

/// The preview: every usable incident in the file with its outcome, and those that can't be used.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub entries: Vec<Entry>,
    pub rejected: Vec<Rejected>,
}

/// What `Plan::recheck` found.
#[derive(Clone, Debug, PartialEq)]
pub enum Recheck {
    Unchanged,
    /// Changed here since the preview: the plan made again, and those incidents' titles.
    Changed {
        plan: Plan,
        titles: Vec<String>,
    },
}

/// One write the import makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Add(Incident),
    Replace(Incident),
}

impl Write {
    pub fn incident(&self) -> &Incident {
        match self {
            Write::Add(incident) | Write::Replace(incident) => incident,
        }
    }

    /// Applies this write to the incidents in memory, as it was applied to storage.
    pub fn apply(&self, all: &mut Vec<Incident>) {
        match self {
            Write::Replace(incident) => match all.iter_mut().find(|i| i.id == incident.id) {
                Some(slot) => slot.clone_from(incident),
                None => all.push(incident.clone()),
            },
            Write::Add(incident) => all.push(incident.clone()),
        }
    }
}

/// What happened, for the message after the import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub copies: usize,
    pub replaced: usize,
    pub same: usize,
    /// Kept here because this version was changed more recently.
    pub kept_newer: usize,
    pub rejected: Vec<String>,
}

impl Plan {
    pub fn new(file: ImportFile, here: &[Incident], unreadable: &[IncidentId]) -> Self {
        let here: IdMap<&Incident> = here.iter().map(|i| (i.id, i)).collect();
        let entries = file
            .incidents
            .into_iter()
            .map(|incident| {
                let mine = here.get(&incident.id).map(|mine| (*mine).clone());
                let outcome = if unreadable.contains(&incident.id) {
                    Outcome::Conflict(Conflict::Unreadable)
                } else {
                    match here.get(&incident.id) {
                        None => Outcome::New,
                        Some(mine) if mine.same_as(&incident) => Outcome::Same,
                        Some(mine) => Outcome::Conflict(Conflict::Differs {
                            file_is_newer: incident.updated_at > mine.updated_at,
                        }),
                    }
                };
                Entry {
                    incident,
                    outcome,
                    here: mine,
                }
            })
            .collect();
        Self {
            entries,
            rejected: file.rejected,
        }
    }

    /// Plans the same file again against what is here now: another tab may have changed an
    /// incident while the preview was open, and the person chose from what it showed.
    pub fn recheck(&self, here: &[Incident], unreadable: &[IncidentId]) -> Recheck {
        let file = ImportFile {
            incidents: self.entries.iter().map(|e| e.incident.clone()).collect(),
            rejected: self.rejected.clone(),
            checklist: None,
            checklist_unreadable: false,
        };
        let plan = Plan::new(file, here, unreadable);
        // Only the step last open is not a change anyone needs to hear about. Compared as the
        // text each is stored as, like `Incident::same_as`.
        let content = |i: &Option<Incident>| {
            i.clone().map(|mut i| {
                i.last_step = Default::default();
                json::to_text(&i)
            })
        };
        let titles: Vec<String> = self
            .entries
            .iter()
            .zip(&plan.entries)
            .filter(|(before, now)| {
                before.outcome != now.outcome || content(&before.here) != content(&now.here)
            })
            .map(|(before, now)| {
                let named = now.here.as_ref().or(before.here.as_ref());
                named.unwrap_or(&now.incident).display_title().to_owned()
            })
            .collect();
        if titles.is_empty() {
            Recheck::Unchanged
        } else {
            Recheck::Changed { plan, titles }
        }
    }

    pub fn count(&self, wanted: fn(&Outcome) -> bool) -> usize {
        self.entries.iter().filter(|e| wanted(&e.outcome)).count()
    }

    pub fn has_conflicts(&self) -> bool {
        self.count(|o| matches!(o, Outcome::Conflict(_))) > 0
    }

    /// The writes for this policy, in file order. `new_id` names each copy.
    pub fn resolve(
        &self,
        policy: Policy,
        mut new_id: impl FnMut() -> IncidentId,
    ) -> (Vec<Write>, Summary) {
        let mut writes = Vec::new();
        let mut summary = Summary {
            rejected: self.rejected.iter().map(describe).collect(),
            ..Summary::default()
        };
        for entry in &self.entries {
            let incident = entry.incident.clone();
            match (entry.outcome, policy) {
                (Outcome::New, _) => {
                    summary.added += 1;
                    writes.push(Write::Add(incident));
                }
                (Outcome::Same, _) => summary.same += 1,
                (Outcome::Conflict(Conflict::Unreadable), _)
                | (Outcome::Conflict(_), Policy::KeepBoth) => {
                    summary.copies += 1;
                    writes.push(Write::Add(copy_of(incident, new_id())));
                }
                (Outcome::Conflict(Conflict::Differs { file_is_newer }), Policy::KeepNewer)
                    if !file_is_newer =>
                {
                    summary.kept_newer += 1
                }
                (Outcome::Conflict(_), _) => {
                    summary.replaced += 1;
                    writes.push(Write::Replace(incident));
                }
            }
        }
        (writes, summary)
    }
}

/// The file's version as a separate incident, marked so the two can be told apart.
fn copy_of(mut incident: Incident, id: IncidentId) -> Incident {
    incident.id = id;
    incident.title = format!("{} (imported copy)", incident.display_title());
    incident
}

impl Summary {
    /// For example "Imported 3 incidents: 2 new, 1 replaced. 1 was already here."
    pub fn message(&self) -> String {
        let imported = self.added + self.copies + self.replaced;
        let mut parts = Vec::new();
        for (n, what) in [
            (self.added, "new"),
            (self.copies, "added as a copy"),
            (self.replaced, "replaced"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        let mut text = match imported {
            0 => "Nothing new to import.".to_owned(),
            1 => format!("Imported 1 incident: {}.", parts.join(", ")),
            n => format!("Imported {n} incidents: {}.", parts.join(", ")),
        };
        let skipped = [
            (
                self.same,
                "already here, unchanged",
                "already here, unchanged",
            ),
            (
                self.kept_newer,
                "skipped because yours was changed more recently",
                "skipped because yours were changed more recently",
            ),
        ];
        for (n, one, many) in skipped {
            match n {
                0 => {}
                1 => text.push_str(&format!(" 1 was {one}.")),
                n => text.push_str(&format!(" {n} were {many}.")),
            }
        }
        for reason in &self.rejected {
            text.push_str(&format!(" Skipped {reason}."));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn at(ms: i64) -> Timestamp {
        Timestamp::from_millis(ms).unwrap()
    }

    fn plan(file: Vec<Incident>, here: &[Incident], unreadable: &[IncidentId]) -> Plan {
        let file = ImportFile {
            incidents: file,
            rejected: Vec::new(),
            checklist: None,
            checklist_unreadable: false,
        };
        Plan::new(file, here, unreadable)
    }

    fn copies_as(seed: u8) -> impl FnMut() -> IncidentId {
        move || IncidentId::from_random_bytes([seed; 16])
    }

    #[test]
    fn sorts_the_file_into_new_same_and_changed() {
        let same = Incident::blank(1);
        let mut mine = Incident::blank(2);
        let mut theirs = mine.clone();
        theirs.title = "Changed in the file".into();
        theirs.updated_at = at(5_000);
        mine.updated_at = at(1_000);
        let new = Incident::blank(3);
        let plan = plan(vec![same.clone(), theirs, new], &[same, mine], &[]);
        let outcomes: Vec<Outcome> = plan.entries.iter().map(|e| e.outcome).collect();
        assert_eq!(
            outcomes,
            [
                Outcome::Same,
                Outcome::Conflict(Conflict::Differs {
                    file_is_newer: true
                }),
                Outcome::New
            ]
        );
    }

    #[test]
    fn each_policy_settles_a_conflict_its_own_way() {
        let mut mine = Incident::blank(2);
        mine.updated_at = at(9_000);
        let mut theirs = mine.clone();
        theirs.title = "Older, from the file".into();
        theirs.updated_at = at(1_000);
        let plan = plan(vec![theirs.clone()], &[mine], &[]);

        let (writes, summary) = plan.resolve(Policy::KeepNewer, copies_as(9));
        assert!(writes.is_empty());
        assert_eq!(summary.kept_newer, 1);

        let (writes, _) = plan.resolve(Policy::Replace, copies_as(9));
        assert_eq!(writes, [Write::Replace(theirs.clone())]);

        let (writes, summary) = plan.resolve(Policy::KeepBoth, copies_as(9));
        let copy = writes[0].incident();
        assert!(matches!(writes[0], Write::Add(_)));
        assert_eq!(copy.id, IncidentId::from_random_bytes([9; 16]));
        assert_eq!(copy.title, "Older, from the file (imported copy)");
        assert_eq!(copy.steps, theirs.steps);
        assert_eq!(summary.message(), "Imported 1 incident: 1 added as a copy.");
    }

    #[test]
    fn an_unreadable_record_is_never_replaced() {
        let theirs = Incident::blank(4);
        let plan = plan(vec![theirs.clone()], &[], &[theirs.id]);
        for policy in Policy::ALL {
            let (writes, _) = plan.resolve(policy, copies_as(7));
            assert!(matches!(&writes[..], [Write::Add(copy)] if copy.id != theirs.id));
        }
    }

    #[test]
    fn the_summary_says_what_was_skipped_and_why() {
        let summary = Summary {
            added: 2,
            replaced: 1,
            same: 2,
            kept_newer: 1,
            rejected: vec!["incident 4 can't be read (bad date)".into()],
            ..Summary::default()
        };
        assert_eq!(
            summary.message(),
            "Imported 3 incidents: 2 new, 1 replaced. 2 were already here, unchanged. \
             1 was skipped because yours was changed more recently. \
             Skipped incident 4 can't be read (bad date)."
        );
        assert_eq!(Summary::default().message(), "Nothing new to import.");
    }
}
