//! `/admin/events/{slug}/sheet`: the printable sign-in sheet for the door: confirmed
//! attendees by company, with a column to tick or sign. Audited like the roster.
use super::roster::{RowView, row_view};
use super::*;
use crate::domain::SeatState;
use crate::store::roster::RosterQuery;

#[derive(Serialize)]
struct SheetView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    venue: String,
    rows: Vec<RowView>,
}

#[handler]
pub async fn sign_in_sheet(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let q = RosterQuery {
        status: Some(SeatState::Confirmed),
        ..Default::default()
    };
    let mut rows = backoffice::sheet(&state.db, &me.staff.principal, &e, &q, Utc::now()).await?;
    rows.retain(|r| r.attendee_status == crate::domain::AttendeeStatus::Active);
    rows.sort_by(|a, b| {
        (a.company_kana.as_deref(), &a.kana).cmp(&(b.company_kana.as_deref(), &b.kana))
    });
    let view = SheetView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        venue: crate::i18n::words::venue_line(lang.lang, &e.listing.event.spec),
        event: summary(&state, &e, &lang).await?,
        rows: rows.iter().map(|r| row_view(r, lang.lang)).collect(),
    };
    Ok(private(state.pages.render(
        "admin/sheet.html",
        &lang,
        view,
    )?))
}
