//! The personal pre-flight checklist: gathered from every incident's extra checks and
//! prevention commitments, near-duplicates merged (same words once case, spacing and
//! punctuation are set aside), then the person's own: edited, reordered, retired, restored.
//!
//! The checklist keeps each item's merge key, so an edited item still knows which incidents
//! it came from, and gathering again never adds back one that was retired. Nothing here
//! changes an incident.

use crate::json::json_struct;

use super::insights::{sort_by, tag_counts};
use super::limits::MAX_LENGTH;
use super::Incident;

/// One item on the checklist.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckItem {
    pub id: u32,
    /// What the person reads, as they last wrote it.
    pub text: String,
    /// The normalised words it was gathered from; matches incidents' checks and commitments.
    pub key: String,
    /// Set aside: off the checklist, but kept so it can come back and is not gathered again.
    pub retired: bool,
}

json_struct! { CheckItem { id, text, key, retired } }

/// The checklist, in the person's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checklist {
    pub items: Vec<CheckItem>,
}

json_struct! { Checklist { items } }

/// Lower-case ASCII letters and digits and every other character as written, with each run
/// of spaces and punctuation turned into one space: "Check the  recipients!" and "check
/// the recipients" are the same item.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// Every check and commitment of one incident, as (text as written, key), blanks left out.
fn sources(incident: &Incident) -> impl Iterator<Item = (&str, String)> {
    let s = &incident.steps.step_it_up;
    s.extra_checks
        .iter()
        .map(|p| p.text.as_str())
        .chain(s.commitments.iter().map(|c| c.what.as_str()))
        .map(|text| (text.trim(), normalise(text)))
        .filter(|(_, key)| !key.is_empty())
}

impl Checklist {
    fn has_key(&self, key: &str) -> bool {
        self.items.iter().any(|i| i.key == key)
    }

    /// Appends each of these incidents' checks and commitments that is not on the list yet
    /// (retired ones count as on it). Returns how many were added.
    pub fn gather<'a>(&mut self, incidents: impl IntoIterator<Item = &'a Incident>) -> usize {
        let before = self.items.len();
        for incident in incidents {
            for (text, key) in sources(incident) {
                if self.items.len() >= MAX_LENGTH || self.has_key(&key) {
                    continue;
                }
                let id = self.items.iter().map(|i| i.id).max().map_or(1, |m| m + 1);
                self.items.push(CheckItem {
                    id,
                    text: text.to_owned(),
                    key,
                    retired: false,
                });
            }
        }
        self.items.len() - before
    }

    /// Changes an item's words; where it came from stays the same.
    pub fn edit(&mut self, id: u32, text: &str) {
        if let Some(item) = self.items.iter_mut().find(|i| i.id == id) {
            text.clone_into(&mut item.text);
        }
    }

    pub fn set_retired(&mut self, id: u32, retired: bool) {
        if let Some(item) = self.items.iter_mut().find(|i| i.id == id) {
            item.retired = retired;
        }
    }

    /// Moves an item one place up (`-1`) or down (`1`) among the items of the same group and
    /// state, as the screen shows them. False when there is nowhere to go.
    pub fn shift(
        &mut self,
        id: u32,
        by: isize,
        same_group: impl Fn(&CheckItem, &CheckItem) -> bool,
    ) -> bool {
        let Some(from) = self.items.iter().position(|i| i.id == id) else {
            return false;
        };
        let this = self.items[from].clone();
        let peers = |i: &CheckItem| i.retired == this.retired && same_group(i, &this);
        let to = if by < 0 {
            self.items[..from].iter().rposition(peers)
        } else {
            self.items[from + 1..]
                .iter()
                .position(peers)
                .map(|n| n + from + 1)
        };
        match to {
            Some(to) => {
                self.items.swap(from, to);
                true
            }
            None => false,
        }
    }

    /// Joins another checklist (an imported one) into this: its items this one lacks, by key,
    /// come after these; where both have an item, this one's words and state stay.
    pub fn join(&mut self, other: &Checklist) {
        for item in &other.items {
            if self.has_key(&item.key) || self.items.len() >= MAX_LENGTH {
                continue;
            }
            let id = self.items.iter().map(|i| i.id).max().map_or(1, |m| m + 1);
            self.items.push(CheckItem { id, ..item.clone() });
        }
    }
}

