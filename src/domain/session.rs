//! Sessions inside one event: the talks, workshops and demo slots of an EXPO, or the time slots
//! of a consultation desk (one company per slot). Each attendee picks their own sessions; one
//! person's picks may not overlap in time (two colleagues may go to parallel workshops); each
//! session's seats count people, and its waiting list holds people. A consultation slot is
//! the registration's: all its attendees are in it together.
use super::event::EventSpec;
use super::text::{optional_text, required_text};
use super::{Bilingual, Language, ValidationErrors};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A session as submitted by an organizer (API or back-office), before it is checked.
#[derive(Debug, Clone, Default)]
pub struct SessionInput {
    pub title_ja: Option<String>,
    pub title_en: Option<String>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub room_ja: Option<String>,
    pub room_en: Option<String>,
    pub speaker: Option<String>,
    pub language: Option<String>,
    pub capacity: Option<i64>,
    pub exclusive: bool,
    /// The meeting link of a slot held online; the event's stands in when absent.
    pub online_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionSpec {
    pub title: Bilingual,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub room: Option<Bilingual>,
    pub speaker: Option<String>,
    /// The language it is held in; `None` when either.
    pub language: Option<Language>,
    /// Seats; `None` when only the event's capacity limits it.
    pub capacity: Option<u32>,
    /// One registration holds it whatever its size: a consultation slot.
    pub exclusive: bool,
    /// Its own meeting link (`https://…`, one line); the event's is used when absent.
    pub online_url: Option<String>,
}

impl SessionSpec {
    /// Checks a session against its event: it happens within the event's time.
    pub fn parse(input: SessionInput, event: &EventSpec) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let title_ja = required_text(&mut errors, "title_ja", input.title_ja.as_deref(), 200);
        // An English title is optional; the Japanese one stands in.
        let title_en = optional_text(&mut errors, "title_en", input.title_en.as_deref(), 200);
        let room_ja = optional_text(&mut errors, "room_ja", input.room_ja.as_deref(), 200);
        let room_en = optional_text(&mut errors, "room_en", input.room_en.as_deref(), 200);
        let speaker = optional_text(&mut errors, "speaker", input.speaker.as_deref(), 200);
        let language = match input.language.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(l) => match Language::parse(l) {
                Some(l) => Some(l),
                None => {
                    errors.add("language", "invalid_choice");
                    None
                }
            },
        };
        let online_url =
            super::event::web_url(&mut errors, "online_url", input.online_url.as_deref());
        let capacity = match input.capacity {
            None => None,
            Some(c) if (1..=100_000).contains(&c) => Some(c as u32),
            Some(_) => {
                errors.add_with(
                    "capacity",
                    "out_of_range",
                    crate::error_args![("min", 1), ("max", 100000)],
                );
                None
            }
        };
        let (starts_at, ends_at) = match (input.starts_at, input.ends_at) {
            (Some(s), Some(e)) if e <= s => {
                errors.add("ends_at", "ends_before_start");
                (None, None)
            }
            (Some(s), Some(e)) if s < event.starts_at || e > event.ends_at => {
                errors.add("starts_at", "outside_event");
                (None, None)
            }
            (s, e) => {
                for (field, v) in [("starts_at", s), ("ends_at", e)] {
                    if v.is_none() {
                        errors.add(field, "required");
                    }
                }
                (s, e)
            }
        };
        match (title_ja, starts_at, ends_at) {
            (Some(ja), Some(starts_at), Some(ends_at)) if errors.is_empty() => Ok(SessionSpec {
                title: Bilingual {
                    en: title_en.unwrap_or_else(|| ja.clone()),
                    ja,
                },
                starts_at,
                ends_at,
                room: room_ja.map(|ja| Bilingual {
                    en: room_en.unwrap_or_else(|| ja.clone()),
                    ja,
                }),
                speaker,
                language,
                capacity,
                exclusive: input.exclusive,
                online_url,
            }),
            _ => Err(errors),
        }
    }
}

/// A stored session with the seats it has given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventSession {
    pub id: i64,
    pub event_id: i64,
    pub spec: SessionSpec,
    pub seats_taken: u32,
}

impl EventSession {
    pub fn overlaps(&self, other: &EventSession) -> bool {
        self.spec.starts_at < other.spec.ends_at && other.spec.starts_at < self.spec.ends_at
    }

    /// Seats left; `None` when unlimited.
    pub fn seats_left(&self) -> Option<u32> {
        if self.spec.exclusive {
            return Some(u32::from(self.seats_taken == 0));
        }
        self.spec
            .capacity
            .map(|c| c.saturating_sub(self.seats_taken))
    }

    pub fn is_full(&self) -> bool {
        self.seats_left() == Some(0)
    }
}

labelled_enum! {
    /// Where a registration stands in one session it picked.
    pub enum PickStatus {
        Confirmed = "confirmed" => "label-pick-status-confirmed";
        Waitlisted = "waitlisted" => "label-pick-status-waitlisted";
        Cancelled = "cancelled" => "label-pick-status-cancelled";
    }
}

