//! Online attendance. Each active attendee of a confirmed registration at an online or hybrid
//! event has a personal join link (`/j/{token}`): following it records the join (from an hour
//! before the start to the end) and forwards to the meeting. The meeting URL itself reaches
//! nobody else.
use crate::domain::participation::Participation;
use crate::domain::{AttendeeStatus, EventFormat, EventStatus, Registration};
use crate::error::AppResult;
use crate::services::links::ManageLinks;
use crate::store::{self, Db};
use chrono::{DateTime, Utc};

/// Why a join link opens no meeting. The page says which; the meeting URL stays out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a link we signed, or its attendee is gone.
    Unknown,
    /// The registration waits for a seat (or holds none).
    NotConfirmed,
    /// The attendee or the registration was cancelled.
    Cancelled,
    /// The organizer cancelled the event.
    EventCancelled,
    /// The event has no online part (any more).
    NoMeeting,
}

impl Refusal {
    /// The message id of the page (locales/*/joins.ftl).
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Unknown => "joins-refused-unknown",
            Refusal::NotConfirmed => "joins-refused-not-confirmed",
            Refusal::Cancelled => "joins-refused-cancelled",
            Refusal::EventCancelled => "joins-refused-event-cancelled",
            Refusal::NoMeeting => "joins-refused-no-meeting",
        }
    }
}

/// The attendee's personal join link.
pub fn link(links: &ManageLinks, public_url: &str, attendee_id: i64) -> String {
    format!(
        "{}/j/{}",
        public_url.trim_end_matches('/'),
        links.join_token(attendee_id)
    )
}

/// Whether the registration's attendees get join links at this event: confirmed seats at an
/// event with an online part.
pub fn offered(format: EventFormat, participation: &Participation) -> bool {
    format != EventFormat::OnSite && participation.gets_meeting_link()
}

/// The attendees whose join links a message carries: an attendee's copy its own; the contact's
/// message (like the manage page, which the contact holds) every active attendee's, since the
/// contact manages the registration and may have no attendee copies sent.
pub fn covered(
    r: &Registration,
    attendee_id: Option<i64>,
) -> impl Iterator<Item = &crate::domain::Attendee> {
    r.active_attendees()
        .filter(move |a| attendee_id.is_none_or(|id| id == a.id))
}

/// How long before the start a join counts as attendance.
const JOIN_OPENS_BEFORE_MINUTES: i64 = 60;

/// A join counts as attendance from an hour before the start until the end. Before that, the
/// link still forwards (people try their link, and mail scanners fetch every link the day the
/// email arrives) but records nothing, so a scanner's visit is not attendance.
pub fn counts_as_joining(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    now >= starts_at - chrono::Duration::minutes(JOIN_OPENS_BEFORE_MINUTES) && now <= ends_at
}

/// Follows a join link: the meeting URL to forward to, with the join recorded, or why not.
pub async fn join(
    db: &Db,
    links: &ManageLinks,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Result<String, Refusal>> {
    let Some(attendee_id) = links.verify_join(token) else {
        return Ok(Err(Refusal::Unknown));
    };
    let Some(registration_id) = store::online_joins::registration_of(db, attendee_id).await? else {
        return Ok(Err(Refusal::Unknown));
    };
    let Some(stored) = store::registrations::by_id(db, registration_id).await? else {
        return Ok(Err(Refusal::Unknown));
    };
    let r = stored.registration;
    let Some(attendee) = r.attendees.iter().find(|a| a.id == attendee_id) else {
        return Ok(Err(Refusal::Unknown));
    };
    let Some(event) = store::events::by_id(db, r.event_id).await? else {
        return Ok(Err(Refusal::Unknown));
    };
    if event.status == EventStatus::Cancelled {
        return Ok(Err(Refusal::EventCancelled));
    }
    if attendee.status != AttendeeStatus::Active || r.participation.is_withdrawn() {
        return Ok(Err(Refusal::Cancelled));
    }
    if !r.participation.gets_meeting_link() {
        return Ok(Err(Refusal::NotConfirmed));
    }
    if event.spec.format == EventFormat::OnSite {
        return Ok(Err(Refusal::NoMeeting));
    }
    let picks = crate::domain::session::picks_for(&r.picks, Some(attendee_id));
    let Some(url) = crate::domain::session::meeting_link(event.spec.online_url.as_deref(), &picks)
    else {
        return Ok(Err(Refusal::NoMeeting));
    };
    if counts_as_joining(event.spec.starts_at, event.spec.ends_at, now) {
        store::online_joins::record(db, event.id, attendee_id, now).await?;
    }
    Ok(Ok(url))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn a_join_counts_from_an_hour_before_the_start_until_the_end() {
        let start = Utc.with_ymd_and_hms(2026, 12, 1, 5, 0, 0).unwrap();
        let end = start + Duration::hours(2);
        assert!(!counts_as_joining(
            start,
            end,
            start - Duration::minutes(61)
        ));
        assert!(counts_as_joining(start, end, start - Duration::minutes(60)));
        assert!(counts_as_joining(start, end, end));
        assert!(!counts_as_joining(start, end, end + Duration::seconds(1)));
    }

    #[test]
    fn a_join_link_is_not_a_check_in_code_and_a_tampered_one_is_nobodys() {
        let links = ManageLinks::new("a test key of thirty-two characters!!");
        let token = links.join_token(34);
        assert_eq!(links.verify_join(&token), Some(34));
        assert_eq!(links.verify_checkin(&token), None);
        assert_eq!(links.verify_join(&links.checkin_token(34)), None);
        let tampered = token.replacen("j34", "j35", 1);
        assert_eq!(links.verify_join(&tampered), None);
    }
}
