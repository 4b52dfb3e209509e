//! The manage page behind a registration's secret link: `/r/{token}`.
use super::*;

#[derive(Serialize)]
struct AttendeeView {
    id: i64,
    name: String,
    kana: String,
    department: Option<String>,
    title: Option<String>,
    email: String,
    cancelled: bool,
}

#[derive(Serialize)]
struct ManageView {
    event: EventCard,
    /// The event's time in the registrant's own zone, where they gave one other than Japan's.
    local_when: Option<String>,
    token: String,
    csrf_token: String,
    done: Option<&'static str>,
    status: String,
    /// What the state means, in the shape's own words.
    standing: Option<String>,
    /// A calendar file exists: confirmed seats, an approved booth; never a campaign or a
    /// declaration, which have no time to block.
    calendar: bool,
    /// The registrant's calendar entry carries the meeting link (a confirmed place at an
    /// event with an online part): the link to it says so only then.
    meeting_link: bool,
    /// Online attendance: each active attendee's personal join link (name, link).
    join_links: Vec<(String, String)>,
    /// The company's own application (a booth, a campaign entry, a declaration): it is
    /// withdrawn, not cancelled.
    withdraw: bool,
    can_withdraw_dispatch: bool,
    /// Nothing but addresses registered already: the page says so, and offers nothing to
    /// change or cancel.
    duplicate: bool,
    /// How many addresses that was (for "this address" or "these addresses").
    duplicates: usize,
    waitlist_position: Option<u32>,
    can_change: bool,
    individuals: bool,
    company_name: Option<String>,
    contact_name: String,
    contact_email: String,
    attendees: Vec<AttendeeView>,
    slots: Vec<usize>,
    questions: Vec<QuestionView>,
    picks: Vec<crate::i18n::words::SessionLine>,
    /// The sessions someone of the registration still waits for: a confirmed registration
    /// says which, and for whom, rather than "confirmed" alone.
    waiting: Vec<crate::i18n::words::SessionLine>,
    sessions: Vec<crate::http::web::sessions::SessionView>,
    consultation_slots: bool,
    /// Each attendee changes their own sessions (`sessions.{attendee id}`).
    session_grid: bool,
    /// The attendees who pick sessions: id and name.
    session_attendees: Vec<(i64, String)>,
    campaign: Option<crate::mail::CampaignBlock>,
    declaration: Option<DeclarationView>,
    /// A certification application: categories with their decisions, measures, documents.
    certification: Option<CertificationView>,
    /// An expert dispatch request: what was asked, the expert and the visits.
    dispatch: Option<DispatchView>,
    /// At a job fair: the exhibitor's booth and review, or the booths a student marked.
    booth: Option<BoothView>,
    marked_booths: Vec<String>,
    /// An internship host company's offer and the applications to it.
    offer: Option<OfferView>,
    applications: Vec<ApplicationView>,
    /// An internship student: the offer applied to.
    applied: Option<AppliedView>,
    kept: Kept,
    errors: FieldMessages,
    general_error: Option<String>,
}

#[derive(Serialize)]
struct BoothView {
    state: String,
    positions: String,
    languages: String,
    interested: u64,
}