/// A session one attendee picked, and where they stand there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pick {
    pub session: EventSession,
    pub status: PickStatus,
    pub attendee_id: i64,
}

/// One session as a registration holds it: who of its attendees stand where in it. The manage
/// page, the emails and the API's summary show these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionAttendance {
    pub session: EventSession,
    pub status: PickStatus,
    /// In the order the picks were given.
    pub attendee_ids: Vec<i64>,
}

/// Groups picks by session and status, in time order (confirmed before waiting before
/// dropped within a session).
pub fn attendance(picks: &[Pick]) -> Vec<SessionAttendance> {
    let rank = |s: PickStatus| match s {
        PickStatus::Confirmed => 0,
        PickStatus::Waitlisted => 1,
        PickStatus::Cancelled => 2,
    };
    let mut out: Vec<SessionAttendance> = Vec::new();
    for p in picks {
        match out
            .iter_mut()
            .find(|g| g.session.id == p.session.id && g.status == p.status)
        {
            Some(g) => g.attendee_ids.push(p.attendee_id),
            None => out.push(SessionAttendance {
                session: p.session.clone(),
                status: p.status,
                attendee_ids: vec![p.attendee_id],
            }),
        }
    }
    out.sort_by_key(|g| (g.session.spec.starts_at, g.session.id, rank(g.status)));
    out
}

/// One pick per session, as one person's calendar holds them: `attendee`'s own, or for the
/// registration as a whole (the contact's), the best place any attendee holds there.
pub fn picks_for(picks: &[Pick], attendee: Option<i64>) -> Vec<Pick> {
    let rank = |s: PickStatus| match s {
        PickStatus::Confirmed => 0,
        PickStatus::Waitlisted => 1,
        PickStatus::Cancelled => 2,
    };
    let mut out: Vec<Pick> = Vec::new();
    for p in picks
        .iter()
        .filter(|p| attendee.is_none_or(|a| p.attendee_id == a))
    {
        match out.iter_mut().find(|o| o.session.id == p.session.id) {
            Some(o) if rank(p.status) < rank(o.status) => *o = p.clone(),
            Some(_) => {}
            None => out.push(p.clone()),
        }
    }
    out.sort_by_key(|p| (p.session.spec.starts_at, p.session.id));
    out
}

/// The meeting link a registrant is given: a confirmed consultation slot's own link, else the
/// event's.
pub fn meeting_link(event_url: Option<&str>, picks: &[Pick]) -> Option<String> {
    picks
        .iter()
        .filter(|p| p.status == PickStatus::Confirmed && p.session.spec.exclusive)
        .find_map(|p| p.session.spec.online_url.clone())
        .or_else(|| event_url.map(str::to_owned))
}

/// Checks each attendee's selection (see [`check_picks`]). A consultation slot is the
/// registration's: a slot any attendee names is everyone's. Errors name `sessions` for a
/// single attendee or a slot, `attendees.{i}.sessions` otherwise. Returns each attendee's
/// sessions in time order.
pub fn check_attendee_picks(
    sessions: &[EventSession],
    picked: &[Vec<i64>],
) -> Result<Vec<Vec<EventSession>>, ValidationErrors> {
    let is_slot = |id: &i64| sessions.iter().any(|s| s.id == *id && s.spec.exclusive);
    let mut slots: Vec<i64> = picked.iter().flatten().copied().filter(is_slot).collect();
    slots.sort_unstable();
    slots.dedup();
    let all_slots = !sessions.is_empty() && sessions.iter().all(|s| s.spec.exclusive);
    if all_slots {
        // One slot for the company, whoever picked it.
        let chosen = check_picks(sessions, &slots)?;
        return Ok(picked.iter().map(|_| chosen.clone()).collect());
    }
    let single = picked.len() == 1;
    picked
        .iter()
        .enumerate()
        .map(|(i, ids)| {
            let mut ids: Vec<i64> = ids.iter().copied().filter(|id| !is_slot(id)).collect();
            ids.extend(&slots);
            check_picks(sessions, &ids).map_err(|e| {
                if single {
                    return e;
                }
                let mut out = ValidationErrors::new();
                for f in e.fields() {
                    out.add_with(
                        &format!("attendees.{i}.{}", f.field),
                        f.code,
                        f.args.clone(),
                    );
                }
                out
            })
        })
        .collect()
}

