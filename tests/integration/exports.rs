//! The roster exports read back as the spreadsheets read them: rows written before input was
//! checked (line ends, NUL, escape sequences, formulas, very long names) still give one
//! parseable row per attendee, and phone numbers and 法人番号 open in LibreOffice exactly as
//! written. LibreOffice (headless) converts the downloaded CSV to XLSX, which calamine reads;
//! when it is not installed those tests are skipped and say so, unless
//! `UKETSUKE_REQUIRE_LIBREOFFICE=1` (set by `.ci/run`) makes that a failure.
use crate::helpers::{Browser, TestApp, company_registration, corporate_number, seminar};
use calamine::{Data, Reader, Xlsx};
use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use uketsuke::domain::UserRole;
use uketsuke::store::entities::{attendee, registration};

const NAME: usize = 3;
const COMPANY: usize = 9;
const CORPORATE_NUMBER: usize = 11;
const CONTACT: usize = 15;
const CONTACT_PHONE: usize = 17;

/// What the database holds for each attendee, and what an export must show for it.
struct Hostile {
    stored: String,
    in_csv: String,
    in_xlsx: String,
}

fn hostile_names(backend: DbBackend) -> Vec<Hostile> {
    let postgres = backend == DbBackend::Postgres;
    // PostgreSQL cannot store a NUL in text at all; SOH is a control it can. Its name column
    // is varchar(100), which SQLite does not enforce: the longest name each can hold.
    let (nul, nul_out) = if postgres {
        ("x\u{1}y", "x\u{FFFD}y")
    } else {
        ("x\u{0}y", "x\u{FFFD}y")
    };
    let long = format!("{}z", "長".repeat(if postgres { 99 } else { 9_999 }));
    let same = |stored: &str, out: &str| Hostile {
        stored: stored.into(),
        in_csv: out.into(),
        in_xlsx: out.into(),
    };
    let mut names = vec![
        same("A\r\nB", "A\nB"),
        same(nul, nul_out),
        same("\u{1b}[31m赤\u{9b}2J", "\u{FFFD}[31m赤\u{FFFD}2J"),
        Hostile {
            stored: "=cmd|' /C calc'!A0".into(),
            in_csv: "'=cmd|' /C calc'!A0".into(),
            // A text cell never runs; it is written as it is.
            in_xlsx: "=cmd|' /C calc'!A0".into(),
        },
        same(&long, &long),
    ];
    if !postgres {
        // Longer than an XLSX cell can hold: cut there, whole in the CSV.
        let longest = "長".repeat(40_000);
        names.push(Hostile {
            in_xlsx: format!("{}…", "長".repeat(32_766)),
            in_csv: longest.clone(),
            stored: longest,
        });
    }
    names
}

