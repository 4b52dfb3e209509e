//! The calendar entries uketsuke hands out, built in one place so that an invitation, the
//! registrant's own download and a public file agree on UID, place and links.
use super::{CalendarEvent, Person};
use crate::domain::EventStatus;
use crate::i18n::Lang;
use crate::services::catalogue::EventListing;
use chrono::Utc;

/// Where links in calendar entries point.
pub struct Site<'a> {
    /// e.g. `https://uketsuke.example.jp`, without a trailing slash.
    pub public_url: &'a str,
    /// The host part of UIDs.
    pub host: &'a str,
}

impl Site<'_> {
    pub fn event_url(&self, listing: &EventListing) -> String {
        format!("{}/events/{}", self.public_url, listing.event.spec.slug)
    }
}

/// The event as anyone may have it: no meeting link, no attendees.
pub fn public_entry(listing: &EventListing, site: &Site, lang: Lang) -> CalendarEvent {
    let spec = &listing.event.spec;
    let url = site.event_url(listing);
    CalendarEvent {
        uid: format!("event-{}@{}", spec.slug, site.host),
        // Seconds since 1970 only grow: every change outranks the copy a calendar holds.
        sequence: u32::try_from(listing.event.updated_at.timestamp()).unwrap_or(0),
        summary: spec.title.get(lang.content()).to_owned(),
        description: format!(
            "{}\n\n{}\n{url}",
            spec.description.get(lang.content()),
            crate::i18n::words::partner_line(lang, &listing.organizer, &listing.partners)
        ),
        location: Some(crate::i18n::words::venue_line(lang, spec)),
        url: Some(url),
        starts_at: spec.starts_at,
        ends_at: spec.ends_at,
        organizer: None,
        attendees: Vec::new(),
        cancelled: listing.event.status == EventStatus::Cancelled,
        stamp: Utc::now(),
    }
}

/// A registrant's entry: the same UID in every invitation, update, cancellation and download
/// for one registration, so each replaces the one before.
pub struct RegistrationEntry<'a> {
    pub registration_id: i64,
    pub recipient: Person,
    pub organizer: Person,
    /// Only for confirmed registrations.
    pub meeting_url: Option<&'a str>,
    pub manage_url: Option<&'a str>,
    /// Must grow with every version sent.
    pub sequence: u32,
    pub cancelled: bool,
}

/// A registration's entries: one for the event, or, where it picked sessions, one per session
/// it attends (each with its own UID, time and room). A session dropped, or the whole
/// registration cancelled, goes out as cancelled so the calendar removes it; a session still
/// waited for has no entry yet.
pub fn registration_entries(
    listing: &EventListing,
    entry: RegistrationEntry,
    picks: &[crate::domain::Pick],
    site: &Site,
    lang: Lang,
) -> Vec<CalendarEvent> {
    use crate::domain::PickStatus;
    if picks.is_empty() {
        return vec![registration_entry(listing, entry, site, lang)];
    }
    picks
        .iter()
        .filter(|p| p.status != PickStatus::Waitlisted || entry.cancelled)
        .map(|p| {
            session_entry(
                listing,
                RegistrationEntry {
                    recipient: entry.recipient.clone(),
                    organizer: entry.organizer.clone(),
                    cancelled: entry.cancelled || p.status == PickStatus::Cancelled,
                    // A slot held online may have its own meeting link.
                    meeting_url: entry
                        .meeting_url
                        .map(|url| p.session.spec.online_url.as_deref().unwrap_or(url)),
                    ..entry
                },
                &p.session,
                site,
                lang,
            )
        })
        .collect()
}

/// A registrant's entry for one session they picked: its own UID, title, time and room.
pub(super) fn session_entry(
    listing: &EventListing,
    entry: RegistrationEntry,
    session: &crate::domain::EventSession,
    site: &Site,
    lang: Lang,
) -> CalendarEvent {
    let spec = &listing.event.spec;
    let s = &session.spec;
    let registration_id = entry.registration_id;
    let mut e = registration_entry(listing, entry, site, lang);
    e.uid = format!(
        "registration-{registration_id}-session-{}@{}",
        session.id, site.host
    );
    e.summary = lang.t_args(
        "calendar-session-summary",
        &crate::fluent_args![
            ("session", s.title.get(lang.content())),
            ("event", spec.title.get(lang.content()))
        ],
    );
    e.location = Some(match &s.room {
        Some(room) => format!(
            "{} {}",
            room.get(lang.content()),
            crate::i18n::words::venue_line(lang, spec)
        ),
        None => crate::i18n::words::venue_line(lang, spec),
    });
    e.starts_at = s.starts_at;
    e.ends_at = s.ends_at;
    e
}

pub(super) fn registration_entry(
    listing: &EventListing,
    entry: RegistrationEntry,
    site: &Site,
    lang: Lang,
) -> CalendarEvent {
    let spec = &listing.event.spec;
    let event_url = site.event_url(listing);
    CalendarEvent {
        uid: format!(
            "registration-{}-event-{}@{}",
            entry.registration_id, spec.slug, site.host
        ),
        sequence: entry.sequence,
        summary: spec.title.get(lang.content()).to_owned(),
        description: registration_description(
            spec.description.get(lang.content()),
            &event_url,
            &entry,
            lang,
        ),
        location: Some(crate::i18n::words::venue_line(lang, spec)),
        url: Some(entry.meeting_url.map_or(event_url, str::to_owned)),
        starts_at: spec.starts_at,
        ends_at: spec.ends_at,
        organizer: Some(entry.organizer),
        attendees: vec![entry.recipient],
        cancelled: entry.cancelled,
        stamp: Utc::now(),
    }
}

/// A registrant's entry describes the event, then its links, each named: the meeting link only
/// where there is one (an event with no online part, or a place not yet confirmed, has none).
fn registration_description(
    description: &str,
    event_url: &str,
    entry: &RegistrationEntry,
    lang: Lang,
) -> String {
    let mut text = format!(
        "{description}\n\n{}: {event_url}",
        lang.t("calendar-event-page")
    );
    if let Some(url) = entry.meeting_url {
        text.push_str(&format!("\n{}: {url}", lang.t("calendar-meeting-link")));
    }
    if let Some(url) = entry.manage_url {
        text.push_str(&format!("\n{}: {url}", lang.t("calendar-manage")));
    }
    text
}
