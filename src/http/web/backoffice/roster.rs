//! `/admin/events/{slug}/roster`: search, filter and page through an event's attendees.
use super::*;
use crate::domain::{HeardVia, RegistrationStatus};
use crate::store::roster::RosterRow;

const PER_PAGE: u64 = 50;

#[derive(Serialize)]
pub(super) struct RowView {
    attendee_id: i64,
    registration_id: i64,
    name: String,
    kana: String,
    email: String,
    company: String,
    contact: String,
    status: &'static str,
    status_code: &'static str,
    checked_in: Option<String>,
    channel: String,
    registered_at: String,
}

pub(super) fn row_view(r: &RosterRow, lang: crate::domain::Lang) -> RowView {
    RowView {
        attendee_id: r.attendee_id,
        registration_id: r.registration_id,
        name: r.name.clone(),
        kana: r.kana.clone(),
        email: r.email.clone(),
        company: r.company.clone().unwrap_or_default(),
        contact: r.contact_name.clone(),
        status: if r.attendee_status == crate::domain::AttendeeStatus::Cancelled {
            crate::domain::AttendeeStatus::Cancelled.label(lang)
        } else {
            r.status.label(lang)
        },
        status_code: r.status.code(),
        checked_in: r.checked_in_at.map(crate::domain::jst::time),
        channel: r
            .heard_via
            .as_deref()
            .and_then(|h| h.parse::<HeardVia>().ok())
            .map(|h| h.label(lang).to_owned())
            .unwrap_or_default(),
        registered_at: crate::domain::jst::date_time(r.registered_at, lang),
    }
}

#[derive(Serialize)]
struct Choice {
    code: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct RosterView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    params: RosterParams,
    rows: Vec<RowView>,
    total: u64,
    page: u64,
    pages: u64,
    prev_url: Option<String>,
    next_url: Option<String>,
    export_url: Option<String>,
    statuses: Vec<Choice>,
    channels: Vec<Choice>,
}

#[handler]
pub async fn roster_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<RosterParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let page = params.page.unwrap_or(1).max(1);
    let (rows, total) = backoffice::roster(
        &state.db,
        &me.staff.principal,
        &e,
        &params.query(),
        page,
        PER_PAGE,
        Utc::now(),
    )
    .await?;
    let pages = total.div_ceil(PER_PAGE).max(1);
    let base = format!("/admin/events/{slug}/roster?{}", params.to_query_string());
    let view = RosterView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        rows: rows.iter().map(|r| row_view(r, lang.lang)).collect(),
        total,
        page,
        pages,
        prev_url: (page > 1).then(|| format!("{base}&page={}", page - 1)),
        next_url: (page < pages).then(|| format!("{base}&page={}", page + 1)),
        export_url: e.access.export.then(|| {
            format!(
                "/admin/events/{slug}/roster.csv?{}",
                params.to_query_string()
            )
        }),
        statuses: RegistrationStatus::ALL
            .iter()
            .map(|s| Choice {
                code: s.code(),
                label: s.label(lang.lang),
            })
            .collect(),
        channels: HeardVia::ALL
            .iter()
            .map(|h| Choice {
                code: h.code(),
                label: h.label(lang.lang),
            })
            .collect(),
        params,
    };
    Ok(private(state.pages.render(
        "admin/roster.html",
        &lang,
        view,
    )?))
}
