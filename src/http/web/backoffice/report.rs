//! Reports: `/admin/events/{slug}/report` and `/admin/reports?year=` (fiscal year), with charts and
//! CSV downloads of each table.
use super::chart;
use super::export::{csv_lines, header_row};
use super::*;
use crate::domain::FiscalYear;
use crate::services::reports::{self, YearRow};
use chart::Bar;

/// A report's counts, each named in the reader's words.
fn named(l: crate::i18n::Lang, bars: &[reports::Bar]) -> Vec<Bar> {
    bars.iter()
        .map(|b| Bar {
            label: crate::i18n::words::bar_label(l, &b.key),
            value: b.value,
        })
        .collect()
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or("–".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

#[derive(Serialize)]
struct BarView {
    label: String,
    value: u64,
}

fn bar_views(bars: &[Bar]) -> Vec<BarView> {
    bars.iter()
        .map(|b| BarView {
            label: b.label.clone(),
            value: b.value,
        })
        .collect()
}

#[derive(Serialize)]
struct EventReportView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    registrations: u64,
    companies: u64,
    smes: u64,
    schools: u64,
    other_organizations: u64,
    sme_share: String,
    attendees: u64,
    checked_in: u64,
    joined_online: u64,
    attended: u64,
    attendance_rate: String,
    over_time_chart: String,
    channel_chart: String,
    band_chart: String,
    city_chart: String,
    channels: Vec<BarView>,
    vias: Vec<BarView>,
    bands: Vec<BarView>,
    cities: Vec<BarView>,
    /// An internship programme: offers, places, applications and matches, in one line.
    internships: Option<String>,
    /// The attendance question's answers and the no-shows (issue 17).
    confirmation: Option<crate::services::attendance::ConfirmationCounts>,
}

#[handler]
pub async fn event_report(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let l = lang.lang;
    let r = reports::for_event(&state.db, &e).await?;
    let (by_channel, by_via, by_band, by_city) = (
        named(l, &r.by_channel),
        named(l, &r.by_via),
        named(l, &r.by_band),
        named(l, &r.by_city),
    );
    let over_time: Vec<(String, u64)> = r
        .over_time
        .iter()
        .map(|(d, n)| (d.format("%-m/%-d").to_string(), *n))
        .collect();
    let cities: Vec<Bar> = by_city.iter().take(15).cloned().collect();
    let view = EventReportView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        registrations: r.registrations,
        companies: r.companies,
        smes: r.smes,
        schools: r.schools,
        other_organizations: r.other_organizations,
        sme_share: percent(r.sme_share()),
        attendees: r.attendees,
        checked_in: r.checked_in,
        joined_online: r.joined_online,
        attended: r.attended,
        attendance_rate: percent(r.attendance_rate()),
        over_time_chart: chart::columns(&l.t("report-over-time"), &over_time),
        channel_chart: chart::bars(&l.t("col-heard-via"), &by_channel),
        band_chart: chart::bars(&l.t("report-company-size"), &by_band),
        city_chart: chart::bars(&l.t("report-city"), &cities),
        channels: bar_views(&by_channel),
        vias: bar_views(&by_via),
        bands: bar_views(&by_band),
        cities: bar_views(&by_city),
        internships: if crate::domain::Shape::InternshipOffer.taken_by(e.listing.event.spec.kind) {
            let c = crate::services::internships::counts(&state.db, e.listing.event.id).await?;
            Some(l.t_args(
                "a-internship-counts",
                &crate::fluent_args![
                    ("offers", c.offers),
                    ("places", c.places),
                    ("applications", c.applications),
                    ("matches", c.matches),
                ],
            ))
        } else {
            None
        },
        confirmation: crate::services::attendance::counts(
            &state.db,
            &e.listing.event,
            chrono::Utc::now(),
        )
        .await?,
    };
    Ok(private(state.pages.render(
        "admin/report.html",
        &lang,
        view,
    )?))
}

