//! Internships for international students, from both sides: host companies post offers
//! (period, tasks, places, languages, allowance), students apply to one offer with their
//! profile, and the host (on its manage page) or the organizer (in the back office) accepts
//! or declines within the offer's places; both sides are emailed and matches are counted.
use crate::helpers::{TestApp, company_registration, corporate_number, hidden, jst_in_days};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get, post};
use mail_parser::{Message, MessageParser};
use serde_json::json;
use uketsuke::domain::UserRole;

/// What students type that must come out as text everywhere: a formula, markup, a line
/// break and an emoji.
const HOSTILE: &str = "=HYPERLINK(\"http://evil\")<script>alert(1)</script>\n次の行 🎓";

fn to<'a>(mails: &'a [Message<'a>], address: &str) -> Vec<&'a Message<'a>> {
    mails
        .iter()
        .filter(|m| m.to().unwrap().first().unwrap().address() == Some(address))
        .collect()
}

fn token_of(location: &str) -> String {
    location
        .trim_start_matches("/r/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn hosts_post_offers_students_apply_and_hosts_decide_within_their_places() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("INTERN", UserRole::Organizer)
        .await;
    let programme = json!({
        "slug": "intern-winter", "title_ja": "留学生インターンシップ", "title_en": "Internships for international students",
        "description_ja": "受入企業で就業体験", "description_en": "Work at a host company",
        "programme_area": "sme_talent", "kind": "internship", "format": "on_site", "audience": "individuals",
        "venue_name_ja": "東京商工会議所", "venue_address_ja": "東京都千代田区丸の内3-2-2",
        "starts_at": jst_in_days(30, 0), "ends_at": jst_in_days(40, 0), "languages": ["ja", "en"]
    });
    let (status, body) = app
        .api("POST", "/events", Some(&token), Some(programme))
        .await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/intern-winter/publish", Some(&token), None)
        .await;
    let event = uketsuke::store::events::by_slug(&app.db, "intern-winter")
        .await
        .unwrap()
        .unwrap();
    let day = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&chrono_tz::Asia::Tokyo)
            .date_naive()
            .to_string()
    };
    let (first_day, last_day) = (day(event.spec.starts_at), day(event.spec.ends_at));

    // A host company posts its offer in the browser; a place count out of range is refused
    // and what it typed stays.
    let hr = browser("ja");
    let (status, form) = get(&hr, &app, "/events/intern-winter/exhibit").await;
    assert_eq!(status, 200);
    assert!(
        form.contains("インターンシップ受入の登録") && form.contains(r#"name="offer.languages""#),
        "{form}"
    );
    assert!(!form.contains("attendees.0.name"));
    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(95_001),
        &[],
    );
    for (k, v) in [
        ("offer.from", first_day.as_str()),
        ("offer.to", last_day.as_str()),
        ("offer.tasks", HOSTILE),
        ("offer.places", "51"),
        ("offer.languages", "en"),
        ("offer.languages", "ja"),
        ("offer.japanese_level", "n3"),
        ("offer.allowance", "yes"),
    ] {
        fields.push((k.into(), v.into()));
    }
    let (status, html, _) = post(&hr, &app, "/events/intern-winter/exhibit", &fields).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("offer.places-error") && html.contains(r#"value="en" checked"#),
        "{html}"
    );
    assert!(!html.contains("<script>alert(1)"), "typed text is escaped");
    fields.retain(|(k, _)| k != "offer.places");
    fields.push(("offer.places".into(), "1".into()));
    let (status, _, location) = post(&hr, &app, "/events/intern-winter/exhibit", &fields).await;
    assert_eq!(status, 303);
    let host_page = location.unwrap();
    let host_token = token_of(&host_page);
    let (_, page) = get(&hr, &app, &host_page).await;
    assert!(
        page.contains("募集中") && page.contains("まだ応募はありません"),
        "{page}"
    );
    assert!(
        !page.contains("calendar.ics"),
        "an offer has no time to put in a calendar"
    );
    assert!(
        !page.contains("change-attendees") && !page.contains("attendee-list"),
        "an offer names no attendees: {page}"
    );
    assert!(
        page.contains("申込を取り下げる"),
        "it is withdrawn, not cancelled"
    );
    let (status, view) = app
        .api("GET", &format!("/registrations/{host_token}"), None, None)
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(
        (view["shape"].as_str(), view["status"].as_str()),
        (Some("internship_offer"), Some("open")),
        "{view}"
    );
    let first_offer = view["id"].as_i64().unwrap();

    // A second host posts through the API; a period outside the programme's is refused.
    let mut second = company_registration(&corporate_number(95_002), &[]);
    second.as_object_mut().unwrap().remove("attendees");
    second["company"]["name"] = json!("株式会社みなと商会");
    second["contact"]["email"] = json!("hr@minato.example.jp");
    second["offer"] = json!({"from": first_day, "to": "2099-01-01", "tasks": "営業同行", "places": 2, "languages": ["en"], "allowance": false});
    let (status, body) = app.register("intern-winter", second.clone()).await;
    assert_eq!(
        (status, body["fields"][0]["field"].as_str()),
        (422, Some("offer.from")),
        "{body}"
    );
    second["offer"]["to"] = json!(last_day);
    let (status, body) = app.register("intern-winter", second).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["status"], "open", "{body}");
    let second_offer = body["id"].as_i64().unwrap();
    // A NUL in the tasks is refused on the field, as is a motivation of 10,000 characters
    // (below).
    let mut nul = company_registration(&corporate_number(95_003), &[]);
    nul.as_object_mut().unwrap().remove("attendees");
    nul["offer"] = json!({"from": first_day, "to": last_day, "tasks": "a\u{0}b", "places": 1, "languages": ["ja"], "allowance": false});
    let (status, body) = app.register("intern-winter", nul).await;
    assert_eq!(
        (status, body["fields"][0]["field"].as_str()),
        (422, Some("offer.tasks")),
        "{body}"
    );
    // Once per company.
    let mut again = company_registration(&corporate_number(95_002), &[]);
    again.as_object_mut().unwrap().remove("attendees");
    again["offer"] = json!({"from": first_day, "to": last_day, "tasks": "x", "places": 1, "languages": ["ja"], "allowance": false});
    assert_eq!(app.register("intern-winter", again).await.0, 422);

    // The public page lists the open offers, in English and in easy Japanese.
    let (_, public) = app.get_html("/events/intern-winter?lang=en", None).await;
    assert!(
        public.contains("株式会社みなと商会")
            && public.contains("1 of 1 places left")
            && public.contains("no allowance")
            && public.contains("&lt;script&gt;"),
        "{public}"
    );
    assert!(!public.contains("<script>alert"), "{public}");
    let (_, easy) = app
        .get_html("/events/intern-winter?lang=ja-x-easy", None)
        .await;
    assert!(
        easy.contains("学生を 受け入れる 会社") && easy.contains("お金（手当）: 出ます"),
        "{easy}"
    );

    // A student applies in the browser, choosing an offer; a missing motivation is named.
    let student = browser("en");
    let (_, form) = get(&student, &app, "/events/intern-winter/register").await;
    assert!(
        form.contains("Apply for an internship")
            && form.contains(&format!(
                r#"name="application.offer" value="{first_offer}""#
            ))
            && form.contains("Graduation year"),
        "{form}"
    );
    let mut fields: Vec<(String, String)> = [
        ("csrf_token", hidden(&form, "csrf_token")),
        ("form_token", hidden(&form, "form_token")),
        ("contact.name", "Nguyen Van An".into()),
        ("contact.email", "an@student.example.jp".into()),
        ("affiliation", "東京情報大学".into()),
        ("consent", "yes".into()),
        ("student.graduation_year", "2028".into()),
        ("student.japanese_level", "n2".into()),
        ("student.field", "Business".into()),
        ("application.offer", first_offer.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let (status, html, _) = post(&student, &app, "/events/intern-winter/register", &fields).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("application.motivation-error")
            && html.contains(&format!(r#"value="{first_offer}" checked"#)),
        "{html}"
    );
    fields.push((
        "application.motivation".into(),
        "I want to work with English-speaking customers.".into(),
    ));
    let (status, _, location) =
        post(&student, &app, "/events/intern-winter/register", &fields).await;
    assert_eq!(status, 303);
    let an_page = location.unwrap();
    let (_, page) = get(&student, &app, &an_page).await;
    assert!(
        page.contains("Your application") && page.contains("considering your application"),
        "{page}"
    );
    let an_id = app
        .api(
            "GET",
            &format!("/registrations/{}", token_of(&an_page)),
            None,
            None,
        )
        .await
        .1["id"]
        .as_i64()
        .unwrap();

    // Two more apply through the API, one with hostile text; nobody applies twice.
    let applicant = |name: &str, email: &str, offer: i64, motivation: &str| {
        json!({
            "contact": {"name": name, "email": email},
            "affiliation": "東京大学", "consent": true, "lang": "ja",
            "student": {"graduation_year": 2027, "japanese_level": "n1", "field": "Economics"},
            "application": {"offer_id": offer, "motivation": motivation}
        })
    };
    let (status, kim) = app
        .register(
            "intern-winter",
            applicant("Kim Minji", "kim@student.example.jp", first_offer, HOSTILE),
        )
        .await;
    assert_eq!(status, 201, "{kim}");
    assert_eq!(
        (kim["shape"].as_str(), kim["status"].as_str()),
        (Some("internship_application"), Some("applied"))
    );
    let kim_id = kim["id"].as_i64().unwrap();
    let (status, body) = app
        .register(
            "intern-winter",
            applicant("Kim Minji", "kim@student.example.jp", first_offer, "again"),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("internship_applied_already")),
        "{body}"
    );
    let (status, wang) = app
        .register(
            "intern-winter",
            applicant(
                "Wang Li",
                "wang@student.example.jp",
                first_offer,
                "Logistics",
            ),
        )
        .await;
    assert_eq!(status, 201, "{wang}");
    let wang_id = wang["id"].as_i64().unwrap();
    let wang_token = wang["manage_token"].as_str().unwrap().to_owned();
    let long = "長".repeat(10_000);
    let (status, body) = app
        .register(
            "intern-winter",
            applicant("Long", "long@student.example.jp", first_offer, &long),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["field"].as_str()),
        (422, Some("application.motivation")),
        "{body}"
    );
    // An offer of another programme, or none at all, cannot be chosen.
    let (status, body) = app
        .register(
            "intern-winter",
            applicant("Lee", "lee@student.example.jp", 999_999, "x"),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("internship_offer_unavailable"))
    );

    // The host company hears of each application, with the student's words as text.
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let mails: Vec<Message> = raw
        .iter()
        .map(|m| MessageParser::default().parse(m).unwrap())
        .collect();
    let host_mails = to(&mails, "sato@mirai.example.jp");
    let arrived: Vec<_> = host_mails
        .iter()
        .filter(|m| m.subject().unwrap().contains("【新しい応募】"))
        .collect();
    assert_eq!(arrived.len(), 3, "one per application");
    let kim_mail = arrived
        .iter()
        .find(|m| m.body_text(0).unwrap().contains("Kim Minji"))
        .expect("Kim's application");
    let text = kim_mail.body_text(0).unwrap();
    assert!(
        text.contains("=HYPERLINK")
            && text.contains("次の行 🎓")
            && text.contains("==== English ===="),
        "{text}"
    );
    let html = kim_mail.body_html(0).unwrap();
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script>alert"),
        "{html}"
    );
    assert!(
        host_mails
            .iter()
            .any(|m| m.subject().unwrap().starts_with("【受入登録完了】")),
        "the host's receipt"
    );
    let an_mail = to(&mails, "an@student.example.jp");
    assert!(
        an_mail
            .iter()
            .any(|m| m.subject().unwrap().contains("Application received")),
        "the student's receipt"
    );

    // The host accepts one; its one place is then taken; it declines another.
    let decide = |application: i64, decision: &'static str| {
        let hr = &hr;
        let app = &app;
        let host_page = host_page.clone();
        async move {
            let (_, page) = get(hr, app, &host_page).await;
            let fields: Vec<(String, String)> = vec![
                ("csrf_token".into(), hidden(&page, "csrf_token")),
                ("application".into(), application.to_string()),
                ("decision".into(), decision.into()),
            ];
            let path = format!("/r/{}/applications", token_of(&host_page));
            let (status, html, _) = post(hr, app, &path, &fields).await;
            (status, html)
        }
    };
    let (_, page) = get(&hr, &app, &host_page).await;
    assert!(
        page.contains("Kim Minji")
            && page.contains("&lt;script&gt;")
            && !page.contains("<script>alert"),
        "{page}"
    );
    assert_eq!(decide(an_id, "accept").await.0, 303);
    let (status, html) = decide(kim_id, "accept").await;
    assert_eq!(status, 409, "one place only");
    assert!(html.contains("受入人数（1名）に達しています"), "{html}");
    assert_eq!(decide(an_id, "accept").await.0, 409, "accepted already");
    assert_eq!(decide(kim_id, "decline").await.0, 303);
    let (_, body) = app
        .api("GET", &format!("/registrations/{host_token}"), None, None)
        .await;
    assert_eq!(body["status"], "closed", "full: {body}");
    let organizer = app.signed_in("INTERN", UserRole::Organizer).await;
    let admin = "/admin/events/intern-winter/internships";
    for page in [
        format!("/admin/events/intern-winter/registrations/{first_offer}"),
        format!("/admin/events/intern-winter/registrations/{kim_id}"),
        "/admin/events/intern-winter/roster".to_owned(),
        "/admin/events/intern-winter".to_owned(),
    ] {
        let (status, html) = organizer.get(&page).await;
        assert_eq!(status, 200, "{page}: {html}");
        assert!(!html.contains("<script>alert"), "{page}");
    }
    let (_, event_page) = organizer.get("/admin/events/intern-winter").await;
    assert!(
        event_page.contains(admin),
        "the event links its internships page"
    );
    let (status, list) = organizer.get(admin).await;
    assert_eq!(status, 200);
    assert!(
        list.contains("Wang Li") && list.contains("&lt;script&gt;"),
        "{list}"
    );
    let (status, _, _) = organizer
        .post(
            admin,
            &format!("{admin}/accept"),
            &[("id", &wang_id.to_string())],
        )
        .await;
    assert_eq!(status, 409, "the organizer is held to the places too");
    // The second host's page does not show the first host's applicants.
    let minato = uketsuke::store::registrations::by_id(&app.db, second_offer)
        .await
        .unwrap()
        .unwrap();
    let minato_token = uketsuke::services::links::ManageLinks::new(&app.link_key)
        .unseal(&minato.token_sealed)
        .unwrap();
    let (_, page) = get(&hr, &app, &format!("/r/{minato_token}")).await;
    assert!(
        !page.contains("Kim Minji") && page.contains("まだ応募はありません"),
        "{page}"
    );

    // The closed offer is gone from the public page and the form.
    let (_, public) = app.get_html("/events/intern-winter?lang=en", None).await;
    assert!(
        !public.contains("株式会社みらい製作所") && public.contains("株式会社みなと商会"),
        "{public}"
    );
    let (status, body) = app
        .register(
            "intern-winter",
            applicant("Park", "park@student.example.jp", first_offer, "x"),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("internship_offer_unavailable"))
    );

    // Wang withdraws.
    let (status, body) = app
        .api(
            "DELETE",
            &format!("/registrations/{wang_token}"),
            None,
            None,
        )
        .await;
    assert!(status == 200 || status == 204, "{status} {body}");

    // Both sides are emailed the decisions: accepted, declined.
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let mails: Vec<Message> = raw
        .iter()
        .map(|m| MessageParser::default().parse(m).unwrap())
        .collect();
    let an = to(&mails, "an@student.example.jp");
    let accepted = an
        .iter()
        .find(|m| m.subject().unwrap().contains("Internship accepted"))
        .expect("An hears of the acceptance");
    assert!(
        accepted
            .body_text(0)
            .unwrap()
            .contains("You are accepted for the internship at"),
        "{:?}",
        accepted.body_text(0)
    );
    let kim = to(&mails, "kim@student.example.jp");
    assert!(
        kim.iter()
            .any(|m| m.subject().unwrap().starts_with("【選考結果】")),
        "Kim hears of the decline"
    );

    // Counts: by hand from the rows, then as the report gives them.
    let (_, csv) = organizer.get(&format!("{admin}.csv")).await;
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        3,
        "three applications, the withdrawn one too: {csv}"
    );
    let state = |r: &csv::StringRecord| r[8].to_owned();
    let matches = rows.iter().filter(|r| state(r) == "受入決定").count();
    let declined = rows.iter().filter(|r| state(r) == "見送り").count();
    let withdrawn = rows.iter().filter(|r| state(r) == "取下げ").count();
    assert_eq!((matches, declined, withdrawn), (1, 1, 1), "{csv}");
    let hostile_row = rows.iter().find(|r| &r[4] == "Kim Minji").unwrap();
    assert!(
        hostile_row[3].starts_with("'=HYPERLINK"),
        "the tasks too: {:?}",
        &hostile_row[3]
    );
    assert!(
        hostile_row[7].starts_with("'=HYPERLINK"),
        "a formula is neutralised: {:?}",
        &hostile_row[7]
    );
    let applications = rows.len() - withdrawn;
    let (_, report) = organizer.get("/admin/events/intern-winter/report").await;
    let line =
        format!("受入企業 2社 · 受入枠 3名 · 応募 {applications}件 · マッチング {matches}件");
    assert!(report.contains(&line), "{line} in {report}");
    let c = uketsuke::services::internships::counts(&app.db, event.id)
        .await
        .unwrap();
    assert_eq!(
        (
            c.offers,
            c.places,
            c.applications,
            c.matches,
            c.declined,
            c.withdrawn
        ),
        (2, 3, 2, 1, 1, 1)
    );
    // An accepted student takes part; the host companies do too.
    assert!(report.contains("<dt>参加企業数</dt><dd>2</dd>"), "{report}");
    // The fiscal year counts the places and the matches too.
    let fy = uketsuke::domain::FiscalYear::of(event.spec.starts_at);
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
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let total = reader.records().map(Result::unwrap).last().unwrap();
    assert_eq!(
        (
            &total[column("インターンシップ受入枠")],
            &total[column("インターンシップマッチング数")]
        ),
        ("3", "1"),
        "{total:?}"
    );

    // A host that withdraws its offer declines the applications still standing, and says so.
    let (status, park) = app
        .register(
            "intern-winter",
            applicant(
                "Park Jisoo",
                "park@student.example.jp",
                second_offer,
                "Sales",
            ),
        )
        .await;
    assert_eq!(status, 201, "{park}");
    let (status, body) = app
        .api(
            "DELETE",
            &format!("/registrations/{minato_token}"),
            None,
            None,
        )
        .await;
    assert!(status == 200 || status == 204, "{status} {body}");
    let (_, park) = app
        .api(
            "GET",
            &format!("/registrations/{}", park["manage_token"].as_str().unwrap()),
            None,
            None,
        )
        .await;
    assert_eq!(park["status"], "declined", "{park}");
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let mails: Vec<Message> = raw
        .iter()
        .map(|m| MessageParser::default().parse(m).unwrap())
        .collect();
    assert!(
        to(&mails, "park@student.example.jp")
            .iter()
            .any(|m| m.subject().unwrap().starts_with("【選考結果】")),
        "Park hears the offer is gone"
    );
    let c = uketsuke::services::internships::counts(&app.db, event.id)
        .await
        .unwrap();
    assert_eq!(
        (c.offers, c.places, c.applications, c.matches, c.declined),
        (1, 1, 3, 1, 2),
        "the withdrawn offer and its places no longer count"
    );
}

