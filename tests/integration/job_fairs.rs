//! A job fair for international students, from both sides: companies apply for booths and
//! the organizer approves them within the number of booths; students register with their
//! profile and mark the approved booths they want to visit; each exhibitor sees how many did.
use crate::helpers::{TestApp, company_registration, corporate_number, hidden, jst_in_days};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get, post};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::json;
use uketsuke::domain::UserRole;

#[tokio::test]
async fn exhibitors_apply_and_are_approved_and_students_mark_their_booths() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("FAIR", UserRole::Organizer)
        .await;
    let fair = json!({
        "slug": "student-fair", "title_ja": "外国人留学生のための合同企業説明会", "title_en": "Job fair for international students",
        "description_ja": "説明会", "description_en": "Fair",
        "programme_area": "sme_talent", "kind": "job_fair", "format": "on_site", "audience": "individuals",
        "venue_name_ja": "新宿NSビル", "venue_address_ja": "東京都新宿区西新宿2-4-1",
        "starts_at": jst_in_days(30, 0), "ends_at": jst_in_days(30, 5), "capacity": 2, "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(fair)).await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/student-fair/publish", Some(&token), None)
        .await;
    let organizer = app.signed_in("FAIR", UserRole::Organizer).await;
    let admin = "/admin/events/student-fair/exhibitors";
    let (status, _, _) = organizer
        .post(admin, &format!("{admin}/capacity"), &[("capacity", "1")])
        .await;
    assert_eq!(status, 303);

    // A company applies for a booth in the browser; what it typed stays on an error.
    let hr = browser("ja");
    let (status, form) = get(&hr, &app, "/events/student-fair/exhibit").await;
    assert_eq!(status, 200);
    assert!(form.contains("出展申込") && form.contains(r#"name="exhibitor.languages""#));
    assert!(!form.contains("attendees.0.name"));
    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(94_001),
        &[],
    );
    fields.push(("exhibitor.languages".into(), "en".into()));
    let (status, html, _) = post(&hr, &app, "/events/student-fair/exhibit", &fields).await;
    assert_eq!(status, 422);
    assert!(
        html.contains(r#"value="en" checked"#) && html.contains("exhibitor.positions-error"),
        "{html}"
    );
    for (k, v) in [
        ("exhibitor.staff_count", "2"),
        ("exhibitor.positions", "ITエンジニア（正社員）"),
        ("exhibitor.visa_support", "yes"),
    ] {
        fields.push((k.into(), v.into()));
    }
    let (status, _, location) = post(&hr, &app, "/events/student-fair/exhibit", &fields).await;
    assert_eq!(status, 303);
    let exhibitor_page = location.unwrap();
    let (_, page) = get(&hr, &app, &exhibitor_page).await;
    assert!(page.contains("審査中"), "{page}");
    // Under review is not confirmed: no such words, no calendar file, no meeting link.
    assert!(
        !page.contains("参加が確定")
            && !page.contains("参加確定")
            && !page.contains("calendar.ics"),
        "{page}"
    );
    assert!(page.contains("まだ出展は決まっていません"), "{page}");
    let booth_token = exhibitor_page
        .trim_start_matches("/r/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let (status, api_view) = app
        .api("GET", &format!("/registrations/{booth_token}"), None, None)
        .await;
    assert_eq!(status, 200, "{api_view}");
    assert_eq!(
        (api_view["shape"].as_str(), api_view["status"].as_str()),
        (Some("booth"), Some("under_review")),
        "{api_view}"
    );
    assert_eq!(
        app.get_html(&format!("/r/{booth_token}/calendar.ics"), None)
            .await
            .0,
        404,
        "no calendar entry for a booth under review"
    );
    // A second company applies through the API.
    let mut second = company_registration(&corporate_number(94_002), &[]);
    second.as_object_mut().unwrap().remove("attendees");
    second["company"]["name"] = json!("株式会社みなと商会");
    second["exhibitor"] = json!({"staff_count": 1, "languages": ["ja", "vi"], "positions": "営業", "visa_support": false});
    let (status, second) = app.register("student-fair", second).await;
    assert_eq!(status, 201, "{second}");
    let (_, public) = app.get_html("/events/student-fair", None).await;
    assert!(public.contains("出展企業は決まり次第掲載します"));

    // The organizer approves the first; the one booth is then taken; the second is declined.
    let (_, list) = organizer.get(admin).await;
    // Reading the applications on screen is logged, as the export is.
    let fair = uketsuke::store::events::by_slug(&app.db, "student-fair")
        .await
        .unwrap()
        .unwrap();
    let logged = uketsuke::store::audit::of_event(&app.db, fair.id)
        .await
        .unwrap()
        .into_iter()
        .any(|r| {
            r.action == "roster_view" && r.detail.as_deref() == Some("exhibitors") && r.records == 2
        });
    assert!(
        logged,
        "the exhibitors page is in the audit log with its two applications"
    );
    let first_id = {
        let at = list.find("株式会社みらい製作所").unwrap();
        let start = list[..at].rfind("/registrations/").unwrap() + "/registrations/".len();
        list[start..start + list[start..].find('"').unwrap()].to_owned()
    };
    let second_id = second["id"].as_i64().unwrap().to_string();
    let decide = |action: &'static str, id: String| {
        let organizer = &organizer;
        async move {
            organizer
                .post(admin, &format!("{admin}/{action}"), &[("id", &id)])
                .await
                .0
        }
    };
    assert_eq!(decide("approve", first_id.clone()).await, 303);
    assert_eq!(
        decide("approve", second_id.clone()).await,
        409,
        "one booth only"
    );
    assert_eq!(decide("decline", second_id.clone()).await, 303);
    // An approved booth is not approved again, nor offered the button.
    assert_eq!(decide("approve", first_id.clone()).await, 409);
    let (_, rows) = organizer.get(admin).await;
    assert!(
        !rows.contains(&format!(
            r#"name="id" value="{first_id}"><button type="submit" class="button">"#
        )),
        "{rows}"
    );
    // The decline button and the state it leads to use one word.
    let (_, list) = organizer.get(admin).await;
    assert!(
        list.contains(">見送る</button>") && list.contains("<td>見送り</td>"),
        "{list}"
    );
    assert!(!list.contains("辞退") && !list.contains("却下"), "{list}");
    let (_, list) = organizer.get(&format!("{admin}?lang=en")).await;
    assert!(
        list.contains(">Decline</button>") && list.contains("<td>Declined</td>"),
        "{list}"
    );
    organizer.get(&format!("{admin}?lang=ja")).await;
    uketsuke::mail::worker::deliver_due(&app.db, &mailer, chrono::Utc::now())
        .await
        .unwrap();
    let subjects: Vec<String> = smtp
        .messages()
        .iter()
        .map(|m| {
            MessageParser::default()
                .parse(m)
                .unwrap()
                .subject()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert!(
        subjects.iter().any(|s| s.starts_with("【出展申込受付】")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.starts_with("【出展決定】")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.starts_with("【出展審査の結果】")),
        "{subjects:?}"
    );
    // Participating companies are approved booths: the declined one is not counted, in the
    // event's report nor in the fiscal year's.
    let (_, report) = organizer.get("/admin/events/student-fair/report").await;
    assert!(
        report.contains("<dt>参加企業数</dt><dd>1</dd>"),
        "one approved booth, one declined: {report}"
    );
    let fy = uketsuke::domain::FiscalYear::of(fair.spec.starts_at);
    let csv_bytes = organizer
        .client
        .get(app.url(&format!("/admin/reports.csv?year={}", fy.year())))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "参加企業数")
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows.last().unwrap()[column], "1", "{rows:?}");

    let (_, public) = app.get_html("/events/student-fair?lang=en", None).await;
    assert!(public.contains("株式会社みらい製作所") && !public.contains("みなと商会"));
    assert!(public.contains("work visa supported"), "{public}");

    // A student registers with their profile and marks the approved booth.
    let student = browser("en");
    let (_, form) = get(&student, &app, "/events/student-fair/register").await;
    assert!(
        form.contains("Graduation year")
            && form.contains(&format!(r#"name="booths" value="{first_id}""#)),
        "{form}"
    );
    let mut fields: Vec<(String, String)> = [
        ("csrf_token", hidden(&form, "csrf_token")),
        ("form_token", hidden(&form, "form_token")),
        ("contact.name", "阮 文安".into()),
        ("contact.kana", "Nguyen Van An".into()),
        ("contact.email", "an@student.example.jp".into()),
        ("affiliation", "東京情報大学".into()),
        ("consent", "yes".into()),
        ("booths", first_id.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let (status, html, _) = post(&student, &app, "/events/student-fair/register", &fields).await;
    assert_eq!(status, 422);
    assert!(html.contains("Enter your graduation year"), "{html}");
    for (k, v) in [
        ("student.graduation_year", "2027"),
        ("student.japanese_level", "n2"),
        ("student.field", "Computer science"),
    ] {
        fields.push((k.into(), v.into()));
    }
    let (status, _, location) =
        post(&student, &app, "/events/student-fair/register", &fields).await;
    assert_eq!(status, 303);
    let (_, page) = get(&student, &app, &location.unwrap()).await;
    assert!(
        page.contains("Booths you marked") && page.contains("株式会社みらい製作所"),
        "{page}"
    );
    // The student's email speaks Japanese and English, one after the other.
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let mail = raw
        .iter()
        .map(|m| MessageParser::default().parse(m).unwrap())
        .find(|m| m.to().unwrap().first().unwrap().address() == Some("an@student.example.jp"))
        .expect("the student's confirmation");
    let text = mail.body_text(0).unwrap();
    assert!(
        text.contains("お申し込みを受け付け")
            && text.contains("==== English ====")
            && text.contains("is confirmed"),
        "{text}"
    );
    assert!(
        mail.subject().unwrap().contains(" / Confirmed:"),
        "{:?}",
        mail.subject()
    );
    // A declined booth cannot be marked.
    let api_student = json!({
        "contact": {"name": "Kim Minji", "kana": "Kim Minji", "email": "kim@student.example.jp"},
        "affiliation": "東京大学", "consent": true,
        "student": {"graduation_year": 2026, "japanese_level": "n1", "field": "Economics"},
        "booths": [second_id.parse::<i64>().unwrap()]
    });
    let (status, body) = app.register("student-fair", api_student).await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("unknown_booth"))
    );

    // The exhibitor and the organizer see the interest.
    let (_, page) = get(&hr, &app, exhibitor_page.split('?').next().unwrap()).await;
    assert!(page.contains("出展決定"), "{page}");
    let (_, list) = organizer.get(admin).await;
    assert!(
        list.contains("<td>1</td>"),
        "one student wants to visit: {list}"
    );
    let (_, roster) = organizer.get("/admin/events/student-fair/roster").await;
    assert!(roster.contains("阮 文安"));
    let (_, csv) = organizer.get("/admin/events/student-fair/roster.csv").await;
    assert!(
        csv.contains("阮 文安") && csv.contains("Nguyen Van An"),
        "{csv}"
    );
    let (_, csv) = organizer
        .get("/admin/events/student-fair/exhibitors.csv")
        .await;
    assert!(
        csv.starts_with('\u{feff}') && csv.lines().count() == 3,
        "{csv}"
    );
    assert!(
        csv.contains("ITエンジニア（正社員）") && csv.contains("出展決定"),
        "{csv}"
    );
    assert!(csv.starts_with("\u{feff}申込ID,会社名,募集職種,"), "{csv}");
    let (_, csv) = organizer
        .get("/admin/events/student-fair/exhibitors.csv?lang=en")
        .await;
    assert!(
        csv.starts_with("\u{feff}Registration ID,Company,Positions,") && csv.contains(",yes,"),
        "the headers and cells in English: {csv}"
    );
    organizer.get(&format!("{admin}?lang=ja")).await;
    let (status, report) = organizer.get("/admin/events/student-fair/report").await;
    assert_eq!(status, 200);
    assert!(report.contains("<svg"), "the report draws its charts");
    let viewer = app.signed_in("FAIR", UserRole::Viewer).await;
    assert_eq!(decide_as(&viewer, admin, &first_id).await, 403);

    // A student who reads easy Japanese gets it first, then English.
    let easy_student = json!({
        "contact": {"name": "Tran Thi Mai", "kana": "Tran Thi Mai", "email": "mai@student.example.jp"},
        "affiliation": "東京情報大学", "consent": true, "lang": "ja-x-easy",
        "student": {"graduation_year": 2027, "japanese_level": "n3", "field": "Design"},
        "booths": [first_id.parse::<i64>().unwrap()]
    });
    let (status, body) = app.register("student-fair", easy_student).await;
    assert_eq!(status, 201, "{body}");
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let mail = raw
        .iter()
        .map(|m| MessageParser::default().parse(m).unwrap())
        .find(|m| m.to().unwrap().first().unwrap().address() == Some("mai@student.example.jp"))
        .expect("the easy-Japanese student's confirmation");
    let text = mail.body_text(0).unwrap();
    let easy = text
        .find("あなたの参加が決まりました")
        .expect("easy Japanese");
    let english = text.find("==== English ====").expect("then English");
    assert!(easy < english && text.contains("is confirmed"), "{text}");
    assert!(
        !text.contains("お申し込みを受け付け"),
        "not plain Japanese: {text}"
    );
    assert!(
        mail.subject()
            .unwrap()
            .starts_with("【参加が決まりました】"),
        "{:?}",
        mail.subject()
    );
}

async fn decide_as(b: &crate::helpers::Browser, admin: &str, id: &str) -> u16 {
    b.post(admin, &format!("{admin}/decline"), &[("id", id)])
        .await
        .0
}

/// The label the page gives `field`: its `<label for>`, or the legend of the fieldset with
/// its id, without the required/optional mark; for a lone checkbox (consent), the heading of
/// its section.
fn page_label(html: &str, field: &str) -> Option<String> {
    let text_before_mark = |s: &str| {
        let end = s.find(" <span").or_else(|| s.find('<')).unwrap_or(s.len());
        s[..end].trim().to_owned()
    };
    if let Some(at) = html.find(&format!(r#"<label for="{field}">"#)) {
        let rest = &html[at..];
        let rest = &rest[rest.find('>').unwrap() + 1..];
        return Some(text_before_mark(rest));
    }
    if let Some(at) = html.find(&format!(r#"id="{field}">"#)) {
        let rest = &html[at..];
        let rest = &rest[rest.find("<legend>")? + "<legend>".len()..];
        return Some(text_before_mark(rest));
    }
    html.contains(&format!(r#"name="{field}""#))
        .then(|| section_of(html, field))
}

/// The legend of the section that holds `field`'s input.
fn section_of(html: &str, field: &str) -> String {
    let at = html
        .find(&format!(r#"name="{field}""#))
        .expect("the field is on the page");
    let legend = html[..at].rfind("<legend>").unwrap() + "<legend>".len();
    let end = html[legend..].find('<').unwrap();
    html[legend..legend + end].trim().to_owned()
}

/// The error summary: (field, label) of each entry.
fn summary(html: &str) -> Vec<(String, String)> {
    let start = html
        .find(r#"class="error-summary""#)
        .expect("an error summary");
    let end = start + html[start..].find("</ul>").unwrap();
    html[start..end]
        .split(r##"<li><a href="#"##)
        .skip(1)
        .map(|entry| {
            let (field, rest) = entry.split_once(r#"">"#).unwrap();
            let label = rest.split_once(": ").map_or("", |(l, _)| l);
            (field.to_owned(), label.to_owned())
        })
        .collect()
}

async fn job_fair(app: &TestApp, slug: &str) {
    let token = app
        .organization_with_user(&slug.to_uppercase().replace('-', "_"), UserRole::Organizer)
        .await;
    let fair = json!({
        "slug": slug, "title_ja": "合同企業説明会", "title_en": "Job fair",
        "description_ja": "説明会", "description_en": "Fair",
        "programme_area": "sme_talent", "kind": "job_fair", "format": "on_site", "audience": "individuals",
        "venue_name_ja": "新宿NSビル", "venue_address_ja": "東京都新宿区西新宿2-4-1",
        "starts_at": jst_in_days(30, 0), "ends_at": jst_in_days(30, 5), "capacity": 20, "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(fair)).await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .api(
            "POST",
            &format!("/events/{slug}/publish"),
            Some(&token),
            None,
        )
        .await;
    assert!(status < 300, "{body}");
}

#[tokio::test]
async fn the_error_summary_names_each_field_as_the_job_fair_form_labels_it() {
    let app = TestApp::spawn().await;
    job_fair(&app, "label-fair").await;
    // The person section of a student's form, and the company form's section it is not.
    for (lang, sections) in [
        ("en", Some(("About you", "Contact person"))),
        ("ja", Some(("お申込者", "ご担当者"))),
        // Easy Japanese: its words are its translators'; the page is the reference.
        ("ja-x-easy", None),
    ] {
        for (path, filled) in [
            // A student with nothing but a reading that is no reading.
            ("/events/label-fair/register", vec![("contact.kana", "123")]),
            // A company applying for a booth, with nothing filled in.
            ("/events/label-fair/exhibit", vec![("contact.kana", "123")]),
        ] {
            let browser = browser(lang);
            let (status, form) = get(&browser, &app, path).await;
            assert_eq!(status, 200, "{path} {lang}");
            let mut fields: Vec<(String, String)> = vec![
                ("csrf_token".into(), hidden(&form, "csrf_token")),
                ("form_token".into(), hidden(&form, "form_token")),
            ];
            fields.extend(filled.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            let (status, html, _) = post(&browser, &app, path, &fields).await;
            assert_eq!(status, 422, "{path} {lang}: {html}");
            let entries = summary(&html);
            assert!(entries.len() > 3, "{path} {lang}: {entries:?}");
            for (field, label) in &entries {
                let on_page = page_label(&html, field)
                    .unwrap_or_else(|| panic!("{path} {lang}: no label for {field}"));
                assert!(!label.is_empty(), "{path} {lang}: {field} unnamed");
                assert!(
                    label.ends_with(&on_page),
                    "{path} {lang}: the summary calls {field} {label:?}, the page {on_page:?}"
                );
                if let Some(part) = field.strip_prefix("contact.") {
                    let heading = section_of(&html, field);
                    assert!(
                        label.starts_with(&heading),
                        "{path} {lang}: {field} ({part}) is under {heading:?}, named {label:?}"
                    );
                }
            }
            let named = |f: &str| entries.iter().any(|(field, _)| field == f);
            if path.ends_with("register") {
                // A student: the person section is "about you", the kana field takes Latin
                // letters, and the field of study has a name in the summary.
                assert!(
                    named("student.field") && named("contact.kana"),
                    "{entries:?}"
                );
                let kana = &entries.iter().find(|(f, _)| f == "contact.kana").unwrap().1;
                if let Some((section, not_section)) = sections {
                    assert!(
                        kana.starts_with(section) && !kana.contains(not_section),
                        "{kana}"
                    );
                }
                if lang == "en" {
                    assert_eq!(kana, "About you Reading (kana or Latin letters)");
                }
            } else {
                assert!(named("exhibitor.positions"), "{entries:?}");
            }
        }
    }
}

/// A booth application is received, not confirmed: its email says it is under review and
/// carries no meeting link, no door code and no calendar file. Each decision mail tells the
/// decision it was queued for: approved and then declined before the worker ran, the first
/// still says approved.
#[tokio::test]
async fn a_booth_is_under_review_until_decided_and_each_decision_mail_keeps_its_decision() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("FAIR", UserRole::Organizer)
        .await;
    let fair = json!({
        "slug": "booth-fair", "title_ja": "合同企業説明会", "title_en": "Job fair",
        "description_ja": "説明会", "description_en": "Fair",
        "programme_area": "sme_talent", "kind": "job_fair", "format": "hybrid", "audience": "individuals",
        "venue_name_ja": "新宿NSビル", "venue_address_ja": "東京都新宿区西新宿2-4-1",
        "online_url": "https://meet.example.jp/fair-room",
        "starts_at": jst_in_days(30, 0), "ends_at": jst_in_days(30, 5), "capacity": 20, "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(fair)).await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/booth-fair/publish", Some(&token), None)
        .await;
    let mut application = company_registration(&corporate_number(94_101), &[]);
    application.as_object_mut().unwrap().remove("attendees");
    application["exhibitor"] = json!({"staff_count": 2, "languages": ["ja", "en"], "positions": "ITエンジニア", "visa_support": true});
    let (status, applied) = app.register("booth-fair", application).await;
    assert_eq!(status, 201, "{applied}");
    let id = applied["id"].as_i64().unwrap().to_string();
    app.drain(&mailer).await;
    let raw = smtp.messages();
    assert_eq!(raw.len(), 1);
    let receipt = MessageParser::default().parse(&raw[0]).unwrap();
    assert!(
        receipt.subject().unwrap().starts_with("【出展申込受付】"),
        "{:?}",
        receipt.subject()
    );
    let text = receipt.body_text(0).unwrap();
    let html = receipt.body_html(0).unwrap();
    assert!(
        text.contains("審査中") && text.contains("under review"),
        "Japanese, then English: {text}"
    );
    for part in [&text, &html] {
        assert!(
            !part.contains("参加確定") && !part.contains("参加が確定"),
            "{part}"
        );
        assert!(!part.to_lowercase().contains("confirmed"), "{part}");
        assert!(!part.contains("meet.example.jp"), "no meeting link: {part}");
        assert!(
            !part.contains("QR") && !part.contains("k1-"),
            "no door code: {part}"
        );
        assert!(!part.contains("invite.ics"), "no calendar sentence: {part}");
    }
    assert!(
        receipt
            .attachments()
            .all(|a| a.attachment_name() != Some("invite.ics")
                && a.content_type().map(|c| c.ctype()) != Some("image"))
    );

    let organizer = app.signed_in("FAIR", UserRole::Organizer).await;
    let admin = "/admin/events/booth-fair/exhibitors";
    organizer.get(admin).await;
    for action in ["approve", "decline"] {
        let (status, _, _) = organizer
            .post(admin, &format!("{admin}/{action}"), &[("id", &id)])
            .await;
        assert_eq!(status, 303, "{action}");
    }
    app.drain(&mailer).await;
    let raw = smtp.messages();
    assert_eq!(raw.len(), 3, "a receipt and two decisions");
    let approved = MessageParser::default().parse(&raw[1]).unwrap();
    let declined = MessageParser::default().parse(&raw[2]).unwrap();
    assert!(
        approved.subject().unwrap().starts_with("【出展決定】"),
        "{:?}",
        approved.subject()
    );
    assert!(
        approved
            .body_text(0)
            .unwrap()
            .contains("出展が決定しました")
    );
    assert!(
        declined
            .subject()
            .unwrap()
            .starts_with("【出展審査の結果】"),
        "{:?}",
        declined.subject()
    );
    assert!(
        declined
            .body_text(0)
            .unwrap()
            .contains("見送らせていただく")
    );
}