/// An event with one company of five or six attendees whose names (and the contact's) were stored
/// unchecked; returns the organizer's browser, the names and the company's 法人番号.
async fn roster_with_hostile_rows(app: &TestApp) -> (Browser, Vec<Hostile>, String) {
    let token = app
        .organization_with_user("ORGA", UserRole::Organizer)
        .await;
    let mut event = seminar("export-day");
    event["per_company_limit"] = json!(null);
    assert_eq!(
        app.api("POST", "/events", Some(&token), Some(event))
            .await
            .0,
        201
    );
    app.api("POST", "/events/export-day/publish", Some(&token), None)
        .await;
    let number = corporate_number(91_001);
    let names = hostile_names(app.db.get_database_backend());
    let emails: Vec<String> = (0..names.len())
        .map(|i| format!("a{i}@kaisha.example.jp"))
        .collect();
    let emails: Vec<&str> = emails.iter().map(String::as_str).collect();
    let (status, body) = app
        .register("export-day", company_registration(&number, &emails))
        .await;
    assert_eq!(status, 201, "{body}");

    // As rows written before the checks at the edge could be.
    for (name, email) in names.iter().zip(&emails) {
        attendee::Entity::update_many()
            .col_expr(
                attendee::Column::Name,
                sea_orm::sea_query::Expr::value(name.stored.clone()),
            )
            .filter(attendee::Column::Email.eq(*email))
            .exec(&app.db)
            .await
            .unwrap();
    }
    registration::Entity::update_many()
        .col_expr(
            registration::Column::ContactName,
            sea_orm::sea_query::Expr::value("山田\r\n\u{7}花子"),
        )
        .col_expr(
            registration::Column::CompanyName,
            sea_orm::sea_query::Expr::value("@SUM(1+1)*cmd _x0041_ 商事"),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    (organizer, names, number)
}

async fn download(b: &Browser, app: &TestApp, path: &str) -> Vec<u8> {
    let resp = b.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(resp.status(), 200, "{path}");
    resp.bytes().await.unwrap().to_vec()
}

fn grouped(number: &str) -> String {
    format!(
        "{}-{}-{}-{}",
        &number[..1],
        &number[1..5],
        &number[5..9],
        &number[9..]
    )
}

#[tokio::test]
async fn rows_stored_with_control_characters_export_whole_to_csv_and_xlsx() {
    let app = TestApp::spawn().await;
    let (organizer, names, number) = roster_with_hostile_rows(&app).await;

    let csv_bytes = download(&organizer, &app, "/admin/events/export-day/roster.csv").await;
    assert_eq!(&csv_bytes[..3], b"\xEF\xBB\xBF");
    assert!(
        !csv_bytes.contains(&0) && !csv_bytes.contains(&0x1b),
        "no NUL or ESC byte reaches the file"
    );
    let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), names.len(), "one row per attendee");
    for (row, name) in rows.iter().zip(&names) {
        assert_eq!(row.len(), 30);
        assert_eq!(&row[NAME], name.in_csv);
        assert_eq!(&row[CONTACT], "山田\n\u{FFFD}花子");
        assert_eq!(&row[COMPANY], "'@SUM(1+1)*cmd _x0041_ 商事");
        assert_eq!(&row[CONTACT_PHONE], "03-1234-5678");
        assert_eq!(&row[CORPORATE_NUMBER], grouped(&number));
    }
    assert!(
        rows[4][NAME].chars().count() >= 100 && rows[4][NAME].ends_with('z'),
        "nothing cut"
    );

    let xlsx = download(&organizer, &app, "/admin/events/export-day/roster.xlsx").await;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("名簿").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(rows.len(), names.len(), "one row per attendee");
    let text = |s: &str| Data::String(s.into());
    for (row, name) in rows.iter().zip(&names) {
        assert_eq!(row[NAME], text(&name.in_xlsx));
        assert_eq!(row[CONTACT], text("山田\n\u{FFFD}花子"));
        assert_eq!(row[COMPANY], text("@SUM(1+1)*cmd _x0041_ 商事"));
        // Identifiers are text cells, exactly as written.
        assert_eq!(row[CONTACT_PHONE], text("03-1234-5678"));
        assert_eq!(row[CORPORATE_NUMBER], text(&number));
    }
    let formulas = book.worksheet_formula("名簿").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

fn libreoffice_required() -> bool {
    std::env::var("UKETSUKE_REQUIRE_LIBREOFFICE").is_ok_and(|v| v == "1")
}

