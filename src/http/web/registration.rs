//! The registration form (`/events/{slug}/register`) and the manage page (`/r/{token}`).
//! Plain HTML forms: no JavaScript needed. Every post carries a CSRF token; the registration
//! form also carries a one-time form token, so a double submit registers once.
use super::PageLang;
use super::catalogue::{Choice, EventCard, card, choices};
use super::form::{FieldMessages, FormData, Kept};
use super::i18n::text;
use crate::domain::company::PREFECTURES;
use crate::domain::registration::MAX_ATTENDEES;
use crate::domain::{
    Answer, Audience, EmployeeBand, HeardVia, Industry, Lang, Question, QuestionKind,
    RegistrationInput, RegistrationStatus,
};
use crate::error::AppError;
use crate::http::AppState;
use crate::services::catalogue::{self, EventListing};
use crate::services::questions;
use crate::services::registrations::{self, AttendeeChange, Managed, RegistrationChange};
use chrono::Utc;
use poem::http::StatusCode;
use poem::web::{CsrfToken, CsrfVerifier, Data, Path, Query, Redirect};
use poem::{Body, IntoResponse, Response, handler};
use rand::Rng;
use serde::{Deserialize, Serialize};

/// How many attendee blocks a form shows: the company limit, within reason for one page.
fn attendee_slots(listing: &EventListing) -> usize {
    listing
        .event
        .spec
        .per_company_limit
        .map_or(5, |l| l as usize)
        .clamp(1, MAX_ATTENDEES.min(10))
}

#[derive(Serialize)]
struct QuestionView {
    id: i64,
    name: String,
    label: String,
    required: bool,
    text: bool,
    single: bool,
    multiple: bool,
    yes_no: bool,
    options: Vec<Choice>,
}

