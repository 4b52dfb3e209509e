//! A registration: a company (or a person) and the attendees who take seats.
use super::company::{
    Address, CorporateNumber, CorporateNumberRule, Country, EmployeeBand, Industry, Kana,
    PhoneNumber, PostalCode, Prefecture, RegistrantKind, SchoolType, needs_reading,
    parse_foreign_postal_code,
};
use super::question::{Answers, Question, parse_answers};
use super::text::{optional_text, parse_chosen, parse_required, required_text};
use super::{Email, ValidationErrors};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

labelled_enum! {
    /// Who registers for an event.
    pub enum Audience {
        /// Organizations: companies, sole proprietors, schools, municipalities, associations.
        Companies = "companies" => "label-audience-companies";
        /// People on their own: students, job seekers.
        Individuals = "individuals" => "label-audience-individuals";
        /// Organizations and people on their own alike (an overseas matching event, say).
        Everyone = "everyone" => "label-audience-everyone";
    }
}

impl Audience {
    /// Whether a person may register on their own, without an organization.
    pub fn admits_individuals(self) -> bool {
        matches!(self, Audience::Individuals | Audience::Everyone)
    }

    /// Whether an organization may register.
    pub fn admits_organizations(self) -> bool {
        matches!(self, Audience::Companies | Audience::Everyone)
    }
}

labelled_enum! {
    pub enum SeatState {
        Confirmed = "confirmed" => "label-registration-status-confirmed";
        Waitlisted = "waitlisted" => "label-registration-status-waitlisted";
        Cancelled = "cancelled" => "label-registration-status-cancelled";
        /// Every attendee it named was registered for the event already, by an earlier
        /// registration. It never held a seat or a place in line: calling it "confirmed" sent a
        /// second invitation to someone who already had one (issue 13). Only the owners of the
        /// addresses are told, by the AlreadyRegistered notice.
        Duplicate = "duplicate" => "label-registration-status-duplicate";
    }
}

impl SeatState {
    /// The states that hold a seat or a place in line.
    pub const LIVE: &'static [SeatState] = &[SeatState::Confirmed, SeatState::Waitlisted];

    /// Whether it holds a seat or a place in line: what reports, company limits and the
    /// organizer's actions count. A cancelled registration gave its place back; a duplicate
    /// never had one.
    pub fn is_live(self) -> bool {
        Self::LIVE.contains(&self)
    }
}

labelled_enum! {
    pub enum AttendeeStatus {
        Active = "active" => "label-attendee-status-active";
        Cancelled = "cancelled" => "label-attendee-status-cancelled";
        /// The address was registered for this event already; the owner is told by email and
        /// no second seat is taken.
        Duplicate = "duplicate" => "label-attendee-status-duplicate";
    }
}

labelled_enum! {
    /// How the registrant heard of the event.
    pub enum HeardVia {
        TcciMailMagazine = "tcci_mail_magazine" => "label-heard-via-tcci-mail-magazine";
        ToshoShimbun = "tosho_shimbun" => "label-heard-via-tosho-shimbun";
        TcciAdvisor = "tcci_advisor" => "label-heard-via-tcci-advisor";
        TmgWebsite = "tmg_website" => "label-heard-via-tmg-website";
        Municipality = "municipality" => "label-heard-via-municipality";
        Other = "other" => "label-heard-via-other";
    }
}

/// A `?via=` code as kept: letters, digits, `-` and `_`, at most 64; `None` when nothing is
/// left. It comes from a link, not from the person, so it never fails a registration.
pub fn clean_via(v: &str) -> Option<String> {
    let v: String = v
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(64)
        .collect();
    (!v.is_empty()).then_some(v)
}

/// The code the roster filter uses for walk-ins, beside the [`HeardVia`] codes.
pub const WALK_IN_CHANNEL: &str = "walk_in";

/// The most attendees one registration may bring where the event sets no limit.
pub const MAX_ATTENDEES: usize = 50;

