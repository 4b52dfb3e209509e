//! The one error type of uketsuke. Services return it; the HTTP layer maps it to a status and
//! a message in the user's language once (see `http::api::error` and `http::web::error`).
use crate::domain::{Language, ValidationErrors};
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
    /// The request cannot be read as text at all (bytes that are not UTF-8, a NUL where no
    /// field check saw it): no field to point at, so the whole request is refused.
    #[error("bad request: {code}")]
    BadRequest {
        code: &'static str,
        message_ja: String,
        message_en: String,
    },
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

    pub fn message(&self, lang: Language) -> String {
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
            }
            | AppError::BadRequest {
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

impl AppError {
    /// Text the domain's checks would have refused reached the database anyway.
    pub fn control_character() -> Self {
        AppError::BadRequest {
            code: "control_character",
            message_ja: "使用できない文字（制御文字など）が含まれています。取り除いてから送信してください。"
                .into(),
            message_en:
                "What was sent contains a character that cannot be used (a control character); remove it and send again."
                    .into(),
        }
    }

    /// A form whose bytes are not UTF-8: no browser sends one for a UTF-8 page.
    pub fn not_utf8() -> Self {
        AppError::BadRequest {
            code: "invalid_encoding",
            message_ja: "送信内容に文字として読めないデータ（UTF-8ではないバイト列）が含まれていたため、受け付けていません。ブラウザの「戻る」で入力画面に戻り、文字化けしている項目を入力し直してから送信してください。"
                .into(),
            message_en: "Nothing was saved: what was sent contains bytes that are not UTF-8 text. Go back in your browser to the form, type the garbled field again and send it."
                .into(),
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
