//! The Tokyo Telework Rule declaration of practising companies: a company declares once what it commits to; the
//! organizer reviews it; an approved declaration may be listed publicly.
use super::ValidationErrors;
use super::text::{optional_text, required_lines};
use chrono::{DateTime, Utc};
use serde::Serialize;

labelled_enum! {
    /// What a company commits to under the Tokyo Telework Rule.
    pub enum Commitment {
        Telework = "telework" => "label-commitment-telework";
        FlexibleHours = "flexible_hours" => "label-commitment-flexible-hours";
        OnlineMeetings = "online_meetings" => "label-commitment-online-meetings";
        Paperless = "paperless" => "label-commitment-paperless";
        Satellite = "satellite" => "label-commitment-satellite";
        Other = "other" => "label-commitment-other";
    }
}

labelled_enum! {
    /// Where a declaration stands: under review when made or changed, then approved or
    /// returned with a note; withdrawn when the company cancels it.
    pub enum DeclarationState {
        UnderReview = "under_review" => "label-declaration-state-under-review";
        Approved = "approved" => "label-declaration-state-approved";
        Returned = "returned" => "label-declaration-state-returned";
        Withdrawn = "withdrawn" => "label-declaration-state-withdrawn";
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DeclarationInput {
    pub commitments: Vec<String>,
    pub other: Option<String>,
    /// The company's own words: the statement.
    pub statement: Option<String>,
    pub listed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Declaration {
    pub commitments: Vec<Commitment>,
    pub other: Option<String>,
    pub statement: String,
    pub listed: bool,
}

impl Declaration {
    /// Errors are named `declaration.<field>`.
    pub fn parse(input: DeclarationInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut commitments = Vec::new();
        for c in &input.commitments {
            match c.parse::<Commitment>() {
                Ok(c) if !commitments.contains(&c) => commitments.push(c),
                Ok(_) => {}
                Err(_) => errors.add("declaration.commitments", "invalid_choice"),
            }
        }
        if commitments.is_empty() && errors.is_empty() {
            errors.add("declaration.commitments", "choose_at_least_one");
        }
        commitments.sort();
        let other = optional_text(
            &mut errors,
            "declaration.other",
            input.other.as_deref(),
            200,
        );
        if commitments.contains(&Commitment::Other) && other.is_none() {
            errors.add("declaration.other", "other_required");
        }
        let statement = required_lines(
            &mut errors,
            "declaration.statement",
            input.statement.as_deref(),
            400,
        );
        match statement {
            Some(statement) if errors.is_empty() => Ok(Declaration {
                commitments,
                other,
                statement,
                listed: input.listed,
            }),
            _ => Err(errors),
        }
    }

    pub fn commitment_codes(&self) -> String {
        self.commitments
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A declaration as stored, with its review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclarationRecord {
    pub declaration: Declaration,
    pub state: DeclarationState,
    pub reviewed_at: Option<DateTime<Utc>>,
    /// The organizer's note when returning it for changes.
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declaration_needs_a_commitment_and_a_statement() {
        let ok = Declaration::parse(DeclarationInput {
            commitments: vec!["paperless".into(), "telework".into()],
            statement: Some("全社員が週2日以上テレワークできる体制を整えます。".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.commitment_codes(), "telework,paperless");
        let bad = Declaration::parse(DeclarationInput {
            commitments: vec!["other".into()],
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = bad.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["declaration.other", "declaration.statement"]);
    }
}
