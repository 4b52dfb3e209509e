//! The shapes the API sends and receives, and their conversion from and to domain types.
use crate::domain::{
    Audience, Event, EventFormat, EventInput, EventKind, EventStatus, Language, Partner,
    PartnerRole, PartnerState, ProgrammeArea,
};
use crate::services::catalogue::EventListing;
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Asia::Tokyo;
use poem_openapi::Object;
use poem_openapi::types::MaybeUndefined;

/// Times go out in Japan Standard Time (`+09:00`); any offset is accepted coming in.
pub(super) fn jst(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&Tokyo).fixed_offset()
}

pub(super) fn utc(t: DateTime<FixedOffset>) -> DateTime<Utc> {
    t.with_timezone(&Utc)
}

#[derive(Debug, Object)]
#[oai(rename = "Venue", skip_serializing_if_is_none)]
pub struct VenueBody {
    pub name_ja: String,
    pub name_en: Option<String>,
    pub address_ja: String,
    pub address_en: Option<String>,
    pub map_url: Option<String>,
}

#[derive(Debug, Object)]
#[oai(rename = "Partner", skip_serializing_if_is_none)]
pub struct PartnerBody {
    /// The organization's code, e.g. `TCCI`.
    pub organization: String,
    pub name_ja: String,
    pub name_en: String,
    pub role: PartnerRole,
    pub state: PartnerState,
}

impl From<&Partner> for PartnerBody {
    fn from(p: &Partner) -> Self {
        PartnerBody {
            organization: p.organization.code.to_string(),
            name_ja: p.organization.name_ja.clone(),
            name_en: p.organization.name_en.clone(),
            role: p.role,
            state: p.state,
        }
    }
}

/// A published event as anyone may see it. The online meeting link is never part of it.
#[derive(Debug, Object)]
#[oai(rename = "Event", skip_serializing_if_is_none)]
pub struct EventBody {
    pub slug: String,
    /// The public page of the event.
    pub url: String,
    pub title_ja: String,
    pub title_en: String,
    pub description_ja: String,
    pub description_en: String,
    pub programme_area: ProgrammeArea,
    pub kind: EventKind,
    pub format: EventFormat,
    pub venue: Option<VenueBody>,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub registration_opens_at: DateTime<FixedOffset>,
    pub registration_closes_at: DateTime<FixedOffset>,
    /// Whether registration is open right now.
    pub registration_open: bool,
    /// Seats (attendees); absent for events without a limit, such as campaigns.
    pub capacity: Option<u32>,
    pub seats_left: Option<u32>,
    pub full: bool,
    /// At most this many attendees per company (by corporate number).
    pub per_company_limit: Option<u32>,
    /// An expert dispatch programme: visits per company and fiscal year.
    pub visits_per_company: Option<u32>,
    /// Days before the event confirmed registrants are asked whether they will still come.
    pub confirm_days_before: Option<u8>,
    pub languages: Vec<Language>,
    pub audience: Audience,
    pub waitlist_enabled: bool,
    /// What registrants agree to (the event's own statement or the standard one).
    pub purpose_of_use_ja: String,
    pub purpose_of_use_en: String,
    pub purpose_of_use_version: i32,
    pub status: EventStatus,
    /// The Japanese fiscal year (April to March) the event starts in.
    pub fiscal_year: i32,
    /// Who runs it, in Japanese: the organizer, then each partner with its role.
    pub partner_line_ja: String,
    pub partner_line_en: String,
    /// The organizer first, then approved partners.
    pub partners: Vec<PartnerBody>,
}

