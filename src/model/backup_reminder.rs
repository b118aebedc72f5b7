//! When to remind the person, calmly, to export a copy: a week after unexported changes
//! began, or once several incidents have changed since the last export.

use super::{Settings, Timestamp};

const DAY_MS: i64 = 86_400_000;
/// Unexported changes this old earn a reminder.
pub const AFTER_DAYS: i64 = 7;
/// This many incidents changed since the last export earn a reminder sooner.
pub const AFTER_INCIDENTS: usize = 5;

/// The reminder's words, or `None` when no reminder is due. `times` gives each incident's
/// creation and last change, from the records or from the list's index alike.
pub fn due(
    times: &mut dyn Iterator<Item = (Timestamp, Timestamp)>,
    settings: &Settings,
    now: Timestamp,
) -> Option<String> {
    let after = |at: Option<Timestamp>, days: i64| {
        at.is_some_and(|at| now.millis() - at.millis() < days * DAY_MS)
    };
    if after(settings.reminder_dismissed, AFTER_DAYS) {
        return None;
    }
    let (mut changes, mut first) = (0, None::<Timestamp>);
    for (created, _) in
        times.filter(|(_, updated)| settings.last_export.is_none_or(|at| *updated > at))
    {
        changes += 1;
        first = Some(first.map_or(created, |f| f.min(created)));
    }
    let since = settings.last_export.or(first)?;
    if changes == 0 {
        return None;
    }
    let never = settings.last_export.is_none();
    if changes >= AFTER_INCIDENTS || !after(Some(since), AFTER_DAYS) {
        let what = match (never, changes) {
            (true, _) => "You haven't exported a copy yet.".to_owned(),
            (false, 1) => "1 incident has changed since your last export.".to_owned(),
            (false, n) => format!("{n} incidents have changed since your last export."),
        };
        return Some(format!(
            "{what} A file keeps your notes safe if this browser's data is ever cleared."
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> Timestamp {
        Timestamp::from_millis(n * DAY_MS).unwrap()
    }

    /// An incident's creation and last change, on these days.
    fn incident(_seed: u8, created: i64, updated: i64) -> (Timestamp, Timestamp) {
        (day(created), day(updated))
    }

    fn due(
        incidents: &[(Timestamp, Timestamp)],
        settings: &Settings,
        now: Timestamp,
    ) -> Option<String> {
        super::due(&mut incidents.iter().copied(), settings, now)
    }

    #[test]
    fn a_week_of_unexported_work_earns_a_reminder() {
        let incidents = [incident(1, 10, 11)];
        let settings = Settings::default();
        assert_eq!(due(&incidents, &settings, day(16)), None);
        assert!(due(&incidents, &settings, day(17))
            .is_some_and(|t| t.starts_with("You haven't exported")));
    }

    #[test]
    fn an_export_resets_it_and_only_later_changes_count() {
        let settings = Settings {
            last_export: Some(day(20)),
            ..Settings::default()
        };
        assert_eq!(due(&[incident(1, 10, 19)], &settings, day(40)), None);
        let text = due(&[incident(1, 10, 21)], &settings, day(27)).unwrap();
        assert!(text.starts_with("1 incident has changed since your last export."));
    }

    #[test]
    fn several_changed_incidents_earn_it_sooner() {
        let incidents: Vec<_> = (0..5).map(|n| incident(n, 21, 21)).collect();
        let settings = Settings {
            last_export: Some(day(20)),
            ..Settings::default()
        };
        assert!(due(&incidents, &settings, day(21)).is_some_and(|t| t.starts_with("5 incidents")));
    }

    #[test]
    fn not_now_puts_it_off_for_a_week() {
        let settings = Settings {
            reminder_dismissed: Some(day(30)),
            ..Settings::default()
        };
        assert_eq!(due(&[incident(1, 0, 1)], &settings, day(36)), None);
        assert!(due(&[incident(1, 0, 1)], &settings, day(37)).is_some());
    }
}
