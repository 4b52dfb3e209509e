//! `/admin/events/{slug}/registrations/{id}`: one registration in full, for whoever may read
//! the roster (audited), with the organizer's actions: resend, promote, cancel, and move to
//! another of their events.
use super::*;
use crate::http::web::catalogue::Choice;
use crate::i18n::Lang;
use crate::services::backoffice::RegistrationDetail;

#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
}

#[derive(Serialize)]
struct AttendeeView {
    name: String,
    kana: String,
    department: String,
    title: String,
    email: String,
    status: String,
    checked_in: Option<String>,
}

#[derive(Serialize)]
struct MessageView {
    kind: String,
    to: String,
    status: String,
    at: String,
}

#[derive(Serialize)]
struct DetailView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    id: i64,
    status: String,
    status_code: &'static str,
    /// Holds a place: only then are there actions (a duplicate has nothing to resend, cancel
    /// or move).
    live: bool,
    walk_in: bool,
    facts: Vec<Fact>,
    company: Vec<Fact>,
    contact: Vec<Fact>,
    attendees: Vec<AttendeeView>,
    answers: Vec<Fact>,
    /// The sessions picked: when and what, and where it stands there.
    sessions: Vec<Fact>,
    messages: Vec<MessageView>,
    manage: bool,
    targets: Vec<Choice>,
    errors: FieldMessages,
    done: Option<String>,
}