/// Where an item came from: the positions in `all` of the incidents whose checks or
/// commitments have its key.
pub fn origins(all: &[Incident], key: &str) -> Vec<usize> {
    all.iter()
        .enumerate()
        .filter(|(_, i)| sources(i).any(|(_, k)| k == key))
        .map(|(n, _)| n)
        .collect()
}

/// The group an item is shown under: the tag most of its incidents share (ties go to the
/// first in alphabetical order, ignoring ASCII case), or `None` when they have no tags.
pub fn group_of(all: &[Incident], origins: &[usize]) -> Option<String> {
    let first = tag_counts(origins.iter().map(|&n| &all[n]))
        .into_iter()
        .next();
    first.map(|(_, shown, _)| shown)
}

/// An item as the screen shows it: its words, its group, and the incidents it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub id: u32,
    pub text: String,
    pub retired: bool,
    /// The tag it is grouped under; `None` for items whose incidents have no tags.
    pub group: Option<String>,
    /// The names of the incidents it came from, as shown (numbers in discreet mode).
    pub from: Vec<String>,
}

/// Every item, in the checklist's order. `names` are the incidents' shown titles, in the
/// order of `all`.
pub fn shown(list: &Checklist, all: &[Incident], names: &[String]) -> Vec<Shown> {
    list.items
        .iter()
        .map(|item| {
            let origins = origins(all, &item.key);
            Shown {
                id: item.id,
                text: item.text.clone(),
                retired: item.retired,
                group: group_of(all, &origins),
                from: origins
                    .iter()
                    .filter_map(|&n| names.get(n).cloned())
                    .collect(),
            }
        })
        .collect()
}

/// Items of one state in their groups: tagged groups in order of their names (ignoring
/// ASCII case), then the untagged; within a group, the checklist's order.
pub fn grouped(items: &[Shown], retired: bool) -> Vec<(Option<String>, Vec<Shown>)> {
    let mut groups: Vec<(Option<String>, Vec<Shown>)> = Vec::new();
    for item in items.iter().filter(|i| i.retired == retired) {
        let folded = item.group.as_deref().map(str::to_ascii_lowercase);
        match groups
            .iter_mut()
            .find(|(g, _)| g.as_deref().map(str::to_ascii_lowercase) == folded)
        {
            Some((_, members)) => members.push(item.clone()),
            None => groups.push((item.group.clone(), vec![item.clone()])),
        }
    }
    let key = |g: &Option<String>| (g.is_none(), g.as_deref().map(str::to_ascii_lowercase));
    sort_by(&mut groups, |a, b| key(&a.0).cmp(&key(&b.0)));
    groups
}

