//! `/admin/events/{slug}/certification`: a certification call's review. Its organizers set
//! the categories (one per line, `code / Japanese name / English name`) and the validity; reviewers (staff
//! of the organizer who may read the roster) open the documents and score each application;
//! organizers decide per category. Reading the page and every document is audited.
use super::*;
use crate::domain::{CallInput, CategoryInput, Shape};
use crate::services::certification;

#[derive(Serialize)]
struct ChoiceView {
    code: String,
    name: String,
    decision: String,
    certified: bool,
}

#[derive(Serialize)]
struct ScoreView {
    by: String,
    score: u8,
    comment: Option<String>,
    mine: bool,
}

#[derive(Serialize)]
struct ApplicationView {
    registration_id: i64,
    company: String,
    state: String,
    choices: Vec<ChoiceView>,
    measures: String,
    documents: Vec<crate::http::web::registration::DocumentView>,
    scores: Vec<ScoreView>,
    average: Option<String>,
    decided: Option<String>,
    decidable: bool,
}

#[derive(Serialize)]
struct LogView {
    at: String,
    registration_id: i64,
    document_id: i64,
    action: String,
    by: String,
}

#[derive(Serialize)]
struct CertificationView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    manage: bool,
    review: bool,
    export: bool,
    /// The call as set, or as typed when it comes back with errors.
    categories_text: String,
    valid_from: String,
    valid_until: String,
    has_call: bool,
    applications: Vec<ApplicationView>,
    log: Vec<LogView>,
    errors: FieldMessages,
}

/// The categories as the form's text shows them: `code / Japanese / English`, one a line.
fn categories_text(call: &crate::domain::Call) -> String {
    call.categories
        .iter()
        .map(|c| format!("{} / {} / {}", c.code, c.name.ja, c.name.en))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the form's lines into categories; a line with fewer than three parts leaves the
/// missing names empty, which the call's check names.
fn parse_categories(text: &str) -> Vec<CategoryInput> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut parts = line.splitn(3, '/').map(|p| p.trim().to_owned());
            CategoryInput {
                code: parts.next(),
                name_ja: parts.next(),
                name_en: parts.next(),
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    csrf: &CsrfToken,
    typed: Option<(String, String, String)>,
    errors: FieldMessages,
) -> Result<Response, AppError> {
    let e = staff_event_with(state, me, slug, Shape::CertificationApplication).await?;
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let event_id = e.listing.event.id;
    let call = certification::call_of(&state.db, &e.listing).await?;
    let applications = certification::applications(&state.db, event_id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::View,
        applications.len() as u64,
        "certification",
        Utc::now(),
    )
    .await?;
    let own = e.listing.event.organizer_id == me.staff.principal.organization_id;
    let names = certification::staff_names(&state.db, me.staff.principal.organization_id).await?;
    let name_of = |id: i64| names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"));
    let category_name = |code: &str| {
        call.as_ref()
            .and_then(|c| c.category(code))
            .map_or_else(|| code.to_owned(), |c| c.name.get(l.content()).to_owned())
    };
    let rows = applications
        .into_iter()
        .map(|r| {
            let a = &r.applied;
            let total: u32 = r.scores.iter().map(|s| u32::from(s.score.value)).sum();
            ApplicationView {
                registration_id: a.registration_id,
                company: a.company.clone().unwrap_or_default(),
                state: l.label(a.state),
                choices: a
                    .record
                    .choices
                    .iter()
                    .map(|c| ChoiceView {
                        code: c.code.clone(),
                        name: category_name(&c.code),
                        decision: l.t(match c.certified {
                            None => "cert-choice-pending",
                            Some(true) => "cert-choice-certified",
                            Some(false) => "cert-choice-not-certified",
                        }),
                        certified: c.certified == Some(true),
                    })
                    .collect(),
                measures: a.record.measures.clone(),
                documents: a
                    .record
                    .documents
                    .iter()
                    .map(|d| crate::http::web::registration::document_view(l, d))
                    .collect(),
                average: (!r.scores.is_empty())
                    .then(|| format!("{:.1}", f64::from(total) / r.scores.len() as f64)),
                scores: r
                    .scores
                    .iter()
                    .map(|s| ScoreView {
                        by: name_of(s.reviewer_id),
                        score: s.score.value,
                        comment: s.score.comment.clone(),
                        mine: s.reviewer_id == me.staff.principal.user_id,
                    })
                    .collect(),
                decided: a
                    .record
                    .decided_at
                    .map(|t| crate::i18n::dates::date_time(l, t)),
                decidable: a.state.can_be_decided(),
            }
        })
        .collect();
    let log = certification::document_log(&state.db, event_id)
        .await?
        .into_iter()
        .rev()
        .take(100)
        .map(|x| LogView {
            at: crate::i18n::dates::date_time(l, x.at),
            registration_id: x.registration_id,
            document_id: x.document_id,
            action: l.t(if x.action == "upload" {
                "cert-a-log-upload"
            } else {
                "cert-a-log-download"
            }),
            by: x.user_id.map_or_else(|| l.t("cert-a-by-company"), name_of),
        })
        .collect();
    let (categories_text, valid_from, valid_until) = match (typed, &call) {
        (Some(t), _) => t,
        (None, Some(c)) => (
            categories_text(c),
            c.valid_from.to_string(),
            c.valid_until.to_string(),
        ),
        (None, None) => Default::default(),
    };
    let failed = !errors.list.is_empty();
    let view = CertificationView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event: summary(state, &e, lang).await?,
        manage: e.access.manage && own,
        review: own,
        export: e.access.export,
        categories_text,
        valid_from,
        valid_until,
        has_call: call.is_some(),
        applications: rows,
        log,
        errors,
    };
    let resp = state.pages.render("admin/certification.html", lang, view)?;
    Ok(form_page(resp, failed))
}

