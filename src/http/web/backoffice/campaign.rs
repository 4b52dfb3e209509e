//! `/admin/events/{slug}/campaign`: a campaign's totals (companies, employees covered, by
//! action, industry and size) for everyone who sees its counts, and its participants with
//! their entries for those who may read the roster; `campaign.csv` for those who may export.
use super::export::{csv_lines, header_row};
use super::report::csv_response;
use super::*;
use crate::services::campaigns;

#[derive(Serialize)]
struct Line {
    label: String,
    companies: u64,
    employees: u64,
}

#[derive(Serialize)]
struct ParticipantView {
    company: String,
    actions: String,
    employees: u32,
    period: String,
    listed: bool,
}

#[derive(Serialize)]
struct CampaignView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    companies: u64,
    employees: u64,
    by_action: Vec<Line>,
    by_industry: Vec<Line>,
    by_size: Vec<Line>,
    participants: Option<Vec<ParticipantView>>,
    export: bool,
}

fn lines<K: crate::domain::Labelled>(
    l: crate::i18n::Lang,
    v: Vec<(Option<K>, u64, u64)>,
) -> Vec<Line> {
    v.into_iter()
        .map(|(key, companies, employees)| Line {
            label: crate::i18n::words::label_or_not_given(l, key),
            companies,
            employees,
        })
        .collect()
}

async fn campaign_event(
    state: &AppState,
    me: &SignedIn,
    slug: &str,
) -> Result<StaffEvent, AppError> {
    staff_event_with(state, me, slug, crate::domain::Shape::CampaignEntry).await
}

#[handler]
pub async fn campaign_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = campaign_event(&state, &me, &slug).await?;
    let l = lang.lang;
    let t = campaigns::totals(&state.db, e.listing.event.id).await?;
    // Partners who see totals only read no personal data; those who see the entries are
    // logged as the roster's readers are.
    if e.access.roster {
        backoffice::record_read(
            &state.db,
            &me.staff.principal,
            &e,
            backoffice::Read::View,
            t.participants.len() as u64,
            "campaign",
            Utc::now(),
        )
        .await?;
    }
    let participants = e.access.roster.then(|| {
        t.participants
            .iter()
            .map(|p| ParticipantView {
                company: p.company.clone().unwrap_or_default(),
                actions: crate::i18n::words::campaign_actions(l, &p.entry),
                employees: p.entry.employees,
                period: crate::i18n::words::campaign_period(l, &p.entry),
                listed: p.entry.listed,
            })
            .collect()
    });
    let view = CampaignView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        companies: t.companies,
        employees: t.employees,
        by_action: lines(
            l,
            t.by_action
                .into_iter()
                .map(|(a, c, e)| (Some(a), c, e))
                .collect(),
        ),
        by_industry: lines(l, t.by_industry),
        by_size: lines(l, t.by_size),
        participants,
        export: e.access.export,
    };
    Ok(private(state.pages.render(
        "admin/campaign.html",
        &lang,
        view,
    )?))
}

/// Every entry, one row per company, for Excel (BOM, formula-safe). Audited as an export.
#[handler]
pub async fn campaign_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = campaign_event(&state, &me, &slug).await?;
    let l = lang.lang;
    let t = campaigns::totals(&state.db, e.listing.event.id).await?;
    backoffice::record_read(
        &state.db,
        &me.staff.principal,
        &e,
        backoffice::Read::Export,
        t.participants.len() as u64,
        "campaign.csv",
        Utc::now(),
    )
    .await?;
    let ids: Vec<i64> = t.participants.iter().map(|p| p.registration_id).collect();
    let registrants =
        super::export::RegistrantColumns::of(&state, e.listing.event.id, &ids, false, true).await?;
    let mut header = header_row(
        l,
        &[
            "col-registration-id",
            "col-company",
            "col-corporate-number",
            "col-industry",
            "col-company-employees",
            "col-actions",
            "col-employees-covered",
            "col-first-day",
            "col-last-day",
            "col-listed",
        ],
    );
    header.extend(registrants.header(l));
    let mut rows = vec![header];
    let mut phones = super::cells::Phones::default();
    for p in &t.participants {
        let mut row = vec![
            p.registration_id.to_string(),
            p.company.clone().unwrap_or_default(),
            p.corporate_number
                .as_deref()
                .map(super::cells::corporate_number_for_csv)
                .unwrap_or_default(),
            p.industry
                .as_deref()
                .and_then(|i| i.parse::<crate::domain::Industry>().ok())
                .map(|i| l.label(i))
                .unwrap_or_default(),
            p.employee_band
                .as_deref()
                .and_then(|b| b.parse::<crate::domain::EmployeeBand>().ok())
                .map(|b| l.label(b))
                .unwrap_or_default(),
            crate::i18n::words::campaign_actions(l, &p.entry),
            p.entry.employees.to_string(),
            p.entry.from.to_string(),
            p.entry.to.to_string(),
            l.t(if p.entry.listed {
                "export-yes"
            } else {
                "export-no"
            }),
        ];
        row.extend(registrants.cells(p.registration_id, l, &mut phones));
        rows.push(row);
    }
    Ok(csv_response(
        csv_lines(&rows),
        &format!("campaign-{slug}.csv"),
    ))
}
