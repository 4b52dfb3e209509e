//! The one error type of uketsuke. Services return it; the HTTP layer maps it to a status and
//! a message in the user's language once (see `http::api::error` and `http::web::error`).
use crate::domain::{Lang, ValidationErrors};
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
    Conflict {
        code: &'static str,
        message_ja: String,
        message_en: String,
    },
    /// The thing exists but its time is over (registration closed, event cancelled).
    #[error("gone: {code}")]
    Gone {
        code: &'static str,
        message_ja: String,
        message_en: String,
    },
    /// The request body is larger than we accept.
    #[error("payload too large")]
    TooLarge,
    /// Our fault. The cause is logged; the user sees a generic message.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn conflict(code: &'static str, ja: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::Conflict {
            code,
            message_ja: ja.into(),
            message_en: en.into(),
        }
    }

    pub fn gone(code: &'static str, ja: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::Gone {
            code,
            message_ja: ja.into(),
            message_en: en.into(),
        }
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
            AppError::Conflict { code, .. } | AppError::Gone { code, .. } => code,
            AppError::TooLarge => "payload_too_large",
            AppError::Internal(_) => "internal_error",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let (ja, en) = match self {
            AppError::Validation(_) => (
                "入力内容に誤りがあります。各項目のメッセージをご確認ください。",
                "Some fields need attention; see the message for each field.",
            ),
            AppError::NotFound => (
                "お探しのページまたはデータは見つかりませんでした。",
                "What you are looking for was not found.",
            ),
            AppError::Unauthenticated => (
                "認証が必要です。有効なAPIトークンを Authorization: Bearer で送ってください。",
                "Authentication required: send a valid API token as Authorization: Bearer.",
            ),
            AppError::Forbidden => (
                "この操作を行う権限がありません。",
                "You are not allowed to do this.",
            ),
            AppError::Conflict {
                message_ja,
                message_en,
                ..
            }
            | AppError::Gone {
                message_ja,
                message_en,
                ..
            } => return lang.pick(message_ja, message_en).to_owned(),
            AppError::TooLarge => (
                "送信された内容が大きすぎます。",
                "What was sent is too large.",
            ),
            AppError::Internal(_) => (
                "システムエラーが発生しました。時間をおいて再度お試しください。",
                "Something went wrong on our side. Please try again later.",
            ),
        };
        lang.pick(ja, en).to_owned()
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::Internal(err.into())
    }
}
