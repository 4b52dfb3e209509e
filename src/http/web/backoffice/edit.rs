//! `/admin/events/{slug}/edit`: organizers change an event in the browser, with what the API
//! allows for the fields people change most. A new time, place or link is mailed to every
//! registrant, so the form asks for a tick before it saves such a change; cancelling an
//! event asks the same.
use super::*;
use crate::domain::EventInput;
use crate::services::events::{self, OptionalField};
use chrono::{DateTime, NaiveDateTime, TimeZone};
use std::collections::BTreeMap;

/// Every field of the event form, as typed, to show again when it comes back with errors.
/// The languages (a group of checkboxes) come back as `languages.ja`, `languages.en`.
pub(super) const FORM_FIELDS: [&str; 26] = [
    "programme_area",
    "format",
    "title_ja",
    "title_en",
    "description_ja",
    "description_en",
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "audience",
    "venue_name_ja",
    "venue_address_ja",
    "venue_name_en",
    "venue_address_en",
    "venue_map_url",
    "online_url",
    "capacity",
    "per_company_limit",
    "visits_per_company",
    "reminder_days",
    "confirm_days_before",
    "purpose_of_use_ja",
    "purpose_of_use_en",
    "waitlist_enabled",
    "attendee_copies",
];

/// The hidden field the whole event form carries: a post with it sends every field, so an
/// unticked box or an emptied English venue means "off" or "none". A post without it (an
/// older form, a script) leaves the fields it does not send as they are.
const WHOLE_FORM: &str = "event_form";

/// The typed values of `fields`, to fill the form again.
pub(super) fn typed<'a>(
    form: &crate::http::web::form::FormData,
    fields: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, String> {
    let mut values: BTreeMap<String, String> = fields
        .into_iter()
        .map(|k| (k.to_owned(), form.get(k).unwrap_or_default().to_owned()))
        .collect();
    let ticked = form.all("languages");
    for l in crate::domain::Language::ALL {
        let on = ticked.contains(&l.code());
        values.insert(
            format!("languages.{}", l.code()),
            if on { "on".into() } else { String::new() },
        );
    }
    values
}

/// The choices of the event form's selects, and which is chosen.
#[derive(Serialize)]
pub(super) struct EventChoices {
    pub areas: Vec<crate::http::web::catalogue::Choice>,
    pub formats: Vec<crate::http::web::catalogue::Choice>,
    pub audiences: Vec<crate::http::web::catalogue::Choice>,
    pub languages: Vec<crate::http::web::catalogue::Choice>,
}

