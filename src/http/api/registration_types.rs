//! The shapes of registrations in the API. Text fields a person types are optional in the
//! schema so that a missing one gets a field-level error (422) in the caller's language, like
//! any other mistake, rather than a bare parse failure.
use crate::domain::Event;
use crate::domain::registration::{CompanyInput, PersonInput};
use crate::domain::{
    Answer, Attendee, AttendeeStatus, EmployeeBand, HeardVia, Industry, Question, QuestionKind,
    QuestionOption, RegistrantKind, Registration, RegistrationInput, SchoolType,
};
use crate::services::registrations::{AttendeeChange, RegistrationChange};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Asia::Tokyo;
use poem_openapi::Object;
use std::collections::BTreeMap;

#[derive(Debug, Object)]
#[oai(rename = "CompanyInput", skip_serializing_if_is_none)]
pub struct CompanyBody {
    /// What kind of organization registers; `company` when absent. `individual` is not an
    /// organization: a person on their own leaves `company` out (where the event's audience
    /// admits individuals).
    pub kind: Option<RegistrantKind>,
    /// Required.
    pub name: Option<String>,
    /// Katakana or hiragana, any width: required where the name is written in Japanese
    /// script, optional otherwise.
    pub name_kana: Option<String>,
    /// 13 digits with a valid check digit. Required of a `company` in Japan; optional for
    /// schools, municipalities, associations, other organizations and companies abroad;
    /// refused for a `sole_proprietor`, who has none.
    pub corporate_number: Option<String>,
    /// For a `school`, required: what kind of school.
    pub school_type: Option<SchoolType>,
    /// ISO 3166-1 alpha-2 (`JP`, `US`); `JP` when absent. Japan's addresses take
    /// `postal_code` `NNN-NNNN` and a `prefecture`; others a free-form `postal_code` (optional),
    /// `region` (state, province), `city` and `street` (lines may be separated by line breaks).
    pub country: Option<String>,
    /// In Japan required, `NNN-NNNN`; elsewhere as the country writes it, optional.
    pub postal_code: Option<String>,
    /// In Japan required, in Japanese or English, e.g. `Tokyo`.
    pub prefecture: Option<String>,
    /// Outside Japan: state, province or county.
    pub region: Option<String>,
    pub city: Option<String>,
    pub street: Option<String>,
    /// For a `company` or `sole_proprietor`, required.
    pub industry: Option<Industry>,
    /// For a `company` or `sole_proprietor`, required.
    pub employee_band: Option<EmployeeBand>,
    /// Required: is the company a member of the Tokyo Chamber of Commerce and Industry?
    pub tcci_member: Option<bool>,
}

#[derive(Debug, Object)]
#[oai(rename = "PersonInput", skip_serializing_if_is_none)]
pub struct PersonBody {
    pub name: Option<String>,
    /// The reading of the name: katakana or hiragana (Latin letters for individuals and
    /// English forms). Required where the name is written in Japanese script.
    pub kana: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    /// The contact person's phone; required for organizations. A number without `+` is read
    /// as one of the organization's country; `+1 415 555 0123` is read as written.
    pub phone: Option<String>,
}

impl From<PersonBody> for PersonInput {
    fn from(p: PersonBody) -> Self {
        PersonInput {
            name: p.name,
            kana: p.kana,
            department: p.department,
            title: p.title,
            email: p.email,
            phone: p.phone,
        }
    }
}

/// An attendee as registered: the person, and the sessions they attend.
#[derive(Debug, Object)]
#[oai(rename = "AttendeeInput", skip_serializing_if_is_none)]
pub struct AttendeeCreateBody {
    #[oai(flatten)]
    pub person: PersonBody,
    /// The sessions this attendee attends, by id (no two at the same time for one person;
    /// colleagues may go to parallel sessions). Absent: the registration's `sessions`.
    pub sessions: Option<Vec<i64>>,
}

#[derive(Debug, Object)]
#[oai(rename = "AnswerInput", skip_serializing_if_is_none)]
pub struct AnswerBody {
    pub question_id: i64,
    /// One value for text, single choice and yes/no (`yes` or `no`); any number for multiple
    /// choice.
    pub values: Vec<String>,
}

