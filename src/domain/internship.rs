//! Internships for students from abroad: a host company posts an offer (a period within the
//! programme's, the tasks, a number of places, the languages of work, the Japanese needed, an
//! allowance or none); a student applies to one offer with the job fair's student profile and
//! a motivation; the host company (or the organizer) accepts or declines each application,
//! never accepting more than the offer's places.
use super::text::required_lines;
use super::{BoothLanguage, JapaneseLevel, StudentInput, StudentProfile, ValidationErrors};
use chrono::NaiveDate;
use serde::Serialize;

/// The most places one offer may have.
pub const MAX_PLACES: u32 = 50;

labelled_enum! {
    /// Where a host company's offer stands: open while places are left; closed when every
    /// place is taken; withdrawn by the company or the organizer.
    pub enum OfferState {
        Open = "open" => "label-offer-state-open";
        Closed = "closed" => "label-offer-state-closed";
        Withdrawn = "withdrawn" => "label-offer-state-withdrawn";
    }
}

labelled_enum! {
    /// Where a student's application stands.
    pub enum ApplicationState {
        Applied = "applied" => "label-application-state-applied";
        Accepted = "accepted" => "label-application-state-accepted";
        Declined = "declined" => "label-application-state-declined";
        Withdrawn = "withdrawn" => "label-application-state-withdrawn";
    }
}

impl ApplicationState {
    /// The host's decisions that apply: an application is accepted or declined, and a
    /// decision may be reversed; a withdrawn one is final.
    pub fn can_become(self, next: ApplicationState) -> bool {
        use ApplicationState::*;
        matches!(
            (self, next),
            (Applied, Accepted | Declined) | (Accepted, Declined) | (Declined, Accepted)
        )
    }
}

impl OfferState {
    /// An offer that stands, by how many of its places are taken.
    pub fn of(places: u32, accepted: u32) -> OfferState {
        if accepted >= places {
            OfferState::Closed
        } else {
            OfferState::Open
        }
    }
}

/// An internship programme's first and last day (Tokyo): an offer's period lies within them.
pub fn programme_days(spec: &super::EventSpec) -> Option<(NaiveDate, NaiveDate)> {
    (spec.kind == super::EventKind::Internship).then(|| {
        let day = |t: chrono::DateTime<chrono::Utc>| {
            t.with_timezone(&chrono_tz::Asia::Tokyo).date_naive()
        };
        (day(spec.starts_at), day(spec.ends_at))
    })
}

/// An offer as typed (`offer.*`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct OfferInput {
    pub from: Option<String>,
    pub to: Option<String>,
    pub tasks: Option<String>,
    pub places: Option<String>,
    pub languages: Vec<String>,
    pub japanese_level: Option<String>,
    /// `yes` or `no`.
    pub allowance: Option<String>,
}

/// A host company's internship offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InternshipOffer {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub tasks: String,
    pub places: u32,
    pub languages: Vec<BoothLanguage>,
    /// The Japanese the work needs; `None`: none in particular.
    pub japanese_level: Option<JapaneseLevel>,
    pub allowance: bool,
}

impl InternshipOffer {
    /// Errors are named `offer.<field>`; the period lies within the programme's `period`
    /// (first and last day, Tokyo).
    pub fn parse(
        input: OfferInput,
        period: (NaiveDate, NaiveDate),
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let date = |errors: &mut ValidationErrors, field: &str, v: &Option<String>| match v
            .as_deref()
            .map(str::trim)
        {
            None | Some("") => {
                errors.add(field, "required");
                None
            }
            Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.add(field, "invalid_date");
                    None
                }
            },
        };
        let from = date(&mut errors, "offer.from", &input.from);
        let to = date(&mut errors, "offer.to", &input.to);
        if let (Some(f), Some(t)) = (from, to) {
            if f < period.0 || t > period.1 {
                errors.add_with(
                    "offer.from",
                    "outside_period",
                    crate::error_args![
                        ("from", period.0.to_string()),
                        ("to", period.1.to_string())
                    ],
                );
            } else if t < f {
                errors.add("offer.to", "last_day_before_first");
            }
        }
        let tasks = required_lines(&mut errors, "offer.tasks", input.tasks.as_deref(), 1000);
        let places = match input
            .places
            .as_deref()
            .map(|s| super::normalize::fold_width(s.trim()).parse::<u32>())
        {
            Some(Ok(n)) if (1..=MAX_PLACES).contains(&n) => Some(n),
            _ => {
                errors.add_with(
                    "offer.places",
                    "out_of_range",
                    crate::error_args![("min", 1), ("max", MAX_PLACES)],
                );
                None
            }
        };
        let mut languages = Vec::new();
        for l in &input.languages {
            match l.parse::<BoothLanguage>() {
                Ok(l) if !languages.contains(&l) => languages.push(l),
                Ok(_) => {}
                Err(_) => errors.add("offer.languages", "invalid_choice"),
            }
        }
        if languages.is_empty() && !errors.has("offer.languages") {
            errors.add("offer.languages", "choose_at_least_one");
        }
        languages.sort();
        let japanese_level = match input.japanese_level.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(l) => match l.parse::<JapaneseLevel>() {
                Ok(l) => Some(l),
                Err(_) => {
                    errors.add("offer.japanese_level", "invalid_choice");
                    None
                }
            },
        };
        let allowance = match input.allowance.as_deref() {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => {
                errors.add("offer.allowance", "choose_one");
                None
            }
        };
        match (from, to, tasks, places, allowance) {
            (Some(from), Some(to), Some(tasks), Some(places), Some(allowance))
                if errors.is_empty() =>
            {
                Ok(InternshipOffer {
                    from,
                    to,
                    tasks,
                    places,
                    languages,
                    japanese_level,
                    allowance,
                })
            }
            _ => Err(errors),
        }
    }

    pub fn language_codes(&self) -> String {
        self.languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// An application as typed (`application.*`); the student's profile comes as `student.*`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InternshipApplicationInput {
    /// The offer's id (the host company's registration id).
    pub offer: Option<String>,
    pub motivation: Option<String>,
}

