//! `/admin/events/new`: an organizer creates an event as a draft: the fields fixed once it
//! exists (URL name, area, kind, format), then the same fields as the edit form.
use super::edit::{EventChoices, FORM_FIELDS, read_input, typed, values_of};
use super::*;
use crate::domain::EventInput;
use crate::http::web::catalogue::{Choice, choices};
use crate::services::events;
use std::collections::BTreeMap;

/// A new event: the fields that are fixed once it exists, then the same form as editing.
#[derive(Serialize)]
struct NewView {
    me: Header,
    csrf_token: String,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    kinds: Vec<Choice>,
    choices: EventChoices,
}

/// The fields only a new event has: its URL name and kind are fixed once it exists.
const NEW_FIELDS: [&str; 2] = ["slug", "kind"];

fn new_view(
    me: &SignedIn,
    lang: &PageLang,
    csrf: &CsrfToken,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
) -> NewView {
    use crate::domain::EventKind;
    let l = lang.lang;
    let chosen = |field: &str| values.get(field).map(String::as_str).unwrap_or_default();
    NewView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        kinds: choices(
            EventKind::ALL,
            chosen("kind").parse().ok(),
            |k| k.code().to_owned(),
            |k| l.label(k),
        ),
        choices: EventChoices::of(&values, l),
        values,
        errors,
    }
}

#[handler]
pub async fn new_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    if !me.staff.principal.role.manages_events() {
        return Err(AppError::Forbidden);
    }
    let mut values = values_of(&EventInput::default());
    values.insert("waitlist_enabled".into(), "on".into());
    values.insert("attendee_copies".into(), "on".into());
    values.insert("reminder_days".into(), "3,1".into());
    for l in crate::domain::Language::ALL {
        values.insert(format!("languages.{}", l.code()), "on".into());
    }
    for f in NEW_FIELDS {
        values.insert(f.into(), String::new());
    }
    let view = new_view(&me, &lang, csrf, values, FieldMessages::default());
    Ok(private(state.pages.render(
        "admin/new.html",
        &lang,
        view,
    )?))
}

#[handler]
pub async fn new_save(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    if !me.staff.principal.role.manages_events() {
        return Err(AppError::Forbidden);
    }
    let mut errors = crate::domain::ValidationErrors::new();
    let (mut input, _) = read_input(&form, &mut errors);
    input.slug = form.text("slug");
    input.kind = form.get("kind").and_then(|v| v.parse().ok());
    // A form without the language boxes (from before they existed) made bilingual events.
    if input.languages.is_none() {
        input.languages = Some(crate::domain::Language::ALL.to_vec());
    }
    // Left to the kind: a job fair's visitors are students, who register as themselves (its
    // companies apply for booths through their own form); everyone else registers a company.
    if input.audience.is_none() {
        input.audience = Some(match input.kind {
            Some(crate::domain::EventKind::JobFair) => crate::domain::Audience::Individuals,
            _ => crate::domain::Audience::Companies,
        });
    }
    let values = typed(&form, FORM_FIELDS.into_iter().chain(NEW_FIELDS));
    let result = if errors.is_empty() {
        events::create(&state.db, &me.staff.principal, input, Utc::now()).await
    } else {
        // What the form could not read, and every other problem of the event with it, at once.
        errors.take(crate::domain::EventSpec::parse(input, Utc::now()));
        Err(errors.into())
    };
    match result {
        Ok(created) => Ok(private(
            Redirect::see_other(format!("/admin/events/{}?saved=1", created.event.spec.slug))
                .into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let view = new_view(
                &me,
                &lang,
                csrf,
                values,
                event_form_messages(&errors, lang.lang),
            );
            let resp = state.pages.render("admin/new.html", &lang, view)?;
            Ok(private(
                resp.with_status(poem::http::StatusCode::UNPROCESSABLE_ENTITY)
                    .into_response(),
            ))
        }
        Err(e) => Err(e),
    }
}
