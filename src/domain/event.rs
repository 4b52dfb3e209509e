//! Events: what is on, where, when, for how many, and in which state.
use super::reminder_days::ReminderDays;
use super::text::{optional_lines, optional_text, required_lines, required_text};
use super::{Audience, Bilingual, FiscalYear, Language, ValidationErrors};
use chrono::{DateTime, Utc};
use serde::Serialize;

labelled_enum! {
    /// The six programme areas of the TMG/TCCI plan.
    pub enum ProgrammeArea {
        WorkStyleReform = "work_style_reform" => "label-programme-area-work-style-reform";
        Telework = "telework" => "label-programme-area-telework";
        SmoothBiz = "smooth_biz" => "label-programme-area-smooth-biz";
        LifeWorkBalance = "life_work_balance" => "label-programme-area-life-work-balance";
        WomensAdvancement = "womens_advancement" => "label-programme-area-womens-advancement";
        SmeTalent = "sme_talent" => "label-programme-area-sme-talent";
    }
}

labelled_enum! {
    pub enum EventKind {
        Seminar = "seminar" => "label-event-kind-seminar";
        ExperienceSeminar = "experience_seminar" => "label-event-kind-experience-seminar";
        Expo = "expo" => "label-event-kind-expo";
        JobFair = "job_fair" => "label-event-kind-job-fair";
        Campaign = "campaign" => "label-event-kind-campaign";
        Consultation = "consultation" => "label-event-kind-consultation";
        InfoExchange = "info_exchange" => "label-event-kind-info-exchange";
        CasePresentation = "case_presentation" => "label-event-kind-case-presentation";
        MatchingEvent = "matching_event" => "label-event-kind-matching-event";
        Internship = "internship" => "label-event-kind-internship";
        Declaration = "declaration" => "label-event-kind-declaration";
        /// A call for certification applications (the LWB certified-company scheme).
        Certification = "certification" => "label-event-kind-certification";
        ExpertDispatch = "expert_dispatch" => "label-event-kind-expert-dispatch";
    }
}

labelled_enum! {
    pub enum EventFormat {
        OnSite = "on_site" => "label-event-format-on-site";
        Online = "online" => "label-event-format-online";
        Hybrid = "hybrid" => "label-event-format-hybrid";
    }
}

impl EventFormat {
    pub fn has_venue(self) -> bool {
        matches!(self, EventFormat::OnSite | EventFormat::Hybrid)
    }
}

labelled_enum! {
    pub enum EventStatus {
        Draft = "draft" => "label-event-status-draft";
        Published = "published" => "label-event-status-published";
        Cancelled = "cancelled" => "label-event-status-cancelled";
    }
}

/// The name in an event's URL: `/events/{slug}`. Lower-case ASCII letters, digits and single
/// hyphens, 3 to 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(s: &str) -> Result<Self, ValidationErrors> {
        let s = s.trim();
        let ok = (3..=64).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(ValidationErrors::single("slug", "invalid_slug"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Seats: counts attendees, not registrations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Capacity(u32);

impl Capacity {
    pub const MAX: u32 = 100_000;

    pub fn get(self) -> u32 {
        self.0
    }
}

/// A capacity read back from storage, where it was written from a valid [`Capacity`].
pub fn capacity_from_stored(n: i32) -> Option<Capacity> {
    u32::try_from(n)
        .ok()
        .filter(|n| (1..=Capacity::MAX).contains(n))
        .map(Capacity)
}

/// Where an on-site event happens. English fields fall back to the Japanese ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Venue {
    pub name_ja: String,
    pub name_en: Option<String>,
    pub address_ja: String,
    pub address_en: Option<String>,
    pub map_url: Option<String>,
}

impl Venue {
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::En => self.name_en.as_deref().unwrap_or(&self.name_ja),
            Language::Ja => &self.name_ja,
        }
    }

    pub fn address(&self, lang: Language) -> &str {
        match lang {
            Language::En => self.address_en.as_deref().unwrap_or(&self.address_ja),
            Language::Ja => &self.address_ja,
        }
    }
}

/// The languages an event is held in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Languages(Vec<Language>);

