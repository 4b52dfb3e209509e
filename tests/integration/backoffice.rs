//! The back-office over HTTP, as browsers use it: sign-in and its throttle, what each role of
//! the organizer and of each partner may see, the roster export, the door, and the audit log.
use crate::helpers::{
    Browser, STAFF_PASSWORD, TestApp, company_registration, corporate_number, seminar,
};
use serde_json::json;
use uketsuke::domain::UserRole;
use uketsuke::store;

#[tokio::test]
async fn staff_sign_in_and_failures_say_nothing_about_which_addresses_exist() {
    let app = TestApp::spawn().await;
    app.organization_with_user("ORGA", UserRole::Organizer)
        .await;
    let email = app.staff("ORGA", UserRole::Organizer).await;
    let b = Browser::new(&app);

    let (status, _) = b.get("/admin").await;
    assert_eq!(status, 303);
    let resp = b
        .client
        .get(app.url("/admin/events/x/roster?q=a"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.headers()["location"].to_str().unwrap(),
        "/admin/login?next=%2Fadmin%2Fevents%2Fx%2Froster%3Fq%3Da"
    );

    // A wrong password and an unknown address get the same answer.
    let (status, wrong, _) = b.login(&email, "not the password at all").await;
    let (status2, unknown, _) = b
        .login("nobody@example.jp", "not the password at all")
        .await;
    assert_eq!((status, status2), (422, 422));
    let message = "メールアドレスまたはパスワードが正しくありません。";
    assert!(wrong.contains(message) && unknown.contains(message));
    assert!(
        wrong.contains(&format!("value=\"{}\"", email.replace('/', "&#x2f;"))),
        "the address is kept"
    );

    // Without the form's CSRF token nothing happens.
    let resp = b
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", email.as_str()), ("password", STAFF_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);

    // The right password signs in: an HttpOnly, SameSite cookie for the back-office only.
    let (status, _, location) = b.login(&email, STAFF_PASSWORD).await;
    assert_eq!((status, location.as_deref()), (303, Some("/admin")));
    let (status, home) = b.get("/admin").await;
    assert_eq!(status, 200);
    assert!(home.contains("イベント一覧") && home.contains("ログアウト"));
    let other = Browser::new(&app);
    let resp = other
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403, "no token, no cookie: refused");

    // Five failures lock the address for a while, even for the right password; the answer is
    // the same as for any failure.
    let locked = app.staff("ORGA", UserRole::Viewer).await;
    for _ in 0..5 {
        assert_eq!(other.login(&locked, "wrong wrong wrong").await.0, 422);
    }
    let (status, body, _) = other.login(&locked, STAFF_PASSWORD).await;
    assert_eq!(status, 422);
    assert!(body.contains(message));

    // A password change checks the current one, ends other sessions, and keeps this one.
    let second = Browser::new(&app);
    assert_eq!(second.login(&email, STAFF_PASSWORD).await.0, 303);
    let (status, page) = b.get("/admin/password").await;
    assert_eq!(status, 200, "{page}");
    let (status, body, _) = b
        .post(
            "/admin/password",
            "/admin/password",
            &[
                ("current_password", "wrong"),
                ("new_password", "a brand new passphrase"),
                ("confirm_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("現在のパスワードが正しくありません。"));
    let (status, _, _) = b
        .post(
            "/admin/password",
            "/admin/password",
            &[
                ("current_password", STAFF_PASSWORD),
                ("new_password", "a brand new passphrase"),
                ("confirm_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(b.get("/admin").await.0, 200);
    assert_eq!(second.get("/admin").await.0, 303, "the other session ended");
    assert_eq!(second.login(&email, "a brand new passphrase").await.0, 303);

    // The language switch stays in the back-office (it once led to the public catalogue),
    // and offers only the locales the back-office is written in: no やさしい日本語.
    let (_, page) = b.get("/admin/password").await;
    assert!(
        page.contains(
            r#"<a href="&#x2f;admin&#x2f;password?lang=en" hreflang="en" lang="en">English</a>"#
        ),
        "{page}"
    );
    assert!(!page.contains("ja-x-easy"), "{page}");
    // Someone who chose やさしい日本語 on the public pages reads the back-office in Japanese.
    let (_, page) = b.get("/admin/password?lang=ja-x-easy").await;
    assert!(page.contains(r#"<html lang="ja">"#), "{page}");

    // Logging out ends the session.
    let (status, _, location) = b.post("/admin", "/admin/logout", &[]).await;
    assert_eq!((status, location.as_deref()), (303, Some("/admin/login")));
    assert_eq!(b.get("/admin").await.0, 303);
}

/// An event of ORG-A with ORG-B as approved co-host and ORG-C as approved backer, and two
/// registrations (one waiting). Returns the addresses of the attendees.
async fn partnered_event(app: &TestApp) -> (String, String) {
    let a = app
        .organization_with_user("ORGA", UserRole::Organizer)
        .await;
    let b = app.organization_with_user("ORGB", UserRole::Admin).await;
    let c = app.organization_with_user("ORGC", UserRole::Admin).await;
    app.organization_with_user("ORGD", UserRole::Admin).await;
    let mut event = seminar("run-day");
    event["capacity"] = json!(1);
    event["per_company_limit"] = json!(null);
    event["waitlist_enabled"] = json!(true);
    assert_eq!(
        app.api("POST", "/events", Some(&a), Some(event)).await.0,
        201
    );
    app.api("POST", "/events/run-day/publish", Some(&a), None)
        .await;
    for (org, role, token) in [("ORGB", "co_host", &b), ("ORGC", "backing", &c)] {
        let invite = json!({"organization": org, "role": role});
        assert_eq!(
            app.api("POST", "/events/run-day/partners", Some(&a), Some(invite))
                .await
                .0,
            201
        );
        let path = format!("/events/run-day/partners/{org}/approve");
        assert_eq!(app.api("POST", &path, Some(token), None).await.0, 200);
    }
    let mut first = company_registration(&corporate_number(91_001), &["tanaka@kaisha.example.jp"]);
    first["company"]["name"] = json!("=HYPERLINK(\"http://evil.example\")商事");
    first["attendees"][0]["name"] = json!("田中 太郎");
    first["attendees"][0]["kana"] = json!("タナカ タロウ");
    let (status, body) = app.register("run-day", first).await;
    assert_eq!(status, 201, "{body}");
    let second = company_registration(&corporate_number(91_002), &["waiting@kaisha.example.jp"]);
    assert_eq!(
        app.register("run-day", second).await.1["status"],
        "waitlisted"
    );
    (
        "tanaka@kaisha.example.jp".into(),
        "waiting@kaisha.example.jp".into(),
    )
}

#[tokio::test]
async fn each_role_sees_what_it_may_and_nothing_of_other_events() {
    let app = TestApp::spawn().await;
    let (tanaka, _) = partnered_event(&app).await;
    let pages = [
        "/admin/events/run-day",
        "/admin/events/run-day/roster",
        "/admin/events/run-day/roster.csv",
        "/admin/events/run-day/checkin?q=田中",
        "/admin/events/run-day/registrations/1",
    ];
    // (organization, role, expected status of each page)
    let matrix = [
        ("ORGA", UserRole::Admin, [200, 200, 200, 200, 200]),
        ("ORGA", UserRole::Organizer, [200, 200, 200, 200, 200]),
        ("ORGA", UserRole::Viewer, [200, 200, 403, 403, 200]),
        ("ORGA", UserRole::CheckinStaff, [200, 403, 403, 200, 403]),
        ("ORGB", UserRole::Organizer, [200, 200, 200, 200, 200]),
        ("ORGB", UserRole::Viewer, [200, 200, 403, 403, 200]),
        ("ORGC", UserRole::Admin, [200, 403, 403, 403, 403]),
        ("ORGD", UserRole::Admin, [403, 403, 403, 403, 403]),
    ];
    for (org, role, expected) in matrix {
        let b = app.signed_in(org, role).await;
        for (page, want) in pages.iter().zip(expected) {
            let (status, body) = b.get(page).await;
            assert_eq!(status, want, "{org} {role:?} {page}");
            if want != 200 || page.ends_with("run-day") {
                assert!(
                    !body.contains(&tanaka) && !body.contains("田中"),
                    "{org} {role:?} {page} shows personal data"
                );
            } else {
                assert!(body.contains("田中"), "{org} {role:?} {page}");
            }
        }
        // The events list shows partners' events, with counts.
        let (_, home) = b.get("/admin").await;
        assert_eq!(
            home.contains("/admin/events/run-day"),
            org != "ORGD",
            "{org}"
        );
    }
    // A backer is told why it sees counts only.
    let c = app.signed_in("ORGC", UserRole::Organizer).await;
    let (_, page) = c.get("/admin/events/run-day").await;
    assert!(page.contains("申込数のみ") && page.contains("キャンセル待ち"));

    // Every read of personal data is in the audit log, with its count; the organizer's admin
    // sees their organization's, and the co-host's export is on the co-host's.
    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    let log = store::audit::of_event(&app.db, event.id).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    assert!(
        actions.contains(&"roster_view")
            && actions.contains(&"roster_export")
            && actions.contains(&"checkin_search")
            && actions.contains(&"registration_view")
    );
    assert!(
        log.iter()
            .filter(|r| r.action == "roster_export")
            .all(|r| r.records == 2)
    );
    let admin = app.signed_in("ORGA", UserRole::Admin).await;
    let (status, audit) = admin.get("/admin/audit").await;
    assert_eq!(status, 200);
    assert!(audit.contains("roster_export") && audit.contains("checkin_search"));
    let viewer = app.signed_in("ORGA", UserRole::Viewer).await;
    assert_eq!(viewer.get("/admin/audit").await.0, 403);
}

#[tokio::test]
async fn the_roster_exports_for_excel_with_japanese_intact_and_no_formulas() {
    let app = TestApp::spawn().await;
    partnered_event(&app).await;
    let b = app.signed_in("ORGA", UserRole::Organizer).await;
    let resp = b
        .client
        .get(app.url("/admin/events/run-day/roster.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        resp.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("roster-run-day.csv")
    );
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let bytes = resp.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a BOM, so Excel reads UTF-8");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[3], "参加者");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let tanaka = rows
        .iter()
        .find(|r| &r[3] == "田中 太郎")
        .expect("Japanese intact");
    assert_eq!(&tanaka[4], "タナカ タロウ");
    assert_eq!(&tanaka[2], "参加確定");
    assert!(
        tanaka[9].starts_with("'=HYPERLINK"),
        "a formula is made text: {}",
        &tanaka[9]
    );
    // The answer to "how did you hear" in words, and the link's code in a column of its own.
    assert_eq!(&tanaka[18], "東京商工会議所のメールマガジン");
    assert_eq!(&tanaka[19], "mm-2026-12");

    // Filters apply to the export as to the page; English headers follow the language.
    let resp = b
        .client
        .get(app.url("/admin/events/run-day/roster.csv?status=waitlisted&lang=en"))
        .send()
        .await
        .unwrap();
    let bytes = resp.bytes().await.unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(&reader.headers().unwrap()[3], "Attendee");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][7], "waiting@kaisha.example.jp");

    // The page searches by kana and company, and pages.
    let (_, page) = b.get("/admin/events/run-day/roster?q=タナカ").await;
    assert!(page.contains("田中 太郎") && !page.contains("waiting@kaisha"));
    let (_, page) = b.get("/admin/events/run-day/roster?q=hyperlink").await;
    assert!(page.contains("田中 太郎"));
    assert!(page.contains("1件"));
}

#[tokio::test]
async fn the_door_checks_in_by_name_once_and_only_confirmed_attendees() {
    let app = TestApp::spawn().await;
    partnered_event(&app).await;
    let door = app.signed_in("ORGA", UserRole::CheckinStaff).await;
    let (status, page) = door.get("/admin/events/run-day/checkin?q=たなか").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("田中 太郎"),
        "kana typed in hiragana finds katakana: {page}"
    );
    let (_, waiting) = door.get("/admin/events/run-day/checkin?q=waiting").await;
    assert!(
        waiting.contains("該当する参加確定者はいません"),
        "only confirmed attendees at the door"
    );

    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    let (rows, _) = store::roster::page(&app.db, event.id, &Default::default(), 10, 0)
        .await
        .unwrap();
    let tanaka = rows
        .iter()
        .find(|r| r.name == "田中 太郎")
        .unwrap()
        .attendee_id;
    let waiter = rows
        .iter()
        .find(|r| r.email.starts_with("waiting"))
        .unwrap()
        .attendee_id;
    let action = format!("/admin/events/run-day/checkin/{tanaka}");
    let from = "/admin/events/run-day/checkin?q=田中";
    let (status, _, location) = door.post(from, &action, &[("q", "田中")]).await;
    assert_eq!(status, 303);
    let (_, after) = door.get(location.as_deref().unwrap()).await;
    assert!(after.contains("田中 太郎 様を受付しました。"));
    let first = store::roster::page(&app.db, event.id, &Default::default(), 10, 0)
        .await
        .unwrap()
        .0
        .into_iter()
        .find(|r| r.attendee_id == tanaka)
        .unwrap()
        .checked_in_at
        .unwrap();
    // A second tap changes nothing.
    door.post(from, &action, &[("q", "田中")]).await;
    let again = store::roster::page(&app.db, event.id, &Default::default(), 10, 0)
        .await
        .unwrap()
        .0
        .into_iter()
        .find(|r| r.attendee_id == tanaka)
        .unwrap()
        .checked_in_at
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(
        store::roster::checked_in_count(&app.db, event.id)
            .await
            .unwrap(),
        1
    );
    // Someone waiting cannot be checked in, even by a hand-made post.
    let (status, _, _) = door
        .post(
            from,
            &format!("/admin/events/run-day/checkin/{waiter}"),
            &[],
        )
        .await;
    assert_eq!(status, 409);
    // Another event's attendee id is not found through this event.
    let (status, _, _) = door
        .post(from, "/admin/events/run-day/checkin/999999", &[])
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn reports_show_counts_and_charts_to_partners_but_no_personal_data() {
    let app = TestApp::spawn().await;
    let (tanaka, _) = partnered_event(&app).await;
    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    let door = app.signed_in("ORGA", UserRole::CheckinStaff).await;
    let (rows, _) = store::roster::page(&app.db, event.id, &Default::default(), 10, 0)
        .await
        .unwrap();
    let id = rows.iter().find(|r| r.email == tanaka).unwrap().attendee_id;
    door.post(
        "/admin/events/run-day/checkin?q=x",
        &format!("/admin/events/run-day/checkin/{id}"),
        &[],
    )
    .await;

    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let (status, page) = organizer.get("/admin/events/run-day/report").await;
    assert_eq!(status, 200);
    assert!(page.contains("<svg") && page.contains("申込数の推移"));
    assert!(
        page.contains("100.0%"),
        "one attendee holds a seat and came"
    );
    assert!(page.contains("mm-2026-12"), "the via code is counted");
    // A backer sees the report (numbers only); a stranger does not.
    let backer = app.signed_in("ORGC", UserRole::Viewer).await;
    let (status, page) = backer.get("/admin/events/run-day/report").await;
    assert_eq!(status, 200);
    assert!(!page.contains(&tanaka) && !page.contains("田中"));
    let stranger = app.signed_in("ORGD", UserRole::Admin).await;
    assert_eq!(stranger.get("/admin/events/run-day/report").await.0, 403);

    // The fiscal year: 令和 and FY, one event in its area, its CSV for Excel.
    let fy = uketsuke::domain::FiscalYear::of(event.spec.starts_at);
    let (status, page) = organizer
        .get(&format!("/admin/reports?year={}", fy.year()))
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&uketsuke::i18n::dates::fiscal_year(
            uketsuke::i18n::Lang::default(),
            fy
        )) && page.contains(&format!("FY{}", fy.year()))
    );
    assert!(
        page.contains("テレワーク") && page.contains("<svg"),
        "{page}"
    );
    let resp = organizer
        .client
        .get(app.url(&format!("/admin/reports.csv?year={}", fy.year())))
        .send()
        .await
        .unwrap();
    let bytes = resp.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(&reader.headers().unwrap()[0], "分野");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let total = rows.last().unwrap();
    assert_eq!(
        (&total[0], &total[1], &total[7], &total[8]),
        ("合計", "1", "1", "1")
    );
    // Schools and other organizations are columns of their own (none took part here).
    assert_eq!(
        (&reader.headers().unwrap()[5], &total[5], &total[6]),
        ("参加学校数", "0", "0")
    );
    // The co-host counts it as co-hosted.
    let cohost = app.signed_in("ORGB", UserRole::Viewer).await;
    let (_, page) = cohost
        .get(&format!("/admin/reports?year={}", fy.year()))
        .await;
    assert!(page.contains("共催"));
    // In English the page and its CSV are English, with ASCII brackets.
    let (_, page) = cohost
        .get(&format!("/admin/reports?year={}&lang=en", fy.year()))
        .await;
    assert!(
        page.contains(&format!("FY{} (", fy.year()))
            && page.contains("Programme area")
            && !page.contains('（'),
        "{page}"
    );
    let (_, csv) = cohost
        .get(&format!("/admin/reports.csv?year={}&lang=en", fy.year()))
        .await;
    assert!(
        csv.starts_with("\u{feff}Programme area,Events,Seats offered,"),
        "{csv}"
    );
}

#[tokio::test]
async fn organizers_print_the_sign_in_sheet_and_send_announcements_from_the_event_page() {
    let app = TestApp::spawn().await;
    partnered_event(&app).await;
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let (status, sheet) = organizer.get("/admin/events/run-day/sheet").await;
    assert_eq!(status, 200);
    assert!(sheet.contains("受付名簿") && sheet.contains("田中 太郎"));
    assert!(
        !sheet.contains("waiting@kaisha"),
        "only confirmed attendees on the sheet"
    );
    let backer = app.signed_in("ORGC", UserRole::Admin).await;
    assert_eq!(backer.get("/admin/events/run-day/sheet").await.0, 403);

    // A missing body comes back with the message and what was typed.
    let page = "/admin/events/run-day";
    let action = "/admin/events/run-day/announce";
    let (status, body, _) = organizer
        .post(
            page,
            action,
            &[("subject_ja", "持ち物のご案内"), ("body_ja", " ")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("入力してください。") && body.contains("value=\"持ち物のご案内\""));
    let (status, _, location) = organizer
        .post(
            page,
            action,
            &[
                ("subject_ja", "持ち物のご案内"),
                ("body_ja", "名刺をお持ちください。"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, after) = organizer.get(location.as_deref().unwrap()).await;
    assert!(
        after.contains("お知らせを2通送信予約しました。"),
        "the contact and the attendee"
    );
    // Only the organizer's managers send.
    let viewer = app.signed_in("ORGA", UserRole::Viewer).await;
    let (status, _, _) = viewer
        .post(page, action, &[("subject_ja", "x"), ("body_ja", "y")])
        .await;
    assert_eq!(status, 403);
    let cohost = app.signed_in("ORGB", UserRole::Organizer).await;
    let (status, _, _) = cohost
        .post(page, action, &[("subject_ja", "x"), ("body_ja", "y")])
        .await;
    assert_eq!(status, 403);
    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    let sent = store::outbox::count_for_event(
        &app.db,
        event.id,
        uketsuke::domain::MessageKind::Announcement,
    )
    .await
    .unwrap();
    assert_eq!(sent, 2);
}

#[tokio::test]
async fn the_roster_exports_as_an_excel_workbook_with_text_cells_only() {
    use calamine::{Data, Reader, Xlsx};
    let app = TestApp::spawn().await;
    partnered_event(&app).await;
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let resp = organizer
        .client
        .get(app.url("/admin/events/run-day/roster.xlsx"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let bytes = resp.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("名簿").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 3, "a header and two attendees");
    assert_eq!(rows[0][3], Data::String("参加者".into()));
    let tanaka = rows
        .iter()
        .find(|r| r[3] == Data::String("田中 太郎".into()))
        .unwrap();
    // Written as text: shown, never run.
    assert!(matches!(&tanaka[9], Data::String(s) if s.contains("HYPERLINK")));
    let formulas = book.worksheet_formula("名簿").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formulas"
    );
    let viewer = app.signed_in("ORGA", UserRole::Viewer).await;
    assert_eq!(viewer.get("/admin/events/run-day/roster.xlsx").await.0, 403);
}

#[tokio::test]
async fn the_qr_code_in_the_confirmation_checks_the_attendee_in_at_the_door() {
    use mail_parser::{MessageParser, MimeHeaders};
    let app = TestApp::spawn().await;
    let (tanaka, _) = partnered_event(&app).await;
    let smtp = crate::smtp::SmtpReceiver::start();
    uketsuke::mail::worker::deliver_due(&app.db, &app.mailer(smtp.port), chrono::Utc::now())
        .await
        .unwrap();
    let raw = smtp.messages();
    let copy = raw
        .iter()
        .map(|r| MessageParser::default().parse(r).unwrap())
        .find(|m| m.to().unwrap().first().unwrap().address() == Some(tanaka.as_str()))
        .expect("the attendee's copy");
    // The HTML shows an inline PNG by Content-ID; the text part carries the code.
    let html = copy.body_html(0).unwrap();
    let png = copy
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|c| c.subtype() == Some("png")))
        .expect("a QR image");
    let cid = png.content_id().unwrap();
    assert!(html.contains(&format!("cid:{cid}")), "{html}");
    // Read it back with an independent QR decoder.
    let url = crate::helpers::decode_qr(png.contents());
    let path = url
        .split_once("/admin/")
        .map(|(_, p)| format!("/admin/{p}"))
        .unwrap();
    assert!(path.starts_with("/admin/scan/k"), "{url}");
    let code = path.trim_start_matches("/admin/scan/");
    assert!(
        copy.body_text(0).unwrap().contains(code),
        "the code is readable in the text part"
    );

    // A camera opens the URL: staff signed in see who it is, and one tap checks them in.
    let door = app.signed_in("ORGA", UserRole::CheckinStaff).await;
    let (status, page) = door.get(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains("田中 太郎") && page.contains("受付する"));
    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        store::roster::checked_in_count(&app.db, event.id)
            .await
            .unwrap(),
        0,
        "a GET changes nothing"
    );
    let (status, page, _) = door.post(&path, &path, &[]).await;
    assert_eq!(status, 200);
    assert!(page.contains("田中 太郎 様を受付しました。"));
    door.post(&path, &path, &[]).await;
    assert_eq!(
        store::roster::checked_in_count(&app.db, event.id)
            .await
            .unwrap(),
        1,
        "twice is once"
    );
    // A code changed by one character, or signed by someone else, finds nobody.
    let last = code.chars().last().unwrap();
    let tampered = format!(
        "{}{}",
        &code[..code.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    assert_eq!(door.get(&format!("/admin/scan/{tampered}")).await.0, 404);
    let forged = code.replacen(&code[..code.find('-').unwrap()], "k999", 1);
    assert_eq!(door.get(&format!("/admin/scan/{forged}")).await.0, 404);
    // Staff of another organization cannot use it; without a session it asks to sign in.
    let stranger = app.signed_in("ORGD", UserRole::CheckinStaff).await;
    assert_eq!(stranger.get(&path).await.0, 403);
    assert_eq!(Browser::new(&app).get(&path).await.0, 303);
}

#[tokio::test]
async fn organizers_cancel_move_up_and_resend_from_the_roster() {
    let app = TestApp::spawn().await;
    partnered_event(&app).await;
    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    let (rows, _) = store::roster::page(&app.db, event.id, &Default::default(), 10, 0)
        .await
        .unwrap();
    let confirmed = rows
        .iter()
        .find(|r| r.email.starts_with("tanaka"))
        .unwrap()
        .registration_id;
    let waiting = rows
        .iter()
        .find(|r| r.email.starts_with("waiting"))
        .unwrap()
        .registration_id;
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let roster = "/admin/events/run-day/roster";
    let act = |id: i64, action: &str| format!("/admin/events/run-day/registrations/{id}/{action}");

    // No seat is free: moving the waiting one up is refused.
    let (status, _, _) = organizer.post(roster, &act(waiting, "promote"), &[]).await;
    assert_eq!(status, 409);
    // Resend: the confirmed registration's messages go again.
    let before = app.pending_messages().await;
    let (status, _, location) = organizer.post(roster, &act(confirmed, "resend"), &[]).await;
    assert_eq!(status, 303);
    assert!(location.unwrap().ends_with("done=resent"));
    assert_eq!(
        app.pending_messages().await,
        before + 2,
        "contact and attendee"
    );
    // Cancelling needs the box ticked; then the seat goes to the waiting list, and both
    // registrants hear of it.
    let (status, _, _) = organizer.post(roster, &act(confirmed, "cancel"), &[]).await;
    assert_eq!(status, 422);
    let (status, _, location) = organizer
        .post(
            roster,
            &act(confirmed, "cancel"),
            &[("confirm", "on"), ("back", "q=&status=")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = organizer.get(&location.unwrap()).await;
    assert!(page.contains("申込をキャンセルし、申込者にお知らせしました。"));
    let kinds: Vec<String> = store::outbox::for_registration(&app.db, waiting)
        .await
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(kinds.contains(&"promoted".to_owned()), "{kinds:?}");
    let kinds: Vec<String> = store::outbox::for_registration(&app.db, confirmed)
        .await
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(kinds.contains(&"cancelled".to_owned()));
    assert_eq!(app.seats_taken("run-day").await, 1);
    // Viewers and co-hosts see the roster but cannot act on it.
    for (org, role) in [("ORGA", UserRole::Viewer), ("ORGB", UserRole::Organizer)] {
        let b = app.signed_in(org, role).await;
        let (status, _, _) = b.post(roster, &act(waiting, "resend"), &[]).await;
        assert_eq!(status, 403, "{org} {role:?}");
    }
}

#[tokio::test]
async fn a_partner_answers_a_backing_request_in_the_back_office_and_the_answer_is_recorded() {
    let app = TestApp::spawn().await;
    let a = app
        .organization_with_user("ORGA", UserRole::Organizer)
        .await;
    app.organization_with_user("ORGC", UserRole::Admin).await;
    app.published_event(&a, "asked", Some(10), None, true).await;
    let invite = json!({"organization": "ORGC", "role": "backing"});
    assert_eq!(
        app.api("POST", "/events/asked/partners", Some(&a), Some(invite))
            .await
            .0,
        201
    );

    let c = app.signed_in("ORGC", UserRole::Admin).await;
    let (status, page) = c.get("/admin/partners").await;
    assert_eq!(status, 200);
    assert!(page.contains("後援") && page.contains("依頼中") && page.contains("承認する"));
    // Viewers see the request but cannot answer it.
    let viewer = app.signed_in("ORGC", UserRole::Viewer).await;
    let (_, page) = viewer.get("/admin/partners").await;
    assert!(page.contains("依頼中") && !page.contains("承認する"));
    let (status, _, _) = viewer
        .post("/admin/partners", "/admin/partners/asked/approve", &[])
        .await;
    assert_eq!(status, 403);

    let (status, _, _) = c
        .post("/admin/partners", "/admin/partners/asked/approve", &[])
        .await;
    assert_eq!(status, 303);
    let (_, page) = c.get("/admin/partners").await;
    assert!(
        page.contains("承認済み") && page.contains("受付 花子"),
        "who answered: {page}"
    );
    // The public page now names the backer; another organization's staff cannot answer for it.
    let (_, public) = app.get_html("/events/asked", None).await;
    assert!(public.contains("後援"));
    let other = app.signed_in("ORGA", UserRole::Organizer).await;
    let (status, _, _) = other
        .post("/admin/partners", "/admin/partners/asked/decline", &[])
        .await;
    assert_eq!(status, 404, "ORGA was asked nothing");
}

#[tokio::test]
async fn organizers_edit_publish_and_cancel_events_in_the_browser_with_a_confirmation_before_mail()
{
    let app = TestApp::spawn().await;
    partnered_event(&app).await;
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let edit = "/admin/events/run-day/edit";
    let (status, form) = organizer.get(edit).await;
    assert_eq!(status, 200);
    assert!(form.contains("テスト用セミナー"));
    let start = crate::helpers::hidden(
        &form.replace(
            r#"id="starts_at" name="starts_at" type="datetime-local""#,
            r#"name="starts_at""#,
        ),
        "starts_at",
    );
    let end = crate::helpers::hidden(
        &form.replace(
            r#"id="ends_at" name="ends_at" type="datetime-local""#,
            r#"name="ends_at""#,
        ),
        "ends_at",
    );
    let base = |title: &'static str, start: String, end: String| {
        vec![
            ("title_ja", title.to_owned()),
            ("title_en", "Test seminar".to_owned()),
            ("description_ja", "説明".to_owned()),
            ("description_en", "About".to_owned()),
            ("starts_at", start),
            ("ends_at", end),
            ("venue_name_ja", "都庁第一本庁舎".to_owned()),
            ("venue_address_ja", "東京都新宿区西新宿2-8-1".to_owned()),
            (
                "online_url",
                "https://meet.example.jp/secret-room".to_owned(),
            ),
            ("capacity", "1".to_owned()),
            ("reminder_days", "3,1".to_owned()),
            ("waitlist_enabled", "on".to_owned()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let organizer = &organizer;
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            organizer.post(edit, edit, &pairs).await
        }
    };
    // A new title alone saves at once.
    let (status, _, location) = post(base("新しいタイトル", start.clone(), end.clone())).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/admin/events/run-day?saved=1"))
    );
    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(event.spec.title.ja, "新しいタイトル");
    // A broken time comes back with the message and what was typed; nothing changes.
    let (status, body, _) = post(base("新しいタイトル", end.clone(), start.clone())).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains(&start));
    // A new time asks first: registrants will be mailed.
    // Another hour of the same day, whatever hour the event was made for.
    let day = start.chars().take(11).collect::<String>();
    let (from, to) = if start[11..].starts_with("09") {
        ("11:00", "12:00")
    } else {
        ("09:00", "10:00")
    };
    let later_start = day.clone() + from;
    let later_end = day + to;
    let (status, body, _) = post(base(
        "新しいタイトル",
        later_start.clone(),
        later_end.clone(),
    ))
    .await;
    assert_eq!(status, 200);
    assert!(body.contains("申込者2名にメール"), "{body}");
    let unchanged = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.spec.starts_at, event.spec.starts_at);
    let mut confirmed = base("新しいタイトル", later_start.clone(), later_end.clone());
    confirmed.push(("confirm_notify", "on".to_owned()));
    let (status, _, _) = post(confirmed).await;
    assert_eq!(status, 303);
    let moved = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    assert_ne!(moved.spec.starts_at, event.spec.starts_at);
    let told = store::outbox::count_for_event(
        &app.db,
        moved.id,
        uketsuke::domain::MessageKind::EventChanged,
    )
    .await
    .unwrap();
    assert!(told >= 2, "the registrants are told: {told}");
    // A new map link is part of the venue: the service mails it, so the form asks first
    // (one definition of a material change; the form once saved it without asking).
    let mut map = base("新しいタイトル", later_start, later_end);
    map.push((
        "venue_map_url",
        "https://www.openstreetmap.org/search?query=tocho".to_owned(),
    ));
    let (status, body, _) = post(map.clone()).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("申込者2名にメール"), "{body}");
    map.push(("confirm_notify", "on".to_owned()));
    assert_eq!(post(map).await.0, 303);
    let told_again = store::outbox::count_for_event(
        &app.db,
        moved.id,
        uketsuke::domain::MessageKind::EventChanged,
    )
    .await
    .unwrap();
    assert!(told_again > told, "told again: {told} then {told_again}");
    // Cancelling asks for the tick, then tells everyone.
    let page = "/admin/events/run-day";
    let (status, _, _) = organizer
        .post(page, "/admin/events/run-day/status/cancel", &[])
        .await;
    assert_eq!(status, 422);
    let (status, _, _) = organizer
        .post(
            page,
            "/admin/events/run-day/status/cancel",
            &[("confirm", "on")],
        )
        .await;
    assert_eq!(status, 303);
    let cancelled = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(cancelled.status, uketsuke::domain::EventStatus::Cancelled);
    // Viewers and co-hosts cannot edit.
    for (org, role) in [("ORGA", UserRole::Viewer), ("ORGB", UserRole::Organizer)] {
        let b = app.signed_in(org, role).await;
        assert_eq!(b.get(edit).await.0, 403, "{org} {role:?}");
    }
}

#[tokio::test]
async fn organizers_create_a_draft_event_in_the_browser() {
    let app = TestApp::spawn().await;
    app.organization_with_user("ORGA", UserRole::Organizer)
        .await;
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let (status, home) = organizer.get("/admin").await;
    assert_eq!(status, 200);
    assert!(home.contains("/admin/events/new"));
    let new = "/admin/events/new";
    let (status, _) = organizer.get(new).await;
    assert_eq!(status, 200);
    let start = (chrono::Utc::now() + chrono::Duration::days(20))
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%Y-%m-%d")
        .to_string();
    let mut fields = vec![
        ("slug", "browser-made".to_owned()),
        ("programme_area", "telework".to_owned()),
        ("kind", "seminar".to_owned()),
        ("format", "online".to_owned()),
        ("title_ja", "ブラウザで作ったセミナー".to_owned()),
        ("title_en", "Made in the browser".to_owned()),
        ("description_ja", "説明".to_owned()),
        ("description_en", "About".to_owned()),
        ("starts_at", format!("{start}T14:00")),
        ("ends_at", format!("{start}T16:00")),
        ("online_url", "https://meet.example.jp/x".to_owned()),
        ("capacity", "３０".to_owned()),
        ("reminder_days", "3,1".to_owned()),
        ("waitlist_enabled", "on".to_owned()),
    ];
    // A missing kind is named, and what was typed stays.
    fields[2].1 = String::new();
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = organizer.post(new, new, &pairs).await;
    assert_eq!(status, 422);
    assert!(body.contains("ブラウザで作ったセミナー"));
    // The list above the form names the field as its label does, and an empty select asks
    // to choose.
    assert!(
        body.contains(r##"<a href="#kind">種類: 選択してください。</a>"##),
        "{body}"
    );
    fields[2].1 = "seminar".to_owned();
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, location) = organizer.post(new, new, &pairs).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/admin/events/browser-made?saved=1"))
    );
    let e = store::events::by_slug(&app.db, "browser-made")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(e.status, uketsuke::domain::EventStatus::Draft);
    assert_eq!(
        e.spec.capacity.map(|c| c.get()),
        Some(30),
        "full-width digits read"
    );
    assert_eq!(
        e.spec
            .starts_at
            .with_timezone(&chrono_tz::Asia::Tokyo)
            .format("%H:%M")
            .to_string(),
        "14:00",
        "typed in Tokyo time"
    );
    // Before publishing: the public page does not exist, the preview shows it to organizers.
    assert_eq!(app.get_html("/events/browser-made", None).await.0, 404);
    let (status, preview) = organizer.get("/admin/events/browser-made/preview").await;
    assert_eq!(status, 200);
    assert!(preview.contains("ブラウザで作ったセミナー") && preview.contains("プレビュー"));
    assert!(
        !preview.contains("meet.example.jp"),
        "the meeting link stays private even here"
    );
    // Publish from the event page.
    let (status, _, _) = organizer
        .post(
            "/admin/events/browser-made",
            "/admin/events/browser-made/status/publish",
            &[],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(app.get_html("/events/browser-made", None).await.0, 200);
    let viewer = app.signed_in("ORGA", UserRole::Viewer).await;
    assert_eq!(viewer.get(new).await.0, 403);
    assert_eq!(
        viewer.get("/admin/events/browser-made/preview").await.0,
        403
    );
}

#[tokio::test]
async fn organizers_add_and_remove_questions_on_the_registration_form() {
    let app = TestApp::spawn().await;
    partnered_event(&app).await;
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let page = "/admin/events/run-day/questions";
    // A choice without options is refused, with what was typed kept.
    let (status, body, _) = organizer
        .post(
            page,
            page,
            &[
                ("kind", "single_choice"),
                ("label_ja", "参加動機"),
                ("label_en", "Why"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("value=\"参加動機\""));
    let (status, _, _) = organizer
        .post(
            page,
            page,
            &[
                ("kind", "single_choice"),
                ("label_ja", "参加動機"),
                ("label_en", "Why"),
                ("options", "導入検討中 / Planning\n情報収集 / Research"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, list) = organizer.get(page).await;
    assert!(list.contains("参加動機") && list.contains("導入検討中") && list.contains("情報収集"));
    // The public form asks it.
    let (_, form) = app.get_html("/events/run-day/register", None).await;
    assert!(form.contains("参加動機") && form.contains("導入検討中"));
    let event = store::events::by_slug(&app.db, "run-day")
        .await
        .unwrap()
        .unwrap();
    let questions = uketsuke::services::questions::of_event(&app.db, event.id)
        .await
        .unwrap();
    assert_eq!(questions.len(), 1);
    let remove = format!("/admin/events/run-day/questions/{}/remove", questions[0].id);
    assert_eq!(organizer.post(page, &remove, &[]).await.0, 303);
    assert!(
        uketsuke::services::questions::of_event(&app.db, event.id)
            .await
            .unwrap()
            .is_empty()
    );
    let viewer = app.signed_in("ORGA", UserRole::Viewer).await;
    assert_eq!(viewer.get(page).await.0, 403);
}
