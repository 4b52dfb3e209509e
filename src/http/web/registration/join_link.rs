//! `/j/{token}`: an attendee's personal join link. It records the join and forwards to the
//! meeting (303); otherwise a page says why, and never shows the meeting URL.
use super::*;
use crate::services::joins::{self, Refusal};

#[derive(Serialize)]
struct JoinRefusedView {
    /// The message id of the reason (locales/*/joins.ftl).
    reason: &'static str,
}

#[handler]
pub async fn join(
    state: Data<&AppState>,
    Path(token): Path<String>,
    lang: PageLang,
) -> Result<Response, AppError> {
    match joins::join(&state.db, &state.links, &token, Utc::now()).await? {
        Ok(url) => Ok(private(Redirect::see_other(url).into_response())),
        Err(refusal) => {
            let status = match refusal {
                Refusal::Unknown => StatusCode::NOT_FOUND,
                _ => StatusCode::FORBIDDEN,
            };
            let page = JoinRefusedView {
                reason: refusal.code(),
            };
            let mut resp = private(state.pages.render("join.html", &lang, page)?);
            resp.set_status(status);
            Ok(resp)
        }
    }
}
