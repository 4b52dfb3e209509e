//! Dates and times in words: `Thu 3 Dec 2026, 14:00–16:00 JST`, and in Japanese year, month, day,
//! the weekday in brackets, then the times joined by a wave dash.
//! The domain keeps the arithmetic (Tokyo time, fiscal years, `jst::time`); the order of the
//! parts, the weekday and month names and the dashes are Fluent messages (`locales/*/dates.ftl`).
use super::{Lang, number};
use crate::domain::FiscalYear;
use crate::domain::jst::{self, time_in};
use crate::services::catalogue::Month;
use chrono::{DateTime, Datelike, Utc, Weekday};
use chrono_tz::Asia::Tokyo;
use chrono_tz::Tz;

/// The weekday as the code the messages select on.
fn weekday_code(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

fn date_in(lang: Lang, t: DateTime<Utc>, tz: Tz) -> String {
    let l = t.with_timezone(&tz);
    lang.t_args(
        "dates-date",
        &crate::fluent_args![
            ("year", number(l.year())),
            ("month", number(l.month())),
            ("day", number(l.day())),
            ("weekday", weekday_code(l.weekday())),
        ],
    )
}

fn date_time_in(lang: Lang, t: DateTime<Utc>, tz: Tz) -> String {
    lang.t_args(
        "dates-date-time",
        &crate::fluent_args![("date", date_in(lang, t, tz)), ("time", time_in(t, tz))],
    )
}

/// `Thu 3 Dec 2026` (in Japanese year, month, day and weekday), in Tokyo.
pub fn date(lang: Lang, t: DateTime<Utc>) -> String {
    date_in(lang, t, Tokyo)
}

/// A day in Tokyo's calendar (a certificate's first or last day), as [`date`] writes it.
pub fn day(lang: Lang, d: chrono::NaiveDate) -> String {
    let noon = d.and_hms_opt(12, 0, 0).expect("noon exists");
    let t = chrono::TimeZone::from_local_datetime(&Tokyo, &noon)
        .single()
        .expect("Tokyo has no DST gaps");
    date(lang, t.with_timezone(&Utc))
}

/// `Thu 3 Dec 2026 14:00`, in Tokyo.
pub fn date_time(lang: Lang, t: DateTime<Utc>) -> String {
    date_time_in(lang, t, Tokyo)
}

/// `Thu 3 Dec 2026, 14:00–16:00 JST` on one day, both dates when it spans days; the English
/// form ends in `JST` because readers abroad need to know.
pub fn range(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    if jst::same_day(start, end, Tokyo) {
        lang.t_args(
            "dates-range-same-day",
            &crate::fluent_args![
                ("date", date(lang, start)),
                ("start", jst::time(start)),
                ("end", jst::time(end)),
            ],
        )
    } else {
        lang.t_args(
            "dates-range",
            &crate::fluent_args![
                ("start", date_time(lang, start)),
                ("end", date_time(lang, end)),
            ],
        )
    }
}

/// `Thu 1 Jul 2027 – Tue 31 Aug 2027`: the days of something that runs for a period (a
/// campaign, a declaration scheme), without the times that would make it look like a meeting.
pub fn days(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    lang.t_args(
        "dates-range",
        &crate::fluent_args![("start", date(lang, start)), ("end", date(lang, end))],
    )
}

/// The same range in another time zone, named: `Tue 8 Dec 2026, 07:00–09:00, Berlin (Germany) time`.
/// A range that crosses midnight there shows both dates.
pub fn range_in(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
    if jst::same_day(start, end, tz) {
        lang.t_args(
            "dates-range-in-same-day",
            &crate::fluent_args![
                ("date", date_in(lang, start, tz)),
                ("start", time_in(start, tz)),
                ("end", time_in(end, tz)),
                ("zone", zone_name(lang, tz.name())),
            ],
        )
    } else {
        lang.t_args(
            "dates-range-in",
            &crate::fluent_args![
                ("start", date_time_in(lang, start, tz)),
                ("end", date_time_in(lang, end, tz)),
                ("zone", zone_name(lang, tz.name())),
            ],
        )
    }
}

/// A time zone as a place in the reader's words ("Ho Chi Minh City (Vietnam)"); a zone with
/// no name of its own shows its IANA id.
pub fn zone_name(lang: Lang, zone: &str) -> String {
    // A Fluent variant key cannot hold '/'.
    lang.t_args(
        "zone-name",
        &crate::fluent_args![("zone", zone.replace('/', "-"))],
    )
}

/// Two times of one day in Tokyo: `14:00–16:00`.
pub fn time_range(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    lang.t_args(
        "dates-time-range",
        &crate::fluent_args![("start", jst::time(start)), ("end", jst::time(end))],
    )
}

/// A calendar month: `December 2026`.
pub fn month(lang: Lang, m: Month) -> String {
    lang.t_args(
        "dates-month",
        &crate::fluent_args![("year", number(m.year)), ("month", number(m.month))],
    )
}

/// A fiscal year: `FY2026`, in Japanese by the Reiwa era. The message gets the Reiwa year too (0 before it).
pub fn fiscal_year(lang: Lang, fy: FiscalYear) -> String {
    lang.t_args(
        "dates-fiscal-year",
        &crate::fluent_args![
            ("year", number(fy.year())),
            ("reiwa", number(fy.reiwa().unwrap_or(0))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn jst(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Tokyo
            .with_ymd_and_hms(2026, 12, d, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn ja() -> Lang {
        Lang::parse("ja").unwrap()
    }

    fn en() -> Lang {
        Lang::parse("en").unwrap()
    }

    #[test]
    fn a_visitor_abroad_reads_the_same_instant_in_their_zone() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(
            range_in(en(), jst(8, 15, 0), jst(8, 17, 0), berlin),
            "Tue 8 Dec 2026, 07:00–09:00, Berlin (Germany) time"
        );
        let new_york: Tz = "America/New_York".parse().unwrap();
        assert_eq!(
            range_in(ja(), jst(8, 9, 0), jst(8, 11, 0), new_york),
            ja().t_args(
                "dates-range-in-same-day",
                &crate::fluent_args![
                    ("date", date_in(ja(), jst(8, 9, 0), new_york)),
                    ("start", "19:00"),
                    ("end", "21:00"),
                    ("zone", zone_name(ja(), "America/New_York")),
                ]
            )
        );
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        assert_eq!(
            range_in(en(), jst(8, 16, 30), jst(8, 18, 0), la),
            "Mon 7 Dec 2026 23:30 – Tue 8 Dec 2026 01:00, Los Angeles (US Pacific) time"
        );
    }

    #[test]
    fn ranges_read_as_in_tokyo() {
        assert_eq!(
            range(en(), jst(3, 14, 0), jst(3, 16, 0)),
            "Thu 3 Dec 2026, 14:00–16:00 JST"
        );
        assert_eq!(
            range(en(), jst(3, 9, 30), jst(4, 17, 0)),
            "Thu 3 Dec 2026 09:30 – Fri 4 Dec 2026 17:00 JST"
        );
        // The Japanese form, written with escapes so that no Rust file holds Japanese text:
        // 2026年12月3日(木) 14:00〜16:00
        assert_eq!(
            range(ja(), jst(3, 14, 0), jst(3, 16, 0)),
            "2026\u{5e74}12\u{6708}3\u{65e5}(\u{6728}) 14:00\u{301c}16:00"
        );
        // 00:30 JST on the 3rd is still the 2nd in UTC.
        assert_eq!(date(en(), jst(3, 0, 30)), "Thu 3 Dec 2026");
    }

    #[test]
    fn every_weekday_and_month_has_a_name() {
        for lang in Lang::all() {
            for d in 1..=7 {
                let text = date(lang, jst(d, 12, 0));
                assert!(!text.contains('{') && !text.is_empty(), "{lang}: {text}");
            }
            for m in 1..=12 {
                let text = month(
                    lang,
                    Month {
                        year: 2026,
                        month: m,
                    },
                );
                assert!(!text.contains("dates-"), "{lang}: {text}");
            }
        }
        assert_eq!(
            month(
                en(),
                Month {
                    year: 2026,
                    month: 12
                }
            ),
            "December 2026"
        );
        assert_eq!(date(en(), jst(6, 12, 0)), "Sun 6 Dec 2026");
        assert_eq!(date(en(), jst(7, 12, 0)), "Mon 7 Dec 2026");
    }

    #[test]
    fn fiscal_years_use_the_reiwa_era_in_japanese() {
        assert_eq!(fiscal_year(en(), FiscalYear::new(2026)), "FY2026");
        // 令和5年度, 令和元年度, 2018年度
        assert_eq!(
            fiscal_year(ja(), FiscalYear::new(2023)),
            "\u{4ee4}\u{548c}5\u{5e74}\u{5ea6}"
        );
        assert_eq!(
            fiscal_year(ja(), FiscalYear::new(2019)),
            "\u{4ee4}\u{548c}\u{5143}\u{5e74}\u{5ea6}"
        );
        assert_eq!(
            fiscal_year(ja(), FiscalYear::new(2018)),
            "2018\u{5e74}\u{5ea6}"
        );
    }
}
