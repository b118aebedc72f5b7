//! People's names as Mend matches them, e.g. Follow up's ledger against Assess's helpers:
//! spaces around a name and ASCII letter case don't count. The pre-flight checklist looks up
//! its keys here too; they come folded already.

use super::fnv;
use super::order::{self, Key};

/// Names looked up in about log n steps. Checking 2,000 helpers against 2,000 people one
/// by one took millions of comparisons each time a step opened or a key was pressed.
pub struct Names {
    /// Each name's key and its place in the order given, sorted by key.
    sorted: Vec<(Key, usize)>,
    /// The names as compared, in the order given.
    folded: Vec<String>,
}

fn folded(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// A number for a folded name; names that share one are told apart by their text.
fn key(folded: &str) -> Key {
    (fnv::hash(folded.as_bytes()) as i64, 0)
}

impl Names {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Self::of(names.into_iter().map(folded).collect())
    }

    /// Not generic, so one copy serves every caller.
    #[inline(never)]
    fn of(folded: Vec<String>) -> Self {
        let mut sorted: Vec<(Key, usize)> = folded.iter().map(|f| key(f)).zip(0..).collect();
        // Each place is distinct, so a name given twice is found first where it was first given.
        order::sort_keys(&mut sorted);
        Self { sorted, folded }
    }

    /// Where this name was first given, if it was.
    pub fn first_place(&self, name: &str) -> Option<usize> {
        self.places(name).next()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.first_place(name).is_some()
    }

    /// Every place this name was given, in order (each key's places are sorted).
    pub fn places<'a>(&'a self, name: &str) -> impl Iterator<Item = usize> + 'a {
        let name = folded(name);
        let key = key(&name);
        let start = self.sorted.partition_point(|(k, _)| *k < key);
        self.sorted[start..]
            .iter()
            .take_while(move |(k, _)| *k == key)
            .map(|(_, at)| *at)
            .filter(move |at| self.folded[*at] == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_without_spaces_around_or_ascii_case() {
        let names = Names::new(["Priya Shah", " tom berger", ""]);
        assert!(names.contains("PRIYA SHAH  "));
        assert!(names.contains("Tom Berger"));
        assert!(names.contains(" "));
        assert!(!names.contains("Priya"));
        assert!(!names.contains("Priya Shah Jr"));
    }

    #[test]
    fn a_name_given_twice_is_found_where_it_was_first_given() {
        let names = Names::new(["Dana", "Sam", "dana ", "Ann"]);
        assert_eq!(names.first_place("DANA"), Some(0));
        assert_eq!(names.first_place("Sam"), Some(1));
        assert_eq!(names.first_place("ann"), Some(3));
        assert_eq!(names.first_place("Jo"), None);
        assert_eq!(names.places("dana").collect::<Vec<_>>(), [0, 2]);
        assert_eq!(names.places("Jo").count(), 0);
    }

    #[test]
    fn names_alike_but_for_a_letter_or_two_are_told_apart() {
        let long = "Alexandra Konstantinopoulou";
        let names = Names::new([
            long,
            "Alexandra Konstantinopoulos",
            "Alexandra Konstantinopoulou-Smith",
        ]);
        assert_eq!(names.first_place("alexandra konstantinopoulos"), Some(1));
        assert_eq!(names.first_place(long), Some(0));
        assert_eq!(
            names.first_place("Alexandra Konstantinopoulou-Smith "),
            Some(2)
        );
        assert!(!names.contains("Alexandra Konstantinopoul"));
        assert!(!names.contains("Alexandra Konstantinopoulou-Smit"));
    }

    #[test]
    fn many_names_are_each_found_and_no_others() {
        let all: Vec<String> = (0..500)
            .map(|n| format!("Helper {}", n * 7 % 500))
            .collect();
        let names = Names::new(all.iter().map(String::as_str));
        for n in 0..500 {
            assert!(names.contains(&format!("helper {n}")));
        }
        assert!(!names.contains("Helper 500"));
    }
}
