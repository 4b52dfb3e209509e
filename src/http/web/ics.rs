//! Calendar downloads without personal data: one public event (`/events/{slug}.ics`) and a
//! feed of upcoming published events (`/calendar.ics?area=…`) that calendar apps subscribe to.
use crate::calendar::{self, CalendarEvent, Method};
use crate::domain::Lang;
use crate::error::AppError;
use crate::http::AppState;
use crate::services::catalogue::{self, EventListing};
use chrono::Utc;
use poem::web::{Data, Query};
use poem::{IntoResponse, Response, handler};
use serde::Deserialize;

/// The event as a calendar entry anyone may have: no meeting link, no attendees.
fn public_entry(listing: &EventListing, public_url: &str, host: &str, lang: Lang) -> CalendarEvent {
    let spec = &listing.event.spec;
    let url = format!("{}/events/{}", public_url.trim_end_matches('/'), spec.slug);
    CalendarEvent {
        uid: format!("event-{}@{host}", spec.slug),
        // Seconds since 1970 only grow: every change outranks the copy a calendar holds.
        sequence: u32::try_from(listing.event.updated_at.timestamp()).unwrap_or(0),
        summary: spec.title.get(lang).to_owned(),
        description: format!(
            "{}\n\n{}\n{url}",
            spec.description.get(lang),
            listing.partner_line(lang)
        ),
        location: Some(match &spec.venue {
            Some(v) => format!("{} {}", v.name(lang), v.address(lang)),
            None => lang.pick("オンライン", "Online").to_owned(),
        }),
        url: Some(url),
        starts_at: spec.starts_at,
        ends_at: spec.ends_at,
        organizer: None,
        attendees: Vec::new(),
        cancelled: listing.event.status == crate::domain::EventStatus::Cancelled,
        stamp: Utc::now(),
    }
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
    let entry = public_entry(
        &listing,
        &state.settings.server.public_url,
        &state.settings.public_host(),
        lang,
    );
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
    let entries: Vec<CalendarEvent> = listings
        .iter()
        .map(|l| public_entry(l, &state.settings.server.public_url, &host, lang))
        .collect();
    Ok(calendar_response(
        calendar::render(Method::Publish, &entries),
        "uketsuke.ics",
    ))
}
