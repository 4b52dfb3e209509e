//! `/admin/events/{slug}/exhibitors`: a job fair's booth applications, for those who may read
//! the roster; its organizers set the number of booths and approve or decline each. Students
//! are in the roster as usual.
use super::*;
use crate::domain::{BoothState, Shape};
use crate::services::job_fairs;

#[derive(Serialize)]
struct ExhibitorView {
    registration_id: i64,
    company: String,
    positions: String,
    languages: String,
    staff: u32,
    visa_support: bool,
    hiring_fields: String,
    state: String,
    /// The decisions that apply now: no "approve" on an approved booth.
    can_approve: bool,
    can_decline: bool,
    interested: u64,
}

#[derive(Serialize)]
struct ExhibitorsView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    manage: bool,
    export: bool,
    capacity: String,
    approved: usize,
    rows: Vec<ExhibitorView>,
}

#[handler]
pub async fn exhibitors_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::Booth).await?;
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let list = job_fairs::exhibitors(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::View,
        list.len() as u64,
        "exhibitors",
        Utc::now(),
    )
    .await?;
    let rows: Vec<ExhibitorView> = list
        .into_iter()
        .map(|r| {
            let p = &r.booth.exhibitor.profile;
            ExhibitorView {
                registration_id: r.booth.registration_id,
                positions: p.positions.clone(),
                languages: crate::i18n::words::booth_languages(l, p),
                staff: p.staff_count,
                visa_support: p.visa_support,
                hiring_fields: p.hiring_fields.clone().unwrap_or_default(),
                state: l.label(r.booth.exhibitor.state),
                can_approve: r.booth.exhibitor.state.can_become(BoothState::Approved),
                can_decline: r.booth.exhibitor.state.can_become(BoothState::Declined),
                interested: r.interested,
                company: r.booth.company,
            }
        })
        .collect();
    let view = ExhibitorsView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        manage: e.access.manage,
        export: e.access.export,
        capacity: job_fairs::capacity(&state.db, e.listing.event.id)
            .await?
            .map(|c| c.to_string())
            .unwrap_or_default(),
        approved: rows
            .iter()
            .filter(|r| r.state == l.label(BoothState::Approved))
            .count(),
        rows,
    };
    Ok(private(state.pages.render(
        "admin/exhibitors.html",
        &lang,
        view,
    )?))
}

/// `POST /admin/events/{slug}/exhibitors/{id}/{approve|decline}`, or `…/capacity` with the
/// number of booths.
#[handler]
pub async fn exhibitor_action(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, action)): Path<(String, String)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let who = &me.staff.principal;
    match action.as_str() {
        "capacity" => {
            let capacity =
                match form.get("capacity").map(str::trim) {
                    None | Some("") => None,
                    Some(v) => Some(v.parse::<u32>().ok().filter(|n| *n <= 1000).ok_or_else(
                        || {
                            crate::domain::ValidationErrors::single_with(
                                "capacity",
                                "out_of_range",
                                crate::error_args![("min", 0), ("max", 1000)],
                            )
                        },
                    )?),
                };
            job_fairs::set_capacity(&state.db, who, &slug, capacity).await?;
        }
        "approve" | "decline" => {
            let id = form
                .get("id")
                .and_then(|i| i.parse::<i64>().ok())
                .ok_or(AppError::NotFound)?;
            job_fairs::decide(&state.db, who, &slug, id, action == "approve", Utc::now()).await?;
        }
        _ => return Err(AppError::NotFound),
    }
    Ok(private(
        Redirect::see_other(format!("/admin/events/{slug}/exhibitors")).into_response(),
    ))
}

/// Every booth application with its students' interest, for Excel (BOM, formula-safe).
/// Audited as an export.
#[handler]
pub async fn exhibitors_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::Booth).await?;
    let l = lang.lang;
    let list = job_fairs::exhibitors(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::Export,
        list.len() as u64,
        "exhibitors.csv",
        Utc::now(),
    )
    .await?;
    let ids: Vec<i64> = list.iter().map(|r| r.booth.registration_id).collect();
    let registrants =
        super::export::RegistrantColumns::of(&state, e.listing.event.id, &ids, true, false).await?;
    let mut header = super::export::header_row(
        l,
        &[
            "col-registration-id",
            "col-company",
            "col-positions",
            "col-languages",
            "col-booth-staff",
            "col-visa-support",
            "col-fields",
            "col-review",
            "col-students-interested",
        ],
    );
    header.extend(registrants.header(l));
    let mut rows = vec![header];
    let mut phones = super::cells::Phones::default();
    for r in list {
        let p = &r.booth.exhibitor.profile;
        let mut row = vec![
            r.booth.registration_id.to_string(),
            r.booth.company.clone(),
            p.positions.clone(),
            crate::i18n::words::booth_languages(l, p),
            p.staff_count.to_string(),
            l.t(if p.visa_support {
                "export-has"
            } else {
                "export-has-not"
            }),
            p.hiring_fields.clone().unwrap_or_default(),
            l.label(r.booth.exhibitor.state),
            r.interested.to_string(),
        ];
        row.extend(registrants.cells(r.booth.registration_id, l, &mut phones));
        rows.push(row);
    }
    Ok(super::report::csv_response(
        super::export::csv_lines(&rows),
        &format!("exhibitors-{slug}.csv"),
    ))
}
