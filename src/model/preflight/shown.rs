//! Where each pre-flight checklist item came from and how the checklist screen shows it:
//! the incidents behind it, the tag it is grouped under, and the groups in order.

use super::{sources, CheckItem, Checklist};
use crate::model::insights::tag_counts;
use crate::model::names::Names;
use crate::model::Incident;

/// Every incident's checks and commitments by key, worked out once: matching each item
/// against every incident in turn took seconds with a thousand incidents that each had
/// checks of their own.
pub struct Sources {
    keys: Names,
    /// The position in `all` of the incident each key came from.
    incident: Vec<usize>,
}

impl Sources {
    pub fn of(all: &[Incident]) -> Self {
        let mut keys = Vec::new();
        let mut incident = Vec::new();
        for (n, i) in all.iter().enumerate() {
            for (_, key) in sources(i) {
                keys.push(key);
                incident.push(n);
            }
        }
        Self {
            keys: Names::new(keys.iter().map(String::as_str)),
            incident,
        }
    }

    /// Where an item came from: the positions in `all` of the incidents whose checks or
    /// commitments have its key, in order.
    pub fn origins(&self, key: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for n in self.keys.places(key).map(|at| self.incident[at]) {
            // An incident with the key twice (a check and a commitment) counts once.
            if found.last() != Some(&n) {
                found.push(n);
            }
        }
        found
    }
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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
    let sources = Sources::of(all);
    list.items
        .iter()
        .map(|item| {
            let origins = sources.origins(&item.key);
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
    // Kept in their final order as they are made, untagged last and the rest by name in any
    // case, so each item's group is found by a binary search: thousands of tags made
    // comparing each item with every group, lowercased again each time, most of a second.
    type Key = (bool, Option<String>);
    let mut groups: Vec<(Key, Option<String>, Vec<Shown>)> = Vec::new();
    for item in items.iter().filter(|i| i.retired == retired) {
        let key = (
            item.group.is_none(),
            item.group.as_deref().map(str::to_ascii_lowercase),
        );
        match groups.binary_search_by(|(k, _, _)| k.cmp(&key)) {
            Ok(at) => groups[at].2.push(item.clone()),
            Err(at) => groups.insert(at, (key, item.group.clone(), vec![item.clone()])),
        }
    }
    groups
        .into_iter()
        .map(|(_, name, members)| (name, members))
        .collect()
}

/// Whether two items fall in the same group, for moving within it.
pub fn same_group(all: &[Incident], sources: &Sources, a: &CheckItem, b: &CheckItem) -> bool {
    let group =
        |i: &CheckItem| group_of(all, &sources.origins(&i.key)).map(|g| g.to_ascii_lowercase());
    group(a) == group(b)
}

#[cfg(test)]
mod tests {
    use super::super::tests::incident;
    use super::*;

    #[test]
    fn many_incidents_sharing_some_checks_each_find_exactly_their_own() {
        // Checks that repeat across incidents in other case and spacing, some twice in one.
        let words = [
            "Check the recipients",
            "read it ALOUD",
            "ask  Priya",
            "wait a minute",
        ];
        let all: Vec<Incident> = (0..60u8)
            .map(|n| {
                let check = words[usize::from(n) % 4];
                let commitment = if n % 5 == 0 {
                    check.to_uppercase()
                } else {
                    format!("Note {}", n % 7)
                };
                incident(n, "", &[check], &[&commitment])
            })
            .collect();
        let mut list = Checklist::default();
        assert_eq!(list.gather(&all), 4 + 7);
        assert_eq!(list.gather(&all), 0);
        let sources = Sources::of(&all);
        for item in &list.items {
            let one_by_one: Vec<usize> = (0..all.len())
                .filter(|&n| super::super::sources(&all[n]).any(|(_, key)| key == item.key))
                .collect();
            assert!(!one_by_one.is_empty());
            assert_eq!(sources.origins(&item.key), one_by_one, "{}", item.text);
        }
        assert!(sources.origins("no such check").is_empty());
    }

    #[test]
    fn groups_merge_in_any_case_and_come_by_name_with_the_untagged_last() {
        let item = |id: u32, group: Option<&str>| Shown {
            id,
            text: format!("item {id}"),
            retired: false,
            group: group.map(String::from),
            from: Vec::new(),
        };
        let items = [
            item(1, Some("email")),
            item(2, None),
            item(3, Some("Deploys")),
            item(4, Some("EMAIL")),
            item(5, Some("alpha")),
            item(6, Some("deploys")),
        ];
        let summary: Vec<(Option<String>, Vec<u32>)> = grouped(&items, false)
            .into_iter()
            .map(|(g, items)| (g, items.iter().map(|i| i.id).collect()))
            .collect();
        let named = |g: &str| Some(g.to_owned());
        assert_eq!(
            summary,
            [
                (named("alpha"), vec![5]),
                (named("Deploys"), vec![3, 6]),
                (named("email"), vec![1, 4]),
                (None, vec![2]),
            ]
        );
        assert!(grouped(&items, true).is_empty());
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
        let sources = Sources::of(&all);
        assert!(same_group(&all, &sources, &list.items[0], &list.items[1]));
        assert!(!same_group(&all, &sources, &list.items[0], &list.items[3]));
    }
}
