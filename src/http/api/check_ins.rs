//! Checking attendees in through the API: a door device that scans the QR code of a
//! confirmation email, or staff who pick an attendee from the roster. The same rules as the
//! door page: only confirmed, active attendees; a second check-in keeps the first time.
use super::{ApiTags, OrganizerToken};
use crate::domain::ValidationErrors;
use crate::error::AppError;
use crate::http::AppState;
use crate::services::backoffice;
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Asia::Tokyo;
use poem::web::Data;
use poem_openapi::{Object, OpenApi, param::Path, payload::Json};

pub struct CheckInsApi;

/// Who arrived: the attendee's id (from the roster), or the code of their QR code (the part of
/// the scanned address after `/admin/scan/`). One of the two.
#[derive(Object)]
#[oai(rename = "CheckInRequest", skip_serializing_if_is_none)]
pub struct CheckInBody {
    pub attendee_id: Option<i64>,
    pub code: Option<String>,
    /// Also at this session of the event (the attendee must hold a place there).
    pub session_id: Option<i64>,
}

/// An attendee as checked in.
#[derive(Object)]
#[oai(rename = "CheckIn", skip_serializing_if_is_none)]
pub struct CheckInResult {
    pub attendee_id: i64,
    pub registration_id: i64,
    pub name: String,
    pub company: Option<String>,
    /// When they were first checked in (Japan time).
    pub checked_in_at: DateTime<FixedOffset>,
}

#[OpenApi(tag = "ApiTags::Organizer")]
impl CheckInsApi {
    /// Checks an attendee in at the event (and at one of its sessions). Needs a role that may
    /// check in at this event (door staff, organizers, co-hosts). 409 `not_confirmed` for an
    /// attendee who holds no seat; 404 for an attendee or code of another event.
    #[oai(
        path = "/events/:slug/check-ins",
        method = "post",
        operation_id = "check_in"
    )]
    async fn check_in(
        &self,
        state: Data<&AppState>,
        token: OrganizerToken,
        slug: Path<String>,
        body: Json<CheckInBody>,
    ) -> Result<Json<CheckInResult>, AppError> {
        let body = body.0;
        let attendee_id = match (body.attendee_id, body.code.as_deref()) {
            (Some(id), None) => id,
            (None, Some(code)) => state
                .links
                .verify_checkin(code.trim())
                .ok_or(AppError::NotFound)?,
            _ => {
                return Err(ValidationErrors::single("attendee_id", "attendee_or_code").into());
            }
        };
        let e = backoffice::event(&state.db, &token.0, &slug.0).await?;
        let row = backoffice::check_in(
            &state.db,
            &token.0,
            &e,
            attendee_id,
            body.session_id,
            Utc::now(),
        )
        .await?;
        let at = row.checked_in_at.ok_or(AppError::NotFound)?;
        Ok(Json(CheckInResult {
            attendee_id: row.attendee_id,
            registration_id: row.registration_id,
            name: row.name,
            company: row.company,
            checked_in_at: at.with_timezone(&Tokyo).fixed_offset(),
        }))
    }
}
