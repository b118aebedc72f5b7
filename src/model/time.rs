//! Timestamps: milliseconds since the Unix epoch, stored as RFC 3339 UTC text so exports stay readable.

use std::fmt;
use std::str::FromStr;

/// A moment in time, in whole milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Timestamp(i64);

/// Years 0000–9999 keep the text form fixed-width and sortable.
const MIN_MS: i64 = -62_167_219_200_000;
const MAX_MS: i64 = 253_402_300_799_999;
/// The days of 0000-01-01 and 9999-12-31.
const DAY_MIN: i64 = MIN_MS.div_euclid(86_400_000);
const DAY_MAX: i64 = MAX_MS.div_euclid(86_400_000);

impl Timestamp {
    /// `None` outside years 0000–9999.
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: Timestamp = Timestamp(0);

    pub fn from_millis(ms: i64) -> Option<Self> {
        (MIN_MS..=MAX_MS).contains(&ms).then_some(Self(ms))
    }

    /// Clamps into the supported range; for clocks that could in theory be off the scale.
    pub fn from_millis_clamped(ms: f64) -> Self {
        Self((ms as i64).clamp(MIN_MS, MAX_MS))
    }

    pub fn millis(self) -> i64 {
        self.0
    }
}

/// A calendar day with no time or zone, e.g. the local date a check-in falls on.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Day(i64);

impl Day {
    /// `None` for impossible dates and years outside 0000–9999.
    pub fn from_ymd(y: i64, m: i64, d: i64) -> Option<Self> {
        ((0..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
            .then(|| Self(days_from_civil(y, m, d)))
    }

    /// The UTC day a moment falls on.
    pub fn of_utc(at: Timestamp) -> Self {
        Self(at.0.div_euclid(86_400_000))
    }

    /// `None` past 9999-12-31 (or before 0000-01-01): the four-digit years that iCalendar
    /// and Mend's own dates can write.
    pub fn plus_days(self, days: i64) -> Option<Self> {
        let day = Self(self.0.checked_add(days)?);
        (DAY_MIN..=DAY_MAX).contains(&day.0).then_some(day)
    }

    /// Reads `2026-11-26`, as a date input writes it.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-').map(str::parse::<i64>);
        let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        Self::from_ymd(y, m, d)
    }

    pub fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.0)
    }

    /// `2026-11-26`: the date part of its first moment's `ascii`.
    pub fn ascii(&self) -> [u8; 10] {
        let mut text = [0; 10];
        text.copy_from_slice(&Timestamp(self.0 * 86_400_000).ascii()[..10]);
        text
    }
}

/// As `Day::parse` reads it.
impl FromStr for Day {
    type Err = ParseTimeError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Day::parse(text).ok_or_else(|| ParseTimeError(text.chars().take(40).collect()))
    }
}

impl fmt::Display for Day {
    /// `2026-11-26`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

// Howard Hinnant's days_from_civil / civil_from_days, on the proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Timestamp {
    /// `2026-11-26T08:04:06.123Z`, spelled out digit by digit: every save and export writes
    /// several, and the formatter's machinery showed up in profiles of an import.
    pub fn ascii(&self) -> [u8; 24] {
        let mut text = *b"0000-00-00T00:00:00.000Z";
        let ms_of_day = self.0.rem_euclid(86_400_000);
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400_000));
        let secs = ms_of_day / 1000;
        let fields = [
            (0, 4, y),
            (5, 2, m),
            (8, 2, d),
            (11, 2, secs / 3600),
            (14, 2, secs / 60 % 60),
            (17, 2, secs % 60),
            (20, 3, ms_of_day % 1000),
        ];
        for (at, width, mut value) in fields {
            for slot in text[at..at + width].iter_mut().rev() {
                *slot = b'0' + value.rem_euclid(10) as u8;
                value /= 10;
            }
        }
        text
    }
}

impl fmt::Display for Timestamp {
    /// `2026-11-26T08:04:06.123Z`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.ascii()).map_err(|_| fmt::Error)?)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a UTC time like 2026-11-26T08:04:06Z: {0:?}")]
pub struct ParseTimeError(pub String);

impl FromStr for Timestamp {
    type Err = ParseTimeError;

