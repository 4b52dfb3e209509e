//! The catalogue (`/`, `/events`) and the event page (`/events/{slug}`).
use super::PageLang;
use crate::domain::{
    Event, EventFormat, EventKind, EventStatus, PartnerRole, PartnerState, ProgrammeArea, Shape,
    jst,
};
use crate::error::AppError;
use crate::http::AppState;
use crate::i18n::Lang;
use crate::services::catalogue::{self, CatalogueFilter, EventListing, Month};
use chrono::{DateTime, Utc};
use poem::web::{Data, Path, Query};
use poem::{Response, handler};
use serde::{Deserialize, Serialize};

/// The catalogue's query string. Unknown values are ignored rather than refused: they come
/// from edited or outdated links, and showing all events is the kind answer.
#[derive(Debug, Default, Deserialize)]
pub struct CatalogueParams {
    area: Option<String>,
    kind: Option<String>,
    format: Option<String>,
    month: Option<String>,
    q: Option<String>,
    page: Option<String>,
}

#[derive(Serialize)]
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub(super) fn choices<T: Copy + PartialEq>(
    all: &[T],
    selected: Option<T>,
    code: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: code(*v),
            label: label(*v),
            selected: selected == Some(*v),
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct EventCard {
    url: String,
    title: String,
    kind: String,
    area: String,
    format: String,
    when: String,
    /// It runs for a period (no time, no venue): "period" rather than "date and time".
    period: bool,
    starts_at_iso: String,
    venue: Option<String>,
    seats: Option<String>,
    full: bool,
    /// Full, but a registration joins the waiting list.
    waitlist: bool,
    registration: String,
    registration_open: bool,
    partner_line: String,
}

/// `None` for an event that takes no seats (a campaign, a declaration scheme): no "seats"
/// line at all, rather than "no limit".
fn seats_label(event: &Event, lang: Lang) -> Option<String> {
    if !crate::domain::Shape::seated(event.spec.kind) {
        return None;
    }
    Some(match (event.spec.capacity, event.seats_left()) {
        (None, _) | (_, None) => lang.t("no-seat-limit"),
        (_, Some(0)) if event.spec.waitlist_enabled => lang.t("full-waitlist"),
        (_, Some(0)) => lang.t("full"),
        (Some(c), Some(left)) => lang.t_args(
            "seats-left",
            &crate::fluent_args![("left", left), ("capacity", c.get())],
        ),
    })
}

fn registration_label(event: &Event, now: DateTime<Utc>, lang: Lang) -> String {
    if event.status == EventStatus::Cancelled {
        lang.t("cancelled")
    } else if event.registration_is_open(now) {
        lang.t("registration-open")
    } else if now < event.spec.registration_opens_at {
        lang.t("registration-not-yet")
    } else {
        lang.t("registration-closed")
    }
}

fn venue_label(event: &Event, lang: Lang) -> Option<String> {
    let spec = &event.spec;
    match (&spec.venue, spec.format) {
        (Some(v), EventFormat::Hybrid) => Some(format!(
            "{}{}",
            v.name(lang.content()),
            lang.t("online-too")
        )),
        (Some(v), _) => Some(v.name(lang.content()).to_owned()),
        (None, _) => Some(lang.t("online")),
    }
}

pub(super) fn card(listing: &EventListing, lang: Lang, now: DateTime<Utc>) -> EventCard {
    let event = &listing.event;
    let spec = &event.spec;
    let timed = Shape::timed(spec.kind);
    EventCard {
        url: format!("/events/{}", spec.slug),
        title: spec.title.get(lang.content()).to_owned(),
        kind: lang.label(spec.kind),
        area: lang.label(spec.programme_area),
        format: lang.label(spec.format),
        when: if timed {
            crate::i18n::dates::range(lang, spec.starts_at, spec.ends_at)
        } else {
            crate::i18n::dates::days(lang, spec.starts_at, spec.ends_at)
        },
        period: !timed,
        starts_at_iso: spec.starts_at.to_rfc3339(),
        // Joined online for months: no place to go.
        venue: venue_label(event, lang).filter(|_| timed),
        seats: seats_label(event, lang),
        full: event.is_full(),
        waitlist: event.is_full() && event.spec.waitlist_enabled,
        registration: registration_label(event, now, lang),
        registration_open: event.registration_is_open(now),
        partner_line: crate::i18n::words::partner_line(lang, &listing.organizer, &listing.partners),
    }
}

#[derive(Serialize)]
struct CatalogueView {
    areas: Vec<Choice>,
    kinds: Vec<Choice>,
    formats: Vec<Choice>,
    months: Vec<Choice>,
    q: String,
    filtered: bool,
    events: Vec<EventCard>,
    total: u64,
    page: u64,
    pages: u64,
    previous_url: Option<String>,
    next_url: Option<String>,
}

#[handler]
pub async fn catalogue_page(
    state: Data<&AppState>,
    lang: PageLang,
    Query(params): Query<CatalogueParams>,
    req: &poem::Request,
) -> Result<Response, AppError> {
    // The same page for everyone asking the same thing in the same language (`/` and
    // `/events` apart: the page links to itself).
    let key = format!(
        "{}|{}|{}",
        lang.lang.tag(),
        req.uri().path(),
        req.uri().query().unwrap_or_default()
    );
    if let Some(html) = state.pages.catalogue.get(&key) {
        return Ok(lang.finish(poem::IntoResponse::into_response(poem::web::Html(html))));
    }
    let now = Utc::now();
    let l = lang.lang;
    let filter = CatalogueFilter {
        programme_area: params.area.as_deref().and_then(|v| v.parse().ok()),
        kind: params.kind.as_deref().and_then(|v| v.parse().ok()),
        format: params.format.as_deref().and_then(|v| v.parse().ok()),
        month: params.month.as_deref().and_then(Month::parse),
        text: params.q.clone().map(|q| q.chars().take(200).collect()),
    };
    let page_no = params
        .page
        .as_deref()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1u64)
        .clamp(1, 100_000);
    let page = catalogue::list(&state.db, &filter, now, page_no).await?;

    let mut months = Vec::new();
    let mut month = Month::of(now);
    for _ in 0..12 {
        months.push(month);
        month = month.next();
    }
    let query = req.uri().query().unwrap_or_default();
    let page_url =
        |n: u64| super::lang::with_query_param(req.uri().path(), query, "page", &n.to_string());
    let view = CatalogueView {
        areas: choices(
            ProgrammeArea::ALL,
            filter.programme_area,
            |v| v.code().into(),
            |v| l.label(v),
        ),
        kinds: choices(
            EventKind::ALL,
            filter.kind,
            |v| v.code().into(),
            |v| l.label(v),
        ),
        formats: choices(
            EventFormat::ALL,
            filter.format,
            |v| v.code().into(),
            |v| l.label(v),
        ),
        months: choices(
            &months,
            filter.month,
            |m| m.code(),
            |m| crate::i18n::dates::month(l, m),
        ),
        q: params.q.unwrap_or_default(),
        filtered: filter.programme_area.is_some()
            || filter.kind.is_some()
            || filter.format.is_some()
            || filter.month.is_some()
            || filter.text.as_deref().is_some_and(|t| !t.trim().is_empty()),
        events: page.listings.iter().map(|li| card(li, l, now)).collect(),
        total: page.total,
        page: page.page,
        pages: page.pages(),
        previous_url: (page.page > 1).then(|| page_url(page.page - 1)),
        next_url: (page.page < page.pages()).then(|| page_url(page.page + 1)),
    };
    let html = state.pages.html("catalogue.html", &lang, view)?;
    state.pages.catalogue.put(key, html.clone());
    Ok(lang.finish(poem::IntoResponse::into_response(poem::web::Html(html))))
}

