//! Sessions as the public pages, the form and the manage page show them.
use crate::domain::EventSession;
use crate::i18n::Lang;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SessionView {
    pub id: i64,
    pub title: String,
    pub when: String,
    pub room: Option<String>,
    pub speaker: Option<String>,
    pub language: Option<String>,
    /// Seats left, full (with or without a waiting list), or no limit: in the reader's words.
    pub seats: String,
    pub full: bool,
    /// Can be picked now (has room, or waits).
    pub pickable: bool,
    pub exclusive: bool,
}

/// Only the times on the event's first day (`10:00-10:45`), the date too on another.
fn when(s: &EventSession, first_day: chrono::NaiveDate, lang: Lang) -> String {
    let day = s
        .spec
        .starts_at
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    if day == first_day {
        crate::i18n::dates::time_range(lang, s.spec.starts_at, s.spec.ends_at)
    } else {
        crate::i18n::dates::range(lang, s.spec.starts_at, s.spec.ends_at)
    }
}

pub fn views(
    sessions: &[EventSession],
    event_starts_at: chrono::DateTime<chrono::Utc>,
    waitlist: bool,
    lang: Lang,
) -> Vec<SessionView> {
    let first_day = event_starts_at
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    sessions
        .iter()
        .map(|s| {
            let full = s.is_full();
            let waits = full && waitlist && !s.spec.exclusive;
            let seats = match (s.seats_left(), waits, s.spec.exclusive) {
                (_, _, true) if full => lang.t("slot-taken"),
                (_, _, true) => lang.t("slot-free"),
                (_, true, _) => lang.t("session-full-waitlist"),
                (Some(0), false, _) => lang.t("session-full"),
                (Some(n), _, _) => {
                    lang.t_args("session-seats-left", &crate::fluent_args![("n", n)])
                }
                (None, _, _) => lang.t("no-limit"),
            };
            SessionView {
                id: s.id,
                title: s.spec.title.get(lang.content()).to_owned(),
                when: when(s, first_day, lang),
                room: s
                    .spec
                    .room
                    .as_ref()
                    .map(|r| r.get(lang.content()).to_owned()),
                speaker: s.spec.speaker.clone(),
                language: s.spec.language.map(|l| match l {
                    crate::domain::Language::Ja => lang.t("lang-ja"),
                    crate::domain::Language::En => lang.t("lang-en"),
                }),
                seats,
                full,
                pickable: !full || waits,
                exclusive: s.spec.exclusive,
            }
        })
        .collect()
}
