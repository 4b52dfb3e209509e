//! The one error type of uketsuke. Services return it with codes and the values their messages
//! need; the HTTP layer maps it to a status and, once, to words in the reader's language
//! (`http::error_words`, from `locales/<tag>/errors.ftl`).
use crate::domain::ValidationErrors;
use crate::domain::validation::ErrorArgs;
use poem::http::StatusCode;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input breaks a rule; every broken rule is listed per field.
    #[error(transparent)]
    Validation(#[from] ValidationErrors),
    #[error("not found")]
    NotFound,
    #[error("authentication required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    /// The request is valid but clashes with the current state (a slug taken, an event
    /// already cancelled).
    #[error("conflict: {code}")]
    Conflict { code: &'static str, args: ErrorArgs },
    /// The thing exists but its time is over (registration closed, event cancelled).
    #[error("gone: {code}")]
    Gone { code: &'static str, args: ErrorArgs },
    /// The request body is larger than we accept.
    #[error("payload too large")]
    TooLarge,
    /// The request cannot be read as text at all (bytes that are not UTF-8, a NUL where no
    /// field check saw it): no field to point at, so the whole request is refused.
    #[error("bad request: {code}")]
    BadRequest { code: &'static str, args: ErrorArgs },
    /// Our fault. The cause is logged; the user sees a generic message.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn conflict(code: &'static str, args: ErrorArgs) -> Self {
        AppError::Conflict { code, args }
    }

    pub fn gone(code: &'static str, args: ErrorArgs) -> Self {
        AppError::Gone { code, args }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::Gone { .. } => StatusCode::GONE,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable, machine-readable code. Clients may branch on it; never change one.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Validation(_) => "validation_failed",
            AppError::NotFound => "not_found",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::Conflict { code, .. }
            | AppError::Gone { code, .. }
            | AppError::BadRequest { code, .. } => code,
            AppError::TooLarge => "payload_too_large",
            AppError::Internal(_) => "internal_error",
        }
    }
}

impl AppError {
    /// Text the domain's checks would have refused reached the database anyway.
    pub fn control_character() -> Self {
        AppError::BadRequest {
            code: "control_character",
            args: Vec::new(),
        }
    }

    /// A form whose bytes are not UTF-8: no browser sends one for a UTF-8 page.
    pub fn not_utf8() -> Self {
        AppError::BadRequest {
            code: "invalid_encoding",
            args: Vec::new(),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        // The last line of defence for text no check saw: PostgreSQL refuses a NUL in text
        // (SQLSTATE 22021). It is the sender's input, not our fault, so never a 500.
        if err
            .to_string()
            .contains("invalid byte sequence for encoding")
        {
            tracing::warn!(error = %err, "text with a NUL reached the database");
            return AppError::control_character();
        }
        AppError::Internal(err.into())
    }
}
