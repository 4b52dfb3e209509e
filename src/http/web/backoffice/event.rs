//! `/admin/events/{slug}`: an event's counts, what the staff member may open, and for its
//! organizers the announcement form.
use super::*;

#[derive(Serialize)]
struct EventView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    manage: bool,
    /// Messages queued by the announcement just sent.
    announced: Option<u32>,
    saved: bool,
    /// What the event's shapes need: seat counts, the door, the sign-in sheet and sessions
    /// for seats; the exhibitors, campaign or declarations page for the others.
    shapes: ShapeLinks,
    /// The announcement form as typed, when it comes back with errors.
    kept: std::collections::BTreeMap<String, String>,
    errors: FieldMessages,
}

#[derive(Deserialize)]
pub struct EventParams {
    announced: Option<u32>,
    saved: Option<u8>,
}

/// Which of the back-office's pages an event's shapes have.
#[derive(Serialize)]
struct ShapeLinks {
    seats: bool,
    booths: bool,
    campaign_entries: bool,
    declarations: bool,
    certification: bool,
    /// An expert dispatch programme: its requests, and the visits it allows per company.
    dispatch: Option<u32>,
    internships: bool,
}

impl ShapeLinks {
    fn of(event: &crate::domain::Event) -> Self {
        let kind = event.spec.kind;
        use crate::domain::Shape;
        let shapes = Shape::all_of(kind);
        ShapeLinks {
            seats: shapes.iter().any(|s| s.takes_seats()),
            booths: shapes.contains(&Shape::Booth),
            campaign_entries: shapes.contains(&Shape::CampaignEntry),
            declarations: shapes.contains(&Shape::Declaration),
            certification: shapes.contains(&Shape::CertificationApplication),
            dispatch: shapes
                .contains(&Shape::DispatchRequest)
                .then(|| crate::services::dispatch::allowed(event)),
            internships: shapes.contains(&Shape::InternshipOffer),
        }
    }
}

#[handler]
pub async fn event_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<EventParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let view = EventView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        manage: e.access.manage,
        event: summary(&state, &e, &lang).await?,
        announced: params.announced,
        saved: params.saved.is_some(),
        shapes: ShapeLinks::of(&e.listing.event),
        kept: Default::default(),
        errors: FieldMessages::default(),
    };
    Ok(private(state.pages.render(
        "admin/event.html",
        &lang,
        view,
    )?))
}

/// Sends an announcement to the event's registrants from the event page.
#[handler]
pub async fn announce(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let e = staff_event(&state, &me, &slug).await?;
    if !e.access.manage {
        return Err(AppError::Forbidden);
    }
    let input = crate::domain::announcement::AnnouncementInput {
        subject_ja: form.text("subject_ja"),
        body_ja: form.text("body_ja"),
        subject_en: form.text("subject_en"),
        body_en: form.text("body_en"),
        include_waitlisted: Some(form.flag("include_waitlisted")),
    };
    let result = crate::services::announcements::announce(
        &state.db,
        &me.staff.principal,
        &slug,
        input,
        Utc::now(),
    )
    .await;
    match result {
        Ok(a) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}?announced={}", a.recipients))
                .into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let kept = [
                "subject_ja",
                "body_ja",
                "subject_en",
                "body_en",
                "include_waitlisted",
            ]
            .iter()
            .filter_map(|k| form.get(k).map(|v| ((*k).to_owned(), v.to_owned())))
            .collect();
            let view = EventView {
                me: header(&me.staff, &lang),
                csrf_token: csrf.0.clone(),
                manage: true,
                event: summary(&state, &e, &lang).await?,
                announced: None,
                saved: false,
                shapes: ShapeLinks::of(&e.listing.event),
                kept,
                errors: messages(&errors, lang.lang),
            };
            let resp = state.pages.render("admin/event.html", &lang, view)?;
            Ok(private(
                resp.with_status(poem::http::StatusCode::UNPROCESSABLE_ENTITY)
                    .into_response(),
            ))
        }
        Err(e) => Err(e),
    }
}
