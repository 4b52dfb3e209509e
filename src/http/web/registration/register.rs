//! The registration form: `/events/{slug}/register`.
use super::*;

#[derive(Serialize)]
struct FormView {
    event: EventCard,
    slug: String,
    open: bool,
    closed_message: Option<String>,
    individuals: bool,
    csrf_token: String,
    form_token: String,
    /// The attendee blocks shown: one, or as many as were filled in or asked for.
    slots: Vec<usize>,
    /// The form names attendees (a company's seat registration), so it offers "I will attend
    /// myself" and "add another attendee".
    attendee_blocks: bool,
    can_add_attendee: bool,
    /// Attendee 1 has an error: show its fields even when "I will attend myself" is ticked.
    first_block_errors: bool,
    per_company_limit: Option<u32>,
    /// Who may register: the kinds of organization, and "an individual" where the event's
    /// audience admits people on their own.
    registrant_kinds: Vec<Choice>,
    /// Organizations and individuals alike: the form asks which first.
    everyone: bool,
    school_types: Vec<Choice>,
    /// Japan first, then the others by their names in the reader's language.
    countries: Vec<Choice>,
    /// A timed event with an online part: the zones a registrant abroad may pick, so emails
    /// and the manage page show the time in theirs beside Japan time.
    zones: Vec<Choice>,
    prefectures: Vec<Choice>,
    industries: Vec<Choice>,
    employee_bands: Vec<Choice>,
    heard_via: Vec<Choice>,
    questions: Vec<QuestionView>,
    sessions: Vec<crate::http::web::sessions::SessionView>,
    consultation_slots: bool,
    /// Several attendees and talks to choose from: each attendee picks their own
    /// (`sessions.{block}`); one attendee sees the single list (`sessions`) as before.
    session_grid: bool,
    /// A campaign: what the company joins with, instead of attendees.
    campaign: Option<CampaignForm>,
    /// A declaration scheme: the commitments to choose from, instead of attendees.
    declaration: Option<Vec<Choice>>,
    /// A certification call: its categories, the validity and the document rules.
    certification: Option<CertificationForm>,
    /// An expert dispatch programme: the themes and ways to meet, instead of attendees.
    dispatch: Option<DispatchForm>,
    /// A job fair's exhibitor application: the booth's languages to choose from.
    exhibitor: Option<Vec<Choice>>,
    /// A job fair's student form: the levels of Japanese, and the approved booths to mark.
    student: Option<StudentForm>,
    /// An internship host company's offer: the languages and levels to choose from, and the
    /// programme's days.
    offer: Option<OfferForm>,
    /// An internship student's application: the open offers to choose from.
    application: Option<Vec<OfferChoice>>,
    /// Where the form posts: `register`, or `exhibit` for a booth or an internship offer.
    action: &'static str,
    purpose_of_use: String,
    kept: Kept,
    errors: FieldMessages,
    general_error: Option<String>,
}

/// The zones offered, for a timed event with an online part, and any other valid zone that was
/// sent back (through the API's list, say), so the form keeps it.
fn zone_choices(spec: &crate::domain::EventSpec, kept: Option<&str>, lang: Lang) -> Vec<Choice> {
    let timed = Shape::timed(spec.kind);
    if !timed || spec.format == crate::domain::EventFormat::OnSite {
        return Vec::new();
    }
    let mut zones: Vec<&str> = crate::domain::jst::VISITOR_ZONES.to_vec();
    if let Some(k) = kept.filter(|k| !zones.contains(k) && k.parse::<chrono_tz::Tz>().is_ok()) {
        zones.push(k);
    }
    zones
        .into_iter()
        .map(|z| Choice {
            value: z.to_owned(),
            label: crate::i18n::dates::zone_name(lang, z),
            selected: false,
        })
        .collect()
}

#[derive(Serialize)]
struct StudentForm {
    levels: Vec<Choice>,
    booths: Vec<BoothChoice>,
}