#[derive(Serialize)]
struct CertificationView {
    state: String,
    /// Each category applied for, with its decision in words.
    categories: Vec<(String, String)>,
    measures: String,
    documents: Vec<DocumentView>,
    validity: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct DocumentView {
    pub id: i64,
    pub filename: String,
    /// Its size in the reader's words (`1.2 MB`).
    pub size: String,
}

pub(crate) fn document_view(lang: Lang, d: &crate::domain::DocumentMeta) -> DocumentView {
    DocumentView {
        id: d.id,
        filename: d.filename.clone(),
        size: lang.t_args(
            "cert-size-kb",
            &crate::fluent_args![("kb", d.size.div_ceil(1024))],
        ),
    }
}

fn certification_view(
    lang: Lang,
    call: Option<&crate::domain::Call>,
    state: crate::domain::CertificationState,
    a: &crate::domain::ApplicationRecord,
) -> CertificationView {
    CertificationView {
        state: lang.label(state),
        categories: a
            .choices
            .iter()
            .map(|c| {
                let name = call
                    .and_then(|call| call.category(&c.code))
                    .map_or_else(|| c.code.clone(), |x| x.name.get(lang.content()).to_owned());
                let decision = lang.t(match c.certified {
                    None => "cert-choice-pending",
                    Some(true) => "cert-choice-certified",
                    Some(false) => "cert-choice-not-certified",
                });
                (name, decision)
            })
            .collect(),
        measures: a.measures.clone(),
        documents: a.documents.iter().map(|d| document_view(lang, d)).collect(),
        validity: call.filter(|_| a.certified().next().is_some()).map(|c| {
            lang.t_args(
                "cert-validity",
                &crate::fluent_args![
                    ("from", crate::i18n::dates::day(lang, c.valid_from)),
                    ("until", crate::i18n::dates::day(lang, c.valid_until))
                ],
            )
        }),
    }
}

#[derive(Serialize)]
struct DispatchView {
    request: crate::mail::DispatchBlock,
    state: String,
    visits: Vec<VisitLine>,
}

#[derive(Serialize)]
struct VisitLine {
    when: String,
    mode: String,
    place: String,
    online: bool,
    state: String,
    cancelled: bool,
}

#[derive(Serialize)]
struct OfferView {
    state: String,
    period: String,
    tasks: String,
    details: String,
    places: u32,
    accepted: u32,
}

#[derive(Serialize)]
struct ApplicationView {
    id: i64,
    name: String,
    email: String,
    affiliation: String,
    profile: String,
    motivation: String,
    state: String,
    /// The decisions that apply now: no "accept" on an accepted application, and none on a
    /// withdrawn one.
    can_accept: bool,
    can_decline: bool,
}

#[derive(Serialize)]
struct AppliedView {
    company: String,
    details: String,
    tasks: String,
    motivation: String,
}

#[derive(Serialize)]
struct DeclarationView {
    commitments: String,
    statement: String,
    listed: bool,
    state: String,
    note: Option<String>,
    choices: Vec<crate::http::web::catalogue::Choice>,
}

/// Shows what the manage page needs, with the form fields filled from the registration unless
/// a rejected post is shown again (`kept`).
/// Each active attendee's personal join link, where the registration holds confirmed seats at
/// an event with an online part: the contact manages the registration and hands them on.
fn join_links(state: &AppState, m: &Managed) -> Vec<(String, String)> {
    let r = &m.registration;
    let spec = &m.event.event.spec;
    if !crate::services::joins::offered(spec.format, &r.participation) {
        return Vec::new();
    }
    r.active_attendees()
        .filter(|a| {
            crate::domain::session::meeting_link(
                spec.online_url.as_deref(),
                &crate::domain::session::picks_for(&r.picks, Some(a.id)),
            )
            .is_some()
        })
        .map(|a| {
            (
                a.name.clone(),
                crate::services::joins::link(&state.links, &state.settings.server.public_url, a.id),
            )
        })
        .collect()
}

fn manage_view(
    m: &Managed,
    lang: Lang,
    csrf: &CsrfToken,
    done: Option<&str>,
    posted: Option<(&str, Kept)>,
    errors: FieldMessages,
    general_error: Option<String>,
) -> ManageView {
    let now = Utc::now();
    let r = &m.registration;
    let open: Vec<_> = r
        .attendees
        .iter()
        .filter(|a| a.status != crate::domain::AttendeeStatus::Cancelled)
        .collect();
    let mut kept = {
        let mut k = Kept::default();
        for (i, a) in open.iter().enumerate() {
            let p = format!("attendees.{i}");
            k.values.insert(format!("{p}.id"), a.id.to_string());
            k.values.insert(format!("{p}.name"), a.name.clone());
            k.values.insert(format!("{p}.kana"), a.kana.clone());
            k.values.insert(
                format!("{p}.department"),
                a.department.clone().unwrap_or_default(),
            );
            k.values
                .insert(format!("{p}.title"), a.title.clone().unwrap_or_default());
            k.values.insert(format!("{p}.email"), a.email.clone());
        }
        if let Some(d) = r.participation.declaration() {
            for c in &d.declaration.commitments {
                k.chosen
                    .insert(format!("declaration.commitments={}", c.code()));
            }
            if let Some(o) = &d.declaration.other {
                k.values.insert("declaration.other".into(), o.clone());
            }
            k.values.insert(
                "declaration.statement".into(),
                d.declaration.statement.clone(),
            );
            if d.declaration.listed {
                k.chosen.insert("declaration.listed=on".into());
            }
        }
        for p in r.live_picks() {
            k.chosen.insert(format!("sessions={}", p.session.id));
            k.chosen
                .insert(format!("sessions.{}={}", p.attendee_id, p.session.id));
        }
        for (id, answer) in &r.answers {
            let name = format!("answers.{id}");
            match answer {
                Answer::Text(t) => {
                    k.values.insert(name, t.clone());
                }
                Answer::YesNo(b) => {
                    k.chosen
                        .insert(format!("{name}={}", if *b { "yes" } else { "no" }));
                }
                Answer::Choices(c) => {
                    for v in c {
                        k.chosen.insert(format!("{name}={v}"));
                    }
                }
            }
        }
        k
    };
    // A rejected post shows what was typed in the form that was sent (fields under
    // `prefix`); the page's other forms keep showing the registration as it stands.
    if let Some((prefix, typed)) = posted {
        kept.values.retain(|name, _| !name.starts_with(prefix));
        kept.chosen.retain(|c| !c.starts_with(prefix));
        kept.values.extend(
            typed
                .values
                .into_iter()
                .filter(|(name, _)| name.starts_with(prefix)),
        );
        kept.chosen
            .extend(typed.chosen.into_iter().filter(|c| c.starts_with(prefix)));
    }
    let done = match done {
        Some("registered") => Some("registered"),
        Some("changed") => Some("changed"),
        Some("cancelled") => Some("cancelled"),
        Some("attendee_cancelled") => Some("attendee_cancelled"),
        Some("decided") => Some("decided"),
        _ => None,
    };
    // The attendees, plus one empty block while the company may add someone (not a page of
    // empty blocks each marked required); a rejected post shows every block it filled.
    let filled = (0..MAX_ATTENDEES)
        .filter(|i| {
            let prefix = format!("attendees.{i}.");
            kept.values.iter().any(|(k, v)| {
                k.starts_with(&prefix) && k != &format!("{prefix}id") && !v.trim().is_empty()
            })
        })
        .max()
        .map_or(0, |i| i + 1);
    let room = usize::from(filled < attendee_slots(&m.event));
    let slots = (filled + room).max(open.len()).max(1);
    let spec = &m.event.event.spec;
    ManageView {
        local_when: r
            .time_zone
            .filter(|tz| r.shape().has_time() && *tz != chrono_tz::Asia::Tokyo)
            .map(|tz| crate::i18n::dates::range_in(lang, spec.starts_at, spec.ends_at, tz)),
        event: card(&m.event, lang, now),
        token: m.manage_token.clone(),
        csrf_token: csrf.0.clone(),
        done,
        status: lang.label(&r.participation),
        standing: crate::i18n::words::standing_note(lang, &r.participation, m.waitlist_position),
        calendar: r.participation.has_calendar_entry(),
        meeting_link: r.participation.gets_meeting_link()
            && crate::domain::session::meeting_link(
                m.event.event.spec.online_url.as_deref(),
                &crate::domain::session::picks_for(&r.picks, None),
            )
            .is_some(),
        join_links: Vec::new(),
        withdraw: !r.shape().has_attendees(),
        // A dispatch request is withdrawn while it waits for an expert; after that the
        // organizer and the company arrange it between them.
        // The programme runs for a period: until its end.
        can_withdraw_dispatch: now < m.event.event.spec.ends_at
            && r.participation
                .dispatch()
                .is_some_and(|(s, _)| s == crate::domain::DispatchState::Requested),
        duplicate: r.participation.is_duplicate(),
        duplicates: r.attendees.len(),
        waitlist_position: m.waitlist_position,
        can_change: r.is_live() && now < m.event.event.spec.starts_at,
        individuals: r.audience == Audience::Individuals,
        company_name: r.company.as_ref().map(|c| c.name.clone()),
        contact_name: r.contact.name.clone(),
        contact_email: r.contact.email.clone(),
        // Beside attendees holding seats, the registrant is not told which address was
        // registered already; a registration of nothing else says so as a whole (`duplicate`).
        attendees: r
            .attendees
            .iter()
            .map(|a| AttendeeView {
                id: a.id,
                name: a.name.clone(),
                kana: a.kana.clone(),
                department: a.department.clone(),
                title: a.title.clone(),
                email: a.email.clone(),
                cancelled: a.status == crate::domain::AttendeeStatus::Cancelled,
            })
            .collect(),
        slots: (0..slots).collect(),
        questions: question_views(&m.questions, lang),
        picks: crate::i18n::words::session_lines(lang, r),
        // Only beside confirmed seats: a registration waiting as a whole says so itself.
        waiting: crate::i18n::words::session_lines(lang, r)
            .into_iter()
            .filter(|l| l.waiting && r.participation.holds_seats())
            .collect(),
        // What may be chosen: sessions with room or a waiting list, and those held already.
        sessions: crate::http::web::sessions::views(
            &m.sessions,
            m.event.event.spec.starts_at,
            m.event.event.spec.waitlist_enabled,
            lang,
        )
        .into_iter()
        .filter(|s| s.pickable || r.live_picks().any(|p| p.session.id == s.id))
        .collect(),
        consultation_slots: m.sessions.iter().any(|s| s.spec.exclusive),
        session_grid: r.active_attendees().count() > 1
            && !m.sessions.iter().any(|s| s.spec.exclusive),
        session_attendees: r
            .active_attendees()
            .map(|a| (a.id, a.name.clone()))
            .collect(),
        booth: r.participation.booth().map(|(state, profile)| BoothView {
            state: lang.label(state),
            positions: profile.positions.clone(),
            languages: crate::i18n::words::booth_languages(lang, profile),
            interested: m.booth_interest.unwrap_or(0),
        }),
        marked_booths: m.marked_booths.clone(),
        certification: r
            .participation
            .certification()
            .map(|(state, a)| certification_view(lang, m.call.as_ref(), state, a)),
        dispatch: r.participation.dispatch().map(|(state, d)| DispatchView {
            request: crate::i18n::words::dispatch_block(lang, d),
            state: lang.label(state),
            visits: d
                .visits
                .iter()
                .map(|v| VisitLine {
                    when: crate::i18n::dates::range(lang, v.plan.starts_at, v.plan.ends_at),
                    mode: lang.label(v.plan.mode),
                    place: v.plan.place.clone(),
                    online: v.plan.mode == crate::domain::VisitMode::Online,
                    state: lang.label(v.state),
                    cancelled: v.state == crate::domain::VisitState::Cancelled,
                })
                .collect(),
        }),
        offer: r
            .participation
            .internship_offer()
            .map(|(state, o, accepted)| OfferView {
                state: lang.label(state),
                period: crate::i18n::words::internship_period(lang, o.from, o.to),
                tasks: o.tasks.clone(),
                details: crate::i18n::words::internship_offer_details(
                    lang,
                    &crate::services::internships::OfferRow {
                        registration_id: r.id,
                        company: String::new(),
                        offer: o.clone(),
                        state,
                        accepted,
                    },
                ),
                places: o.places,
                accepted,
            }),
        applications: m
            .applications
            .iter()
            .map(|a| ApplicationView {
                id: a.registration.id,
                name: a.registration.contact.name.clone(),
                email: a.registration.contact.email.clone(),
                affiliation: a.registration.affiliation.clone().unwrap_or_default(),
                profile: crate::i18n::words::student_profile(lang, &a.application.student),
                motivation: a.application.motivation.clone(),
                state: lang.label(a.state),
                can_accept: a
                    .state
                    .can_become(crate::domain::ApplicationState::Accepted),
                can_decline: a
                    .state
                    .can_become(crate::domain::ApplicationState::Declined),
            })
            .collect(),
        applied: r
            .participation
            .internship_application()
            .zip(m.applied_offer.as_ref())
            .map(|((_, a), o)| AppliedView {
                company: o.company.clone(),
                details: crate::i18n::words::internship_offer_details(lang, o),
                tasks: o.offer.tasks.clone(),
                motivation: a.motivation.clone(),
            }),
        declaration: r.participation.declaration().map(|d| DeclarationView {
            commitments: crate::i18n::words::commitments(lang, &d.declaration),
            statement: d.declaration.statement.clone(),
            listed: d.declaration.listed,
            state: lang.label(d.state),
            note: d.note.clone(),
            choices: crate::http::web::catalogue::choices(
                crate::domain::Commitment::ALL,
                None,
                |c| c.code().into(),
                |c| lang.label(c),
            ),
        }),
        campaign: r
            .participation
            .campaign_entry()
            .map(|c| crate::mail::CampaignBlock {
                actions: crate::i18n::words::campaign_actions(lang, c),
                employees: c.employees,
                period: crate::i18n::words::campaign_period(lang, c),
                listed: c.listed,
            }),
        kept,
        errors,
        general_error,
    }
}

/// The question before one attendee is cancelled.
#[derive(Serialize)]
struct CancelAttendeeView {
    event_title: String,
    token: String,
    csrf_token: String,
    attendee_id: i64,
    attendee_name: String,
    /// The seat may go to someone waiting: say so.
    waitlist: bool,
}

#[derive(Deserialize)]
pub struct ManageParams {
    done: Option<String>,
}

#[handler]
pub async fn manage_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(token): Path<String>,
    Query(params): Query<ManageParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let m = registrations::by_token(&state.db, &token).await?;
    let mut view = manage_view(
        &m,
        lang.lang,
        csrf,
        params.done.as_deref(),
        None,
        FieldMessages::default(),
        None,
    );
    view.join_links = join_links(&state, &m);
    let resp = state.pages.render("manage.html", &lang, view)?;
    Ok(private(resp))
}

