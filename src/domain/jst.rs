//! Times as people in Tokyo read them: 2026年12月3日(木) 14:00〜16:00.
use super::Language;
use chrono::{DateTime, Datelike, Timelike, Utc, Weekday};
use chrono_tz::Asia::Tokyo;
use chrono_tz::Tz;

const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday(w: Weekday, lang: Language) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    match lang {
        Language::Ja => WEEKDAYS_JA[i],
        Language::En => WEEKDAYS_EN[i],
    }
}

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

/// `2026年12月3日(木)` / `Thu 3 Dec 2026`
pub fn date(t: DateTime<Utc>, lang: Language) -> String {
    date_in(t, Tokyo, lang)
}

fn date_in(t: DateTime<Utc>, tz: Tz, lang: Language) -> String {
    let l = t.with_timezone(&tz);
    match lang {
        Language::Ja => format!(
            "{}年{}月{}日({})",
            l.year(),
            l.month(),
            l.day(),
            weekday(l.weekday(), lang)
        ),
        Language::En => format!(
            "{} {} {} {}",
            weekday(l.weekday(), lang),
            l.day(),
            MONTHS_EN[l.month0() as usize],
            l.year()
        ),
    }
}

/// `14:00`
pub fn time(t: DateTime<Utc>) -> String {
    time_in(t, Tokyo)
}

fn time_in(t: DateTime<Utc>, tz: Tz) -> String {
    let l = t.with_timezone(&tz);
    format!("{:02}:{:02}", l.hour(), l.minute())
}

/// `2026年12月3日(木) 14:00`
pub fn date_time(t: DateTime<Utc>, lang: Language) -> String {
    format!("{} {}", date(t, lang), time(t))
}

/// `2026年12月3日(木) 14:00〜16:00` on one day, both dates when it spans days; the English
/// form ends in `JST` because readers abroad need to know.
pub fn range(start: DateTime<Utc>, end: DateTime<Utc>, lang: Language) -> String {
    let same_day =
        start.with_timezone(&Tokyo).date_naive() == end.with_timezone(&Tokyo).date_naive();
    match (lang, same_day) {
        (Language::Ja, true) => format!("{} {}〜{}", date(start, lang), time(start), time(end)),
        (Language::Ja, false) => format!("{}〜{}", date_time(start, lang), date_time(end, lang)),
        (Language::En, true) => format!("{}, {}–{} JST", date(start, lang), time(start), time(end)),
        (Language::En, false) => {
            format!("{} – {} JST", date_time(start, lang), date_time(end, lang))
        }
    }
}

/// The same range in another time zone, named: `Tue 8 Dec 2026, 07:00–09:00 (Europe/Berlin)`.
/// A range that crosses midnight there shows both dates.
pub fn range_in(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz, lang: Language) -> String {
    let same_day = start.with_timezone(&tz).date_naive() == end.with_timezone(&tz).date_naive();
    let (sep, dash) = match lang {
        Language::Ja => (" ", "〜"),
        Language::En => (", ", "–"),
    };
    if same_day {
        format!(
            "{}{sep}{}{dash}{} ({})",
            date_in(start, tz, lang),
            time_in(start, tz),
            time_in(end, tz),
            tz.name()
        )
    } else {
        format!(
            "{} {} {dash} {} {} ({})",
            date_in(start, tz, lang),
            time_in(start, tz),
            date_in(end, tz, lang),
            time_in(end, tz),
            tz.name()
        )
    }
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

    #[test]
    fn a_visitor_abroad_reads_the_same_instant_in_their_zone() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(
            range_in(jst(8, 15, 0), jst(8, 17, 0), berlin, Language::En),
            "Tue 8 Dec 2026, 07:00–09:00 (Europe/Berlin)"
        );
        let new_york: Tz = "America/New_York".parse().unwrap();
        assert_eq!(
            range_in(jst(8, 9, 0), jst(8, 11, 0), new_york, Language::Ja),
            "2026年12月7日(月) 19:00〜21:00 (America/New_York)"
        );
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        assert_eq!(
            range_in(jst(8, 16, 30), jst(8, 18, 0), la, Language::En),
            "Mon 7 Dec 2026 23:30 – Tue 8 Dec 2026 01:00 (America/Los_Angeles)"
        );
        for z in VISITOR_ZONES {
            assert!(z.parse::<Tz>().is_ok(), "{z}");
        }
    }

    #[test]
    fn ranges_read_as_in_tokyo() {
        assert_eq!(
            range(jst(3, 14, 0), jst(3, 16, 0), Language::Ja),
            "2026年12月3日(木) 14:00〜16:00"
        );
        assert_eq!(
            range(jst(3, 14, 0), jst(3, 16, 0), Language::En),
            "Thu 3 Dec 2026, 14:00–16:00 JST"
        );
        assert_eq!(
            range(jst(3, 9, 30), jst(4, 17, 0), Language::Ja),
            "2026年12月3日(木) 09:30〜2026年12月4日(金) 17:00"
        );
        // 00:30 JST on the 3rd is still the 2nd in UTC.
        assert_eq!(date(jst(3, 0, 30), Language::Ja), "2026年12月3日(木)");
    }
}
