//! The attendance question's page (`/c/{token}`), reached from the email before the day.
//! A GET only shows the question with one button (a mail scanner that follows links changes
//! nothing); the POST, with its CSRF token, answers.
use super::*;
use crate::domain::AttendanceAnswer;
use crate::services::attendance;

#[derive(Deserialize)]
pub struct AnswerQuery {
    answer: Option<String>,
}

#[derive(Serialize)]
struct AttendanceView {
    event_title: String,
    when: String,
    token: String,
    csrf_token: String,
    /// The answer the button gives (the link chosen in the email).
    answer: &'static str,
    /// What is recorded so far (`will_come`, `cannot_come`), if anything.
    recorded: Option<&'static str>,
    /// The registration no longer holds seats.
    cancelled: bool,
    /// Just answered.
    done: bool,
    error: Option<String>,
    manage_url: String,
    attendees: Vec<String>,
}

fn view(
    l: Lang,
    token: &str,
    csrf: &CsrfToken,
    m: &Managed,
    answer: AttendanceAnswer,
    recorded: Option<AttendanceAnswer>,
    // None: asking; Ok: just answered; Err: the post was refused, with why.
    posted: Option<Result<(), String>>,
) -> AttendanceView {
    let spec = &m.event.event.spec;
    AttendanceView {
        event_title: spec.title.get(l.content()).to_owned(),
        when: crate::i18n::dates::range(l, spec.starts_at, spec.ends_at),
        token: token.to_owned(),
        csrf_token: csrf.0.clone(),
        answer: answer.code(),
        recorded: recorded.map(AttendanceAnswer::code),
        cancelled: !m.registration.is_live(),
        done: matches!(posted, Some(Ok(()))),
        error: posted.and_then(Result::err),
        manage_url: format!("/r/{}", m.manage_token),
        attendees: m
            .registration
            .active_attendees()
            .map(|a| a.name.clone())
            .collect(),
    }
}

fn chosen(raw: Option<&str>) -> AttendanceAnswer {
    raw.and_then(AttendanceAnswer::from_code)
        .unwrap_or(AttendanceAnswer::WillCome)
}

#[handler]
pub async fn attendance_page(
    state: Data<&AppState>,
    lang: PageLang,
    Path(token): Path<String>,
    Query(q): Query<AnswerQuery>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let (m, recorded) = attendance::question(&state.db, &state.links, &token).await?;
    let answer = chosen(q.answer.as_deref());
    let page = view(lang.lang, &token, csrf, &m, answer, recorded, None);
    Ok(private(state.pages.render(
        "attendance_check.html",
        &lang,
        page,
    )?))
}

#[handler]
pub async fn attendance_post(
    state: Data<&AppState>,
    lang: PageLang,
    Path(token): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    let l = lang.lang;
    let answer = chosen(form.get("answer"));
    if let Err(e) = verifier.validate(form.get("csrf_token").unwrap_or_default()) {
        tracing::warn!(reason = %e, "attendance answer refused: CSRF token not valid");
        let (m, recorded) = attendance::question(&state.db, &state.links, &token).await?;
        let page = view(
            l,
            &token,
            csrf,
            &m,
            answer,
            recorded,
            Some(Err(l.t("csrf-failed"))),
        );
        return state
            .pages
            .render("attendance_check.html", &lang, page)
            .map(|r| private(r.with_status(StatusCode::FORBIDDEN).into_response()));
    }
    let (m, recorded) =
        attendance::answer(&state.db, &state.links, &token, answer, Utc::now()).await?;
    let page = view(l, &token, csrf, &m, answer, recorded, Some(Ok(())));
    Ok(private(state.pages.render(
        "attendance_check.html",
        &lang,
        page,
    )?))
}
