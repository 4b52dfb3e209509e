//! Times as people in Tokyo read them. The arithmetic lives here (which day and hour it is in
//! Tokyo or in a visitor's zone); dates in words are built at the edge (`i18n::dates`).
use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Asia::Tokyo;
use chrono_tz::Tz;

/// Time zones offered to visitors abroad on an online event's page (any IANA name works
/// through `?tz=`): the programme's overseas matching reaches these regions.
pub const VISITOR_ZONES: [&str; 16] = [
    "Asia/Seoul",
    "Asia/Shanghai",
    "Asia/Taipei",
    "Asia/Manila",
    "Asia/Singapore",
    "Asia/Bangkok",
    "Asia/Ho_Chi_Minh",
    "Asia/Jakarta",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
];

/// `14:00`
pub fn time(t: DateTime<Utc>) -> String {
    time_in(t, Tokyo)
}

/// `14:00` in `tz`.
pub fn time_in(t: DateTime<Utc>, tz: Tz) -> String {
    let l = t.with_timezone(&tz);
    format!("{:02}:{:02}", l.hour(), l.minute())
}

/// Whether `start` and `end` fall on the same calendar day in `tz`.
pub fn same_day(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> bool {
    start.with_timezone(&tz).date_naive() == end.with_timezone(&tz).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn visitor_zones_are_known_and_times_are_read_in_tokyo() {
        for z in VISITOR_ZONES {
            assert!(z.parse::<Tz>().is_ok(), "{z}");
        }
        let t = Tokyo
            .with_ymd_and_hms(2026, 12, 3, 0, 30, 0)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(time(t), "00:30");
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(time_in(t, berlin), "16:30");
        assert!(!same_day(t, t + chrono::Duration::hours(8), berlin));
        assert!(same_day(t, t + chrono::Duration::hours(1), Tokyo));
    }
}