fn fact(lang: Lang, key: &'static str, value: impl Into<String>) -> Fact {
    Fact {
        label: lang.t(key),
        value: value.into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn detail_view(
    d: RegistrationDetail,
    event: EventSummary,
    me: &SignedIn,
    page_lang: &PageLang,
    csrf: &CsrfToken,
    manage: bool,
    chosen_target: &str,
    errors: FieldMessages,
    done: Option<String>,
) -> DetailView {
    let lang = page_lang.lang;
    let r = &d.registration;
    let when = |t| crate::i18n::dates::date_time(lang, t);
    let mut facts = vec![
        fact(lang, "a-registered-at", when(r.created_at)),
        fact(
            lang,
            "a-channel",
            match (r.walk_in, r.heard_via) {
                (true, _) => crate::i18n::t(lang, "a-walk-in-channel").to_owned(),
                (false, Some(h)) => lang.label(h),
                (false, None) => String::new(),
            },
        ),
        fact(lang, "a-via-code", r.via.clone().unwrap_or_default()),
        fact(lang, "a-language", r.lang.name()),
        fact(
            lang,
            "a-consent",
            format!("v{} · {}", r.consent_version, when(r.consented_at)),
        ),
    ];
    if let Some(t) = r.cancelled_at {
        facts.push(fact(lang, "a-cancelled", when(t)));
    }
    let company = match &r.company {
        Some(c) => {
            let yes_no = |b: bool| lang.t(if b { "yes" } else { "no" });
            let mut kind = lang.label(c.kind);
            if let Some(t) = c.school_type {
                kind = format!("{kind}: {}", lang.label(t));
            }
            vec![
                fact(lang, "registrant-kind", kind),
                fact(lang, "company", c.name.clone()),
                fact(lang, "kana", c.name_kana.clone()),
                fact(
                    lang,
                    "corporate-number",
                    c.corporate_number.clone().unwrap_or_else(|| {
                        if c.kind == crate::domain::RegistrantKind::SoleProprietor {
                            crate::i18n::t(lang, "sole-proprietor").to_owned()
                        } else {
                            String::new()
                        }
                    }),
                ),
                fact(lang, "a-address", crate::i18n::words::address(lang, c)),
                fact(
                    lang,
                    "industry",
                    c.industry.map(|i| lang.label(i)).unwrap_or_default(),
                ),
                fact(
                    lang,
                    "employee-band",
                    c.employee_band.map(|b| lang.label(b)).unwrap_or_default(),
                ),
                fact(lang, "a-tcci-member", yes_no(c.tcci_member)),
            ]
        }
        None => std::iter::once(fact(lang, "registrant-kind", lang.label(r.registrant_kind)))
            .chain(
                r.affiliation
                    .iter()
                    .map(|a| fact(lang, "affiliation", a.clone())),
            )
            .collect(),
    };
    let contact = vec![
        fact(lang, "name", r.contact.name.clone()),
        fact(lang, "kana", r.contact.kana.clone()),
        fact(
            lang,
            "department",
            r.contact.department.clone().unwrap_or_default(),
        ),
        fact(
            lang,
            "job-title",
            r.contact.title.clone().unwrap_or_default(),
        ),
        fact(lang, "email", r.contact.email.clone()),
        fact(
            lang,
            "phone",
            r.contact
                .phone
                .as_deref()
                .map(crate::domain::formatted_phone)
                .unwrap_or_default(),
        ),
        fact(
            lang,
            "time-zone",
            r.time_zone
                .map(|tz| crate::i18n::dates::zone_name(lang, tz.name()))
                .unwrap_or_default(),
        ),
    ];
    let attendees = r
        .attendees
        .iter()
        .map(|a| AttendeeView {
            name: a.name.clone(),
            kana: a.kana.clone(),
            department: a.department.clone().unwrap_or_default(),
            title: a.title.clone().unwrap_or_default(),
            email: a.email.clone(),
            status: lang.label(a.status),
            checked_in: d
                .checked_in
                .iter()
                .find(|(id, _)| *id == a.id)
                .map(|(_, t)| when(*t)),
        })
        .collect();
    let answers = d
        .questions
        .iter()
        .map(|q| Fact {
            label: q.spec.label.get(lang.content()).to_owned(),
            value: r
                .answers
                .get(&q.id)
                .map(|a| crate::i18n::words::answer_text(lang, q, a))
                .unwrap_or_default(),
        })
        .collect();
    let messages = d
        .messages
        .iter()
        .map(|m| MessageView {
            kind: m
                .message
                .parse::<crate::domain::MessageKind>()
                .map_or(String::new(), |k| lang.label(k)),
            to: m.recipient_email.clone(),
            status: crate::i18n::t(
                lang,
                match m.status.as_str() {
                    "sent" => "a-mail-sent",
                    "failed" => "a-mail-failed",
                    _ => "a-mail-pending",
                },
            )
            .to_owned(),
            at: when(m.sent_at.unwrap_or(m.created_at)),
        })
        .collect();
    let targets = d
        .move_targets
        .iter()
        .map(|e| Choice {
            value: e.spec.slug.to_string(),
            label: crate::i18n::words::event_with_time(
                lang,
                e.spec.title.get(lang.content()),
                e.spec.starts_at,
                e.spec.ends_at,
            ),
            selected: e.spec.slug.as_str() == chosen_target,
        })
        .collect();
    DetailView {
        me: header(&me.staff, page_lang),
        csrf_token: csrf.0.clone(),
        event,
        id: r.id,
        status: lang.label(&r.participation),
        status_code: r.participation.state_code(),
        live: r.is_live(),
        walk_in: r.walk_in,
        facts,
        company,
        contact,
        attendees,
        answers,
        sessions: crate::domain::session::attendance(&r.picks)
            .iter()
            .map(|p| Fact {
                label: format!(
                    "{} {}",
                    crate::i18n::dates::range(
                        lang,
                        p.session.spec.starts_at,
                        p.session.spec.ends_at
                    ),
                    p.session.spec.title.get(lang.content())
                ),
                value: crate::i18n::words::session_line(lang, p, r).status,
            })
            .collect(),
        messages,
        manage,
        targets,
        errors,
        done,
    }
}

#[derive(Deserialize)]
pub struct DetailParams {
    done: Option<String>,
}

#[handler]
pub async fn registration_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((slug, id)): Path<(String, i64)>,
    Query(params): Query<DetailParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let done = params
        .done
        .filter(|d| ["moved", "promoted", "resent", "cancelled"].contains(&d.as_str()));
    render(
        &state,
        &lang,
        &me,
        &slug,
        id,
        csrf,
        "",
        FieldMessages::default(),
        done,
        200,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    id: i64,
    csrf: &CsrfToken,
    chosen_target: &str,
    errors: FieldMessages,
    done: Option<String>,
    status: u16,
) -> Result<Response, AppError> {
    let e = staff_event(state, me, slug).await?;
    let detail =
        backoffice::registration(&state.db, &me.staff.principal, &e, id, Utc::now()).await?;
    let event = summary(state, &e, lang).await?;
    let view = detail_view(
        detail,
        event,
        me,
        lang,
        csrf,
        e.access.manage,
        chosen_target,
        errors,
        done,
    );
    let resp = state.pages.render("admin/registration.html", lang, view)?;
    Ok(private(
        resp.with_status(poem::http::StatusCode::from_u16(status).expect("valid status"))
            .into_response(),
    ))
}

/// The move form on the detail page: on success the moved registration's own page, on a
/// refusal this page again with the reason on the field.
pub(super) async fn move_registration(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    id: i64,
    csrf: &CsrfToken,
    to: &str,
) -> Result<Response, AppError> {
    let result = crate::services::registrations::move_by_organizer(
        &state.db,
        &state.links,
        &me.staff.principal,
        slug,
        id,
        to,
        Utc::now(),
    )
    .await;
    match result {
        Ok(moved) => Ok(private(
            Redirect::see_other(format!(
                "/admin/events/{to}/registrations/{}?done=moved",
                moved.id
            ))
            .into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(state, lang, me, slug, id, csrf, to, errors, None, 422).await
        }
        Err(e) => Err(e),
    }
}
