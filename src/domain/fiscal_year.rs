use chrono::{DateTime, Datelike, TimeZone, Utc};
use chrono_tz::Asia::Tokyo;

/// A Japanese fiscal year (nendo): FY2026 runs from 1 April 2026 to 31 March 2027, Tokyo time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct FiscalYear(i32);

impl FiscalYear {
    pub fn new(year: i32) -> Self {
        Self(year)
    }

    pub fn of(instant: DateTime<Utc>) -> Self {
        let local = instant.with_timezone(&Tokyo);
        if local.month() >= 4 {
            Self(local.year())
        } else {
            Self(local.year() - 1)
        }
    }

    pub fn year(self) -> i32 {
        self.0
    }

    /// The first instant of the fiscal year (1 April 00:00 JST), in UTC.
    pub fn starts_at(self) -> DateTime<Utc> {
        Tokyo
            .with_ymd_and_hms(self.0, 4, 1, 0, 0, 0)
            .single()
            .expect("Tokyo has no DST gaps")
            .with_timezone(&Utc)
    }

    /// The year of the Reiwa era (which began in 2019, so Reiwa N is year 2018 + N), for
    /// Japanese labels; `None` before it. The label itself is built at the edge.
    pub fn reiwa(self) -> Option<i32> {
        (self.0 >= 2019).then_some(self.0 - 2018)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jst(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Tokyo
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn fiscal_year_turns_on_the_first_of_april_in_tokyo() {
        assert_eq!(FiscalYear::of(jst(2027, 3, 31, 23)).year(), 2026);
        // 1 April 00:30 JST is still 31 March in UTC: the Tokyo date decides.
        assert_eq!(FiscalYear::of(jst(2027, 4, 1, 0)).year(), 2027);
        assert_eq!(FiscalYear::of(jst(2026, 12, 3, 14)).year(), 2026);
        assert_eq!(FiscalYear::new(2027).starts_at(), jst(2027, 4, 1, 0));
    }

    #[test]
    fn reiwa_began_in_2019() {
        assert_eq!(FiscalYear::new(2023).reiwa(), Some(5));
        assert_eq!(FiscalYear::new(2019).reiwa(), Some(1));
        assert_eq!(FiscalYear::new(2018).reiwa(), None);
    }
}
