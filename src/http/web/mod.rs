//! The public web pages: server-rendered HTML, Japanese by default, every locale under
//! `locales/` on request (`?lang=`); no JavaScript needed.
mod backoffice;
mod catalogue;
mod certification;
mod form;
mod ics;
mod lang;
mod registration;
mod sessions;
mod upload;

use crate::error::AppError;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior};
use poem::http::{StatusCode, header};
use poem::middleware::Csrf;
use poem::web::Html;
use poem::web::cookie::SameSite;
use poem::{Endpoint, EndpointExt, IntoResponse, Request, Response, Route, get, handler, post};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use lang::PageLang;
pub use upload::{MAX_UPLOAD_BODY_BYTES, is_multipart};

/// The compiled templates and the words of each language.
pub struct Pages {
    env: Environment<'static>,
    /// The catalogue's rendered pages for a moment: the busiest page is the same for everyone.
    pub catalogue: catalogue::PageCache,
}

impl Pages {
    pub fn new() -> anyhow::Result<Self> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        crate::i18n::add_to(&mut env);
        for (name, source) in [
            ("base.html", include_str!("templates/base.html")),
            ("catalogue.html", include_str!("templates/catalogue.html")),
            ("event.html", include_str!("templates/event.html")),
            ("error.html", include_str!("templates/error.html")),
            ("macros.html", include_str!("templates/macros.html")),
            ("register.html", include_str!("templates/register.html")),
            (
                "attendance_check.html",
                include_str!("templates/attendance_check.html"),
            ),
            (
                "admin/confirmation_counts.html",
                include_str!("templates/admin/confirmation_counts.html"),
            ),
            (
                "certification_fields.html",
                include_str!("templates/certification_fields.html"),
            ),
            ("certified.html", include_str!("templates/certified.html")),
            (
                "admin/certification.html",
                include_str!("templates/admin/certification.html"),
            ),
            (
                "dispatch_form.html",
                include_str!("templates/dispatch_form.html"),
            ),
            ("manage.html", include_str!("templates/manage.html")),
            (
                "manage_dispatch.html",
                include_str!("templates/manage_dispatch.html"),
            ),
            (
                "cancel_attendee.html",
                include_str!("templates/cancel_attendee.html"),
            ),
            (
                "unsubscribe.html",
                include_str!("templates/unsubscribe.html"),
            ),
            ("join.html", include_str!("templates/join.html")),
            ("admin/base.html", include_str!("templates/admin/base.html")),
            (
                "admin/login.html",
                include_str!("templates/admin/login.html"),
            ),
            ("admin/home.html", include_str!("templates/admin/home.html")),
            (
                "admin/event.html",
                include_str!("templates/admin/event.html"),
            ),
            (
                "admin/roster.html",
                include_str!("templates/admin/roster.html"),
            ),
            (
                "admin/checkin.html",
                include_str!("templates/admin/checkin.html"),
            ),
            (
                "admin/password.html",
                include_str!("templates/admin/password.html"),
            ),
            (
                "admin/audit.html",
                include_str!("templates/admin/audit.html"),
            ),
            (
                "admin/report.html",
                include_str!("templates/admin/report.html"),
            ),
            ("admin/year.html", include_str!("templates/admin/year.html")),
            (
                "admin/year_dispatch.html",
                include_str!("templates/admin/year_dispatch.html"),
            ),
            (
                "admin/sheet.html",
                include_str!("templates/admin/sheet.html"),
            ),
            ("admin/scan.html", include_str!("templates/admin/scan.html")),
            (
                "admin/exhibitors.html",
                include_str!("templates/admin/exhibitors.html"),
            ),
            (
                "admin/internships.html",
                include_str!("templates/admin/internships.html"),
            ),
            (
                "admin/bookings.html",
                include_str!("templates/admin/bookings.html"),
            ),
            (
                "admin/experts.html",
                include_str!("templates/admin/experts.html"),
            ),
            (
                "admin/dispatch.html",
                include_str!("templates/admin/dispatch.html"),
            ),
            (
                "admin/dispatch_request.html",
                include_str!("templates/admin/dispatch_request.html"),
            ),
            (
                "admin/declarations.html",
                include_str!("templates/admin/declarations.html"),
            ),
            (
                "admin/campaign.html",
                include_str!("templates/admin/campaign.html"),
            ),
            (
                "participants.html",
                include_str!("templates/participants.html"),
            ),
            (
                "admin/sessions.html",
                include_str!("templates/admin/sessions.html"),
            ),
            (
                "admin/event_fields.html",
                include_str!("templates/admin/event_fields.html"),
            ),
            (
                "admin/publicity.html",
                include_str!("templates/admin/publicity.html"),
            ),
            (
                "admin/flyer.html",
                include_str!("templates/admin/flyer.html"),
            ),
            (
                "admin/event_partners.html",
                include_str!("templates/admin/event_partners.html"),
            ),
            (
                "admin/users.html",
                include_str!("templates/admin/users.html"),
            ),
            (
                "admin/organizations.html",
                include_str!("templates/admin/organizations.html"),
            ),
            (
                "admin/registration.html",
                include_str!("templates/admin/registration.html"),
            ),
            ("admin/edit.html", include_str!("templates/admin/edit.html")),
            ("admin/new.html", include_str!("templates/admin/new.html")),
            (
                "admin/questions.html",
                include_str!("templates/admin/questions.html"),
            ),
            (
                "admin/partners.html",
                include_str!("templates/admin/partners.html"),
            ),
        ] {
            env.add_template(name, source)?;
        }
        Ok(Pages {
            catalogue: Default::default(),
            env,
        })
    }

    /// Renders `template` with `view`, plus what every page needs: the language, its words,
    /// and the link that switches language.
    pub fn render<V: Serialize>(
        &self,
        template: &str,
        lang: &PageLang,
        view: V,
    ) -> Result<Response, AppError> {
        Ok(lang.finish(Html(self.html(template, lang, view)?).into_response()))
    }

    /// A page's HTML, for a handler that keeps it.
    pub fn html<V: Serialize>(
        &self,
        template: &str,
        lang: &PageLang,
        view: V,
    ) -> Result<String, AppError> {
        let ctx = minijinja::context! {
            lang => lang.lang.tag(),
            html_lang => lang.lang.html_lang(),
            latin_readings => lang.lang.accepts_latin_readings(),
            switches => Serde(&lang.switches),
            page => Serde(&view),
        };
        let html = self
            .env
            .get_template(template)
            .and_then(|t| t.render(ctx))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("template {template}: {e:#}")))?;
        Ok(html)
    }
}