impl EventBody {
    pub fn new(listing: &EventListing, public_url: &str, now: DateTime<Utc>) -> Self {
        let EventListing {
            event,
            organizer,
            partners,
        } = listing;
        let spec = &event.spec;
        let organizer_partner = Partner {
            organization: organizer.clone(),
            role: PartnerRole::Organizer,
            state: PartnerState::Approved,
            display_order: 0,
        };
        let mut shown = vec![PartnerBody::from(&organizer_partner)];
        let mut approved: Vec<&Partner> = partners
            .iter()
            .filter(|p| p.state == PartnerState::Approved)
            .collect();
        approved.sort_by_key(|p| (p.role, p.display_order));
        shown.extend(approved.into_iter().map(PartnerBody::from));
        // The API carries both Japanese and English texts.
        let ja = crate::i18n::Lang::parse("ja").unwrap_or_default();
        let en = crate::i18n::Lang::parse("en").unwrap_or_default();
        EventBody {
            slug: spec.slug.to_string(),
            url: format!("{}/events/{}", public_url.trim_end_matches('/'), spec.slug),
            title_ja: spec.title.ja.clone(),
            title_en: spec.title.en.clone(),
            description_ja: spec.description.ja.clone(),
            description_en: spec.description.en.clone(),
            programme_area: spec.programme_area,
            kind: spec.kind,
            format: spec.format,
            venue: spec.venue.as_ref().map(|v| VenueBody {
                name_ja: v.name_ja.clone(),
                name_en: v.name_en.clone(),
                address_ja: v.address_ja.clone(),
                address_en: v.address_en.clone(),
                map_url: v.map_url.clone(),
            }),
            starts_at: jst(spec.starts_at),
            ends_at: jst(spec.ends_at),
            registration_opens_at: jst(spec.registration_opens_at),
            registration_closes_at: jst(spec.registration_closes_at),
            registration_open: event.registration_is_open(now),
            capacity: spec.capacity.map(|c| c.get()),
            seats_left: event.seats_left(),
            full: event.is_full(),
            per_company_limit: spec.per_company_limit,
            visits_per_company: spec.visits_per_company,
            confirm_days_before: spec.confirm_days_before,
            languages: spec.languages.as_slice().to_vec(),
            audience: spec.audience,
            waitlist_enabled: spec.waitlist_enabled,
            purpose_of_use_ja: crate::i18n::words::purpose_of_use(ja, spec),
            purpose_of_use_en: crate::i18n::words::purpose_of_use(en, spec),
            purpose_of_use_version: event.purpose_of_use_version,
            status: event.status,
            fiscal_year: spec.fiscal_year().year(),
            partner_line_ja: crate::i18n::words::partner_line(
                ja,
                &listing.organizer,
                &listing.partners,
            ),
            partner_line_en: crate::i18n::words::partner_line(
                en,
                &listing.organizer,
                &listing.partners,
            ),
            partners: shown,
        }
    }
}

/// An event as its organizer sees it: everything public plus what only they may see.
#[derive(Debug, Object)]
#[oai(rename = "OrganizerEvent", skip_serializing_if_is_none)]
pub struct OrganizerEventBody {
    #[oai(flatten)]
    pub event: EventBody,
    /// The meeting link, sent to confirmed attendees only.
    pub online_url: Option<String>,
    pub seats_taken: u32,
    /// Attendees whose address differs from the contact's get a copy of each email.
    pub attendee_copies: bool,
    /// Days before the start a reminder is sent, longest first.
    pub reminder_days: Vec<u8>,
    /// Every partner request, whatever its state.
    pub partner_requests: Vec<PartnerBody>,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
}