impl Languages {
    pub fn parse(langs: &[Language]) -> Result<Self, ValidationErrors> {
        let mut out: Vec<Language> = Vec::new();
        for l in langs {
            if !out.contains(l) {
                out.push(*l);
            }
        }
        if out.is_empty() {
            return Err(ValidationErrors::single("languages", "choose_at_least_one"));
        }
        Ok(Self(out))
    }

    /// The stored form: `ja`, `en` or `ja,en`.
    pub fn from_stored(s: &str) -> Option<Self> {
        let langs: Option<Vec<Language>> = s.split(',').map(Language::parse).collect();
        Self::parse(&langs?).ok()
    }

    pub fn to_stored(&self) -> String {
        self.0
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn as_slice(&self) -> &[Language] {
        &self.0
    }
}

/// What an organizer submits to create or change an event, before validation. Every field is
/// optional so that a partial change (PATCH) can be laid over a stored event and the whole
/// checked again.
#[derive(Debug, Clone, Default)]
pub struct EventInput {
    pub slug: Option<String>,
    pub title_ja: Option<String>,
    pub title_en: Option<String>,
    pub description_ja: Option<String>,
    pub description_en: Option<String>,
    pub programme_area: Option<ProgrammeArea>,
    pub kind: Option<EventKind>,
    pub format: Option<EventFormat>,
    pub venue_name_ja: Option<String>,
    pub venue_name_en: Option<String>,
    pub venue_address_ja: Option<String>,
    pub venue_address_en: Option<String>,
    pub venue_map_url: Option<String>,
    pub online_url: Option<String>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub capacity: Option<i64>,
    pub per_company_limit: Option<i64>,
    pub languages: Option<Vec<Language>>,
    pub audience: Option<Audience>,
    pub waitlist_enabled: Option<bool>,
    pub purpose_of_use_ja: Option<String>,
    pub purpose_of_use_en: Option<String>,
    pub attendee_copies: Option<bool>,
    pub reminder_days: Option<Vec<i64>>,
    /// An expert dispatch programme's visits per company and fiscal year.
    pub visits_per_company: Option<i64>,
    /// Days before the event its attendance question goes out (1–30; 0 or none: no question).
    pub confirm_days_before: Option<i64>,
}

/// A valid event definition: everything an organizer decides about an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventSpec {
    pub slug: Slug,
    pub title: Bilingual,
    pub description: Bilingual,
    pub programme_area: ProgrammeArea,
    pub kind: EventKind,
    pub format: EventFormat,
    pub venue: Option<Venue>,
    /// The meeting link: only for confirmed attendees, never on a public page.
    pub online_url: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub registration_opens_at: DateTime<Utc>,
    pub registration_closes_at: DateTime<Utc>,
    pub capacity: Option<Capacity>,
    pub per_company_limit: Option<u32>,
    pub languages: Languages,
    /// Companies (the default) or individuals such as students.
    pub audience: Audience,
    /// Whether registrations that do not fit wait for a seat (or are refused as full).
    pub waitlist_enabled: bool,
    /// The event's own purpose-of-use statement for personal data; `None` uses the programme's
    /// (message `default-purpose-of-use`).
    pub purpose_of_use: Option<Bilingual>,
    /// Whether each attendee whose address differs from the contact's gets a copy of every
    /// email about the registration.
    pub attendee_copies: bool,
    pub reminder_days: ReminderDays,
    /// An expert dispatch programme: how many visits one company may get in a fiscal year
    /// (`None` for every other kind of event).
    pub visits_per_company: Option<u32>,
    /// Days before the event confirmed registrants are asked whether they will still come
    /// (at 9:00 Tokyo time, once); `None`: they are not asked.
    pub confirm_days_before: Option<u8>,
}