/// `GET /r/{token}/attendees/{id}/cancel`: the question before one attendee is cancelled (the
/// manage page's button posts without `confirm` and gets the same page).
#[handler]
pub async fn cancel_attendee_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path((token, attendee)): Path<(String, i64)>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let current = registrations::by_token(&state.db, &token).await?;
    confirm_cancel_attendee(&state, &lang, &current, csrf, attendee)
}

fn confirm_cancel_attendee(
    state: &AppState,
    lang: &PageLang,
    current: &Managed,
    csrf: &CsrfToken,
    id: i64,
) -> Result<Response, AppError> {
    let l = lang.lang;
    let attendee = current
        .registration
        .attendees
        .iter()
        .find(|a| a.id == id && a.status != crate::domain::AttendeeStatus::Cancelled)
        .ok_or(AppError::NotFound)?;
    let view = CancelAttendeeView {
        event_title: current.event.event.spec.title.get(l.content()).to_owned(),
        token: current.manage_token.clone(),
        csrf_token: csrf.0.clone(),
        attendee_id: id,
        attendee_name: attendee.name.clone(),
        waitlist: current.event.event.spec.waitlist_enabled,
    };
    Ok(private(state.pages.render(
        "cancel_attendee.html",
        lang,
        view,
    )?))
}