fn find_libreoffice() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("UKETSUKE_SOFFICE") {
        return Some(PathBuf::from(path));
    }
    let dirs = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&dirs)
        .flat_map(|dir| ["soffice", "libreoffice"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// LibreOffice's CSV import options (the filter's tokens): comma, double quote, UTF-8, from
/// line 1, then as its import dialog starts out (Office/Calc/Dialogs/CSVImport in its
/// registry): quoted fields not forced to text, no special numbers, and formulas NOT
/// evaluated. A headless conversion without options evaluates them, so both are tried.
const AS_THE_DIALOG_OPENS: &str = "44,34,76,1,,0,false,false,false,false,false,-1,false";
const HEADLESS_DEFAULTS: &str = "44,34,76,1";

/// `file` converted by LibreOffice to an XLSX workbook (a profile of its own, so parallel
/// runs do not share one); `csv_options` when the file is a CSV.
fn libreoffice_to_xlsx(soffice: &Path, file: &Path, csv_options: Option<&str>) -> Vec<u8> {
    let work = tempfile::tempdir().unwrap();
    let profile = url::Url::from_directory_path(work.path().join("profile")).unwrap();
    let out = work.path().join("out");
    let mut cmd = std::process::Command::new(soffice);
    cmd.arg(format!("-env:UserInstallation={profile}"))
        .arg("--headless")
        .arg("--norestore");
    if let Some(options) = csv_options {
        cmd.arg(format!("--infilter=CSV:{options}"));
    }
    let mut child = cmd
        .arg("--convert-to")
        .arg("xlsx")
        .arg("--outdir")
        .arg(&out)
        .arg(file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("LibreOffice starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "LibreOffice failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("LibreOffice did not finish converting {}", file.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let name = file.with_extension("xlsx");
    std::fs::read(out.join(name.file_name().unwrap())).expect("LibreOffice wrote the workbook")
}

/// The first sheet's cells and whether any of them holds a formula.
fn first_sheet(xlsx: Vec<u8>) -> (Vec<Vec<Data>>, bool) {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let name = book.sheet_names()[0].clone();
    let cells = book.worksheet_range(&name).unwrap();
    let formulas = book.worksheet_formula(&name).unwrap();
    let any_formula = formulas.used_cells().any(|(_, _, f)| !f.is_empty());
    (cells.rows().map(<[Data]>::to_vec).collect(), any_formula)
}

#[tokio::test]
async fn libreoffice_opens_phone_and_corporate_numbers_exactly_as_written() {
    let Some(soffice) = find_libreoffice() else {
        assert!(
            !libreoffice_required(),
            "UKETSUKE_REQUIRE_LIBREOFFICE=1 but LibreOffice is not installed \
             (apt-get install libreoffice-calc-nogui)"
        );
        eprintln!("SKIPPED: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)");
        return;
    };
    let app = TestApp::spawn().await;
    let (organizer, names, number) = roster_with_hostile_rows(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("roster.csv");
    std::fs::write(
        &csv_path,
        download(&organizer, &app, "/admin/events/export-day/roster.csv").await,
    )
    .unwrap();
    let xlsx_path = dir.path().join("roster-ours.xlsx");
    std::fs::write(
        &xlsx_path,
        download(&organizer, &app, "/admin/events/export-day/roster.xlsx").await,
    )
    .unwrap();
    // The control: the spellings that issue 13 reported, and the text-formula form.
    let control_path = dir.path().join("control.csv");
    std::fs::write(
        &control_path,
        format!("\u{FEFF}phone,number,formula\r\n0312345678,{number},\"=\"\"{number}\"\"\"\r\n"),
    )
    .unwrap();

    let text = |s: &str| Data::String(s.into());
    let check = |label: &str, rows: &[Vec<Data>], corporate: &str, formula_name: &str| {
        assert_eq!(rows.len(), 1 + names.len(), "{label}: one row per attendee");
        for (row, name) in rows[1..].iter().zip(&names) {
            assert_eq!(row[CONTACT_PHONE], text("03-1234-5678"), "{label}");
            assert_eq!(row[CORPORATE_NUMBER], text(corporate), "{label}");
            if name.stored.starts_with('=') {
                assert_eq!(row[NAME], text(formula_name), "{label}");
            }
        }
    };
    let soffice2 = soffice.clone();
    let (csv_dialog, csv_headless, ours, control_dialog, control_headless) =
        tokio::task::spawn_blocking(move || {
            (
                libreoffice_to_xlsx(&soffice2, &csv_path, Some(AS_THE_DIALOG_OPENS)),
                libreoffice_to_xlsx(&soffice2, &csv_path, Some(HEADLESS_DEFAULTS)),
                libreoffice_to_xlsx(&soffice2, &xlsx_path, None),
                libreoffice_to_xlsx(&soffice2, &control_path, Some(AS_THE_DIALOG_OPENS)),
                libreoffice_to_xlsx(&soffice2, &control_path, Some(HEADLESS_DEFAULTS)),
            )
        })
        .await
        .unwrap();

    // The CSV, whether or not LibreOffice evaluates formulas: identifiers are text as
    // written, and the neutralised formula is text with its apostrophe.
    for (label, xlsx) in [("dialog", csv_dialog), ("headless", csv_headless)] {
        let (rows, any_formula) = first_sheet(xlsx);
        check(label, &rows, &grouped(&number), "'=cmd|' /C calc'!A0");
        assert!(!any_formula, "{label}: nothing in the CSV became a formula");
        assert_eq!(rows[5][NAME], text(&names[4].in_csv), "the long name whole");
    }
    // Our XLSX: text cells stay text cells, the 法人番号 bare.
    let (rows, any_formula) = first_sheet(ours);
    check("xlsx", &rows, &number, "=cmd|' /C calc'!A0");
    assert!(!any_formula);

    // Without hyphens, both become numbers: the leading zero is gone. The text-formula form
    // stays text only when formulas are evaluated, which the import dialog does not do.
    let (rows, _) = first_sheet(control_dialog);
    assert_eq!(rows[1][0], Data::Float(312_345_678.0));
    assert_eq!(rows[1][1], Data::Float(number.parse().unwrap()));
    assert_eq!(rows[1][2], text(&format!("=\"{number}\"")));
    let (rows, any_formula) = first_sheet(control_headless);
    assert_eq!(rows[1][0], Data::Float(312_345_678.0));
    assert_eq!(rows[1][2], text(&number));
    assert!(any_formula, "evaluated when the options allow it");
}
