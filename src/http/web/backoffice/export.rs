//! `/admin/events/{slug}/roster.csv`: the roster for Excel. UTF-8 with a BOM (so Excel reads
//! Japanese), one row per attendee, formula-injection safe, streamed a page at a time so a
//! roster of any size never sits in memory whole. Every CSV export of the back-office is
//! encoded by `csv_lines` here, and every cell passes `cells::spreadsheet_text` on its way out.
use super::cells;
use super::*;
use crate::store::roster::{RosterQuery, RosterRow};
use futures_util::{StreamExt, stream};

const CHUNK: u64 = 1000;

/// The roster's fixed columns, in order: message ids in `exports.ftl`. One column per question
/// of the event follows them, headed by the question's text (see [`Columns`]). The first
/// eighteen keep their places from before, for the spreadsheets people built on them.
const COLUMNS: [&str; 30] = [
    "col-attendee-id",
    "col-registration-id",
    "col-status",
    "col-attendee",
    "col-kana",
    "col-department",
    "col-title",
    "col-email",
    "col-check-in",
    "col-company",
    "col-company-kana",
    "col-corporate-number",
    "col-employees",
    "col-prefecture",
    "col-city",
    "col-contact",
    "col-contact-email",
    "col-contact-phone",
    // The registrant's "how did you hear" answer, in words; the `?via=` code of the link they
    // came by, as it was, in a column of its own.
    "col-heard-via",
    "col-via-code",
    "col-registered-at",
    "col-industry",
    "col-tcci-member",
    "col-postal-code",
    "col-street",
    // Who registered (a school, a company abroad...) and where, outside Japan's fields.
    "col-registrant-kind",
    "col-country",
    "col-region",
    // Online attendance: when the attendee first joined through their personal join link.
    "joins-col-joined-online",
    // Last of the fixed columns, just before the questions.
    "col-sessions",
];

/// What an export needs besides the rows: session titles and the event's questions.
struct Columns {
    titles: Titles,
    questions: Vec<crate::domain::Question>,
}

impl Columns {
    async fn of(
        state: &AppState,
        event_id: i64,
        lang: crate::i18n::Lang,
    ) -> Result<Self, AppError> {
        Ok(Columns {
            titles: session_titles(state, event_id, lang).await?,
            questions: crate::services::questions::of_event(&state.db, event_id).await?,
        })
    }

    /// The header row: the fixed columns in the reader's language, then each question's text
    /// in the reader's language.
    fn header(&self, lang: crate::i18n::Lang) -> Vec<String> {
        let mut row = header_row(lang, &COLUMNS);
        row.extend(
            self.questions
                .iter()
                .map(|q| q.spec.label.get(lang.content()).to_owned()),
        );
        row
    }
}

/// A header row: each column's name (a message id in `exports.ftl`) in the reader's language.
pub fn header_row(lang: crate::i18n::Lang, columns: &[&str]) -> Vec<String> {
    columns.iter().map(|id| lang.t(id)).collect()
}

/// A cell that a spreadsheet would read as a formula (`= + - @`, or a leading tab or line end
/// that an importer may strip first) gets a leading apostrophe: shown as text, never run.
/// A line feed counts because `spreadsheet_text` turns a leading carriage return into one.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The registrant's columns the exports of booths, campaign entries and declarations add after
/// their own (those shapes name no attendees, so the roster has no row for them): the contact,
/// TCCI membership, industry (unless the export has it already) and address, how they heard of
/// the event in words and the `?via=` code apart, then one column per question of the event.
pub(super) struct RegistrantColumns {
    questions: Vec<crate::domain::Question>,
    with_industry: bool,
    registrants: std::collections::HashMap<i64, crate::store::roster::Registrant>,
}

impl RegistrantColumns {
    /// `with_industry`: unless the export has it already; `with_questions`: unless the event's
    /// questions are not theirs (a job fair asks its visitors, not its exhibitors).
    pub(super) async fn of(
        state: &AppState,
        event_id: i64,
        registration_ids: &[i64],
        with_industry: bool,
        with_questions: bool,
    ) -> Result<Self, AppError> {
        let questions = if with_questions {
            crate::services::questions::of_event(&state.db, event_id).await?
        } else {
            Vec::new()
        };
        Ok(RegistrantColumns {
            questions,
            with_industry,
            registrants: backoffice::registrants(&state.db, event_id, registration_ids).await?,
        })
    }

