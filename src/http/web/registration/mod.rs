//! The registration form (`/events/{slug}/register`) and the manage page (`/r/{token}`).
//! Plain HTML forms: no JavaScript needed. Every post carries a CSRF token; the registration
//! form also carries a one-time form token, so a double submit registers once.
use super::PageLang;
use super::catalogue::{Choice, EventCard, card, choices};
use super::form::{FieldMessages, Kept, read_form};
use super::private;
use crate::domain::registration::MAX_ATTENDEES;
use crate::domain::{
    Answer, Audience, Country, EmployeeBand, HeardVia, Industry, Question, QuestionKind,
    RegistrantKind, RegistrationInput, SchoolType, Shape,
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

mod attendance;
mod join_link;
mod manage;
mod register;
mod unsubscribe;

pub use attendance::{attendance_page, attendance_post};
pub use join_link::join;
pub(crate) use manage::{DocumentView, document_view};
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

/// What a registration form (or the manage page) calls its fields, for the error summary:
/// the very message ids `register.html`, `manage.html` and `macros.html` label them with, so
/// the summary names a field as the page does.
#[derive(Clone, Copy)]
struct FormLabels<'a> {
    lang: Lang,
    /// A form for individuals (a student at a job fair): "about you", not "contact person".
    individuals: bool,
    /// Sessions are consultation slots (one per company), headed "time slot".
    slots: bool,
    questions: &'a [Question],
}

impl FormLabels<'_> {
    /// Whether a reading may be typed in Latin letters, as the domain and the templates
    /// decide it (a form for individuals always allows it for its person).
    fn latin_readings(&self) -> bool {
        self.lang.accepts_latin_readings()
    }

    /// The label of `part` of a person block, as `person_fields` labels it.
    fn person_part(&self, part: &str, latin: bool) -> Option<String> {
        let id = match part {
            "name" => "name",
            "kana" if latin => "kana-or-romaji",
            "kana" => "kana",
            "department" => "department",
            "title" => "job-title",
            "email" => "email",
            "phone" => "phone",
            "sessions" => "sessions",
            _ => return None,
        };
        Some(self.lang.t(id))
    }

    /// The section's legend and the field's label, as the page shows them.
    fn label(&self, field: &str) -> Option<String> {
        let lang = self.lang;
        if let Some(rest) = field.strip_prefix("attendees.") {
            let (index, part) = rest.split_once('.').unwrap_or((rest, ""));
            let n = index.parse::<usize>().ok()? + 1;
            let block = format!("{} {n}", lang.t("attendee"));
            return Some(match self.person_part(part, self.latin_readings()) {
                Some(label) => format!("{block} {label}"),
                None => block,
            });
        }
        if let Some(part) = field.strip_prefix("contact.") {
            let (section, latin) = if self.individuals {
                ("section-person", true)
            } else {
                ("section-contact", self.latin_readings())
            };
            return self
                .person_part(part, latin)
                .map(|label| format!("{} {label}", lang.t(section)));
        }
        if let Some(id) = field
            .strip_prefix("answers.")
            .and_then(|id| id.parse::<i64>().ok())
        {
            return self
                .questions
                .iter()
                .find(|q| q.id == id)
                .map(|q| q.spec.label.get(lang.content()).to_owned());
        }
        let id = match field {
            "company.name" => "company-name",
            "company.name_kana" => "company-name-kana",
            "company.corporate_number" => "corporate-number",
            "company.kind" => "registrant-kind",
            "company.school_type" => "school-type",
            "company.country" => "country",
            "company.region" => "region",
            "time_zone" => "time-zone",
            "company.postal_code" => "postal-code",
            "company.prefecture" => "prefecture",
            "company.city" => "city",
            "company.street" => "street",
            "company.industry" => "industry",
            "company.employee_band" => "employee-band",
            "company.tcci_member" => "tcci-member",
            "affiliation" => "affiliation",
            "student.graduation_year" => "student-graduation-year",
            "student.japanese_level" => "student-japanese-level",
            "student.field" => "student-field",
            "booths" => "student-booths",
            "offer.from" => "internship-from",
            "offer.to" => "internship-to",
            "offer.tasks" => "internship-tasks",
            "offer.places" => "internship-places",
            "offer.languages" => "internship-languages",
            "offer.japanese_level" => "internship-japanese-level",
            "offer.allowance" => "internship-allowance",
            "application.offer" => "internship-offer",
            "application.motivation" => "internship-motivation",
            "exhibitor.staff_count" => "booth-staff-count",
            "exhibitor.languages" => "booth-languages",
            "exhibitor.positions" => "booth-positions",
            "exhibitor.visa_support" => "booth-visa-support",
            "exhibitor.hiring_fields" => "booth-hiring-fields",
            "declaration.commitments" => "declaration-commitments",
            "declaration.other" => "declaration-other",
            "declaration.statement" => "declaration-statement",
            "certification.categories" => "cert-categories",
            "certification.measures" => "cert-measures",
            "certification.documents" => "cert-documents",
            "dispatch.theme" => "dispatch-theme",
            "dispatch.issue" => "dispatch-issue",
            "dispatch.employees" => "dispatch-employees",
            "dispatch.preferred_dates" => "dispatch-preferred-dates",
            "dispatch.mode" => "dispatch-mode",
            "campaign.actions" => "campaign-actions",
            "campaign.other_action" => "campaign-other",
            "campaign.employees" => "campaign-employees",
            "campaign.from" => "campaign-from",
            "campaign.to" => "campaign-to",
            "attendees" => "section-attendees",
            "sessions" if self.slots => "slots",
            "sessions" => "sessions",
            "heard_via" => "section-heard",
            "consent" => "section-consent",
            "confirm" => "cancel-registration",
            _ => return None,
        };
        Some(lang.t(id))
    }
}

fn new_form_token() -> String {
    hex::encode(rand::rng().random::<[u8; 16]>())
}

fn see_other(url: &str) -> Response {
    private(Redirect::see_other(url).into_response())
}
