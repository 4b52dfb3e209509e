//! Online attendance. Each active attendee of a confirmed registration at an online or hybrid
//! event has a personal join link (`/j/{token}`): following it records the join and forwards
//! to the meeting. The meeting URL itself reaches nobody else.
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

/// The attendees who get a join link in a message: the one attendee a copy is for, else the
/// attendees without a copy of their own (the contact attending, or everyone when the event
/// sends no copies) — as with the door codes, so nobody forwards links.
pub fn covered(
    r: &Registration,
    attendee_id: Option<i64>,
    copies: bool,
) -> impl Iterator<Item = &crate::domain::Attendee> {
    let contact = &r.contact.email;
    r.active_attendees().filter(move |a| match attendee_id {
        Some(id) => id == a.id,
        None => !copies || a.email.eq_ignore_ascii_case(contact),
    })
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
    store::online_joins::record(db, event.id, attendee_id, now).await?;
    Ok(Ok(url))
}