fn answers_map(list: Vec<AnswerBody>) -> BTreeMap<i64, Vec<String>> {
    let mut map: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for a in list {
        map.entry(a.question_id).or_default().extend(a.values);
    }
    map
}

/// A registration for an event. Companies give `company`, `contact` and `attendees`;
/// individuals give `contact` and `affiliation`.
#[derive(Debug, Object)]
#[oai(rename = "RegistrationCreate", skip_serializing_if_is_none)]
pub struct RegistrationCreateBody {
    pub company: Option<CompanyBody>,
    pub contact: PersonBody,
    /// School or employer, for individual registrations.
    pub affiliation: Option<String>,
    pub attendees: Option<Vec<AttendeeCreateBody>>,
    pub answers: Option<Vec<AnswerBody>>,
    /// Agreement to the event's purpose of use of personal information; must be true.
    pub consent: bool,
    pub heard_via: Option<HeardVia>,
    /// The `?via=` code of the link the registrant came by.
    pub via: Option<String>,
    /// The language of the registrant's emails; Japanese by default.
    pub lang: Option<crate::i18n::Lang>,
    /// The registrant's IANA time zone (`America/Los_Angeles`): emails and the manage page
    /// then show the event's time in it beside Japan time.
    pub time_zone: Option<String>,
    /// For an event with sessions: the ids of those EVERY attendee attends (no two at the same
    /// time; for consultation slots exactly one, which is the whole registration's). Kept for
    /// compatibility: an attendee's own `attendees[i].sessions` wins over it. Each session's
    /// seats count people; when a session has fewer seats than people asking, the first
    /// attendees get them and the others wait (see each attendee's `sessions` in the answer).
    pub sessions: Option<Vec<i64>>,
    /// For a campaign (Smooth-Biz): what the company takes part with. Campaigns take no
    /// attendees.
    pub campaign: Option<CampaignEntryBody>,
    /// For a declaration scheme: what the company declares (no attendees).
    pub declaration: Option<DeclarationCreateBody>,
    /// At a job fair, a company applying for a booth (no attendees).
    pub exhibitor: Option<ExhibitorCreateBody>,
    /// At a job fair, a student visitor's profile.
    pub student: Option<StudentCreateBody>,
    /// A student's booths to visit: the exhibitors' registration ids (approved booths).
    pub booths: Option<Vec<i64>>,
    /// For an expert dispatch programme: the company's request for a visit (no attendees).
    pub dispatch: Option<DispatchCreateBody>,
    /// At an internship programme, a host company posting its offer (no attendees).
    pub offer: Option<InternshipOfferCreateBody>,
    /// At an internship programme, a student applying to one offer; the profile goes in
    /// `student`.
    pub application: Option<InternshipApplicationCreateBody>,
}

