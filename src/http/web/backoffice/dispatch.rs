//! Expert dispatch in the back-office: `/admin/experts` (the organization's register of
//! experts), `/admin/events/{slug}/dispatch` (a programme's requests) and
//! `/admin/events/{slug}/dispatch/{id}` (one request: assign an expert, schedule, move and
//! cancel visits up to the programme's visits per company and fiscal year, record outcomes).
use super::*;
use crate::domain::{DispatchState, DispatchTheme, ExpertInput, Shape, VisitInput, VisitState};
use crate::http::web::catalogue::{Choice, choices};
use crate::services::dispatch;
use std::collections::BTreeMap;

// ---- the register of experts ----

#[derive(Serialize)]
struct ExpertRow {
    id: i64,
    name: String,
    email: String,
    affiliation: String,
    fields: String,
    active: bool,
}

#[derive(Serialize)]
struct ExpertsView {
    me: Header,
    csrf_token: String,
    manage: bool,
    experts: Vec<ExpertRow>,
    /// The form: adding one (`editing` none) or changing one.
    editing: Option<i64>,
    values: BTreeMap<String, String>,
    fields: Vec<Choice>,
    errors: FieldMessages,
    saved: bool,
}

fn theme_words(lang: crate::i18n::Lang, themes: &[DispatchTheme]) -> String {
    crate::i18n::words::list(lang, themes.iter().map(|t| lang.label(*t)))
}

const EXPERT_FIELDS: &[(&str, &str)] = &[
    ("name", "a-expert-name"),
    ("email", "a-email"),
    ("affiliation", "a-expert-affiliation"),
    ("fields", "a-expert-fields"),
];

fn expert_messages(
    errors: &crate::domain::ValidationErrors,
    lang: crate::i18n::Lang,
) -> FieldMessages {
    FieldMessages::new(errors, lang, &[], &|field| {
        EXPERT_FIELDS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, id)| lang.for_backoffice().t(id))
    })
}

#[allow(clippy::too_many_arguments)]
async fn experts_render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    csrf: &CsrfToken,
    editing: Option<i64>,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    saved: bool,
) -> Result<Response, AppError> {
    let l = lang.lang;
    let who = &me.staff.principal;
    let experts = dispatch::experts(&state.db, who).await?;
    let chosen: Vec<String> = values
        .get("fields")
        .map(|f| f.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    let mut fields = choices(
        DispatchTheme::ALL,
        None,
        |t| t.code().into(),
        |t| l.label(t),
    );
    for c in &mut fields {
        c.selected = chosen.contains(&c.value);
    }
    let failed = !errors.list.is_empty();
    let view = ExpertsView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        manage: who.role.manages_events(),
        experts: experts
            .into_iter()
            .map(|e| ExpertRow {
                id: e.id,
                fields: theme_words(l, &e.fields),
                name: e.name,
                email: e.email,
                affiliation: e.affiliation.unwrap_or_default(),
                active: e.active,
            })
            .collect(),
        editing,
        values,
        fields,
        errors,
        saved,
    };
    let resp = state.pages.render("admin/experts.html", lang, view)?;
    Ok(form_page(resp, failed))
}

#[derive(Deserialize)]
pub struct ExpertsParams {
    edit: Option<i64>,
    saved: Option<u8>,
}

/// `GET /admin/experts[?edit={id}]`.
#[handler]
pub async fn experts_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Query(params): Query<ExpertsParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let mut values = BTreeMap::new();
    values.insert("active".to_owned(), "on".to_owned());
    if let Some(id) = params.edit {
        let e = dispatch::expert(&state.db, &me.staff.principal, id).await?;
        values.insert("name".into(), e.name);
        values.insert("email".into(), e.email);
        values.insert("affiliation".into(), e.affiliation.unwrap_or_default());
        values.insert(
            "fields".into(),
            crate::domain::dispatch::themes_stored(&e.fields),
        );
        if !e.active {
            values.remove("active");
        }
    }
    experts_render(
        &state,
        &lang,
        &me,
        csrf,
        params.edit,
        values,
        FieldMessages::default(),
        params.saved.is_some(),
    )
    .await
}

