//! Reading HTML form posts: repeated keys (checkbox groups), values kept to show again, and
//! the errors of each field in the reader's language.
use crate::domain::ValidationErrors;
use crate::domain::registration::{CompanyInput, PersonInput};
use crate::error::AppError;
use crate::i18n::Lang;
use poem::Body;
use poem::web::CsrfVerifier;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Reads a form post, within the body limit.
pub async fn read_form(body: Body) -> Result<FormData, AppError> {
    let bytes = body
        .into_bytes_limit(crate::http::limits::MAX_BODY_BYTES)
        .await
        .map_err(|_| AppError::TooLarge)?;
    if !is_utf8_form(&bytes) {
        return Err(AppError::not_utf8());
    }
    Ok(FormData::parse(&bytes))
}

/// Whether every name and value of an urlencoded body decodes to UTF-8. serde_html_form
/// would turn other bytes into U+FFFD and so store something the person never typed.
fn is_utf8_form(body: &[u8]) -> bool {
    body.split(|b| *b == b'&').all(|pair| {
        let plus_as_space: Vec<u8> = pair
            .iter()
            .map(|b| if *b == b'+' { b' ' } else { *b })
            .collect();
        plus_as_space
            .split(|b| *b == b'=')
            .all(|part| percent_encoding::percent_decode(part).decode_utf8().is_ok())
    })
}

/// Reads a form post that must carry its page's CSRF token; without it nothing happens.
pub async fn read_checked_form(body: Body, verifier: &CsrfVerifier) -> Result<FormData, AppError> {
    let form = read_form(body).await?;
    if !verifier.is_valid(form.get("csrf_token").unwrap_or_default()) {
        return Err(AppError::Forbidden);
    }
    Ok(form)
}

/// A submitted form: every value as typed, in order, repeated keys included.
pub struct FormData {
    pairs: Vec<(String, String)>,
}

impl FormData {
    /// Parses `application/x-www-form-urlencoded`, where a key may repeat.
    pub fn parse(body: &[u8]) -> Self {
        let pairs: Vec<(String, String)> = serde_html_form::from_bytes(body).unwrap_or_default();
        FormData { pairs }
    }

