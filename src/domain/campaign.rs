//! Joining a campaign (Smooth-Biz): a company declares which actions it takes, for how many
//! employees and during which part of the campaign's period. No seats, no attendees.
use super::ValidationErrors;
use super::text::optional_text;
use chrono::NaiveDate;
use serde::Serialize;

labelled_enum! {
    /// What a company does during the campaign.
    pub enum CampaignAction {
        Telework = "telework" => "label-campaign-action-telework";
        StaggeredCommuting = "staggered_commuting" => "label-campaign-action-staggered-commuting";
        FlexTime = "flex_time" => "label-campaign-action-flex-time";
        Logistics = "logistics" => "label-campaign-action-logistics";
        Other = "other" => "label-campaign-action-other";
    }
}

/// What the form or API sent.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CampaignInput {
    pub actions: Vec<String>,
    pub other_action: Option<String>,
    pub employees: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The company may be named on the public list of participants.
    pub listed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CampaignEntry {
    pub actions: Vec<CampaignAction>,
    pub other_action: Option<String>,
    pub employees: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub listed: bool,
}

impl CampaignEntry {
    /// Checks an entry against the campaign's period (Tokyo dates, both ends included). Errors
    /// are named `campaign.<field>`.
    pub fn parse(
        input: CampaignInput,
        period: (NaiveDate, NaiveDate),
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut actions = Vec::new();
        for a in &input.actions {
            match a.parse::<CampaignAction>() {
                Ok(a) if !actions.contains(&a) => actions.push(a),
                Ok(_) => {}
                Err(_) => errors.add("campaign.actions", "invalid_choice"),
            }
        }
        if actions.is_empty() && errors.is_empty() {
            errors.add("campaign.actions", "choose_at_least_one");
        }
        actions.sort();
        let other_action = optional_text(
            &mut errors,
            "campaign.other_action",
            input.other_action.as_deref(),
            200,
        );
        if actions.contains(&CampaignAction::Other) && other_action.is_none() {
            errors.add("campaign.other_action", "other_required");
        }
        let employees = match input.employees.as_deref().map(|e| {
            super::normalize::fold_width(e.trim())
                .replace(',', "")
                .parse::<u32>()
        }) {
            Some(Ok(n)) if (1..=1_000_000).contains(&n) => Some(n),
            Some(Ok(_)) | Some(Err(_)) => {
                errors.add_with(
                    "campaign.employees",
                    "invalid_number",
                    crate::error_args![("min", 1)],
                );
                None
            }
            None => {
                errors.add("campaign.employees", "required");
                None
            }
        };
        let date = |errors: &mut ValidationErrors, field: &str, v: &Option<String>, default| match v
            .as_deref()
            .map(str::trim)
        {
            None | Some("") => Some(default),
            Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.add(field, "invalid_date");
                    None
                }
            },
        };
        let from = date(&mut errors, "campaign.from", &input.from, period.0);
        let to = date(&mut errors, "campaign.to", &input.to, period.1);
        if let (Some(f), Some(t)) = (from, to) {
            if f < period.0 || t > period.1 {
                errors.add_with(
                    "campaign.from",
                    "outside_period",
                    crate::error_args![
                        ("from", period.0.to_string()),
                        ("to", period.1.to_string())
                    ],
                );
            } else if t < f {
                errors.add("campaign.to", "last_day_before_first");
            }
        }
        match (employees, from, to) {
            (Some(employees), Some(from), Some(to)) if errors.is_empty() => Ok(CampaignEntry {
                actions,
                other_action,
                employees,
                from,
                to,
                listed: input.listed,
            }),
            _ => Err(errors),
        }
    }

    pub fn action_codes(&self) -> String {
        self.actions
            .iter()
            .map(|a| a.code())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period() -> (NaiveDate, NaiveDate) {
        (
            NaiveDate::from_ymd_opt(2027, 7, 1).unwrap(),
            NaiveDate::from_ymd_opt(2027, 8, 31).unwrap(),
        )
    }

    #[test]
    fn an_entry_names_actions_employees_and_days_within_the_campaign() {
        let ok = CampaignEntry::parse(
            CampaignInput {
                actions: vec!["telework".into(), "other".into(), "telework".into()],
                other_action: Some("ノー残業デー".into()),
                employees: Some("１，２００".into()),
                from: Some("2027-07-20".into()),
                to: None,
                listed: true,
            },
            period(),
        )
        .unwrap();
        assert_eq!(ok.employees, 1200, "full-width digits and commas are read");
        assert_eq!(ok.actions.len(), 2);
        assert_eq!(ok.to, period().1, "the campaign's end by default");
        assert_eq!(ok.other_action.as_deref(), Some("ノー残業デー"));

        let bad = CampaignEntry::parse(
            CampaignInput {
                actions: vec!["other".into()],
                employees: Some("0".into()),
                from: Some("2027-06-30".into()),
                ..Default::default()
            },
            period(),
        )
        .unwrap_err();
        let fields: Vec<&str> = bad.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "campaign.other_action",
                "campaign.employees",
                "campaign.from"
            ]
        );
        let none = CampaignEntry::parse(CampaignInput::default(), period()).unwrap_err();
        assert_eq!(none.fields()[0].field, "campaign.actions");
    }
}
