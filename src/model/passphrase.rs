//! Choosing a passphrase for the lock: a plain strength hint, the checks before turning it
//! on, the idle times it can lock after, and how long a wrong try makes the next one wait.

use super::value::choice;

/// Shorter than this is refused: no hint makes eight characters safe against a stolen disk.
pub const MIN_LENGTH: usize = 8;

/// How strong a passphrase looks, judged only from its length and variety.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    pub fn of(passphrase: &str) -> Self {
        let length = passphrase.chars().count();
        if length < MIN_LENGTH {
            return Self::TooShort;
        }
        let kinds = [
            passphrase.chars().any(|c| c.is_lowercase()),
            passphrase.chars().any(|c| c.is_uppercase()),
            passphrase.chars().any(|c| c.is_numeric()),
            passphrase.chars().any(|c| !c.is_alphanumeric()),
        ]
        .into_iter()
        .filter(|k| *k)
        .count();
        match (length, kinds) {
            (20.., _) | (14.., 3..) => Self::Strong,
            (12.., _) | (_, 3..) => Self::Fair,
            _ => Self::Weak,
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            Self::TooShort => "Too short: use at least 8 characters.",
            Self::Weak => {
                "Weak: easy to guess. Four or more unrelated words are strong and easy to remember."
            }
            Self::Fair => "Fair. A few more words would make it strong.",
            Self::Strong => "Strong.",
        }
    }
}

/// What is wrong with a new passphrase and its repeat, if anything.
pub fn check_new(passphrase: &str, repeat: &str) -> Result<(), &'static str> {
    if Strength::of(passphrase) == Strength::TooShort {
        return Err("The passphrase needs at least 8 characters.");
    }
    if passphrase != repeat {
        return Err("The two passphrases are not the same. Type them again.");
    }
    Ok(())
}

choice!(
    /// How long Mend waits, with no key pressed or pointer moved, before it locks itself.
    AutoLock {
        Fifteen = "15", "After 15 minutes";
        Five = "5", "After 5 minutes";
        Sixty = "60", "After 60 minutes";
        Off = "off", "Never";
    }
);

impl AutoLock {
    /// The order Settings shows them in, shortest first; the default leads the declaration.
    pub const SHOWN: [AutoLock; 4] = [Self::Five, Self::Fifteen, Self::Sixty, Self::Off];

    /// Left out of stored settings while it is the default, so older records read the same.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    pub fn minutes(self) -> Option<u32> {
        match self {
            Self::Off => None,
            Self::Five => Some(5),
            Self::Fifteen => Some(15),
            Self::Sixty => Some(60),
        }
    }
}

/// How long the next try must wait after `failures` wrong ones in a row: none for the
/// first three, then doubling from 1 s to at most 30 s. Nothing is ever wiped.
pub fn wait_after(failures: u32) -> u32 {
    match failures {
        0..=2 => 0,
        n => (1u32 << (n - 3).min(5)).min(30) * 1000,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(Strength::of("short"), Strength::TooShort);
        assert_eq!(Strength::of("password"), Strength::Weak);
        assert_eq!(Strength::of("Password1"), Strength::Fair);
        assert_eq!(Strength::of("correct horse battery"), Strength::Strong);
        assert_eq!(Strength::of("Tr0ub4dor&3xyz"), Strength::Strong);
        assert!(Strength::Weak.hint().starts_with("Weak"));
    }

    #[test]
    fn a_new_passphrase_must_be_long_enough_and_typed_twice_alike() {
        assert!(check_new("short", "short").is_err());
        assert!(check_new("long enough words", "long enough word").is_err());
        assert_eq!(check_new("long enough words", "long enough words"), Ok(()));
    }

    #[test]
    fn wrong_tries_slow_down_and_never_stop() {
        assert_eq!(wait_after(0), 0);
        assert_eq!(wait_after(2), 0);
        assert_eq!(wait_after(3), 1000);
        assert_eq!(wait_after(4), 2000);
        assert_eq!(wait_after(8), 30_000);
        assert_eq!(wait_after(1000), 30_000);
    }

    #[test]
    fn the_idle_lock_defaults_to_fifteen_minutes() {
        assert_eq!(AutoLock::default(), AutoLock::Fifteen);
        assert_eq!(AutoLock::Off.minutes(), None);
        assert_eq!(AutoLock::Sixty.minutes(), Some(60));
        let shown: Vec<_> = AutoLock::SHOWN.iter().map(|a| a.minutes()).collect();
        assert_eq!(shown, [Some(5), Some(15), Some(60), None]);
    }
}
