//! For load balancers and orchestrators.
use super::AppState;
use poem::{handler, http::StatusCode, web::Data};

/// The process is up.
#[handler]
pub fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: its database answers, and mail is flowing — no due message has
/// waited longer than `mail.stall_secs`, whichever process runs the worker. A worker that died
/// or hangs is an incident even while every page still loads.
#[handler]
pub async fn readyz(state: Data<&AppState>) -> (StatusCode, String) {
    if let Err(err) = crate::store::ping(&state.db).await {
        tracing::warn!(error = %err, "database not reachable");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable".to_owned(),
        );
    }
    let now = chrono::Utc::now();
    match crate::store::outbox::oldest_due(&state.db, now).await {
        Ok(Some(since)) if (now - since).num_seconds() > state.settings.mail.stall_secs as i64 => {
            let waited = (now - since).num_seconds();
            tracing::error!(waited, "mail delivery stalled");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "mail worker stalled: a due message has waited {waited} s (due since {})",
                    since.to_rfc3339()
                ),
            )
        }
        Ok(_) => (StatusCode::OK, "ready".to_owned()),
        Err(err) => {
            tracing::warn!(error = %err, "outbox not readable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable".to_owned(),
            )
        }
    }
}