/// The organization that registers, as submitted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CompanyInput {
    /// A [`RegistrantKind`] code other than `individual`; a company when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub name: Option<String>,
    pub name_kana: Option<String>,
    pub corporate_number: Option<String>,
    /// A [`SchoolType`] code, for a school.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school_type: Option<String>,
    /// ISO 3166-1 alpha-2; Japan when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub postal_code: Option<String>,
    pub prefecture: Option<String>,
    /// State, province or county, outside Japan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub city: Option<String>,
    pub street: Option<String>,
    pub industry: Option<String>,
    pub employee_band: Option<String>,
    pub tcci_member: Option<bool>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PersonInput {
    pub name: Option<String>,
    pub kana: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A registration as submitted, by form or API, before it is checked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RegistrationInput {
    /// The organization; `None` for a person registering on their own.
    pub company: Option<CompanyInput>,
    pub contact: PersonInput,
    /// School or employer, for individual registrations.
    pub affiliation: Option<String>,
    pub attendees: Vec<PersonInput>,
    pub answers: BTreeMap<i64, Vec<String>>,
    pub consent: bool,
    pub heard_via: Option<String>,
    pub via: Option<String>,
    pub lang: crate::i18n::Lang,
    /// An IANA time zone (`America/Los_Angeles`): emails and the manage page show the event's
    /// time in it beside Japan time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The sessions picked, for an event that has them. Left out of the idempotency
    /// fingerprint when empty, so earlier requests still match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<i64>,
    /// Each attendee's own picks, by position in `attendees`; `None` (or missing) takes
    /// `sessions`. Left out of the fingerprint when empty, like `sessions`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attendee_sessions: Vec<Option<Vec<i64>>>,
    /// For a campaign: what the company takes part with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<super::CampaignInput>,
    /// For a declaration scheme: what the company declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration: Option<super::DeclarationInput>,
    /// For a certification call: the categories, measures and documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certification: Option<super::ApplicationInput>,
    /// A job fair's exhibitor: the booth (the company registers, with no attendees).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exhibitor: Option<super::ExhibitorInput>,
    /// A job fair's student visitor: their profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student: Option<super::StudentInput>,
    /// An expert dispatch programme: the company's request for a visit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dispatch: Option<super::DispatchInput>,
    /// A student's booths to visit: exhibitor registration ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub booths: Vec<i64>,
    /// An internship programme's host company: its offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<super::OfferInput>,
    /// An internship programme's student: the offer applied to and why (the profile is in
    /// `student`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<super::InternshipApplicationInput>,
}

/// What an event asks of its registrations.
#[derive(Debug, Clone)]
pub struct RegistrationRules<'a> {
    pub audience: Audience,
    pub per_company_limit: Option<u32>,
    pub questions: &'a [Question],
    /// What taking part means here.
    pub shape: super::Shape,
    /// A campaign's (or an internship programme's) first and last day (Tokyo), for a
    /// campaign entry (or an internship offer).
    pub campaign_period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// A certification call's categories, for an application.
    pub call: Option<&'a super::Call>,
}

/// The organization that registers: a company, a sole proprietor, a school, a municipality,
/// an association or another organization, each with the fields that fit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Company {
    /// Never [`RegistrantKind::Individual`].
    pub kind: RegistrantKind,
    pub name: String,
    /// Given, or asked for where the name is in Japanese script.
    pub name_kana: Option<Kana>,
    /// Required of a company in Japan; optional for the other kinds; none for a sole proprietor.
    pub corporate_number: Option<CorporateNumber>,
    pub address: Address,
    /// Industry and employees: for a company or a sole proprietor, and only for them.
    pub business: Option<Business>,
    /// For a school, and only for it.
    pub school_type: Option<SchoolType>,
    pub tcci_member: bool,
}

/// What a business is asked beyond its name: what it does and how many work there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Business {
    pub industry: Industry,
    pub employee_band: EmployeeBand,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    /// Given, or asked for where the name is in Japanese script.
    pub kana: Option<Kana>,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: Email,
}

/// A valid registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegistrationSpec {
    pub audience: Audience,
    pub company: Option<Company>,
    pub contact: Person,
    pub contact_phone: Option<PhoneNumber>,
    pub affiliation: Option<String>,
    pub attendees: Vec<Person>,
    pub answers: Answers,
    pub heard_via: Option<HeardVia>,
    pub via: Option<String>,
    pub lang: crate::i18n::Lang,
    /// The registrant's own time zone, where they gave one.
    pub time_zone: Option<chrono_tz::Tz>,
    /// What its shape adds: a booth, a campaign entry, a declaration, a student's profile.
    pub part: PartSpec,
}

impl Person {
    /// The reading as stored: empty where none was needed or given.
    pub fn kana_text(&self) -> &str {
        self.kana.as_ref().map_or("", Kana::as_str)
    }
}

/// What a registration's shape adds to it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum PartSpec {
    Seats,
    StudentVisit(super::StudentProfile),
    Booth(super::ExhibitorProfile),
    CampaignEntry(super::CampaignEntry),
    Declaration(super::Declaration),
    CertificationApplication(super::Application),
    DispatchRequest(super::DispatchRequest),
    InternshipOffer(super::InternshipOffer),
    InternshipApplication(super::InternshipApplication),
}

