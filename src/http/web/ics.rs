//! Calendar downloads without personal data: one public event (`/events/{slug}.ics`) and a
//! feed of upcoming published events (`/calendar.ics?area=…`) that calendar apps subscribe to.
use crate::calendar::{self, CalendarEvent, Method, Person};
use crate::error::AppError;
use crate::http::AppState;
use crate::http::web::lang::PageLang;
use crate::i18n::Lang;
use crate::services::{catalogue, joins, registrations};
use chrono::Utc;
use poem::web::{Data, Path, Query};
use poem::{IntoResponse, Response, handler};
use serde::Deserialize;

fn site<'a>(state: &'a AppState, host: &'a str) -> calendar::Site<'a> {
    calendar::Site {
        public_url: state.settings.server.public_url.trim_end_matches('/'),
        host,
    }
}

/// `/r/{token}/calendar.ics`: the registrant's own entry, with the meeting link, under the
/// same UID as the invitations they were sent, so importing it replaces rather than adds.
#[handler]
pub async fn registration_ics(
    state: Data<&AppState>,
    Path(token): Path<String>,
    lang: PageLang,
) -> Result<Response, AppError> {
    let managed = registrations::by_token(&state.db, &token).await?;
    let r = &managed.registration;
    if !r.participation.has_calendar_entry() {
        return Err(AppError::NotFound);
    }
    let lang = lang.lang;
    let host = state.settings.public_host();
    let spec = &managed.event.event.spec;
    let manage_url = format!(
        "{}/r/{token}",
        state.settings.server.public_url.trim_end_matches('/')
    );
    let sequence = registrations::calendar_sequence(&state.db, r.id).await?;
    let entry = calendar::RegistrationEntry {
        registration_id: r.id,
        recipient: Person {
            name: r.contact.name.clone(),
            email: r.contact.email.clone(),
        },
        organizer: Person {
            name: managed.event.organizer.name(lang.content()).to_owned(),
            email: state.settings.mail.from_address.clone(),
        },
        meeting_url: None,
        manage_url: Some(&manage_url),
        sequence,
        cancelled: false,
    };
    // A download shows only what the registration attends, one entry per session.
    let picks: Vec<_> = crate::domain::session::picks_for(&r.picks, None)
        .into_iter()
        .filter(|p| p.status == crate::domain::PickStatus::Confirmed)
        .collect();
    // One file with an event per session is allowed here: it is a PUBLISH (RFC 5546 §3.2.1, a
    // copy to keep, asking nothing and naming no attendees), not a scheduling message, and
    // calendar apps import each VEVENT under its own UID, the UIDs the invitations used.
    let meeting_url = crate::domain::session::meeting_link(spec.online_url.as_deref(), &picks)
        .filter(|_| r.participation.gets_meeting_link());
    // Online attendance: the personal join link where the meeting link stood, as in the
    // contact's emails (one attendee: theirs; several: none here, as a calendar entry holds one
    // link; the manage page and the emails list each attendee's).
    let meeting_url = if joins::offered(spec.format, &r.participation) {
        let mut covered = joins::covered(r, None);
        match (meeting_url, covered.next(), covered.next()) {
            (Some(_), Some(a), None) => Some(joins::link(
                &state.links,
                &state.settings.server.public_url,
                a.id,
            )),
            _ => None,
        }
    } else {
        meeting_url
    };
    let entry = calendar::RegistrationEntry {
        meeting_url: meeting_url.as_deref(),
        ..entry
    };
    let events =
        calendar::registration_entries(&managed.event, entry, &picks, &site(&state, &host), lang);
    Ok(calendar_response(
        calendar::render(Method::Publish, &events),
        &format!("{}.ics", spec.slug),
    ))
}

fn calendar_response(body: String, filename: &str) -> Response {
    body.with_content_type("text/calendar; charset=utf-8")
        .with_header(
            "content-disposition",
            format!("inline; filename=\"{filename}\""),
        )
        .into_response()
}

/// `/events/{slug}.ics`
pub async fn event_ics(state: &AppState, slug: &str, lang: Lang) -> Result<Response, AppError> {
    let listing = catalogue::get_public(&state.db, slug).await?;
    // A campaign or a declaration scheme runs for months: nothing to block in a calendar.
    if !crate::domain::Shape::timed(listing.event.spec.kind) {
        return Err(AppError::NotFound);
    }
    let host = state.settings.public_host();
    let entry = calendar::public_entry(&listing, &site(state, &host), lang);
    Ok(calendar_response(
        calendar::render(Method::Publish, &[entry]),
        &format!("{slug}.ics"),
    ))
}

#[derive(Deserialize)]
pub struct FeedParams {
    area: Option<String>,
    lang: Option<String>,
}

/// `/calendar.ics`: upcoming published events, optionally of one programme area.
#[handler]
pub async fn feed(
    state: Data<&AppState>,
    Query(params): Query<FeedParams>,
) -> Result<Response, AppError> {
    let lang = params
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default();
    let area = params.area.as_deref().and_then(|a| a.parse().ok());
    let listings = catalogue::upcoming(&state.db, area, Utc::now()).await?;
    let host = state.settings.public_host();
    let site = site(&state, &host);
    let entries: Vec<CalendarEvent> = listings
        .iter()
        .filter(|l| crate::domain::Shape::timed(l.event.spec.kind))
        .map(|l| calendar::public_entry(l, &site, lang))
        .collect();
    Ok(calendar_response(
        calendar::render(Method::Publish, &entries),
        "uketsuke.ics",
    ))
}