/// Rendered catalogue pages, kept for [`PageCache::TTL`]: seat counts on the catalogue may be
/// that much behind (the event page and the form are always current). Per instance; a
/// cache of a few hundred pages at most.
#[derive(Default)]
pub struct PageCache {
    pages: std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, String)>>,
}

impl PageCache {
    pub const TTL: std::time::Duration = std::time::Duration::from_secs(2);
    const MAX: usize = 500;

    fn get(&self, key: &str) -> Option<String> {
        let pages = self.pages.lock().expect("cache lock");
        pages
            .get(key)
            .filter(|(at, _)| at.elapsed() < Self::TTL)
            .map(|(_, html)| html.clone())
    }

    fn put(&self, key: String, html: String) {
        let mut pages = self.pages.lock().expect("cache lock");
        if pages.len() >= Self::MAX {
            pages.retain(|_, (at, _)| at.elapsed() < Self::TTL);
            if pages.len() >= Self::MAX {
                pages.clear();
            }
        }
        pages.insert(key, (std::time::Instant::now(), html));
    }
}

#[derive(Serialize)]
struct PartnerGroup {
    role: String,
    names: Vec<String>,
}

#[derive(Serialize)]
struct VenueView {
    name: String,
    address: String,
    map_url: Option<String>,
}