fn expert_input(
    form: &crate::http::web::form::FormData,
) -> (ExpertInput, BTreeMap<String, String>) {
    let fields: Vec<String> = form.values("fields");
    let input = ExpertInput {
        name: form.text("name"),
        email: form.text("email"),
        affiliation: form.text("affiliation"),
        fields: fields.clone(),
        active: form.flag("active"),
    };
    let mut values = BTreeMap::new();
    for k in ["name", "email", "affiliation"] {
        values.insert(k.to_owned(), form.get(k).unwrap_or_default().to_owned());
    }
    values.insert("fields".into(), fields.join(","));
    if input.active {
        values.insert("active".into(), "on".into());
    }
    (input, values)
}

/// `POST /admin/experts` (add) and `POST /admin/experts/{id}` (change).
async fn save_expert(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
    id: Option<i64>,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let (input, values) = expert_input(&form);
    let who = &me.staff.principal;
    let now = Utc::now();
    let result = match id {
        None => dispatch::add_expert(&state.db, who, input, now)
            .await
            .map(|_| ()),
        Some(id) => dispatch::update_expert(&state.db, who, id, input, now).await,
    };
    match result {
        Ok(()) => Ok(private(
            Redirect::see_other("/admin/experts?saved=1").into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = expert_messages(&errors, lang.lang);
            experts_render(state, lang, me, csrf, id, values, errors, false).await
        }
        Err(e) => Err(e),
    }
}

#[handler]
pub async fn add_expert(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    save_expert(&state, &lang, &me, csrf, verifier, body, None).await
}

#[handler]
pub async fn change_expert(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(id): Path<i64>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    save_expert(&state, &lang, &me, csrf, verifier, body, Some(id)).await
}

// ---- a programme's requests ----

#[derive(Serialize)]
struct RequestRow {
    registration_id: i64,
    company: String,
    requested: String,
    theme: String,
    state: String,
    expert: String,
    visits: usize,
    held: usize,
}

#[derive(Serialize)]
struct RequestsView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    visits_per_company: u32,
    export: bool,
    rows: Vec<RequestRow>,
}

/// `GET /admin/events/{slug}/dispatch`: the programme's requests, for those who may read
/// its roster.
#[handler]
pub async fn dispatch_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::DispatchRequest).await?;
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let requests = dispatch::requests(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::View,
        requests.len() as u64,
        "dispatch",
        Utc::now(),
    )
    .await?;
    let rows = requests
        .into_iter()
        .map(|r| RequestRow {
            registration_id: r.registration_id,
            company: r.company.unwrap_or_default(),
            requested: crate::i18n::dates::date(l, r.created_at),
            theme: l.label(r.record.request.theme),
            state: l.label(r.record.state),
            expert: r
                .record
                .expert
                .as_ref()
                .map(|x| crate::i18n::words::expert_line(l, &x.name, x.affiliation.as_deref()))
                .unwrap_or_default(),
            visits: r.record.live_visits().count(),
            held: r
                .record
                .visits
                .iter()
                .filter(|v| v.state == VisitState::Held)
                .count(),
        })
        .collect();
    let view = RequestsView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        visits_per_company: dispatch::allowed(&e.listing.event),
        export: e.access.export,
        event: summary(&state, &e, &lang).await?,
        rows,
    };
    Ok(private(state.pages.render(
        "admin/dispatch.html",
        &lang,
        view,
    )?))
}

// ---- one request ----

#[derive(Serialize)]
struct ExpertChoice {
    id: i64,
    label: String,
    /// Expert in the request's theme.
    matches: bool,
    selected: bool,
}

#[derive(Serialize)]
struct VisitRow {
    id: i64,
    when: String,
    mode: String,
    mode_code: &'static str,
    place: String,
    online: bool,
    state: String,
    scheduled: bool,
    takes_outcome: bool,
    outcome: String,
    held: bool,
    not_held: bool,
    starts_at: String,
    ends_at: String,
}

#[derive(Serialize)]
struct RequestView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    manage: bool,
    registration_id: i64,
    company: String,
    contact: String,
    request: crate::mail::DispatchBlock,
    state: String,
    can_assign: bool,
    can_close: bool,
    schedules: bool,
    experts: Vec<ExpertChoice>,
    visits: Vec<VisitRow>,
    visits_per_company: u32,
    /// Visits counted this fiscal year (Tokyo), across the company's requests.
    counted_this_year: u32,
    this_year: String,
    modes: Vec<Choice>,
    /// The form that came back with errors: `assign`, `schedule`, or `visit-{id}`.
    failed_form: String,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct RequestParams {
    done: Option<String>,
}

