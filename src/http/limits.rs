//! Request bodies over a sane size are refused with 413 before anyone parses them, whether the
//! client declares the length or streams the body in chunks.
use crate::error::AppError;
use poem::{Body, Endpoint, IntoResponse, Request, Response, Result};

/// Big enough for a registration of 50 attendees with long answers; far below what hurts.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

pub async fn limit_body<E: Endpoint>(next: E, mut req: Request) -> Result<Response> {
    let declared = req
        .header("content-length")
        .and_then(|v| v.parse::<usize>().ok());
    match declared {
        Some(n) if n > MAX_BODY_BYTES => return Err(too_large()),
        Some(_) => {}
        None if req.header("transfer-encoding").is_some() => {
            let body = req.take_body();
            let bytes = body
                .into_bytes_limit(MAX_BODY_BYTES)
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
