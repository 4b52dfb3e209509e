//! Signing in and out of the back-office, the session cookie, and the password.
use super::*;
use crate::http::rate_limit::ClientAddr;
use crate::services::staff;
use poem::{Endpoint, FromRequest, Request, RequestBody};

const SESSION_COOKIE: &str = "uketsuke-session";

/// The signed-in staff member of a request; without a valid session the request is sent to
/// the login page.
pub struct SignedIn {
    pub staff: Staff,
    pub(super) token: String,
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
    ClientAddr(client): ClientAddr,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let next = safe_next(form.get("next"));
    let email = form.get("email").unwrap_or_default().to_owned();
    let password = form.get("password").unwrap_or_default();
    match staff::login(&state.db, &email, password, client, Utc::now()).await {
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
    read_checked_form(body, verifier).await?;
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
    let form = read_checked_form(body, verifier).await?;
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