    pub(super) fn header(&self, lang: crate::i18n::Lang) -> Vec<String> {
        let mut ids = vec!["col-contact", "col-contact-email", "col-contact-phone"];
        if self.with_industry {
            ids.push("col-industry");
        }
        ids.extend([
            "col-tcci-member",
            "col-postal-code",
            "col-prefecture",
            "col-city",
            "col-street",
            "col-heard-via",
            "col-via-code",
            "col-registrant-kind",
            "col-country",
            "col-region",
        ]);
        let mut row = header_row(lang, &ids);
        row.extend(
            self.questions
                .iter()
                .map(|q| q.spec.label.get(lang.content()).to_owned()),
        );
        row
    }

    /// The cells of registration `id` (empty cells if it is not found).
    pub(super) fn cells(
        &self,
        id: i64,
        lang: crate::i18n::Lang,
        phones: &mut cells::Phones,
    ) -> Vec<String> {
        // Contact (3), industry (if asked), membership and address (5), heard via and code (2),
        // who registered and the country and region (3).
        let width = 13 + usize::from(self.with_industry) + self.questions.len();
        let Some(r) = self.registrants.get(&id) else {
            return vec![String::new(); width];
        };
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut row = vec![
            r.contact_name.clone(),
            r.contact_email.clone(),
            r.contact_phone
                .as_deref()
                .map(|p| phones.written(p))
                .unwrap_or_default(),
        ];
        if self.with_industry {
            row.push(industry(lang, r.industry.as_deref()));
        }
        row.extend([
            r.tcci_member.map(|b| yes_no(lang, b)).unwrap_or_default(),
            opt(&r.postal_code),
            opt(&r.prefecture),
            opt(&r.city),
            opt(&r.street),
            crate::i18n::words::channel(lang, r.walk_in, r.heard_via.as_deref())
                .unwrap_or_default(),
            opt(&r.via),
            registrant_kind(lang, &r.registrant_kind, r.school_type.as_deref()),
            country(lang, r.country.as_deref()),
            opt(&r.region),
        ]);
        row.extend(self.questions.iter().map(|q| {
            r.answers
                .get(&q.id)
                .map(|a| crate::i18n::words::answer_text(lang, q, a))
                .unwrap_or_default()
        }));
        row
    }
}

/// Who registered in words (a school with its type); a code that is no longer one, as stored.
fn registrant_kind(lang: crate::i18n::Lang, code: &str, school_type: Option<&str>) -> String {
    let kind = code
        .parse::<crate::domain::RegistrantKind>()
        .map_or_else(|_| code.to_owned(), |k| lang.label(k));
    match school_type.and_then(|t| t.parse::<crate::domain::SchoolType>().ok()) {
        Some(t) => format!("{kind}: {}", lang.label(t)),
        None => kind,
    }
}

/// A country by its name in the reader's language; a code that is no longer one, as stored.
fn country(lang: crate::i18n::Lang, code: Option<&str>) -> String {
    code.map(|code| {
        crate::domain::Country::parse("country", code)
            .map_or_else(|_| code.to_owned(), |c| lang.label(c))
    })
    .unwrap_or_default()
}

fn yes_no(lang: crate::i18n::Lang, b: bool) -> String {
    lang.t(if b { "export-yes" } else { "export-no" })
}

/// An industry by its label; a code that is no longer one, as stored.
fn industry(lang: crate::i18n::Lang, code: Option<&str>) -> String {
    code.map(|code| {
        code.parse::<crate::domain::Industry>()
            .map_or_else(|_| code.to_owned(), |i| lang.label(i))
    })
    .unwrap_or_default()
}

/// Where a row is going: the two files differ in how a corporate number survives being opened.
#[derive(Clone, Copy)]
enum Target {
    Csv,
    Xlsx,
}

/// Session titles by id, for the sessions column.
type Titles = std::collections::HashMap<i64, String>;

