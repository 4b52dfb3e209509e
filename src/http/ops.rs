//! For load balancers and orchestrators.
use super::AppState;
use poem::{handler, http::StatusCode, web::Data};

/// The process is up.
#[handler]
pub fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: its database answers.
#[handler]
pub async fn readyz(state: Data<&AppState>) -> (StatusCode, &'static str) {
    match crate::store::ping(&state.db).await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(err) => {
            tracing::warn!(error = %err, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
