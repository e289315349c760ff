//! Today's date for the CLI: the calendar date in Vietnam (UTC+7, no daylight
//! saving), whatever the machine's time zone, so that between 00:00 and 07:00
//! Vietnamese time a plan dated today is not judged against yesterday.

use crate::model::PartialDate;
use chrono::{DateTime, Datelike, TimeDelta, Utc};

/// Vietnam's offset from UTC, in seconds.
const VIETNAM_OFFSET: i32 = 7 * 3600;

/// The date in Vietnam at the instant `now`.
pub fn date_in_vietnam(now: DateTime<Utc>) -> PartialDate {
    // UTC shifted by seven hours has Vietnam's calendar date (no panic path:
    // only a date at the end of chrono's range fails to shift, and keeps UTC).
    let local = now
        .checked_add_signed(TimeDelta::seconds(i64::from(VIETNAM_OFFSET)))
        .unwrap_or(now);
    PartialDate::ymd(local.year(), local.month() as u8, local.day() as u8)
}

/// Today in Vietnam, from the system clock.
pub fn today_in_vietnam() -> PartialDate {
    date_in_vietnam(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn early_morning_in_vietnam_is_already_the_next_day() {
        // 06:30 on 5 December in Hà Nội is still 4 December in UTC.
        assert_eq!(
            date_in_vietnam(at("2026-12-04T23:30:00Z")),
            PartialDate::ymd(2026, 12, 5)
        );
        assert_eq!(
            date_in_vietnam(at("2026-12-04T16:59:59Z")),
            PartialDate::ymd(2026, 12, 4)
        );
        assert_eq!(
            date_in_vietnam(at("2026-12-04T17:00:00Z")),
            PartialDate::ymd(2026, 12, 5)
        );
    }

    #[test]
    fn new_year_turns_at_seven_utc_the_day_before() {
        assert_eq!(
            date_in_vietnam(at("2026-12-31T17:00:00Z")),
            PartialDate::ymd(2027, 1, 1)
        );
    }
}
