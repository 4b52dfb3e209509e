//! `/admin/events/{slug}/declarations`: the declarations of a declaration scheme, for those who
//! may read the roster; its organizers approve each, or return it with a note. Approved ones
//! are counted by the fiscal year of approval.
use super::*;
use crate::domain::{DeclarationState, Shape};
use crate::services::declarations;

#[derive(Serialize)]
struct DeclaredView {
    registration_id: i64,
    company: String,
    commitments: String,
    statement: String,
    listed: bool,
    state: String,
    /// The decisions that apply now: no "approve" on an approved declaration.
    can_approve: bool,
    can_return: bool,
    reviewed: Option<String>,
    note: Option<String>,
}

#[derive(Serialize)]
struct YearCount {
    year: String,
    count: u64,
}

#[derive(Serialize)]
struct DeclarationsView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    manage: bool,
    export: bool,
    rows: Vec<DeclaredView>,
    by_year: Vec<YearCount>,
    errors: FieldMessages,
}

async fn render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    csrf: &CsrfToken,
    errors: FieldMessages,
) -> Result<Response, AppError> {
    let e = staff_event_with(state, me, slug, Shape::Declaration).await?;
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let declared = declarations::of_event(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::View,
        declared.len() as u64,
        "declarations",
        Utc::now(),
    )
    .await?;
    let by_year = declarations::approved_by_fiscal_year(&declared)
        .into_iter()
        .map(|(fy, count)| YearCount {
            year: crate::i18n::dates::fiscal_year(l, fy),
            count,
        })
        .collect();
    let rows = declared
        .into_iter()
        .map(|d| DeclaredView {
            registration_id: d.registration_id,
            company: d.company.unwrap_or_default(),
            commitments: crate::i18n::words::commitments(l, &d.record.declaration),
            statement: d.record.declaration.statement.clone(),
            listed: d.record.declaration.listed,
            state: l.label(d.record.state),
            can_approve: d.record.state.can_become(DeclarationState::Approved),
            can_return: d.record.state.can_become(DeclarationState::Returned),
            reviewed: d
                .record
                .reviewed_at
                .map(|t| crate::i18n::dates::date_time(l, t)),
            note: d.record.note,
        })
        .collect();
    let failed = !errors.list.is_empty();
    let view = DeclarationsView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event: summary(state, &e, lang).await?,
        manage: e.access.manage,
        export: e.access.export,
        rows,
        by_year,
        errors,
    };
    let resp = state.pages.render("admin/declarations.html", lang, view)?;
    Ok(form_page(resp, failed))
}

#[handler]
pub async fn declarations_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    render(&state, &lang, &me, &slug, csrf, FieldMessages::default()).await
}

/// `POST /admin/events/{slug}/declarations/{id}/{approve|return}`.
#[handler]
pub async fn review_declaration(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((slug, id, action)): Path<(String, i64, String)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let approve = match action.as_str() {
        "approve" => true,
        "return" => false,
        _ => return Err(AppError::NotFound),
    };
    match declarations::review(
        &state.db,
        &me.staff.principal,
        &slug,
        id,
        approve,
        form.get("note"),
        Utc::now(),
    )
    .await
    {
        Ok(()) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}/declarations")).into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(&state, &lang, &me, &slug, csrf, errors).await
        }
        Err(e) => Err(e),
    }
}

/// Every declaration, for Excel (BOM, formula-safe). Audited as an export.
#[handler]
pub async fn declarations_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::Declaration).await?;
    let l = lang.lang;
    let declared = declarations::of_event(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::Export,
        declared.len() as u64,
        "declarations.csv",
        Utc::now(),
    )
    .await?;
    let ids: Vec<i64> = declared.iter().map(|d| d.registration_id).collect();
    let registrants =
        super::export::RegistrantColumns::of(&state, e.listing.event.id, &ids, true, true).await?;
    let mut header = super::export::header_row(
        l,
        &[
            "col-registration-id",
            "col-company",
            "col-commitments",
            "col-statement",
            "col-review",
            "col-reviewed-at",
            "col-listed",
        ],
    );
    header.extend(registrants.header(l));
    let mut rows = vec![header];
    let mut phones = super::cells::Phones::default();
    for d in declared {
        let mut row = vec![
            d.registration_id.to_string(),
            d.company.unwrap_or_default(),
            crate::i18n::words::commitments(l, &d.record.declaration),
            d.record.declaration.statement.clone(),
            l.label(d.record.state),
            d.record
                .reviewed_at
                .map(|t| crate::i18n::dates::date_time(l, t))
                .unwrap_or_default(),
            l.t(if d.record.declaration.listed {
                "export-yes"
            } else {
                "export-no"
            }),
        ];
        row.extend(registrants.cells(d.registration_id, l, &mut phones));
        rows.push(row);
    }
    Ok(super::report::csv_response(
        super::export::csv_lines(&rows),
        &format!("declarations-{slug}.csv"),
    ))
}
