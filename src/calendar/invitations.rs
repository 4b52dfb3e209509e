//! The calendar objects a message carries. iTIP (RFC 5546) and CalDAV (RFC 4791 §4.1) want one
//! UID per scheduling object, and mail clients act on one event per calendar file: so a
//! registration with sessions gets one object per session, each its own VCALENDAR with one
//! VEVENT, and a session dropped goes out as a CANCEL of its own UID beside the REQUESTs of the
//! sessions kept.
use super::entries::{RegistrationEntry, Site, registration_entry, session_entry};
use super::{CalendarEvent, Method, render};
use crate::domain::{Pick, PickStatus};
use crate::i18n::Lang;
use crate::services::catalogue::EventListing;

/// One calendar object: one VCALENDAR holding one UID's VEVENT, and what it asks of the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarObject {
    pub method: Method,
    pub uid: String,
    /// The whole file (CRLF line ends, folded).
    pub text: String,
}

impl CalendarObject {
    fn of(method: Method, event: CalendarEvent) -> Self {
        CalendarObject {
            method,
            uid: event.uid.clone(),
            text: render(method, &[event]),
        }
    }
}

/// The calendar objects of one message about a registration.
///
/// `method` is what the message does: `Request` (a place confirmed, promoted or changed) or
/// `Cancel` (the registration, an attendee's place or the event cancelled). Without sessions the
/// registration has one object, for the event. With sessions:
/// - a `Request` invites to every session held (one object each); a session still waited for
///   has none yet; the sessions in `dropped` (those this very message takes away) each get a
///   `Cancel` of their own;
/// - a `Cancel` cancels every session the registration ever picked, each in its own object (a
///   client ignores the cancellation of an entry it never had).
pub fn invitations(
    method: Method,
    listing: &EventListing,
    entry: RegistrationEntry,
    picks: &[Pick],
    dropped: &[i64],
    site: &Site,
    lang: Lang,
) -> Vec<CalendarObject> {
    let cancel_all = method == Method::Cancel;
    let entry = RegistrationEntry {
        cancelled: entry.cancelled || cancel_all,
        ..entry
    };
    if picks.is_empty() {
        return vec![CalendarObject::of(
            method,
            registration_entry(listing, entry, site, lang),
        )];
    }
    let mut objects = Vec::new();
    for p in picks {
        let method = match p.status {
            _ if cancel_all => Method::Cancel,
            PickStatus::Confirmed => Method::Request,
            PickStatus::Cancelled if dropped.contains(&p.session.id) => Method::Cancel,
            PickStatus::Cancelled | PickStatus::Waitlisted => continue,
        };
        let one = RegistrationEntry {
            recipient: entry.recipient.clone(),
            organizer: entry.organizer.clone(),
            cancelled: method == Method::Cancel,
            ..entry
        };
        objects.push(CalendarObject::of(
            method,
            session_entry(listing, one, &p.session, site, lang),
        ));
    }
    objects
}

/// The sessions a change took away that the registrant had been invited to: held (confirmed)
/// before, no longer held after. A session only waited for had no invitation to cancel.
pub fn dropped_sessions(before: &[Pick], after: &[Pick]) -> Vec<i64> {
    before
        .iter()
        .filter(|b| b.status == PickStatus::Confirmed)
        .filter(|b| {
            !after
                .iter()
                .any(|a| a.session.id == b.session.id && a.status == PickStatus::Confirmed)
        })
        .map(|b| b.session.id)
        // Several attendees may have held one session: it is dropped once.
        .collect::<std::collections::BTreeSet<i64>>()
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Bilingual, EventSession, SessionSpec};
    use chrono::{TimeZone, Utc};

    fn pick(id: i64, status: PickStatus) -> Pick {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).unwrap();
        Pick {
            session: EventSession {
                id,
                event_id: 1,
                spec: SessionSpec {
                    title: Bilingual {
                        ja: "talk".into(),
                        en: "talk".into(),
                    },
                    starts_at: at,
                    ends_at: at,
                    room: None,
                    speaker: None,
                    language: None,
                    capacity: None,
                    exclusive: false,
                    online_url: None,
                },
                seats_taken: 0,
            },
            status,
            attendee_id: 1,
        }
    }

    #[test]
    fn calendar_dropped_sessions_are_those_held_before_and_not_after() {
        use PickStatus::*;
        let before = [
            pick(1, Confirmed),
            pick(2, Confirmed),
            pick(3, Waitlisted),
            pick(4, Cancelled),
        ];
        let after = [
            pick(1, Confirmed),
            pick(2, Cancelled),
            pick(3, Cancelled),
            pick(4, Cancelled),
            pick(5, Confirmed),
        ];
        // 3 was only waited for (no invitation to cancel), 4 was dropped earlier.
        assert_eq!(dropped_sessions(&before, &after), [2]);
        assert!(dropped_sessions(&after, &after).is_empty());
    }
}