fn record(
    r: &RosterRow,
    lang: crate::i18n::Lang,
    columns: &Columns,
    target: Target,
    phones: &mut cells::Phones,
) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let corporate_number = match target {
        Target::Csv => r
            .corporate_number
            .as_deref()
            .map(cells::corporate_number_for_csv),
        // A text cell keeps the bare digits, the form the NTA's data uses.
        Target::Xlsx => r.corporate_number.clone(),
    };
    let mut row = vec![
        r.attendee_id.to_string(),
        r.registration_id.to_string(),
        if r.attendee_status == crate::domain::AttendeeStatus::Cancelled {
            lang.label(crate::domain::AttendeeStatus::Cancelled)
        } else {
            lang.label(r.status)
        },
        r.name.clone(),
        r.kana.clone(),
        opt(&r.department),
        opt(&r.title),
        r.email.clone(),
        r.checked_in_at
            .map(|t| crate::i18n::dates::date_time(lang, t))
            .unwrap_or_default(),
        opt(&r.company),
        opt(&r.company_kana),
        corporate_number.unwrap_or_default(),
        r.employee_band
            .as_deref()
            .and_then(|b| b.parse::<crate::domain::EmployeeBand>().ok())
            .map(|b| lang.label(b))
            .unwrap_or_default(),
        opt(&r.prefecture),
        opt(&r.city),
        r.contact_name.clone(),
        r.contact_email.clone(),
        r.contact_phone
            .as_deref()
            .map(|p| phones.written(p))
            .unwrap_or_default(),
        crate::i18n::words::channel(lang, r.walk_in, r.heard_via.as_deref()).unwrap_or_default(),
        opt(&r.via),
        crate::i18n::dates::date_time(lang, r.registered_at),
        industry(lang, r.industry.as_deref()),
        r.tcci_member.map(|b| yes_no(lang, b)).unwrap_or_default(),
        opt(&r.postal_code),
        opt(&r.street),
        registrant_kind(lang, &r.registrant_kind, r.school_type.as_deref()),
        country(lang, r.country.as_deref()),
        opt(&r.region),
        r.joined_online_at
            .map(|t| crate::i18n::dates::date_time(lang, t))
            .unwrap_or_default(),
        r.session_ids
            .iter()
            .filter_map(|id| columns.titles.get(id).map(String::as_str))
            .collect::<Vec<_>>()
            .join(" / "),
    ];
    row.extend(columns.questions.iter().map(|q| {
        r.answers
            .get(&q.id)
            .map(|a| crate::i18n::words::answer_text(lang, q, a))
            .unwrap_or_default()
    }));
    row
}

async fn session_titles(
    state: &AppState,
    event_id: i64,
    lang: crate::i18n::Lang,
) -> Result<Titles, AppError> {
    Ok(crate::services::sessions::of_event(&state.db, event_id)
        .await?
        .into_iter()
        .map(|s| (s.id, s.spec.title.get(lang.content()).to_owned()))
        .collect())
}