impl OrganizerEventBody {
    pub fn new(listing: &EventListing, public_url: &str, now: DateTime<Utc>) -> Self {
        let event: &Event = &listing.event;
        OrganizerEventBody {
            event: EventBody::new(listing, public_url, now),
            online_url: event.spec.online_url.clone(),
            seats_taken: event.seats_taken,
            attendee_copies: event.spec.attendee_copies,
            reminder_days: event.spec.reminder_days.days().to_vec(),
            partner_requests: listing.partners.iter().map(PartnerBody::from).collect(),
            created_at: jst(event.created_at),
            updated_at: jst(event.updated_at),
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "EventList", skip_serializing_if_is_none)]
pub struct EventListBody {
    pub events: Vec<EventBody>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

/// A new event. It starts as a draft; publish it to show it.
#[derive(Debug, Object)]
#[oai(rename = "EventCreate", skip_serializing_if_is_none)]
pub struct EventCreateBody {
    /// The URL name: `/events/{slug}`. Lower-case letters, digits, single hyphens.
    pub slug: String,
    pub title_ja: String,
    pub title_en: String,
    pub description_ja: String,
    pub description_en: String,
    pub programme_area: ProgrammeArea,
    pub kind: EventKind,
    pub format: EventFormat,
    /// Required for on-site and hybrid events, with `venue_address_ja`.
    pub venue_name_ja: Option<String>,
    pub venue_name_en: Option<String>,
    pub venue_address_ja: Option<String>,
    pub venue_address_en: Option<String>,
    pub venue_map_url: Option<String>,
    /// The meeting link for online and hybrid events; never shown publicly.
    pub online_url: Option<String>,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    /// Defaults to now.
    pub registration_opens_at: Option<DateTime<FixedOffset>>,
    /// Defaults to the start (for campaigns, the end).
    pub registration_closes_at: Option<DateTime<FixedOffset>>,
    /// Seats; leave out for no limit. Campaigns have none.
    pub capacity: Option<i64>,
    pub per_company_limit: Option<i64>,
    /// Defaults to `["ja"]`.
    pub languages: Option<Vec<Language>>,
    /// Who registers: `companies` (default) or `individuals`.
    pub audience: Option<Audience>,
    /// Registrations that do not fit wait for a seat (default), or are refused as full.
    pub waitlist_enabled: Option<bool>,
    /// The event's own statement of the purpose of use of personal information, in both
    /// languages; leave both out for the standard statement.
    pub purpose_of_use_ja: Option<String>,
    pub purpose_of_use_en: Option<String>,
    /// Send each attendee whose address differs from the contact's a copy of every email
    /// (default true).
    pub attendee_copies: Option<bool>,
    /// Days before the start a reminder goes out (1–30, at most 5); default `[3, 1]`, `[]`
    /// for none.
    pub reminder_days: Option<Vec<i64>>,
    /// An expert dispatch programme (`kind: expert_dispatch`): how many visits one company
    /// may get in a fiscal year (1–12, default 3). Ignored for other kinds.
    pub visits_per_company: Option<i64>,
    /// Days before the start confirmed registrants get a one-click "I will come / I can no
    /// longer come" email (1–30, at 9:00 Tokyo time); absent or 0: none.
    pub confirm_days_before: Option<i64>,
}

impl From<EventCreateBody> for EventInput {
    fn from(b: EventCreateBody) -> Self {
        EventInput {
            slug: Some(b.slug),
            title_ja: Some(b.title_ja),
            title_en: Some(b.title_en),
            description_ja: Some(b.description_ja),
            description_en: Some(b.description_en),
            programme_area: Some(b.programme_area),
            kind: Some(b.kind),
            format: Some(b.format),
            venue_name_ja: b.venue_name_ja,
            venue_name_en: b.venue_name_en,
            venue_address_ja: b.venue_address_ja,
            venue_address_en: b.venue_address_en,
            venue_map_url: b.venue_map_url,
            online_url: b.online_url,
            starts_at: Some(utc(b.starts_at)),
            ends_at: Some(utc(b.ends_at)),
            registration_opens_at: b.registration_opens_at.map(utc),
            registration_closes_at: b.registration_closes_at.map(utc),
            capacity: b.capacity,
            per_company_limit: b.per_company_limit,
            languages: b.languages,
            audience: b.audience,
            waitlist_enabled: b.waitlist_enabled,
            purpose_of_use_ja: b.purpose_of_use_ja,
            purpose_of_use_en: b.purpose_of_use_en,
            attendee_copies: b.attendee_copies,
            reminder_days: b.reminder_days,
            visits_per_company: b.visits_per_company,
            confirm_days_before: b.confirm_days_before,
        }
    }
}

/// A change to an event: send only what changes. `null` empties an optional field.
#[derive(Debug, Object)]
#[oai(rename = "EventPatch", skip_serializing_if_is_none)]
pub struct EventPatchBody {
    pub slug: Option<String>,
    pub title_ja: Option<String>,
    pub title_en: Option<String>,
    pub description_ja: Option<String>,
    pub description_en: Option<String>,
    pub programme_area: Option<ProgrammeArea>,
    pub kind: Option<EventKind>,
    pub format: Option<EventFormat>,
    pub venue_name_ja: Option<String>,
    pub venue_name_en: MaybeUndefined<String>,
    pub venue_address_ja: Option<String>,
    pub venue_address_en: MaybeUndefined<String>,
    pub venue_map_url: MaybeUndefined<String>,
    pub online_url: MaybeUndefined<String>,
    pub starts_at: Option<DateTime<FixedOffset>>,
    pub ends_at: Option<DateTime<FixedOffset>>,
    pub registration_opens_at: Option<DateTime<FixedOffset>>,
    pub registration_closes_at: Option<DateTime<FixedOffset>>,
    pub capacity: MaybeUndefined<i64>,
    pub per_company_limit: MaybeUndefined<i64>,
    pub languages: Option<Vec<Language>>,
    pub audience: Option<Audience>,
    pub waitlist_enabled: Option<bool>,
    /// `null` in either returns to the standard statement.
    pub purpose_of_use_ja: MaybeUndefined<String>,
    pub purpose_of_use_en: MaybeUndefined<String>,
    pub attendee_copies: Option<bool>,
    /// `[]` for no reminders.
    pub reminder_days: Option<Vec<i64>>,
    /// An expert dispatch programme's visits per company and fiscal year (1–12).
    pub visits_per_company: Option<i64>,
    /// Days before the start of the attendance question (1–30); 0 for none.
    pub confirm_days_before: Option<i64>,
}

impl EventPatchBody {
    /// The change, and the optional fields it empties.
    pub fn into_change(self) -> (EventInput, Vec<crate::services::events::OptionalField>) {
        use crate::services::events::OptionalField as F;
        let mut cleared = Vec::new();
        fn take<T>(cleared: &mut Vec<F>, value: MaybeUndefined<T>, field: F) -> Option<T> {
            match value {
                MaybeUndefined::Value(v) => Some(v),
                MaybeUndefined::Null => {
                    cleared.push(field);
                    None
                }
                MaybeUndefined::Undefined => None,
            }
        }
        let venue_name_en = take(&mut cleared, self.venue_name_en, F::VenueNameEn);
        let venue_address_en = take(&mut cleared, self.venue_address_en, F::VenueAddressEn);
        let venue_map_url = take(&mut cleared, self.venue_map_url, F::VenueMapUrl);
        let online_url = take(&mut cleared, self.online_url, F::OnlineUrl);
        let capacity = take(&mut cleared, self.capacity, F::Capacity);
        let per_company_limit = take(&mut cleared, self.per_company_limit, F::PerCompanyLimit);
        let purpose_of_use_ja = take(&mut cleared, self.purpose_of_use_ja, F::PurposeOfUse);
        let purpose_of_use_en = take(&mut cleared, self.purpose_of_use_en, F::PurposeOfUse);
        let change = EventInput {
            slug: self.slug,
            title_ja: self.title_ja,
            title_en: self.title_en,
            description_ja: self.description_ja,
            description_en: self.description_en,
            programme_area: self.programme_area,
            kind: self.kind,
            format: self.format,
            venue_name_ja: self.venue_name_ja,
            venue_name_en,
            venue_address_ja: self.venue_address_ja,
            venue_address_en,
            venue_map_url,
            online_url,
            starts_at: self.starts_at.map(utc),
            ends_at: self.ends_at.map(utc),
            registration_opens_at: self.registration_opens_at.map(utc),
            registration_closes_at: self.registration_closes_at.map(utc),
            capacity,
            per_company_limit,
            languages: self.languages,
            audience: self.audience,
            waitlist_enabled: self.waitlist_enabled,
            purpose_of_use_ja,
            purpose_of_use_en,
            attendee_copies: self.attendee_copies,
            reminder_days: self.reminder_days,
            visits_per_company: self.visits_per_company,
            confirm_days_before: self.confirm_days_before,
        };
        (change, cleared)
    }
}

#[derive(Debug, Object)]
#[oai(rename = "PartnerInvite", skip_serializing_if_is_none)]
pub struct PartnerInviteBody {
    /// The code of the organization asked, e.g. `TCCI`.
    pub organization: String,
    /// co_host, backing, cooperation or publicity.
    pub role: PartnerRole,
    /// A note to the organization asked (why, what the role involves): up to 2,000
    /// characters, line breaks allowed. Its admins are emailed the request with it.
    pub note: Option<String>,
}

/// A session to add inside an event: a talk or workshop of an EXPO, or a consultation slot.
#[derive(Debug, Object)]
#[oai(rename = "SessionCreate", skip_serializing_if_is_none)]
pub struct SessionCreateBody {
    pub title_ja: String,
    /// The Japanese title stands in when there is none.
    pub title_en: Option<String>,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub room_ja: Option<String>,
    pub room_en: Option<String>,
    pub speaker: Option<String>,
    /// The language it is held in; absent when either.
    pub language: Option<Language>,
    /// Seats; absent when only the event's capacity limits it.
    pub capacity: Option<i64>,
    /// A consultation slot: one registration holds it, whatever its size.
    pub exclusive: Option<bool>,
    /// The slot's own meeting link (`https://…`); the event's `online_url` when absent. Only
    /// those holding a confirmed place are given it.
    pub online_url: Option<String>,
}

impl From<SessionCreateBody> for crate::domain::SessionInput {
    fn from(b: SessionCreateBody) -> Self {
        crate::domain::SessionInput {
            title_ja: Some(b.title_ja),
            title_en: b.title_en,
            starts_at: Some(utc(b.starts_at)),
            ends_at: Some(utc(b.ends_at)),
            room_ja: b.room_ja,
            room_en: b.room_en,
            speaker: b.speaker,
            language: b.language.map(|l| l.code().to_owned()),
            capacity: b.capacity,
            exclusive: b.exclusive.unwrap_or(false),
            online_url: b.online_url,
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "Session", skip_serializing_if_is_none)]
pub struct SessionBody {
    pub id: i64,
    pub title_ja: String,
    pub title_en: String,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub room_ja: Option<String>,
    pub room_en: Option<String>,
    pub speaker: Option<String>,
    pub language: Option<Language>,
    pub capacity: Option<u32>,
    /// Seats left; absent when unlimited. 0: full (new picks wait, if the event keeps a
    /// waiting list; a consultation slot is simply taken).
    pub seats_left: Option<u32>,
    pub exclusive: bool,
}

impl From<&crate::domain::EventSession> for SessionBody {
    fn from(s: &crate::domain::EventSession) -> Self {
        SessionBody {
            id: s.id,
            title_ja: s.spec.title.ja.clone(),
            title_en: s.spec.title.en.clone(),
            starts_at: jst(s.spec.starts_at),
            ends_at: jst(s.spec.ends_at),
            room_ja: s.spec.room.as_ref().map(|r| r.ja.clone()),
            room_en: s.spec.room.as_ref().map(|r| r.en.clone()),
            speaker: s.spec.speaker.clone(),
            language: s.spec.language,
            capacity: s.spec.capacity,
            seats_left: s.seats_left(),
            exclusive: s.spec.exclusive,
        }
    }
}
