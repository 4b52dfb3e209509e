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
    let unavailable = |reason: String| (StatusCode::SERVICE_UNAVAILABLE, reason);
    let now = chrono::Utc::now();
    let oldest_due = match crate::store::ping(&state.db).await {
        Ok(()) => crate::store::outbox::oldest_due(&state.db, now).await,
        Err(err) => Err(err),
    };
    match oldest_due {
        Err(err) => {
            tracing::warn!(error = %err, "database not reachable");
            unavailable("database unavailable".to_owned())
        }
        Ok(Some(since)) if (now - since).num_seconds() > state.settings.mail.stall_secs as i64 => {
            let waited = (now - since).num_seconds();
            tracing::error!(waited, "mail delivery stalled");
            unavailable(format!(
                "mail worker stalled: a due message has waited {waited} s (due since {})",
                since.to_rfc3339()
            ))
        }
        Ok(_) => (StatusCode::OK, "ready".to_owned()),
    }
}