/// What a post to the manage page asks for.
enum ManageAction {
    CancelAll,
    CancelAttendee(i64),
    ChangeAttendees,
    ChangeAnswers,
    ChangeSessions,
    ChangeDeclaration,
    /// An internship host company accepts or declines an application to its offer.
    DecideApplication,
}

impl ManageAction {
    /// The action a path segment names (the attendee's cancel has a path of its own).
    fn named(segment: &str) -> Option<Self> {
        Some(match segment {
            "cancel" => ManageAction::CancelAll,
            "attendees" => ManageAction::ChangeAttendees,
            "answers" => ManageAction::ChangeAnswers,
            "sessions" => ManageAction::ChangeSessions,
            "declaration" => ManageAction::ChangeDeclaration,
            "applications" => ManageAction::DecideApplication,
            _ => return None,
        })
    }
}

/// A post to `/r/{token}/{action}`: cancel, attendees, answers, sessions or declaration.
#[handler]
pub async fn manage_action(
    state: Data<&AppState>,
    lang: PageLang,
    Path((token, action)): Path<(String, String)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let action = ManageAction::named(&action).ok_or(AppError::NotFound)?;
    manage_post(&state, &lang, &token, csrf, verifier, body, action).await
}

#[handler]
pub async fn cancel_attendee(
    state: Data<&AppState>,
    lang: PageLang,
    Path((token, attendee)): Path<(String, i64)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    manage_post(
        &state,
        &lang,
        &token,
        csrf,
        verifier,
        body,
        ManageAction::CancelAttendee(attendee),
    )
    .await
}

