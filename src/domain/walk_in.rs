//! Walk-ins: people who come to the door without having registered, as staff type them in.
use super::company::{EmployeeBand, Kana};
use super::text::{parse_required, required_text};
use super::{Email, ValidationErrors};
use serde::Serialize;

/// Someone who comes to the door without having registered, as staff type them in.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WalkInInput {
    pub name: Option<String>,
    pub kana: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub employee_band: Option<String>,
    /// Staff explained the purpose of use and the person agreed.
    pub consent: bool,
}

/// A valid walk-in: one person, one seat. The company is a name only (no address or number:
/// nobody fills in a full form at the door); the size is asked because reports count SMEs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkIn {
    pub name: String,
    pub kana: Kana,
    pub company: String,
    pub email: Email,
    pub employee_band: Option<EmployeeBand>,
}

impl WalkIn {
    pub fn parse(input: WalkInInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = required_text(&mut errors, "name", input.name.as_deref(), 100);
        // Visitors from abroad give their name in romaji.
        let kana = parse_required(&mut errors, "kana", input.kana.as_deref(), |f, s| {
            Kana::parse(f, s, true)
        });
        let company = required_text(&mut errors, "company", input.company.as_deref(), 200);
        let email = parse_required(&mut errors, "email", input.email.as_deref(), Email::parse);
        let employee_band = match input.employee_band.as_deref().map(str::trim) {
            Some(b) if !b.is_empty() => errors.take(
                b.parse::<EmployeeBand>()
                    .map_err(|_| ValidationErrors::single("employee_band", "invalid_choice")),
            ),
            _ => None,
        };
        if !input.consent {
            errors.add("consent", "walk_in_consent");
        }
        match (name, kana, company, email) {
            (Some(name), Some(kana), Some(company), Some(email)) if errors.is_empty() => {
                Ok(WalkIn {
                    name,
                    kana,
                    company,
                    email,
                    employee_band,
                })
            }
            _ => Err(errors),
        }
    }
}