impl RegistrationSpec {
    pub fn parse(
        input: RegistrationInput,
        rules: &RegistrationRules<'_>,
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        // A person on their own where the event admits them and no organization was given
        // (or the event is for individuals only).
        let individuals = rules.audience == Audience::Individuals
            || (rules.audience.admits_individuals() && input.company.is_none());
        let company = if individuals {
            None
        } else {
            parse_company(&mut errors, input.company.unwrap_or_default())
        };
        // A number typed without `+` is read as one of the address's country.
        let home = company
            .as_ref()
            .map_or(Country::JAPAN, |c| c.address.country());
        let contact_phone = match input.contact.phone.as_deref().map(str::trim) {
            Some(p) if !p.is_empty() => errors.take(PhoneNumber::parse("contact.phone", p, home)),
            _ if !individuals => {
                errors.add("contact.phone", "required");
                None
            }
            _ => None,
        };
        // Someone registering in English may give readings in Latin letters; a Japanese form
        // asks for kana, as Japanese forms do.
        let romaji = individuals || input.lang.accepts_latin_readings();
        let contact = parse_person(&mut errors, "contact", input.contact, romaji);
        // A student names a school or an employer; a person at an event open to everyone
        // may have neither.
        let affiliation = if rules.audience == Audience::Individuals {
            required_text(
                &mut errors,
                "affiliation",
                input.affiliation.as_deref(),
                200,
            )
        } else if individuals {
            optional_text(
                &mut errors,
                "affiliation",
                input.affiliation.as_deref(),
                200,
            )
        } else {
            None
        };
        let time_zone = match input.time_zone.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(tz) => match tz.parse::<chrono_tz::Tz>() {
                Ok(tz) => Some(tz),
                Err(_) => {
                    errors.add("time_zone", "invalid_time_zone");
                    None
                }
            },
        };

        // What the shape adds: what a company does or declares, its booth, a student's profile.
        let shape = rules.shape;
        let part = match shape {
            super::Shape::Seats => Some(PartSpec::Seats),
            super::Shape::CampaignEntry => match (rules.campaign_period, input.campaign) {
                (Some(period), Some(c)) => errors
                    .take(super::CampaignEntry::parse(c, period))
                    .map(PartSpec::CampaignEntry),
                _ => {
                    errors.add("campaign.actions", "choose_at_least_one");
                    None
                }
            },
            super::Shape::Declaration => match input.declaration {
                Some(d) => errors
                    .take(super::Declaration::parse(d))
                    .map(PartSpec::Declaration),
                None => {
                    errors.add("declaration.commitments", "choose_at_least_one");
                    None
                }
            },
            super::Shape::CertificationApplication => match (rules.call, input.certification) {
                (Some(call), Some(a)) => errors
                    .take(super::Application::parse(a, call))
                    .map(PartSpec::CertificationApplication),
                _ => {
                    errors.add("certification.categories", "choose_at_least_one");
                    None
                }
            },
            super::Shape::DispatchRequest => match rules.campaign_period {
                Some(period) => errors
                    .take(super::DispatchRequest::parse(
                        input.dispatch.unwrap_or_default(),
                        period,
                    ))
                    .map(PartSpec::DispatchRequest),
                None => {
                    errors.add("dispatch.theme", "choose_one");
                    None
                }
            },
            super::Shape::Booth => errors
                .take(super::ExhibitorProfile::parse(
                    input.exhibitor.unwrap_or_default(),
                ))
                .map(PartSpec::Booth),
            super::Shape::StudentVisit => errors
                .take(super::StudentProfile::parse(
                    input.student.unwrap_or_default(),
                ))
                .map(PartSpec::StudentVisit),
            super::Shape::InternshipOffer => match (rules.campaign_period, input.offer) {
                (Some(period), Some(o)) => errors
                    .take(super::InternshipOffer::parse(o, period))
                    .map(PartSpec::InternshipOffer),
                (Some(period), None) => errors
                    .take(super::InternshipOffer::parse(Default::default(), period))
                    .map(PartSpec::InternshipOffer),
                (None, _) => {
                    errors.add("offer.from", "required");
                    None
                }
            },
            super::Shape::InternshipApplication => errors
                .take(super::InternshipApplication::parse(
                    input.application.unwrap_or_default(),
                    input.student.unwrap_or_default(),
                ))
                .map(PartSpec::InternshipApplication),
        };
        // An individual attends alone; a company names 1 to `limit` attendees.
        let attendees = if !shape.has_attendees() {
            if !input.attendees.is_empty() {
                errors.add("attendees", "not_for_campaign");
            }
            Vec::new()
        } else if individuals {
            contact.iter().cloned().collect()
        } else {
            let limit = rules
                .per_company_limit
                .map_or(MAX_ATTENDEES, |l| (l as usize).min(MAX_ATTENDEES));
            if input.attendees.is_empty() {
                errors.add("attendees", "no_attendees");
            } else if input.attendees.len() > limit {
                errors.add_with(
                    "attendees",
                    "too_many_attendees",
                    crate::error_args![("max", limit)],
                );
            }
            let mut people: Vec<Person> = Vec::new();
            for (i, a) in input.attendees.into_iter().enumerate() {
                if let Some(p) = parse_person(&mut errors, &format!("attendees.{i}"), a, romaji) {
                    if people.iter().any(|x| x.email == p.email) {
                        errors.add(&format!("attendees.{i}.email"), "duplicate_attendee");
                    }
                    people.push(p);
                }
            }
            people
        };

