//! The back-office under `/admin`: staff sign in with email and password and run their
//! events: counts, the roster and its export, the door (check-in), their password, and for
//! admins the audit log. Server-rendered like the public pages; search-and-tap at the door
//! needs no JavaScript.
use super::PageLang;
use super::form::{FieldMessages, FormData};
use crate::error::AppError;
use crate::http::AppState;
use crate::services::backoffice::{self, StaffEvent};
use crate::services::staff;
use crate::store::sessions::Staff;
use chrono::Utc;
use poem::web::{CsrfToken, CsrfVerifier, Data, Path, Query, Redirect};
use poem::{Body, Endpoint, FromRequest, IntoResponse, Request, RequestBody, Response, handler};
use serde::{Deserialize, Serialize};

mod chart;
mod door;
mod edit;
mod export;
mod partners;
mod questions;
mod report;
mod roster;
mod sheet;

pub use door::{check_in, door_page, scan_check_in, scan_page};
pub use edit::{edit_page, edit_save, event_status, new_page, new_save, preview};
pub use export::{roster_csv, roster_xlsx};
pub use partners::{partner_answer, partners_page};
pub use questions::{add_question, questions_page, remove_question};
pub use report::{event_report, event_report_csv, year_report, year_report_csv};
pub use roster::{registration_action, roster_page};
pub use sheet::sign_in_sheet;

const SESSION_COOKIE: &str = "uketsuke-session";

/// The signed-in staff member of a request; without a valid session the request is sent to
/// the login page.
pub struct SignedIn {
    pub staff: Staff,
    token: String,
}

fn session_cookie(req: &Request) -> Option<String> {
    req.header("cookie")?
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == SESSION_COOKIE)
        .map(|(_, v)| v.to_owned())
}

impl<'a> FromRequest<'a> for SignedIn {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let state = req
            .data::<AppState>()
            .expect("AppState is attached to every route");
        let token = session_cookie(req).ok_or(AppError::Unauthenticated)?;
        let staff = staff::by_session(&state.db, &token, Utc::now())
            .await?
            .ok_or(AppError::Unauthenticated)?;
        Ok(SignedIn { staff, token })
    }
}

/// Pages without a session go to the login page, which comes back here afterwards.
pub async fn to_login<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    // The URI before `/admin` was stripped by the nesting.
    let back = req
        .original_uri()
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_default();
    match next.call(req).await {
        Ok(resp) => Ok(private(resp.into_response())),
        Err(err)
            if matches!(
                err.downcast_ref::<AppError>(),
                Some(AppError::Unauthenticated)
            ) =>
        {
            let next = url::form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>();
            Ok(Redirect::see_other(format!("/admin/login?next={next}")).into_response())
        }
        Err(err) => Err(err),
    }
}

/// Back-office pages hold personal data: never cached, never sent as a referrer.
fn private(mut resp: Response) -> Response {
    let headers = resp.headers_mut();
    headers.insert("cache-control", "no-store".parse().expect("valid"));
    headers.insert("referrer-policy", "no-referrer".parse().expect("valid"));
    resp
}

#[derive(Serialize)]
struct Header {
    name: String,
    email: String,
    role: &'static str,
    admin: bool,
}

fn header(staff: &Staff, lang: &PageLang) -> Header {
    Header {
        name: staff.display_name.clone(),
        email: staff.email.clone(),
        role: staff.principal.role.label(lang.lang),
        admin: staff.principal.role == crate::domain::UserRole::Admin,
    }
}

#[derive(Serialize)]
struct EventSummary {
    slug: String,
    title: String,
    when: String,
    status: &'static str,
    status_code: &'static str,
    roster: bool,
    export: bool,
    check_in: bool,
    capacity: Option<u32>,
    confirmed_seats: u64,
    waitlisted: u64,
    cancelled: u64,
    checked_in: u64,
    partner_line: String,
}

async fn summary(
    state: &AppState,
    e: &StaffEvent,
    lang: &PageLang,
) -> Result<EventSummary, AppError> {
    let event = &e.listing.event;
    let counts = backoffice::counts(&state.db, event).await?;
    Ok(EventSummary {
        slug: event.spec.slug.to_string(),
        title: event.spec.title.get(lang.lang).to_owned(),
        when: crate::domain::jst::range(event.spec.starts_at, event.spec.ends_at, lang.lang),
        status: event.status.label(lang.lang),
        status_code: event.status.code(),
        roster: e.access.roster,
        export: e.access.export,
        check_in: e.access.check_in,
        capacity: counts.capacity,
        confirmed_seats: counts.confirmed_seats,
        waitlisted: counts.waitlisted,
        cancelled: counts.cancelled,
        checked_in: counts.checked_in,
        partner_line: e.listing.partner_line(lang.lang),
    })
}

#[derive(Deserialize)]
pub struct LoginParams {
    next: Option<String>,
}

