use super::types::{EventBody, EventCreateBody, EventListBody, EventPatchBody, OrganizerEventBody};
use super::{ApiTags, OrganizerToken};
use crate::domain::{EventFormat, EventKind, ProgrammeArea};
use crate::error::AppError;
use crate::http::AppState;
use crate::services::catalogue::{self, CatalogueFilter, EventListing, Month};
use crate::services::events;
use chrono::Utc;
use poem::web::Data;
use poem_openapi::{ApiResponse, OpenApi, param::Path, param::Query, payload::Json};

pub struct EventsApi;

/// What an organizer gets back after touching an event.
fn organizer_view(state: &AppState, listing: &EventListing) -> Json<OrganizerEventBody> {
    Json(OrganizerEventBody::new(
        listing,
        &state.settings.server.public_url,
        Utc::now(),
    ))
}

#[derive(ApiResponse)]
enum Created {
    /// The event was created as a draft.
    #[oai(status = 201)]
    Created(Json<OrganizerEventBody>),
}

#[OpenApi(tag = "ApiTags::Events")]
impl EventsApi {
    /// The catalogue: published events that have not ended, soonest first.
    #[allow(clippy::too_many_arguments)] // one argument per documented query parameter
    #[oai(path = "/events", method = "get", operation_id = "list_events")]
    async fn list(
        &self,
        state: Data<&AppState>,
        programme_area: Query<Option<ProgrammeArea>>,
        kind: Query<Option<EventKind>>,
        format: Query<Option<EventFormat>>,
        /// A month in Tokyo time, `YYYY-MM`.
        #[oai(validator(pattern = r"^\d{4}-(0[1-9]|1[0-2])$"))]
        month: Query<Option<String>>,
        /// Words to find in the title, description or venue.
        #[oai(validator(max_length = 200))]
        q: Query<Option<String>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "100000")))] page: Query<Option<u64>>,
    ) -> Result<Json<EventListBody>, AppError> {
        let filter = CatalogueFilter {
            programme_area: programme_area.0,
            kind: kind.0,
            format: format.0,
            month: month.0.as_deref().and_then(Month::parse),
            text: q.0,
        };
        let now = Utc::now();
        let page = catalogue::list(&state.db, &filter, now, page.0.unwrap_or(1)).await?;
        let url = &state.settings.server.public_url;
        Ok(Json(EventListBody {
            events: page
                .listings
                .iter()
                .map(|l| EventBody::new(l, url, now))
                .collect(),
            total: page.total,
            page: page.page,
            per_page: page.per_page,
        }))
    }

    /// One published (or cancelled) event. Drafts are not found.
    #[oai(path = "/events/:slug", method = "get", operation_id = "get_event")]
    async fn get(
        &self,
        state: Data<&AppState>,
        slug: Path<String>,
    ) -> Result<Json<EventBody>, AppError> {
        let listing = catalogue::get_public(&state.db, &slug.0).await?;
        Ok(Json(EventBody::new(
            &listing,
            &state.settings.server.public_url,
            Utc::now(),
        )))
    }

    /// Creates a draft event of the token's organization, which becomes its organizer.
    #[oai(
        path = "/events",
        method = "post",
        operation_id = "create_event",
        tag = "ApiTags::Organizer"
    )]
    async fn create(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        body: Json<EventCreateBody>,
    ) -> Result<Created, AppError> {
        let now = Utc::now();
        let listing = events::create(&state.db, &auth.0, body.0.into(), now).await?;
        Ok(Created::Created(organizer_view(&state, &listing)))
    }

    /// Changes an event of the token's organization. The whole event is checked again.
    #[oai(
        path = "/events/:slug",
        method = "patch",
        operation_id = "update_event",
        tag = "ApiTags::Organizer"
    )]
    async fn update(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        body: Json<EventPatchBody>,
    ) -> Result<Json<OrganizerEventBody>, AppError> {
        let now = Utc::now();
        let (change, cleared) = body.0.into_change();
        let listing = events::update(&state.db, &auth.0, &slug.0, change, &cleared, now).await?;
        Ok(organizer_view(&state, &listing))
    }

    /// Shows a draft event in the catalogue.
    #[oai(
        path = "/events/:slug/publish",
        method = "post",
        operation_id = "publish_event",
        tag = "ApiTags::Organizer"
    )]
    async fn publish(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
    ) -> Result<Json<OrganizerEventBody>, AppError> {
        let now = Utc::now();
        let listing = events::publish(&state.db, &auth.0, &slug.0, now).await?;
        Ok(organizer_view(&state, &listing))
    }

    /// Cancels an event. Its page stays, marked cancelled.
    #[oai(
        path = "/events/:slug/cancel",
        method = "post",
        operation_id = "cancel_event",
        tag = "ApiTags::Organizer"
    )]
    async fn cancel(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
    ) -> Result<Json<OrganizerEventBody>, AppError> {
        let now = Utc::now();
        let listing = events::cancel(&state.db, &auth.0, &slug.0, now).await?;
        Ok(organizer_view(&state, &listing))
    }

    /// Every event of the token's organization, drafts and cancelled ones included.
    #[oai(
        path = "/organizer/events",
        method = "get",
        operation_id = "list_own_events",
        tag = "ApiTags::Organizer"
    )]
    async fn list_own(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
    ) -> Result<Json<Vec<OrganizerEventBody>>, AppError> {
        let now = Utc::now();
        let listings = events::list_own(&state.db, &auth.0).await?;
        let url = &state.settings.server.public_url;
        Ok(Json(
            listings
                .iter()
                .map(|l| OrganizerEventBody::new(l, url, now))
                .collect(),
        ))
    }

    /// One event of the token's organization, whatever its status.
    #[oai(
        path = "/organizer/events/:slug",
        method = "get",
        operation_id = "get_own_event",
        tag = "ApiTags::Organizer"
    )]
    async fn get_own(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
    ) -> Result<Json<OrganizerEventBody>, AppError> {
        let listing = events::get_own(&state.db, &auth.0, &slug.0).await?;
        Ok(organizer_view(&state, &listing))
    }
}