        let answers = errors.take(parse_answers(rules.questions, &input.answers));
        if !input.consent {
            errors.add("consent", "consent_required");
        }
        let heard_via = match input.heard_via.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(v) => match v.parse::<HeardVia>() {
                Ok(h) => Some(h),
                Err(_) => {
                    errors.add("heard_via", "invalid_choice");
                    None
                }
            },
        };
        // The `?via=` code comes from a link, not from the person: keep what is safe, never fail.
        let via = input.via.as_deref().and_then(clean_via);

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(RegistrationSpec {
            audience: rules.audience,
            company,
            contact: contact.expect("checked"),
            contact_phone,
            affiliation,
            attendees,
            answers: answers.expect("checked"),
            heard_via,
            via,
            lang: input.lang,
            time_zone,
            part: part.expect("checked"),
        })
    }

    pub fn shape(&self) -> super::Shape {
        match self.part {
            PartSpec::Seats => super::Shape::Seats,
            PartSpec::StudentVisit(_) => super::Shape::StudentVisit,
            PartSpec::Booth(_) => super::Shape::Booth,
            PartSpec::CampaignEntry(_) => super::Shape::CampaignEntry,
            PartSpec::Declaration(_) => super::Shape::Declaration,
            PartSpec::CertificationApplication(_) => super::Shape::CertificationApplication,
            PartSpec::DispatchRequest(_) => super::Shape::DispatchRequest,
            PartSpec::InternshipOffer(_) => super::Shape::InternshipOffer,
            PartSpec::InternshipApplication(_) => super::Shape::InternshipApplication,
        }
    }

    /// Whether every attendee it names is among `taken`, the addresses other registrations of
    /// the event hold: then it would take nothing, and is stored as a
    /// [`SeatState::Duplicate`]. A company-only registration names nobody, so is never
    /// one.
    pub fn only_duplicates(&self, taken: &HashSet<String>) -> bool {
        !self.attendees.is_empty()
            && self
                .attendees
                .iter()
                .all(|p| taken.contains(p.email.as_str()))
    }

    /// Who registers: the organization's kind, or a person on their own.
    pub fn registrant_kind(&self) -> RegistrantKind {
        self.company
            .as_ref()
            .map_or(RegistrantKind::Individual, |c| c.kind)
    }

    /// The corporate number the per-company limit is counted by.
    pub fn corporate_number(&self) -> Option<&CorporateNumber> {
        self.company
            .as_ref()
            .and_then(|c| c.corporate_number.as_ref())
    }
}

fn parse_company(errors: &mut ValidationErrors, c: CompanyInput) -> Option<Company> {
    let kind = match c.kind.as_deref().map(str::trim) {
        None | Some("") => Some(RegistrantKind::Company),
        Some(k) => match k.parse::<RegistrantKind>() {
            Ok(RegistrantKind::Individual) | Err(_) => {
                errors.add("company.kind", "invalid_choice");
                None
            }
            Ok(k) => Some(k),
        },
    };
    let country = match c.country.as_deref().map(str::trim) {
        None | Some("") => Some(Country::JAPAN),
        Some(s) => errors.take(Country::parse("company.country", s)),
    };
    let name = required_text(errors, "company.name", c.name.as_deref(), 200);
    let name_kana = parse_reading(
        errors,
        "company.name_kana",
        name.as_deref(),
        c.name_kana.as_deref(),
        false,
    );
    let number_rule = match (kind, country) {
        (Some(k), Some(country)) => k.corporate_number(country),
        _ => CorporateNumberRule::Optional,
    };
    let corporate_number = match (c.corporate_number.as_deref().map(str::trim), number_rule) {
        (Some(n), CorporateNumberRule::Required | CorporateNumberRule::Optional)
            if !n.is_empty() =>
        {
            errors.take(CorporateNumber::parse("company.corporate_number", n))
        }
        (_, CorporateNumberRule::Required) => {
            errors.add("company.corporate_number", "corporate_number_required");
            None
        }
        // A sole proprietor has none; what was typed is refused, not dropped.
        (Some(n), CorporateNumberRule::None) if !n.is_empty() => {
            errors.add("company.corporate_number", "not_for_sole_proprietor");
            None
        }
        _ => None,
    };
    let address = country.and_then(|country| parse_address(errors, country, &c));
    let business = match kind {
        Some(k) if k.is_business() => {
            let industry =
                parse_choice::<Industry>(errors, "company.industry", c.industry.as_deref());
            let employee_band = parse_choice::<EmployeeBand>(
                errors,
                "company.employee_band",
                c.employee_band.as_deref(),
            );
            // None (refused, the errors say why) or Some(the business).
            industry
                .zip(employee_band)
                .map(|(industry, employee_band)| {
                    Some(Business {
                        industry,
                        employee_band,
                    })
                })
        }
        _ => Some(None),
    };
    let school_type = match kind {
        Some(RegistrantKind::School) => Some(
            parse_choice::<SchoolType>(errors, "company.school_type", c.school_type.as_deref())
                .map(Some),
        ),
        _ => Some(Some(None)),
    }
    .flatten();
    if c.tcci_member.is_none() {
        errors.add("company.tcci_member", "choose_one");
    }
    Some(Company {
        kind: kind?,
        name: name?,
        name_kana: name_kana?,
        corporate_number,
        address: address?,
        business: business?,
        school_type: school_type?,
        tcci_member: c.tcci_member?,
    })
}