    /// Accepts `YYYY-MM-DDTHH:MM:SS[.fraction]Z`; the fraction is cut to milliseconds.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = || ParseTimeError(text.chars().take(40).collect());
        let b = text.as_bytes();
        if b.len() < 20 || b[b.len() - 1] != b'Z' {
            return Err(fail());
        }
        // Digit by digit, any byte that isn't one noted once at the end: start-up reads
        // several of these in each of up to 1,000 records. Wrapping, since a fraction's
        // digits are only checked: a long one overflows, and only its first three count.
        let mut digits = true;
        let mut num = |from: usize, to: usize| {
            b[from..to].iter().fold(0i64, |n, &c| {
                let d = c.wrapping_sub(b'0');
                digits &= d < 10;
                n.wrapping_mul(10).wrapping_add(i64::from(d))
            })
        };
        let (y, mo, d) = (num(0, 4), num(5, 7), num(8, 10));
        let (h, mi, s) = (num(11, 13), num(14, 16), num(17, 19));
        let ms = match &b[19..b.len() - 1] {
            [] => 0,
            // The first three digits, padded with zeros.
            [b'.', rest @ ..] if !rest.is_empty() => {
                num(20, b.len() - 1);
                let padded = rest.iter().chain(b"00").take(3);
                padded.fold(0, |ms, &c| ms * 10 + i64::from(c.wrapping_sub(b'0')))
            }
            _ => return Err(fail()),
        };
        let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
        if !digits || seps.iter().any(|&(i, c)| b[i] != c) {
            return Err(fail());
        }
        if !(1..=12).contains(&mo)
            || d < 1
            || d > days_in_month(y, mo)
            || h > 23
            || mi > 59
            || s > 59
        {
            return Err(fail());
        }
        let millis = (days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s) * 1000 + ms;
        Timestamp::from_millis(millis).ok_or_else(fail)
    }
}

crate::json::json_as_text!(Timestamp, "a moment in time");

crate::json::json_as_text!(Day, "a day");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_written_as_it_is_shown_and_read_back() {
        for text in ["0000-01-01", "2024-02-29", "2026-11-26", "9999-12-31"] {
            let day: Day = text.parse().unwrap();
            assert_eq!(day.ascii(), *text.as_bytes());
            assert_eq!(day.to_string(), text);
        }
        assert!("2026-02-30".parse::<Day>().is_err());
    }

    #[test]
    fn formats_known_moments() {
        assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            Timestamp(1_795_680_246_123).to_string(),
            "2026-11-26T08:04:06.123Z"
        );
        assert_eq!(
            Timestamp(951_782_400_000).to_string(),
            "2000-02-29T00:00:00.000Z"
        );
        assert_eq!(Timestamp(-1).to_string(), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn round_trips_across_the_range() {
        for ms in [
            MIN_MS,
            -86_400_001,
            0,
            1,
            1_795_680_246_123,
            4_102_444_800_000,
            MAX_MS,
        ] {
            let t = Timestamp(ms);
            assert_eq!(Timestamp::from_millis(ms), Some(t));
            assert_eq!(t.to_string().parse::<Timestamp>(), Ok(t), "{t}");
        }
    }

    #[test]
    fn accepts_missing_or_long_fractions() {
        let parse = |text: &str| text.parse::<Timestamp>().map(Timestamp::millis);
        assert_eq!(parse("2026-11-26T08:04:06Z"), Ok(1_795_680_246_000));
        assert_eq!(parse("2026-11-26T08:04:06.1234567Z"), Ok(1_795_680_246_123));
        assert_eq!(parse("2026-11-26T08:04:06.5Z"), Ok(1_795_680_246_500));
        assert_eq!(parse("2026-11-26T08:04:06.05Z"), Ok(1_795_680_246_050));
        let long = format!("2026-11-26T08:04:06.{}Z", "9".repeat(40));
        assert_eq!(
            parse(&long),
            Ok(1_795_680_246_999),
            "digits past what fits in a number"
        );
    }

    #[test]
    fn days_count_across_months_and_leap_years() {
        let day = Day::from_ymd(2028, 1, 31).unwrap();
        assert_eq!(day.plus_days(30).unwrap().to_string(), "2028-03-01");
        let last = Day::from_ymd(9999, 12, 31).unwrap();
        assert_eq!(last.plus_days(0), Some(last));
        assert_eq!(last.plus_days(1), None, "no five-digit years");
        let first = Day::from_ymd(0, 1, 1).unwrap();
        assert_eq!(first.plus_days(-1), None);
        assert_eq!(Day::from_ymd(2027, 2, 29), None);
        let at: Timestamp = "2026-11-26T23:59:59Z".parse().unwrap();
        assert_eq!(Day::of_utc(at).to_string(), "2026-11-26");
    }

    #[test]
    fn refuses_impossible_or_malformed_times() {
        for bad in [
            "",
            "2026-11-26",
            "2026-11-26T08:04:06",
            "2026-11-26T08:04:06+01:00",
            "2026-02-30T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26T08:04:06.Z",
            "2026-11-26T08:04:06.12aZ",
            "+026-11-26T08:04:06Z",
            "2026-11-26 08:04:06Z",
            "２026-11-26T08:04:06Z",
            "2026-11-26T08:04:06.é1Z",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
        assert_eq!(Timestamp::from_millis(MAX_MS + 1), None);
    }
}
