//! The back-office under `/admin`: staff sign in with email and password and run their
//! events: counts, the roster and its export, the door (check-in), their password, and for
//! admins the audit log. Server-rendered like the public pages; search-and-tap at the door
//! needs no JavaScript.
use super::PageLang;
use super::form::{FieldMessages, read_checked_form};
use super::private;
use crate::error::AppError;
use crate::http::AppState;
use crate::services::backoffice::{self, StaffEvent};
use crate::store::sessions::Staff;
use chrono::Utc;
use poem::web::{CsrfToken, CsrfVerifier, Data, Path, Query, Redirect};
use poem::{Body, IntoResponse, Response, handler};
use serde::{Deserialize, Serialize};

mod bookings;
mod campaign;
mod cells;
mod certification;
mod chart;
mod create;
mod declarations;
mod detail;
mod dispatch;
mod door;
mod edit;
mod event;
mod event_partners;
mod exhibitors;
mod export;
mod internships;
mod organizations;
mod partners;
mod publicity;
mod questions;
mod report;
mod roster;
mod session;
mod sessions;
mod sheet;
mod users;

pub use bookings::bookings_page;
pub use campaign::{campaign_csv, campaign_page};
pub use certification::{
    certification_action, certification_call, certification_csv, certification_document,
    certification_page,
};
pub use create::{new_page, new_save};
pub use declarations::{declarations_csv, declarations_page, review_declaration};
pub use detail::registration_page;
pub use dispatch::{
    add_expert, change_expert, dispatch_action, dispatch_csv, dispatch_page, dispatch_request_page,
    experts_page, visit_action,
};
pub use door::{check_in, door_page, scan_check_in, scan_page, walk_in};
pub use edit::{edit_page, edit_save, event_status, preview};
pub use event::{announce, event_page};
pub use event_partners::{event_partner_action, event_partners_page, invite_partner};
pub use exhibitors::{exhibitor_action, exhibitors_csv, exhibitors_page};
pub use export::{roster_csv, roster_xlsx};
pub use internships::{internship_action, internships_csv, internships_page};
pub use organizations::{add_organization, organization_action, organizations_page};
pub use partners::{partner_answer, partners_page};
pub use publicity::{flyer, flyer_qr, publicity_page};
pub use questions::{add_question, questions_page, remove_question};
pub use report::{event_report, event_report_csv, year_report, year_report_csv};
use roster::RosterParams;
pub use roster::{registration_action, roster_page};
use session::SignedIn;
pub use session::{change_password, login, login_page, logout, password_page, to_login};
pub use sessions::{add_session, remove_session, sessions_page};
pub use sheet::sign_in_sheet;
pub use users::{add_user, user_action, users_page};

#[derive(Serialize)]
struct Header {
    name: String,
    email: String,
    role: String,
    admin: bool,
    platform_admin: bool,
}

fn header(staff: &Staff, lang: &PageLang) -> Header {
    Header {
        name: staff.display_name.clone(),
        email: staff.email.clone(),
        role: lang.lang.label(staff.principal.role),
        admin: staff.principal.role == crate::domain::UserRole::Admin,
        platform_admin: staff.platform_admin,
    }
}

#[derive(Serialize)]
struct EventSummary {
    slug: String,
    title: String,
    when: String,
    status: String,
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
        title: event.spec.title.get(lang.lang.content()).to_owned(),
        when: crate::i18n::dates::range(lang.lang, event.spec.starts_at, event.spec.ends_at),
        status: lang.lang.label(event.status),
        status_code: event.status.code(),
        roster: e.access.roster,
        export: e.access.export,
        check_in: e.access.check_in,
        capacity: counts.capacity,
        confirmed_seats: counts.confirmed_seats,
        waitlisted: counts.waitlisted,
        cancelled: counts.cancelled,
        checked_in: counts.checked_in,
        partner_line: crate::i18n::words::partner_line(
            lang.lang,
            &e.listing.organizer,
            &e.listing.partners,
        ),
    })
}

#[derive(Serialize)]
struct HomeView {
    me: Header,
    csrf_token: String,
    can_create: bool,
    /// Roles other organizers asked this organization to take, waiting for its answer.
    partner_requests: usize,
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
        partner_requests: crate::services::partners::pending_for_us(&state.db, &me.staff.principal)
            .await?,
        events,
    };
    Ok(private(state.pages.render(
        "admin/home.html",
        &lang,
        view,
    )?))
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
            at: crate::i18n::dates::date_time(lang.lang, r.at),
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