/// Japan's addresses have a postal code, a prefecture, a city and a street; other countries'
/// a city and street lines, and where they use them a postal code and a region.
fn parse_address(
    errors: &mut ValidationErrors,
    country: Country,
    c: &CompanyInput,
) -> Option<Address> {
    let city = required_text(errors, "company.city", c.city.as_deref(), 100);
    let street = if country.is_japan() {
        required_text(errors, "company.street", c.street.as_deref(), 200)
    } else {
        super::text::required_lines(errors, "company.street", c.street.as_deref(), 400)
    };
    if country.is_japan() {
        let postal_code = parse_required(
            errors,
            "company.postal_code",
            c.postal_code.as_deref(),
            PostalCode::parse,
        );
        let prefecture = parse_chosen(
            errors,
            "company.prefecture",
            c.prefecture.as_deref(),
            Prefecture::parse,
        );
        Some(Address::Japan {
            postal_code: postal_code?,
            prefecture: prefecture?,
            city: city?,
            street: street?,
        })
    } else {
        let postal_code = match c.postal_code.as_deref().map(str::trim) {
            Some(p) if !p.is_empty() => {
                Some(errors.take(parse_foreign_postal_code("company.postal_code", p))?)
            }
            _ => None,
        };
        let region = optional_text(errors, "company.region", c.region.as_deref(), 100);
        Some(Address::Abroad {
            country,
            postal_code,
            region,
            city: city?,
            street: street?,
        })
    }
}

/// A reading (furigana): required where `name` is in Japanese script, optional otherwise;
/// checked whenever given. `Some(None)`: none needed and none given.
fn parse_reading(
    errors: &mut ValidationErrors,
    field: &str,
    name: Option<&str>,
    reading: Option<&str>,
    romaji: bool,
) -> Option<Option<Kana>> {
    match reading.map(str::trim) {
        Some(r) if !r.is_empty() => errors.take(Kana::parse(field, r, romaji)).map(Some),
        _ if name.is_some_and(needs_reading) => {
            errors.add(field, "required");
            None
        }
        _ => Some(None),
    }
}

/// Checks one attendee as a registrant changes it later (`attendees.{index}.*`).
pub fn parse_attendee(index: usize, input: PersonInput) -> Result<Person, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let person = parse_person(&mut errors, &format!("attendees.{index}"), input, false);
    errors.into_result(|| person.expect("checked"))
}

fn parse_person(
    errors: &mut ValidationErrors,
    prefix: &str,
    p: PersonInput,
    romaji: bool,
) -> Option<Person> {
    let name = required_text(errors, &format!("{prefix}.name"), p.name.as_deref(), 100);
    let kana = parse_reading(
        errors,
        &format!("{prefix}.kana"),
        name.as_deref(),
        p.kana.as_deref(),
        romaji,
    );
    let department = optional_text(
        errors,
        &format!("{prefix}.department"),
        p.department.as_deref(),
        100,
    );
    let title = optional_text(errors, &format!("{prefix}.title"), p.title.as_deref(), 100);
    let email = parse_required(
        errors,
        &format!("{prefix}.email"),
        p.email.as_deref(),
        Email::parse,
    );
    Some(Person {
        name: name?,
        kana: kana?,
        department,
        title,
        email: email?,
    })
}

