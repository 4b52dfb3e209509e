//! `/admin/events/{slug}/internships`: an internship programme's offers and the applications
//! to each, with the counts, for those who may read the roster; its organizers accept or
//! decline applications as the host company would (within the offer's places).
use super::*;
use crate::domain::{ApplicationState, Shape};
use crate::services::internships;

#[derive(Serialize)]
struct OfferView {
    registration_id: i64,
    company: String,
    period: String,
    tasks: String,
    details: String,
    state: String,
    applications: Vec<ApplicationView>,
}

#[derive(Serialize)]
struct ApplicationView {
    registration_id: i64,
    name: String,
    affiliation: String,
    profile: String,
    motivation: String,
    state: String,
    can_accept: bool,
    can_decline: bool,
}

#[derive(Serialize)]
struct InternshipsView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    manage: bool,
    export: bool,
    counts: String,
    offers: Vec<OfferView>,
}

#[handler]
pub async fn internships_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::InternshipOffer).await?;
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let event_id = e.listing.event.id;
    let offers = internships::offers(&state.db, event_id).await?;
    let applications = internships::applications(&state.db, event_id, None).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::View,
        (offers.len() + applications.len()) as u64,
        "internships",
        Utc::now(),
    )
    .await?;
    let c = internships::counts(&state.db, event_id).await?;
    let view = InternshipsView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        manage: e.access.manage,
        export: e.access.export,
        counts: l.t_args(
            "a-internship-counts",
            &crate::fluent_args![
                ("offers", c.offers),
                ("places", c.places),
                ("applications", c.applications),
                ("matches", c.matches),
            ],
        ),
        offers: offers
            .iter()
            .map(|o| OfferView {
                registration_id: o.registration_id,
                company: o.company.clone(),
                period: crate::i18n::words::internship_period(l, o.offer.from, o.offer.to),
                tasks: o.offer.tasks.clone(),
                details: crate::i18n::words::internship_offer_details(l, o),
                state: l.label(o.state),
                applications: applications
                    .iter()
                    .filter(|a| a.application.offer_id == o.registration_id)
                    .map(|a| ApplicationView {
                        registration_id: a.registration.id,
                        name: a.registration.contact.name.clone(),
                        affiliation: a.registration.affiliation.clone().unwrap_or_default(),
                        profile: crate::i18n::words::student_profile(l, &a.application.student),
                        motivation: a.application.motivation.clone(),
                        state: l.label(a.state),
                        can_accept: a.state.can_become(ApplicationState::Accepted),
                        can_decline: a.state.can_become(ApplicationState::Declined),
                    })
                    .collect(),
            })
            .collect(),
    };
    Ok(private(state.pages.render(
        "admin/internships.html",
        &lang,
        view,
    )?))
}

/// `POST /admin/events/{slug}/internships/{accept|decline}` with the application's `id`.
#[handler]
pub async fn internship_action(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, action)): Path<(String, String)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let accept = match action.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::NotFound),
    };
    let id = form
        .get("id")
        .and_then(|i| i.parse::<i64>().ok())
        .ok_or(AppError::NotFound)?;
    internships::decide_as_organizer(
        &state.db,
        &me.staff.principal,
        &slug,
        id,
        accept,
        Utc::now(),
    )
    .await?;
    Ok(private(
        Redirect::see_other(format!("/admin/events/{slug}/internships")).into_response(),
    ))
}

/// Every application with its offer, for Excel (BOM, formula-safe). Audited as an export.
#[handler]
pub async fn internships_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::InternshipOffer).await?;
    if !e.access.export {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let event_id = e.listing.event.id;
    let offers = internships::offers(&state.db, event_id).await?;
    let list = internships::applications(&state.db, event_id, None).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::Export,
        list.len() as u64,
        "internships.csv",
        Utc::now(),
    )
    .await?;
    let mut rows = vec![super::export::header_row(
        l,
        &[
            "col-registration-id",
            "col-internship-offer",
            "col-internship-period",
            "col-internship-tasks",
            "col-internship-student",
            "col-internship-affiliation",
            "col-internship-profile",
            "col-internship-motivation",
            "col-internship-state",
        ],
    )];
    for a in list {
        let offer = offers
            .iter()
            .find(|o| o.registration_id == a.application.offer_id);
        rows.push(vec![
            a.registration.id.to_string(),
            offer.map(|o| o.company.clone()).unwrap_or_default(),
            offer
                .map(|o| crate::i18n::words::internship_period(l, o.offer.from, o.offer.to))
                .unwrap_or_default(),
            offer.map(|o| o.offer.tasks.clone()).unwrap_or_default(),
            a.registration.contact.name.clone(),
            a.registration.affiliation.clone().unwrap_or_default(),
            crate::i18n::words::student_profile(l, &a.application.student),
            a.application.motivation.clone(),
            l.label(a.state),
        ]);
    }
    Ok(super::report::csv_response(
        super::export::csv_lines(&rows),
        &format!("internships-{slug}.csv"),
    ))
}