#[handler]
pub async fn certification_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    render(
        &state,
        &lang,
        &me,
        &slug,
        csrf,
        None,
        FieldMessages::default(),
    )
    .await
}

/// `POST /admin/events/{slug}/certification/call`: the categories and the validity.
#[handler]
pub async fn certification_call(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let text = form.get("categories").unwrap_or_default().to_owned();
    let from = form.get("valid_from").unwrap_or_default().trim().to_owned();
    let until = form
        .get("valid_until")
        .unwrap_or_default()
        .trim()
        .to_owned();
    let mut errors = crate::domain::ValidationErrors::new();
    let day = |errors: &mut crate::domain::ValidationErrors, field: &str, s: &str| {
        if s.is_empty() {
            return None;
        }
        let parsed = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        if parsed.is_none() {
            errors.add(field, "invalid_date");
        }
        parsed
    };
    let input = CallInput {
        categories: parse_categories(&text),
        valid_from: day(&mut errors, "valid_from", &from),
        valid_until: day(&mut errors, "valid_until", &until),
    };
    let result = if errors.is_empty() {
        certification::set_call(&state.db, &me.staff.principal, &slug, input)
            .await
            .map(|_| ())
    } else {
        Err(errors.into())
    };
    match result {
        Ok(()) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}/certification")).into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(
                &state,
                &lang,
                &me,
                &slug,
                csrf,
                Some((text, from, until)),
                errors,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /admin/events/{slug}/certification/{id}/{score|decide}`.
#[handler]
#[allow(clippy::too_many_arguments)]
pub async fn certification_action(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((slug, id, action)): Path<(String, i64, String)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let now = Utc::now();
    let result = match action.as_str() {
        "score" => {
            let e = staff_event_with(&state, &me, &slug, Shape::CertificationApplication).await?;
            certification::score(
                &state.db,
                &me.staff.principal,
                &e,
                id,
                form.get("score"),
                form.get("comment"),
                now,
            )
            .await
        }
        "decide" => {
            certification::decide(
                &state.db,
                &me.staff.principal,
                &slug,
                id,
                &form
                    .all("certified")
                    .into_iter()
                    .map(str::to_owned)
                    .collect::<Vec<_>>(),
                now,
            )
            .await
        }
        _ => return Err(AppError::NotFound),
    };
    match result {
        Ok(()) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}/certification")).into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(&state, &lang, &me, &slug, csrf, None, errors).await
        }
        Err(e) => Err(e),
    }
}

/// `GET /admin/events/{slug}/certification/{id}/documents/{doc}`: a document for a
/// reviewer. Audited.
#[handler]
pub async fn certification_document(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, id, doc)): Path<(String, i64, i64)>,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::CertificationApplication).await?;
    let doc =
        certification::document_for_staff(&state.db, &me.staff.principal, &e, id, doc, Utc::now())
            .await?;
    Ok(crate::http::web::upload::document_response(doc))
}

/// `GET /admin/events/{slug}/certification.csv`: every application with its decision per
/// category and its scores, for Excel (BOM, formula-safe). Audited as an export.
#[handler]
pub async fn certification_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::CertificationApplication).await?;
    let l = lang.lang.for_backoffice();
    let call = certification::call_of(&state.db, &e.listing).await?;
    let applications = certification::applications(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::Export,
        applications.len() as u64,
        "certification.csv",
        Utc::now(),
    )
    .await?;
    let name = |code: &str| {
        call.as_ref()
            .and_then(|c| c.category(code))
            .map_or_else(|| code.to_owned(), |c| c.name.get(l.content()).to_owned())
    };
    let mut rows = vec![super::export::header_row(
        l,
        &[
            "col-registration-id",
            "col-company",
            "col-corporate-number",
            "cert-col-categories",
            "cert-col-certified",
            "cert-col-measures",
            "cert-col-documents",
            "cert-col-average",
            "col-review",
            "col-reviewed-at",
        ],
    )];
    for r in applications {
        let a = r.applied;
        let total: u32 = r.scores.iter().map(|s| u32::from(s.score.value)).sum();
        rows.push(vec![
            a.registration_id.to_string(),
            a.company.clone().unwrap_or_default(),
            a.corporate_number
                .as_deref()
                .map(super::cells::corporate_number_for_csv)
                .unwrap_or_default(),
            crate::i18n::words::list(l, a.record.choices.iter().map(|c| name(&c.code))),
            crate::i18n::words::list(l, a.record.certified().map(name)),
            a.record.measures.clone(),
            a.record
                .documents
                .iter()
                .map(|d| d.filename.clone())
                .collect::<Vec<_>>()
                .join(" / "),
            if r.scores.is_empty() {
                String::new()
            } else {
                format!("{:.1}", f64::from(total) / r.scores.len() as f64)
            },
            l.label(a.state),
            a.record
                .decided_at
                .map(|t| crate::i18n::dates::date_time(l, t))
                .unwrap_or_default(),
        ]);
    }
    Ok(super::report::csv_response(
        super::export::csv_lines(&rows),
        &format!("certification-{slug}.csv"),
    ))
}