/// Encodes rows as CSV lines, each cell made fit for a spreadsheet and then neutralised.
/// The csv crate quotes a cell holding a quote, comma or line end, so every row stays one
/// record to any reader.
pub fn csv_lines(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(
                row.iter()
                    .map(|c| neutralise(&cells::spreadsheet_text(c)).into_owned()),
            )
            .expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

#[handler]
pub async fn roster_csv(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<RosterParams>,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let q = params.query();
    backoffice::start_export(&state.db, &me.staff.principal, &e, &q, "csv", Utc::now()).await?;
    let lang = lang.lang;
    let mut first = b"\xEF\xBB\xBF".to_vec();
    let event_id = e.listing.event.id;
    let columns = std::sync::Arc::new(Columns::of(&state, event_id, lang).await?);
    first.extend(csv_lines(&[columns.header(lang)]));

    let db = state.db.clone();
    // (the next id to read after, done)
    let pages = stream::unfold(
        (0i64, false, q),
        move |(after, done, q): (i64, bool, RosterQuery)| {
            let db = db.clone();
            let columns = columns.clone();
            async move {
                if done {
                    return None;
                }
                match backoffice::export_page(&db, event_id, &q, after, CHUNK).await {
                    Ok(rows) if rows.is_empty() => None,
                    Ok(rows) => {
                        let last = rows.last().map_or(after, |r| r.attendee_id);
                        let mut phones = cells::Phones::default();
                        let lines: Vec<Vec<String>> = rows
                            .iter()
                            .map(|r| record(r, lang, &columns, Target::Csv, &mut phones))
                            .collect();
                        let more = rows.len() as u64 == CHUNK;
                        Some((Ok::<_, std::io::Error>(csv_lines(&lines)), (last, !more, q)))
                    }
                    Err(err) => {
                        tracing::error!(error = %err, "roster export failed midway");
                        Some((
                            Err(std::io::Error::other("export failed")),
                            (after, true, q),
                        ))
                    }
                }
            }
        },
    );
    let body = stream::iter([Ok::<_, std::io::Error>(first)]).chain(pages);
    let filename = format!("roster-{slug}.csv");
    Ok(private(
        Body::from_bytes_stream(body)
            .with_content_type("text/csv; charset=utf-8")
            .with_header(
                "content-disposition",
                format!("attachment; filename=\"{filename}\""),
            )
            .into_response(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_would_be_formulas_are_made_text() {
        for bad in ["=1+2", "+81", "-1", "@SUM(A1)", "\tx", "\rx", "\nx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for fine in ["\u{5c71}\u{7530}", "03-1234", "a=b", ""] {
            assert_eq!(neutralise(fine), fine);
        }
        let out = String::from_utf8(csv_lines(&[vec!["=HYPERLINK(\"x\")".into(), "a,b".into()]]))
            .unwrap();
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\"\r\n");
    }

    #[test]
    fn csv_cells_are_cleaned_before_they_are_neutralised() {
        let out = String::from_utf8(csv_lines(&[vec![
            "\r=cmd".into(),
            "A\r\nB".into(),
            "\u{0}\u{1b}[31m".into(),
        ]]))
        .unwrap();
        assert_eq!(out, "\"'\n=cmd\",\"A\nB\",\u{FFFD}\u{FFFD}[31m\r\n");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(row.len(), 3);
        assert_eq!(&row[1], "A\nB");
    }
}

/// `/admin/events/{slug}/roster.xlsx`: the same rows as the CSV in an Excel workbook. Cells
/// are written as text, so nothing in them can run as a formula and identifiers (phone
/// numbers, the corporate number) stay exactly as written. The worksheet is written in
/// constant-memory mode on a blocking thread to a temporary file, which is then streamed.
#[handler]
pub async fn roster_xlsx(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<RosterParams>,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let q = params.query();
    backoffice::start_export(&state.db, &me.staff.principal, &e, &q, "xlsx", Utc::now()).await?;
    let lang = lang.lang;
    let columns = Columns::of(&state, e.listing.event.id, lang).await?;
    let headers = columns.header(lang);
    let sheet_name = lang.t("export-roster-sheet");
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Vec<String>>>(2);
    let writer = tokio::task::spawn_blocking(move || write_workbook(&sheet_name, &headers, rx));
    let mut after = 0;
    loop {
        let rows = backoffice::export_page(&state.db, e.listing.event.id, &q, after, CHUNK).await?;
        let Some(last) = rows.last() else { break };
        after = last.attendee_id;
        let mut phones = cells::Phones::default();
        let lines = rows
            .iter()
            .map(|r| record(r, lang, &columns, Target::Xlsx, &mut phones))
            .collect();
        if tx.send(lines).is_err() {
            break;
        }
    }
    drop(tx);
    let file = writer
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("xlsx writer: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("xlsx: {e}")))?;
    // The open handle keeps the file readable after the name is gone.
    let reader =
        tokio::fs::File::from_std(file.reopen().map_err(|e| AppError::Internal(e.into()))?);
    drop(file);
    Ok(private(
        Body::from_async_read(reader)
            .with_content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .with_header(
                "content-disposition",
                format!("attachment; filename=\"roster-{slug}.xlsx\""),
            )
            .into_response(),
    ))
}

fn write_workbook(
    sheet_name: &str,
    headers: &[String],
    rows: std::sync::mpsc::Receiver<Vec<Vec<String>>>,
) -> anyhow::Result<tempfile::NamedTempFile> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(sheet_name)?;
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, h, &bold)?;
    }
    let mut row = 1u32;
    for chunk in rows {
        for line in chunk {
            for (col, cell) in line.iter().enumerate() {
                if !cell.is_empty() {
                    let text = cells::spreadsheet_text(cell);
                    sheet.write_string(row, col as u16, cells::fit_xlsx_cell(&text))?;
                }
            }
            row += 1;
        }
    }
    let file = tempfile::NamedTempFile::new()?;
    workbook.save(file.path())?;
    Ok(file)
}