fn question_views(questions: &[Question], lang: Lang) -> Vec<QuestionView> {
    questions
        .iter()
        .map(|q| QuestionView {
            id: q.id,
            name: format!("answers.{}", q.id),
            label: q.spec.label.get(lang).to_owned(),
            required: q.spec.required,
            text: q.spec.kind == QuestionKind::Text,
            single: q.spec.kind == QuestionKind::SingleChoice,
            multiple: q.spec.kind == QuestionKind::MultipleChoice,
            yes_no: q.spec.kind == QuestionKind::YesNo,
            options: q
                .spec
                .options
                .iter()
                .map(|o| Choice {
                    value: o.value.clone(),
                    label: o.label(lang).to_owned(),
                    selected: false,
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct FormView {
    event: EventCard,
    slug: String,
    open: bool,
    closed_message: Option<String>,
    individuals: bool,
    csrf_token: String,
    form_token: String,
    slots: Vec<usize>,
    per_company_limit: Option<u32>,
    prefectures: Vec<Choice>,
    industries: Vec<Choice>,
    employee_bands: Vec<Choice>,
    heard_via: Vec<Choice>,
    questions: Vec<QuestionView>,
    purpose_of_use: String,
    kept: Kept,
    errors: FieldMessages,
    general_error: Option<String>,
}

fn form_view(
    listing: &EventListing,
    qs: &[Question],
    lang: Lang,
    csrf: &CsrfToken,
    kept: Kept,
    errors: FieldMessages,
    general_error: Option<String>,
) -> FormView {
    let now = Utc::now();
    let event = &listing.event;
    let open = event.registration_is_open(now);
    let closed_message = (!open).then(|| {
        if event.status == crate::domain::EventStatus::Cancelled {
            text(lang, "cancelled_banner")
        } else if now < event.spec.registration_opens_at {
            text(lang, "registration_not_open_yet")
        } else {
            text(lang, "registration_closed_message")
        }
        .to_owned()
    });
    let form_token = kept
        .values
        .get("form_token")
        .filter(|t| t.len() <= 64)
        .cloned()
        .unwrap_or_else(new_form_token);
    FormView {
        event: card(listing, lang, now),
        slug: event.spec.slug.to_string(),
        open,
        closed_message,
        individuals: event.spec.audience == Audience::Individuals,
        csrf_token: csrf.0.clone(),
        form_token,
        slots: (0..attendee_slots(listing)).collect(),
        per_company_limit: event.spec.per_company_limit,
        prefectures: PREFECTURES
            .iter()
            .map(|(ja, en)| Choice {
                value: (*ja).to_owned(),
                label: lang.pick(ja, en).to_owned(),
                selected: false,
            })
            .collect(),
        industries: choices(
            Industry::ALL,
            None,
            |v| v.code().into(),
            |v| v.label(lang).into(),
        ),
        employee_bands: choices(
            EmployeeBand::ALL,
            None,
            |v| v.code().into(),
            |v| v.label(lang).into(),
        ),
        heard_via: choices(
            HeardVia::ALL,
            None,
            |v| v.code().into(),
            |v| v.label(lang).into(),
        ),
        questions: question_views(qs, lang),
        purpose_of_use: event.spec.purpose_of_use(lang).to_owned(),
        kept,
        errors,
        general_error,
    }
}

/// What the form calls `field`, in `lang`: the label next to its input.
fn field_label(field: &str, lang: Lang, questions: &[Question]) -> Option<String> {
    let person_part = |part: &str| {
        let key = match part {
            "name" => "name",
            "kana" => "kana",
            "department" => "department",
            "title" => "job_title",
            "email" => "email",
            "phone" => "phone",
            _ => return None,
        };
        Some(text(lang, key))
    };
    if let Some(rest) = field.strip_prefix("attendees.") {
        let (index, part) = rest.split_once('.').unwrap_or((rest, ""));
        let n = index.parse::<usize>().ok()? + 1;
        let part = person_part(part).unwrap_or_default();
        return Some(
            format!("{} {n} {part}", text(lang, "attendee"))
                .trim_end()
                .to_owned(),
        );
    }
    if let Some(part) = field.strip_prefix("contact.") {
        return person_part(part).map(|p| format!("{} {p}", text(lang, "section_contact")));
    }
    if let Some(id) = field
        .strip_prefix("answers.")
        .and_then(|id| id.parse::<i64>().ok())
    {
        return questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.spec.label.get(lang).to_owned());
    }
    let key = match field {
        "company.name" => "company_name",
        "company.name_kana" => "company_name_kana",
        "company.corporate_number" => "corporate_number",
        "company.postal_code" => "postal_code",
        "company.prefecture" => "prefecture",
        "company.city" => "city",
        "company.street" => "street",
        "company.industry" => "industry",
        "company.employee_band" => "employee_band",
        "company.tcci_member" => "tcci_member",
        "affiliation" => "affiliation",
        "attendees" => "section_attendees",
        "heard_via" => "section_heard",
        "consent" => "section_consent",
        "confirm" => "cancel_registration",
        _ => return None,
    };
    Some(text(lang, key).to_owned())
}

fn new_form_token() -> String {
    hex::encode(rand::rng().random::<[u8; 16]>())
}

#[derive(Deserialize)]
pub struct FormParams {
    via: Option<String>,
}

#[handler]
pub async fn form_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
    Query(params): Query<FormParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let listing = catalogue::get_public(&state.db, &slug).await?;
    let qs = questions::of_event(&state.db, listing.event.id).await?;
    let mut kept = Kept::default();
    if let Some(via) = params.via {
        kept.values.insert("via".into(), via);
    }
    let view = form_view(
        &listing,
        &qs,
        lang.lang,
        csrf,
        kept,
        FieldMessages::default(),
        None,
    );
    state.pages.render("register.html", &lang, view)
}

#[handler]
pub async fn submit(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    let listing = catalogue::get_public(&state.db, &slug).await?;
    let qs = questions::of_event(&state.db, listing.event.id).await?;
    let l = lang.lang;
    let page = |status: StatusCode, errors: FieldMessages, general: Option<String>| {
        let view = form_view(&listing, &qs, l, csrf, form.kept(), errors, general);
        state
            .pages
            .render("register.html", &lang, view)
            .map(|r| r.with_status(status).into_response())
    };
    if let Err(e) = verifier.validate(form.get("csrf_token").unwrap_or_default()) {
        tracing::warn!(reason = %e, "form refused: CSRF token not valid");
        return page(
            StatusCode::FORBIDDEN,
            FieldMessages::default(),
            Some(text(l, "csrf_failed").into()),
        );
    }
    let blocks = form.attendee_blocks(attendee_slots(&listing));
    let block_numbers: Vec<usize> = blocks.iter().map(|(i, _, _)| *i).collect();
    let input = RegistrationInput {
        company: form.company(),
        contact: form.person("contact"),
        affiliation: form.text("affiliation"),
        attendees: blocks.into_iter().map(|(_, p, _)| p).collect(),
        answers: form.answers(),
        consent: form.flag("consent"),
        heard_via: form.text("heard_via"),
        via: form.text("via"),
        lang: l,
    };
    let key = form
        .text("form_token")
        .filter(|t| t.len() <= 64)
        .map(|t| format!("form:{t}"));
    match registrations::register(
        &state.db,
        &state.links,
        &slug,
        input,
        key.as_deref(),
        Utc::now(),
    )
    .await
    {
        Ok(done) => Ok(see_other(&format!(
            "/r/{}?done=registered",
            done.manage_token
        ))),
        Err(AppError::Validation(errors)) => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            FieldMessages::new(&errors, l, &block_numbers, &|f| field_label(f, l, &qs)),
            None,
        ),
        Err(e @ (AppError::Conflict { .. } | AppError::Gone { .. })) => {
            page(e.status(), FieldMessages::default(), Some(e.message(l)))
        }
        Err(e) => Err(e),
    }
}

#[derive(Serialize)]
struct AttendeeView {
    id: i64,
    name: String,
    kana: String,
    department: Option<String>,
    title: Option<String>,
    email: String,
    cancelled: bool,
}

#[derive(Serialize)]
struct ManageView {
    event: EventCard,
    token: String,
    csrf_token: String,
    done: Option<&'static str>,
    status: &'static str,
    confirmed: bool,
    waitlisted: bool,
    cancelled: bool,
    waitlist_position: Option<u32>,
    can_change: bool,
    individuals: bool,
    company_name: Option<String>,
    contact_name: String,
    contact_email: String,
    attendees: Vec<AttendeeView>,
    slots: Vec<usize>,
    questions: Vec<QuestionView>,
    kept: Kept,
    errors: FieldMessages,
    general_error: Option<String>,
}

/// Shows what the manage page needs, with the form fields filled from the registration unless
/// a rejected post is shown again (`kept`).
fn manage_view(
    m: &Managed,
    lang: Lang,
    csrf: &CsrfToken,
    done: Option<&str>,
    kept: Option<Kept>,
    errors: FieldMessages,
    general_error: Option<String>,
) -> ManageView {
    let now = Utc::now();
    let r = &m.registration;
    let open: Vec<_> = r
        .attendees
        .iter()
        .filter(|a| a.status != crate::domain::AttendeeStatus::Cancelled)
        .collect();
    let kept = kept.unwrap_or_else(|| {
        let mut k = Kept::default();
        for (i, a) in open.iter().enumerate() {
            let p = format!("attendees.{i}");
            k.values.insert(format!("{p}.id"), a.id.to_string());
            k.values.insert(format!("{p}.name"), a.name.clone());
            k.values.insert(format!("{p}.kana"), a.kana.clone());
            k.values.insert(
                format!("{p}.department"),
                a.department.clone().unwrap_or_default(),
            );
            k.values
                .insert(format!("{p}.title"), a.title.clone().unwrap_or_default());
            k.values.insert(format!("{p}.email"), a.email.clone());
        }
        for (id, answer) in &r.answers {
            let name = format!("answers.{id}");
            match answer {
                Answer::Text(t) => {
                    k.values.insert(name, t.clone());
                }
                Answer::YesNo(b) => {
                    k.chosen
                        .insert(format!("{name}={}", if *b { "yes" } else { "no" }));
                }
                Answer::Choices(c) => {
                    for v in c {
                        k.chosen.insert(format!("{name}={v}"));
                    }
                }
            }
        }
        k
    });
    let done = match done {
        Some("registered") => Some("registered"),
        Some("changed") => Some("changed"),
        Some("cancelled") => Some("cancelled"),
        Some("attendee_cancelled") => Some("attendee_cancelled"),
        _ => None,
    };
    let slots = attendee_slots(&m.event).max(open.len());
    ManageView {
        event: card(&m.event, lang, now),
        token: m.manage_token.clone(),
        csrf_token: csrf.0.clone(),
        done,
        status: r.status.label(lang),
        confirmed: r.status == RegistrationStatus::Confirmed,
        waitlisted: r.status == RegistrationStatus::Waitlisted,
        cancelled: r.status == RegistrationStatus::Cancelled,
        waitlist_position: m.waitlist_position,
        can_change: r.status != RegistrationStatus::Cancelled && now < m.event.event.spec.starts_at,
        individuals: r.audience == Audience::Individuals,
        company_name: r.company.as_ref().map(|c| c.name.clone()),
        contact_name: r.contact.name.clone(),
        contact_email: r.contact.email.clone(),
        // The registrant is never told that an address was registered already.
        attendees: r
            .attendees
            .iter()
            .map(|a| AttendeeView {
                id: a.id,
                name: a.name.clone(),
                kana: a.kana.clone(),
                department: a.department.clone(),
                title: a.title.clone(),
                email: a.email.clone(),
                cancelled: a.status == crate::domain::AttendeeStatus::Cancelled,
            })
            .collect(),
        slots: (0..slots).collect(),
        questions: question_views(&m.questions, lang),
        kept,
        errors,
        general_error,
    }
}

#[derive(Deserialize)]
pub struct ManageParams {
    done: Option<String>,
}

#[handler]
pub async fn manage_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(token): Path<String>,
    Query(params): Query<ManageParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let m = registrations::by_token(&state.db, &token).await?;
    let view = manage_view(
        &m,
        lang.lang,
        csrf,
        params.done.as_deref(),
        None,
        FieldMessages::default(),
        None,
    );
    let resp = state.pages.render("manage.html", &lang, view)?;
    Ok(private(resp))
}

/// What a post to the manage page asks for.
enum ManageAction {
    CancelAll,
    CancelAttendee(i64),
    ChangeAttendees,
    ChangeAnswers,
}

#[handler]
pub async fn cancel_all(
    state: Data<&AppState>,
    lang: PageLang,
    Path(token): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    manage_post(
        &state,
        &lang,
        &token,
        csrf,
        verifier,
        body,
        ManageAction::CancelAll,
    )
    .await
}

#[handler]
pub async fn cancel_attendee(
    state: Data<&AppState>,
    lang: PageLang,
    Path((token, attendee)): Path<(String, i64)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    manage_post(
        &state,
        &lang,
        &token,
        csrf,
        verifier,
        body,
        ManageAction::CancelAttendee(attendee),
    )
    .await
}

#[handler]
pub async fn change_attendees(
    state: Data<&AppState>,
    lang: PageLang,
    Path(token): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    manage_post(
        &state,
        &lang,
        &token,
        csrf,
        verifier,
        body,
        ManageAction::ChangeAttendees,
    )
    .await
}

#[handler]
pub async fn change_answers(
    state: Data<&AppState>,
    lang: PageLang,
    Path(token): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    manage_post(
        &state,
        &lang,
        &token,
        csrf,
        verifier,
        body,
        ManageAction::ChangeAnswers,
    )
    .await
}

async fn manage_post(
    state: &AppState,
    lang: &PageLang,
    token: &str,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
    action: ManageAction,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    let l = lang.lang;
    let current = registrations::by_token(&state.db, token).await?;
    let again =
        |m: &Managed, status: StatusCode, errors: FieldMessages, general: Option<String>| {
            let view = manage_view(m, l, csrf, None, Some(form.kept()), errors, general);
            state
                .pages
                .render("manage.html", lang, view)
                .map(|r| private(r.with_status(status).into_response()))
        };
    if let Err(e) = verifier.validate(form.get("csrf_token").unwrap_or_default()) {
        tracing::warn!(reason = %e, "form refused: CSRF token not valid");
        return again(
            &current,
            StatusCode::FORBIDDEN,
            FieldMessages::default(),
            Some(text(l, "csrf_failed").into()),
        );
    }
    let now = Utc::now();
    let mut blocks = Vec::new();
    let (result, done) = match action {
        ManageAction::CancelAll if !form.flag("confirm") => {
            let errors = crate::domain::ValidationErrors::single(
                "confirm",
                "confirm_required",
                "キャンセルする場合は、確認のチェックを入れてください。",
                "To cancel, tick the box to confirm.",
            );
            return again(
                &current,
                StatusCode::UNPROCESSABLE_ENTITY,
                FieldMessages::new(&errors, l, &[], &|f| field_label(f, l, &[])),
                None,
            );
        }
        ManageAction::CancelAll => (
            registrations::cancel(&state.db, token, None, now).await,
            "cancelled",
        ),
        ManageAction::CancelAttendee(id) => (
            registrations::cancel(&state.db, token, Some(&[id]), now).await,
            "attendee_cancelled",
        ),
        ManageAction::ChangeAttendees => {
            let slots = attendee_slots(&current.event).max(current.registration.attendees.len());
            let list = form.attendee_blocks(slots);
            blocks = list.iter().map(|(i, _, _)| *i).collect();
            let change = RegistrationChange {
                attendees: Some(
                    list.into_iter()
                        .map(|(_, person, id)| AttendeeChange { id, person })
                        .collect(),
                ),
                answers: None,
            };
            (
                registrations::change(&state.db, token, change, now).await,
                "changed",
            )
        }
        ManageAction::ChangeAnswers => {
            let change = RegistrationChange {
                attendees: None,
                answers: Some(form.answers()),
            };
            (
                registrations::change(&state.db, token, change, now).await,
                "changed",
            )
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/r/{token}?done={done}"))),
        Err(AppError::Validation(errors)) => again(
            &current,
            StatusCode::UNPROCESSABLE_ENTITY,
            FieldMessages::new(&errors, l, &blocks, &|f| {
                field_label(f, l, &current.questions)
            }),
            None,
        ),
        Err(e @ (AppError::Conflict { .. } | AppError::Gone { .. })) => again(
            &current,
            e.status(),
            FieldMessages::default(),
            Some(e.message(l)),
        ),
        Err(e) => Err(e),
    }
}

async fn read_form(body: Body) -> Result<FormData, AppError> {
    let bytes = body
        .into_bytes_limit(crate::http::limits::MAX_BODY_BYTES)
        .await
        .map_err(|_| AppError::TooLarge)?;
    Ok(FormData::parse(&bytes))
}

fn see_other(url: &str) -> Response {
    private(Redirect::see_other(url).into_response())
}

/// Pages behind a manage link hold personal data: no caching, no referrer leaking the link.
fn private(mut resp: Response) -> Response {
    let headers = resp.headers_mut();
    if let Ok(v) = "no-store".parse() {
        headers.insert("cache-control", v);
    }
    if let Ok(v) = "no-referrer".parse() {
        headers.insert("referrer-policy", v);
    }
    resp
}
