//! Lines built from codes and data: a partner line, a venue line, a list of labels. The domain
//! gives the parts; the words and the punctuation between them are messages
//! (`locales/*/labels.ftl`), so each locale joins them its own way.
use super::Lang;
use crate::domain::{
    Answer, CampaignEntry, Declaration, EventFormat, EventSpec, ExhibitorProfile, HeardVia,
    Organization, Partner, Question,
};

/// One session a registration holds, as the manage page and the emails show it: its time,
/// title, room, where its attendees stand there and, when the registration names several
/// attendees, who (for example "confirmed (Taro Yamada, Hanako Sato)").
#[derive(Debug, Clone, serde::Serialize)]
pub struct SessionLine {
    pub when: String,
    pub title: String,
    pub room: Option<String>,
    pub status: String,
    /// The attendees' names, joined; absent for a registration of one person.
    pub who: Option<String>,
    /// Still waited for by these attendees.
    pub waiting: bool,
    /// The session's own meeting link (a consultation slot held online).
    pub online_url: Option<String>,
}

/// What a registration's state means for the registrant, in a sentence: each shape in its
/// own words (a booth under review is not "confirmed"). `None` for a duplicate, whose page
/// says more than a sentence.
pub fn standing_note(
    lang: Lang,
    p: &crate::domain::Participation,
    waitlist_position: Option<u32>,
) -> Option<String> {
    use crate::domain::{BoothState, DeclarationState, EntryState, Participation, SeatState};
    let id = match p {
        Participation::Seats { state, .. } | Participation::StudentVisit { state, .. } => {
            match state {
                SeatState::Confirmed => "confirmed-note",
                SeatState::Waitlisted => {
                    return Some(lang.t_args(
                        "waitlist-note",
                        &crate::fluent_args![("n", waitlist_position.unwrap_or(1))],
                    ));
                }
                SeatState::Cancelled => "cancelled-note",
                SeatState::Duplicate => return None,
            }
        }
        Participation::Booth { state, .. } => match state {
            BoothState::UnderReview => "standing-booth-under-review",
            BoothState::Approved => "standing-booth-approved",
            BoothState::Declined => "standing-booth-declined",
            BoothState::Withdrawn => "standing-withdrawn",
        },
        Participation::CampaignEntry { state, .. } => match state {
            EntryState::Joined => "standing-entry-joined",
            EntryState::Withdrawn => "standing-withdrawn",
        },
        Participation::Declaration(d) => match d.state {
            DeclarationState::UnderReview => "standing-declaration-under-review",
            DeclarationState::Returned => "standing-declaration-returned",
            DeclarationState::Approved => "standing-declaration-approved",
            DeclarationState::Withdrawn => "standing-withdrawn",
        },
        Participation::CertificationApplication { state, .. } => match state {
            crate::domain::CertificationState::UnderReview => "cert-standing-under-review",
            crate::domain::CertificationState::Certified => "cert-standing-certified",
            crate::domain::CertificationState::NotCertified => "cert-standing-not-certified",
            crate::domain::CertificationState::Withdrawn => "standing-withdrawn",
        },
        Participation::DispatchRequest { state, .. } => match state {
            crate::domain::DispatchState::Requested => "dispatch-standing-requested",
            crate::domain::DispatchState::Assigned => "dispatch-standing-assigned",
            crate::domain::DispatchState::Closed => "dispatch-standing-closed",
            crate::domain::DispatchState::Withdrawn => "standing-withdrawn",
        },
        Participation::InternshipOffer { state, .. } => match state {
            crate::domain::OfferState::Open => "internship-standing-offer-open",
            crate::domain::OfferState::Closed => "internship-standing-offer-closed",
            crate::domain::OfferState::Withdrawn => "standing-withdrawn",
        },
        Participation::InternshipApplication { state, .. } => match state {
            crate::domain::ApplicationState::Applied => "internship-standing-applied",
            crate::domain::ApplicationState::Accepted => "internship-standing-accepted",
            crate::domain::ApplicationState::Declined => "internship-standing-declined",
            crate::domain::ApplicationState::Withdrawn => "standing-withdrawn",
        },
    };
    Some(lang.t(id))
}