impl EventSpec {
    /// Whether going from `self` to `new` changes when, where or how people join: the time,
    /// the format, the venue (every part of it: names and addresses in both languages and the
    /// map link, since a registrant reading English or following the map goes by those) or the
    /// meeting link. Such a change is mailed to every registrant with an updated calendar
    /// entry, and the back-office asks before saving it. Titles, descriptions, seats, limits
    /// and reminders are not: nobody needs to act on them.
    pub fn changes_materially(&self, new: &EventSpec) -> bool {
        (
            self.starts_at,
            self.ends_at,
            self.format,
            &self.venue,
            &self.online_url,
        ) != (
            new.starts_at,
            new.ends_at,
            new.format,
            &new.venue,
            &new.online_url,
        )
    }

    /// Checks an input as a whole and reports every problem at once. `now` is the default
    /// for when registration opens.
    pub fn parse(input: EventInput, now: DateTime<Utc>) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let slug = errors.take(match &input.slug {
            Some(s) => Slug::parse(s),
            None => Err(required("slug")),
        });
        let languages = errors.take(Languages::parse(
            input.languages.as_deref().unwrap_or(&[Language::Ja]),
        ));
        let programme_area = errors.take(
            input
                .programme_area
                .ok_or_else(|| not_chosen("programme_area")),
        );
        let kind = errors.take(input.kind.ok_or_else(|| not_chosen("kind")));
        let format = errors.take(input.format.ok_or_else(|| not_chosen("format")));
        let starts_at = errors.take(input.starts_at.ok_or_else(|| required("starts_at")));
        let ends_at = errors.take(input.ends_at.ok_or_else(|| required("ends_at")));

        let title_ja = required_text(&mut errors, "title_ja", input.title_ja.as_deref(), 200);
        let title_en = required_text(&mut errors, "title_en", input.title_en.as_deref(), 200);
        let description_ja = required_lines(
            &mut errors,
            "description_ja",
            input.description_ja.as_deref(),
            20_000,
        );
        let description_en = required_lines(
            &mut errors,
            "description_en",
            input.description_en.as_deref(),
            20_000,
        );

        let venue_name_ja = optional_text(
            &mut errors,
            "venue_name_ja",
            input.venue_name_ja.as_deref(),
            200,
        );
        let venue_name_en = optional_text(
            &mut errors,
            "venue_name_en",
            input.venue_name_en.as_deref(),
            200,
        );
        let venue_address_ja = optional_text(
            &mut errors,
            "venue_address_ja",
            input.venue_address_ja.as_deref(),
            300,
        );
        let venue_address_en = optional_text(
            &mut errors,
            "venue_address_en",
            input.venue_address_en.as_deref(),
            300,
        );
        let venue_map_url = web_url(&mut errors, "venue_map_url", input.venue_map_url.as_deref());
        let online_url = web_url(&mut errors, "online_url", input.online_url.as_deref());

