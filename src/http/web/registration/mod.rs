//! The registration form (`/events/{slug}/register`) and the manage page (`/r/{token}`).
//! Plain HTML forms: no JavaScript needed. Every post carries a CSRF token; the registration
//! form also carries a one-time form token, so a double submit registers once.
use super::PageLang;
use super::catalogue::{Choice, EventCard, card, choices};
use super::form::{FieldMessages, Kept, read_form};
use super::private;
use crate::domain::registration::MAX_ATTENDEES;
use crate::domain::{
    Answer, Audience, EmployeeBand, HeardVia, Industry, Question, QuestionKind, RegistrationInput,
    RegistrationStatus,
};
use crate::error::AppError;
use crate::http::AppState;
use crate::i18n::Lang;
use crate::services::catalogue::{self, EventListing};
use crate::services::questions;
use crate::services::registrations::{self, AttendeeChange, Managed, RegistrationChange};
use chrono::Utc;
use poem::http::StatusCode;
use poem::web::{CsrfToken, CsrfVerifier, Data, Path, Query, Redirect};
use poem::{Body, IntoResponse, Response, handler};
use rand::Rng;
use serde::{Deserialize, Serialize};

mod manage;
mod register;
mod unsubscribe;

pub use manage::{cancel_attendee, cancel_attendee_page, manage_action, manage_page};
pub use register::{exhibit_page, exhibit_submit, form_page, submit};
pub use unsubscribe::{unsubscribe_page, unsubscribe_post};

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
            label: q.spec.label.get(lang.content()).to_owned(),
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
                    label: o.label(lang.content()).to_owned(),
                    selected: false,
                })
                .collect(),
        })
        .collect()
}

/// What the form calls `field`, in `lang`: the label next to its input.
fn field_label(field: &str, lang: Lang, questions: &[Question]) -> Option<String> {
    let person_part = |part: &str| {
        let key = match part {
            "name" => "name",
            "kana" => "kana",
            "department" => "department",
            "title" => "job-title",
            "email" => "email",
            "phone" => "phone",
            _ => return None,
        };
        Some(lang.t(key))
    };
    if let Some(rest) = field.strip_prefix("attendees.") {
        let (index, part) = rest.split_once('.').unwrap_or((rest, ""));
        let n = index.parse::<usize>().ok()? + 1;
        let part = person_part(part).unwrap_or_default();
        return Some(
            format!("{} {n} {part}", crate::i18n::t(lang, "attendee"))
                .trim_end()
                .to_owned(),
        );
    }
    if let Some(part) = field.strip_prefix("contact.") {
        return person_part(part)
            .map(|p| format!("{} {p}", crate::i18n::t(lang, "section-contact")));
    }
    if let Some(id) = field
        .strip_prefix("answers.")
        .and_then(|id| id.parse::<i64>().ok())
    {
        return questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.spec.label.get(lang.content()).to_owned());
    }
    let key = match field {
        "company.name" => "company-name",
        "company.name_kana" => "company-name-kana",
        "company.corporate_number" => "corporate-number",
        "company.postal_code" => "postal-code",
        "company.prefecture" => "prefecture",
        "company.city" => "city",
        "company.street" => "street",
        "company.industry" => "industry",
        "company.employee_band" => "employee-band",
        "company.tcci_member" => "tcci-member",
        "affiliation" => "affiliation",
        "attendees" => "section-attendees",
        "heard_via" => "section-heard",
        "consent" => "section-consent",
        "confirm" => "cancel-registration",
        _ => return None,
    };
    Some(lang.t(key))
}

fn new_form_token() -> String {
    hex::encode(rand::rng().random::<[u8; 16]>())
}

fn see_other(url: &str) -> Response {
    private(Redirect::see_other(url).into_response())
}
