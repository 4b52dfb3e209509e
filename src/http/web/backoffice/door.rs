//! `/admin/events/{slug}/checkin`: the door on event day. Search by name, kana, company or
//! email; one tap marks the attendee arrived. Plain forms: works on any phone browser, no
//! JavaScript.
use super::roster::{RowView, row_view};
use super::*;
use crate::http::web::catalogue::{Choice, choices};
use std::collections::BTreeMap;

#[derive(Deserialize)]
pub struct DoorParams {
    #[serde(default)]
    q: String,
    /// Who was just checked in, to say so.
    done: Option<i64>,
    /// At one session's door: its confirmed attendees only.
    #[serde(default)]
    session: String,
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
    walk_in: WalkInForm,
    sessions: Vec<Choice>,
    session: String,
}

/// The walk-in form under the search: shown while the event is open and has seats, with
/// what staff typed and its errors when it comes back.
#[derive(Serialize, Default)]
struct WalkInForm {
    open: bool,
    seats_left: Option<u64>,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    bands: Vec<Choice>,
    /// Whether the form should start unfolded (it came back with errors).
    expanded: bool,
}

const WALK_IN_FIELDS: [&str; 5] = ["name", "kana", "company", "email", "employee_band"];

#[allow(clippy::too_many_arguments)]
async fn door_view(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    e: &StaffEvent,
    params: DoorParams,
    csrf: &CsrfToken,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
) -> Result<DoorView, AppError> {
    let session = params.session.parse::<i64>().ok();
    let rows = backoffice::door_search(
        &state.db,
        &me.staff.principal,
        e,
        &params.q,
        session,
        Utc::now(),
    )
    .await?;
    let sessions = crate::services::sessions::of_event(&state.db, e.listing.event.id)
        .await?
        .iter()
        .map(|s| Choice {
            value: s.id.to_string(),
            label: format!(
                "{} {}",
                crate::domain::jst::time(s.spec.starts_at),
                s.spec.title.get(lang.lang.content())
            ),
            selected: session == Some(s.id),
        })
        .collect();
    let done = params.done.and_then(|id| {
        rows.iter()
            .find(|r| r.attendee_id == id)
            .map(|r| r.name.clone())
    });
    let event = summary(state, e, lang).await?;
    let seats_left = event
        .capacity
        .map(|c| u64::from(c).saturating_sub(event.confirmed_seats));
    let band = values.get("employee_band").and_then(|b| b.parse().ok());
    let walk_in_form = WalkInForm {
        open: event.status_code == "published" && seats_left != Some(0),
        seats_left,
        expanded: !errors.list.is_empty(),
        bands: choices(
            crate::domain::EmployeeBand::ALL,
            band,
            |b| b.code().to_owned(),
            |b| lang.lang.label(b),
        ),
        values,
        errors,
    };
    Ok(DoorView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event,
        searched: !params.q.trim().is_empty(),
        q: params.q,
        rows: rows.iter().map(|r| row_view(r, lang.lang)).collect(),
        done,
        walk_in: walk_in_form,
        sessions,
        session: params.session,
    })
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
    let values = WALK_IN_FIELDS
        .iter()
        .map(|f| (f.to_string(), String::new()))
        .collect();
    let view = door_view(
        &state,
        &lang,
        &me,
        &e,
        params,
        csrf,
        values,
        FieldMessages::default(),
    )
    .await?;
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
    let session = form.get("session").unwrap_or_default();
    backoffice::check_in(
        &state.db,
        &me.staff.principal,
        &e,
        attendee,
        session.parse().ok(),
        Utc::now(),
    )
    .await?;
    Ok(back_to_door(
        &slug,
        form.get("q").unwrap_or_default(),
        attendee,
        session,
    ))
}

fn back_to_door(slug: &str, q: &str, attendee: i64, session: &str) -> Response {
    let q: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let session: String = url::form_urlencoded::byte_serialize(session.as_bytes()).collect();
    Redirect::see_other(format!(
        "/admin/events/{slug}/checkin?q={q}&session={session}&done={attendee}"
    ))
    .into_response()
}

/// `POST /admin/events/{slug}/walkin`: someone at the door who did not register takes a
/// free seat and is checked in at once. Errors come back on the door page with what was
/// typed.
#[handler]
pub async fn walk_in(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let e = staff_event(&state, &me, &slug).await?;
    let input = crate::domain::WalkInInput {
        name: form.text("name"),
        kana: form.text("kana"),
        company: form.text("company"),
        email: form.text("email"),
        employee_band: form.text("employee_band"),
        consent: form.flag("consent"),
    };
    let result = backoffice::walk_in(
        &state.db,
        &me.staff.principal,
        &state.links,
        &e,
        input,
        lang.lang,
        Utc::now(),
    )
    .await;
    let errors = match result {
        Ok(row) => return Ok(back_to_door(&slug, &row.name, row.attendee_id, "")),
        Err(AppError::Validation(errors)) => errors,
        Err(AppError::Conflict { code, args }) => {
            crate::domain::ValidationErrors::single_with("walk_in", code, args)
        }
        Err(other) => return Err(other),
    };
    let values = WALK_IN_FIELDS
        .iter()
        .map(|f| (f.to_string(), form.get(f).unwrap_or_default().to_owned()))
        .collect();
    let params = DoorParams {
        q: String::new(),
        done: None,
        session: String::new(),
    };
    let view = door_view(
        &state,
        &lang,
        &me,
        &e,
        params,
        csrf,
        values,
        messages(&errors, lang.lang),
    )
    .await?;
    let resp = state.pages.render("admin/checkin.html", &lang, view)?;
    Ok(private(
        resp.with_status(poem::http::StatusCode::UNPROCESSABLE_ENTITY)
            .into_response(),
    ))
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
    let row = backoffice::check_in(
        &state.db,
        &me.staff.principal,
        &e,
        row.attendee_id,
        None,
        now,
    )
    .await?;
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
        confirmed: row.status == crate::domain::SeatState::Confirmed
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