/// A new user on the demo, in a real browser: opens the winter internship programme, applies
/// to an offer as a student, fixes what the form points out, and lands on the manage page; the
/// host company sees the application on its own page. axe-core audits every page on the way.
#[tokio::test]
async fn a_student_applies_to_an_internship_offer_in_the_browser() {
    use crate::chromium::{Audit, Chromium};
    let (app, _) = TestApp::with_demo().await;
    let Some(browser) = Chromium::start(&app.base_url, "en").await else {
        return;
    };
    let mut audit = Audit::default();
    let slug = "sme-internship-winter";
    browser.goto(&format!("/events/{slug}")).await;
    let page = browser.body().await;
    assert!(
        page.contains("Host companies") && page.contains("有限会社青梅木工所"),
        "{page}"
    );
    audit.page(&browser, "internship programme (en)").await;
    browser.follow("p.cta a.button").await;
    assert!(
        browser
            .path()
            .await
            .starts_with(&format!("/events/{slug}/register")),
        "{}",
        browser.path().await
    );
    assert!(browser.text("h1").await.contains("Apply for an internship"));
    audit
        .page(&browser, "internship application form (en)")
        .await;

    let offers = uketsuke::services::internships::open_offers(
        &app.db,
        uketsuke::store::events::by_slug(&app.db, slug)
            .await
            .unwrap()
            .unwrap()
            .id,
    )
    .await
    .unwrap();
    let ome = offers
        .iter()
        .find(|o| o.company == "有限会社青梅木工所")
        .unwrap()
        .registration_id
        .to_string();
    for (name, value) in [
        ("contact.name", "Aisha Rahman"),
        ("contact.email", "aisha@student.example.jp"),
        ("affiliation", "Tokyo International University"),
        ("student.graduation_year", "2028"),
        ("student.field", "Product design"),
    ] {
        browser.fill(name, value).await;
    }
    browser.choose("student.japanese_level", "n3").await;
    browser.tick("application.offer", &ome).await;
    browser.tick("consent", "yes").await;
    browser.follow("button.submit-main").await;
    // No motivation yet: the form says so and keeps the offer chosen.
    assert!(
        !browser
            .text("[id='application.motivation-error']")
            .await
            .is_empty(),
        "{}",
        browser.body().await
    );
    let chosen = browser
        .client
        .find(fantoccini::Locator::Css(&format!(
            "input[name='application.offer'][value='{ome}']"
        )))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(chosen.as_deref(), Some("true"), "the offer stays chosen");
    audit
        .page(&browser, "internship application form with an error (en)")
        .await;
    browser
        .fill(
            "application.motivation",
            "I make furniture at school and want to learn from a workshop.",
        )
        .await;
    browser.follow("button.submit-main").await;
    assert!(
        browser.path().await.starts_with("/r/"),
        "{}",
        browser.body().await
    );
    let page = browser.body().await;
    assert!(
        page.contains("Your application") && page.contains("有限会社青梅木工所"),
        "{page}"
    );
    audit
        .page(&browser, "internship application manage page (en)")
        .await;

    // The host company sees it on its page.
    let host = uketsuke::store::registrations::by_id(&app.db, ome.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = uketsuke::services::links::ManageLinks::new(&app.link_key)
        .unseal(&host.token_sealed)
        .unwrap();
    browser.goto(&format!("/r/{token}?lang=ja")).await;
    let page = browser.body().await;
    assert!(
        page.contains("Aisha Rahman") && page.contains("受け入れる"),
        "{page}"
    );
    audit
        .page(&browser, "internship host manage page (ja)")
        .await;
    browser.close().await;
    audit.assert_clean();
}