    /// A form read from other than an urlencoded body (a multipart upload's text fields).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        FormData { pairs }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `Some` when the key was sent with a non-blank value.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_owned)
    }

    /// A booth application's fields (`exhibitor.*`).
    pub fn exhibitor(&self) -> crate::domain::ExhibitorInput {
        crate::domain::ExhibitorInput {
            staff_count: self.text("exhibitor.staff_count"),
            languages: self
                .pairs
                .iter()
                .filter(|(k, _)| k == "exhibitor.languages")
                .map(|(_, v)| v.clone())
                .collect(),
            positions: self.text("exhibitor.positions"),
            visa_support: self.text("exhibitor.visa_support"),
            hiring_fields: self.text("exhibitor.hiring_fields"),
        }
    }

    /// A student visitor's fields (`student.*`).
    pub fn student(&self) -> crate::domain::StudentInput {
        crate::domain::StudentInput {
            graduation_year: self.text("student.graduation_year"),
            japanese_level: self.text("student.japanese_level"),
            field: self.text("student.field"),
        }
    }

    /// An internship offer's fields (`offer.*`).
    pub fn internship_offer(&self) -> crate::domain::OfferInput {
        crate::domain::OfferInput {
            from: self.text("offer.from"),
            to: self.text("offer.to"),
            tasks: self.text("offer.tasks"),
            places: self.text("offer.places"),
            languages: self
                .pairs
                .iter()
                .filter(|(k, _)| k == "offer.languages")
                .map(|(_, v)| v.clone())
                .collect(),
            japanese_level: self.text("offer.japanese_level"),
            allowance: self.text("offer.allowance"),
        }
    }

    /// An internship application's fields (`application.*`); the profile is `student.*`.
    pub fn internship_application(&self) -> crate::domain::InternshipApplicationInput {
        crate::domain::InternshipApplicationInput {
            offer: self.text("application.offer"),
            motivation: self.text("application.motivation"),
        }
    }

    /// A declaration's fields (`declaration.*`).
    pub fn declaration(&self) -> crate::domain::DeclarationInput {
        crate::domain::DeclarationInput {
            commitments: self
                .pairs
                .iter()
                .filter(|(k, _)| k == "declaration.commitments")
                .map(|(_, v)| v.clone())
                .collect(),
            other: self.text("declaration.other"),
            statement: self.text("declaration.statement"),
            listed: self.flag("declaration.listed"),
        }
    }

    /// An expert dispatch request's fields (`dispatch.*`; the preferred dates as
    /// `dispatch.date_1` … `dispatch.date_3`).
    pub fn dispatch(&self) -> crate::domain::DispatchInput {
        crate::domain::DispatchInput {
            theme: self.text("dispatch.theme"),
            issue: self.text("dispatch.issue"),
            employees: self.text("dispatch.employees"),
            preferred_dates: (1..=crate::domain::dispatch::MAX_PREFERRED_DATES)
                .filter_map(|i| self.text(&format!("dispatch.date_{i}")))
                .collect(),
            mode: self.text("dispatch.mode"),
        }
    }

    /// A campaign entry's fields (`campaign.*`).
    pub fn campaign(&self) -> crate::domain::CampaignInput {
        crate::domain::CampaignInput {
            actions: self
                .pairs
                .iter()
                .filter(|(k, _)| k == "campaign.actions")
                .map(|(_, v)| v.clone())
                .collect(),
            other_action: self.text("campaign.other_action"),
            employees: self.text("campaign.employees"),
            from: self.text("campaign.from"),
            to: self.text("campaign.to"),
            listed: self.flag("campaign.listed"),
        }
    }

    /// Every value sent under a repeated key (ticked checkboxes), in order.
    pub fn values(&self, key: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Every number sent under a repeated key (ticked sessions); anything else is skipped.
    pub fn ids(&self, key: &str) -> Vec<i64> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .filter_map(|(_, v)| v.trim().parse().ok())
            .collect()
    }

    /// Every value sent under a repeated key (a group of checkboxes), in order.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some("on" | "yes" | "true" | "1"))
    }

    /// What to show in the fields when the form comes back: single values by name, and
    /// `name=value` for every ticked box or chosen option.
    pub fn kept(&self) -> Kept {
        let mut values = BTreeMap::new();
        let mut chosen = BTreeSet::new();
        for (k, v) in &self.pairs {
            if k == "csrf_token" {
                continue;
            }
            values.insert(k.clone(), v.clone());
            chosen.insert(format!("{k}={v}"));
        }
        Kept { values, chosen }
    }

    /// A person's fields under `prefix` (`contact`, `attendees.2`).
    pub fn person(&self, prefix: &str) -> PersonInput {
        PersonInput {
            name: self.text(&format!("{prefix}.name")),
            kana: self.text(&format!("{prefix}.kana")),
            department: self.text(&format!("{prefix}.department")),
            title: self.text(&format!("{prefix}.title")),
            email: self.text(&format!("{prefix}.email")),
            phone: self.text(&format!("{prefix}.phone")),
        }
    }

    pub fn person_is_blank(&self, prefix: &str) -> bool {
        ["name", "kana", "department", "title", "email"]
            .iter()
            .all(|f| self.text(&format!("{prefix}.{f}")).is_none())
    }

    /// The organization's fields; `None` where the person chose to register on their own
    /// (`company.kind=individual`, offered where the event admits individuals).
    pub fn company(&self) -> Option<CompanyInput> {
        let kind = self.text("company.kind");
        if kind.as_deref() == Some(crate::domain::RegistrantKind::Individual.code()) {
            return None;
        }
        Some(CompanyInput {
            kind,
            name: self.text("company.name"),
            name_kana: self.text("company.name_kana"),
            corporate_number: self.text("company.corporate_number"),
            school_type: self.text("company.school_type"),
            country: self.text("company.country"),
            postal_code: self.text("company.postal_code"),
            prefecture: self.text("company.prefecture"),
            region: self.text("company.region"),
            city: self.text("company.city"),
            street: self.text("company.street"),
            industry: self.text("company.industry"),
            employee_band: self.text("company.employee_band"),
            tcci_member: match self.get("company.tcci_member") {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
        })
    }

    /// `answers.<id>` values, by question id.
    pub fn answers(&self) -> BTreeMap<i64, Vec<String>> {
        let mut map: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        for (k, v) in &self.pairs {
            if let Some(id) = k.strip_prefix("answers.").and_then(|id| id.parse().ok()) {
                map.entry(id).or_default().push(v.clone());
            }
        }
        map
    }

    /// The attendee blocks that were filled in, with the index each had on the form.
    pub fn attendee_blocks(&self, slots: usize) -> Vec<(usize, PersonInput, Option<i64>)> {
        (0..slots)
            .filter(|i| !self.person_is_blank(&format!("attendees.{i}")))
            .map(|i| {
                let id = self
                    .get(&format!("attendees.{i}.id"))
                    .and_then(|v| v.parse().ok());
                (i, self.person(&format!("attendees.{i}")), id)
            })
            .collect()
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Kept {
    pub values: BTreeMap<String, String>,
    pub chosen: BTreeSet<String>,
}

/// Field errors for a page: by field name, and as a list for the summary at the top.
#[derive(Debug, Default, Serialize)]
pub struct FieldMessages {
    pub by_field: BTreeMap<String, String>,
    pub list: Vec<FieldMessage>,
}

#[derive(Debug, Serialize)]
pub struct FieldMessage {
    pub field: String,
    /// What the reader calls the field, for the summary at the top (the corporate-number label, say).
    pub label: Option<String>,
    pub message: String,
}

impl FieldMessages {
    /// `blocks` maps the n-th submitted attendee back to its block on the form, so that a
    /// message lands next to the block the person filled in; `label` names a field for the
    /// summary.
    pub fn new(
        errors: &ValidationErrors,
        lang: Lang,
        blocks: &[usize],
        label: &dyn Fn(&str) -> Option<String>,
    ) -> Self {
        let mut out = FieldMessages::default();
        for e in errors.fields() {
            let field = remap_attendee(&e.field, blocks);
            let message = crate::http::error_words::field_message(e, lang);
            out.by_field
                .entry(field.clone())
                .or_insert_with(|| message.clone());
            out.list.push(FieldMessage {
                label: label(&field),
                field,
                message,
            });
        }
        out
    }
}

fn remap_attendee(field: &str, blocks: &[usize]) -> String {
    let Some(rest) = field.strip_prefix("attendees.") else {
        return field.to_owned();
    };
    let (index, tail) = rest.split_once('.').unwrap_or((rest, ""));
    match index.parse::<usize>().ok().and_then(|i| blocks.get(i)) {
        Some(block) if tail.is_empty() => format!("attendees.{block}"),
        Some(block) => format!("attendees.{block}.{tail}"),
        None => field.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_that_are_not_utf8_are_told_apart() {
        assert!(is_utf8_form(b"company.name=%E6%9D%B1%E4%BA%AC&x=a+b"));
        assert!(is_utf8_form(b"a=%00"));
        assert!(!is_utf8_form(b"company.name=%FF%FE"));
        assert!(!is_utf8_form(b"%C3=x"));
        // A lone surrogate as a browser would never send it, but an attacker can.
        assert!(!is_utf8_form(b"name=%ED%A0%80"));
        assert!(!is_utf8_form(b"name=\xff"));
    }

    #[test]
    fn repeated_keys_and_block_numbers_survive() {
        let form = FormData::parse(
            "answers.3=a&answers.3=c&attendees.0.name=A&attendees.0.email=a%40x.jp&attendees.2.name=C&company.tcci_member=no"
                .as_bytes(),
        );
        assert_eq!(form.answers()[&3], ["a", "c"]);
        let blocks: Vec<usize> = form.attendee_blocks(3).iter().map(|(i, _, _)| *i).collect();
        assert_eq!(blocks, [0, 2]);
        assert_eq!(form.company().unwrap().tcci_member, Some(false));
        assert_eq!(
            remap_attendee("attendees.1.email", &blocks),
            "attendees.2.email"
        );
        assert_eq!(remap_attendee("contact.email", &blocks), "contact.email");
        assert!(form.kept().chosen.contains("answers.3=c"));
    }
}