/// Checks a selection against the event's sessions: each known, none twice, no two at the
/// same time; exactly one where they are consultation slots. An EXPO's talks are optional:
/// a visitor may come for the exhibits and booths alone. Returns the picks in time order.
pub fn check_picks(
    sessions: &[EventSession],
    picked: &[i64],
) -> Result<Vec<EventSession>, ValidationErrors> {
    let mut chosen: Vec<EventSession> = Vec::new();
    for id in picked {
        match sessions.iter().find(|s| s.id == *id) {
            Some(s) if !chosen.iter().any(|c| c.id == s.id) => chosen.push(s.clone()),
            Some(_) => {}
            None => {
                return Err(ValidationErrors::single("sessions", "unknown_session"));
            }
        }
    }
    if sessions.is_empty() {
        return Ok(chosen);
    }
    let slots = sessions.iter().all(|s| s.spec.exclusive);
    if chosen.is_empty() && slots {
        return Err(ValidationErrors::single("sessions", "choose_one"));
    }
    if slots && chosen.len() > 1 {
        return Err(ValidationErrors::single("sessions", "one_slot"));
    }
    chosen.sort_by_key(|s| (s.spec.starts_at, s.id));
    for pair in chosen.windows(2) {
        if pair[0].overlaps(&pair[1]) {
            return Err(ValidationErrors::single_with(
                "sessions",
                "sessions_clash",
                crate::error_args![
                    ("first", pair[0].spec.title.clone()),
                    ("second", pair[1].spec.title.clone())
                ],
            ));
        }
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn session(id: i64, from: u32, to: u32, exclusive: bool) -> EventSession {
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 8, h, 0, 0).unwrap();
        EventSession {
            id,
            event_id: 1,
            spec: SessionSpec {
                title: Bilingual {
                    ja: format!("講演{id}"),
                    en: format!("Talk {id}"),
                },
                starts_at: at(from),
                ends_at: at(to),
                room: None,
                speaker: None,
                language: None,
                capacity: Some(10),
                exclusive,
                online_url: None,
            },
            seats_taken: 0,
        }
    }

    #[test]
    fn overlapping_sessions_cannot_both_be_picked() {
        let all = [
            session(1, 1, 2, false),
            session(2, 2, 3, false),
            session(3, 1, 3, false),
        ];
        assert_eq!(
            check_picks(&all, &[2, 1]).unwrap().len(),
            2,
            "back to back is fine"
        );
        let e = check_picks(&all, &[1, 3]).unwrap_err();
        assert_eq!(e.fields()[0].code, "sessions_clash");
        assert!(
            check_picks(&all, &[]).unwrap().is_empty(),
            "talks are optional"
        );
        assert!(check_picks(&all, &[9]).is_err());
        assert!(check_picks(&[], &[]).unwrap().is_empty());
    }

    #[test]
    fn a_company_takes_one_consultation_slot() {
        let slots = [session(1, 1, 2, true), session(2, 2, 3, true)];
        assert_eq!(
            check_picks(&slots, &[1, 2]).unwrap_err().fields()[0].code,
            "one_slot"
        );
        assert_eq!(
            check_picks(&slots, &[]).unwrap_err().fields()[0].code,
            "choose_one"
        );
        let mut taken = slots[0].clone();
        taken.seats_taken = 2;
        assert!(taken.is_full() && !slots[1].is_full());
    }

    #[test]
    fn colleagues_pick_parallel_workshops_but_one_person_cannot() {
        let all = [session(1, 1, 2, false), session(2, 1, 2, false)];
        let each = check_attendee_picks(&all, &[vec![1], vec![2]]).unwrap();
        assert_eq!((each[0][0].id, each[1][0].id), (1, 2));
        let e = check_attendee_picks(&all, &[vec![1], vec![1, 2]]).unwrap_err();
        assert_eq!(e.fields()[0].field, "attendees.1.sessions");
        let e = check_attendee_picks(&all, &[vec![1, 2]]).unwrap_err();
        assert_eq!(e.fields()[0].field, "sessions", "one attendee: as before");
    }

    #[test]
    fn a_slot_is_the_whole_registrations() {
        let slots = [session(1, 1, 2, true), session(2, 2, 3, true)];
        let each = check_attendee_picks(&slots, &[vec![2], vec![]]).unwrap();
        assert!(each.iter().all(|s| s.len() == 1 && s[0].id == 2));
        assert_eq!(
            check_attendee_picks(&slots, &[vec![1], vec![2]])
                .unwrap_err()
                .fields()[0]
                .code,
            "one_slot"
        );
    }

    #[test]
    fn picks_group_by_session_and_a_slot_link_comes_first() {
        let mut slot = session(1, 1, 2, true);
        slot.spec.online_url = Some("https://meet.example.jp/slot".into());
        let talk = session(2, 2, 3, false);
        let pick = |s: &EventSession, status, attendee_id| Pick {
            session: s.clone(),
            status,
            attendee_id,
        };
        let picks = [
            pick(&talk, PickStatus::Waitlisted, 11),
            pick(&slot, PickStatus::Confirmed, 10),
            pick(&talk, PickStatus::Confirmed, 10),
            pick(&slot, PickStatus::Confirmed, 11),
        ];
        let groups = attendance(&picks);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].attendee_ids, vec![10, 11]);
        assert_eq!(groups[1].status, PickStatus::Confirmed);
        assert_eq!(groups[2].status, PickStatus::Waitlisted);
        let mine = picks_for(&picks, Some(11));
        assert_eq!(mine[1].status, PickStatus::Waitlisted);
        assert_eq!(picks_for(&picks, None)[1].status, PickStatus::Confirmed);
        assert_eq!(
            meeting_link(Some("https://meet.example.jp/event"), &picks).as_deref(),
            Some("https://meet.example.jp/slot")
        );
        assert_eq!(
            meeting_link(Some("https://meet.example.jp/event"), &picks[2..3]).as_deref(),
            Some("https://meet.example.jp/event")
        );
    }
}
