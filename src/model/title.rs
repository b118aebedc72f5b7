//! The title Mend shows for an incident: its own; until it has one, a plain placeholder
//! from when it was started ("Incident on 3 Dec, 14:05"); or a neutral "Incident 3" in
//! discreet mode.

use super::{order, Day, Incident, Timestamp};

/// Minutes to add to UTC for local time at a given moment (the browser knows; tests pick).
pub type Offset<'a> = &'a dyn Fn(Timestamp) -> i32;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Incident on 3 Dec, 14:05": the title of an incident nobody has named yet, in local time.
pub fn placeholder(created_at: Timestamp, offset_minutes: i32) -> String {
    let (_, day_month, time) = local_parts(created_at, offset_minutes);
    format!("Incident on {day_month}, {time}")
}

/// "26 Nov 2026, 08:04": a moment in local time for people. The same words on every device,
/// in the app's language: the browser's own formats load its locale data first, about 20 ms
/// of every start-up.
pub fn label(time: Timestamp, offset_minutes: i32) -> String {
    let (year, day_month, time) = local_parts(time, offset_minutes);
    format!("{day_month} {year}, {time}")
}

/// The year, "3 Dec" and "14:05" of a moment, `offset_minutes` from UTC.
fn local_parts(time: Timestamp, offset_minutes: i32) -> (i64, String, String) {
    let local = time.millis() + i64::from(offset_minutes) * 60_000;
    let (year, month, day) = Day::of_utc(Timestamp::from_millis_clamped(local as f64)).ymd();
    let minutes = local.rem_euclid(86_400_000) / 60_000;
    let month = MONTHS[(month - 1).clamp(0, 11) as usize];
    (
        year,
        format!("{day} {month}"),
        format!("{:02}:{:02}", minutes / 60, minutes % 60),
    )
}

/// The incident's own title, or its placeholder until it has one.
pub fn name(incident: &Incident, offset: Offset) -> String {
    match incident.title.trim() {
        "" => placeholder(incident.created_at, offset(incident.created_at)),
        title => title.to_owned(),
    }
}

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
pub fn shown_title(
    all: &[Incident],
    incident: &Incident,
    discreet: bool,
    offset: Offset,
) -> String {
    titled(
        incident,
        discreet.then(|| creation_number(all, incident)),
        offset,
    )
}

/// `shown_title` of every incident in `all`, in the same order. Sorts once instead of
/// counting once per incident, so a list of 1,000 costs thousands of steps, not a million.
pub fn shown_titles(all: &[Incident], discreet: bool, offset: Offset) -> Vec<String> {
    let key = |i: &Incident| (i.created_at.millis(), order::id_key(i.id));
    let mut sorted: Vec<(order::Key, usize)> = Vec::new();
    if discreet {
        sorted = all.iter().map(key).zip(0..).collect();
        order::sort_keys(&mut sorted);
    }
    all.iter()
        .map(|i| {
            let number = discreet.then(|| 1 + sorted.partition_point(|(k, _)| *k < key(i)));
            titled(i, number, offset)
        })
        .collect()
}

fn titled(incident: &Incident, number: Option<usize>, offset: Offset) -> String {
    match number {
        Some(n) => format!("Incident {n}"),
        None => name(incident, offset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IncidentId;

    const UTC: fn(Timestamp) -> i32 = |_| 0;

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
        let shown: Vec<String> = all
            .iter()
            .map(|i| shown_title(&all, i, true, &UTC))
            .collect();
        assert_eq!(shown, ["Incident 3", "Incident 1", "Incident 2"]);
    }

    #[test]
    fn titles_of_a_whole_list_match_one_by_one() {
        let mut all = shuffled();
        all.push(incident(4, 1_000, "Tie, larger id"));
        for discreet in [true, false] {
            let one_by_one: Vec<String> = all
                .iter()
                .map(|i| shown_title(&all, i, discreet, &UTC))
                .collect();
            assert_eq!(shown_titles(&all, discreet, &UTC), one_by_one);
        }
    }

    #[test]
    fn discreet_titles_never_contain_the_real_title() {
        let all = vec![incident(1, 1_000, "Leaked the payroll file")];
        let shown = shown_title(&all, &all[0], true, &UTC);
        assert_eq!(shown, "Incident 1");
        assert!(!shown.contains("payroll"));
    }

    #[test]
    fn normal_titles_are_the_display_title() {
        let all = vec![
            incident(1, 1_000, "Wrong invoice"),
            incident(2, 1_000, "  "),
        ];
        assert_eq!(shown_title(&all, &all[0], false, &UTC), "Wrong invoice");
        assert_eq!(
            shown_title(&all, &all[1], false, &UTC),
            "Incident on 1 Jan, 00:00"
        );
    }

    #[test]
    fn same_creation_time_is_ordered_by_id_and_numbers_stay_distinct() {
        let all = vec![incident(9, 1_000, "b"), incident(1, 1_000, "a")];
        assert_eq!(creation_number(&all, &all[1]), 1);
        assert_eq!(creation_number(&all, &all[0]), 2);
    }

    #[test]
    fn an_unnamed_incident_is_called_by_when_it_started_in_local_time() {
        // 2026-12-03T13:05:00Z
        let at = Timestamp::from_millis(1_796_303_100_000).unwrap();
        assert_eq!(placeholder(at, 60), "Incident on 3 Dec, 14:05");
        assert_eq!(placeholder(at, 0), "Incident on 3 Dec, 13:05");
        // West of UTC, across midnight and the year's end.
        let new_year = Timestamp::from_millis(1_798_761_600_000).unwrap();
        assert_eq!(placeholder(new_year, -300), "Incident on 31 Dec, 19:00");
        let mut unnamed = incident(1, 1_796_303_100_000, "  ");
        assert_eq!(name(&unnamed, &|_| 60), "Incident on 3 Dec, 14:05");
        unnamed.title = " Wrong invoice ".into();
        assert_eq!(name(&unnamed, &|_| 60), "Wrong invoice");
    }

    #[test]
    fn a_moment_is_labelled_with_its_local_day_year_and_time() {
        // 2026-12-03T13:05:00Z, and the first minute of 2027 in UTC.
        let at = Timestamp::from_millis(1_796_303_100_000).unwrap();
        assert_eq!(label(at, 60), "3 Dec 2026, 14:05");
        let new_year = Timestamp::from_millis(1_798_761_600_000).unwrap();
        assert_eq!(label(new_year, 0), "1 Jan 2027, 00:00");
        assert_eq!(label(new_year, -300), "31 Dec 2026, 19:00");
    }

    #[test]
    fn discreet_mode_hides_the_placeholder_too() {
        let all = vec![incident(1, 1_796_303_100_000, "")];
        assert_eq!(shown_title(&all, &all[0], true, &UTC), "Incident 1");
    }

    #[test]
    fn numbers_close_up_after_a_delete() {
        let mut all = vec![incident(1, 1_000, "a"), incident(2, 2_000, "b")];
        all.remove(0);
        assert_eq!(shown_title(&all, &all[0], true, &UTC), "Incident 1");
    }
}
