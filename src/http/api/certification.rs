//! A certification call's categories and validity: `GET` for anyone (a published call), `PUT`
//! for its organizers.
use super::{ApiTags, OrganizerToken};
use crate::domain::{CallInput, CategoryInput};
use crate::error::AppError;
use crate::http::AppState;
use crate::services::{catalogue, certification};
use chrono::NaiveDate;
use poem::web::Data;
use poem_openapi::{Object, OpenApi, param::Path, payload::Json};

pub struct CertificationApi;

/// One category of a call.
#[derive(Object)]
#[oai(rename = "CertificationCategory")]
pub struct CategoryBody {
    /// Lower-case letters, digits, `_` and `-`; 1–32 characters.
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
}

/// A call's categories, in order, and the days (Tokyo) its certificates hold.
#[derive(Object)]
#[oai(rename = "CertificationCall")]
pub struct CallBody {
    pub categories: Vec<CategoryBody>,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
}

impl From<crate::domain::Call> for CallBody {
    fn from(c: crate::domain::Call) -> Self {
        CallBody {
            categories: c
                .categories
                .into_iter()
                .map(|x| CategoryBody {
                    code: x.code,
                    name_ja: x.name.ja,
                    name_en: x.name.en,
                })
                .collect(),
            valid_from: c.valid_from,
            valid_until: c.valid_until,
        }
    }
}

#[OpenApi(tag = "ApiTags::Organizer")]
impl CertificationApi {
    /// The categories and validity of a published certification call.
    #[oai(
        path = "/events/:slug/certification",
        method = "get",
        operation_id = "get_certification_call",
        tag = "ApiTags::Events"
    )]
    async fn get(
        &self,
        state: Data<&AppState>,
        slug: Path<String>,
    ) -> Result<Json<CallBody>, AppError> {
        let listing = catalogue::get_public(&state.db, &slug.0).await?;
        let call = certification::call_of(&state.db, &listing)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(Json(call.into()))
    }

    /// Sets a certification call's categories and validity (all of them: what is not sent
    /// is removed). Errors name `categories.{i}.code`, `valid_until`, …
    #[oai(
        path = "/events/:slug/certification",
        method = "put",
        operation_id = "set_certification_call"
    )]
    async fn set(
        &self,
        state: Data<&AppState>,
        auth: OrganizerToken,
        slug: Path<String>,
        body: Json<CallBody>,
    ) -> Result<Json<CallBody>, AppError> {
        let input = CallInput {
            categories: body
                .0
                .categories
                .into_iter()
                .map(|c| CategoryInput {
                    code: Some(c.code),
                    name_ja: Some(c.name_ja),
                    name_en: Some(c.name_en),
                })
                .collect(),
            valid_from: Some(body.0.valid_from),
            valid_until: Some(body.0.valid_until),
        };
        let call = certification::set_call(&state.db, &auth.0, &slug.0, input).await?;
        Ok(Json(call.into()))
    }
}