const VISIT_FIELDS: &[(&str, &str)] = &[
    ("starts_at", "a-visit-starts-at"),
    ("ends_at", "a-visit-ends-at"),
    ("mode", "dispatch-mode"),
    ("place", "a-visit-place"),
    ("expert", "dispatch-expert"),
    ("held", "a-visit-outcome"),
    ("notes", "a-visit-notes"),
];

fn visit_messages(
    errors: &crate::domain::ValidationErrors,
    lang: crate::i18n::Lang,
) -> FieldMessages {
    FieldMessages::new(errors, lang, &[], &|field| {
        VISIT_FIELDS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, id)| lang.for_backoffice().t(id))
    })
}

fn local(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

#[allow(clippy::too_many_arguments)]
async fn request_render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    id: i64,
    csrf: &CsrfToken,
    failed_form: &str,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    done: Option<String>,
) -> Result<Response, AppError> {
    let e = staff_event_with(state, me, slug, Shape::DispatchRequest).await?;
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let reg = dispatch::request(&state.db, e.listing.event.id, id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::View,
        1,
        "dispatch_request",
        Utc::now(),
    )
    .await?;
    let (dstate, record) = reg.participation.dispatch().expect("checked");
    let now = Utc::now();
    let year = crate::domain::FiscalYear::of(now);
    let counted = dispatch::counted_in_year(&state.db, &reg, year, None).await?;
    let experts = if e.access.manage {
        dispatch::experts(&state.db, &me.staff.principal)
            .await?
            .into_iter()
            .filter(|x| x.active)
            .map(|x| ExpertChoice {
                id: x.id,
                matches: x.fields.contains(&record.request.theme),
                selected: record.expert.as_ref().is_some_and(|a| a.id == x.id),
                label: format!(
                    "{} – {}",
                    crate::i18n::words::expert_line(l, &x.name, x.affiliation.as_deref()),
                    theme_words(l, &x.fields)
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    let failed = !errors.list.is_empty();
    let view = RequestView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        manage: e.access.manage,
        registration_id: reg.id,
        company: reg
            .company
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        contact: format!("{} <{}>", reg.contact.name, reg.contact.email),
        request: crate::i18n::words::dispatch_block(l, record),
        state: l.label(dstate),
        can_assign: dstate.can_become(DispatchState::Assigned),
        can_close: dstate.can_become(DispatchState::Closed),
        schedules: dstate.schedules_visits(),
        experts,
        visits: record
            .visits
            .iter()
            .map(|v| VisitRow {
                id: v.id,
                when: crate::i18n::dates::range(l, v.plan.starts_at, v.plan.ends_at),
                mode: l.label(v.plan.mode),
                mode_code: v.plan.mode.code(),
                place: v.plan.place.clone(),
                online: v.plan.mode == crate::domain::VisitMode::Online,
                state: l.label(v.state),
                scheduled: v.state == VisitState::Scheduled,
                takes_outcome: v.state.takes_outcome(),
                outcome: v.outcome.clone().unwrap_or_default(),
                held: v.state == VisitState::Held,
                not_held: v.state == VisitState::NotHeld,
                starts_at: local(v.plan.starts_at),
                ends_at: local(v.plan.ends_at),
            })
            .collect(),
        visits_per_company: dispatch::allowed(&e.listing.event),
        counted_this_year: counted,
        this_year: crate::i18n::dates::fiscal_year(l, year),
        modes: choices(
            crate::domain::VisitMode::ALL,
            values.get("mode").and_then(|m| m.parse().ok()),
            |m| m.code().into(),
            |m| l.label(m),
        ),
        failed_form: failed_form.to_owned(),
        values,
        errors,
        done,
        event: summary(state, &e, lang).await?,
    };
    let resp = state
        .pages
        .render("admin/dispatch_request.html", lang, view)?;
    Ok(form_page(resp, failed))
}

/// `GET /admin/events/{slug}/dispatch/{id}`.
#[handler]
pub async fn dispatch_request_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((slug, id)): Path<(String, i64)>,
    Query(params): Query<RequestParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    request_render(
        &state,
        &lang,
        &me,
        &slug,
        id,
        csrf,
        "",
        BTreeMap::new(),
        FieldMessages::default(),
        params.done,
    )
    .await
}

fn visit_input(form: &crate::http::web::form::FormData) -> (VisitInput, BTreeMap<String, String>) {
    let input = VisitInput {
        starts_at: form.get("starts_at").and_then(super::edit::parse_local),
        ends_at: form.get("ends_at").and_then(super::edit::parse_local),
        mode: form.text("mode"),
        place: form.text("place"),
    };
    let mut values = BTreeMap::new();
    for k in ["starts_at", "ends_at", "mode", "place", "notes", "held"] {
        values.insert(k.to_owned(), form.get(k).unwrap_or_default().to_owned());
    }
    (input, values)
}

/// `POST /admin/events/{slug}/dispatch/{id}/{assign|close|schedule}`.
#[handler]
pub async fn dispatch_action(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((slug, id, action)): Path<(String, i64, String)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let who = &me.staff.principal;
    let now = Utc::now();
    let (values, result) = match action.as_str() {
        "assign" => {
            let expert = form.get("expert").and_then(|v| v.trim().parse().ok());
            (
                BTreeMap::new(),
                dispatch::assign(&state.db, who, &slug, id, expert, now).await,
            )
        }
        "close" => (
            BTreeMap::new(),
            dispatch::close(&state.db, who, &slug, id).await,
        ),
        "schedule" => {
            let (input, values) = visit_input(&form);
            let result = dispatch::schedule(&state.db, who, &slug, id, input, now)
                .await
                .map(|_| ());
            (values, result)
        }
        _ => return Err(AppError::NotFound),
    };
    finish(&state, &lang, &me, &slug, id, csrf, &action, values, result).await
}

/// `POST /admin/events/{slug}/dispatch/{id}/visits/{visit}/{move|cancel|outcome}`.
#[handler]
pub async fn visit_action(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((slug, id, visit, action)): Path<(String, i64, i64, String)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let who = &me.staff.principal;
    let now = Utc::now();
    let (input, values) = visit_input(&form);
    let result = match action.as_str() {
        "move" => dispatch::reschedule(&state.db, who, &slug, visit, input, now).await,
        "cancel" => dispatch::cancel_visit(&state.db, who, &slug, visit, now).await,
        "outcome" => {
            dispatch::record_outcome(
                &state.db,
                who,
                &slug,
                visit,
                form.get("held"),
                form.get("notes"),
                now,
            )
            .await
        }
        _ => return Err(AppError::NotFound),
    };
    let failed_form = format!("visit-{visit}");
    finish(
        &state,
        &lang,
        &me,
        &slug,
        id,
        csrf,
        &failed_form,
        values,
        result,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn finish(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    id: i64,
    csrf: &CsrfToken,
    failed_form: &str,
    values: BTreeMap<String, String>,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}/dispatch/{id}?done=1"))
                .into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = visit_messages(&errors, lang.lang);
            request_render(
                state,
                lang,
                me,
                slug,
                id,
                csrf,
                failed_form,
                values,
                errors,
                None,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `GET /admin/events/{slug}/dispatch.csv`: every request with its expert and visits, for
/// Excel (BOM, formula-safe cells). Audited as an export.
#[handler]
pub async fn dispatch_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = staff_event_with(&state, &me, &slug, Shape::DispatchRequest).await?;
    if !e.access.export {
        return Err(AppError::Forbidden);
    }
    let l = lang.lang;
    let requests = dispatch::requests(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::Export,
        requests.len() as u64,
        "dispatch.csv",
        Utc::now(),
    )
    .await?;
    let mut rows = vec![super::export::header_row(
        l,
        &[
            "col-registration-id",
            "col-company",
            "col-dispatch-requested-at",
            "col-dispatch-theme",
            "col-dispatch-issue",
            "col-dispatch-employees",
            "col-dispatch-state",
            "col-dispatch-expert",
            "col-dispatch-visits",
        ],
    )];
    for r in requests {
        let d = &r.record;
        rows.push(vec![
            r.registration_id.to_string(),
            r.company.unwrap_or_default(),
            crate::i18n::dates::date_time(l, r.created_at),
            l.label(d.request.theme),
            d.request.issue.clone(),
            d.request.employees.to_string(),
            l.label(d.state),
            d.expert
                .as_ref()
                .map(|x| crate::i18n::words::expert_line(l, &x.name, x.affiliation.as_deref()))
                .unwrap_or_default(),
            d.visits
                .iter()
                .map(|v| {
                    format!(
                        "{} {}",
                        crate::i18n::dates::range(l, v.plan.starts_at, v.plan.ends_at),
                        l.label(v.state)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ]);
    }
    Ok(super::report::csv_response(
        super::export::csv_lines(&rows),
        &format!("dispatch-{slug}.csv"),
    ))
}
