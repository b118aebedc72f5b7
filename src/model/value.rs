//! Stored values as form text: how each value shows in a form control and comes back from it.

use super::Timestamp;

/// A value a form control can show and change. Unparseable text leaves a sensible value,
/// never an error: nothing in Mend is required, so nothing blocks the user.
pub trait FieldValue {
    fn to_text(&self) -> String;
    fn set_text(&mut self, text: &str);
}

impl FieldValue for String {
    fn to_text(&self) -> String {
        self.clone()
    }
    fn set_text(&mut self, text: &str) {
        text.clone_into(self);
    }
}

/// A tick: any non-empty text means yes.
impl FieldValue for bool {
    fn to_text(&self) -> String {
        if *self { "1" } else { "" }.to_owned()
    }
    fn set_text(&mut self, text: &str) {
        *self = !text.is_empty();
    }
}

/// A 0–10 rating, or none yet.
impl FieldValue for Option<u8> {
    fn to_text(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn set_text(&mut self, text: &str) {
        *self = text.parse().ok().filter(|n| *n <= 10);
    }
}

/// A moment as milliseconds since 1970; the browser edge turns it into local time.
impl FieldValue for Option<Timestamp> {
    fn to_text(&self) -> String {
        self.map(|t| t.millis().to_string()).unwrap_or_default()
    }
    fn set_text(&mut self, text: &str) {
        *self = text.parse().ok().and_then(Timestamp::from_millis);
    }
}

/// A calendar day as the date picker writes it, `YYYY-MM-DD`, or empty. Its own type so that
/// only a date control can be given it; stored as plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayText(pub String);

impl crate::json::Json for DayText {
    fn write(&self, w: &mut crate::json::Writer) {
        w.string(&self.0);
    }
    fn read(r: &mut crate::json::Reader<'_>) -> Result<Self, crate::json::ReadError> {
        <String as crate::json::Json>::read(r).map(Self)
    }
}

impl FieldValue for DayText {
    fn to_text(&self) -> String {
        self.0.clone()
    }
    fn set_text(&mut self, text: &str) {
        text.clone_into(&mut self.0);
    }
}

/// A closed set of choices (see `choice!`).
pub trait Choice: FieldValue {
    /// Every choice as (stored key, label), in order.
    const OPTIONS: &'static [(&'static str, &'static str)];
}

/// The place of the choice stored as `key` among `options`, or 0 (the default) for a key
/// not there. One lookup for every set of choices, where each compared the text with each of
/// its keys in a `match` of its own.
pub fn place(options: &[(&str, &str)], key: &str) -> usize {
    options.iter().position(|(k, _)| *k == key).unwrap_or(0)
}

/// A closed set of choices, stored by a short key and shown by a plain label. The first
/// choice listed is the default.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $first:ident = $first_key:literal, $first_label:literal; $($variant:ident = $key:literal, $label:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub enum $name {
            #[default]
            $first,
            $($variant,)*
        }

        /// An unknown key reads as the default rather than failing the whole record.
        impl $crate::json::Json for $name {
            fn write(&self, w: &mut $crate::json::Writer) {
                w.string(self.key());
            }
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::ReadError> {
                let mut value = Self::default();
                $crate::model::value::FieldValue::set_text(&mut value, &r.string()?);
                Ok(value)
            }
        }

        impl $name {
            /// Every choice as (stored key, label), in order.
            pub const OPTIONS: &'static [(&'static str, &'static str)] =
                &[($first_key, $first_label), $(($key, $label)),*];
            /// Every choice, in the same order: a choice's place in both is its discriminant.
            const VARIANTS: &'static [$name] = &[Self::$first, $(Self::$variant),*];

            pub fn key(self) -> &'static str {
                Self::OPTIONS[self as usize].0
            }

            pub fn label(self) -> &'static str {
                Self::OPTIONS[self as usize].1
            }
        }

        impl $crate::model::value::Choice for $name {
            const OPTIONS: &'static [(&'static str, &'static str)] = <$name>::OPTIONS;
        }

        impl $crate::model::value::FieldValue for $name {
            fn to_text(&self) -> String {
                self.key().to_owned()
            }
            fn set_text(&mut self, text: &str) {
                *self = Self::VARIANTS[$crate::model::value::place(Self::OPTIONS, text)];
            }
        }
    };
}
pub(crate) use choice;

#[cfg(test)]
mod tests {
    use super::*;

    choice!(Size { Unset = "unset", "Not sure"; Big = "big", "Big"; });

    #[test]
    fn choices_round_trip_through_text_and_fall_back_to_the_first() {
        let mut size = Size::default();
        assert_eq!(size, Size::Unset);
        assert_eq!(Size::OPTIONS, [("unset", "Not sure"), ("big", "Big")]);
        size.set_text("big");
        assert_eq!(
            (size, size.to_text(), size.label()),
            (Size::Big, "big".into(), "Big")
        );
        size.set_text("nonsense");
        assert_eq!(size, Size::Unset);
        assert_eq!(crate::json::to_text(&Size::Big), "\"big\"");
    }

    #[test]
    fn ratings_stay_within_zero_to_ten() {
        let mut rating: Option<u8> = None;
        rating.set_text("7");
        assert_eq!(rating, Some(7));
        rating.set_text("11");
        assert_eq!(rating, None);
        rating.set_text("");
        assert_eq!(rating.to_text(), "");
    }

    #[test]
    fn ticks_and_moments_read_back_what_they_wrote() {
        let mut tick = false;
        tick.set_text(&true.to_text());
        assert!(tick);
        let mut at: Option<Timestamp> = None;
        at.set_text("1764150000000");
        assert_eq!(at.to_text(), "1764150000000");
        at.set_text("");
        assert_eq!(at, None);
    }
}
