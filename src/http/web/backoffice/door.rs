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
    let form = read_checked_form(body, verifier).await?;
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

#[derive(Serialize)]
struct ScanView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    code: String,
    attendee: RowView,
    confirmed: bool,
    just_checked_in: bool,
}

/// `/admin/scan/{code}`: where a phone's camera lands after reading the QR code in an
/// attendee's email. Shows who it is; one tap checks them in (a GET never does, because link
/// previews and scanners follow URLs).
#[handler]
pub async fn scan_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(code): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let (e, row) = backoffice::scan(
        &state.db,
        &me.staff.principal,
        &state.links,
        &code,
        Utc::now(),
    )
    .await?;
    scan_view(&state, &lang, &me, &e, &row, code, csrf, false).await
}

#[handler]
pub async fn scan_check_in(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(code): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    read_checked_form(body, verifier).await?;
    let now = Utc::now();
    let (e, row) =
        backoffice::scan(&state.db, &me.staff.principal, &state.links, &code, now).await?;
    let row =
        backoffice::check_in(&state.db, &me.staff.principal, &e, row.attendee_id, now).await?;
    scan_view(&state, &lang, &me, &e, &row, code, csrf, true).await
}

#[allow(clippy::too_many_arguments)]
async fn scan_view(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    e: &StaffEvent,
    row: &crate::store::roster::RosterRow,
    code: String,
    csrf: &CsrfToken,
    just_checked_in: bool,
) -> Result<Response, AppError> {
    let view = ScanView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event: summary(state, e, lang).await?,
        code,
        confirmed: row.status == crate::domain::RegistrationStatus::Confirmed
            && row.attendee_status == crate::domain::AttendeeStatus::Active,
        attendee: row_view(row, lang.lang),
        just_checked_in,
    };
    Ok(private(state.pages.render(
        "admin/scan.html",
        lang,
        view,
    )?))
}