pub(super) fn csv_response(body: Vec<u8>, filename: &str) -> Response {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(body);
    private(
        bytes
            .with_content_type("text/csv; charset=utf-8")
            .with_header(
                "content-disposition",
                format!("attachment; filename=\"{filename}\""),
            )
            .into_response(),
    )
}

/// Every table of the event's report, one after another: section, label, count.
#[handler]
pub async fn event_report_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let l = lang.lang;
    let r = reports::for_event(&state.db, &e).await?;
    let mut rows = vec![header_row(l, &["col-section", "col-label", "col-count"])];
    let mut section = |id: &str, bars: &[Bar]| {
        let name = l.t(id);
        for b in bars {
            rows.push(vec![name.to_owned(), b.label.clone(), b.value.to_string()]);
        }
    };
    section("col-heard-via", &named(l, &r.by_channel));
    section("report-via-code", &named(l, &r.by_via));
    section("report-company-size", &named(l, &r.by_band));
    section("report-city", &named(l, &r.by_city));
    let over_time: Vec<Bar> = r
        .over_time
        .iter()
        .map(|(d, n)| Bar {
            label: d.to_string(),
            value: *n,
        })
        .collect();
    section("report-over-time", &over_time);
    // Attendance: on site (checked in), online (joined through the personal link), either.
    let attendance: Vec<Bar> = [
        ("joins-on-site", r.checked_in),
        ("joins-col-online", r.joined_online),
        ("joins-col-attended", r.attended),
    ]
    .into_iter()
    .map(|(id, value)| Bar {
        label: l.t(id).to_string(),
        value,
    })
    .collect();
    section("joins-attendance", &attendance);
    Ok(csv_response(
        csv_lines(&rows),
        &format!("report-{slug}.csv"),
    ))
}

#[derive(Deserialize)]
pub struct YearParams {
    year: Option<i32>,
}

#[derive(Serialize)]
struct YearRowView {
    label: String,
    events: u64,
    seats_offered: u64,
    companies: u64,
    smes: u64,
    schools: u64,
    other_organizations: u64,
    attendees: u64,
    checked_in: u64,
    joined_online: u64,
    attended: u64,
    attendance_rate: String,
    employees_covered: u64,
    internship_places: u64,
    internship_matches: u64,
}

fn year_row(l: crate::i18n::Lang, r: &YearRow) -> YearRowView {
    YearRowView {
        label: r.area.map_or_else(|| l.t("report-total"), |a| l.label(a)),
        events: r.events,
        seats_offered: r.seats_offered,
        companies: r.companies,
        smes: r.smes,
        schools: r.schools,
        other_organizations: r.other_organizations,
        attendees: r.attendees,
        checked_in: r.checked_in,
        joined_online: r.joined_online,
        attended: r.attended,
        attendance_rate: percent(r.attendance_rate()),
        employees_covered: r.employees_covered,
        internship_places: r.internship_places,
        internship_matches: r.internship_matches,
    }
}

#[derive(Serialize)]
struct YearView {
    me: Header,
    csrf_token: String,
    year: i32,
    label_ja: String,
    label_en: String,
    years: Vec<i32>,
    rows: Vec<YearRowView>,
    total: YearRowView,
    roles: Vec<BarView>,
    attendees_chart: String,
    certified: u64,
    participants_certified: u64,
    /// Expert dispatch by area, with the total last; empty without a programme.
    dispatch: Vec<DispatchRowView>,
}

#[derive(Serialize)]
struct DispatchRowView {
    label: String,
    requests: u64,
    companies: u64,
    visits_held: u64,
}

fn dispatch_rows(l: crate::i18n::Lang, r: &reports::YearReport) -> Vec<DispatchRowView> {
    let (lines, total) = &r.dispatch;
    if lines.is_empty() {
        return Vec::new();
    }
    lines
        .iter()
        .chain(std::iter::once(total))
        .map(|d| DispatchRowView {
            label: d.area.map_or_else(|| l.t("report-total"), |a| l.label(a)),
            requests: d.requests,
            companies: d.companies,
            visits_held: d.visits_held,
        })
        .collect()
}

