//! Expert dispatch: a company asks for an expert to visit (the theme, the issue it faces, its
//! employees, up to three dates that suit it, on site or online); the organizer assigns an
//! expert from its register and schedules up to N visits per company and fiscal year (N is
//! the programme's `visits_per_company`), then records how each went.
use super::text::{optional_lines, optional_text, required_lines, required_text};
use super::{Email, FiscalYear, ValidationErrors};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// What a visit is about; also an expert's fields of expertise.
    pub enum DispatchTheme {
        WorkStyle = "work_style" => "label-dispatch-theme-work-style";
        Telework = "telework" => "label-dispatch-theme-telework";
        WorkingHours = "working_hours" => "label-dispatch-theme-working-hours";
        Leave = "leave" => "label-dispatch-theme-leave";
        CareBalance = "care_balance" => "label-dispatch-theme-care-balance";
        WomensAdvancement = "womens_advancement" => "label-dispatch-theme-womens-advancement";
        HrSystems = "hr_systems" => "label-dispatch-theme-hr-systems";
        Digital = "digital" => "label-dispatch-theme-digital";
    }
}

labelled_enum! {
    /// Where an expert meets the company.
    pub enum VisitMode {
        OnSite = "on_site" => "label-visit-mode-on-site";
        Online = "online" => "label-visit-mode-online";
    }
}

labelled_enum! {
    /// Where a request stands: requested, then an expert is assigned (visits are scheduled
    /// then), then closed when the support is over; withdrawn by the company.
    pub enum DispatchState {
        Requested = "requested" => "label-dispatch-state-requested";
        Assigned = "assigned" => "label-dispatch-state-assigned";
        Closed = "closed" => "label-dispatch-state-closed";
        Withdrawn = "withdrawn" => "label-dispatch-state-withdrawn";
    }
}

labelled_enum! {
    /// Where one visit stands.
    pub enum VisitState {
        Scheduled = "scheduled" => "label-visit-state-scheduled";
        Held = "held" => "label-visit-state-held";
        NotHeld = "not_held" => "label-visit-state-not-held";
        Cancelled = "cancelled" => "label-visit-state-cancelled";
    }
}

impl DispatchState {
    /// An expert is assigned (or another one) while the request is open; a closed request
    /// may be opened again by assigning; withdrawn is final.
    pub fn can_become(self, next: DispatchState) -> bool {
        use DispatchState::*;
        matches!(
            (self, next),
            (Requested | Assigned | Closed, Assigned) | (Assigned, Closed)
        )
    }

    /// Visits may be scheduled, moved or cancelled: only with an expert assigned.
    pub fn schedules_visits(self) -> bool {
        self == DispatchState::Assigned
    }
}

impl VisitState {
    /// A visit counts against the company's visits of the year unless it was cancelled
    /// (a visit the company missed was still given to it).
    pub fn counts(self) -> bool {
        self != VisitState::Cancelled
    }

    /// The outcome may be recorded (and corrected) for a visit not cancelled.
    pub fn takes_outcome(self) -> bool {
        self.counts()
    }
}

/// The most preferred dates a request names.
pub const MAX_PREFERRED_DATES: usize = 3;
/// The most visits a programme may allow a company in one fiscal year.
pub const MAX_VISITS_PER_COMPANY: u32 = 12;
/// What a dispatch programme allows when the organizer says nothing.
pub const DEFAULT_VISITS_PER_COMPANY: u32 = 3;

/// A request as submitted (form or API), before it is checked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DispatchInput {
    pub theme: Option<String>,
    pub issue: Option<String>,
    pub employees: Option<String>,
    /// `YYYY-MM-DD`, at most three; empty ones are skipped.
    pub preferred_dates: Vec<String>,
    pub mode: Option<String>,
}

/// A checked request for an expert's visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DispatchRequest {
    pub theme: DispatchTheme,
    /// The issue the company faces, in its own words.
    pub issue: String,
    pub employees: u32,
    /// One to three days that suit the company, in order.
    pub preferred_dates: Vec<NaiveDate>,
    pub mode: VisitMode,
}

