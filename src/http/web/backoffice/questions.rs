//! `/admin/events/{slug}/questions`: the organizer's own questions on the registration form
//! (free text, single or multiple choice, yes/no). Options are typed one per line, as
//! `Japanese / English`.
use super::*;
use crate::domain::question::QuestionOption;
use crate::domain::{QuestionInput, QuestionKind, registration::MAX_ATTENDEES};
use crate::http::web::catalogue::{Choice, choices};
use crate::services::questions;

#[derive(Serialize)]
struct QuestionView {
    id: i64,
    label: String,
    kind: String,
    required: bool,
    options: Vec<String>,
}

#[derive(Serialize)]
struct QuestionsView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    questions: Vec<QuestionView>,
    kinds: Vec<Choice>,
    values: std::collections::BTreeMap<String, String>,
    errors: FieldMessages,
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    csrf: &CsrfToken,
    values: std::collections::BTreeMap<String, String>,
    errors: FieldMessages,
    status: poem::http::StatusCode,
) -> Result<Response, AppError> {
    let e = staff_event(state, me, slug).await?;
    if !e.access.manage {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let questions = questions::of_event(&state.db, e.listing.event.id)
        .await?
        .into_iter()
        .map(|q| QuestionView {
            id: q.id,
            label: q.spec.label.get(l.content()).to_owned(),
            kind: l.label(q.spec.kind),
            required: q.spec.required,
            options: q
                .spec
                .options
                .iter()
                .map(|o| l.content().pick(&o.label_ja, &o.label_en).to_owned())
                .collect(),
        })
        .collect();
    let view = QuestionsView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event: summary(state, &e, lang).await?,
        questions,
        kinds: choices(
            QuestionKind::ALL,
            values.get("kind").and_then(|k| k.parse().ok()),
            |k| k.code().to_owned(),
            |k| l.label(k),
        ),
        values,
        errors,
    };
    let resp = state.pages.render("admin/questions.html", lang, view)?;
    Ok(private(resp.with_status(status).into_response()))
}

#[handler]
pub async fn questions_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let values = [
        ("kind", ""),
        ("label_ja", ""),
        ("label_en", ""),
        ("options", ""),
        ("required", ""),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    page(
        &state,
        &lang,
        &me,
        &slug,
        csrf,
        values,
        FieldMessages::default(),
        poem::http::StatusCode::OK,
    )
    .await
}

/// One option per line, `Japanese / English` (English may be left out).
fn options(raw: &str) -> Vec<QuestionOption> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(MAX_ATTENDEES)
        .enumerate()
        .map(|(i, line)| {
            let (ja, en) = line.split_once(" / ").unwrap_or((line, line));
            QuestionOption {
                value: format!("o{}", i + 1),
                label_ja: ja.trim().to_owned(),
                label_en: en.trim().to_owned(),
            }
        })
        .collect()
}

#[handler]
pub async fn add_question(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let input = QuestionInput {
        kind: form.get("kind").and_then(|k| k.parse().ok()),
        label_ja: form.text("label_ja"),
        label_en: form.text("label_en"),
        required: form.flag("required"),
        options: options(form.get("options").unwrap_or_default()),
    };
    match questions::add(&state.db, &me.staff.principal, &slug, input).await {
        Ok(_) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}/questions")).into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            // Errors are named `question.…`; the form's fields are the part after the dot. The
            // list above the form names each field as its label does.
            let l = lang.lang.for_backoffice();
            let errors = FieldMessages::new(&errors, lang.lang, &[], &|field| {
                let part = field.split('.').nth(1).unwrap_or_default();
                let id = match part {
                    "kind" => "e-kind",
                    "label_ja" => "a-question-ja",
                    "label_en" => "a-question-en",
                    "options" => "a-options",
                    _ => return None,
                };
                Some(l.t(id))
            });
            let values = ["kind", "label_ja", "label_en", "options", "required"]
                .iter()
                .map(|k| ((*k).to_owned(), form.get(k).unwrap_or_default().to_owned()))
                .collect();
            page(
                &state,
                &lang,
                &me,
                &slug,
                csrf,
                values,
                errors,
                poem::http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[handler]
pub async fn remove_question(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, id)): Path<(String, i64)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    read_checked_form(body, verifier).await?;
    questions::remove(&state.db, &me.staff.principal, &slug, id).await?;
    Ok(private(
        Redirect::see_other(format!("/admin/events/{slug}/questions")).into_response(),
    ))
}
