//! The title Mend shows for an incident: its own, or a neutral "Incident 3" in discreet mode.

use super::Incident;

/// The incident's place in creation order among `all`, counting from 1 (ties: by id).
/// Numbers follow the incidents on this device, so they close up after a delete.
pub fn creation_number(all: &[Incident], incident: &Incident) -> usize {
    let key = |i: &Incident| (i.created_at, i.id);
    1 + all
        .iter()
        .filter(|other| key(other) < key(incident))
        .count()
}

/// The title to show in the list and the browser tab. Discreet mode never reveals the text.
pub fn shown_title(all: &[Incident], incident: &Incident, discreet: bool) -> String {
    titled(incident, discreet.then(|| creation_number(all, incident)))
}

/// `shown_title` of every incident in `all`, in the same order. Sorts once instead of
/// counting once per incident, so a list of 1,000 costs thousands of steps, not a million.
pub fn shown_titles(all: &[Incident], discreet: bool) -> Vec<String> {
    let mut order: Vec<_> = Vec::new();
    if discreet {
        order = all.iter().map(|i| (i.created_at, i.id)).collect();
        order.sort_unstable();
    }
    all.iter()
        .map(|i| {
            let number = discreet.then(|| 1 + order.partition_point(|k| *k < (i.created_at, i.id)));
            titled(i, number)
        })
        .collect()
}

fn titled(incident: &Incident, number: Option<usize>) -> String {
    match number {
        Some(n) => format!("Incident {n}"),
        None => incident.display_title().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IncidentId, Timestamp};

    fn incident(seed: u8, created_ms: i64, title: &str) -> Incident {
        let created = Timestamp::from_millis(created_ms).unwrap();
        let mut incident = Incident::new(IncidentId::from_random_bytes([seed; 16]), created);
        incident.title = title.to_owned();
        incident
    }

    /// Three incidents listed out of creation order.
    fn shuffled() -> Vec<Incident> {
        vec![
            incident(1, 3_000, "Third"),
            incident(2, 1_000, "First"),
            incident(3, 2_000, "Second"),
        ]
    }

    #[test]
    fn discreet_titles_number_by_creation_not_by_list_order() {
        let all = shuffled();
        let shown: Vec<String> = all.iter().map(|i| shown_title(&all, i, true)).collect();
        assert_eq!(shown, ["Incident 3", "Incident 1", "Incident 2"]);
    }

    #[test]
    fn titles_of_a_whole_list_match_one_by_one() {
        let mut all = shuffled();
        all.push(incident(4, 1_000, "Tie, larger id"));
        for discreet in [true, false] {
            let one_by_one: Vec<String> =
                all.iter().map(|i| shown_title(&all, i, discreet)).collect();
            assert_eq!(shown_titles(&all, discreet), one_by_one);
        }
    }

    #[test]
    fn discreet_titles_never_contain_the_real_title() {
        let all = vec![incident(1, 1_000, "Leaked the payroll file")];
        let shown = shown_title(&all, &all[0], true);
        assert_eq!(shown, "Incident 1");
        assert!(!shown.contains("payroll"));
    }

    #[test]
    fn normal_titles_are_the_display_title() {
        let all = vec![
            incident(1, 1_000, "Wrong invoice"),
            incident(2, 1_000, "  "),
        ];
        assert_eq!(shown_title(&all, &all[0], false), "Wrong invoice");
        assert_eq!(shown_title(&all, &all[1], false), "Untitled incident");
    }

    #[test]
    fn same_creation_time_is_ordered_by_id_and_numbers_stay_distinct() {
        let all = vec![incident(9, 1_000, "b"), incident(1, 1_000, "a")];
        assert_eq!(creation_number(&all, &all[1]), 1);
        assert_eq!(creation_number(&all, &all[0]), 2);
    }

    #[test]
    fn numbers_close_up_after_a_delete() {
        let mut all = vec![incident(1, 1_000, "a"), incident(2, 2_000, "b")];
        all.remove(0);
        assert_eq!(shown_title(&all, &all[0], true), "Incident 1");
    }
}
