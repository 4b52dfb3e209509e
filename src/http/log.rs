//! One log line per request, with a request id that is also returned to the client
//! (`x-request-id`) so an operator can find the line a user reports. Paths are logged without
//! their query string: search words and, later, secret links stay out of the logs.
use poem::{Endpoint, IntoResponse, Request, Response, Result};
use rand::Rng;
use std::time::Instant;
use tracing::Instrument;

pub async fn log_request<E: Endpoint>(next: E, req: Request) -> Result<Response> {
    let request_id = format!("{:016x}", rand::rng().random::<u64>());
    let method = req.method().clone();
    let path = redact_path(req.uri().path());
    let span = tracing::info_span!("request", id = %request_id, %method, path = %path);
    let started = Instant::now();
    async move {
        let result = next.call(req).await;
        let mut response = match result {
            Ok(r) => r.into_response(),
            Err(err) => err.into_response(),
        };
        let status = response.status().as_u16();
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        if status >= 500 {
            tracing::error!(status, elapsed_ms, "request failed");
        } else {
            tracing::info!(status, elapsed_ms, "request");
        }
        if let Ok(value) = request_id.parse() {
            response.headers_mut().insert("x-request-id", value);
        }
        Ok(response)
    }
    .instrument(span)
    .await
}

/// Secret path segments (manage-link tokens: 32 hex characters) must never reach a log.
fn redact_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if crate::services::links::ManageLinks::is_well_formed(segment) {
                "***"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    #[test]
    fn manage_tokens_are_redacted() {
        let token = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            super::redact_path(&format!("/r/{token}/cancel")),
            "/r/***/cancel"
        );
        assert_eq!(
            super::redact_path(&format!("/api/v1/registrations/{token}")),
            "/api/v1/registrations/***"
        );
        assert_eq!(super::redact_path("/events/x"), "/events/x");
    }
}
