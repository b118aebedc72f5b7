//! The personal pre-flight checklist: gathered from every incident's extra checks and
//! prevention commitments, near-duplicates merged (same words once case, spacing and
//! punctuation are set aside), then the person's own: edited, reordered, retired, restored.
//!
//! The checklist keeps each item's merge key, so an edited item still knows which incidents
//! it came from, and gathering again never adds back one that was retired. Nothing here
//! changes an incident. Where each item came from, and how the screen groups the items, is
//! `shown`.

use crate::json::json_struct;

use super::limits::MAX_LENGTH;
use super::names::Names;
use super::Incident;

mod shown;

pub use shown::{group_of, grouped, same_group, shown, Shown, Sources};

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
    /// Appends each of these incidents' checks and commitments that is not on the list yet
    /// (retired ones count as on it). Returns how many were added.
    pub fn gather<'a>(&mut self, incidents: impl IntoIterator<Item = &'a Incident>) -> usize {
        let found = incidents
            .into_iter()
            .flat_map(sources)
            .map(|(text, key)| (text.to_owned(), key, false))
            .collect();
        self.add_new(found)
    }

    /// Appends each of these items (text, key, retired) whose key is not on the list yet, the
    /// first of any key given twice, with new ids. Returns how many were added.
    /// Not generic and never inlined: one copy serves gathering and joining.
    #[inline(never)]
    fn add_new(&mut self, items: Vec<(String, String, bool)>) -> usize {
        // Keys are already folded, so `Names` matches them exactly. Looked up, not searched
        // for each: a thousand incidents with checks of their own made that quadratic. A key
        // is new where it is first given after the list's own.
        let keys = self.items.iter().map(|i| i.key.as_str());
        let keys = Names::new(keys.chain(items.iter().map(|(_, key, _)| key.as_str())));
        let before = self.items.len();
        let mut id = self.items.iter().map(|i| i.id).max().map_or(1, |m| m + 1);
        for (at, (text, key, retired)) in (before..).zip(items) {
            if self.items.len() >= MAX_LENGTH {
                break;
            }
            if keys.first_place(&key) != Some(at) {
                continue;
            }
            self.items.push(CheckItem {
                id,
                text,
                key,
                retired,
            });
            id += 1;
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
        let items = other.items.iter();
        self.add_new(
            items
                .map(|i| (i.text.clone(), i.key.clone(), i.retired))
                .collect(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::{Commitment, Point};

    pub(super) fn incident(
        seed: u8,
        tags: &str,
        checks: &[&str],
        commitments: &[&str],
    ) -> Incident {
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
        assert_eq!(Sources::of(&all).origins(&list.items[0].key), [0, 1]);
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
        assert_eq!(Sources::of(&all).origins(&list.items[0].key), [0]);
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