async fn manage_post(
    state: &AppState,
    lang: &PageLang,
    token: &str,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
    action: ManageAction,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    let l = lang.lang;
    let current = registrations::by_token(&state.db, token).await?;
    let prefix = match action {
        ManageAction::ChangeAttendees => "attendees.",
        ManageAction::ChangeAnswers => "answers.",
        ManageAction::ChangeSessions => "sessions",
        ManageAction::ChangeDeclaration => "declaration.",
        ManageAction::DecideApplication => "application",
        ManageAction::CancelAll | ManageAction::CancelAttendee(_) => "confirm",
    };
    let again =
        |m: &Managed, status: StatusCode, errors: FieldMessages, general: Option<String>| {
            let mut view = manage_view(
                m,
                l,
                csrf,
                None,
                Some((prefix, form.kept())),
                errors,
                general,
            );
            view.join_links = join_links(state, m);
            state
                .pages
                .render("manage.html", lang, view)
                .map(|r| private(r.with_status(status).into_response()))
        };
    if let Err(e) = verifier.validate(form.get("csrf_token").unwrap_or_default()) {
        tracing::warn!(reason = %e, "form refused: CSRF token not valid");
        return again(
            &current,
            StatusCode::FORBIDDEN,
            FieldMessages::default(),
            Some(l.t("csrf-failed")),
        );
    }
    let now = Utc::now();
    let mut blocks = Vec::new();
    let (result, done) = match action {
        ManageAction::CancelAll if !form.flag("confirm") => {
            let errors = crate::domain::ValidationErrors::single("confirm", "confirm_required");
            return again(
                &current,
                StatusCode::UNPROCESSABLE_ENTITY,
                FieldMessages::new(&errors, l, &[], &|f| labels(&current, l).label(f)),
                None,
            );
        }
        ManageAction::CancelAll => (
            registrations::cancel(&state.db, token, None, now).await,
            "cancelled",
        ),
        // One tap must not give a seat away: the button leads to a page that asks first.
        ManageAction::CancelAttendee(id) if !form.flag("confirm") => {
            return confirm_cancel_attendee(state, lang, &current, csrf, id);
        }
        ManageAction::CancelAttendee(id) => (
            registrations::cancel(&state.db, token, Some(&[id]), now).await,
            "attendee_cancelled",
        ),
        ManageAction::ChangeAttendees => {
            // Every block sent is read (not only those the page showed): extra attendees get
            // an error, never silence.
            let list = form.attendee_blocks(MAX_ATTENDEES);
            blocks = list.iter().map(|(i, _, _)| *i).collect();
            let change = RegistrationChange {
                attendees: Some(
                    list.into_iter()
                        .map(|(_, person, id)| AttendeeChange { id, person })
                        .collect(),
                ),
                answers: None,
                sessions: None,
                attendee_sessions: Default::default(),
            };
            (
                registrations::change(&state.db, token, change, now).await,
                "changed",
            )
        }
        ManageAction::ChangeAnswers => {
            let change = RegistrationChange {
                attendees: None,
                answers: Some(form.answers()),
                sessions: None,
                attendee_sessions: Default::default(),
            };
            (
                registrations::change(&state.db, token, change, now).await,
                "changed",
            )
        }
        ManageAction::ChangeDeclaration => (
            crate::services::declarations::update(&state.db, token, form.declaration(), now)
                .await
                .and(registrations::by_token(&state.db, token).await),
            "changed",
        ),
        ManageAction::DecideApplication => {
            let id = form
                .get("application")
                .and_then(|i| i.trim().parse::<i64>().ok())
                .ok_or(AppError::NotFound)?;
            let accept = match form.get("decision") {
                Some("accept") => true,
                Some("decline") => false,
                _ => return Err(AppError::NotFound),
            };
            (
                crate::services::internships::decide_as_host(&state.db, token, id, accept, now)
                    .await
                    .and(registrations::by_token(&state.db, token).await),
                "decided",
            )
        }
        ManageAction::ChangeSessions => {
            // Per attendee where the page listed them so, else one list for everyone.
            let grid = form.flag("session_grid");
            let change = RegistrationChange {
                attendees: None,
                answers: None,
                sessions: (!grid).then(|| form.ids("sessions")),
                attendee_sessions: if grid {
                    current
                        .registration
                        .active_attendees()
                        .map(|a| (a.id, form.ids(&format!("sessions.{}", a.id))))
                        .collect()
                } else {
                    Default::default()
                },
            };
            (
                registrations::change(&state.db, token, change, now).await,
                "changed",
            )
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/r/{token}?done={done}"))),
        Err(AppError::Validation(errors)) => again(
            &current,
            StatusCode::UNPROCESSABLE_ENTITY,
            FieldMessages::new(&errors, l, &blocks, &|f| labels(&current, l).label(f)),
            None,
        ),
        Err(e @ (AppError::Conflict { .. } | AppError::Gone { .. })) => again(
            &current,
            e.status(),
            FieldMessages::default(),
            Some(crate::http::error_words::app_message(&e, l)),
        ),
        Err(e) => Err(e),
    }
}

/// How the manage page names its fields in the error summary.
fn labels(m: &Managed, lang: Lang) -> FormLabels<'_> {
    FormLabels {
        lang,
        individuals: false,
        slots: m.sessions.iter().any(|s| s.spec.exclusive),
        questions: &m.questions,
    }
}