/// A student's application to one offer. A student who wants several offers applies to each:
/// each application has its own decision and its own emails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InternshipApplication {
    pub offer_id: i64,
    pub student: StudentProfile,
    pub motivation: String,
}

impl InternshipApplication {
    /// Errors are named `application.<field>` and `student.<field>`. Whether the offer is
    /// one of the programme's open offers is for the service to check.
    pub fn parse(
        input: InternshipApplicationInput,
        student: StudentInput,
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let offer_id = match input.offer.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("application.offer", "choose_one");
                None
            }
            Some(s) => match s.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    errors.add("application.offer", "invalid_choice");
                    None
                }
            },
        };
        let student = errors.take(StudentProfile::parse(student));
        let motivation = required_lines(
            &mut errors,
            "application.motivation",
            input.motivation.as_deref(),
            1000,
        );
        match (offer_id, student, motivation) {
            (Some(offer_id), Some(student), Some(motivation)) if errors.is_empty() => {
                Ok(InternshipApplication {
                    offer_id,
                    student,
                    motivation,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period() -> (NaiveDate, NaiveDate) {
        (
            NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
        )
    }

    fn offer() -> OfferInput {
        OfferInput {
            from: Some("2027-02-08".into()),
            to: Some("2027-02-19".into()),
            tasks: Some("Webサイトの英語版づくり".into()),
            places: Some("２".into()),
            languages: vec!["en".into(), "ja".into()],
            japanese_level: Some("n3".into()),
            allowance: Some("yes".into()),
        }
    }

    #[test]
    fn an_offer_is_checked_field_by_field_and_within_the_programme() {
        let o = InternshipOffer::parse(offer(), period()).unwrap();
        assert_eq!((o.places, o.language_codes().as_str()), (2, "ja,en"));
        let bad = InternshipOffer::parse(OfferInput::default(), period()).unwrap_err();
        assert_eq!(bad.fields().len(), 6, "{bad:?}");
        let late = InternshipOffer::parse(
            OfferInput {
                to: Some("2027-03-05".into()),
                ..offer()
            },
            period(),
        )
        .unwrap_err();
        assert!(late.has("offer.from"));
        for places in ["0", "51", "x"] {
            let e = InternshipOffer::parse(
                OfferInput {
                    places: Some(places.into()),
                    ..offer()
                },
                period(),
            )
            .unwrap_err();
            assert!(e.has("offer.places"), "{places}");
        }
    }

    #[test]
    fn an_application_names_one_offer_and_a_motivation() {
        let student = StudentInput {
            graduation_year: Some("2028".into()),
            japanese_level: Some("n2".into()),
            field: Some("経営学".into()),
        };
        let a = InternshipApplication::parse(
            InternshipApplicationInput {
                offer: Some("12".into()),
                motivation: Some("日本の中小企業で働きたい".into()),
            },
            student.clone(),
        )
        .unwrap();
        assert_eq!(a.offer_id, 12);
        let e = InternshipApplication::parse(InternshipApplicationInput::default(), student)
            .unwrap_err();
        assert!(e.has("application.offer") && e.has("application.motivation"));
    }

    #[test]
    fn decisions_may_be_reversed_and_a_withdrawal_is_final() {
        use ApplicationState::*;
        assert!(Applied.can_become(Accepted));
        assert!(Accepted.can_become(Declined));
        assert!(!Accepted.can_become(Accepted));
        assert!(!Withdrawn.can_become(Accepted));
        assert_eq!(OfferState::of(2, 2), OfferState::Closed);
        assert_eq!(OfferState::of(2, 1), OfferState::Open);
    }
}
