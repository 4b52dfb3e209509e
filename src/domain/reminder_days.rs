//! When reminders go out: the days before an event, at 9:00 Tokyo time.
use super::ValidationErrors;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Days before an event its reminders go out, longest first, e.g. 3 and 1. Empty: none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReminderDays(Vec<u8>);

impl ReminderDays {
    pub const MAX_DAYS: i64 = 30;
    pub const MAX_COUNT: usize = 5;

    pub fn parse(days: &[i64]) -> Result<Self, ValidationErrors> {
        if days.len() > Self::MAX_COUNT || days.iter().any(|d| !(1..=Self::MAX_DAYS).contains(d)) {
            return Err(ValidationErrors::single(
                "reminder_days",
                "invalid_reminder_days",
            ));
        }
        let mut days: Vec<u8> = days.iter().map(|&d| d as u8).collect();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        Ok(ReminderDays(days))
    }

    /// The stored form, `3,1`.
    pub fn to_code(&self) -> String {
        self.0
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let days: Option<Vec<i64>> = code
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| s.trim().parse().ok())
            .collect();
        Self::parse(&days?).ok()
    }

    pub fn days(&self) -> &[u8] {
        &self.0
    }

    /// When the reminder `days` before an event starting at `starts_at` goes out: 9:00 in
    /// Tokyo, that many calendar days before the day of the event.
    pub fn send_time(days: u8, starts_at: DateTime<Utc>) -> DateTime<Utc> {
        use chrono::TimeZone;
        let day = starts_at
            .with_timezone(&chrono_tz::Asia::Tokyo)
            .date_naive()
            - chrono::Days::new(u64::from(days));
        chrono_tz::Asia::Tokyo
            .from_local_datetime(&day.and_hms_opt(9, 0, 0).expect("9:00 exists"))
            .single()
            .expect("Tokyo has no DST")
            .with_timezone(&Utc)
    }

    /// The reminder to send at `now`: of those whose time has come before the start, the
    /// one closest to the event (after an outage, registrants get one reminder, not three).
    pub fn due(&self, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<u8> {
        if now >= starts_at {
            return None;
        }
        self.0
            .iter()
            .copied()
            .filter(|&d| Self::send_time(d, starts_at) <= now)
            .min()
    }
}

impl Default for ReminderDays {
    fn default() -> Self {
        ReminderDays(vec![3, 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_go_at_nine_in_tokyo_and_only_the_closest_one() {
        use chrono::TimeZone;
        let jst = |d: u32, h: u32| {
            chrono_tz::Asia::Tokyo
                .with_ymd_and_hms(2026, 12, d, h, 0, 0)
                .unwrap()
                .with_timezone(&Utc)
        };
        let days = ReminderDays::default();
        let start = jst(3, 14);
        assert_eq!(
            ReminderDays::send_time(3, start),
            jst(1, 9) - chrono::Days::new(1)
        );
        assert_eq!(days.due(start, jst(1, 8) - chrono::Days::new(1)), None);
        assert_eq!(days.due(start, jst(1, 9) - chrono::Days::new(1)), Some(3));
        assert_eq!(days.due(start, jst(2, 8)), Some(3));
        assert_eq!(days.due(start, jst(2, 9)), Some(1));
        assert_eq!(days.due(start, jst(3, 13)), Some(1));
        assert_eq!(days.due(start, jst(3, 14)), None);
        assert_eq!(
            ReminderDays::parse(&[]).unwrap().due(start, jst(3, 13)),
            None
        );
    }

    #[test]
    fn reminder_days_are_checked_and_kept_longest_first() {
        assert_eq!(
            ReminderDays::parse(&[1, 7, 3, 7]).unwrap().days(),
            &[7, 3, 1]
        );
        assert!(ReminderDays::parse(&[0]).is_err());
        assert!(ReminderDays::parse(&[31]).is_err());
        assert!(ReminderDays::parse(&[1, 2, 3, 4, 5, 6]).is_err());
        let days = ReminderDays::parse(&[7, 1]).unwrap();
        assert_eq!(ReminderDays::from_code(&days.to_code()), Some(days));
        assert_eq!(
            ReminderDays::from_code(""),
            Some(ReminderDays::parse(&[]).unwrap())
        );
    }
}
