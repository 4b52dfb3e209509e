//! The JSON API under `/api/v1`, described at `/openapi.json` and browsable at `/docs`.
mod announcements;
mod certification;
mod check_ins;
pub mod error;
mod events;
mod partners;
mod registration_types;
mod registrations;
mod types;

use super::AppState;
use crate::config::Settings;
use crate::domain::Principal;
use crate::services::accounts;
use poem::Request;
use poem_openapi::{OpenApiService, SecurityScheme, Tags, auth::Bearer};

pub type Api = (
    events::EventsApi,
    partners::PartnersApi,
    registrations::RegistrationsApi,
    announcements::AnnouncementsApi,
    certification::CertificationApi,
    check_ins::CheckInsApi,
);

pub fn service(settings: &Settings) -> OpenApiService<Api, ()> {
    OpenApiService::new(
        (
            events::EventsApi,
            partners::PartnersApi,
            registrations::RegistrationsApi,
            announcements::AnnouncementsApi,
            certification::CertificationApi,
            check_ins::CheckInsApi,
        ),
        "uketsuke API",
        env!("CARGO_PKG_VERSION"),
    )
    .description(
        "Events of the TMG/TCCI work-style reform programme. Reading published events needs \
         no token; organizer operations need `Authorization: Bearer <token>` (create one with \
         `uketsuke user add`). Errors are JSON `{code, message, fields}`; `message` follows \
         `Accept-Language` (ja or en, Japanese by default).",
    )
    .server(format!(
        "{}/api/v1",
        settings.server.public_url.trim_end_matches('/')
    ))
}

/// The OpenAPI document, for snapshot tests and tooling.
pub fn spec_json(settings: &Settings) -> String {
    service(settings).spec()
}

#[derive(Tags)]
enum ApiTags {
    /// Published events: the public catalogue.
    Events,
    /// An organizer's own events: create, change, publish, cancel.
    Organizer,
    /// Partner organizations and their roles (co-host, backing, cooperation, publicity).
    Partners,
    /// Registering, and managing a registration through its manage link.
    Registrations,
}

/// An organizer's API token, sent as `Authorization: Bearer uk_…`.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", checker = "organizer_from_token")]
struct OrganizerToken(Principal);

async fn organizer_from_token(req: &Request, bearer: Bearer) -> poem::Result<Principal> {
    let state = req
        .data::<AppState>()
        .expect("AppState is attached to every route");
    Ok(accounts::authenticate_token(&state.db, &bearer.token).await?)
}