#[derive(Serialize)]
struct EventView {
    #[serde(flatten)]
    card: EventCard,
    cancelled: bool,
    paragraphs: Vec<String>,
    venue_detail: Option<VenueView>,
    online: bool,
    /// A meeting link will follow: only for what happens at a time (not a campaign or a
    /// declaration scheme, which are joined online but are not meetings).
    meeting_note: bool,
    languages: Vec<String>,
    per_company_limit: Option<u32>,
    registration_period: String,
    fiscal_year: String,
    partners: Vec<PartnerGroup>,
    /// Shown to its organizers before it is published.
    preview: bool,
    /// `?via=…` for the registration link, or empty.
    register_query: String,
    via: String,
    /// Online and hybrid events: the time zones a visitor may pick, and the time in theirs.
    zones: Vec<Choice>,
    local_when: Option<String>,
    sessions: Vec<super::sessions::SessionView>,
    campaign: bool,
    /// A certification call: its certified companies are on the public list.
    certification: bool,
    slug: String,
    /// What the button says: register, join (a campaign) or declare.
    register_label: &'static str,
    /// A job fair: companies apply for booths; approved ones are listed.
    job_fair: bool,
    /// An internship programme: host companies post offers; open ones are listed (in
    /// `booths`) and students apply to one.
    internship: bool,
    booths: Vec<Booth>,
}