impl EventChoices {
    pub(super) fn of(values: &BTreeMap<String, String>, l: crate::i18n::Lang) -> Self {
        use crate::domain::{Audience, EventFormat, Language, ProgrammeArea};
        use crate::http::web::catalogue::{Choice, choices};
        let chosen = |field: &str| values.get(field).map(String::as_str).unwrap_or_default();
        EventChoices {
            areas: choices(
                ProgrammeArea::ALL,
                chosen("programme_area").parse().ok(),
                |a| a.code().to_owned(),
                |a| l.label(a),
            ),
            formats: choices(
                EventFormat::ALL,
                chosen("format").parse().ok(),
                |f| f.code().to_owned(),
                |f| l.label(f),
            ),
            audiences: choices(
                Audience::ALL,
                chosen("audience").parse().ok(),
                |a| a.code().to_owned(),
                |a| {
                    l.for_backoffice().t(match a {
                        Audience::Companies => "a-event-audience-companies",
                        Audience::Individuals => "a-event-audience-individuals",
                        Audience::Everyone => "a-event-audience-everyone",
                    })
                },
            ),
            languages: Language::ALL
                .iter()
                .map(|lang| Choice {
                    value: lang.code().to_owned(),
                    label: l.for_backoffice().t(match lang {
                        Language::Ja => "a-event-language-ja",
                        Language::En => "a-event-language-en",
                    }),
                    selected: !chosen(&format!("languages.{}", lang.code())).is_empty(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct EditView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    choices: EventChoices,
    /// Set when the change would be mailed to registrants and was not yet confirmed.
    needs_confirmation: Option<u64>,
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// `2026-12-03T14:00` typed in Tokyo time.
pub(super) fn parse_local(s: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()?;
    chrono_tz::Asia::Tokyo
        .from_local_datetime(&naive)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

pub(super) fn values_of(input: &EventInput) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    let mut put = |k: &str, s: Option<String>| {
        v.insert(k.to_owned(), s.unwrap_or_default());
    };
    put(
        "programme_area",
        input.programme_area.map(|a| a.code().to_owned()),
    );
    put("format", input.format.map(|f| f.code().to_owned()));
    put("audience", input.audience.map(|a| a.code().to_owned()));
    put("venue_name_en", input.venue_name_en.clone());
    put("venue_address_en", input.venue_address_en.clone());
    put(
        "registration_opens_at",
        input.registration_opens_at.map(local),
    );
    put(
        "registration_closes_at",
        input.registration_closes_at.map(local),
    );
    put(
        "attendee_copies",
        input
            .attendee_copies
            .map(|w| if w { "on".into() } else { String::new() }),
    );
    for l in crate::domain::Language::ALL {
        let on = input.languages.as_ref().is_some_and(|ls| ls.contains(&l));
        put(
            &format!("languages.{}", l.code()),
            on.then(|| "on".to_owned()),
        );
    }
    put("title_ja", input.title_ja.clone());
    put("title_en", input.title_en.clone());
    put("description_ja", input.description_ja.clone());
    put("description_en", input.description_en.clone());
    put("venue_name_ja", input.venue_name_ja.clone());
    put("venue_address_ja", input.venue_address_ja.clone());
    put("venue_map_url", input.venue_map_url.clone());
    put("online_url", input.online_url.clone());
    put("capacity", input.capacity.map(|c| c.to_string()));
    put(
        "per_company_limit",
        input.per_company_limit.map(|c| c.to_string()),
    );
    put(
        "visits_per_company",
        input.visits_per_company.map(|c| c.to_string()),
    );
    put(
        "reminder_days",
        input
            .reminder_days
            .as_ref()
            .map(|d| d.iter().map(i64::to_string).collect::<Vec<_>>().join(",")),
    );
    put(
        "confirm_days_before",
        input
            .confirm_days_before
            .filter(|&d| d != 0)
            .map(|d| d.to_string()),
    );
    put("purpose_of_use_ja", input.purpose_of_use_ja.clone());
    put("purpose_of_use_en", input.purpose_of_use_en.clone());
    put("starts_at", input.starts_at.map(local));
    put("ends_at", input.ends_at.map(local));
    put(
        "waitlist_enabled",
        input
            .waitlist_enabled
            .map(|w| if w { "on".into() } else { String::new() }),
    );
    v
}

async fn editable(state: &AppState, me: &SignedIn, slug: &str) -> Result<StaffEvent, AppError> {
    let e = staff_event(state, me, slug).await?;
    if !e.access.manage {
        return Err(AppError::Forbidden);
    }
    Ok(e)
}

#[handler]
pub async fn edit_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = editable(&state, &me, &slug).await?;
    let values = values_of(&e.listing.event.spec.to_input());
    let view = EditView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        choices: EventChoices::of(&values, lang.lang),
        values,
        event: summary(&state, &e, &lang).await?,
        errors: FieldMessages::default(),
        needs_confirmation: None,
    };
    Ok(private(state.pages.render(
        "admin/edit.html",
        &lang,
        view,
    )?))
}

/// The event fields of the form, and the optional fields it empties. Numbers and times that
/// do not read are recorded in `errors`.
pub(super) fn read_input(
    form: &crate::http::web::form::FormData,
    errors: &mut crate::domain::ValidationErrors,
) -> (EventInput, Vec<OptionalField>) {
    let number = |errors: &mut crate::domain::ValidationErrors, field: &str| -> Option<i64> {
        let raw = form.text(field)?;
        match crate::domain::normalize::digits(&raw).parse() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.add(field, "not_a_number");
                None
            }
        }
    };
    let capacity = number(errors, "capacity");
    let per_company_limit = number(errors, "per_company_limit");
    let visits_per_company = number(errors, "visits_per_company");
    // An empty field turns the attendance question off. Only digits (any width) read: "0x2"
    // is not 2.
    let confirm_days_before = form.get("confirm_days_before").map(|raw| {
        let folded = crate::domain::normalize::fold_width(raw.trim());
        if folded.is_empty() {
            0
        } else if let Some(n) = folded
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| folded.parse::<i64>().ok())
            .flatten()
        {
            n
        } else {
            errors.add("confirm_days_before", "not_a_number");
            0
        }
    });
    let mut time = |field: &str| -> Option<DateTime<Utc>> {
        let raw = form.text(field)?;
        let t = parse_local(&raw);
        if t.is_none() {
            errors.add(field, "not_a_time");
        }
        t
    };
    let starts_at = time("starts_at");
    let ends_at = time("ends_at");
    let registration_opens_at = time("registration_opens_at");
    let registration_closes_at = time("registration_closes_at");
    let whole = form.get(WHOLE_FORM).is_some();
    // A choice that is not one of the select's is refused on its field, not ignored.
    fn choice<T: std::str::FromStr>(
        form: &crate::http::web::form::FormData,
        errors: &mut crate::domain::ValidationErrors,
        field: &str,
    ) -> Option<T> {
        let raw = form.text(field)?;
        let parsed = raw.trim().parse().ok();
        if parsed.is_none() {
            errors.add(field, "invalid_choice");
        }
        parsed
    }
    let programme_area = choice(form, errors, "programme_area");
    let format = choice(form, errors, "format");
    let audience = choice(form, errors, "audience");
    let languages = whole.then(|| {
        let mut langs = Vec::new();
        for raw in form.all("languages") {
            match crate::domain::Language::parse(raw) {
                Some(l) => langs.push(l),
                None if !errors.has("languages") => errors.add("languages", "invalid_choice"),
                None => {}
            }
        }
        langs
    });
    let reminder_days = form.get("reminder_days").map(|raw| {
        raw.split([',', '\u{3001}', ' '])
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| crate::domain::normalize::digits(s).parse().ok())
            .collect::<Vec<i64>>()
    });
    let change = EventInput {
        title_ja: form.text("title_ja"),
        title_en: form.text("title_en"),
        description_ja: form.text("description_ja"),
        description_en: form.text("description_en"),
        programme_area,
        format,
        venue_name_ja: form.text("venue_name_ja"),
        venue_name_en: form.text("venue_name_en"),
        venue_address_ja: form.text("venue_address_ja"),
        venue_address_en: form.text("venue_address_en"),
        venue_map_url: form.text("venue_map_url"),
        online_url: form.text("online_url"),
        starts_at,
        ends_at,
        registration_opens_at,
        registration_closes_at,
        capacity,
        per_company_limit,
        visits_per_company,
        languages,
        audience,
        waitlist_enabled: Some(form.flag("waitlist_enabled")),
        attendee_copies: whole.then(|| form.flag("attendee_copies")),
        reminder_days,
        confirm_days_before,
        purpose_of_use_ja: form.text("purpose_of_use_ja"),
        purpose_of_use_en: form.text("purpose_of_use_en"),
        ..Default::default()
    };
    // An emptied optional field is cleared, not kept.
    let mut clear = Vec::new();
    for (field, which) in [
        ("capacity", OptionalField::Capacity),
        ("per_company_limit", OptionalField::PerCompanyLimit),
        ("online_url", OptionalField::OnlineUrl),
        ("venue_map_url", OptionalField::VenueMapUrl),
    ] {
        if form.text(field).is_none() {
            clear.push(which);
        }
    }
    if whole {
        for (field, which) in [
            ("venue_name_en", OptionalField::VenueNameEn),
            ("venue_address_en", OptionalField::VenueAddressEn),
        ] {
            if form.text(field).is_none() {
                clear.push(which);
            }
        }
    }
    if form.text("purpose_of_use_ja").is_none() && form.text("purpose_of_use_en").is_none() {
        clear.push(OptionalField::PurposeOfUse);
    }
    (change, clear)
}