pub fn routes(settings: &crate::config::Settings) -> impl Endpoint + use<> {
    // Forms carry a CSRF token bound to a cookie. The key comes from configuration, so every
    // instance accepts the tokens of every other.
    let key: [u8; 32] =
        Sha256::digest(format!("uketsuke csrf\0{}", settings.secrets.csrf_key).as_bytes()).into();
    let secure = settings.is_production();
    let csrf = move || {
        Csrf::new()
            .key(key)
            .cookie_name("uketsuke-csrf")
            .secure(secure)
            .same_site(SameSite::Lax)
    };
    Route::new()
        .at("/", get(catalogue::catalogue_page))
        .at("/events", get(catalogue::catalogue_page))
        .at("/events/:slug", get(catalogue::event_page))
        .at(
            "/events/:slug/exhibit",
            get(registration::exhibit_page)
                .post(registration::exhibit_submit)
                .with(csrf()),
        )
        .at(
            "/events/:slug/participants",
            get(catalogue::participants_page),
        )
        .at("/certified", get(certification::certified_page))
        .at(
            "/r/:token/documents/:id",
            get(certification::company_document),
        )
        .at("/calendar.ics", get(ics::feed))
        .at(
            "/events/:slug/register",
            get(registration::form_page)
                .post(registration::submit)
                .with(csrf()),
        )
        .at("/r/:token", get(registration::manage_page).with(csrf()))
        .at("/r/:token/calendar.ics", get(ics::registration_ics))
        // The attendance question before the day (issue 17).
        .at(
            "/c/:token",
            get(registration::attendance_page)
                .post(registration::attendance_post)
                .with(csrf()),
        )
        .at("/j/:token", get(registration::join))
        .at(
            "/u/:token",
            get(registration::unsubscribe_page).post(registration::unsubscribe_post),
        )
        // cancel, attendees, answers, sessions, declaration
        .at(
            "/r/:token/:action",
            post(registration::manage_action).with(csrf()),
        )
        .at(
            "/r/:token/attendees/:attendee/cancel",
            get(registration::cancel_attendee_page)
                .post(registration::cancel_attendee)
                .with(csrf()),
        )
        .nest("/admin", backoffice_routes(csrf))
        .at("/static/style.css", get(stylesheet))
        .at("/static/favicon.svg", get(favicon))
        .at("/favicon.ico", get(favicon))
        .around(crate::http::limits::limit_body)
        .around(render_errors)
        .around(security_headers)
}

