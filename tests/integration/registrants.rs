//! Who registers, from where (issue 16): a company in San Francisco registers for the overseas
//! matching event in English with its own address, phone and time zone; a person registers on
//! their own where the event admits individuals; a Japanese-language school registers for the
//! SME-school information exchange and is counted as a school, not a company.
use crate::chromium::Chromium;
use crate::helpers::{TestApp, corporate_number};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, get, post};
use chrono::{DateTime, Utc};
use mail_parser::MessageParser;
use serde_json::{Value, json};
use uketsuke::domain::UserRole;

const OVERSEAS: &str = "overseas-online-matching";
const INFO_EXCHANGE: &str = "sme-school-info-exchange";

fn san_francisco(email: &str) -> Value {
    json!({
        "company": {
            "name": "Golden Gate Robotics, Inc.",
            "country": "US",
            "postal_code": "94105",
            "region": "California",
            "city": "San Francisco",
            "street": "535 Mission St\nSuite 1400",
            "industry": "manufacturing",
            "employee_band": "51-100",
            "tcci_member": false
        },
        "contact": {
            "name": "Ann Walker",
            "email": email,
            "phone": "(415) 555-2671"
        },
        "attendees": [{"name": "Ann Walker", "email": email}],
        "consent": true,
        "lang": "en",
        "time_zone": "America/Los_Angeles"
    })
}

#[tokio::test]
async fn a_company_in_san_francisco_registers_in_english_and_sees_its_own_time() {
    let (app, _) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    // The demo's own confirmations go first, so the next message is ours.
    app.drain(&mailer).await;
    let before = smtp.messages().len();

    let (status, body) = app
        .register(OVERSEAS, san_francisco("ann@ggr-test.example.com"))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["registrant_kind"], "company");
    assert_eq!(body["time_zone"], "America/Los_Angeles");
    let company = &body["company"];
    assert_eq!(company["country"], "US");
    assert_eq!(company["postal_code"], "94105");
    assert_eq!(company["region"], "California");
    assert_eq!(company["prefecture"], "");
    assert_eq!(company["street"], "535 Mission St\nSuite 1400");
    assert!(company.get("corporate_number").is_none(), "{company}");
    assert_eq!(company["name_kana"], "", "no reading asked of a Latin name");
    assert_eq!(body["contact"]["phone"], "+14155552671");

    // The confirmation gives Japan time and, beside it, San Francisco time, worked out here
    // with chrono-tz rather than by the app's formatter.
    app.drain(&mailer).await;
    let messages = smtp.messages();
    let ours: Vec<_> = messages[before..]
        .iter()
        .filter(|m| String::from_utf8_lossy(m).contains("ann@ggr-test.example.com"))
        .collect();
    assert_eq!(ours.len(), 1);
    let parsed = MessageParser::default().parse(ours[0].as_slice()).unwrap();
    let text = parsed.body_text(0).unwrap().to_string();
    let starts: DateTime<Utc> = body["event"]["starts_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let la = starts.with_timezone(&chrono_tz::America::Los_Angeles);
    let expected = la.format("%a %-d %b %Y, %H:%M").to_string();
    assert!(text.contains("Your time:"), "{text}");
    assert!(text.contains(&expected), "{expected}\n{text}");
    assert!(text.contains("Los Angeles"), "{text}");
    assert!(text.contains("JST"), "Japan time stays: {text}");
    let html = parsed.body_html(0).unwrap().to_string();
    assert!(html.contains("Your time"), "{html}");

    // The manage page says the same.
    let token = body["manage_token"].as_str().unwrap();
    let (status, page) = app.get_html(&format!("/r/{token}?lang=en"), None).await;
    assert_eq!(status, 200);
    assert!(page.contains("In your time zone"), "{page}");
    assert!(page.contains(&expected), "{page}");

    // The organizer sees the address as the country writes it.
    let organizer = app.signed_in("TMG", UserRole::Organizer).await;
    let id = body["id"].as_i64().unwrap();
    let (status, detail) = organizer
        .get(&format!(
            "/admin/events/{OVERSEAS}/registrations/{id}?lang=en"
        ))
        .await;
    assert_eq!(status, 200, "{detail}");
    assert!(
        detail
            .contains("535 Mission St, Suite 1400, San Francisco, California 94105, United States"),
        "{detail}"
    );
    for shown in ["+1 415-555-2671", "Los Angeles", "A company"] {
        assert!(detail.contains(shown), "{shown}: {detail}");
    }
    // The roster export carries who registered and where, in the reader's words.
    let csv_bytes = organizer
        .client
        .get(app.url(&format!("/admin/events/{OVERSEAS}/roster.csv?lang=en")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {headers:?}"))
    };
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r.iter().any(|c| c == "ann@ggr-test.example.com"))
        .expect("the attendee's row");
    assert_eq!(&row[column("Registrant")], "A company");
    assert_eq!(&row[column("Country or region")], "United States");
    assert_eq!(&row[column("State or province")], "California");
    assert_eq!(&row[column("Postal code")], "94105");
    // A leading "+" would make a spreadsheet run the cell as a formula: the CSV marks it as
    // text with an apostrophe, as it does every such cell.
    assert_eq!(&row[column("Contact phone")], "'+1 415-555-2671");
}

