//! The calm clock on Own up: time since the mistake was noticed, against a 15-minute aim.

use super::choices::{Severity, Worsening};
use super::Timestamp;

/// Telling the boss within about this many minutes is the aim.
pub const TARGET_MINUTES: i64 = 15;

/// "less than a minute", "1 minute", "12 minutes", "1 h 5 min", "3 days".
pub fn duration_text(minutes: i64) -> String {
    let minutes = minutes.max(0);
    match minutes {
        // "0 minutes" read as if no time had been counted at all.
        0 => "less than a minute".to_owned(),
        1 => "1 minute".to_owned(),
        m if m < 60 => format!("{m} minutes"),
        m if m < 48 * 60 => match m % 60 {
            0 => format!("{} h", m / 60),
            rest => format!("{} h {rest} min", m / 60),
        },
        m => format!("{} days", m / (24 * 60)),
    }
}

/// What the clock says. Past the aim it says so gently: late is still better than never.
pub fn reading(noticed: Timestamp, now: Timestamp, told: Option<Timestamp>) -> String {
    let minutes = |until: Timestamp| (until.millis() - noticed.millis()) / 60_000;
    if let Some(told) = told {
        return format!(
            "You told them {} after noticing.",
            duration_text(minutes(told))
        );
    }
    let elapsed = minutes(now);
    let mut since = duration_text(elapsed);
    // It opens the sentence.
    if let Some(first) = since.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    if elapsed <= TARGET_MINUTES {
        format!(
            "{since} since you noticed. Aim to tell them within about {TARGET_MINUTES} minutes."
        )
    } else {
        format!(
            "{since} since you noticed. That's past the {TARGET_MINUTES}-minute aim, and telling them now still helps."
        )
    }
}

/// The list's flag on an incident whose boss has not been told: "not told yet · 12 minutes".
pub fn untold(noticed: Timestamp, now: Timestamp) -> String {
    let minutes = (now.millis() - noticed.millis()) / 60_000;
    format!("Not told yet \u{b7} {}", duration_text(minutes))
}

/// A calm nudge to tell them now, when Assess says it is critical or still getting worse.
pub fn urge(severity: Severity, worsening: Worsening) -> Option<&'static str> {
    match (severity, worsening) {
        (_, Worsening::Yes) => {
            Some("It is still getting worse: telling them now lets them help sooner.")
        }
        (Severity::Critical, _) => {
            Some("It is serious: telling them now lets them help while it matters most.")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_critical_or_worsening_urges_telling_now() {
        assert!(urge(Severity::Critical, Worsening::Unknown).is_some());
        assert!(urge(Severity::Low, Worsening::Yes).is_some());
        for severity in [
            Severity::Unset,
            Severity::Low,
            Severity::Medium,
            Severity::High,
        ] {
            for worsening in [Worsening::Unknown, Worsening::No] {
                assert_eq!(urge(severity, worsening), None);
            }
        }
    }

    #[test]
    fn the_list_says_how_long_it_has_gone_untold() {
        assert_eq!(untold(at(0), at(12)), "Not told yet \u{b7} 12 minutes");
        assert_eq!(untold(at(0), at(65)), "Not told yet \u{b7} 1 h 5 min");
        assert_eq!(
            untold(at(10), at(5)),
            "Not told yet \u{b7} less than a minute",
            "clock skew"
        );
    }

    fn at(minutes: i64) -> Timestamp {
        Timestamp::from_millis_clamped((minutes * 60_000) as f64)
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(0), "less than a minute");
        assert_eq!(duration_text(1), "1 minute");
        assert_eq!(duration_text(59), "59 minutes");
        assert_eq!(duration_text(60), "1 h");
        assert_eq!(duration_text(65), "1 h 5 min");
        assert_eq!(duration_text(3 * 24 * 60 + 5), "3 days");
        assert_eq!(duration_text(-5), "less than a minute");
    }

    #[test]
    fn before_and_after_the_aim() {
        assert_eq!(
            reading(at(0), at(12), None),
            "12 minutes since you noticed. Aim to tell them within about 15 minutes."
        );
        assert!(reading(at(0), at(20), None)
            .starts_with("20 minutes since you noticed. That's past the 15-minute aim"));
        assert_eq!(
            reading(at(0), at(0), None),
            "Less than a minute since you noticed. Aim to tell them within about 15 minutes."
        );
    }

    #[test]
    fn once_told_it_stops() {
        assert_eq!(
            reading(at(0), at(500), Some(at(9))),
            "You told them 9 minutes after noticing."
        );
        assert_eq!(
            reading(at(0), at(500), Some(at(0))),
            "You told them less than a minute after noticing."
        );
    }
}