#[derive(Serialize)]
struct LoginView {
    /// Nobody is signed in on this page.
    me: Option<Header>,
    csrf_token: String,
    next: String,
    email: String,
    errors: FieldMessages,
}

/// Only paths of the back-office itself are followed after login.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with("/admin") && !n.starts_with("//") && !n.contains("://") => {
            n.to_owned()
        }
        _ => "/admin".to_owned(),
    }
}

#[handler]
pub async fn login_page(
    state: Data<&AppState>,
    lang: PageLang,
    Query(params): Query<LoginParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let view = LoginView {
        me: None,
        csrf_token: csrf.0.clone(),
        next: safe_next(params.next.as_deref()),
        email: String::new(),
        errors: FieldMessages::default(),
    };
    Ok(private(state.pages.render(
        "admin/login.html",
        &lang,
        view,
    )?))
}

#[handler]
pub async fn login(
    state: Data<&AppState>,
    lang: PageLang,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    let next = safe_next(form.get("next"));
    if !verifier.is_valid(form.get("csrf_token").unwrap_or_default()) {
        return Err(AppError::Forbidden);
    }
    let email = form.get("email").unwrap_or_default().to_owned();
    let password = form.get("password").unwrap_or_default();
    match staff::login(&state.db, &email, password, Utc::now()).await {
        Ok(signed_in) => {
            let secure = if state.settings.is_production() {
                "; Secure"
            } else {
                ""
            };
            let cookie = format!(
                "{SESSION_COOKIE}={}; Path=/admin; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
                signed_in.token,
                staff::SESSION_HOURS * 3600
            );
            let mut resp = Redirect::see_other(next).into_response();
            resp.headers_mut().insert(
                "set-cookie",
                cookie
                    .parse()
                    .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?,
            );
            Ok(private(resp))
        }
        Err(AppError::Validation(errors)) => {
            let view = LoginView {
                me: None,
                csrf_token: csrf.0.clone(),
                next,
                email,
                errors: messages(&errors, lang.lang),
            };
            let resp = state.pages.render("admin/login.html", &lang, view)?;
            Ok(private(
                resp.with_status(poem::http::StatusCode::UNPROCESSABLE_ENTITY)
                    .into_response(),
            ))
        }
        Err(e) => Err(e),
    }
}

#[handler]
pub async fn logout(
    state: Data<&AppState>,
    me: SignedIn,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    if !verifier.is_valid(form.get("csrf_token").unwrap_or_default()) {
        return Err(AppError::Forbidden);
    }
    staff::logout(&state.db, &me.token).await?;
    let mut resp = Redirect::see_other("/admin/login").into_response();
    resp.headers_mut().insert(
        "set-cookie",
        format!("{SESSION_COOKIE}=; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=0")
            .parse()
            .expect("valid"),
    );
    Ok(private(resp))
}

#[derive(Serialize)]
struct HomeView {
    me: Header,
    csrf_token: String,
    can_create: bool,
    events: Vec<EventSummary>,
}

#[handler]
pub async fn home(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let mut events = Vec::new();
    for e in backoffice::events(&state.db, &me.staff.principal).await? {
        events.push(summary(&state, &e, &lang).await?);
    }
    let view = HomeView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        can_create: me.staff.principal.role.manages_events(),
        events,
    };
    Ok(private(state.pages.render(
        "admin/home.html",
        &lang,
        view,
    )?))
}

#[derive(Serialize)]
struct PasswordView {
    me: Header,
    csrf_token: String,
    done: bool,
    errors: FieldMessages,
}

#[handler]
pub async fn password_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let view = PasswordView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        done: false,
        errors: FieldMessages::default(),
    };
    Ok(private(state.pages.render(
        "admin/password.html",
        &lang,
        view,
    )?))
}

#[handler]
pub async fn change_password(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    if !verifier.is_valid(form.get("csrf_token").unwrap_or_default()) {
        return Err(AppError::Forbidden);
    }
    let result = staff::change_password(
        &state.db,
        &me.staff,
        &me.token,
        form.get("current_password").unwrap_or_default(),
        form.get("new_password").unwrap_or_default(),
        form.get("confirm_password").unwrap_or_default(),
    )
    .await;
    let (done, errors, status) = match result {
        Ok(()) => (true, FieldMessages::default(), poem::http::StatusCode::OK),
        Err(AppError::Validation(e)) => (
            false,
            messages(&e, lang.lang),
            poem::http::StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => return Err(e),
    };
    let view = PasswordView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        done,
        errors,
    };
    let resp = state.pages.render("admin/password.html", &lang, view)?;
    Ok(private(resp.with_status(status).into_response()))
}

#[derive(Serialize)]
struct AuditRow {
    at: String,
    user_id: i64,
    action: String,
    event_id: Option<i64>,
    records: i32,
    detail: Option<String>,
}

