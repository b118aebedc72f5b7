//! The breathing guide's script: which cue shows at each second of a paced pause.

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