impl From<RegistrationCreateBody> for RegistrationInput {
    fn from(b: RegistrationCreateBody) -> Self {
        let company = b.company.map(|c| CompanyInput {
            kind: c.kind.map(|k| k.code().to_owned()),
            name: c.name,
            name_kana: c.name_kana,
            corporate_number: c.corporate_number,
            school_type: c.school_type.map(|t| t.code().to_owned()),
            country: c.country,
            postal_code: c.postal_code,
            prefecture: c.prefecture,
            region: c.region,
            city: c.city,
            street: c.street,
            industry: c.industry.map(|i| i.code().to_owned()),
            employee_band: c.employee_band.map(|e| e.code().to_owned()),
            tcci_member: c.tcci_member,
        });
        let attendees = b.attendees.unwrap_or_default();
        // Only where some attendee names their own, so the idempotency fingerprint of a
        // request without them stays as it was.
        let attendee_sessions = if attendees.iter().any(|a| a.sessions.is_some()) {
            attendees.iter().map(|a| a.sessions.clone()).collect()
        } else {
            Vec::new()
        };
        RegistrationInput {
            company,
            contact: b.contact.into(),
            affiliation: b.affiliation,
            attendees: attendees.into_iter().map(|a| a.person.into()).collect(),
            attendee_sessions,
            answers: answers_map(b.answers.unwrap_or_default()),
            consent: b.consent,
            heard_via: b.heard_via.map(|h| h.code().to_owned()),
            via: b.via,
            lang: b.lang.unwrap_or_default(),
            time_zone: b.time_zone,
            sessions: b.sessions.unwrap_or_default(),
            campaign: b.campaign.map(Into::into),
            declaration: b.declaration.map(Into::into),
            certification: None,
            dispatch: b.dispatch.map(Into::into),
            exhibitor: b.exhibitor.map(|x| crate::domain::ExhibitorInput {
                staff_count: Some(x.staff_count.to_string()),
                languages: x.languages,
                positions: Some(x.positions),
                visa_support: Some(if x.visa_support { "yes" } else { "no" }.to_owned()),
                hiring_fields: x.hiring_fields,
            }),
            student: b.student.map(|x| crate::domain::StudentInput {
                graduation_year: Some(x.graduation_year.to_string()),
                japanese_level: Some(x.japanese_level),
                field: Some(x.field),
            }),
            booths: b.booths.unwrap_or_default(),
            offer: b.offer.map(|o| crate::domain::OfferInput {
                from: Some(o.from.to_string()),
                to: Some(o.to.to_string()),
                tasks: Some(o.tasks),
                places: Some(o.places.to_string()),
                languages: o.languages,
                japanese_level: o.japanese_level,
                allowance: Some(if o.allowance { "yes" } else { "no" }.to_owned()),
            }),
            application: b
                .application
                .map(|a| crate::domain::InternshipApplicationInput {
                    offer: Some(a.offer_id.to_string()),
                    motivation: Some(a.motivation),
                }),
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "AttendeeChange", skip_serializing_if_is_none)]
pub struct AttendeeChangeBody {
    /// An existing attendee's id keeps them (their email cannot change); leave out to add.
    pub id: Option<i64>,
    #[oai(flatten)]
    pub person: PersonBody,
}

/// A change through the manage link: the full list of attendees (those left out are
/// cancelled) and/or new answers.
#[derive(Debug, Object)]
#[oai(rename = "RegistrationChange", skip_serializing_if_is_none)]
pub struct RegistrationChangeBody {
    pub attendees: Option<Vec<AttendeeChangeBody>>,
    pub answers: Option<Vec<AnswerBody>>,
    /// The sessions EVERY attendee attends from now on, by id (all of them, not a
    /// difference). Kept for compatibility; `attendee_sessions` wins for those it names.
    pub sessions: Option<Vec<i64>>,
    /// The sessions one attendee attends from now on, by attendee id (all of theirs).
    /// Attendees named neither here nor by `sessions` keep theirs.
    pub attendee_sessions: Option<Vec<AttendeeSessionsBody>>,
}

#[derive(Debug, Object)]
#[oai(rename = "AttendeeSessions", skip_serializing_if_is_none)]
pub struct AttendeeSessionsBody {
    pub attendee_id: i64,
    pub sessions: Vec<i64>,
}

impl From<RegistrationChangeBody> for RegistrationChange {
    fn from(b: RegistrationChangeBody) -> Self {
        RegistrationChange {
            attendees: b.attendees.map(|list| {
                list.into_iter()
                    .map(|a| AttendeeChange {
                        id: a.id,
                        person: a.person.into(),
                    })
                    .collect()
            }),
            answers: b.answers.map(answers_map),
            sessions: b.sessions,
            attendee_sessions: b
                .attendee_sessions
                .unwrap_or_default()
                .into_iter()
                .map(|a| (a.attendee_id, a.sessions))
                .collect(),
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "Attendee", skip_serializing_if_is_none)]
pub struct AttendeeBody {
    pub id: i64,
    pub name: String,
    pub kana: String,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: String,
    pub status: AttendeeStatus,
    /// The sessions this attendee picked, in time order, each with where they stand there
    /// (`confirmed`, `waitlisted`, or `cancelled` when dropped).
    pub sessions: Vec<PickBody>,
}

impl AttendeeBody {
    fn of(a: &Attendee, picks: &[crate::domain::Pick]) -> Self {
        AttendeeBody {
            id: a.id,
            name: a.name.clone(),
            kana: a.kana.clone(),
            department: a.department.clone(),
            title: a.title.clone(),
            email: a.email.clone(),
            status: a.status,
            sessions: picks
                .iter()
                .filter(|p| p.attendee_id == a.id)
                .map(|p| PickBody::new(&p.session, p.status, vec![a.id]))
                .collect(),
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "Company", skip_serializing_if_is_none)]
pub struct CompanyRecordBody {
    /// What kind of organization: `company`, `sole_proprietor`, `school`, `municipality`,
    /// `association` or `other_organization`.
    pub kind: RegistrantKind,
    pub name: String,
    /// Empty where none was needed or given.
    pub name_kana: String,
    pub corporate_number: Option<String>,
    pub school_type: Option<SchoolType>,
    /// ISO 3166-1 alpha-2; absent for a walk-in added at the door.
    pub country: Option<String>,
    pub postal_code: String,
    /// In Japan; empty elsewhere.
    pub prefecture: String,
    /// Outside Japan: state, province or county.
    pub region: Option<String>,
    pub city: String,
    pub street: String,
    /// Absent for a walk-in added at the door, who gave the company name only.
    pub industry: Option<Industry>,
    pub employee_band: Option<EmployeeBand>,
    /// Small or medium-sized enterprise, by industry and employees; absent when either is
    /// unknown.
    pub sme: Option<bool>,
    pub tcci_member: bool,
}

#[derive(Debug, Object)]
#[oai(rename = "Contact", skip_serializing_if_is_none)]
pub struct ContactBody {
    pub name: String,
    pub kana: String,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: String,
    pub phone: Option<String>,
}

#[derive(Debug, Object)]
#[oai(rename = "Answer", skip_serializing_if_is_none)]
pub struct AnswerOutBody {
    pub question_id: i64,
    pub values: Vec<String>,
}

#[derive(Debug, Object)]
#[oai(rename = "RegisteredEvent", skip_serializing_if_is_none)]
pub struct RegisteredEventBody {
    pub slug: String,
    pub title_ja: String,
    pub title_en: String,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
}

#[derive(Debug, Object)]
#[oai(rename = "Registration", skip_serializing_if_is_none)]
pub struct RegistrationBody {
    pub id: i64,
    /// What taking part means here: `seats` (a seminar, an EXPO, a consultation slot),
    /// `booth`, `student_visit`, `campaign_entry`, `declaration`, `internship_offer` or
    /// `internship_application`.
    pub shape: crate::domain::Shape,
    /// Where it stands, in its shape's own states. Seats and student visits: `confirmed`,
    /// `waitlisted`, `cancelled`, or `duplicate` when every attendee named was registered for
    /// the event already (it holds no seat; the owners of those addresses are told by
    /// email). A booth: `under_review`, `approved`, `declined`, `withdrawn`. A campaign
    /// entry: `joined`, `withdrawn`. A declaration: `under_review`, `returned`, `approved`,
    /// `withdrawn`. An internship offer: `open`, `closed` (every place taken), `withdrawn`. An
    /// internship application: `applied`, `accepted`, `declined`, `withdrawn`. Nothing under
    /// review is `confirmed`.
    pub status: String,
    /// Place in the waiting list (1 is next), when waitlisted.
    pub waitlist_position: Option<u32>,
    /// Seats held (confirmed) or wanted (waitlisted); absent for shapes without seats.
    pub seats: Option<u32>,
    /// The secret of the manage link; only ever shown to the registrant.
    pub manage_token: Option<String>,
    pub manage_url: Option<String>,
    pub event: Option<RegisteredEventBody>,
    /// Who registered: the organization's kind, or `individual`.
    pub registrant_kind: RegistrantKind,
    /// The registrant's IANA time zone, where they gave one.
    pub time_zone: Option<String>,
    pub company: Option<CompanyRecordBody>,
    pub contact: ContactBody,
    pub affiliation: Option<String>,
    pub attendees: Vec<AttendeeBody>,
    pub answers: Vec<AnswerOutBody>,
    pub heard_via: Option<HeardVia>,
    pub via: Option<String>,
    pub lang: crate::i18n::Lang,
    /// The version of the purpose-of-use text the registrant agreed to, and when.
    pub consent_version: i32,
    pub consented_at: DateTime<FixedOffset>,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
    /// The sessions picked, in time order: one entry per session and status, naming the
    /// attendees (`attendee_ids`) who stand there so (`confirmed`, `waitlisted`, or
    /// `cancelled` when dropped). Each attendee's own list is in `attendees[i].sessions`.
    pub sessions: Vec<PickBody>,
    /// A campaign entry: what the company joined with.
    pub campaign: Option<CampaignEntryBody>,
    /// A declaration: what the company declares, and where its review stands.
    pub declaration: Option<DeclarationBody>,
    /// An expert dispatch request: what was asked, the expert assigned and the visits.
    pub dispatch: Option<DispatchBody>,
}

#[derive(Debug, Object)]
#[oai(rename = "Pick", skip_serializing_if_is_none)]
pub struct PickBody {
    pub session: super::types::SessionBody,
    pub status: String,
    pub attendee_ids: Vec<i64>,
    /// A confirmed consultation slot's own meeting link, when it has one.
    pub online_url: Option<String>,
}

impl PickBody {
    fn new(
        session: &crate::domain::EventSession,
        status: crate::domain::PickStatus,
        attendee_ids: Vec<i64>,
    ) -> Self {
        PickBody {
            session: session.into(),
            status: status.code().to_owned(),
            attendee_ids,
            online_url: session
                .spec
                .online_url
                .clone()
                .filter(|_| status == crate::domain::PickStatus::Confirmed),
        }
    }
}

impl RegistrationBody {
    /// The organizer's view: no manage link.
    pub fn for_organizer(r: &Registration) -> Self {
        let jst = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&Tokyo).fixed_offset();
        RegistrationBody {
            id: r.id,
            shape: r.shape(),
            status: r.participation.state_code().to_owned(),
            waitlist_position: None,
            seats: r.shape().takes_seats().then(|| r.participation.seats()),
            manage_token: None,
            manage_url: None,
            event: None,
            registrant_kind: r.registrant_kind,
            time_zone: r.time_zone.map(|tz| tz.name().to_owned()),
            company: r.company.as_ref().map(|c| CompanyRecordBody {
                kind: c.kind,
                name: c.name.clone(),
                name_kana: c.name_kana.clone(),
                corporate_number: c.corporate_number.clone(),
                school_type: c.school_type,
                country: c.country.clone(),
                postal_code: c.postal_code.clone(),
                prefecture: c.prefecture.clone(),
                region: c.region.clone(),
                city: c.city.clone(),
                street: c.street.clone(),
                industry: c.industry,
                employee_band: c.employee_band,
                sme: c.employee_band.zip(c.industry).map(|(b, i)| b.is_sme(i)),
                tcci_member: c.tcci_member,
            }),
            contact: ContactBody {
                name: r.contact.name.clone(),
                kana: r.contact.kana.clone(),
                department: r.contact.department.clone(),
                title: r.contact.title.clone(),
                email: r.contact.email.clone(),
                phone: r.contact.phone.clone(),
            },
            affiliation: r.affiliation.clone(),
            attendees: r
                .attendees
                .iter()
                .map(|a| AttendeeBody::of(a, &r.picks))
                .collect(),
            answers: r
                .answers
                .iter()
                .map(|(id, a)| AnswerOutBody {
                    question_id: *id,
                    values: match a {
                        Answer::Text(t) => vec![t.clone()],
                        Answer::YesNo(b) => vec![if *b { "yes" } else { "no" }.to_owned()],
                        Answer::Choices(c) => c.clone(),
                    },
                })
                .collect(),
            heard_via: r.heard_via,
            via: r.via.clone(),
            lang: r.lang,
            consent_version: r.consent_version,
            consented_at: jst(r.consented_at),
            created_at: jst(r.created_at),
            updated_at: jst(r.updated_at),
            sessions: crate::domain::session::attendance(&r.picks)
                .into_iter()
                .map(|g| PickBody::new(&g.session, g.status, g.attendee_ids))
                .collect(),
            campaign: r.participation.campaign_entry().map(Into::into),
            declaration: r.participation.declaration().map(|d| DeclarationBody {
                commitments: d
                    .declaration
                    .commitments
                    .iter()
                    .map(|c| c.code().to_owned())
                    .collect(),
                other: d.declaration.other.clone(),
                statement: d.declaration.statement.clone(),
                listed: d.declaration.listed,
                state: d.state.code().to_owned(),
                reviewed_at: d.reviewed_at.map(jst),
                note: d.note.clone(),
            }),
            dispatch: r
                .participation
                .dispatch()
                .map(|(state, d)| DispatchBody::new(state, d)),
        }
    }

