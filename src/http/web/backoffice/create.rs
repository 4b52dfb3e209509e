//! `/admin/events/new`: an organizer creates an event as a draft: the fields fixed once it
//! exists (URL name, area, kind, format), then the same fields as the edit form.
use super::edit::{FORM_FIELDS, read_input, typed, values_of};
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
    areas: Vec<Choice>,
    kinds: Vec<Choice>,
    formats: Vec<Choice>,
}

const NEW_FIELDS: [&str; 4] = ["slug", "programme_area", "kind", "format"];

fn new_view(
    me: &SignedIn,
    lang: &PageLang,
    csrf: &CsrfToken,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
) -> NewView {
    use crate::domain::{EventFormat, EventKind, ProgrammeArea};
    let l = lang.lang;
    let chosen = |field: &str| values.get(field).map(String::as_str).unwrap_or_default();
    NewView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        areas: choices(
            ProgrammeArea::ALL,
            chosen("programme_area").parse().ok(),
            |a| a.code().to_owned(),
            |a| l.label(a),
        ),
        kinds: choices(
            EventKind::ALL,
            chosen("kind").parse().ok(),
            |k| k.code().to_owned(),
            |k| l.label(k),
        ),
        formats: choices(
            EventFormat::ALL,
            chosen("format").parse().ok(),
            |f| f.code().to_owned(),
            |f| l.label(f),
        ),
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
    values.insert("reminder_days".into(), "3,1".into());
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
    input.programme_area = form.get("programme_area").and_then(|v| v.parse().ok());
    input.kind = form.get("kind").and_then(|v| v.parse().ok());
    input.format = form.get("format").and_then(|v| v.parse().ok());
    input.languages = Some(vec![
        crate::domain::Language::Ja,
        crate::domain::Language::En,
    ]);
    let values = typed(&form, FORM_FIELDS.into_iter().chain(NEW_FIELDS));
    let result = if errors.is_empty() {
        events::create(&state.db, &me.staff.principal, input, Utc::now()).await
    } else {
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