/// A page with a form: 422 when it comes back with errors, 200 otherwise; never cached.
fn form_page(resp: Response, failed: bool) -> Response {
    let status = if failed {
        poem::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        poem::http::StatusCode::OK
    };
    private(resp.with_status(status).into_response())
}

/// One of the staff member's events that takes registrations of `shape` (its campaign,
/// declarations or booths page): an event without that shape has no such page.
async fn staff_event_with(
    state: &AppState,
    me: &SignedIn,
    slug: &str,
    shape: crate::domain::Shape,
) -> Result<StaffEvent, AppError> {
    let e = staff_event(state, me, slug).await?;
    if !shape.taken_by(e.listing.event.spec.kind) {
        return Err(AppError::NotFound);
    }
    Ok(e)
}

/// An event the signed-in staff member may see, by the path's slug.
async fn staff_event(state: &AppState, me: &SignedIn, slug: &str) -> Result<StaffEvent, AppError> {
    backoffice::event(&state.db, &me.staff.principal, slug).await
}

fn messages(errors: &crate::domain::ValidationErrors, lang: crate::i18n::Lang) -> FieldMessages {
    FieldMessages::new(errors, lang, &[], &|_| None)
}

/// The event form's fields (`admin/new.html`, `admin/edit.html`) and the message ids of their
/// labels: the list above the form names each field as its label does.
const EVENT_FIELD_LABELS: &[(&str, &str)] = &[
    ("slug", "e-slug"),
    ("programme_area", "e-programme-area"),
    ("kind", "e-kind"),
    ("format", "e-format"),
    ("title_ja", "e-title-ja"),
    ("title_en", "e-title-en"),
    ("description_ja", "e-description-ja"),
    ("description_en", "e-description-en"),
    ("starts_at", "e-starts-at"),
    ("ends_at", "e-ends-at"),
    ("venue_name_ja", "e-venue-name-ja"),
    ("venue_address_ja", "e-venue-address-ja"),
    ("venue_map_url", "e-venue-map-url"),
    ("online_url", "e-online-url"),
    ("capacity", "e-capacity"),
    ("per_company_limit", "e-per-company-limit"),
    ("visits_per_company", "a-visits-per-company"),
    ("reminder_days", "e-reminder-days"),
    ("confirm_days_before", "confirm-days-before"),
    ("purpose_of_use_ja", "e-purpose-of-use-ja"),
    ("purpose_of_use_en", "e-purpose-of-use-en"),
    ("registration_opens_at", "a-event-registration-opens-at"),
    ("registration_closes_at", "a-event-registration-closes-at"),
    ("venue_name_en", "a-event-venue-name-en"),
    ("venue_address_en", "a-event-venue-address-en"),
    ("languages", "a-event-languages"),
    ("audience", "a-event-audience"),
];

/// Field errors of the event form, each named by its field's label.
fn event_form_messages(
    errors: &crate::domain::ValidationErrors,
    lang: crate::i18n::Lang,
) -> FieldMessages {
    FieldMessages::new(errors, lang, &[], &|field| {
        EVENT_FIELD_LABELS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, id)| lang.for_backoffice().t(id))
    })
}

#[cfg(test)]
mod tests {
    /// The quoted message ids (`"a-…"`, `"col-…"`, `"report-…"`, `"export-…"`) in a source.
    fn ids_in(source: &str) -> Vec<String> {
        source
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                ["a-", "col-", "report-", "export-"]
                    .iter()
                    .any(|p| s.starts_with(p))
                    && s.len() > 2
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            })
            .map(str::to_owned)
            .collect()
    }

    /// Every back-office word the Rust and the admin templates name exists in Japanese and in
    /// English (every locale with a back-office), so no page, export or report shows a bare message id.
    #[test]
    fn every_back_office_message_named_in_code_is_in_ja_and_en() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut named, mut missing) = (0, Vec::new());
        for dir in ["src/http/web/backoffice", "src/http/web/templates/admin"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let source = std::fs::read_to_string(&path).unwrap();
                for id in ids_in(&source) {
                    named += 1;
                    // Every locale with a back-office of its own, from its own files: a gap
                    // filled by a fallback is still a gap.
                    let backoffices = crate::i18n::locales()
                        .iter()
                        .filter(|l| l.has_file("backoffice.ftl"));
                    for locale in backoffices {
                        if !locale.ids.contains_key(&id) {
                            missing.push(format!("{}: {id} ({})", locale.tag, path.display()));
                        }
                    }
                }
            }
        }
        assert!(named > 100, "the scan finds the ids ({named})");
        assert!(missing.is_empty(), "{missing:#?}");
    }
}
