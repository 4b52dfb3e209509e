use super::registration_types::{
    QuestionBody, QuestionCreateBody, RegistrationBody, RegistrationChangeBody,
    RegistrationCreateBody, RegistrationListBody,
};
use super::types::{SessionBody, SessionCreateBody};
use super::{ApiTags, OrganizerToken};
use crate::error::AppError;
use crate::http::AppState;
use crate::services::{catalogue, questions, registrations, sessions};
use chrono::Utc;
use poem::web::Data;
use poem_openapi::{ApiResponse, OpenApi, param::Header, param::Path, param::Query, payload::Json};

pub struct RegistrationsApi;

#[derive(Debug, poem_openapi::Enum)]
#[oai(rename_all = "lowercase")]
enum MessageState {
    Pending,
    Sending,
    Sent,
    Failed,
}

/// One email in an event's delivery log.
#[derive(Debug, poem_openapi::Object)]
#[oai(rename = "Message", skip_serializing_if_is_none)]
struct MessageBody {
    id: i64,
    registration_id: Option<i64>,
    /// confirmed, waitlisted, promoted, changed, cancelled, already_registered
    kind: String,
    recipient: String,
    status: String,
    attempts: i32,
    last_error: Option<String>,
    next_attempt_at: chrono::DateTime<chrono::FixedOffset>,
    created_at: chrono::DateTime<chrono::FixedOffset>,
    sent_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

#[derive(ApiResponse)]
enum Registered {
    /// Registered: confirmed, or waitlisted with a position, or `duplicate` when every
    /// attendee was registered for the event already (no seat is taken; the owners of the
    /// addresses are told by email). A replay with the same `Idempotency-Key` returns the
    /// first answer.
    #[oai(status = 201)]
    Created(Json<RegistrationBody>),
}

#[derive(ApiResponse)]
enum SessionAdded {
    /// The event's sessions, the new one included.
    #[oai(status = 201)]
    Created(Json<Vec<SessionBody>>),
}

#[derive(ApiResponse)]
enum QuestionAdded {
    /// The event's questions, the new one included.
    #[oai(status = 201)]
    Created(Json<Vec<QuestionBody>>),
}

fn registrant_view(state: &AppState, m: &registrations::Managed) -> Json<RegistrationBody> {
    Json(RegistrationBody::for_registrant(
        &m.registration,
        &m.event.event,
        m.waitlist_position,
        &m.manage_token,
        &state.settings.server.public_url,
    ))
}

#[OpenApi(tag = "ApiTags::Registrations")]
impl RegistrationsApi {
    /// Registers a company and its attendees (or an individual) for a published event.
    /// 409 when the event is full and keeps no waiting list; 410 when registration is closed.
    #[oai(
        path = "/events/:slug/registrations",
        method = "post",
        operation_id = "register"
    )]
    async fn register(
        &self,
        state: Data<&AppState>,
        slug: Path<String>,
        /// Makes retries safe: the same key and body return the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 190))]
        idempotency_key: Header<Option<String>>,
        body: Json<RegistrationCreateBody>,
    ) -> Result<Registered, AppError> {
        let key = idempotency_key.0.map(|k| format!("api:{k}"));
        let registered = registrations::register(
            &state.db,
            &state.links,
            &slug.0,
            body.0.into(),
            key.as_deref(),
            Utc::now(),
        )
        .await?;
        Ok(Registered::Created(Json(RegistrationBody::for_registrant(
            &registered.registration,
            &registered.event,
            registered.waitlist_position,
            &registered.manage_token,
            &state.settings.server.public_url,
        ))))
    }

    /// The questions of a published event's registration form.
    #[oai(
        path = "/events/:slug/questions",
        method = "get",
        operation_id = "list_questions"
    )]
    async fn questions(
        &self,
        state: Data<&AppState>,
        slug: Path<String>,
    ) -> Result<Json<Vec<QuestionBody>>, AppError> {
        let listing = catalogue::get_public(&state.db, &slug.0).await?;
        let list = questions::of_event(&state.db, listing.event.id).await?;
        Ok(Json(list.iter().map(QuestionBody::from).collect()))
    }

    /// A registration, by the token of its manage link.
    #[oai(
        path = "/registrations/:token",
        method = "get",
        operation_id = "get_registration"
    )]
    async fn get(
        &self,
        state: Data<&AppState>,
        token: Path<String>,
    ) -> Result<Json<RegistrationBody>, AppError> {
        let managed = registrations::by_token(&state.db, &token.0).await?;
        Ok(registrant_view(&state, &managed))
    }

    /// Changes attendees (the list replaces the current one) and/or answers.
    #[oai(
        path = "/registrations/:token",
        method = "patch",
        operation_id = "change_registration"
    )]
    async fn change(
        &self,
        state: Data<&AppState>,
        token: Path<String>,
        body: Json<RegistrationChangeBody>,
    ) -> Result<Json<RegistrationBody>, AppError> {
        let managed = registrations::change(&state.db, &token.0, body.0.into(), Utc::now()).await?;
        Ok(registrant_view(&state, &managed))
    }

    /// Cancels the whole registration. Freed seats go to the waiting list.
    #[oai(
        path = "/registrations/:token",
        method = "delete",
        operation_id = "cancel_registration"
    )]
    async fn cancel(
        &self,
        state: Data<&AppState>,
        token: Path<String>,
    ) -> Result<Json<RegistrationBody>, AppError> {
        let managed = registrations::cancel(&state.db, &token.0, None, Utc::now()).await?;
        Ok(registrant_view(&state, &managed))
    }

    /// Cancels one attendee.
    #[oai(
        path = "/registrations/:token/attendees/:attendee",
        method = "delete",
        operation_id = "cancel_attendee"
    )]
    async fn cancel_attendee(
        &self,
        state: Data<&AppState>,
        token: Path<String>,
        attendee: Path<i64>,
    ) -> Result<Json<RegistrationBody>, AppError> {
        let managed =
            registrations::cancel(&state.db, &token.0, Some(&[attendee.0]), Utc::now()).await?;
        Ok(registrant_view(&state, &managed))
    }

    /// The registrations of one of the organization's events, oldest first.
    #[oai(
        path = "/events/:slug/registrations",
        method = "get",
        operation_id = "list_registrations",
        tag = "ApiTags::Organizer"
    )]
    async fn list(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        #[oai(validator(minimum(value = "1"), maximum(value = "1000000")))] page: Query<
            Option<u64>,
        >,
        #[oai(validator(minimum(value = "1"), maximum(value = "500")))] per_page: Query<
            Option<u64>,
        >,
    ) -> Result<Json<RegistrationListBody>, AppError> {
        let (page, per_page) = (page.0.unwrap_or(1), per_page.0.unwrap_or(100));
        let (list, total) =
            registrations::list_for_organizer(&state.db, &auth.0, &slug.0, page, per_page).await?;
        Ok(Json(RegistrationListBody {
            registrations: list.iter().map(RegistrationBody::for_organizer).collect(),
            total,
            page,
            per_page,
        }))
    }

    /// One registration of one of the organization's events.
    #[oai(
        path = "/events/:slug/registrations/:id",
        method = "get",
        operation_id = "get_event_registration",
        tag = "ApiTags::Organizer"
    )]
    async fn get_one(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        id: Path<i64>,
    ) -> Result<Json<RegistrationBody>, AppError> {
        let r = registrations::get_for_organizer(&state.db, &auth.0, &slug.0, id.0).await?;
        Ok(Json(RegistrationBody::for_organizer(&r)))
    }

    /// The event's delivery log, newest first (up to 1,000): each email, its recipient, state
    /// (`pending`, `sending`, `sent`, `failed`), attempts and last error.
    #[oai(
        path = "/events/:slug/messages",
        method = "get",
        operation_id = "list_event_messages",
        tag = "ApiTags::Organizer"
    )]
    async fn messages(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        status: Query<Option<MessageState>>,
    ) -> Result<Json<Vec<MessageBody>>, AppError> {
        let state_code = status.0.map(|s| match s {
            MessageState::Pending => "pending",
            MessageState::Sending => "sending",
            MessageState::Sent => "sent",
            MessageState::Failed => "failed",
        });
        let list =
            crate::services::events::messages(&state.db, &auth.0, &slug.0, state_code).await?;
        let jst =
            |t: chrono::DateTime<Utc>| t.with_timezone(&chrono_tz::Asia::Tokyo).fixed_offset();
        Ok(Json(
            list.into_iter()
                .map(|m| MessageBody {
                    id: m.id,
                    registration_id: m.registration_id,
                    kind: m.kind,
                    recipient: m.recipient_email,
                    status: m.status,
                    attempts: m.attempts,
                    last_error: m.last_error,
                    next_attempt_at: jst(m.next_attempt_at),
                    created_at: jst(m.created_at),
                    sent_at: m.sent_at.map(jst),
                })
                .collect(),
        ))
    }

    /// Adds a question to the event's registration form.
    #[oai(
        path = "/events/:slug/questions",
        method = "post",
        operation_id = "add_question",
        tag = "ApiTags::Organizer"
    )]
    async fn add_question(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        body: Json<QuestionCreateBody>,
    ) -> Result<QuestionAdded, AppError> {
        let list = questions::add(&state.db, &auth.0, &slug.0, body.0.into()).await?;
        Ok(QuestionAdded::Created(Json(
            list.iter().map(QuestionBody::from).collect(),
        )))
    }

    /// The sessions of a published event (an EXPO's talks, a consultation desk's slots),
    /// in time order, with the seats each has left.
    #[oai(
        path = "/events/:slug/sessions",
        method = "get",
        operation_id = "list_sessions"
    )]
    async fn sessions(
        &self,
        state: Data<&AppState>,
        slug: Path<String>,
    ) -> Result<Json<Vec<SessionBody>>, AppError> {
        let listing = catalogue::get_public(&state.db, &slug.0).await?;
        let list = sessions::of_event(&state.db, listing.event.id).await?;
        Ok(Json(list.iter().map(SessionBody::from).collect()))
    }

    /// Adds a session inside the event: within its time; consultation slots (`exclusive`)
    /// and talks are not mixed in one event.
    #[oai(
        path = "/events/:slug/sessions",
        method = "post",
        operation_id = "add_session",
        tag = "ApiTags::Organizer"
    )]
    async fn add_session(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        body: Json<SessionCreateBody>,
    ) -> Result<SessionAdded, AppError> {
        let list = sessions::add(&state.db, &auth.0, &slug.0, body.0.into()).await?;
        Ok(SessionAdded::Created(Json(
            list.iter().map(SessionBody::from).collect(),
        )))
    }

    /// Removes a session nobody has picked (409 otherwise).
    #[oai(
        path = "/events/:slug/sessions/:id",
        method = "delete",
        operation_id = "remove_session",
        tag = "ApiTags::Organizer"
    )]
    async fn remove_session(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        id: Path<i64>,
    ) -> Result<Json<Vec<SessionBody>>, AppError> {
        let list = sessions::remove(&state.db, &auth.0, &slug.0, id.0).await?;
        Ok(Json(list.iter().map(SessionBody::from).collect()))
    }

    /// Removes a question; answers already given are kept.
    #[oai(
        path = "/events/:slug/questions/:id",
        method = "delete",
        operation_id = "remove_question",
        tag = "ApiTags::Organizer"
    )]
    async fn remove_question(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        id: Path<i64>,
    ) -> Result<Json<Vec<QuestionBody>>, AppError> {
        let list = questions::remove(&state.db, &auth.0, &slug.0, id.0).await?;
        Ok(Json(list.iter().map(QuestionBody::from).collect()))
    }
}