impl DispatchRequest {
    /// Errors are named `dispatch.<field>`. The preferred dates fall within `period`, the
    /// programme's first and last day (Tokyo).
    pub fn parse(
        input: DispatchInput,
        period: (NaiveDate, NaiveDate),
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let theme = chosen::<DispatchTheme>(&mut errors, "dispatch.theme", input.theme.as_deref());
        let mode = chosen::<VisitMode>(&mut errors, "dispatch.mode", input.mode.as_deref());
        let issue = required_lines(&mut errors, "dispatch.issue", input.issue.as_deref(), 2000);
        let employees = match input.employees.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("dispatch.employees", "required");
                None
            }
            Some(n) => match super::normalize::fold_width(n).parse::<i64>() {
                Ok(n) if (1..=1_000_000).contains(&n) => Some(n as u32),
                Ok(_) => {
                    errors.add_with(
                        "dispatch.employees",
                        "out_of_range",
                        crate::error_args![("min", 1), ("max", 1_000_000)],
                    );
                    None
                }
                Err(_) => {
                    errors.add("dispatch.employees", "not_a_number");
                    None
                }
            },
        };
        let given: Vec<&str> = input
            .preferred_dates
            .iter()
            .map(|d| d.trim())
            .filter(|d| !d.is_empty())
            .collect();
        let mut dates = Vec::new();
        if given.is_empty() {
            errors.add("dispatch.preferred_dates", "required");
        } else if given.len() > MAX_PREFERRED_DATES {
            errors.add_with(
                "dispatch.preferred_dates",
                "dispatch_too_many_dates",
                crate::error_args![("max", MAX_PREFERRED_DATES)],
            );
        } else {
            for d in given {
                match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                    Ok(d) if d < period.0 || d > period.1 => {
                        errors.add("dispatch.preferred_dates", "dispatch_date_outside");
                        break;
                    }
                    Ok(d) if !dates.contains(&d) => dates.push(d),
                    Ok(_) => {}
                    Err(_) => {
                        errors.add("dispatch.preferred_dates", "invalid_date");
                        break;
                    }
                }
            }
        }
        dates.sort();
        match (theme, issue, employees, mode) {
            (Some(theme), Some(issue), Some(employees), Some(mode)) if errors.is_empty() => {
                Ok(DispatchRequest {
                    theme,
                    issue,
                    employees,
                    preferred_dates: dates,
                    mode,
                })
            }
            _ => Err(errors),
        }
    }

    /// The stored form of the dates: `2026-12-03,2026-12-10`.
    pub fn dates_stored(&self) -> String {
        self.preferred_dates
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn dates_from_stored(s: &str) -> Option<Vec<NaiveDate>> {
        s.split(',')
            .filter(|d| !d.is_empty())
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .collect()
    }
}

/// An expert of the organizer's register, as typed before it is checked.
#[derive(Debug, Clone, Default)]
pub struct ExpertInput {
    pub name: Option<String>,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    pub fields: Vec<String>,
    pub active: bool,
}

/// A checked expert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpertSpec {
    pub name: String,
    pub email: Email,
    pub affiliation: Option<String>,
    /// Fields of expertise, in the themes' order.
    pub fields: Vec<DispatchTheme>,
    pub active: bool,
}

impl ExpertSpec {
    pub fn parse(input: ExpertInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = required_text(&mut errors, "name", input.name.as_deref(), 100);
        let email =
            super::text::parse_required(&mut errors, "email", input.email.as_deref(), Email::parse);
        let affiliation = optional_text(
            &mut errors,
            "affiliation",
            input.affiliation.as_deref(),
            200,
        );
        let mut fields = Vec::new();
        for f in &input.fields {
            match f.parse::<DispatchTheme>() {
                Ok(t) if !fields.contains(&t) => fields.push(t),
                Ok(_) => {}
                Err(_) => errors.add("fields", "invalid_choice"),
            }
        }
        if fields.is_empty() && !errors.has("fields") {
            errors.add("fields", "choose_at_least_one");
        }
        fields.sort();
        match (name, email) {
            (Some(name), Some(email)) if errors.is_empty() => Ok(ExpertSpec {
                name,
                email,
                affiliation,
                fields,
                active: input.active,
            }),
            _ => Err(errors),
        }
    }

