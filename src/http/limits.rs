//! Request bodies over a sane size are refused with 413 before anyone parses them, whether the
//! client declares the length or streams the body in chunks.
use crate::error::AppError;
use poem::{Body, Endpoint, IntoResponse, Request, Response, Result};

/// Big enough for a registration of 50 attendees with long answers; far below what hurts.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

pub async fn limit_body<E: Endpoint>(next: E, mut req: Request) -> Result<Response> {
    // A page's form with files (a certification application's documents) may be larger; its
    // reader limits each file and the text.
    let limit = if !req.uri().path().starts_with("/api/") && crate::http::web::is_multipart(&req) {
        crate::http::web::MAX_UPLOAD_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    };
    let declared = req
        .header("content-length")
        .and_then(|v| v.parse::<usize>().ok());
    match declared {
        Some(n) if n > limit => return Err(too_large()),
        Some(_) => {}
        None if req.header("transfer-encoding").is_some() => {
            let body = req.take_body();
            let bytes = body
                .into_bytes_limit(limit)
                .await
                .map_err(|_| too_large())?;
            req.set_body(Body::from(bytes));
        }
        None => {}
    }
    Ok(next.call(req).await?.into_response())
}

fn too_large() -> poem::Error {
    AppError::TooLarge.into()
}
