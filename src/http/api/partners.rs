use super::types::{PartnerBody, PartnerInviteBody};
use super::{ApiTags, OrganizerToken};
use crate::error::AppError;
use crate::http::AppState;
use crate::services::partners;
use chrono::Utc;
use poem::web::Data;
use poem_openapi::{ApiResponse, OpenApi, param::Path, payload::Json};

pub struct PartnersApi;

#[derive(ApiResponse)]
enum Invited {
    /// The organization was asked; the request waits for its answer. All partners follow.
    #[oai(status = 201)]
    Created(Json<Vec<PartnerBody>>),
}

#[OpenApi(tag = "ApiTags::Partners")]
impl PartnersApi {
    /// Asks an organization to take a role (co-host, backing, cooperation, publicity).
    #[oai(
        path = "/events/:slug/partners",
        method = "post",
        operation_id = "invite_partner"
    )]
    async fn invite(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        body: Json<PartnerInviteBody>,
    ) -> Result<Invited, AppError> {
        let list = partners::invite(
            &state.db,
            &auth.0,
            &slug.0,
            &body.organization,
            body.role,
            body.note.as_deref(),
            Utc::now(),
        )
        .await?;
        Ok(Invited::Created(Json(
            list.iter().map(PartnerBody::from).collect(),
        )))
    }

    /// The asked organization grants the role. Only its own users can.
    #[oai(
        path = "/events/:slug/partners/:organization/approve",
        method = "post",
        operation_id = "approve_partner"
    )]
    async fn approve(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        organization: Path<String>,
    ) -> Result<Json<Vec<PartnerBody>>, AppError> {
        let list = partners::decide(
            &state.db,
            &auth.0,
            &slug.0,
            &organization.0,
            true,
            Utc::now(),
        )
        .await?;
        Ok(Json(list.iter().map(PartnerBody::from).collect()))
    }

    /// The asked organization declines the role.
    #[oai(
        path = "/events/:slug/partners/:organization/decline",
        method = "post",
        operation_id = "decline_partner"
    )]
    async fn decline(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        organization: Path<String>,
    ) -> Result<Json<Vec<PartnerBody>>, AppError> {
        let list = partners::decide(
            &state.db,
            &auth.0,
            &slug.0,
            &organization.0,
            false,
            Utc::now(),
        )
        .await?;
        Ok(Json(list.iter().map(PartnerBody::from).collect()))
    }
}