    pub fn fields_stored(&self) -> String {
        themes_stored(&self.fields)
    }
}

pub fn themes_stored(themes: &[DispatchTheme]) -> String {
    themes
        .iter()
        .map(|t| t.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// An expert as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expert {
    pub id: i64,
    pub organization_id: i64,
    pub name: String,
    pub email: String,
    pub affiliation: Option<String>,
    pub fields: Vec<DispatchTheme>,
    pub active: bool,
}

/// A visit as the organizer plans it, before it is checked: times in Tokyo.
#[derive(Debug, Clone, Default)]
pub struct VisitInput {
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub mode: Option<String>,
    /// The address for a visit on site, the meeting link for one online.
    pub place: Option<String>,
}

/// When and where a visit happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitPlan {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub mode: VisitMode,
    /// An address (on site) or a meeting link (online).
    pub place: String,
}

impl VisitPlan {
    /// Errors are named by the form's fields: `starts_at`, `ends_at`, `mode`, `place`.
    pub fn parse(input: VisitInput, now: DateTime<Utc>) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let starts_at = input.starts_at;
        if starts_at.is_none() {
            errors.add("starts_at", "required");
        }
        let ends_at = input.ends_at;
        if ends_at.is_none() {
            errors.add("ends_at", "required");
        }
        if let (Some(s), Some(e)) = (starts_at, ends_at) {
            if e <= s {
                errors.add("ends_at", "ends_before_start");
            }
            if s < now {
                errors.add("starts_at", "dispatch_visit_past");
            }
        }
        let mode = chosen::<VisitMode>(&mut errors, "mode", input.mode.as_deref());
        let place = match mode {
            Some(VisitMode::Online) => {
                super::event::web_url(&mut errors, "place", input.place.as_deref()).or_else(|| {
                    if !errors.has("place") {
                        errors.add("place", "required");
                    }
                    None
                })
            }
            _ => required_text(&mut errors, "place", input.place.as_deref(), 300),
        };
        match (starts_at, ends_at, mode, place) {
            (Some(starts_at), Some(ends_at), Some(mode), Some(place)) if errors.is_empty() => {
                Ok(VisitPlan {
                    starts_at,
                    ends_at,
                    mode,
                    place,
                })
            }
            _ => Err(errors),
        }
    }

    pub fn fiscal_year(&self) -> FiscalYear {
        FiscalYear::of(self.starts_at)
    }
}

/// One visit as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Visit {
    pub id: i64,
    pub plan: VisitPlan,
    pub state: VisitState,
    /// What happened, in the organizer's words (or why it did not).
    pub outcome: Option<String>,
    /// Goes up with every change the company is sent (its calendar entry's SEQUENCE).
    pub sequence: u32,
}

/// The outcome of a visit as recorded, checked.
pub fn parse_outcome(
    held: Option<&str>,
    notes: Option<&str>,
) -> Result<(VisitState, Option<String>), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let state = match held.map(str::trim) {
        Some("held") => Some(VisitState::Held),
        Some("not_held") => Some(VisitState::NotHeld),
        None | Some("") => {
            errors.add("held", "choose_one");
            None
        }
        Some(_) => {
            errors.add("held", "invalid_choice");
            None
        }
    };
    let notes = optional_lines(&mut errors, "notes", notes, 4000);
    match state {
        Some(s) if errors.is_empty() => Ok((s, notes)),
        _ => Err(errors),
    }
}

/// The assigned expert, as the company sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssignedExpert {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub affiliation: Option<String>,
}

/// A request as stored, with its expert and visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DispatchRecord {
    pub request: DispatchRequest,
    pub state: DispatchState,
    pub expert: Option<AssignedExpert>,
    /// Oldest first, cancelled ones included.
    pub visits: Vec<Visit>,
}

impl DispatchRecord {
    /// Visits not cancelled, in time order.
    pub fn live_visits(&self) -> impl Iterator<Item = &Visit> {
        self.visits.iter().filter(|v| v.state.counts())
    }
}