#[handler]
pub async fn event_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
    Query(params): Query<EventParams>,
) -> Result<Response, AppError> {
    // `/events/{slug}.ics` shares the route: the event as a calendar file.
    if let Some(slug) = slug.strip_suffix(".ics") {
        return super::ics::event_ics(&state, slug, lang.lang).await;
    }
    let listing = catalogue::get_public(&state.db, &slug).await?;
    let sessions = crate::services::sessions::of_event(&state.db, listing.event.id).await?;
    let booths = if Shape::Booth.taken_by(listing.event.spec.kind) {
        // Companies certified on the fair's day (by corporate number) are marked.
        let day = listing
            .event
            .spec
            .starts_at
            .with_timezone(&chrono_tz::Asia::Tokyo)
            .date_naive();
        let certified = crate::services::certification::certified_on(&state.db, day).await?;
        crate::services::job_fairs::approved_booths(&state.db, listing.event.id)
            .await?
            .into_iter()
            .map(|b| Booth {
                details: crate::i18n::words::booth_details(lang.lang, &b.exhibitor.profile),
                certified: b
                    .corporate_number
                    .as_ref()
                    .is_some_and(|n| certified.contains(n)),
                company: b.company,
                tasks: None,
            })
            .collect()
    } else if Shape::InternshipOffer.taken_by(listing.event.spec.kind) {
        // An internship programme lists its open offers.
        crate::services::internships::open_offers(&state.db, listing.event.id)
            .await?
            .iter()
            .map(|o| Booth {
                details: crate::i18n::words::internship_offer_details(lang.lang, o),
                company: o.company.clone(),
                tasks: Some(o.offer.tasks.clone()),
                // Only booths are matched to certifications (by corporate number).
                certified: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    let via = params
        .via
        .as_deref()
        .and_then(crate::domain::registration::clean_via);
    let tz = params
        .tz
        .as_deref()
        .and_then(|z| z.parse::<chrono_tz::Tz>().ok());
    render_event(&state, &lang, &listing, &sessions, booths, false, via, tz)
}

/// An approved booth on a job fair's page.
#[derive(Serialize)]
pub(super) struct Booth {
    company: String,
    details: String,
    /// A certified company (LWB certification valid on the fair's day).
    certified: bool,
    /// An internship offer's tasks (an offer is listed like a booth).
    tasks: Option<String>,
}

/// `?via=mailmag` on an event page (a tracked link from the publicity kit or a flyer) goes on
/// to the registration form, so the registration counts for that medium.
#[derive(serde::Deserialize)]
pub struct EventParams {
    via: Option<String>,
    /// The visitor's time zone (IANA name), for online events followed from abroad.
    tz: Option<String>,
}

/// The public page of an event; `preview` marks a page its organizers see before publishing.
#[allow(clippy::too_many_arguments)]
pub(super) fn render_event(
    state: &AppState,
    lang: &PageLang,
    listing: &EventListing,
    sessions: &[crate::domain::EventSession],
    booths: Vec<Booth>,
    preview: bool,
    via: Option<String>,
    tz: Option<chrono_tz::Tz>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let l = lang.lang;
    let spec = &listing.event.spec;

    let mut partners = vec![PartnerGroup {
        role: l.label(PartnerRole::Organizer),
        names: vec![listing.organizer.name(l.content()).to_owned()],
    }];
    for role in PartnerRole::ALL.iter().skip(1) {
        let mut of_role: Vec<_> = listing
            .partners
            .iter()
            .filter(|p| p.role == *role && p.state == PartnerState::Approved)
            .collect();
        of_role.sort_by_key(|p| p.display_order);
        if !of_role.is_empty() {
            partners.push(PartnerGroup {
                role: l.label(role),
                names: of_role
                    .iter()
                    .map(|p| p.organization.name(l.content()).to_owned())
                    .collect(),
            });
        }
    }

    // Campaigns and declaration schemes run for months: no meeting, no time to convert.
    let timed = crate::domain::Shape::timed(spec.kind);
    let view = EventView {
        card: card(listing, l, now),
        cancelled: listing.event.status == EventStatus::Cancelled,
        paragraphs: spec
            .description
            .get(l.content())
            .split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
        venue_detail: spec.venue.as_ref().map(|v| VenueView {
            name: v.name(l.content()).to_owned(),
            address: v.address(l.content()).to_owned(),
            map_url: v.map_url.clone(),
        }),
        online: spec.format != EventFormat::OnSite,
        meeting_note: spec.format != EventFormat::OnSite && timed,
        languages: spec
            .languages
            .as_slice()
            .iter()
            .map(|x| match x {
                crate::domain::Language::Ja => l.t("lang-ja"),
                crate::domain::Language::En => l.t("lang-en"),
            })
            .collect(),
        per_company_limit: spec.per_company_limit,
        registration_period: crate::i18n::dates::range(
            l,
            spec.registration_opens_at,
            spec.registration_closes_at,
        ),
        fiscal_year: crate::i18n::dates::fiscal_year(l, spec.fiscal_year()),
        partners,
        preview,
        register_query: via
            .as_deref()
            .map(|v| format!("?via={v}"))
            .unwrap_or_default(),
        via: via.unwrap_or_default(),
        zones: if spec.format == EventFormat::OnSite || !timed {
            Vec::new()
        } else {
            jst::VISITOR_ZONES
                .iter()
                .map(|z| Choice {
                    value: (*z).to_owned(),
                    label: crate::i18n::dates::zone_name(l, z),
                    selected: tz.is_some_and(|t| t.name() == *z),
                })
                .collect()
        },
        sessions: super::sessions::views(sessions, spec.starts_at, spec.waitlist_enabled, l)
            .into_iter()
            // A booked consultation slot is simply gone for others.
            .filter(|s| !(s.exclusive && s.full))
            .collect(),
        // A public list of participants: campaigns and declaration schemes.
        campaign: matches!(
            Shape::of(spec.kind, false),
            Shape::CampaignEntry | Shape::Declaration
        ),
        certification: Shape::CertificationApplication.taken_by(spec.kind),
        job_fair: Shape::Booth.taken_by(spec.kind),
        internship: Shape::InternshipOffer.taken_by(spec.kind),
        booths,
        register_label: match Shape::of(spec.kind, false) {
            Shape::CampaignEntry => "join-link",
            Shape::Declaration => "declare-link",
            Shape::CertificationApplication => "cert-apply-link",
            Shape::DispatchRequest => "dispatch-request-link",
            Shape::InternshipApplication => "internship-apply-link",
            _ => "register-link",
        },
        slug: spec.slug.to_string(),
        local_when: tz
            .filter(|t| *t != chrono_tz::Asia::Tokyo && spec.format != EventFormat::OnSite && timed)
            .map(|t| crate::i18n::dates::range_in(l, spec.starts_at, spec.ends_at, t)),
    };
    state.pages.render("event.html", lang, view)
}

#[derive(Serialize)]
struct ParticipantRow {
    company: String,
    actions: String,
}

#[derive(Serialize)]
struct ParticipantsView {
    slug: String,
    title: String,
    when: String,
    rows: Vec<ParticipantRow>,
}

/// `/events/{slug}/participants`: the companies taking part in a campaign that agreed to be
/// named, with what they do.
#[handler]
pub async fn participants_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let listing = catalogue::get_public(&state.db, &slug).await?;
    let spec = &listing.event.spec;
    let l = lang.lang;
    let rows = match Shape::of(spec.kind, false) {
        Shape::CampaignEntry => crate::services::campaigns::listed(&state.db, listing.event.id)
            .await?
            .into_iter()
            .map(|p| ParticipantRow {
                company: p.company.unwrap_or_default(),
                actions: crate::i18n::words::campaign_actions(l, &p.entry),
            })
            .collect(),
        // Only approved declarations are shown.
        Shape::Declaration => crate::services::declarations::listed(&state.db, listing.event.id)
            .await?
            .into_iter()
            .map(|d| ParticipantRow {
                company: d.company.unwrap_or_default(),
                actions: crate::i18n::words::commitments(l, &d.record.declaration),
            })
            .collect(),
        _ => return Err(AppError::NotFound),
    };
    let view = ParticipantsView {
        slug: slug.clone(),
        title: spec.title.get(l.content()).to_owned(),
        when: crate::i18n::dates::range(l, spec.starts_at, spec.ends_at),
        rows,
    };
    state.pages.render("participants.html", &lang, view)
}