    /// The registrant's view, with the manage link. In a registration that holds seats, an
    /// attendee whose address was registered already looks like any other: the submitter is
    /// not told which of several addresses someone else registered; the address owner is told
    /// by email. A registration of nothing but such addresses says so in its status (issue
    /// 13): dressing it up as confirmed promised seats nobody holds.
    pub fn for_registrant(
        registration: &Registration,
        event: &Event,
        waitlist_position: Option<u32>,
        manage_token: &str,
        public_url: &str,
    ) -> Self {
        let spec = &event.spec;
        let mut base = Self::for_organizer(registration);
        if !registration.participation.is_duplicate() {
            for a in &mut base.attendees {
                if a.status == AttendeeStatus::Duplicate {
                    a.status = AttendeeStatus::Active;
                }
            }
            if base.seats.is_some() {
                base.seats = Some(
                    base.attendees
                        .iter()
                        .filter(|a| a.status == AttendeeStatus::Active)
                        .count() as u32,
                );
            }
        }
        let jst = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&Tokyo).fixed_offset();
        RegistrationBody {
            waitlist_position,
            manage_url: Some(format!(
                "{}/r/{}",
                public_url.trim_end_matches('/'),
                manage_token
            )),
            manage_token: Some(manage_token.to_owned()),
            event: Some(RegisteredEventBody {
                slug: spec.slug.to_string(),
                title_ja: spec.title.ja.clone(),
                title_en: spec.title.en.clone(),
                starts_at: jst(spec.starts_at),
                ends_at: jst(spec.ends_at),
            }),
            ..base
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "RegistrationList", skip_serializing_if_is_none)]
pub struct RegistrationListBody {
    pub registrations: Vec<RegistrationBody>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

#[derive(Debug, Object)]
#[oai(rename = "QuestionOption", skip_serializing_if_is_none)]
pub struct QuestionOptionBody {
    pub value: String,
    pub label_ja: String,
    pub label_en: String,
}

#[derive(Debug, Object)]
#[oai(rename = "Question", skip_serializing_if_is_none)]
pub struct QuestionBody {
    pub id: i64,
    pub kind: QuestionKind,
    pub label_ja: String,
    pub label_en: String,
    pub required: bool,
    pub options: Vec<QuestionOptionBody>,
}

impl From<&Question> for QuestionBody {
    fn from(q: &Question) -> Self {
        QuestionBody {
            id: q.id,
            kind: q.spec.kind,
            label_ja: q.spec.label.ja.clone(),
            label_en: q.spec.label.en.clone(),
            required: q.spec.required,
            options: q
                .spec
                .options
                .iter()
                .map(|o| QuestionOptionBody {
                    value: o.value.clone(),
                    label_ja: o.label_ja.clone(),
                    label_en: o.label_en.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "QuestionCreate", skip_serializing_if_is_none)]
pub struct QuestionCreateBody {
    pub kind: QuestionKind,
    pub label_ja: String,
    pub label_en: String,
    pub required: Option<bool>,
    /// For single and multiple choice: 2 to 50 options.
    pub options: Option<Vec<QuestionOptionBody>>,
}

impl From<QuestionCreateBody> for crate::domain::QuestionInput {
    fn from(b: QuestionCreateBody) -> Self {
        crate::domain::QuestionInput {
            kind: Some(b.kind),
            label_ja: Some(b.label_ja),
            label_en: Some(b.label_en),
            required: b.required.unwrap_or(false),
            options: b
                .options
                .unwrap_or_default()
                .into_iter()
                .map(|o| QuestionOption {
                    value: o.value,
                    label_ja: o.label_ja,
                    label_en: o.label_en,
                })
                .collect(),
        }
    }
}

/// Joining a campaign: the actions taken, for how many employees, and when.
#[derive(Debug, Object)]
#[oai(rename = "CampaignEntry", skip_serializing_if_is_none)]
pub struct CampaignEntryBody {
    /// telework, staggered_commuting, flex_time, logistics, other
    pub actions: Vec<String>,
    /// What "other" is.
    pub other_action: Option<String>,
    pub employees: u32,
    /// First and last day taken part (`YYYY-MM-DD`, Tokyo); the campaign's own by default.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The company may be named on the public list of participants.
    pub listed: Option<bool>,
}

impl From<CampaignEntryBody> for crate::domain::CampaignInput {
    fn from(b: CampaignEntryBody) -> Self {
        crate::domain::CampaignInput {
            actions: b.actions,
            other_action: b.other_action,
            employees: Some(b.employees.to_string()),
            from: b.from,
            to: b.to,
            listed: b.listed.unwrap_or(false),
        }
    }
}

impl From<&crate::domain::CampaignEntry> for CampaignEntryBody {
    fn from(c: &crate::domain::CampaignEntry) -> Self {
        CampaignEntryBody {
            actions: c.actions.iter().map(|a| a.code().to_owned()).collect(),
            other_action: c.other_action.clone(),
            employees: c.employees,
            from: Some(c.from.to_string()),
            to: Some(c.to.to_string()),
            listed: Some(c.listed),
        }
    }
}

/// A declaration (of a company practising the Tokyo Telework Rule) as submitted.
#[derive(Debug, Object)]
#[oai(rename = "DeclarationCreate", skip_serializing_if_is_none)]
pub struct DeclarationCreateBody {
    /// telework, flexible_hours, online_meetings, paperless, satellite, other
    pub commitments: Vec<String>,
    /// What "other" is.
    pub other: Option<String>,
    /// The company's own words (up to 400 characters).
    pub statement: String,
    /// May be named on the public list once approved.
    pub listed: Option<bool>,
}

impl From<DeclarationCreateBody> for crate::domain::DeclarationInput {
    fn from(b: DeclarationCreateBody) -> Self {
        crate::domain::DeclarationInput {
            commitments: b.commitments,
            other: b.other,
            statement: Some(b.statement),
            listed: b.listed.unwrap_or(false),
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "Declaration", skip_serializing_if_is_none)]
pub struct DeclarationBody {
    pub commitments: Vec<String>,
    pub other: Option<String>,
    pub statement: String,
    pub listed: bool,
    /// under_review, approved, returned or withdrawn
    pub state: String,
    pub reviewed_at: Option<DateTime<FixedOffset>>,
    /// The organizer's note when it was returned for changes.
    pub note: Option<String>,
}

/// A company's request for an expert's visit, as submitted.
#[derive(Debug, Object)]
#[oai(rename = "DispatchCreate", skip_serializing_if_is_none)]
pub struct DispatchCreateBody {
    /// The theme of the visit.
    pub theme: crate::domain::DispatchTheme,
    /// The issue the company faces, in its own words (up to 2,000 characters).
    pub issue: String,
    /// The company's employees.
    pub employees: u32,
    /// One to three days that suit the company (`YYYY-MM-DD`), within the programme's period.
    pub preferred_dates: Vec<String>,
    /// `on_site` or `online`.
    pub mode: crate::domain::VisitMode,
}

impl From<DispatchCreateBody> for crate::domain::DispatchInput {
    fn from(b: DispatchCreateBody) -> Self {
        crate::domain::DispatchInput {
            theme: Some(b.theme.code().to_owned()),
            issue: Some(b.issue),
            employees: Some(b.employees.to_string()),
            preferred_dates: b.preferred_dates,
            mode: Some(b.mode.code().to_owned()),
        }
    }
}

#[derive(Debug, Object)]
#[oai(rename = "Dispatch", skip_serializing_if_is_none)]
pub struct DispatchBody {
    pub theme: crate::domain::DispatchTheme,
    pub issue: String,
    pub employees: u32,
    pub preferred_dates: Vec<String>,
    pub mode: crate::domain::VisitMode,
    /// requested, assigned, closed or withdrawn
    pub state: crate::domain::DispatchState,
    /// The expert assigned, once there is one.
    pub expert: Option<DispatchExpertBody>,
    /// The visits scheduled, in time order (cancelled ones included).
    pub visits: Vec<DispatchVisitBody>,
}

#[derive(Debug, Object)]
#[oai(rename = "DispatchExpert", skip_serializing_if_is_none)]
pub struct DispatchExpertBody {
    pub name: String,
    pub affiliation: Option<String>,
}

#[derive(Debug, Object)]
#[oai(rename = "DispatchVisit", skip_serializing_if_is_none)]
pub struct DispatchVisitBody {
    pub id: i64,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub mode: crate::domain::VisitMode,
    /// The address (on site) or the meeting link (online).
    pub place: String,
    /// scheduled, held, not_held or cancelled
    pub state: crate::domain::VisitState,
}

impl DispatchBody {
    fn new(state: crate::domain::DispatchState, d: &crate::domain::DispatchRecord) -> Self {
        let jst = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&Tokyo).fixed_offset();
        DispatchBody {
            theme: d.request.theme,
            issue: d.request.issue.clone(),
            employees: d.request.employees,
            preferred_dates: d
                .request
                .preferred_dates
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            mode: d.request.mode,
            state,
            expert: d.expert.as_ref().map(|e| DispatchExpertBody {
                name: e.name.clone(),
                affiliation: e.affiliation.clone(),
            }),
            visits: d
                .visits
                .iter()
                .map(|v| DispatchVisitBody {
                    id: v.id,
                    starts_at: jst(v.plan.starts_at),
                    ends_at: jst(v.plan.ends_at),
                    mode: v.plan.mode,
                    place: v.plan.place.clone(),
                    state: v.state,
                })
                .collect(),
        }
    }
}

/// A booth at a job fair, as the company applies for it.
#[derive(Debug, Object)]
#[oai(rename = "ExhibitorCreate", skip_serializing_if_is_none)]
pub struct ExhibitorCreateBody {
    pub staff_count: u32,
    /// ja, en, zh, ko, vi, other
    pub languages: Vec<String>,
    pub positions: String,
    /// Whether the company supports the work visa.
    pub visa_support: bool,
    pub hiring_fields: Option<String>,
}

/// A student visitor at a job fair.
#[derive(Debug, Object)]
#[oai(rename = "StudentCreate", skip_serializing_if_is_none)]
pub struct StudentCreateBody {
    pub graduation_year: u16,
    /// n1 … n5, native, learning
    pub japanese_level: String,
    /// Field of study.
    pub field: String,
}

/// An internship offer, as the host company posts it.
#[derive(Debug, Object)]
#[oai(rename = "InternshipOfferCreate", skip_serializing_if_is_none)]
pub struct InternshipOfferCreateBody {
    /// The first day, within the programme's period.
    pub from: chrono::NaiveDate,
    /// The last day, within the programme's period.
    pub to: chrono::NaiveDate,
    pub tasks: String,
    /// 1 to 50.
    pub places: u32,
    /// The languages of work: ja, en, zh, ko, vi, other
    pub languages: Vec<String>,
    /// The Japanese needed: n1 … n5, native, learning; none for no requirement.
    pub japanese_level: Option<String>,
    /// Whether the intern is paid an allowance.
    pub allowance: bool,
}

/// A student's application to one internship offer.
#[derive(Debug, Object)]
#[oai(rename = "InternshipApplicationCreate", skip_serializing_if_is_none)]
pub struct InternshipApplicationCreateBody {
    /// The offer's id (see the programme's offers on its public page).
    pub offer_id: i64,
    pub motivation: String,
}