fn parse_choice<T: std::str::FromStr>(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
) -> Option<T> {
    parse_chosen(errors, field, value, |f, s| {
        s.parse::<T>()
            .map_err(|_| ValidationErrors::single(f, "invalid_choice"))
    })
}

/// A stored registration, as registrants and organizers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    /// Who registered: an organization's kind, or a person on their own.
    pub registrant_kind: RegistrantKind,
    /// The registrant's own time zone, where they gave one.
    pub time_zone: Option<chrono_tz::Tz>,
    /// How it takes part, in its shape's own states.
    pub participation: super::Participation,
    pub audience: Audience,
    pub lang: crate::i18n::Lang,
    pub company: Option<CompanyRecord>,
    pub contact: ContactRecord,
    pub affiliation: Option<String>,
    pub attendees: Vec<Attendee>,
    pub answers: Answers,
    pub heard_via: Option<HeardVia>,
    pub via: Option<String>,
    pub consent_version: i32,
    pub consented_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// Added at the door on the day.
    pub walk_in: bool,
    /// The sessions its attendees picked (an EXPO's talks, a consultation slot), one per
    /// attendee and session, in time order; dropped ones included.
    pub picks: Vec<super::Pick>,
}

impl Registration {
    pub fn shape(&self) -> super::Shape {
        self.participation.shape()
    }

    pub fn is_live(&self) -> bool {
        self.participation.is_live()
    }

    /// The sessions it still attends or waits for.
    pub fn live_picks(&self) -> impl Iterator<Item = &super::Pick> {
        self.picks
            .iter()
            .filter(|p| p.status != super::PickStatus::Cancelled)
    }

    pub fn active_attendees(&self) -> impl Iterator<Item = &Attendee> {
        self.attendees
            .iter()
            .filter(|a| a.status == AttendeeStatus::Active)
    }
}