fn backoffice_routes(csrf: impl Fn() -> Csrf) -> impl Endpoint {
    use backoffice as b;
    Route::new()
        .at("/", get(b::home).with(csrf()))
        .at("/login", get(b::login_page).post(b::login).with(csrf()))
        .at("/logout", post(b::logout).with(csrf()))
        .at(
            "/password",
            get(b::password_page).post(b::change_password).with(csrf()),
        )
        .at("/audit", get(b::audit_page).with(csrf()))
        .at("/partners", get(b::partners_page).with(csrf()))
        .at(
            "/partners/:slug/:answer",
            post(b::partner_answer).with(csrf()),
        )
        .at("/users", get(b::users_page).post(b::add_user).with(csrf()))
        .at("/users/:id/:action", post(b::user_action).with(csrf()))
        .at(
            "/organizations",
            get(b::organizations_page)
                .post(b::add_organization)
                .with(csrf()),
        )
        .at(
            "/organizations/:code/:action",
            post(b::organization_action).with(csrf()),
        )
        .at(
            "/events/:slug/partners",
            get(b::event_partners_page)
                .post(b::invite_partner)
                .with(csrf()),
        )
        .at(
            "/events/:slug/partners/:code/:action",
            post(b::event_partner_action).with(csrf()),
        )
        .at(
            "/events/:slug/publicity",
            get(b::publicity_page).with(csrf()),
        )
        .at("/events/:slug/flyer", get(b::flyer).with(csrf()))
        .at("/events/:slug/flyer-qr.png", get(b::flyer_qr))
        .at("/reports", get(b::year_report).with(csrf()))
        .at("/reports.csv", get(b::year_report_csv))
        .at(
            "/events/:slug/declarations",
            get(b::declarations_page).with(csrf()),
        )
        .at("/events/:slug/declarations.csv", get(b::declarations_csv))
        .at("/events/:slug/exhibitors.csv", get(b::exhibitors_csv))
        .at(
            "/events/:slug/declarations/:id/:action",
            post(b::review_declaration).with(csrf()),
        )
        .at(
            "/events/:slug/certification",
            get(b::certification_page).with(csrf()),
        )
        .at("/events/:slug/certification.csv", get(b::certification_csv))
        .at(
            "/events/:slug/certification/call",
            post(b::certification_call).with(csrf()),
        )
        .at(
            "/events/:slug/certification/:id/:action",
            post(b::certification_action).with(csrf()),
        )
        .at(
            "/events/:slug/certification/:id/documents/:doc",
            get(b::certification_document),
        )
        .at("/events/:slug/bookings", get(b::bookings_page).with(csrf()))
        .at(
            "/experts",
            get(b::experts_page).post(b::add_expert).with(csrf()),
        )
        .at("/experts/:id", post(b::change_expert).with(csrf()))
        .at("/events/:slug/dispatch", get(b::dispatch_page).with(csrf()))
        .at("/events/:slug/dispatch.csv", get(b::dispatch_csv))
        .at(
            "/events/:slug/dispatch/:id",
            get(b::dispatch_request_page).with(csrf()),
        )
        .at(
            "/events/:slug/dispatch/:id/:action",
            post(b::dispatch_action).with(csrf()),
        )
        .at(
            "/events/:slug/dispatch/:id/visits/:visit/:action",
            post(b::visit_action).with(csrf()),
        )
        .at(
            "/events/:slug/exhibitors",
            get(b::exhibitors_page).with(csrf()),
        )
        .at(
            "/events/:slug/exhibitors/:action",
            post(b::exhibitor_action).with(csrf()),
        )
        .at(
            "/events/:slug/internships",
            get(b::internships_page).with(csrf()),
        )
        .at("/events/:slug/internships.csv", get(b::internships_csv))
        .at(
            "/events/:slug/internships/:action",
            post(b::internship_action).with(csrf()),
        )
        .at("/events/:slug/campaign", get(b::campaign_page).with(csrf()))
        .at("/events/:slug/campaign.csv", get(b::campaign_csv))
        .at("/events/:slug/report", get(b::event_report).with(csrf()))
        .at("/events/:slug/report.csv", get(b::event_report_csv))
        .at(
            "/events/new",
            get(b::new_page).post(b::new_save).with(csrf()),
        )
        .at("/events/:slug", get(b::event_page).with(csrf()))
        .at("/events/:slug/announce", post(b::announce).with(csrf()))
        .at("/events/:slug/preview", get(b::preview))
        .at(
            "/events/:slug/questions",
            get(b::questions_page).post(b::add_question).with(csrf()),
        )
        .at(
            "/events/:slug/sessions",
            get(b::sessions_page).post(b::add_session).with(csrf()),
        )
        .at(
            "/events/:slug/sessions/:id/remove",
            post(b::remove_session).with(csrf()),
        )
        .at(
            "/events/:slug/questions/:id/remove",
            post(b::remove_question).with(csrf()),
        )
        .at(
            "/events/:slug/edit",
            get(b::edit_page).post(b::edit_save).with(csrf()),
        )
        .at(
            "/events/:slug/status/:action",
            post(b::event_status).with(csrf()),
        )
        .at("/events/:slug/roster", get(b::roster_page).with(csrf()))
        .at(
            "/events/:slug/registrations/:id",
            get(b::registration_page).with(csrf()),
        )
        .at(
            "/events/:slug/registrations/:id/:action",
            post(b::registration_action).with(csrf()),
        )
        .at("/events/:slug/roster.csv", get(b::roster_csv))
        .at("/events/:slug/roster.xlsx", get(b::roster_xlsx))
        .at("/events/:slug/sheet", get(b::sign_in_sheet).with(csrf()))
        .at("/events/:slug/checkin", get(b::door_page).with(csrf()))
        .at(
            "/scan/:code",
            get(b::scan_page).post(b::scan_check_in).with(csrf()),
        )
        .at("/events/:slug/walkin", post(b::walk_in).with(csrf()))
        .at(
            "/events/:slug/checkin/:attendee",
            post(b::check_in).with(csrf()),
        )
        .around(b::to_login)
}

