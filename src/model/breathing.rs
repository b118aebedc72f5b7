//! The breathing guide's script: which cue shows at each second of a paced pause, and the
//! little a screen reader says about it.

use super::choices::Breathing;

/// One part of a breath.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub cue: &'static str,
    pub seconds: u32,
    /// Whether the shape is full (breathing in or holding in) during this phase.
    pub full: bool,
}

const SIGH: &[Phase] = &[
    Phase {
        cue: "Breathe in through your nose",
        seconds: 2,
        full: true,
    },
    Phase {
        cue: "One more short breath in",
        seconds: 1,
        full: true,
    },
    Phase {
        cue: "Breathe out slowly through your mouth",
        seconds: 6,
        full: false,
    },
];

const BOX: &[Phase] = &[
    Phase {
        cue: "Breathe in",
        seconds: 4,
        full: true,
    },
    Phase {
        cue: "Hold",
        seconds: 4,
        full: true,
    },
    Phase {
        cue: "Breathe out",
        seconds: 4,
        full: false,
    },
    Phase {
        cue: "Hold",
        seconds: 4,
        full: false,
    },
];

fn script(pattern: Breathing) -> (&'static [Phase], u32) {
    match pattern {
        // About 80 s, within the 60–90 s the cyclic sigh is practised for.
        Breathing::Sigh => (SIGH, 9),
        Breathing::Box => (BOX, 4),
    }
}

/// The whole pause, in seconds.
pub fn total_seconds(pattern: Breathing) -> u32 {
    let (phases, rounds) = script(pattern);
    phases.iter().map(|p| p.seconds).sum::<u32>() * rounds
}

/// Where the guide is after `elapsed` seconds: the phase, its index in the whole pause
/// (it changes exactly when the cue changes), and seconds left in it. `None` once done.
pub fn at(pattern: Breathing, elapsed: u32) -> Option<(Phase, u32, u32)> {
    let (phases, rounds) = script(pattern);
    let round_length: u32 = phases.iter().map(|p| p.seconds).sum();
    let round = elapsed / round_length;
    if round >= rounds {
        return None;
    }
    let mut into = elapsed % round_length;
    for (i, phase) in phases.iter().enumerate() {
        if into < phase.seconds {
            let index = round * phases.len() as u32 + i as u32;
            return Some((*phase, index, phase.seconds - into));
        }
        into -= phase.seconds;
    }
    None
}

/// What a screen reader hears while the guide runs: one short line at the start of each
/// round, not every cue, so speech never crowds the breath. `None` once done.
pub fn announcement(pattern: Breathing, elapsed: u32) -> Option<String> {
    let (phases, rounds) = script(pattern);
    let round_length: u32 = phases.iter().map(|p| p.seconds).sum();
    let round = elapsed / round_length;
    let first = phases.first()?;
    (round < rounds).then(|| format!("Round {} of {rounds}. {}.", round + 1, first.cue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_breathing_is_four_by_four() {
        assert_eq!(total_seconds(Breathing::Box), 64);
        let (phase, index, left) = at(Breathing::Box, 0).unwrap_or_else(|| panic!("running"));
        assert_eq!((phase.cue, index, left), ("Breathe in", 0, 4));
        let (phase, index, left) = at(Breathing::Box, 5).unwrap_or_else(|| panic!("running"));
        assert_eq!((phase.cue, index, left), ("Hold", 1, 3));
        let (phase, index, _) = at(Breathing::Box, 16).unwrap_or_else(|| panic!("running"));
        assert_eq!((phase.cue, index), ("Breathe in", 4));
        assert_eq!(at(Breathing::Box, 64), None);
    }

    #[test]
    fn a_screen_reader_hears_one_line_a_round_at_most() {
        for pattern in [Breathing::Sigh, Breathing::Box] {
            let total = total_seconds(pattern);
            let mut changes = Vec::new();
            let mut last = None;
            for second in 0..=total {
                let now = announcement(pattern, second);
                if now != last {
                    changes.push((second, now.clone()));
                }
                last = now;
            }
            let (_, first) = &changes[0];
            assert!(first
                .as_deref()
                .is_some_and(|t| t.starts_with("Round 1 of ")));
            assert_eq!(
                changes.last().map(|(s, t)| (*s, t.clone())),
                Some((total, None))
            );
            // At least 9 s between announcements, whatever the pattern.
            assert!(
                changes.windows(2).all(|w| w[1].0 - w[0].0 >= 9),
                "{changes:?}"
            );
        }
        assert_eq!(
            announcement(Breathing::Box, 16).as_deref(),
            Some("Round 2 of 4. Breathe in.")
        );
    }

    #[test]
    fn the_cyclic_sigh_takes_two_breaths_in_then_a_long_one_out() {
        let total = total_seconds(Breathing::Sigh);
        assert!((60..=90).contains(&total), "{total}");
        let cues: Vec<&str> = (0..9)
            .filter_map(|s| at(Breathing::Sigh, s))
            .map(|(p, _, _)| p.cue)
            .collect();
        assert_eq!(cues[0], "Breathe in through your nose");
        assert_eq!(cues[2], "One more short breath in");
        assert!(cues[3..]
            .iter()
            .all(|c| *c == "Breathe out slowly through your mouth"));
        assert!(at(Breathing::Sigh, total - 1).is_some());
        assert_eq!(at(Breathing::Sigh, total), None);
    }
}
