//! `/admin/events/{slug}/sessions`: the sessions inside an event. An EXPO's talks and
//! workshops (each with its time, room, speaker, language and seats), or a consultation desk's
//! slots (one company each, with its own meeting link if it has one), added one at a time or
//! as a run of back-to-back slots.
use super::*;
use crate::domain::SessionInput;
use crate::services::sessions;
use chrono::Duration;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct SessionRow {
    id: i64,
    when: String,
    title: String,
    room: String,
    speaker: String,
    capacity: String,
    taken: u32,
    waiting: usize,
    exclusive: bool,
    online_url: Option<String>,
}

#[derive(Serialize)]
struct SessionsView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    sessions: Vec<SessionRow>,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
}

const FIELDS: [&str; 13] = [
    "title_ja",
    "title_en",
    "starts_at",
    "ends_at",
    "room_ja",
    "room_en",
    "speaker",
    "language",
    "capacity",
    "online_url",
    "exclusive",
    "count",
    "gap",
];

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    csrf: &CsrfToken,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    status: poem::http::StatusCode,
) -> Result<Response, AppError> {
    let e = staff_event(state, me, slug).await?;
    if !e.access.manage {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let mut rows = Vec::new();
    for s in sessions::of_event(&state.db, e.listing.event.id).await? {
        rows.push(SessionRow {
            id: s.id,
            when: crate::i18n::dates::range(l, s.spec.starts_at, s.spec.ends_at),
            title: s.spec.title.get(l.content()).to_owned(),
            room: s
                .spec
                .room
                .as_ref()
                .map(|r| r.get(l.content()).to_owned())
                .unwrap_or_default(),
            speaker: s.spec.speaker.clone().unwrap_or_default(),
            capacity: match (s.spec.exclusive, s.spec.capacity) {
                (true, _) => l.t("a-one-company"),
                (false, Some(c)) => c.to_string(),
                (false, None) => "–".to_owned(),
            },
            taken: s.seats_taken,
            waiting: crate::store::event_sessions::waitlisted(&state.db, s.id)
                .await?
                .len(),
            exclusive: s.spec.exclusive,
            online_url: s.spec.online_url.clone(),
        });
    }
    let view = SessionsView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event: summary(state, &e, lang).await?,
        sessions: rows,
        values,
        errors,
    };
    let resp = state.pages.render("admin/sessions.html", lang, view)?;
    Ok(private(resp.with_status(status).into_response()))
}

#[handler]
pub async fn sessions_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let mut values: BTreeMap<String, String> = FIELDS
        .iter()
        .map(|f| (f.to_string(), String::new()))
        .collect();
    values.insert("count".into(), "1".into());
    values.insert("gap".into(), "0".into());
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

/// Adds one session, or `count` back-to-back ones of the same length with `gap` minutes
/// between (a consultation desk's day of slots). A slot without a title is named by its time.
#[handler]
pub async fn add_session(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let exclusive = form.flag("exclusive");
    let starts = form.get("starts_at").and_then(edit::parse_local);
    let ends = form.get("ends_at").and_then(edit::parse_local);
    let mut errors = crate::domain::ValidationErrors::new();
    let number = |field: &str, max: i64, default: i64| -> Option<i64> {
        match form.get(field).map(str::trim) {
            None | Some("") => Some(default),
            Some(v) => v.parse::<i64>().ok().filter(|n| (0..=max).contains(n)),
        }
    };
    let count = number("count", 40, 1).filter(|c| *c >= 1);
    if count.is_none() {
        errors.add_with(
            "count",
            "out_of_range",
            crate::error_args![("min", 1), ("max", 40)],
        );
    }
    let gap = number("gap", 240, 0);
    if gap.is_none() {
        errors.add_with(
            "gap",
            "out_of_range",
            crate::error_args![("min", 0), ("max", 240)],
        );
    }
    let capacity = match form.get("capacity").map(str::trim) {
        None | Some("") => None,
        Some(v) => match v.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.add("capacity", "not_a_number");
                None
            }
        },
    };
    let mut result = Ok(());
    if errors.is_empty() {
        let (count, gap) = (count.unwrap_or(1), Duration::minutes(gap.unwrap_or(0)));
        for i in 0..count {
            let shift = match (starts, ends) {
                (Some(s), Some(e)) => (e - s + gap) * i as i32,
                _ => Duration::zero(),
            };
            let (s, e) = (starts.map(|t| t + shift), ends.map(|t| t + shift));
            // A slot's own title is stored in both of the event's languages, each worded
            // by that language's messages.
            let time_title = |content: crate::domain::Language| {
                let lang = crate::i18n::Lang::parse(content.code()).unwrap_or_default();
                let (from, to) = s
                    .zip(e)
                    .map(|(s, e)| (crate::domain::jst::time(s), crate::domain::jst::time(e)))
                    .unwrap_or_default();
                exclusive.then(|| {
                    lang.t_args(
                        "a-consultation-slot-title",
                        &crate::fluent_args![("from", from), ("to", to)],
                    )
                })
            };
            let title_ja = form
                .text("title_ja")
                .or_else(|| time_title(crate::domain::Language::Ja));
            let title_en = form
                .text("title_en")
                .or_else(|| time_title(crate::domain::Language::En));
            let input = SessionInput {
                title_ja,
                title_en,
                starts_at: s,
                ends_at: e,
                room_ja: form.text("room_ja"),
                room_en: form.text("room_en"),
                speaker: form.text("speaker"),
                language: form.text("language"),
                capacity,
                exclusive,
                online_url: form.text("online_url"),
            };
            if let Err(e) = sessions::add(&state.db, &me.staff.principal, &slug, input).await {
                result = Err(e);
                break;
            }
        }
    } else {
        result = Err(errors.into());
    }
    match result {
        Ok(()) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}/sessions")).into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let values = FIELDS
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
                messages(&errors, lang.lang),
                poem::http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[handler]
pub async fn remove_session(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, id)): Path<(String, i64)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    read_checked_form(body, verifier).await?;
    sessions::remove(&state.db, &me.staff.principal, &slug, id).await?;
    Ok(private(
        Redirect::see_other(format!("/admin/events/{slug}/sessions")).into_response(),
    ))
}