#[tokio::test]
async fn addresses_abroad_are_checked_by_their_own_rules_and_japan_keeps_its_own() {
    let (app, _) = TestApp::with_demo().await;
    // Said to be in Japan, the San Francisco address fails Japan's checks, field by field.
    let mut body = san_francisco("jp-rules@ggr-test.example.com");
    body["company"]["country"] = json!("JP");
    let (status, err) = app.register(OVERSEAS, body).await;
    assert_eq!(status, 422, "{err}");
    let fields: Vec<&str> = err["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "company.postal_code",
        "company.prefecture",
        "company.corporate_number",
        "company.street",
        "contact.phone",
    ] {
        assert!(fields.contains(&f), "{f}: {err}");
    }
    // Unknown country and zone; a postal code no country writes; a sole proprietor's number.
    let mut body = san_francisco("bad@ggr-test.example.com");
    body["company"]["country"] = json!("USA");
    body["time_zone"] = json!("Mars/Olympus_Mons");
    let (status, err) = app.register(OVERSEAS, body).await;
    assert_eq!(status, 422);
    let text = err.to_string();
    for f in ["company.country", "time_zone"] {
        assert!(text.contains(f), "{f}: {text}");
    }
    let mut body = san_francisco("postal@ggr-test.example.com");
    body["company"]["postal_code"] = json!("=cmd|' /C calc'!A0");
    let (status, err) = app.register(OVERSEAS, body).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("company.postal_code"), "{err}");
    // "individual" is not a kind of organization.
    let mut body = san_francisco("kind@ggr-test.example.com");
    body["company"]["kind"] = json!("individual");
    let (status, err) = app.register(OVERSEAS, body).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("company.kind"), "{err}");
    // A NUL or a line break in a one-line field is refused; the street may hold lines.
    let mut body = san_francisco("nul@ggr-test.example.com");
    body["company"]["region"] = json!("Cali\u{0}fornia");
    body["company"]["city"] = json!("San\nFrancisco");
    let (status, err) = app.register(OVERSEAS, body).await;
    assert_eq!(status, 422);
    for f in ["company.region", "company.city"] {
        assert!(err.to_string().contains(f), "{f}: {err}");
    }
    // A Japanese company is asked what it always was, its kana included.
    let (status, ok) = app
        .register(
            OVERSEAS,
            json!({
                "company": {
                    "name": "株式会社みらい製作所",
                    "name_kana": "ミライセイサクショ",
                    "corporate_number": corporate_number(88_001),
                    "postal_code": "163-8001",
                    "prefecture": "東京都",
                    "city": "新宿区",
                    "street": "西新宿2-8-1",
                    "industry": "manufacturing",
                    "employee_band": "21-50",
                    "tcci_member": true
                },
                "contact": {"name": "佐藤 京子", "kana": "サトウ キョウコ",
                            "email": "sato@mirai-test.example.jp", "phone": "03-5321-1111"},
                "attendees": [{"name": "佐藤 京子", "email": "sato@mirai-test.example.jp"}],
                "consent": true
            }),
        )
        .await;
    assert_eq!(status, 422, "{ok}");
    assert!(
        ok.to_string().contains("attendees.0.kana"),
        "a name in kanji needs its reading: {ok}"
    );
    // Nothing of the refused requests was stored.
    let organizer = app.signed_in("TMG", UserRole::Organizer).await;
    let (_, roster) = organizer
        .get(&format!("/admin/events/{OVERSEAS}/registrations"))
        .await;
    assert!(!roster.contains("ggr-test.example.com"), "{roster}");
}