fn chosen_year(params: &YearParams) -> FiscalYear {
    params
        .year
        .filter(|y| (2000..=2100).contains(y))
        .map_or_else(|| FiscalYear::of(Utc::now()), FiscalYear::new)
}

#[handler]
pub async fn year_report(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Query(params): Query<YearParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let year = chosen_year(&params);
    let l = lang.lang;
    let r = reports::fiscal_year(&state.db, &me.staff.principal, year).await?;
    let current = FiscalYear::of(Utc::now()).year();
    let attendees: Vec<Bar> = r
        .by_area
        .iter()
        .map(|row| Bar {
            label: year_row(l, row).label,
            value: row.attendees,
        })
        .collect();
    let view = YearView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        year: year.year(),
        label_ja: crate::i18n::dates::fiscal_year(crate::i18n::Lang::default(), year),
        label_en: crate::i18n::dates::fiscal_year(
            crate::i18n::Lang::parse("en").unwrap_or_default(),
            year,
        ),
        years: (current - 4..=current + 1).rev().collect(),
        rows: r.by_area.iter().map(|row| year_row(l, row)).collect(),
        total: year_row(l, &r.total),
        roles: r
            .by_role
            .iter()
            .map(|(role, n)| BarView {
                label: l.label(role),
                value: *n,
            })
            .collect(),
        attendees_chart: chart::bars(&l.t("report-attendees-by-area"), &attendees),
        certified: r.certified,
        participants_certified: r.participants_certified,
        dispatch: dispatch_rows(l, &r),
    };
    Ok(private(state.pages.render(
        "admin/year.html",
        &lang,
        view,
    )?))
}

#[handler]
pub async fn year_report_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Query(params): Query<YearParams>,
) -> Result<Response, AppError> {
    let year = chosen_year(&params);
    let l = lang.lang;
    let r = reports::fiscal_year(&state.db, &me.staff.principal, year).await?;
    let mut rows = vec![header_row(
        l,
        &[
            "col-programme-area",
            "col-events-held",
            "col-seats-offered",
            "col-companies",
            "col-smes",
            "col-schools",
            "col-other-organizations",
            "col-attendees",
            "col-checked-in",
            "joins-col-online",
            "joins-col-attended",
            "col-attendance-rate",
            "col-internship-places",
            "col-internship-matches",
            "col-campaign-employees",
        ],
    )];
    for row in r.by_area.iter().chain(std::iter::once(&r.total)) {
        let v = year_row(l, row);
        rows.push(vec![
            v.label,
            v.events.to_string(),
            v.seats_offered.to_string(),
            v.companies.to_string(),
            v.smes.to_string(),
            v.schools.to_string(),
            v.other_organizations.to_string(),
            v.attendees.to_string(),
            v.checked_in.to_string(),
            v.joined_online.to_string(),
            v.attended.to_string(),
            v.attendance_rate,
            v.internship_places.to_string(),
            v.internship_matches.to_string(),
            v.employees_covered.to_string(),
        ]);
    }
    // Expert dispatch counts by when requests were made and visits held: a table of its own.
    let dispatch = dispatch_rows(l, &r);
    if !dispatch.is_empty() {
        // Every record as wide as the first: a spreadsheet shows an empty line between.
        let width = rows[0].len();
        let pad = |mut row: Vec<String>| {
            row.resize(width, String::new());
            row
        };
        rows.push(pad(Vec::new()));
        rows.push(pad(header_row(
            l,
            &[
                "col-programme-area",
                "col-dispatch-requests",
                "col-dispatch-companies",
                "col-dispatch-visits-held",
            ],
        )));
        for d in dispatch {
            rows.push(pad(vec![
                d.label,
                d.requests.to_string(),
                d.companies.to_string(),
                d.visits_held.to_string(),
            ]));
        }
    }
    Ok(csv_response(
        csv_lines(&rows),
        &format!("report-fy{}.csv", year.year()),
    ))
}