/// How many visits a company may still get in `year`, given the visits it has had or has
/// scheduled (not cancelled) in that year across its requests.
pub fn visits_left(allowed: u32, counted_in_year: u32) -> u32 {
    allowed.saturating_sub(counted_in_year)
}

fn chosen<T: std::str::FromStr>(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
) -> Option<T> {
    super::text::parse_chosen(errors, field, value, |f, s| {
        s.parse::<T>()
            .map_err(|_| ValidationErrors::single(f, "invalid_choice"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn today() -> (NaiveDate, NaiveDate) {
        (
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        )
    }

    fn input() -> DispatchInput {
        DispatchInput {
            theme: Some("telework".into()),
            issue: Some("テレワークの規程がない。\n労務管理が心配。".into()),
            employees: Some("４５".into()),
            preferred_dates: vec!["2026-12-10".into(), "".into(), "2026-12-03".into()],
            mode: Some("on_site".into()),
        }
    }

    #[test]
    fn a_request_parses_with_its_dates_in_order() {
        let r = DispatchRequest::parse(input(), today()).unwrap();
        assert_eq!(r.employees, 45);
        assert_eq!(r.dates_stored(), "2026-12-03,2026-12-10");
        assert_eq!(
            DispatchRequest::dates_from_stored(&r.dates_stored()).unwrap(),
            r.preferred_dates
        );
        assert!(r.issue.contains('\n'));
    }

    #[test]
    fn every_problem_of_a_request_is_named() {
        let bad = DispatchRequest::parse(
            DispatchInput {
                theme: Some("astrology".into()),
                issue: Some("a\u{0}b".into()),
                employees: Some("0".into()),
                preferred_dates: vec![
                    "2026-12-01".into(),
                    "2026-12-02".into(),
                    "2026-12-03".into(),
                    "2026-12-04".into(),
                ],
                mode: None,
            },
            today(),
        )
        .unwrap_err();
        for f in [
            "dispatch.theme",
            "dispatch.issue",
            "dispatch.employees",
            "dispatch.preferred_dates",
            "dispatch.mode",
        ] {
            assert!(bad.has(f), "{f}: {bad}");
        }
        let past = DispatchRequest::parse(
            DispatchInput {
                preferred_dates: vec!["2026-11-29".into()],
                ..input()
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(past.fields()[0].code, "dispatch_date_outside");
    }

    #[test]
    fn an_online_visit_needs_a_link_and_one_on_site_an_address() {
        let t = |h| Utc.with_ymd_and_hms(2026, 12, 3, h, 0, 0).unwrap();
        let now = t(0);
        let online = VisitPlan::parse(
            VisitInput {
                starts_at: Some(t(5)),
                ends_at: Some(t(6)),
                mode: Some("online".into()),
                place: Some("東京都千代田区".into()),
            },
            now,
        )
        .unwrap_err();
        assert!(online.has("place"));
        let ok = VisitPlan::parse(
            VisitInput {
                starts_at: Some(t(5)),
                ends_at: Some(t(6)),
                mode: Some("on_site".into()),
                place: Some("東京都千代田区丸の内3-2-2".into()),
            },
            now,
        )
        .unwrap();
        assert_eq!(ok.fiscal_year().year(), 2026);
        let backwards = VisitPlan::parse(
            VisitInput {
                starts_at: Some(t(5)),
                ends_at: Some(t(4)),
                ..Default::default()
            },
            now,
        )
        .unwrap_err();
        assert!(backwards.has("ends_at") && backwards.has("mode"));
    }

    #[test]
    fn withdrawn_is_final_and_visits_come_only_with_an_expert() {
        use DispatchState::*;
        assert!(Requested.can_become(Assigned));
        assert!(Assigned.can_become(Closed));
        assert!(!Requested.can_become(Closed));
        assert!(!Withdrawn.can_become(Assigned));
        assert!(Assigned.schedules_visits() && !Requested.schedules_visits());
        assert_eq!(visits_left(3, 3), 0);
        assert_eq!(visits_left(3, 5), 0);
    }
}