#[tokio::test]
async fn a_person_registers_on_their_own_where_the_event_admits_individuals() {
    let (app, tokens) = TestApp::with_demo().await;
    let person = json!({
        "contact": {"name": "Maria Silva", "email": "maria@example.br"},
        "consent": true,
        "lang": "en",
        "time_zone": "America/Sao_Paulo"
    });
    let (status, body) = app.register(OVERSEAS, person.clone()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["registrant_kind"], "individual");
    assert!(body.get("company").is_none(), "{body}");
    assert_eq!(body["attendees"].as_array().unwrap().len(), 1);
    assert_eq!(body["time_zone"], "America/Sao_Paulo");
    // An event for companies asks for the company.
    let (status, err) = app.register("sme-talent-seminar", person).await;
    assert_eq!(status, 422, "{err}");
    assert!(err.to_string().contains("company.name"), "{err}");
    // The organizer's list says who registered how.
    let (status, list) = app
        .api(
            "GET",
            &format!("/events/{OVERSEAS}/registrations"),
            Some(&tokens.tmg),
            None,
        )
        .await;
    assert_eq!(status, 200, "{list}");
    let kinds: Vec<&str> = list["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["registrant_kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"individual") && kinds.contains(&"company"),
        "{kinds:?}"
    );
}

/// The school's form as a browser without script sends it: no corporate number, no industry,
/// no employees.
fn school_form(csrf: &str, form_token: &str) -> Vec<(String, String)> {
    [
        ("csrf_token", csrf),
        ("form_token", form_token),
        ("company.kind", "school"),
        ("company.school_type", "japanese_language_school"),
        ("company.name", "あおぞら日本語学校"),
        ("company.name_kana", "アオゾラニホンゴガッコウ"),
        ("company.corporate_number", ""),
        ("company.country", "JP"),
        ("company.postal_code", "171-0021"),
        ("company.prefecture", "東京都"),
        ("company.city", "豊島区"),
        ("company.street", "西池袋1-1-1"),
        ("company.industry", ""),
        ("company.employee_band", ""),
        ("company.tcci_member", "no"),
        ("contact.name", "田中 由美"),
        ("contact.kana", "タナカ ユミ"),
        ("contact.email", "career@aozora-test.example.jp"),
        ("contact.phone", "03-3985-0000"),
        ("self_attends", "on"),
        ("consent", "yes"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The counts on an event's report page, by their labels (`参加企業数` → `0`).
fn count(page: &str, label: &str) -> u64 {
    let at = page
        .find(&format!("<dt>{label}</dt>"))
        .unwrap_or_else(|| panic!("no {label} on the report"));
    let dd = &page[at..];
    let start = dd.find("<dd>").unwrap() + 4;
    dd[start..start + dd[start..].find("</dd>").unwrap()]
        .trim()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_japanese_language_school_registers_for_the_information_exchange_and_counts_as_a_school()
{
    let (app, tokens) = TestApp::with_demo().await;
    let client = browser("ja");
    let path = format!("/events/{INFO_EXCHANGE}/register");
    let (status, page) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    for (field, words) in [
        ("company.kind", "学校（大学・専門学校・日本語学校など）"),
        ("company.school_type", "日本語学校"),
        ("company.country", "アメリカ合衆国"),
    ] {
        assert!(page.contains(&format!(r#"name="{field}""#)), "{field}");
        assert!(page.contains(words), "{words}");
    }
    let csrf = crate::helpers::hidden(&page, "csrf_token");
    let form_token = crate::helpers::hidden(&page, "form_token");

    // A school that forgets its type is told so, next to the field, and keeps what it typed.
    let mut form = school_form(&csrf, &form_token);
    form.retain(|(k, _)| k != "company.school_type");
    let (status, page, _) = post(&client, &app, &path, &form).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("company.school_type-error"), "{page}");
    assert!(page.contains("あおぞら日本語学校"), "kept");
    assert!(
        !page.contains("company.industry-error")
            && !page.contains("company.corporate_number-error"),
        "a school is asked no industry and no corporate number"
    );
    let (status, page, location) =
        post(&client, &app, &path, &school_form(&csrf, &form_token)).await;
    assert_eq!(status, 303, "{page}");
    let location = location.unwrap();
    assert!(location.contains("done=registered"), "{location}");
    let manage_token = location
        .trim_start_matches("/r/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();

    // Counted by hand from the rows: schools, companies and the rest.
    let (_, list) = app
        .api(
            "GET",
            &format!("/events/{INFO_EXCHANGE}/registrations"),
            Some(&tokens.tmg),
            None,
        )
        .await;
    let rows = list["registrations"].as_array().unwrap();
    let ours = rows
        .iter()
        .find(|r| r["company"]["name"] == "あおぞら日本語学校")
        .expect("stored");
    assert_eq!(ours["registrant_kind"], "school");
    assert_eq!(ours["company"]["school_type"], "japanese_language_school");
    assert!(ours["company"].get("industry").is_none());
    let by_kind = |kind: &str| {
        rows.iter()
            .filter(|r| r["registrant_kind"] == kind && r["status"] == "confirmed")
            .count() as u64
    };
    let schools = by_kind("school");
    assert_eq!(schools, 2, "the demo's school and ours");
    let companies = by_kind("company") + by_kind("sole_proprietor");

    let organizer = app.signed_in("TMG", UserRole::Organizer).await;
    let (status, report) = organizer
        .get(&format!("/admin/events/{INFO_EXCHANGE}/report"))
        .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(count(&report, "参加学校数"), schools);
    assert_eq!(count(&report, "参加企業数"), companies);

    // After the school cancels, it is no longer counted.
    let (status, cancelled) = app
        .api(
            "DELETE",
            &format!("/registrations/{manage_token}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    let (_, report) = organizer
        .get(&format!("/admin/events/{INFO_EXCHANGE}/report"))
        .await;
    assert_eq!(count(&report, "参加学校数"), schools - 1);
    assert_eq!(count(&report, "参加企業数"), companies);
}

#[tokio::test]
async fn the_form_shows_only_the_fields_that_fit_who_registers_and_from_where() {
    let (app, _) = TestApp::with_demo().await;
    let Some(chrome) = Chromium::start(&app.base_url, "en").await else {
        return;
    };
    chrome
        .goto(&format!("/events/{OVERSEAS}/register?lang=en"))
        .await;
    let shown = |name: &'static str| {
        let chrome = &chrome;
        async move {
            chrome
                .client
                .execute(
                    "const el = document.querySelector(`[name='${arguments[0]}']`);
                     return !!el && el.offsetParent !== null;",
                    vec![json!(name)],
                )
                .await
                .unwrap()
                == Value::Bool(true)
        }
    };
    // Fresh: a company in Japan.
    assert!(shown("company.prefecture").await && shown("company.industry").await);
    assert!(!shown("company.region").await && !shown("company.school_type").await);
    // San Francisco: no prefecture, a region; the form is sent and stands.
    chrome.choose("company.country", "US").await;
    assert!(!shown("company.prefecture").await && shown("company.region").await);
    for (name, value) in [
        ("company.name", "Bay Area Ceramics LLC"),
        ("company.postal_code", "94107"),
        ("company.region", "California"),
        ("company.city", "San Francisco"),
        ("company.street", "2 Townsend St"),
        ("contact.name", "Chris Lee"),
        ("contact.email", "chris@bac.example.com"),
        ("contact.phone", "+1 415 555 0199"),
        ("attendees.0.name", "Chris Lee"),
        ("attendees.0.email", "chris@bac.example.com"),
    ] {
        chrome.fill(name, value).await;
    }
    chrome.choose("company.industry", "manufacturing").await;
    chrome.choose("company.employee_band", "6-20").await;
    chrome.tick("company.tcci_member", "no").await;
    chrome.choose("time_zone", "America/Los_Angeles").await;
    // A school has a type and no industry; a person on their own has no organization.
    chrome.choose("company.kind", "school").await;
    assert!(shown("company.school_type").await && !shown("company.industry").await);
    chrome.choose("company.kind", "individual").await;
    assert!(!shown("company.name").await && shown("affiliation").await);
    chrome.choose("company.kind", "company").await;
    assert!(shown("company.name").await && shown("company.industry").await);
    chrome.tick("consent", "yes").await;
    chrome.follow("button.submit-main").await;
    let path = chrome.path().await;
    assert!(
        path.contains("done=registered"),
        "{path}\n{}",
        chrome.body().await
    );
    let body = chrome.body().await;
    assert!(body.contains("In your time zone"), "{body}");
    chrome.close().await;
}