        let venue = match format {
            Some(f) if f.has_venue() => {
                if venue_name_ja.is_none() && !errors.has("venue_name_ja") {
                    errors.add("venue_name_ja", "required_on_site");
                }
                if venue_address_ja.is_none() && !errors.has("venue_address_ja") {
                    errors.add("venue_address_ja", "required_on_site");
                }
                match (venue_name_ja, venue_address_ja) {
                    (Some(name_ja), Some(address_ja)) => Some(Venue {
                        name_ja,
                        name_en: venue_name_en,
                        address_ja,
                        address_en: venue_address_en,
                        map_url: venue_map_url,
                    }),
                    _ => None,
                }
            }
            // An online event has no venue; whatever was sent for one is not kept.
            _ => None,
        };

        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            errors.add("ends_at", "ends_before_start");
        }

        let opens = input.registration_opens_at.unwrap_or(now);
        // Registration closes when the event starts, unless told otherwise; a campaign
        // takes participants for its whole period.
        let latest_close = match kind {
            Some(k) if !super::Shape::timed(k) => ends_at,
            _ => starts_at,
        };
        let closes = input.registration_closes_at.or(latest_close);
        if let (Some(c), Some(latest)) = (closes, latest_close)
            && c > latest
        {
            errors.add("registration_closes_at", "closes_after_start");
        }
        if let Some(c) = closes
            && c <= opens
        {
            errors.add("registration_closes_at", "closes_before_opening");
        }

        let capacity = match (input.capacity, kind) {
            (None, _) => None,
            (Some(_), Some(k)) if !super::Shape::seated(k) => {
                errors.add("capacity", "campaign_has_no_capacity");
                None
            }
            (Some(n), _) if n < 1 || n > i64::from(Capacity::MAX) => {
                errors.add_with(
                    "capacity",
                    "out_of_range",
                    crate::error_args![("min", 1), ("max", Capacity::MAX)],
                );
                None
            }
            (Some(n), _) => Some(Capacity(n as u32)),
        };

        let per_company_limit = match input.per_company_limit {
            None => None,
            Some(n) if n < 1 || n > i64::from(Capacity::MAX) => {
                errors.add_with(
                    "per_company_limit",
                    "out_of_range",
                    crate::error_args![("min", 1), ("max", Capacity::MAX)],
                );
                None
            }
            Some(n) => {
                if let Some(c) = capacity
                    && n > i64::from(c.get())
                {
                    errors.add("per_company_limit", "exceeds_capacity");
                }
                Some(n as u32)
            }
        };

        let reminder_days = match input.reminder_days.as_deref() {
            None => Some(ReminderDays::default()),
            Some(days) => errors.take(ReminderDays::parse(days)),
        };

        let confirm_days_before = match input.confirm_days_before {
            None | Some(0) => None,
            Some(d) if (1..=ReminderDays::MAX_DAYS).contains(&d) => Some(d as u8),
            Some(_) => {
                errors.add("confirm_days_before", "invalid_confirm_days_before");
                None
            }
        };

        let purpose_ja = optional_lines(
            &mut errors,
            "purpose_of_use_ja",
            input.purpose_of_use_ja.as_deref(),
            5000,
        );
        let purpose_en = optional_lines(
            &mut errors,
            "purpose_of_use_en",
            input.purpose_of_use_en.as_deref(),
            5000,
        );
        let purpose_of_use = match (purpose_ja, purpose_en) {
            (Some(ja), Some(en)) => Some(Bilingual { ja, en }),
            (None, None) => None,
            (ja, _) => {
                let field = if ja.is_some() {
                    "purpose_of_use_en"
                } else {
                    "purpose_of_use_ja"
                };
                if !errors.has(field) {
                    errors.add(field, "both_languages");
                }
                None
            }
        };

        let visits_per_company = match (kind, input.visits_per_company) {
            (Some(EventKind::ExpertDispatch), None) => {
                Some(super::dispatch::DEFAULT_VISITS_PER_COMPANY)
            }
            (Some(EventKind::ExpertDispatch), Some(n))
                if (1..=i64::from(super::dispatch::MAX_VISITS_PER_COMPANY)).contains(&n) =>
            {
                Some(n as u32)
            }
            (Some(EventKind::ExpertDispatch), Some(_)) => {
                errors.add_with(
                    "visits_per_company",
                    "out_of_range",
                    crate::error_args![
                        ("min", 1),
                        ("max", super::dispatch::MAX_VISITS_PER_COMPANY)
                    ],
                );
                None
            }
            // Another kind has no visits: a value left from a change of kind is dropped.
            _ => None,
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        // Every `None` below has recorded an error above.
        Ok(EventSpec {
            slug: slug.expect("checked"),
            title: Bilingual {
                ja: title_ja.expect("checked"),
                en: title_en.expect("checked"),
            },
            description: Bilingual {
                ja: description_ja.expect("checked"),
                en: description_en.expect("checked"),
            },
            programme_area: programme_area.expect("checked"),
            kind: kind.expect("checked"),
            format: format.expect("checked"),
            venue,
            online_url,
            starts_at: starts_at.expect("checked"),
            ends_at: ends_at.expect("checked"),
            registration_opens_at: opens,
            registration_closes_at: closes.expect("checked"),
            capacity,
            per_company_limit,
            languages: languages.expect("checked"),
            audience: input.audience.unwrap_or(Audience::Companies),
            waitlist_enabled: input.waitlist_enabled.unwrap_or(true),
            purpose_of_use,
            attendee_copies: input.attendee_copies.unwrap_or(true),
            reminder_days: reminder_days.expect("checked"),
            visits_per_company,
            confirm_days_before,
        })
    }

    /// A campaign's (or an expert dispatch programme's) first and last day in Tokyo: the
    /// days a company takes part in, or may ask a visit for; `None` for any other kind.
    pub fn campaign_period(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        matches!(self.kind, EventKind::Campaign | EventKind::ExpertDispatch).then(|| {
            let day = |t: DateTime<Utc>| t.with_timezone(&chrono_tz::Asia::Tokyo).date_naive();
            (day(self.starts_at), day(self.ends_at))
        })
    }

    pub fn fiscal_year(&self) -> FiscalYear {
        FiscalYear::of(self.starts_at)
    }

    /// The input that would produce this definition again: the base a partial change is
    /// laid over.
    pub fn to_input(&self) -> EventInput {
        let venue = self.venue.as_ref();
        EventInput {
            slug: Some(self.slug.to_string()),
            title_ja: Some(self.title.ja.clone()),
            title_en: Some(self.title.en.clone()),
            description_ja: Some(self.description.ja.clone()),
            description_en: Some(self.description.en.clone()),
            programme_area: Some(self.programme_area),
            kind: Some(self.kind),
            format: Some(self.format),
            venue_name_ja: venue.map(|v| v.name_ja.clone()),
            venue_name_en: venue.and_then(|v| v.name_en.clone()),
            venue_address_ja: venue.map(|v| v.address_ja.clone()),
            venue_address_en: venue.and_then(|v| v.address_en.clone()),
            venue_map_url: venue.and_then(|v| v.map_url.clone()),
            online_url: self.online_url.clone(),
            starts_at: Some(self.starts_at),
            ends_at: Some(self.ends_at),
            registration_opens_at: Some(self.registration_opens_at),
            registration_closes_at: Some(self.registration_closes_at),
            capacity: self.capacity.map(|c| i64::from(c.get())),
            per_company_limit: self.per_company_limit.map(i64::from),
            languages: Some(self.languages.as_slice().to_vec()),
            audience: Some(self.audience),
            waitlist_enabled: Some(self.waitlist_enabled),
            purpose_of_use_ja: self.purpose_of_use.as_ref().map(|p| p.ja.clone()),
            purpose_of_use_en: self.purpose_of_use.as_ref().map(|p| p.en.clone()),
            attendee_copies: Some(self.attendee_copies),
            reminder_days: Some(
                self.reminder_days
                    .days()
                    .iter()
                    .map(|&d| i64::from(d))
                    .collect(),
            ),
            visits_per_company: self.visits_per_company.map(i64::from),
            confirm_days_before: Some(self.confirm_days_before.map_or(0, i64::from)),
        }
    }
}