#[derive(Serialize)]
struct OfferForm {
    languages: Vec<Choice>,
    levels: Vec<Choice>,
    period: String,
}

/// An open internship offer as the student's form shows it.
#[derive(Serialize)]
pub(crate) struct OfferChoice {
    pub id: i64,
    pub company: String,
    pub details: String,
    pub tasks: String,
}

#[derive(Serialize)]
struct BoothChoice {
    id: i64,
    company: String,
    details: String,
}

/// The job-fair side of a form: exhibiting (a company's booth) or visiting (a student), and
/// the approved booths a student may mark.
pub(super) struct Fair {
    /// What this form registers: at a job fair a booth (`/exhibit`) or a visit.
    shape: Shape,
    exhibiting: bool,
    booths: Vec<BoothChoice>,
    /// At an internship programme, the open offers a student may apply to.
    offers: Vec<OfferChoice>,
}

pub(super) async fn fair(
    state: &AppState,
    listing: &EventListing,
    exhibiting: bool,
    lang: Lang,
) -> Result<Fair, AppError> {
    let shape = Shape::of(listing.event.spec.kind, exhibiting);
    if exhibiting && !matches!(shape, Shape::Booth | Shape::InternshipOffer) {
        return Err(AppError::NotFound);
    }
    let offers = if shape == Shape::InternshipApplication {
        crate::services::internships::open_offers(&state.db, listing.event.id)
            .await?
            .iter()
            .map(|o| OfferChoice {
                id: o.registration_id,
                company: o.company.clone(),
                details: crate::i18n::words::internship_offer_details(lang, o),
                tasks: o.offer.tasks.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let booths = if shape == Shape::StudentVisit {
        crate::services::job_fairs::approved_booths(&state.db, listing.event.id)
            .await?
            .into_iter()
            .map(|b| BoothChoice {
                id: b.registration_id,
                details: crate::i18n::words::booth_details(lang, &b.exhibitor.profile),
                company: b.company,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Fair {
        shape,
        exhibiting,
        booths,
        offers,
    })
}

#[derive(Serialize)]
struct CertificationForm {
    categories: Vec<Choice>,
    validity: String,
    documents_hint: String,
}

fn certification_form(call: &crate::domain::Call, lang: Lang) -> CertificationForm {
    use crate::domain::certification::{MAX_DOCUMENT_BYTES, MAX_DOCUMENTS};
    CertificationForm {
        categories: call
            .categories
            .iter()
            .map(|c| Choice {
                value: c.code.clone(),
                label: c.name.get(lang.content()).to_owned(),
                selected: false,
            })
            .collect(),
        validity: lang.t_args(
            "cert-validity-hint",
            &crate::fluent_args![
                ("from", crate::i18n::dates::day(lang, call.valid_from)),
                ("until", crate::i18n::dates::day(lang, call.valid_until))
            ],
        ),
        documents_hint: lang.t_args(
            "cert-documents-hint",
            &crate::fluent_args![
                ("max", MAX_DOCUMENTS),
                ("mb", MAX_DOCUMENT_BYTES / (1024 * 1024))
            ],
        ),
    }
}

#[derive(Serialize)]
struct DispatchForm {
    themes: Vec<Choice>,
    modes: Vec<Choice>,
    /// The first and last day a visit may be asked for (`min`/`max` of the date fields).
    from: String,
    to: String,
    period: String,
}

#[derive(Serialize)]
struct CampaignForm {
    actions: Vec<Choice>,
    period: String,
}

#[allow(clippy::too_many_arguments)]
fn form_view(
    listing: &EventListing,
    fair: &Fair,
    call: Option<&crate::domain::Call>,
    qs: &[Question],
    sessions: &[crate::domain::EventSession],
    lang: Lang,
    csrf: &CsrfToken,
    mut kept: Kept,
    errors: FieldMessages,
    general_error: Option<String>,
) -> FormView {
    let now = Utc::now();
    let event = &listing.event;
    if kept.chosen.contains("self_attends=on") {
        // Attendee 1 is the contact person: show what was registered under that name.
        for part in ["name", "kana", "department", "title", "email"] {
            let typed = kept.values.get(&format!("contact.{part}")).cloned();
            kept.values
                .insert(format!("attendees.0.{part}"), typed.unwrap_or_default());
        }
    }
    let max_blocks = attendee_slots(listing);
    let filled = (0..MAX_ATTENDEES)
        .filter(|i| {
            let prefix = format!("attendees.{i}.");
            kept.values
                .iter()
                .any(|(k, v)| k.starts_with(&prefix) && !v.trim().is_empty())
                || errors.by_field.keys().any(|k| k.starts_with(&prefix))
        })
        .max()
        .map_or(0, |i| i + 1);
    let asked = usize::from(kept.values.contains_key("add_attendee"));
    // Blocks filled beyond today's limit stay visible, so their errors can be seen.
    let shown = (filled + asked).clamp(1, max_blocks.max(filled));
    let attendee_blocks =
        event.spec.audience != Audience::Individuals && fair.shape.has_attendees();
    let first_block_errors = errors
        .by_field
        .keys()
        .any(|k| k.starts_with("attendees.0."));
    // A certification call takes applications once its categories are set.
    let call_missing = fair.shape == Shape::CertificationApplication && call.is_none();
    let open = event.registration_is_open(now) && !call_missing;
    let closed_message = (!open).then(|| {
        if call_missing {
            lang.t("cert-not-ready")
        } else if event.status == crate::domain::EventStatus::Cancelled {
            lang.t("cancelled-banner")
        } else if now < event.spec.registration_opens_at {
            lang.t("registration-not-open-yet")
        } else {
            lang.t("registration-closed-message")
        }
    });
    let form_token = kept
        .values
        .get("form_token")
        .filter(|t| t.len() <= 64)
        .cloned()
        .unwrap_or_else(new_form_token);
    FormView {
        event: card(listing, lang, now),
        slug: event.spec.slug.to_string(),
        open,
        closed_message,
        individuals: event.spec.audience == Audience::Individuals && !fair.exhibiting,
        csrf_token: csrf.0.clone(),
        form_token,
        slots: (0..shown).collect(),
        attendee_blocks,
        can_add_attendee: attendee_blocks && shown < max_blocks,
        first_block_errors,
        per_company_limit: event.spec.per_company_limit,
        registrant_kinds: RegistrantKind::ALL
            .iter()
            .filter(|k| match k {
                RegistrantKind::Individual => event.spec.audience == Audience::Everyone,
                _ => true,
            })
            .map(|k| Choice {
                value: k.code().to_owned(),
                label: lang.label(k),
                selected: false,
            })
            .collect(),
        everyone: event.spec.audience == Audience::Everyone,
        school_types: choices(
            SchoolType::ALL,
            None,
            |v| v.code().into(),
            |v| lang.label(v),
        ),
        countries: {
            let mut all: Vec<Choice> = Country::all()
                .map(|c| Choice {
                    value: c.code().to_owned(),
                    label: lang.label(c),
                    selected: false,
                })
                .collect();
            all.sort_by(|a, b| (a.value != "JP", &a.label).cmp(&(b.value != "JP", &b.label)));
            all
        },
        zones: zone_choices(
            &event.spec,
            kept.values.get("time_zone").map(String::as_str),
            lang,
        ),
        prefectures: crate::domain::Prefecture::all()
            .map(|p| Choice {
                value: p.stored_name().to_owned(),
                label: lang.label(p),
                selected: false,
            })
            .collect(),
        industries: choices(Industry::ALL, None, |v| v.code().into(), |v| lang.label(v)),
        employee_bands: choices(
            EmployeeBand::ALL,
            None,
            |v| v.code().into(),
            |v| lang.label(v),
        ),
        heard_via: choices(HeardVia::ALL, None, |v| v.code().into(), |v| lang.label(v)),
        questions: if fair.exhibiting {
            Vec::new()
        } else {
            question_views(qs, lang)
        },
        sessions: crate::http::web::sessions::views(
            sessions,
            event.spec.starts_at,
            event.spec.waitlist_enabled,
            lang,
        )
        .into_iter()
        .filter(|s| s.pickable)
        .collect(),
        consultation_slots: sessions.iter().any(|s| s.spec.exclusive),
        session_grid: attendee_blocks && shown > 1 && !sessions.iter().any(|s| s.spec.exclusive),
        offer: (fair.shape == Shape::InternshipOffer).then(|| OfferForm {
            languages: choices(
                crate::domain::BoothLanguage::ALL,
                None,
                |c| c.code().into(),
                |c| lang.label(c),
            ),
            levels: choices(
                crate::domain::JapaneseLevel::ALL,
                None,
                |c| c.code().into(),
                |c| lang.label(c),
            ),
            period: crate::domain::internship::programme_days(&event.spec)
                .map(|(from, to)| {
                    lang.t_args(
                        "internship-period-hint",
                        &crate::fluent_args![("from", from.to_string()), ("to", to.to_string())],
                    )
                })
                .unwrap_or_default(),
        }),
        application: (fair.shape == Shape::InternshipApplication).then(|| {
            fair.offers
                .iter()
                .map(|o| OfferChoice {
                    id: o.id,
                    company: o.company.clone(),
                    details: o.details.clone(),
                    tasks: o.tasks.clone(),
                })
                .collect()
        }),
        exhibitor: (fair.shape == Shape::Booth).then(|| {
            choices(
                crate::domain::BoothLanguage::ALL,
                None,
                |c| c.code().into(),
                |c| lang.label(c),
            )
        }),
        student: matches!(
            fair.shape,
            Shape::StudentVisit | Shape::InternshipApplication
        )
        .then(|| StudentForm {
            levels: choices(
                crate::domain::JapaneseLevel::ALL,
                None,
                |c| c.code().into(),
                |c| lang.label(c),
            ),
            booths: fair
                .booths
                .iter()
                .map(|b| BoothChoice {
                    id: b.id,
                    company: b.company.clone(),
                    details: b.details.clone(),
                })
                .collect(),
        }),
        action: if fair.exhibiting {
            "exhibit"
        } else {
            "register"
        },
        certification: call
            .filter(|_| fair.shape == Shape::CertificationApplication)
            .map(|c| certification_form(c, lang)),
        declaration: (fair.shape == Shape::Declaration).then(|| {
            choices(
                crate::domain::Commitment::ALL,
                None,
                |c| c.code().into(),
                |c| lang.label(c),
            )
        }),
        dispatch: event
            .spec
            .campaign_period()
            .filter(|_| fair.shape == Shape::DispatchRequest)
            .map(|(from, to)| DispatchForm {
                themes: choices(
                    crate::domain::DispatchTheme::ALL,
                    None,
                    |c| c.code().into(),
                    |c| lang.label(c),
                ),
                modes: choices(
                    crate::domain::VisitMode::ALL,
                    None,
                    |c| c.code().into(),
                    |c| lang.label(c),
                ),
                from: from.to_string(),
                to: to.to_string(),
                period: lang.t_args(
                    "dispatch-dates-hint",
                    &crate::fluent_args![("from", from.to_string()), ("to", to.to_string())],
                ),
            }),
        campaign: event
            .spec
            .campaign_period()
            .filter(|_| fair.shape == Shape::CampaignEntry)
            .map(|(from, to)| CampaignForm {
                actions: choices(
                    crate::domain::CampaignAction::ALL,
                    None,
                    |a| a.code().into(),
                    |a| lang.label(a),
                ),
                period: lang.t_args(
                    "campaign-period-hint",
                    &crate::fluent_args![("from", from.to_string()), ("to", to.to_string())],
                ),
            }),
        purpose_of_use: crate::i18n::words::purpose_of_use(lang, &event.spec),
        kept,
        errors,
        general_error,
    }
}

#[derive(Deserialize)]
pub struct FormParams {
    via: Option<String>,
}

#[handler]
pub async fn form_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
    Query(params): Query<FormParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    show_form(&state, &lang, &slug, params, csrf, false).await
}

/// `/events/{slug}/exhibit`: a company applies for a booth at a job fair.
#[handler]
pub async fn exhibit_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
    Query(params): Query<FormParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    show_form(&state, &lang, &slug, params, csrf, true).await
}

async fn show_form(
    state: &AppState,
    lang: &PageLang,
    slug: &str,
    params: FormParams,
    csrf: &CsrfToken,
    exhibiting: bool,
) -> Result<Response, AppError> {
    let listing = catalogue::get_public(&state.db, slug).await?;
    let fair = fair(state, &listing, exhibiting, lang.lang).await?;
    let qs = questions::of_event(&state.db, listing.event.id).await?;
    let sessions = crate::services::sessions::of_event(&state.db, listing.event.id).await?;
    let call = crate::services::certification::call_of(&state.db, &listing).await?;
    let mut kept = Kept::default();
    if let Some(via) = params.via {
        kept.values.insert("via".into(), via);
    }
    let view = form_view(
        &listing,
        &fair,
        call.as_ref(),
        &qs,
        &sessions,
        lang.lang,
        csrf,
        kept,
        FieldMessages::default(),
        None,
    );
    state.pages.render("register.html", lang, view)
}

#[handler]
pub async fn submit(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    req: &poem::Request,
    body: Body,
) -> Result<Response, AppError> {
    submit_form(&state, &lang, &slug, csrf, verifier, (req, body), false).await
}

#[handler]
pub async fn exhibit_submit(
    state: Data<&AppState>,
    lang: PageLang,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    req: &poem::Request,
    body: Body,
) -> Result<Response, AppError> {
    submit_form(&state, &lang, &slug, csrf, verifier, (req, body), true).await
}

#[allow(clippy::too_many_arguments)]
async fn submit_form(
    state: &AppState,
    lang: &PageLang,
    slug: &str,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    (req, body): (&poem::Request, Body),
    exhibiting: bool,
) -> Result<Response, AppError> {
    // A certification application carries documents: a multipart form.
    let (form, uploads) =
        crate::http::web::upload::read_form_with_files(req, body, "certification.documents")
            .await?;
    let listing = catalogue::get_public(&state.db, slug).await?;
    let fair = fair(state, &listing, exhibiting, lang.lang).await?;
    let call = crate::services::certification::call_of(&state.db, &listing).await?;
    let shape = fair.shape;
    let qs = questions::of_event(&state.db, listing.event.id).await?;
    let sessions = crate::services::sessions::of_event(&state.db, listing.event.id).await?;
    let l = lang.lang;
    let page = |status: StatusCode, errors: FieldMessages, general: Option<String>| {
        let view = form_view(
            &listing,
            &fair,
            call.as_ref(),
            &qs,
            &sessions,
            l,
            csrf,
            form.kept(),
            errors,
            general,
        );
        state
            .pages
            .render("register.html", lang, view)
            .map(|r| r.with_status(status).into_response())
    };
    if let Err(e) = verifier.validate(form.get("csrf_token").unwrap_or_default()) {
        tracing::warn!(reason = %e, "form refused: CSRF token not valid");
        return page(
            StatusCode::FORBIDDEN,
            FieldMessages::default(),
            Some(l.t("csrf-failed")),
        );
    }
    // "Add another attendee": the same form again, as typed, with one more block.
    if form.get("add_attendee").is_some() {
        return page(StatusCode::OK, FieldMessages::default(), None);
    }
    // Every block sent is read, not only those the page showed: if the company limit fell
    // while the form was open, the extra attendees get an error, never silence.
    let mut blocks = form.attendee_blocks(MAX_ATTENDEES);
    if form.flag("self_attends") {
        // "I will attend myself": attendee 1 is the contact person, whatever its block held.
        blocks.retain(|(i, _, _)| *i != 0);
        let mut me = form.person("contact");
        me.phone = None;
        blocks.insert(0, (0, me, None));
    }
    let block_numbers: Vec<usize> = blocks.iter().map(|(i, _, _)| *i).collect();
    // Each attendee's own sessions, where the form listed them per attendee.
    let attendee_sessions = if form.flag("session_grid") {
        block_numbers
            .iter()
            .map(|i| Some(form.ids(&format!("sessions.{i}"))))
            .collect()
    } else {
        Vec::new()
    };
    let input = RegistrationInput {
        company: form.company(),
        contact: form.person("contact"),
        affiliation: form.text("affiliation"),
        attendees: blocks.into_iter().map(|(_, p, _)| p).collect(),
        answers: form.answers(),
        consent: form.flag("consent"),
        heard_via: form.text("heard_via"),
        via: form.text("via"),
        lang: l,
        time_zone: form.text("time_zone"),
        sessions: form.ids("sessions"),
        attendee_sessions,
        campaign: (shape == Shape::CampaignEntry).then(|| form.campaign()),
        declaration: (shape == Shape::Declaration).then(|| form.declaration()),
        certification: (shape == Shape::CertificationApplication)
            .then(|| crate::http::web::upload::application(&form, uploads)),
        dispatch: (shape == Shape::DispatchRequest).then(|| form.dispatch()),
        exhibitor: (shape == Shape::Booth).then(|| form.exhibitor()),
        student: matches!(shape, Shape::StudentVisit | Shape::InternshipApplication)
            .then(|| form.student()),
        booths: form.ids("booths"),
        offer: (shape == Shape::InternshipOffer).then(|| form.internship_offer()),
        application: (shape == Shape::InternshipApplication).then(|| form.internship_application()),
    };
    let key = form
        .text("form_token")
        .filter(|t| t.len() <= 64)
        .map(|t| format!("form:{t}"));
    match registrations::register(
        &state.db,
        &state.links,
        slug,
        input,
        key.as_deref(),
        Utc::now(),
    )
    .await
    {
        Ok(done) => Ok(see_other(&format!(
            "/r/{}?done=registered",
            done.manage_token
        ))),
        // The form was sent already, and now with other content (Back, edit, send): answer
        // with a fresh form token so that pressing the button again registers.
        Err(AppError::Validation(errors)) if errors.has("idempotency_key") => {
            let mut kept = form.kept();
            kept.values.remove("form_token");
            let view = form_view(
                &listing,
                &fair,
                call.as_ref(),
                &qs,
                &sessions,
                l,
                csrf,
                kept,
                FieldMessages::default(),
                Some(l.t("form-resubmitted")),
            );
            state
                .pages
                .render("register.html", lang, view)
                .map(|r| r.with_status(StatusCode::CONFLICT).into_response())
        }
        Err(AppError::Validation(errors)) => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            FieldMessages::new(&errors, l, &block_numbers, &|f| {
                FormLabels {
                    lang: l,
                    individuals: listing.event.spec.audience == Audience::Individuals
                        && !exhibiting,
                    slots: sessions.iter().any(|s| s.spec.exclusive),
                    questions: &qs,
                }
                .label(f)
            }),
            None,
        ),
        Err(e @ (AppError::Conflict { .. } | AppError::Gone { .. })) => page(
            e.status(),
            FieldMessages::default(),
            Some(crate::http::error_words::app_message(&e, l)),
        ),
        Err(e) => Err(e),
    }
}