/// Whether two items fall in the same group, for moving within it.
pub fn same_group(all: &[Incident], a: &CheckItem, b: &CheckItem) -> bool {
    let group =
        |i: &CheckItem| group_of(all, &origins(all, &i.key)).map(|g| g.to_ascii_lowercase());
    group(a) == group(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::{Commitment, Point};

    fn incident(seed: u8, tags: &str, checks: &[&str], commitments: &[&str]) -> Incident {
        let mut i = Incident::blank(seed);
        i.tags = tags.into();
        i.steps.step_it_up.extra_checks = checks
            .iter()
            .zip(1..)
            .map(|(t, id)| Point {
                id,
                text: (*t).into(),
            })
            .collect();
        i.steps.step_it_up.commitments = commitments
            .iter()
            .zip(1..)
            .map(|(t, id)| Commitment {
                id,
                what: (*t).into(),
                ..Commitment::default()
            })
            .collect();
        i
    }

    #[test]
    fn case_spacing_and_punctuation_are_set_aside() {
        assert_eq!(
            normalise("  Check the  Recipients! "),
            "check the recipients"
        );
        assert_eq!(normalise("check, the recipients"), "check the recipients");
        assert_eq!(normalise("Prüfe   die Liste."), "prüfe die liste");
        assert_eq!(normalise(" ... "), "");
    }

    #[test]
    fn gathering_merges_near_duplicates_and_skips_blanks() {
        let all = [
            incident(
                1,
                "email",
                &["Check the recipients", "  "],
                &["Send delay on"],
            ),
            incident(
                2,
                "Email, deploys",
                &["check the recipients."],
                &["Read the diff aloud"],
            ),
        ];
        let mut list = Checklist::default();
        assert_eq!(list.gather(&all), 3);
        let texts: Vec<&str> = list.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Check the recipients",
                "Send delay on",
                "Read the diff aloud"
            ]
        );
        assert_eq!(origins(&all, &list.items[0].key), [0, 1]);
        assert_eq!(group_of(&all, &[0, 1]).as_deref(), Some("email"));
        assert_eq!(group_of(&all, &[]), None);
        assert_eq!(list.gather(&all), 0, "nothing new the second time");
    }

    #[test]
    fn edits_keep_the_origin_and_retired_items_are_not_gathered_again() {
        let all = [incident(1, "", &["Check the recipients"], &[])];
        let mut list = Checklist::default();
        list.gather(&all);
        list.edit(1, "Read every recipient aloud");
        list.set_retired(1, true);
        assert_eq!(list.gather(&all), 0);
        assert_eq!(origins(&all, &list.items[0].key), [0]);
        assert_eq!(
            all[0].steps.step_it_up.extra_checks[0].text,
            "Check the recipients"
        );
        list.set_retired(1, false);
        assert!(!list.items[0].retired);
    }

    #[test]
    fn items_move_among_their_own_group_and_state_only() {
        let mut list = Checklist::default();
        list.gather(&[incident(1, "", &["a", "b", "c", "d"], &[])]);
        list.set_retired(2, true);
        let one_group = |_: &CheckItem, _: &CheckItem| true;
        assert!(list.shift(3, -1, one_group), "passes over the retired one");
        let ids: Vec<u32> = list.items.iter().map(|i| i.id).collect();
        assert_eq!(ids, [3, 2, 1, 4]);
        assert!(!list.shift(3, -1, one_group));
        assert!(!list.shift(2, 1, one_group), "the only retired one");
        assert!(list.shift(1, 1, one_group));
        assert!(!list.shift(9, 1, one_group));
    }

    #[test]
    fn items_show_where_they_came_from_grouped_by_tag() {
        let all = [
            incident(1, "Email", &["Check the recipients"], &["Delay sending"]),
            incident(2, "deploys", &["Run the tests"], &[]),
            incident(3, "", &["Breathe first", "check the recipients"], &[]),
        ];
        let names: Vec<String> = ["One", "Two", "Three"].map(String::from).to_vec();
        let mut list = Checklist::default();
        list.gather(&all);
        list.set_retired(3, true);
        let items = shown(&list, &all, &names);
        assert_eq!(items[0].from, ["One", "Three"]);
        let groups = grouped(&items, false);
        let summary: Vec<(Option<&str>, Vec<&str>)> = groups
            .iter()
            .map(|(g, items)| {
                (
                    g.as_deref(),
                    items.iter().map(|i| i.text.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (Some("Email"), vec!["Check the recipients", "Delay sending"]),
                (None, vec!["Breathe first"]),
            ]
        );
        assert_eq!(grouped(&items, true)[0].1[0].text, "Run the tests");
        assert!(same_group(&all, &list.items[0], &list.items[1]));
        assert!(!same_group(&all, &list.items[0], &list.items[3]));
    }

    #[test]
    fn an_imported_checklist_adds_what_is_new_and_keeps_what_is_here() {
        let mut here = Checklist::default();
        here.gather(&[incident(1, "", &["Check the recipients"], &[])]);
        here.edit(1, "Mine");
        let mut file = Checklist::default();
        file.gather(&[incident(
            2,
            "",
            &["check the recipients", "Run the tests"],
            &[],
        )]);
        here.join(&file);
        let texts: Vec<&str> = here.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["Mine", "Run the tests"]);
        assert_eq!(here.items[1].id, 2);
    }
}