pub fn session_line(
    lang: Lang,
    group: &crate::domain::SessionAttendance,
    registration: &crate::domain::Registration,
) -> SessionLine {
    let spec = &group.session.spec;
    let several = registration.active_attendees().count() > 1;
    let who = several.then(|| {
        list(
            lang,
            registration
                .attendees
                .iter()
                .filter(|a| group.attendee_ids.contains(&a.id))
                .map(|a| a.name.as_str()),
        )
    });
    let label = lang.label(group.status);
    SessionLine {
        when: super::dates::range(lang, spec.starts_at, spec.ends_at),
        title: spec.title.get(lang.content()).to_owned(),
        room: spec.room.as_ref().map(|x| x.get(lang.content()).to_owned()),
        status: match &who {
            Some(names) => lang.t_args(
                "session-status-who",
                &crate::fluent_args![("status", label), ("names", names.as_str())],
            ),
            None => label,
        },
        who,
        waiting: group.status == crate::domain::PickStatus::Waitlisted,
        online_url: spec
            .online_url
            .clone()
            .filter(|_| group.status == crate::domain::PickStatus::Confirmed),
    }
}

/// The sessions a registration still attends or waits for, one line per session and status.
pub fn session_lines(lang: Lang, registration: &crate::domain::Registration) -> Vec<SessionLine> {
    let live: Vec<crate::domain::Pick> = registration.live_picks().cloned().collect();
    crate::domain::session::attendance(&live)
        .iter()
        .map(|g| session_line(lang, g, registration))
        .collect()
}

/// Items joined the locale's way (`a, b` in English).
pub fn list<S: AsRef<str>>(lang: Lang, items: impl IntoIterator<Item = S>) -> String {
    let separator = lang.t("list-separator");
    items
        .into_iter()
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(&separator)
}

/// A label with the registrant's own words for "other": `Other (no-overtime day)`.
fn with_other(lang: Lang, label: String, other: Option<&str>) -> String {
    match other {
        Some(o) => lang.t_args(
            "label-with-other",
            &crate::fluent_args![("label", label), ("other", o)],
        ),
        None => label,
    }
}

/// One part per role, organizer first, e.g. `Organized by TMG / Supported by TCCI`; only the
/// organizer and approved partners appear (see [`crate::domain::partner::partner_groups`]).
pub fn partner_line(lang: Lang, organizer: &Organization, partners: &[Partner]) -> String {
    let content = lang.content();
    let parts = crate::domain::partner::partner_groups(organizer, partners)
        .into_iter()
        .map(|(role, orgs)| {
            lang.t_args(
                "partner-line-role",
                &crate::fluent_args![
                    ("role", lang.label(role)),
                    ("names", list(lang, orgs.iter().map(|o| o.name(content)))),
                ],
            )
        })
        .collect::<Vec<_>>();
    parts.join(&lang.t("partner-line-separator"))
}

