//! `/admin/events/{slug}/checkin`: the door on event day. Search by name, kana, company or
//! email; one tap marks the attendee arrived. Plain forms: works on any phone browser, no
//! JavaScript.
use super::roster::{RowView, row_view};
use super::*;

#[derive(Deserialize)]
pub struct DoorParams {
    #[serde(default)]
    q: String,
    /// Who was just checked in, to say so.
    done: Option<i64>,
}

#[derive(Serialize)]
struct DoorView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    q: String,
    rows: Vec<RowView>,
    searched: bool,
    done: Option<String>,
}

#[handler]
pub async fn door_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<DoorParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let rows =
        backoffice::door_search(&state.db, &me.staff.principal, &e, &params.q, Utc::now()).await?;
    let done = params.done.and_then(|id| {
        rows.iter()
            .find(|r| r.attendee_id == id)
            .map(|r| r.name.clone())
    });
    let view = DoorView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        searched: !params.q.trim().is_empty(),
        q: params.q,
        rows: rows.iter().map(|r| row_view(r, lang.lang)).collect(),
        done,
    };
    Ok(private(state.pages.render(
        "admin/checkin.html",
        &lang,
        view,
    )?))
}

#[handler]
pub async fn check_in(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, attendee)): Path<(String, i64)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    if !verifier.is_valid(form.get("csrf_token").unwrap_or_default()) {
        return Err(AppError::Forbidden);
    }
    let e = staff_event(&state, &me, &slug).await?;
    backoffice::check_in(&state.db, &me.staff.principal, &e, attendee, Utc::now()).await?;
    let q: String =
        url::form_urlencoded::byte_serialize(form.get("q").unwrap_or_default().as_bytes())
            .collect();
    Ok(Redirect::see_other(format!(
        "/admin/events/{slug}/checkin?q={q}&done={attendee}"
    ))
    .into_response())
}