/// Company data as stored (checked when it was submitted through the form; blank where a
/// walk-in at the door gave only the name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompanyRecord {
    pub kind: RegistrantKind,
    pub name: String,
    /// Empty where none was needed or given.
    pub name_kana: String,
    pub corporate_number: Option<String>,
    pub school_type: Option<SchoolType>,
    /// ISO 3166-1 alpha-2; absent for a walk-in, who gives a company name only.
    pub country: Option<String>,
    pub postal_code: String,
    /// In Japan; empty elsewhere.
    pub prefecture: String,
    /// State, province or county, outside Japan.
    pub region: Option<String>,
    pub city: String,
    pub street: String,
    /// Absent for a walk-in, who gives a company name only.
    pub industry: Option<Industry>,
    pub employee_band: Option<EmployeeBand>,
    pub tcci_member: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRecord {
    pub name: String,
    pub kana: String,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendee {
    pub id: i64,
    pub position: i32,
    pub name: String,
    pub kana: String,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: String,
    pub status: AttendeeStatus,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_reader_of_english_or_easy_japanese_may_give_readings_in_latin_letters() {
        let rules = RegistrationRules {
            audience: Audience::Companies,
            per_company_limit: None,
            questions: &[],
            shape: crate::domain::Shape::Seats,
            campaign_period: None,
            call: None,
        };
        let mut input = company_input(1);
        input.attendees[0].kana = Some("Ann Walker".into());
        assert!(
            RegistrationSpec::parse(input.clone(), &rules).is_err(),
            "a Japanese form asks for kana"
        );
        // Whoever does not read standard Japanese may not be able to type kana.
        for tag in ["en", "ja-x-easy"] {
            input.lang = crate::i18n::Lang::parse(tag).unwrap();
            assert!(
                RegistrationSpec::parse(input.clone(), &rules).is_ok(),
                "{tag}"
            );
        }
    }

    pub fn company_input(attendees: usize) -> RegistrationInput {
        RegistrationInput {
            company: Some(CompanyInput {
                name: Some("株式会社テスト商事".into()),
                name_kana: Some("かぶしきがいしゃてすとしょうじ".into()),
                corporate_number: Some("7000012050002".into()),
                postal_code: Some("100-0005".into()),
                prefecture: Some("東京都".into()),
                city: Some("千代田区".into()),
                street: Some("丸の内3-2-2".into()),
                industry: Some("manufacturing".into()),
                employee_band: Some("21-50".into()),
                tcci_member: Some(true),
                ..Default::default()
            }),
            contact: PersonInput {
                name: Some("山田 花子".into()),
                kana: Some("ヤマダ ハナコ".into()),
                email: Some("hanako@example.co.jp".into()),
                phone: Some("03-1234-5678".into()),
                ..Default::default()
            },
            attendees: (0..attendees)
                .map(|i| PersonInput {
                    name: Some(format!("参加 {i}")),
                    kana: Some("サンカ".into()),
                    email: Some(format!("a{i}@example.co.jp")),
                    ..Default::default()
                })
                .collect(),
            consent: true,
            ..Default::default()
        }
    }

    fn rules(limit: Option<u32>) -> RegistrationRules<'static> {
        RegistrationRules {
            audience: Audience::Companies,
            per_company_limit: limit,
            questions: &[],
            shape: crate::domain::Shape::Seats,
            campaign_period: None,
            call: None,
        }
    }

    #[test]
    fn a_company_registration_parses_and_normalises() {
        let spec = RegistrationSpec::parse(company_input(2), &rules(Some(3))).unwrap();
        let company = spec.company.as_ref().unwrap();
        assert_eq!(
            company.name_kana.as_ref().unwrap().as_str(),
            "カブシキガイシャテストショウジ"
        );
        assert_eq!(spec.contact_phone.as_ref().unwrap().as_str(), "0312345678");
        let business = company.business.unwrap();
        assert!(business.employee_band.is_sme(business.industry));
        assert_eq!(spec.registrant_kind(), RegistrantKind::Company);
        assert_eq!(spec.attendees.len(), 2);
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let mut input = company_input(3);
        let company = input.company.as_mut().unwrap();
        company.corporate_number = Some("1234567890123".into());
        company.postal_code = Some("12-345".into());
        input.contact.email = Some("not-an-email".into());
        input.attendees[2].email = input.attendees[0].email.clone();
        input.consent = false;
        let errors = RegistrationSpec::parse(input, &rules(Some(2))).unwrap_err();
        for f in [
            "company.corporate_number",
            "company.postal_code",
            "contact.email",
            "attendees",
            "attendees.2.email",
            "consent",
        ] {
            assert!(errors.has(f), "{f} missing: {errors}");
        }
    }

    #[test]
    fn only_a_registration_of_nothing_but_taken_addresses_is_a_duplicate() {
        let spec = RegistrationSpec::parse(company_input(2), &rules(None)).unwrap();
        let taken = |emails: &[&str]| emails.iter().map(|e| e.to_string()).collect();
        assert!(!spec.only_duplicates(&taken(&[])));
        assert!(
            !spec.only_duplicates(&taken(&["a0@example.co.jp"])),
            "one new attendee takes a seat"
        );
        assert!(spec.only_duplicates(&taken(&["a0@example.co.jp", "a1@example.co.jp"])));
        // A duplicate is not counted (nor welcomed: `Notice::welcome`).
        assert!(!SeatState::Duplicate.is_live());
    }

    #[test]
    fn sole_proprietors_say_so_instead_of_a_corporate_number() {
        let mut input = company_input(1);
        input.company.as_mut().unwrap().corporate_number = None;
        assert!(
            RegistrationSpec::parse(input.clone(), &rules(None))
                .unwrap_err()
                .has("company.corporate_number")
        );
        input.company.as_mut().unwrap().kind = Some("sole_proprietor".into());
        let spec = RegistrationSpec::parse(input.clone(), &rules(None)).unwrap();
        assert!(spec.corporate_number().is_none());
        assert_eq!(spec.registrant_kind(), RegistrantKind::SoleProprietor);
        // A number typed for a sole proprietor is refused, not dropped.
        input.company.as_mut().unwrap().corporate_number = Some("7000012050002".into());
        let errors = RegistrationSpec::parse(input, &rules(None)).unwrap_err();
        assert_eq!(errors.fields()[0].code, "not_for_sole_proprietor");
    }

    #[test]
    fn a_school_gives_no_industry_or_employees_and_needs_no_corporate_number() {
        let mut input = company_input(1);
        let c = input.company.as_mut().unwrap();
        c.kind = Some("school".into());
        c.name = Some("東京日本語学院".into());
        c.name_kana = Some("トウキョウニホンゴガクイン".into());
        c.corporate_number = None;
        c.industry = None;
        c.employee_band = None;
        let errors = RegistrationSpec::parse(input.clone(), &rules(None)).unwrap_err();
        assert!(errors.has("company.school_type"), "{errors}");
        assert_eq!(errors.fields().len(), 1, "{errors}");
        input.company.as_mut().unwrap().school_type = Some("japanese_language_school".into());
        let spec = RegistrationSpec::parse(input, &rules(None)).unwrap();
        let school = spec.company.as_ref().unwrap();
        assert_eq!(school.kind, RegistrantKind::School);
        assert_eq!(school.school_type, Some(SchoolType::JapaneseLanguageSchool));
        assert!(school.business.is_none());
        // Nobody registers as an individual inside an organization's fields.
        let mut input = company_input(1);
        input.company.as_mut().unwrap().kind = Some("individual".into());
        assert!(
            RegistrationSpec::parse(input, &rules(None))
                .unwrap_err()
                .has("company.kind")
        );
    }

    #[test]
    fn a_company_in_san_francisco_registers_with_its_own_address_and_phone() {
        let mut input = company_input(1);
        input.lang = crate::i18n::Lang::parse("en").unwrap();
        input.time_zone = Some("America/Los_Angeles".into());
        let c = input.company.as_mut().unwrap();
        *c = CompanyInput {
            name: Some("Golden Gate Robotics, Inc.".into()),
            country: Some("US".into()),
            postal_code: Some("94105".into()),
            region: Some("California".into()),
            city: Some("San Francisco".into()),
            street: Some("535 Mission St\nSuite 1400".into()),
            industry: Some("manufacturing".into()),
            employee_band: Some("51-100".into()),
            tcci_member: Some(false),
            ..Default::default()
        };
        input.contact = PersonInput {
            name: Some("Ann Walker".into()),
            email: Some("ann@ggr.example.com".into()),
            phone: Some("(415) 555-2671".into()),
            ..Default::default()
        };
        input.attendees[0].name = Some("Ben Ito".into());
        input.attendees[0].kana = None;
        let spec = RegistrationSpec::parse(input.clone(), &rules(None)).unwrap();
        let company = spec.company.as_ref().unwrap();
        assert!(company.corporate_number.is_none() && company.name_kana.is_none());
        assert!(matches!(
            &company.address,
            Address::Abroad { country, postal_code: Some(p), region: Some(r), street, .. }
                if country.code() == "US" && p == "94105" && r == "California" && street.contains('\n')
        ));
        assert_eq!(
            spec.contact_phone.as_ref().unwrap().as_str(),
            "+14155552671"
        );
        assert_eq!(spec.contact.kana, None);
        assert_eq!(spec.time_zone, Some(chrono_tz::America::Los_Angeles));
        // Japan's rules are not applied abroad, and the abroad ones are checked.
        let c = input.company.as_mut().unwrap();
        c.postal_code = Some("94105<script>".into());
        c.country = Some("USA".into());
        input.time_zone = Some("Mars/Olympus".into());
        let errors = RegistrationSpec::parse(input, &rules(None)).unwrap_err();
        for f in ["company.country", "time_zone"] {
            assert!(errors.has(f), "{f}: {errors}");
        }
    }

    #[test]
    fn a_name_in_japanese_script_needs_its_reading() {
        let mut input = company_input(1);
        input.attendees[0].kana = None;
        input.company.as_mut().unwrap().name_kana = None;
        let errors = RegistrationSpec::parse(input, &rules(None)).unwrap_err();
        assert!(
            errors.has("attendees.0.kana") && errors.has("company.name_kana"),
            "{errors}"
        );
    }

    #[test]
    fn at_an_event_for_everyone_a_person_registers_without_an_organization() {
        let everyone = RegistrationRules {
            audience: Audience::Everyone,
            ..rules(None)
        };
        let input = RegistrationInput {
            company: None,
            contact: PersonInput {
                name: Some("Maria Silva".into()),
                email: Some("maria@example.br".into()),
                ..Default::default()
            },
            consent: true,
            lang: crate::i18n::Lang::parse("en").unwrap(),
            ..Default::default()
        };
        let spec = RegistrationSpec::parse(input.clone(), &everyone).unwrap();
        assert_eq!(spec.registrant_kind(), RegistrantKind::Individual);
        assert_eq!(spec.attendees.len(), 1, "she attends herself");
        assert!(spec.affiliation.is_none());
        // An event for companies only asks for the company.
        assert!(
            RegistrationSpec::parse(input, &rules(None))
                .unwrap_err()
                .has("company.name")
        );
    }

    #[test]
    fn an_individual_attends_alone_and_may_write_romaji() {
        let input = RegistrationInput {
            contact: PersonInput {
                name: Some("NGUYEN Van An".into()),
                kana: Some("Nguyen Van An".into()),
                email: Some("an@example.ac.jp".into()),
                ..Default::default()
            },
            affiliation: Some("東京大学".into()),
            consent: true,
            via: Some("mm-2026/12<script>".into()),
            ..Default::default()
        };
        let rules = RegistrationRules {
            audience: Audience::Individuals,
            per_company_limit: None,
            questions: &[],
            shape: crate::domain::Shape::Seats,
            campaign_period: None,
            call: None,
        };
        let spec = RegistrationSpec::parse(input, &rules).unwrap();
        assert_eq!(spec.attendees.len(), 1);
        assert!(spec.company.is_none());
        assert_eq!(spec.via.as_deref(), Some("mm-202612script"));
    }
}