#[handler]
pub async fn edit_save(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let e = editable(&state, &me, &slug).await?;
    let l = lang.lang;
    let mut errors = crate::domain::ValidationErrors::new();
    let (change, clear) = read_input(&form, &mut errors);
    let kept = typed(&form, FORM_FIELDS);
    let now = Utc::now();
    // The change checked whole, as saving would; what the form itself could not read is
    // reported with it, all at once.
    let checked = events::check_update(
        &state.db,
        &me.staff.principal,
        &slug,
        change.clone(),
        &clear,
        now,
    )
    .await;
    let checked = match checked {
        _ if errors.is_empty() => checked,
        Ok(_) => Err(AppError::Validation(errors)),
        Err(AppError::Validation(more)) => {
            errors.take::<()>(Err(more));
            Err(AppError::Validation(errors))
        }
        Err(other) => Err(other),
    };
    let material = match checked {
        Ok(material) => material,
        Err(AppError::Validation(errors)) => {
            return render_again(
                &state,
                &lang,
                &me,
                &e,
                csrf,
                kept,
                event_form_messages(&errors, l),
                None,
                422,
            )
            .await;
        }
        Err(err) => return Err(err),
    };
    // A new time, place or way to join reaches every registrant: ask first (the service
    // mails exactly the changes it calls material).
    let counts = backoffice::counts(&state.db, &e.listing.event).await?;
    let registrants = counts.confirmed_seats + counts.waitlisted;
    if material
        && registrants > 0
        && e.listing.event.status == crate::domain::EventStatus::Published
        && !form.flag("confirm_notify")
    {
        return render_again(
            &state,
            &lang,
            &me,
            &e,
            csrf,
            kept,
            FieldMessages::default(),
            Some(registrants),
            200,
        )
        .await;
    }
    match events::update(&state.db, &me.staff.principal, &slug, change, &clear, now).await {
        Ok(updated) => Ok(private(
            Redirect::see_other(format!("/admin/events/{}?saved=1", updated.event.spec.slug))
                .into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            render_again(
                &state,
                &lang,
                &me,
                &e,
                csrf,
                kept,
                event_form_messages(&errors, l),
                None,
                422,
            )
            .await
        }
        Err(err) => Err(err),
    }
}

#[allow(clippy::too_many_arguments)]
async fn render_again(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    e: &StaffEvent,
    csrf: &CsrfToken,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    needs_confirmation: Option<u64>,
    status: u16,
) -> Result<Response, AppError> {
    let view = EditView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event: summary(state, e, lang).await?,
        choices: EventChoices::of(&values, lang.lang),
        values,
        errors,
        needs_confirmation,
    };
    let resp = state.pages.render("admin/edit.html", lang, view)?;
    let status = poem::http::StatusCode::from_u16(status).unwrap_or(poem::http::StatusCode::OK);
    Ok(private(resp.with_status(status).into_response()))
}

/// Publish, or cancel (with a ticked box: every registrant is told).
#[handler]
pub async fn event_status(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, action)): Path<(String, String)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    editable(&state, &me, &slug).await?;
    let who = &me.staff.principal;
    let now = Utc::now();
    match action.as_str() {
        "publish" => {
            events::publish(&state.db, who, &slug, now).await?;
        }
        "cancel" => {
            if !form.flag("confirm") {
                return Err(
                    crate::domain::ValidationErrors::single("confirm", "confirm_required").into(),
                );
            }
            events::cancel(&state.db, who, &slug, now).await?;
        }
        _ => return Err(AppError::NotFound),
    }
    Ok(private(
        Redirect::see_other(format!("/admin/events/{slug}?saved=1")).into_response(),
    ))
}

/// `/admin/events/{slug}/preview`: the public page as it will look, drafts included.
#[handler]
pub async fn preview(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = editable(&state, &me, &slug).await?;
    let page = super::super::catalogue::render_event(
        &state,
        &lang,
        &e.listing,
        &crate::services::sessions::of_event(&state.db, e.listing.event.id).await?,
        Vec::new(),
        true,
        None,
        None,
    )?;
    Ok(private(page))
}
