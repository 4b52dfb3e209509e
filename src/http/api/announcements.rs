//! Organizer announcements to an event's registrants.
use super::{ApiTags, OrganizerToken};
use crate::domain::announcement::{Announcement, AnnouncementInput};
use crate::error::AppError;
use crate::http::AppState;
use crate::services::announcements;
use chrono::{DateTime, FixedOffset, Utc};
use poem::web::Data;
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};

pub struct AnnouncementsApi;

/// A message to the event's registrants. Japanese is required; without English, registrants
/// who chose English get the Japanese text with an English frame.
#[derive(Debug, Object)]
#[oai(rename = "AnnouncementCreate", skip_serializing_if_is_none)]
pub struct AnnouncementCreateBody {
    /// One line, at most 150 characters.
    pub subject_ja: String,
    /// Plain text, at most 10,000 characters; line breaks are kept.
    pub body_ja: String,
    pub subject_en: Option<String>,
    pub body_en: Option<String>,
    /// Also tell those on the waiting list (default: confirmed registrations only).
    pub include_waitlisted: Option<bool>,
}

#[derive(Debug, Object)]
#[oai(rename = "Announcement", skip_serializing_if_is_none)]
pub struct AnnouncementBody {
    pub id: i64,
    pub subject_ja: String,
    pub body_ja: String,
    pub subject_en: Option<String>,
    pub body_en: Option<String>,
    pub include_waitlisted: bool,
    /// Emails queued: contacts and attendee copies, less those who stopped announcements.
    /// Their delivery shows in `GET /events/{slug}/messages`.
    pub recipients: u32,
    pub created_at: DateTime<FixedOffset>,
}

impl From<Announcement> for AnnouncementBody {
    fn from(a: Announcement) -> Self {
        let (subject_en, body_en) = a.spec.english.unzip();
        AnnouncementBody {
            id: a.id,
            subject_ja: a.spec.subject_ja,
            body_ja: a.spec.body_ja,
            subject_en,
            body_en,
            include_waitlisted: a.spec.include_waitlisted,
            recipients: a.recipients,
            created_at: a
                .created_at
                .with_timezone(&chrono_tz::Asia::Tokyo)
                .fixed_offset(),
        }
    }
}

#[derive(ApiResponse)]
enum Announced {
    /// Stored, and queued for every recipient in one transaction.
    #[oai(status = 202)]
    Accepted(Json<AnnouncementBody>),
}

#[OpenApi(tag = "ApiTags::Organizer")]
impl AnnouncementsApi {
    /// Sends an announcement to the event's registrants by email.
    #[oai(
        path = "/events/:slug/announcements",
        method = "post",
        operation_id = "announce"
    )]
    async fn announce(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        body: Json<AnnouncementCreateBody>,
    ) -> Result<Announced, AppError> {
        let b = body.0;
        let input = AnnouncementInput {
            subject_ja: Some(b.subject_ja),
            body_ja: Some(b.body_ja),
            subject_en: b.subject_en,
            body_en: b.body_en,
            include_waitlisted: b.include_waitlisted,
        };
        let sent = announcements::announce(&state.db, &auth.0, &slug.0, input, Utc::now()).await?;
        Ok(Announced::Accepted(Json(sent.into())))
    }

    /// The event's announcements, newest first.
    #[oai(
        path = "/events/:slug/announcements",
        method = "get",
        operation_id = "list_announcements"
    )]
    async fn list(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
    ) -> Result<Json<Vec<AnnouncementBody>>, AppError> {
        let list = announcements::list(&state.db, &auth.0, &slug.0).await?;
        Ok(Json(list.into_iter().map(Into::into).collect()))
    }
}