/// How a registration came, as staff read it: a walk-in at the door, else what the registrant
/// said (a [`HeardVia`] code); `None` when unknown.
/// An organization's address as its country writes it: in Japan the postal code, prefecture, city and
/// street run together; elsewhere street, city, region and postal code, then the country's
/// name in the reader's language.
pub fn address(lang: Lang, c: &crate::domain::CompanyRecord) -> String {
    let country = c
        .country
        .as_deref()
        .and_then(|code| crate::domain::Country::parse("country", code).ok());
    match country {
        Some(country) if !country.is_japan() => {
            let mut place = vec![c.street.replace(['\r', '\n'], ", ")];
            place.push(c.city.clone());
            let region_postal = [c.region.as_deref().unwrap_or(""), c.postal_code.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if !region_postal.is_empty() {
                place.push(region_postal);
            }
            place.push(lang.label(country));
            place
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        _ => format!("{} {}{}{}", c.postal_code, c.prefecture, c.city, c.street)
            .trim()
            .to_owned(),
    }
}

pub fn channel(lang: Lang, walk_in: bool, heard_via: Option<&str>) -> Option<String> {
    if walk_in {
        return Some(lang.t("channel-walk-in"));
    }
    heard_via
        .and_then(|h| h.parse::<HeardVia>().ok())
        .map(|h| lang.label(h))
}

/// Where it happens, as one line: the venue and its address, or "online".
pub fn venue_line(lang: Lang, spec: &EventSpec) -> String {
    let content = lang.content();
    match (&spec.venue, spec.format) {
        (Some(v), EventFormat::Hybrid) => lang.t_args(
            "venue-line-hybrid",
            &crate::fluent_args![("name", v.name(content)), ("address", v.address(content))],
        ),
        (Some(v), _) => lang.t_args(
            "venue-line",
            &crate::fluent_args![("name", v.name(content)), ("address", v.address(content))],
        ),
        (None, _) => lang.t("venue-line-online"),
    }
}

/// The purpose-of-use statement registrants agree to: the event's own, or the programme's.
pub fn purpose_of_use(lang: Lang, spec: &EventSpec) -> String {
    match &spec.purpose_of_use {
        Some(p) => p.get(lang.content()).to_owned(),
        None => lang.t("default-purpose-of-use"),
    }
}

/// The days a company takes part in a campaign: `2027-07-01 to 2027-08-31`.
pub fn campaign_period(lang: Lang, entry: &CampaignEntry) -> String {
    lang.t_args(
        "campaign-days",
        &crate::fluent_args![
            ("from", entry.from.to_string()),
            ("to", entry.to.to_string())
        ],
    )
}

/// A campaign entry's actions, the "other" one with the company's own words.
pub fn campaign_actions(lang: Lang, entry: &CampaignEntry) -> String {
    list(
        lang,
        entry.actions.iter().map(|a| {
            let other = (*a == crate::domain::CampaignAction::Other)
                .then_some(entry.other_action.as_deref())
                .flatten();
            with_other(lang, lang.label(a), other)
        }),
    )
}

/// An expert dispatch request in the reader's words, for emails and pages.
pub fn dispatch_block(lang: Lang, d: &crate::domain::DispatchRecord) -> crate::mail::DispatchBlock {
    crate::mail::DispatchBlock {
        theme: lang.label(d.request.theme),
        issue: d.request.issue.clone(),
        issue_lines: d.request.issue.lines().map(str::to_owned).collect(),
        employees: d.request.employees,
        dates: dispatch_dates(lang, &d.request.preferred_dates),
        mode: lang.label(d.request.mode),
        expert: d
            .expert
            .as_ref()
            .map(|e| expert_line(lang, &e.name, e.affiliation.as_deref())),
    }
}

/// The preferred dates of a request, as a list of dates in words.
pub fn dispatch_dates(lang: Lang, dates: &[chrono::NaiveDate]) -> String {
    use chrono::TimeZone;
    list(
        lang,
        dates.iter().filter_map(|d| {
            chrono_tz::Asia::Tokyo
                .from_local_datetime(&d.and_hms_opt(12, 0, 0)?)
                .single()
                .map(|t| crate::i18n::dates::date(lang, t.with_timezone(&chrono::Utc)))
        }),
    )
}

/// An expert as a company reads them: the name, and the affiliation in brackets. Text read
/// back from the database goes out on one line.
pub fn expert_line(lang: Lang, name: &str, affiliation: Option<&str>) -> String {
    let one =
        |s: &str| crate::domain::text::for_output(s, crate::domain::text::Lines::One).into_owned();
    match affiliation {
        Some(a) => lang.t_args(
            "dispatch-expert-line",
            &crate::fluent_args![("name", one(name)), ("affiliation", one(a))],
        ),
        None => one(name),
    }
}

/// A declaration's commitments, the "other" one with the company's own words.
pub fn commitments(lang: Lang, declaration: &Declaration) -> String {
    list(
        lang,
        declaration.commitments.iter().map(|c| {
            let other = (*c == crate::domain::Commitment::Other)
                .then_some(declaration.other.as_deref())
                .flatten();
            with_other(lang, lang.label(c), other)
        }),
    )
}

/// The languages spoken at a booth.
pub fn booth_languages(lang: Lang, profile: &ExhibitorProfile) -> String {
    let separator = lang.t("list-separator-languages");
    profile
        .languages
        .iter()
        .map(|l| lang.label(l))
        .collect::<Vec<_>>()
        .join(&separator)
}

/// A booth in one line: the positions, the languages, whether a work visa is supported.
pub fn booth_details(lang: Lang, profile: &ExhibitorProfile) -> String {
    lang.t_args(
        "booth-details",
        &crate::fluent_args![
            ("positions", profile.positions.as_str()),
            ("languages", booth_languages(lang, profile)),
            ("visa", if profile.visa_support { "yes" } else { "no" }),
        ],
    )
}

/// An internship's first and last day.
pub fn internship_period(lang: Lang, from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    lang.t_args(
        "internship-days",
        &crate::fluent_args![("from", from.to_string()), ("to", to.to_string())],
    )
}

/// A student's profile in one line: graduation year, Japanese, field of study.
pub fn student_profile(lang: Lang, p: &crate::domain::StudentProfile) -> String {
    lang.t_args(
        "internship-student-profile",
        &crate::fluent_args![
            ("year", p.graduation_year),
            ("level", lang.label(p.japanese_level)),
            ("field", p.field.as_str()),
        ],
    )
}

/// An internship offer in one line: the company's period, places left, languages of work,
/// Japanese needed and allowance.
pub fn internship_offer_details(lang: Lang, o: &crate::services::internships::OfferRow) -> String {
    let separator = lang.t("list-separator-languages");
    lang.t_args(
        "internship-offer-details",
        &crate::fluent_args![
            ("from", super::dates::day(lang, o.offer.from)),
            ("to", super::dates::day(lang, o.offer.to)),
            ("left", o.places_left()),
            ("places", o.offer.places),
            (
                "languages",
                o.offer
                    .languages
                    .iter()
                    .map(|l| lang.label(l))
                    .collect::<Vec<_>>()
                    .join(&separator)
            ),
            (
                "level",
                o.offer
                    .japanese_level
                    .map_or_else(|| lang.t("internship-level-none"), |l| lang.label(l))
            ),
            ("allowance", if o.offer.allowance { "yes" } else { "no" }),
        ],
    )
}

/// An answer as the organizer reads it: choices by their labels, yes/no in words.
pub fn answer_text(lang: Lang, question: &Question, answer: &Answer) -> String {
    match answer {
        Answer::Text(t) => t.clone(),
        Answer::YesNo(true) => lang.t("answer-yes"),
        Answer::YesNo(false) => lang.t("answer-no"),
        Answer::Choices(values) => list(
            lang,
            values.iter().map(|v| {
                question
                    .spec
                    .options
                    .iter()
                    .find(|o| &o.value == v)
                    .map_or(v.as_str(), |o| o.label(lang.content()))
            }),
        ),
    }
}

/// An event by its title and time: `Seminar (Thu 3 Dec 2026, 14:00–16:00 JST)`.
pub fn event_with_time(
    lang: Lang,
    title: &str,
    starts_at: chrono::DateTime<chrono::Utc>,
    ends_at: chrono::DateTime<chrono::Utc>,
) -> String {
    lang.t_args(
        "event-with-time",
        &crate::fluent_args![
            ("title", title),
            ("when", super::dates::range(lang, starts_at, ends_at)),
        ],
    )
}

/// What a bar of a report counts, in words.
pub fn bar_label(lang: Lang, key: &crate::services::reports::BarKey) -> String {
    use crate::services::reports::BarKey;
    match key {
        BarKey::Label(id) => lang.t(id),
        BarKey::Text(text) => text.clone(),
        BarKey::NotGiven => lang.t("report-not-given"),
    }
}

/// A count of a closed set's value, or of "not given" (`None`).
pub fn label_or_not_given(lang: Lang, x: Option<impl crate::domain::Labelled>) -> String {
    match x {
        Some(x) => lang.label(x),
        None => lang.t("report-not-given"),
    }
}

/// The words of the publicity kit, in `lang` (the media are Japanese: the caller passes `ja`),
/// saying what is true of the event for whom the kit is for: a time, or the days of a period
/// (a campaign, a declaration scheme); a place, unless nobody goes anywhere; how people are
/// chosen (seats by order of arrival, booths and declarations by review); the cost (events of
/// the programme are free: an event has no fee to say otherwise).
pub fn publicity_words(
    lang: Lang,
    listing: &crate::services::catalogue::EventListing,
    kit_for: crate::services::publicity::KitFor,
) -> crate::services::publicity::KitWords {
    use crate::domain::Shape;
    use crate::services::publicity::{KitFact, KitFor};
    let spec = &listing.event.spec;
    let fact = |term: &str, detail: String| KitFact {
        term: lang.t(term),
        detail,
    };
    let timed = Shape::timed(spec.kind);
    let mut facts = vec![if timed {
        fact(
            "a-kit-term-when",
            super::dates::range(lang, spec.starts_at, spec.ends_at),
        )
    } else {
        fact(
            "a-kit-term-period",
            super::dates::days(lang, spec.starts_at, spec.ends_at),
        )
    }];
    // A campaign or a declaration held online has nowhere to go.
    if timed || spec.venue.is_some() {
        facts.push(fact("a-kit-term-where", venue_line(lang, spec)));
    }
    let shape = kit_for.shape(spec.kind);
    match shape {
        Shape::Seats | Shape::StudentVisit => {
            if let Some(c) = spec.capacity {
                facts.push(fact(
                    "a-kit-term-capacity",
                    lang.t_args(
                        "a-kit-capacity-first-come",
                        &crate::fluent_args![("capacity", super::number(c.get()))],
                    ),
                ));
            }
        }
        Shape::Booth => facts.push(fact(
            "a-kit-term-selection",
            lang.t("a-kit-selection-booth"),
        )),
        Shape::Declaration => facts.push(fact(
            "a-kit-term-selection",
            lang.t("a-kit-selection-declaration"),
        )),
        Shape::CertificationApplication => facts.push(fact(
            "a-kit-term-selection",
            lang.t("a-kit-selection-certification"),
        )),
        Shape::DispatchRequest => facts.push(fact(
            "a-kit-term-selection",
            lang.t("a-kit-selection-dispatch"),
        )),
        Shape::InternshipOffer => facts.push(fact(
            "a-kit-term-selection",
            lang.t("a-kit-selection-internship-offer"),
        )),
        Shape::InternshipApplication => facts.push(fact(
            "a-kit-term-selection",
            lang.t("a-kit-selection-internship-application"),
        )),
        Shape::CampaignEntry => {}
    }
    facts.push(fact("a-kit-term-fee", lang.t("a-kit-fee-free")));
    let fact_lines = facts
        .iter()
        .map(|f| {
            lang.t_args(
                "a-kit-fact",
                &crate::fluent_args![("term", f.term.as_str()), ("detail", f.detail.as_str())],
            )
        })
        .collect();
    crate::services::publicity::KitWords {
        title: lang.t_args(
            "a-publicity-title",
            &crate::fluent_args![("title", spec.title.get(lang.content()))],
        ),
        facts,
        fact_lines,
        audience: match (kit_for, spec.audience) {
            // An internship programme's companies host students; a job fair's exhibit.
            (KitFor::Exhibitors, _) if shape == Shape::InternshipOffer => {
                lang.t("a-kit-audience-hosts")
            }
            (KitFor::Exhibitors, _) => lang.t("a-kit-audience-exhibitors"),
            (KitFor::Students, _) => lang.t("a-kit-audience-students"),
            (KitFor::Everyone, crate::domain::Audience::Companies) => {
                lang.t("a-publicity-audience-companies")
            }
            (KitFor::Everyone, crate::domain::Audience::Individuals) => {
                lang.t("a-publicity-audience-individuals")
            }
            (KitFor::Everyone, crate::domain::Audience::Everyone) => {
                lang.t("a-publicity-audience-everyone")
            }
        },
        partners: partner_line(lang, &listing.organizer, &listing.partners),
        link_heading: match shape {
            Shape::Booth => lang.t("a-kit-link-heading-booth"),
            Shape::InternshipOffer => lang.t("a-kit-link-heading-offer"),
            Shape::Declaration => lang.t("a-kit-link-heading-declaration"),
            _ => lang.t("a-publicity-link-heading"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    /// Every message id of every closed set, with the set's name.
    fn all_label_ids() -> Vec<(&'static str, &'static str)> {
        fn ids<T: Labelled>(set: &'static str, all: &[T]) -> Vec<(&'static str, &'static str)> {
            all.iter().map(|x| (set, x.label_id())).collect()
        }
        let prefectures: Vec<Prefecture> = Prefecture::all().collect();
        [
            ids("Audience", Audience::ALL),
            ids("Shape", crate::domain::Shape::ALL),
            ids("EntryState", crate::domain::EntryState::ALL),
            ids("SeatState", SeatState::ALL),
            ids("AttendeeStatus", AttendeeStatus::ALL),
            ids("HeardVia", HeardVia::ALL),
            ids("MessageKind", MessageKind::ALL),
            ids("QuestionKind", QuestionKind::ALL),
            ids("CampaignAction", CampaignAction::ALL),
            ids("PartnerRole", PartnerRole::ALL),
            ids("PartnerState", PartnerState::ALL),
            ids("BoothLanguage", BoothLanguage::ALL),
            ids("JapaneseLevel", JapaneseLevel::ALL),
            ids("BoothState", BoothState::ALL),
            ids("OfferState", crate::domain::OfferState::ALL),
            ids("ApplicationState", crate::domain::ApplicationState::ALL),
            ids("ProgrammeArea", ProgrammeArea::ALL),
            ids("EventKind", EventKind::ALL),
            ids("EventFormat", EventFormat::ALL),
            ids("EventStatus", EventStatus::ALL),
            ids("UserRole", UserRole::ALL),
            ids("Industry", Industry::ALL),
            ids("EmployeeBand", EmployeeBand::ALL),
            ids("OrganizationKind", OrganizationKind::ALL),
            ids("Commitment", Commitment::ALL),
            ids("DeclarationState", DeclarationState::ALL),
            ids("CertificationState", crate::domain::CertificationState::ALL),
            ids("PickStatus", PickStatus::ALL),
            ids("Prefecture", &prefectures),
            ids("RegistrantKind", crate::domain::RegistrantKind::ALL),
            ids("SchoolType", crate::domain::SchoolType::ALL),
            ids("DispatchTheme", DispatchTheme::ALL),
            ids("VisitMode", VisitMode::ALL),
            ids("DispatchState", DispatchState::ALL),
            ids("VisitState", VisitState::ALL),
        ]
        .concat()
    }

    #[test]
    fn every_country_is_named_in_every_locale() {
        let easy = crate::i18n::Lang::parse("ja-x-easy").unwrap();
        for country in crate::domain::Country::all() {
            let id = crate::domain::Labelled::label_id(&country);
            for tag in ["ja", "en"] {
                let locale = super::super::locales()
                    .iter()
                    .find(|l| l.tag == tag)
                    .unwrap();
                assert_eq!(
                    locale.ids.get(id).map(String::as_str),
                    Some("countries.ftl"),
                    "locales/{tag}/countries.ftl: {id}"
                );
            }
            // Easy Japanese reads the names from Japanese.
            assert_ne!(easy.label(country), id, "{id}");
        }
        assert_eq!(crate::domain::Country::all().count(), 249);
    }

    #[test]
    fn every_value_of_every_closed_set_is_named_in_every_locale() {
        let mut missing = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (set, id) in all_label_ids() {
            assert!(seen.insert(id), "{set}: {id} names two values");
            for locale in super::super::locales() {
                if locale.ids.get(id).map(String::as_str) != Some("labels.ftl") {
                    missing.push(format!("locales/{}/labels.ftl: {id} ({set})", locale.tag));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing labels:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn lines_are_joined_the_locales_way() {
        let en = Lang::parse("en").unwrap();
        assert_eq!(list(en, ["a", "b"]), "a, b");
        assert_eq!(en.label(PartnerRole::Backing), "Supported by");
        assert_eq!(
            with_other(en, en.label(CampaignAction::Other), Some("no-overtime day")),
            "Other (no-overtime day)"
        );
        assert_eq!(
            channel(en, true, Some("tmg_website")).as_deref(),
            Some("Walk-in")
        );
        assert_eq!(
            channel(en, false, Some("tmg_website")).as_deref(),
            Some("TMG website")
        );
        assert_eq!(channel(en, false, Some("nonsense")), None);
    }

    #[test]
    fn the_partner_line_shows_approved_roles_in_order() {
        let org = |code: &str, ja: &str, en: &str| Organization {
            id: 0,
            code: OrgCode::parse(code).unwrap(),
            kind: OrganizationKind::Other,
            name_ja: ja.into(),
            name_en: en.into(),
        };
        let partner = |o, role, state| Partner {
            organization: o,
            role,
            state,
            display_order: 0,
        };
        let tmg = org("TMG", "tmg-ja", "Tokyo Metropolitan Government");
        let partners = vec![
            partner(
                org("NAKANO", "nakano-ja", "Nakano City"),
                PartnerRole::Publicity,
                PartnerState::Approved,
            ),
            partner(
                org("TCCI", "tcci-ja", "TCCI"),
                PartnerRole::Backing,
                PartnerState::Approved,
            ),
            partner(
                org("PENDING", "pending-ja", "Pending"),
                PartnerRole::CoHost,
                PartnerState::Requested,
            ),
        ];
        let en = Lang::parse("en").unwrap();
        assert_eq!(
            partner_line(en, &tmg, &partners),
            "Organized by Tokyo Metropolitan Government / Supported by TCCI / Publicity by Nakano City"
        );
        let ja = Lang::parse("ja").unwrap();
        assert_eq!(
            partner_line(ja, &tmg, &partners),
            format!(
                "{} tmg-ja / {} tcci-ja / {} nakano-ja",
                ja.label(PartnerRole::Organizer),
                ja.label(PartnerRole::Backing),
                ja.label(PartnerRole::Publicity)
            )
        );
    }
}