/// A stored event: its definition plus what the system keeps about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: i64,
    pub organizer_id: i64,
    pub spec: EventSpec,
    pub status: EventStatus,
    /// Attendees holding a seat; kept by the registration service.
    pub seats_taken: u32,
    /// Goes up whenever the purpose-of-use text changes; a registration records the version
    /// its registrant agreed to.
    pub purpose_of_use_version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Event {
    /// Seats still free, or `None` when the event has no capacity (campaigns).
    pub fn seats_left(&self) -> Option<u32> {
        self.spec
            .capacity
            .map(|c| c.get().saturating_sub(self.seats_taken))
    }

    pub fn is_full(&self) -> bool {
        self.seats_left() == Some(0)
    }

    pub fn registration_is_open(&self, now: DateTime<Utc>) -> bool {
        self.status == EventStatus::Published
            && self.spec.registration_opens_at <= now
            && now < self.spec.registration_closes_at
    }
}

fn required(field: &str) -> ValidationErrors {
    ValidationErrors::single(field, "required")
}

/// A choice (a select, radio buttons) left empty.
fn not_chosen(field: &str) -> ValidationErrors {
    ValidationErrors::single(field, "choose_one")
}

/// An absolute http(s) URL, or nothing.
pub(crate) fn web_url(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    // The URL parser skips tabs and line breaks, but the text is kept as typed: refuse them.
    if let Err(fault) = super::text::clean(value, super::text::Lines::One) {
        fault.record(errors, field);
        return None;
    }
    match url::Url::parse(value) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host().is_some()
                && value.len() <= 500 =>
        {
            Some(value.to_owned())
        }
        _ => {
            errors.add(field, "invalid_url");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, h, 0, 0).unwrap()
    }

    fn seminar() -> EventInput {
        EventInput {
            slug: Some("telework-seminar".into()),
            title_ja: Some("テレワーク体験セミナー".into()),
            title_en: Some("Telework hands-on seminar".into()),
            description_ja: Some("説明".into()),
            description_en: Some("Description".into()),
            programme_area: Some(ProgrammeArea::Telework),
            kind: Some(EventKind::ExperienceSeminar),
            format: Some(EventFormat::OnSite),
            venue_name_ja: Some("東京都庁".into()),
            venue_address_ja: Some("東京都新宿区西新宿2-8-1".into()),
            starts_at: Some(t(5)),
            ends_at: Some(t(7)),
            capacity: Some(30),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_seminar_parses_and_closes_registration_at_the_start() {
        let spec = EventSpec::parse(seminar(), t(0)).unwrap();
        assert_eq!(spec.registration_closes_at, t(5));
        assert_eq!(spec.registration_opens_at, t(0));
        assert_eq!(spec.fiscal_year().year(), 2026);
        assert_eq!(spec.languages.to_stored(), "ja");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = EventInput {
            slug: Some("Bad Slug".into()),
            title_en: Some("  ".into()),
            ends_at: Some(t(4)),
            capacity: Some(0),
            venue_map_url: Some("javascript:alert(1)".into()),
            ..seminar()
        };
        let errors = EventSpec::parse(input, t(0)).unwrap_err();
        let fields: Vec<_> = errors.fields().iter().map(|e| e.field.as_str()).collect();
        for f in ["slug", "title_en", "ends_at", "capacity", "venue_map_url"] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn campaigns_have_no_capacity_and_on_site_events_need_a_venue() {
        let campaign = EventInput {
            kind: Some(EventKind::Campaign),
            format: Some(EventFormat::Online),
            ..seminar()
        };
        let errors = EventSpec::parse(campaign, t(0)).unwrap_err();
        assert_eq!(errors.fields()[0].code, "campaign_has_no_capacity");

        let no_venue = EventInput {
            venue_address_ja: None,
            ..seminar()
        };
        let errors = EventSpec::parse(no_venue, t(0)).unwrap_err();
        assert!(errors.has("venue_address_ja"));
    }

    #[test]
    fn a_spec_round_trips_through_its_input() {
        let spec = EventSpec::parse(seminar(), t(0)).unwrap();
        assert_eq!(EventSpec::parse(spec.to_input(), t(1)).unwrap(), spec);
    }

    #[test]
    fn a_material_change_is_one_of_time_format_venue_or_meeting_link() {
        let spec = EventSpec::parse(seminar(), t(0)).unwrap();
        let with = |change: fn(&mut EventInput)| {
            let mut input = spec.to_input();
            change(&mut input);
            spec.changes_materially(&EventSpec::parse(input, t(0)).unwrap())
        };
        assert!(!with(|i| i.description_en = Some("Another text".into())));
        assert!(!with(|i| i.title_ja = Some("New title".into())));
        assert!(!with(|i| i.capacity = Some(7)));
        assert!(with(
            |i| i.starts_at = i.starts_at.map(|s| s + chrono::Duration::hours(1))
        ));
        // The venue as an English reader or the map shows it counts as the venue.
        assert!(with(
            |i| i.venue_name_en = Some("Tokyo Metropolitan Government".into())
        ));
        assert!(with(
            |i| i.venue_map_url = Some("https://www.openstreetmap.org/".into())
        ));
        assert!(with(
            |i| i.online_url = Some("https://meet.example.jp/new".into())
        ));
    }

    #[test]
    fn slugs() {
        assert!(Slug::parse("lwb-expo-2027").is_ok());
        for bad in ["ab", "-ab", "ab-", "a--b", "Ab", "a_b", "ａｂｃ"] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}
