//! Lists that start from what the user already wrote: the Fix checklist from the chosen
//! option, and the Follow-up ledger from the people named in Assess and Own up.

use super::names::Names;
use super::steps::{add_item, has_room, next_id, Stakeholder};
use super::Incident;

/// Puts the chosen option's item first in the checklist. An untouched item seeded from an
/// earlier choice is replaced; anything the user has worked on stays. Returns whether
/// anything changed.
pub fn seed_checklist(incident: &mut Incident) -> bool {
    let Some(option) = incident.steps.solutions.chosen() else {
        return false;
    };
    let (option_id, what) = (option.id, option.title.trim().to_owned());
    let items = &mut incident.steps.fix.items;
    if let Some(at) = items.iter().position(|i| i.from_option == Some(option_id)) {
        if at == 0 {
            return false;
        }
        let item = items.remove(at);
        items.insert(0, item);
        return true;
    }
    items.retain(|i| !i.is_untouched_seed());
    add_item(items);
    let mut item = items.pop().unwrap_or_default();
    item.what = if what.is_empty() {
        "Carry out the chosen option".into()
    } else {
        what
    };
    item.from_option = Some(option_id);
    items.insert(0, item);
    true
}

/// Adds everyone named in Assess (who must help) and Own up (who to tell) to the ledger,
/// unless they are already there or the user removed them. Returns whether anything changed.
pub fn sync_stakeholders(incident: &mut Incident) -> bool {
    let steps = &mut incident.steps;
    let own_up = &steps.own_up;
    // Borrowed, not copied: at the import's limits this is thousands of names.
    let named: Vec<(&str, &str)> = steps
        .assess
        .helpers
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_str()))
        .chain([(own_up.tell_name.as_str(), own_up.tell_role.as_str())])
        .collect();
    let follow_up = &mut steps.follow_up;
    let known = Names::new(
        follow_up
            .people
            .iter()
            .map(|p| p.name.as_str())
            .chain(follow_up.removed_names.iter().map(String::as_str)),
    );
    // A name given twice is added once, where it was first given.
    let given = Names::new(named.iter().map(|(name, _)| *name));
    let mut changed = false;
    // The first new id worked out once, not by `add_item` for each: a search for each of
    // thousands of new people made the first opening of Follow up at the import's limits
    // quadratic.
    let mut next = next_id(&follow_up.people);
    for (at, (name, role)) in named.into_iter().enumerate() {
        if name.trim().is_empty() || known.contains(name) || given.first_place(name) != Some(at) {
            continue;
        }
        // A ledger already at the length limit gains no one.
        if !has_room(&follow_up.people) {
            break;
        }
        follow_up.people.push(Stakeholder {
            id: next,
            name: name.trim().to_owned(),
            role: role.trim().to_owned(),
            ..Stakeholder::default()
        });
        next += 1;
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::choices::ItemStatus;
    use crate::model::steps::{Alternative, FixItem, Person};

    fn incident_with_options() -> Incident {
        let mut i = Incident::blank(3);
        for (id, title) in [(1, "Resend the invoice"), (2, "Call the client")] {
            i.steps.solutions.options.push(Alternative {
                id,
                title: title.into(),
                ..Alternative::default()
            });
        }
        i.steps.fix.items.push(FixItem {
            id: 1,
            what: "My own item".into(),
            ..FixItem::default()
        });
        i
    }

    fn whats(i: &Incident) -> Vec<&str> {
        i.steps.fix.items.iter().map(|x| x.what.as_str()).collect()
    }

    #[test]
    fn nothing_is_seeded_until_an_option_is_chosen() {
        let mut i = incident_with_options();
        assert!(!seed_checklist(&mut i));
        assert_eq!(whats(&i), ["My own item"]);
    }

    #[test]
    fn the_chosen_option_comes_first_then_the_users_own_items() {
        let mut i = incident_with_options();
        i.steps.solutions.chosen = Some(2);
        assert!(seed_checklist(&mut i));
        assert_eq!(whats(&i), ["Call the client", "My own item"]);
        assert_eq!(i.steps.fix.items[0].from_option, Some(2));
        assert_ne!(i.steps.fix.items[0].id, i.steps.fix.items[1].id);
        // Seeding again changes nothing.
        assert!(!seed_checklist(&mut i));
        assert_eq!(i.steps.fix.items.len(), 2);
    }

    #[test]
    fn a_new_choice_replaces_an_untouched_seed_but_keeps_worked_on_ones() {
        let mut i = incident_with_options();
        i.steps.solutions.chosen = Some(2);
        seed_checklist(&mut i);
        i.steps.solutions.chosen = Some(1);
        seed_checklist(&mut i);
        assert_eq!(whats(&i), ["Resend the invoice", "My own item"]);

        i.steps.fix.items[0].status = ItemStatus::Doing;
        i.steps.solutions.chosen = Some(2);
        seed_checklist(&mut i);
        assert_eq!(
            whats(&i),
            ["Call the client", "Resend the invoice", "My own item"]
        );
    }

    #[test]
    fn an_untitled_choice_still_gets_an_item() {
        let mut i = incident_with_options();
        i.steps.solutions.options[0].title.clear();
        i.steps.solutions.chosen = Some(1);
        seed_checklist(&mut i);
        assert_eq!(whats(&i)[0], "Carry out the chosen option");
    }

    #[test]
    fn the_ledger_starts_from_helpers_and_the_boss_once_each() {
        let mut i = incident_with_options();
        i.steps.assess.helpers.push(Person {
            id: 1,
            name: "Ana".into(),
            role: "Accounts".into(),
        });
        i.steps.assess.helpers.push(Person {
            id: 2,
            name: " ".into(),
            role: "Nobody".into(),
        });
        i.steps.own_up.tell_name = "Sam".into();
        i.steps.own_up.tell_role = "Manager".into();
        assert!(sync_stakeholders(&mut i));
        let names: Vec<&str> = i
            .steps
            .follow_up
            .people
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Ana", "Sam"]);
        assert!(!sync_stakeholders(&mut i));

        i.steps.follow_up.people.retain(|p| p.name != "Sam");
        i.steps.follow_up.removed_names.push("sam".into());
        assert!(!sync_stakeholders(&mut i));
        assert_eq!(i.steps.follow_up.people.len(), 1);
    }

    #[test]
    fn a_name_given_twice_joins_the_ledger_once_as_first_given() {
        let mut i = incident_with_options();
        for (id, name, role) in [
            (1, "Ana", "Accounts"),
            (2, "Ben", "IT"),
            (3, " ana ", "Sales"),
        ] {
            i.steps.assess.helpers.push(Person {
                id,
                name: name.into(),
                role: role.into(),
            });
        }
        i.steps.own_up.tell_name = "BEN".into();
        assert!(sync_stakeholders(&mut i));
        let people: Vec<(&str, &str, u32)> = i
            .steps
            .follow_up
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_str(), p.id))
            .collect();
        assert_eq!(people, [("Ana", "Accounts", 1), ("Ben", "IT", 2)]);
    }

    #[test]
    fn new_people_take_ids_past_the_highest_even_after_a_reorder() {
        let mut i = incident_with_options();
        for (id, name) in [(1, "Ana"), (2, "Ben")] {
            i.steps.assess.helpers.push(Person {
                id,
                name: name.into(),
                role: String::new(),
            });
        }
        // Reordered: the highest id is not the last.
        for (id, name) in [(7, "Chen"), (3, "Dee")] {
            i.steps.follow_up.people.push(Stakeholder {
                id,
                name: name.into(),
                ..Stakeholder::default()
            });
        }
        assert!(sync_stakeholders(&mut i));
        let ids: Vec<u32> = i.steps.follow_up.people.iter().map(|p| p.id).collect();
        assert_eq!(ids, [7, 3, 8, 9]);
    }
}
