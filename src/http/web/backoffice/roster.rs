//! `/admin/events/{slug}/roster`: search, filter and page through an event's attendees.
use super::*;
use crate::domain::{HeardVia, SeatState};
use crate::http::web::catalogue::{Choice, choices};
use crate::store::roster::RosterRow;

/// The roster filters, as the roster page and its export read them from the query string.
#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub struct RosterParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    checked_in: String,
    #[serde(default)]
    via: String,
    /// A session of the event: its confirmed attendees only.
    #[serde(default)]
    session: String,
    #[serde(default)]
    page: Option<u64>,
}

impl RosterParams {
    pub(super) fn query(&self) -> crate::store::roster::RosterQuery {
        crate::store::roster::RosterQuery {
            text: Some(self.q.trim().to_owned()).filter(|t| !t.is_empty()),
            status: self.status.parse().ok(),
            checked_in: match self.checked_in.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            heard_via: if self.via == crate::domain::registration::WALK_IN_CHANNEL {
                Some(self.via.clone())
            } else {
                self.via
                    .parse::<crate::domain::HeardVia>()
                    .ok()
                    .map(|h| h.code().to_owned())
            },
            session_id: self.session.parse().ok(),
        }
    }

    /// The filters as a query string, for paging links and the export link.
    pub(super) fn to_query_string(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &self.q)
            .append_pair("status", &self.status)
            .append_pair("checked_in", &self.checked_in)
            .append_pair("via", &self.via)
            .append_pair("session", &self.session)
            .finish()
    }
}

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
    status: String,
    status_code: &'static str,
    checked_in: Option<String>,
    /// Joined online (first join), in Tokyo time.
    joined_online: Option<String>,
    channel: String,
    registered_at: String,
    /// The first row of its registration, where the registration's actions show.
    first_of_registration: bool,
    /// The answer to the attendance question, on the registration's first row, if asked.
    attendance: Option<String>,
}

pub(super) fn row_view(r: &RosterRow, lang: crate::i18n::Lang) -> RowView {
    RowView {
        attendee_id: r.attendee_id,
        registration_id: r.registration_id,
        name: r.name.clone(),
        kana: r.kana.clone(),
        email: r.email.clone(),
        company: r.company.clone().unwrap_or_default(),
        contact: r.contact_name.clone(),
        status: if r.attendee_status == crate::domain::AttendeeStatus::Cancelled {
            lang.label(crate::domain::AttendeeStatus::Cancelled)
        } else {
            lang.label(r.status)
        },
        status_code: r.status.code(),
        checked_in: r.checked_in_at.map(crate::domain::jst::time),
        joined_online: r.joined_online_at.map(crate::domain::jst::time),
        channel: crate::i18n::words::channel(lang, r.walk_in, r.heard_via.as_deref())
            .unwrap_or_default()
            .to_owned(),
        registered_at: crate::i18n::dates::date_time(lang, r.registered_at),
        first_of_registration: true,
        attendance: None,
    }
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
    /// Organizers' actions on registrations (cancel, move up, resend).
    manage: bool,
    done: Option<String>,
    /// The query string of this page, to come back to after an action.
    back: String,
    statuses: Vec<Choice>,
    channels: Vec<Choice>,
    /// The event's sessions, to filter on; empty when it has none.
    sessions: Vec<Choice>,
}

#[derive(Deserialize)]
pub struct DoneParam {
    done: Option<String>,
}

#[handler]
pub async fn roster_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<RosterParams>,
    Query(done): Query<DoneParam>,
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
    let answers = crate::services::attendance::answers(&state.db, e.listing.event.id).await?;
    let view = RosterView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut v = row_view(r, lang.lang);
                v.first_of_registration =
                    i == 0 || rows[i - 1].registration_id != r.registration_id;
                v.attendance = answers
                    .get(&r.registration_id)
                    .filter(|_| v.first_of_registration)
                    .map(|a| lang.lang.t(a.map_or("confirm-answer-none", |a| a.label())));
                v
            })
            .collect(),
        total,
        page,
        pages,
        prev_url: (page > 1).then(|| format!("{base}&page={}", page - 1)),
        next_url: (page < pages).then(|| format!("{base}&page={}", page + 1)),
        manage: e.access.manage,
        done: done
            .done
            .filter(|d| ["cancelled", "promoted", "resent"].contains(&d.as_str())),
        back: format!("{}&page={page}", params.to_query_string()),
        export_url: e.access.export.then(|| {
            format!(
                "/admin/events/{slug}/roster.csv?{}",
                params.to_query_string()
            )
        }),
        // The roster lists people; a duplicate names no one who is not on it already.
        statuses: choices(
            &[
                SeatState::Confirmed,
                SeatState::Waitlisted,
                SeatState::Cancelled,
            ],
            params.status.parse().ok(),
            |s| s.code().to_owned(),
            |s| lang.lang.label(s),
        ),
        sessions: crate::services::sessions::of_event(&state.db, e.listing.event.id)
            .await?
            .iter()
            .map(|s| Choice {
                value: s.id.to_string(),
                label: format!(
                    "{} {}",
                    crate::domain::jst::time(s.spec.starts_at),
                    s.spec.title.get(lang.lang.content())
                ),
                selected: params.session == s.id.to_string(),
            })
            .collect(),
        channels: {
            let mut c = choices(
                HeardVia::ALL,
                params.via.parse().ok(),
                |h| h.code().to_owned(),
                |h| lang.lang.label(h),
            );
            let code = crate::domain::registration::WALK_IN_CHANNEL;
            c.push(Choice {
                value: code.to_owned(),
                label: crate::i18n::words::channel(lang.lang, true, None)
                    .unwrap_or_default()
                    .to_owned(),
                selected: params.via == code,
            });
            c
        },
        params,
    };
    Ok(private(state.pages.render(
        "admin/roster.html",
        &lang,
        view,
    )?))
}

/// `POST /admin/events/{slug}/registrations/{id}/{cancel|promote|resend|move}` from the
/// roster or the registration's page.
#[handler]
pub async fn registration_action(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((slug, id, action)): Path<(String, i64, String)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    use crate::services::registrations;
    let form = read_checked_form(body, verifier).await?;
    if action == "move" {
        let to = form.get("to").unwrap_or_default();
        return super::detail::move_registration(&state, &lang, &me, &slug, id, csrf, to).await;
    }
    let who = &me.staff.principal;
    let now = Utc::now();
    let done = match action.as_str() {
        "cancel" => {
            // No JavaScript confirm(): the form carries a box to tick.
            if !form.flag("confirm") {
                return Err(
                    crate::domain::ValidationErrors::single("confirm", "confirm_required").into(),
                );
            }
            registrations::cancel_by_organizer(&state.db, who, &slug, id, now).await?;
            "cancelled"
        }
        "promote" => {
            registrations::promote_by_organizer(&state.db, who, &slug, id, now).await?;
            "promoted"
        }
        "resend" => {
            registrations::resend(&state.db, who, &slug, id, now).await?;
            "resent"
        }
        _ => return Err(AppError::NotFound),
    };
    if form.get("from") == Some("detail") {
        return Ok(private(
            Redirect::see_other(format!(
                "/admin/events/{slug}/registrations/{id}?done={done}"
            ))
            .into_response(),
        ));
    }
    let back = form.get("back").unwrap_or_default();
    Ok(private(
        Redirect::see_other(format!("/admin/events/{slug}/roster?{back}&done={done}"))
            .into_response(),
    ))
}