/// Pages that hold personal data (manage links, the back-office): never cached, never sent
/// on as a referrer.
fn private(mut resp: Response) -> Response {
    let headers = resp.headers_mut();
    headers.insert(header::CACHE_CONTROL, "no-store".parse().expect("valid"));
    headers.insert(
        header::REFERRER_POLICY,
        "no-referrer".parse().expect("valid"),
    );
    resp
}

#[handler]
fn stylesheet() -> Response {
    include_str!("static/style.css")
        .with_content_type("text/css; charset=utf-8")
        .with_header(header::CACHE_CONTROL, "public, max-age=3600")
        .into_response()
}

/// The site's icon: a small SVG, also answered at `/favicon.ico` for browsers that ask there.
#[handler]
fn favicon() -> Response {
    include_str!("static/favicon.svg")
        .with_content_type("image/svg+xml")
        .with_header(header::CACHE_CONTROL, "public, max-age=86400")
        .into_response()
}

/// Errors of the web pages become a page in the reader's language, never a bare status.
/// What every page (not the API, not `/docs`) tells the browser: run only our own scripts,
/// styles and images (no inline script anywhere), never inside a frame, no MIME sniffing, and
/// the referrer only to our own origin. Private pages narrow the referrer further themselves.
async fn security_headers<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    let mut resp = next.call(req).await?.into_response();
    let headers = resp.headers_mut();
    let set = |headers: &mut poem::http::HeaderMap, name: &'static str, value: &'static str| {
        if !headers.contains_key(name) {
            headers.insert(name, value.parse().expect("valid header value"));
        }
    };
    set(
        headers,
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(headers, "referrer-policy", "same-origin");
    Ok(resp)
}

async fn render_errors<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    let lang = PageLang::from_request(&req);
    let pages = req
        .data::<crate::http::AppState>()
        .map(|s| s.pages.clone())
        .expect("AppState is attached to every route");
    let err = match next.call(req).await {
        Ok(resp) => return Ok(resp.into_response()),
        Err(err) => err,
    };
    let (status, message) = match err.downcast_ref::<AppError>() {
        Some(AppError::Internal(cause)) => {
            tracing::error!(error = format!("{cause:#}"), "internal error");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                crate::http::error_words::app_message(
                    &AppError::Internal(anyhow::anyhow!("")),
                    lang.lang,
                ),
            )
        }
        Some(app) => (
            app.status(),
            crate::http::error_words::app_message(app, lang.lang),
        ),
        None if err.status() == StatusCode::NOT_FOUND => (
            StatusCode::NOT_FOUND,
            crate::http::error_words::app_message(&AppError::NotFound, lang.lang),
        ),
        None => {
            if err.status().is_server_error() {
                tracing::error!(error = %err, "internal error");
            }
            (
                err.status(),
                crate::http::error_words::app_message(
                    &AppError::Internal(anyhow::anyhow!("")),
                    lang.lang,
                ),
            )
        }
    };
    #[derive(Serialize)]
    struct ErrorView {
        status: u16,
        not_found: bool,
        message: String,
    }
    let view = ErrorView {
        status: status.as_u16(),
        not_found: status == StatusCode::NOT_FOUND,
        message,
    };
    let fallback = view.message.clone();
    let mut resp = match pages.render("error.html", &lang, view) {
        Ok(resp) => resp,
        Err(_) => fallback.into_response(),
    };
    resp.set_status(status);
    Ok(resp)
}
