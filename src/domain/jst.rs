//! Times as people in Tokyo read them: 2026年12月3日(木) 14:00〜16:00.
use super::Lang;
use chrono::{DateTime, Datelike, Timelike, Utc, Weekday};
use chrono_tz::Asia::Tokyo;

const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday(w: Weekday, lang: Lang) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    match lang {
        Lang::Ja => WEEKDAYS_JA[i],
        Lang::En => WEEKDAYS_EN[i],
    }
}

/// `2026年12月3日(木)` / `Thu 3 Dec 2026`
pub fn date(t: DateTime<Utc>, lang: Lang) -> String {
    let l = t.with_timezone(&Tokyo);
    match lang {
        Lang::Ja => format!(
            "{}年{}月{}日({})",
            l.year(),
            l.month(),
            l.day(),
            weekday(l.weekday(), lang)
        ),
        Lang::En => format!(
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
    let l = t.with_timezone(&Tokyo);
    format!("{:02}:{:02}", l.hour(), l.minute())
}

/// `2026年12月3日(木) 14:00`
pub fn date_time(t: DateTime<Utc>, lang: Lang) -> String {
    format!("{} {}", date(t, lang), time(t))
}

/// `2026年12月3日(木) 14:00〜16:00` on one day, both dates when it spans days; the English
/// form ends in `JST` because readers abroad need to know.
pub fn range(start: DateTime<Utc>, end: DateTime<Utc>, lang: Lang) -> String {
    let same_day =
        start.with_timezone(&Tokyo).date_naive() == end.with_timezone(&Tokyo).date_naive();
    match (lang, same_day) {
        (Lang::Ja, true) => format!("{} {}〜{}", date(start, lang), time(start), time(end)),
        (Lang::Ja, false) => format!("{}〜{}", date_time(start, lang), date_time(end, lang)),
        (Lang::En, true) => format!("{}, {}–{} JST", date(start, lang), time(start), time(end)),
        (Lang::En, false) => format!("{} – {} JST", date_time(start, lang), date_time(end, lang)),
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
    fn ranges_read_as_in_tokyo() {
        assert_eq!(
            range(jst(3, 14, 0), jst(3, 16, 0), Lang::Ja),
            "2026年12月3日(木) 14:00〜16:00"
        );
        assert_eq!(
            range(jst(3, 14, 0), jst(3, 16, 0), Lang::En),
            "Thu 3 Dec 2026, 14:00–16:00 JST"
        );
        assert_eq!(
            range(jst(3, 9, 30), jst(4, 17, 0), Lang::Ja),
            "2026年12月3日(木) 09:30〜2026年12月4日(金) 17:00"
        );
        // 00:30 JST on the 3rd is still the 2nd in UTC.
        assert_eq!(date(jst(3, 0, 30), Lang::Ja), "2026年12月3日(木)");
    }
}