#[derive(Serialize)]
struct AuditView {
    me: Header,
    csrf_token: String,
    rows: Vec<AuditRow>,
}

#[handler]
pub async fn audit_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let rows = backoffice::audit_log(&state.db, &me.staff.principal, 500)
        .await?
        .into_iter()
        .map(|r| AuditRow {
            at: crate::domain::jst::date_time(r.at, lang.lang),
            user_id: r.user_id,
            action: r.action,
            event_id: r.event_id,
            records: r.records,
            detail: r.detail,
        })
        .collect();
    let view = AuditView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        rows,
    };
    Ok(private(state.pages.render(
        "admin/audit.html",
        &lang,
        view,
    )?))
}

async fn read_form(body: Body) -> Result<FormData, AppError> {
    let bytes = body
        .into_bytes_limit(crate::http::limits::MAX_BODY_BYTES)
        .await
        .map_err(|_| AppError::TooLarge)?;
    Ok(FormData::parse(&bytes))
}

/// An event the signed-in staff member may see, by the path's slug.
async fn staff_event(state: &AppState, me: &SignedIn, slug: &str) -> Result<StaffEvent, AppError> {
    backoffice::event(&state.db, &me.staff.principal, slug).await
}

#[derive(Serialize)]
struct EventView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    manage: bool,
    /// Messages queued by the announcement just sent.
    announced: Option<u32>,
    saved: bool,
    /// The announcement form as typed, when it comes back with errors.
    kept: std::collections::BTreeMap<String, String>,
    errors: FieldMessages,
}

#[derive(Deserialize)]
pub struct EventParams {
    announced: Option<u32>,
    saved: Option<u8>,
}

#[handler]
pub async fn event_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<EventParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let view = EventView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        manage: e.access.manage,
        event: summary(&state, &e, &lang).await?,
        announced: params.announced,
        saved: params.saved.is_some(),
        kept: Default::default(),
        errors: FieldMessages::default(),
    };
    Ok(private(state.pages.render(
        "admin/event.html",
        &lang,
        view,
    )?))
}

/// Sends an announcement to the event's registrants from the event page.
#[handler]
pub async fn announce(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    if !verifier.is_valid(form.get("csrf_token").unwrap_or_default()) {
        return Err(AppError::Forbidden);
    }
    let e = staff_event(&state, &me, &slug).await?;
    if !e.access.manage {
        return Err(AppError::Forbidden);
    }
    let input = crate::domain::announcement::AnnouncementInput {
        subject_ja: form.text("subject_ja"),
        body_ja: form.text("body_ja"),
        subject_en: form.text("subject_en"),
        body_en: form.text("body_en"),
        include_waitlisted: Some(form.flag("include_waitlisted")),
    };
    let result = crate::services::announcements::announce(
        &state.db,
        &me.staff.principal,
        &slug,
        input,
        Utc::now(),
    )
    .await;
    match result {
        Ok(a) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}?announced={}", a.recipients))
                .into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let kept = [
                "subject_ja",
                "body_ja",
                "subject_en",
                "body_en",
                "include_waitlisted",
            ]
            .iter()
            .filter_map(|k| form.get(k).map(|v| ((*k).to_owned(), v.to_owned())))
            .collect();
            let view = EventView {
                me: header(&me.staff, &lang),
                csrf_token: csrf.0.clone(),
                manage: true,
                event: summary(&state, &e, &lang).await?,
                announced: None,
                saved: false,
                kept,
                errors: messages(&errors, lang.lang),
            };
            let resp = state.pages.render("admin/event.html", &lang, view)?;
            Ok(private(
                resp.with_status(poem::http::StatusCode::UNPROCESSABLE_ENTITY)
                    .into_response(),
            ))
        }
        Err(e) => Err(e),
    }
}

fn messages(errors: &crate::domain::ValidationErrors, lang: crate::domain::Lang) -> FieldMessages {
    FieldMessages::new(errors, lang, &[], &|_| None)
}

/// The roster filters, as the roster page and its export read them from the query string.
#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub struct RosterParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    checked_in: String,
    #[serde(default)]
    via: String,
    #[serde(default)]
    page: Option<u64>,
}

impl RosterParams {
    fn query(&self) -> crate::store::roster::RosterQuery {
        crate::store::roster::RosterQuery {
            text: Some(self.q.trim().to_owned()).filter(|t| !t.is_empty()),
            status: self.status.parse().ok(),
            checked_in: match self.checked_in.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            heard_via: self
                .via
                .parse::<crate::domain::HeardVia>()
                .ok()
                .map(|h| h.code().to_owned()),
        }
    }

    /// The filters as a query string, for paging links and the export link.
    fn to_query_string(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &self.q)
            .append_pair("status", &self.status)
            .append_pair("checked_in", &self.checked_in)
            .append_pair("via", &self.via)
            .finish()
    }
}
