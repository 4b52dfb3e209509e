//! Errors as JSON: `{"code": "...", "message": "...", "fields": [...]}`. Every failure of the
//! API, ours or poem's (bad JSON, unknown route, missing token), leaves in this shape, with the
//! message in the language of `Accept-Language`.
use crate::error::AppError;
use crate::i18n::Lang;
use poem::error::ResponseError;
use poem::http::StatusCode;
use poem::{Endpoint, IntoResponse, Request, Response};
use poem_openapi::registry::{MetaResponses, Registry};
use poem_openapi::{ApiResponse, Object, payload::Json};

#[derive(Debug, Object)]
#[oai(rename = "Error", skip_serializing_if_is_none)]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `validation_failed`, `not_found`, `slug_taken`.
    pub code: String,
    /// What went wrong, for people, in Japanese or English.
    pub message: String,
    /// One entry per input field that needs attention (validation errors only).
    pub fields: Vec<FieldErrorBody>,
}

#[derive(Debug, Object)]
#[oai(rename = "FieldError", skip_serializing_if_is_none)]
pub struct FieldErrorBody {
    /// The input field, as named in the request body.
    pub field: String,
    pub code: String,
    pub message: String,
}

impl ErrorBody {
    fn from_app_error(err: &AppError, lang: Lang) -> Self {
        let fields = match err {
            AppError::Validation(errors) => errors
                .fields()
                .iter()
                .map(|f| FieldErrorBody {
                    field: f.field.clone(),
                    code: f.code.to_owned(),
                    message: crate::http::error_words::field_message(f, lang),
                })
                .collect(),
            _ => Vec::new(),
        };
        ErrorBody {
            code: err.code().to_owned(),
            message: crate::http::error_words::app_message(err, lang),
            fields,
        }
    }
}

/// The error responses every operation may give; documented once, for every operation.
#[derive(ApiResponse)]
#[allow(dead_code)]
enum ErrorResponses {
    /// The request could not be read (malformed JSON, wrong types, bad parameters).
    #[oai(status = 400)]
    BadRequest(Json<ErrorBody>),
    /// No valid API token.
    #[oai(status = 401)]
    Unauthenticated(Json<ErrorBody>),
    /// The token's organization may not do this.
    #[oai(status = 403)]
    Forbidden(Json<ErrorBody>),
    #[oai(status = 404)]
    NotFound(Json<ErrorBody>),
    /// The request clashes with the current state.
    #[oai(status = 409)]
    Conflict(Json<ErrorBody>),
    /// Its time is over: registration closed, event cancelled.
    #[oai(status = 410)]
    Gone(Json<ErrorBody>),
    /// The request body is too large.
    #[oai(status = 413)]
    PayloadTooLarge(Json<ErrorBody>),
    /// The input breaks a rule; `fields` says which.
    #[oai(status = 422)]
    Unprocessable(Json<ErrorBody>),
    #[oai(status = 500)]
    Internal(Json<ErrorBody>),
}

impl ApiResponse for AppError {
    fn meta() -> MetaResponses {
        ErrorResponses::meta()
    }

    fn register(registry: &mut Registry) {
        ErrorResponses::register(registry)
    }
}

impl ResponseError for AppError {
    fn status(&self) -> StatusCode {
        AppError::status(self)
    }

    fn as_response(&self) -> Response {
        json_response(
            self.status(),
            ErrorBody::from_app_error(self, crate::i18n::Lang::default()),
        )
    }
}

fn json_response(status: StatusCode, body: ErrorBody) -> Response {
    Json(body).with_status(status).into_response()
}

/// Wraps the API: renders every error as JSON in the caller's language, and logs the cause of
/// our own failures (the client gets a generic message).
pub async fn render_errors<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    let lang = super::super::accept_language(&req);
    let err = match next.call(req).await {
        Ok(resp) => return Ok(resp.into_response()),
        Err(err) => err,
    };
    if let Some(app) = err.downcast_ref::<AppError>() {
        if let AppError::Internal(cause) = app {
            tracing::error!(error = format!("{cause:#}"), "internal error");
        }
        return Ok(json_response(
            app.status(),
            ErrorBody::from_app_error(app, lang),
        ));
    }
    let status = err.status();
    let code = match status {
        StatusCode::UNAUTHORIZED => {
            return Ok(json_response(
                status,
                ErrorBody::from_app_error(&AppError::Unauthenticated, lang),
            ));
        }
        StatusCode::NOT_FOUND => {
            return Ok(json_response(
                status,
                ErrorBody::from_app_error(&AppError::NotFound, lang),
            ));
        }
        StatusCode::PAYLOAD_TOO_LARGE => {
            return Ok(json_response(
                status,
                ErrorBody::from_app_error(&AppError::TooLarge, lang),
            ));
        }
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        s if s.is_server_error() => {
            tracing::error!(error = %err, "internal error");
            return Ok(json_response(
                status,
                ErrorBody::from_app_error(&AppError::Internal(anyhow::anyhow!("")), lang),
            ));
        }
        _ => "malformed_request",
    };
    // poem's own message says which parameter or field it could not read; it is English.
    let detail = if status.is_client_error() {
        format!(": {err}")
    } else {
        String::new()
    };
    let body = ErrorBody {
        code: code.to_owned(),
        message: format!(
            "{}{detail}",
            super::super::error_words::words(code, &Vec::new(), lang)
        ),
        fields: Vec::new(),
    };
    Ok(json_response(status, body))
}
