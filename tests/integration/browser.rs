//! The public pages and the back-office in a real browser (headless Chromium over WebDriver),
//! on the demo data: a company registers two attendees in Japanese (the contact person attends
//! by one tick, the second attendee's block is added on demand), fixes a mistake the form
//! points out, cancels one attendee from the manage page after saying yes to the question; an
//! organizer signs in, opens the roster and checks the other in at the door. In English the same
//! registration is done with the keyboard alone. axe-core audits every page on the way, in
//! every locale: WCAG 2.1 AA (JIS X 8341-3 AA).
use crate::chromium::{Audit, Chromium};
use crate::helpers::{STAFF_PASSWORD, TestApp, corporate_number};
use fantoccini::key::Key;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;
use uketsuke::domain::UserRole;

const SEMINAR: &str = "telework-experience-hachioji";

/// The attendees of the registration behind manage link `token`, as (name, status).
async fn attendees(app: &TestApp, token: &str) -> Vec<(String, String)> {
    let (status, body) = app
        .get_json(&format!("/api/v1/registrations/{token}"))
        .await;
    assert_eq!(status, 200, "{body}");
    body["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a: &Value| {
            (
                a["name"].as_str().unwrap().to_owned(),
                a["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Who is checked in at the event `slug` (a constant of the test, not user input).
async fn checked_in_names(app: &TestApp, slug: &str) -> Vec<String> {
    let backend = app.db.get_database_backend();
    app.db
        .query_all_raw(Statement::from_string(
            backend,
            format!(
                "SELECT a.name FROM attendees a JOIN events e ON e.id = a.event_id \
                 WHERE e.slug = '{slug}' AND a.checked_in_at IS NOT NULL ORDER BY a.name"
            ),
        ))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

/// The manage token in a `/r/{token}…` path.
fn manage_token(path: &str) -> String {
    let rest = path.strip_prefix("/r/").unwrap_or_else(|| panic!("{path}"));
    rest.split(['?', '/']).next().unwrap().to_owned()
}

#[tokio::test]
async fn a_company_registers_in_japanese_and_an_organizer_checks_in_at_the_door() {
    let (app, _) = TestApp::with_demo().await;
    let organizer = app.staff("TMG", UserRole::Organizer).await;
    let Some(browser) = Chromium::start(&app.base_url, "ja").await else {
        return;
    };
    let mut audit = Audit::default();

    // The catalogue, the event, the form.
    browser.goto("/").await;
    assert!(
        browser.text("h1").await.contains("イベント"),
        "{}",
        browser.body().await
    );
    audit.page(&browser, "catalogue (ja)").await;
    browser
        .follow(&format!("a[href^='/events/{SEMINAR}']"))
        .await;
    assert_eq!(browser.path().await, format!("/events/{SEMINAR}"));
    assert!(
        browser
            .body()
            .await
            .contains("テレワーク体験セミナー in 八王子")
    );
    audit.page(&browser, "event page (ja)").await;
    browser.follow("p.cta a.button").await;
    assert!(
        browser
            .path()
            .await
            .starts_with(&format!("/events/{SEMINAR}/register"))
    );
    audit.page(&browser, "registration form (ja)").await;

    // The contact person attends: one tick instead of typing themselves again; the second
    // attendee's block comes on demand, and the form comes back with what was typed.
    for (name, value) in [
        ("company.name", "株式会社ブラウザ商事"),
        ("company.name_kana", "ブラウザショウジ"),
        ("company.corporate_number", &corporate_number(71_001)),
        ("company.postal_code", "163-8001"),
        ("company.city", "新宿区"),
        ("company.street", "西新宿2-8-1"),
        ("contact.name", "佐藤 京子"),
        ("contact.kana", "サトウ キョウコ"),
        ("contact.email", "sato@browser.example.jp"),
        ("contact.phone", "03-5321-1111"),
    ] {
        browser.fill(name, value).await;
    }
    browser.choose("company.prefecture", "東京都").await;
    browser.choose("company.industry", "manufacturing").await;
    browser.choose("company.employee_band", "51-100").await;
    browser.tick("company.tcci_member", "yes").await;
    browser.tick("self_attends", "on").await;
    assert!(
        !browser
            .client
            .find(fantoccini::Locator::Css("[name='attendees.0.name']"))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap(),
        "attendee 1 is the contact person: its fields fold away"
    );
    assert!(
        browser
            .client
            .find(fantoccini::Locator::Css("[name='attendees.1.name']"))
            .await
            .is_err(),
        "one attendee block to start with"
    );
    browser.follow("button.add-attendee").await;
    assert_eq!(browser.value("company.name").await, "株式会社ブラウザ商事");
    assert_eq!(browser.value("company.prefecture").await, "東京都");

    // Everything filled in but a mistyped address and the consent: the form says so on the
    // fields and keeps what was typed.
    for (name, value) in [
        ("attendees.1.name", "鈴木 一郎"),
        ("attendees.1.kana", "スズキ イチロウ"),
        ("attendees.1.email", "suzuki@browser"),
    ] {
        browser.fill(name, value).await;
    }
    browser.follow("button.submit-main").await;
    assert!(
        browser
            .path()
            .await
            .starts_with(&format!("/events/{SEMINAR}/register"))
    );
    let summary = browser.text("[role='alert']").await;
    assert!(summary.contains("メールアドレス"), "{summary}");
    assert!(!browser.text("[id='consent-error']").await.is_empty());
    assert!(
        !browser
            .text("[id='attendees.1.email-error']")
            .await
            .is_empty()
    );
    let kept = browser
        .client
        .find(fantoccini::Locator::Css("[name='attendees.1.name']"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("鈴木 一郎"));
    audit
        .page(&browser, "registration form with errors (ja)")
        .await;

    browser
        .fill("attendees.1.email", "suzuki@browser.example.jp")
        .await;
    browser.tick("consent", "yes").await;
    browser.follow("button.submit-main").await;

    // The confirmation, on the manage page the emails link to.
    let path = browser.path().await;
    assert!(
        path.ends_with("?done=registered"),
        "{path}: {}",
        browser.body().await
    );
    let body = browser.body().await;
    assert!(
        body.contains("お申し込みを受け付けました。") && body.contains("参加が確定しています。")
    );
    audit.page(&browser, "confirmation (ja)").await;
    let token = manage_token(&path);

    // The manage link, opened again later, cancels one of the two: the button asks first.
    browser.goto(&format!("/r/{token}")).await;
    audit.page(&browser, "manage page (ja)").await;
    let buttons = browser
        .client
        .find_all(fantoccini::Locator::Css("form.inline button"))
        .await
        .unwrap();
    let mut cancelled = false;
    for button in buttons {
        if button.text().await.unwrap().contains("鈴木 一郎") {
            browser.mark_page().await;
            button.click().await.unwrap();
            browser.wait_for_new_page().await;
            cancelled = true;
            break;
        }
    }
    assert!(cancelled, "no cancel button for 鈴木 一郎");
    assert!(
        browser
            .body()
            .await
            .contains("鈴木 一郎 さんの参加をキャンセルしますか。"),
        "{}",
        browser.body().await
    );
    audit.page(&browser, "cancel an attendee? (ja)").await;
    assert_eq!(
        attendees(&app, &token).await[1].1,
        "active",
        "not before yes"
    );
    browser.follow("form button.danger").await;
    assert!(
        browser
            .body()
            .await
            .contains("参加者のキャンセルを受け付けました。")
    );
    audit
        .page(&browser, "manage page after a cancellation (ja)")
        .await;
    assert_eq!(
        attendees(&app, &token).await,
        vec![
            ("佐藤 京子".to_owned(), "active".to_owned()),
            ("鈴木 一郎".to_owned(), "cancelled".to_owned()),
        ]
    );

    // The organizer signs in, finds the event, its roster and its door.
    browser.goto("/admin/login").await;
    audit.page(&browser, "login (ja)").await;
    browser.fill("email", &organizer).await;
    browser.fill("password", STAFF_PASSWORD).await;
    browser.follow("form button[type='submit']").await;
    assert_eq!(browser.path().await, "/admin");
    browser
        .follow(&format!("a[href='/admin/events/{SEMINAR}']"))
        .await;
    browser.follow_link("参加者名簿").await;
    assert!(
        browser
            .path()
            .await
            .starts_with(&format!("/admin/events/{SEMINAR}/roster"))
    );
    let roster = browser.body().await;
    assert!(
        roster.contains("株式会社ブラウザ商事") && roster.contains("佐藤 京子"),
        "{roster}"
    );
    audit.page(&browser, "roster (ja)").await;

    browser
        .goto(&format!("/admin/events/{SEMINAR}/checkin"))
        .await;
    browser.fill("q", "サトウ").await;
    browser.follow("form.door-search button").await;
    audit.page(&browser, "door search (ja)").await;
    browser.follow("ul.door-list form button").await;
    assert!(
        browser
            .body()
            .await
            .contains("佐藤 京子 様を受付しました。"),
        "{}",
        browser.body().await
    );
    assert_eq!(
        checked_in_names(&app, SEMINAR).await,
        vec!["佐藤 京子".to_owned()]
    );

    // The audit can fail: a field that loses its label and grey-on-white text are caught.
    browser
        .client
        .execute(
            "document.querySelector('label[for=q]').remove();
             const p = document.createElement('p');
             p.textContent = 'faint'; p.style.color = '#eee'; document.body.append(p);",
            vec![],
        )
        .await
        .unwrap();
    let (violations, _, _) = browser.axe().await;
    assert!(
        violations.iter().any(|v| v.starts_with("label "))
            && violations.iter().any(|v| v.starts_with("color-contrast ")),
        "{violations:?}"
    );

    browser.close().await;
    audit.assert_clean();
}

const TALENT_SEMINAR: &str = "sme-talent-seminar";

#[tokio::test]
async fn the_same_registration_in_english_with_the_keyboard_alone() {
    let (app, _) = TestApp::with_demo().await;
    let organizer = app.staff("TMG", UserRole::Organizer).await;
    let Some(browser) = Chromium::start(&app.base_url, "ja").await else {
        return;
    };
    let mut audit = Audit::default();

    // From the Japanese catalogue to English, to the event and its form: Tab and Enter.
    browser.goto("/").await;
    browser
        .tab_to("ul.lang-switch a[hreflang='en']", None)
        .await;
    browser.enter_and_wait().await;
    assert_eq!(browser.text("h1").await, "Events and seminars");
    assert!(
        browser
            .body()
            .await
            .contains("Talent acquisition seminar for SMEs")
    );
    audit.page(&browser, "catalogue (en)").await;
    browser
        .tab_to(&format!("a[href^='/events/{TALENT_SEMINAR}']"), None)
        .await;
    browser.enter_and_wait().await;
    audit.page(&browser, "event page (en)").await;
    browser.tab_to("p.cta a.button", None).await;
    browser.enter_and_wait().await;
    assert!(
        browser
            .path()
            .await
            .starts_with(&format!("/events/{TALENT_SEMINAR}/register"))
    );
    audit.page(&browser, "registration form (en)").await;

    // Sent empty, it answers in English on each field.
    browser
        .tab_to("form button[type='submit']", Some("Register"))
        .await;
    browser.enter_and_wait().await;
    let summary = browser.text("[role='alert']").await;
    assert!(summary.contains("Company name"), "{summary}");
    audit
        .page(&browser, "registration form with errors (en)")
        .await;

    // Filled in with the keyboard: typing, type-ahead in the lists, Space on the choices.
    for (name, text) in [
        ("company.name", "Keyboard Trading K.K."),
        ("company.name_kana", "キーボードトレーディング"),
        ("company.corporate_number", &corporate_number(71_002)),
        ("company.postal_code", "100-0005"),
        ("company.prefecture", "Tokyo"),
        ("company.city", "Chiyoda-ku"),
        ("company.street", "1-1 Marunouchi"),
        ("company.industry", "Manufacturing"),
        ("company.employee_band", "51"),
    ] {
        browser.tab_and_type(name, text).await;
    }
    assert_eq!(browser.value("company.prefecture").await, "東京都");
    assert_eq!(browser.value("company.industry").await, "manufacturing");
    assert_eq!(browser.value("company.employee_band").await, "51-100");
    browser
        .tab_to("input[name='company.tcci_member']", None)
        .await;
    browser.press(&[Key::Space]).await;
    for (name, text) in [
        ("contact.name", "Emma Clark"),
        ("contact.kana", "Emma Clark"),
        ("contact.email", "emma@keyboard.example.com"),
        ("contact.phone", "03-1234-5678"),
    ] {
        browser.tab_and_type(name, text).await;
    }
    // "I will attend myself" with Space; "Add another attendee" with Enter lands on the new
    // block, so the next Tab is in it.
    browser.tab_to("input[name='self_attends']", None).await;
    browser.press(&[Key::Space]).await;
    browser
        .tab_to("button.add-attendee", Some("Add another attendee"))
        .await;
    browser.enter_and_wait().await;
    for (name, text) in [
        ("attendees.1.name", "Kenji Mori"),
        ("attendees.1.kana", "Kenji Mori"),
        ("attendees.1.email", "kenji@keyboard.example.com"),
    ] {
        browser.tab_and_type(name, text).await;
    }
    browser.tab_to("input[name='consent']", None).await;
    browser.press(&[Key::Space]).await;
    browser
        .tab_to("form button[type='submit']", Some("Register"))
        .await;
    browser.enter_and_wait().await;

    let path = browser.path().await;
    assert!(
        path.ends_with("?done=registered"),
        "{path}: {}",
        browser.body().await
    );
    let body = browser.body().await;
    assert!(
        body.contains("Your registration has been received.")
            && body.contains("Your place is confirmed."),
        "{body}"
    );
    audit.page(&browser, "confirmation (en)").await;
    let token = manage_token(&path);

    // One attendee cancelled from the manage page, by keyboard, after the question.
    browser
        .tab_to("form.inline button", Some("Kenji Mori"))
        .await;
    browser.enter_and_wait().await;
    assert!(browser.body().await.contains("Cancel Kenji Mori's place?"));
    audit.page(&browser, "cancel an attendee? (en)").await;
    browser.tab_to("form button.danger", None).await;
    browser.enter_and_wait().await;
    assert!(
        browser
            .body()
            .await
            .contains("The attendee has been cancelled.")
    );
    audit.page(&browser, "manage page (en)").await;
    assert_eq!(
        attendees(&app, &token).await,
        vec![
            ("Emma Clark".to_owned(), "active".to_owned()),
            ("Kenji Mori".to_owned(), "cancelled".to_owned()),
        ]
    );

    // The organizer, in English and by keyboard: sign in, roster, door.
    browser.goto("/admin/login").await;
    audit.page(&browser, "login (en)").await;
    browser.tab_and_type("email", &organizer).await;
    browser.tab_and_type("password", STAFF_PASSWORD).await;
    browser.tab_to("form button[type='submit']", None).await;
    browser.enter_and_wait().await;
    assert_eq!(browser.path().await, "/admin");
    browser
        .tab_to(&format!("a[href='/admin/events/{TALENT_SEMINAR}']"), None)
        .await;
    browser.enter_and_wait().await;
    browser.tab_to("a", Some("Roster")).await;
    browser.enter_and_wait().await;
    assert!(browser.body().await.contains("Keyboard Trading K.K."));
    audit.page(&browser, "roster (en)").await;
    browser
        .goto(&format!("/admin/events/{TALENT_SEMINAR}/checkin"))
        .await;
    // The search box has the focus when the door page opens.
    assert_eq!(
        browser
            .client
            .active_element()
            .await
            .unwrap()
            .attr("name")
            .await
            .unwrap()
            .as_deref(),
        Some("q")
    );
    browser.type_text("Emma").await;
    browser.enter_and_wait().await;
    browser.tab_to("ul.door-list form button", None).await;
    browser.enter_and_wait().await;
    assert!(
        browser.body().await.contains("Emma Clark is checked in."),
        "{}",
        browser.body().await
    );
    audit.page(&browser, "door (en)").await;
    assert_eq!(
        checked_in_names(&app, TALENT_SEMINAR).await,
        vec!["Emma Clark".to_owned()]
    );

    browser.close().await;
    audit.assert_clean();
}

/// The demo events whose back-office pages the audit walks: one of each kind.
const AUDITED_EVENTS: [&str; 8] = [
    SEMINAR,
    "lwb-expo",
    "workstyle-consultation-day",
    "foreign-students-job-fair",
    "smooth-biz-summer",
    "tokyo-telework-rule-declaration",
    "lwb-certification",
    "workstyle-expert-dispatch",
];

/// Whether the audit crawl visits `path`: pages only (no downloads, no sign-out), and of the
/// back-office only the events of `AUDITED_EVENTS`.
fn worth_auditing(path: &str) -> bool {
    let download = [".csv", ".xlsx", ".ics", ".png", ".json"]
        .iter()
        .any(|ext| path.ends_with(ext));
    let event_ok = match path.strip_prefix("/admin/events/") {
        Some(rest) => {
            let slug = rest.split('/').next().unwrap_or_default();
            slug == "new" || AUDITED_EVENTS.contains(&slug)
        }
        None => true,
    };
    // A certification document is a download, whatever its name.
    let download = download || path.contains("/documents/");
    (path.starts_with("/events")
        || path.starts_with("/admin")
        || path == "/"
        || path == "/certified")
        && !download
        && !path.starts_with("/admin/logout")
        && !path.starts_with("/admin/scan")
        && event_ok
}

/// Visits every page reachable from `start` by links (paths without their query, each once),
/// auditing each; returns how many pages it audited.
async fn crawl(browser: &Chromium, audit: &mut Audit, start: &str, lang: &str) -> usize {
    // Each page to visit, with the page that links to it.
    let mut queue = std::collections::VecDeque::from([(start.to_owned(), String::new())]);
    let mut seen = std::collections::HashSet::from([start.to_owned()]);
    let mut audited = 0;
    while let Some((path, from)) = queue.pop_front() {
        browser.goto(&path).await;
        // A link to an error page is a broken link.
        let heading = browser.text("h1").await;
        assert!(
            ![
                "",
                "エラー",
                "Error",
                "ページが見つかりません",
                "ページが ありません",
                "Page not found"
            ]
            .contains(&heading.as_str()),
            "{path} ({lang}), linked from {from}: {heading:?}"
        );
        // The language switch shows this same page in each other language.
        let switches = browser
            .client
            .execute(
                "return [...document.querySelectorAll('ul.lang-switch a[hreflang]')]
                   .map(a => a.getAttribute('href'));",
                vec![],
            )
            .await
            .unwrap();
        let switches = switches.as_array().cloned().unwrap_or_default();
        assert!(!switches.is_empty(), "{path} ({lang}): no language switch");
        for switch in switches {
            let switch = switch.as_str().unwrap_or_default();
            assert_eq!(
                switch.split('?').next(),
                Some(path.as_str()),
                "{path}: {switch}"
            );
        }
        audit.page(browser, &format!("{path} ({lang})")).await;
        audited += 1;
        let links = browser
            .client
            .execute(
                "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));",
                vec![],
            )
            .await
            .unwrap();
        for link in links.as_array().unwrap() {
            let href = link.as_str().unwrap();
            let target = href.split(['?', '#']).next().unwrap().to_owned();
            if href.starts_with('/') && worth_auditing(&target) && seen.insert(target.clone()) {
                queue.push_back((target, path.clone()));
            }
        }
    }
    audited
}

#[tokio::test]
async fn every_page_reachable_on_the_demo_passes_axe_in_every_locale() {
    let (app, _) = TestApp::with_demo().await;
    let admin = app.staff("TMG", UserRole::Admin).await;
    uketsuke::services::administration::set_platform_admin(&app.db, &admin, true)
        .await
        .unwrap();
    let Some(browser) = Chromium::start(&app.base_url, "ja").await else {
        return;
    };
    let mut audit = Audit::default();
    let mut pages = 0;
    // The public side: the catalogue, each event, its form and its lists, in each locale
    // (`?lang=` is remembered for the pages that follow).
    for lang in ["ja", "ja-x-easy", "en"] {
        browser.goto(&format!("/?lang={lang}")).await;
        pages += crawl(&browser, &mut audit, "/", lang).await;
    }
    // The back-office, as an admin who is also a platform admin, in Japanese.
    browser.goto("/admin/login?lang=ja").await;
    browser.fill("email", &admin).await;
    browser.fill("password", STAFF_PASSWORD).await;
    browser.follow("form button[type='submit']").await;
    pages += crawl(&browser, &mut audit, "/admin", "ja").await;
    eprintln!("axe audited {pages} pages");
    assert!(pages > 60, "the crawl reached only {pages} pages");
    browser.close().await;
    audit.assert_clean();
}
