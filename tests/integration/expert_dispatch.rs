//! Expert dispatch (専門家派遣): companies request a visit (web form and API); the organizer
//! keeps an expert register, assigns an expert, schedules visits up to the programme's visits
//! per company and fiscal year (the next one is refused), moves and cancels them and records
//! their outcome. Every visit reaches the company and the expert by email with a calendar
//! object of its own (one UID per visit, SEQUENCE up on a move, METHOD:CANCEL on a
//! cancellation), read back from a real SMTP receiver and parsed. The fiscal-year report is
//! checked against the rows, and hostile text in the issue is followed out to the pages, the
//! mail, the .ics and the CSV.
use crate::helpers::{TestApp, corporate_number, hidden};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get, post};
use chrono::{Duration, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::json;
use uketsuke::domain::{FiscalYear, UserRole, VisitState};

/// Hostile but legitimate text: a line break, a spreadsheet formula, markup, the characters
/// a calendar file escapes, a backslash and an emoji.
const HOSTILE_ISSUE: &str =
    "規程がなく困っている。\n=cmd|' /C calc'!A0 <script>alert(1)</script>; 休暇, 介護 C:\\temp 😀";

/// `days` from now at `hour` Tokyo time, as a `datetime-local` value.
fn local(days: i64, hour: u32) -> String {
    let day =
        (Utc::now().with_timezone(&chrono_tz::Asia::Tokyo) + Duration::days(days)).date_naive();
    format!("{day}T{hour:02}:00")
}

fn day(days: i64) -> String {
    (Utc::now().with_timezone(&chrono_tz::Asia::Tokyo) + Duration::days(days))
        .date_naive()
        .to_string()
}

fn programme(slug: &str, visits: i64) -> serde_json::Value {
    json!({
        "slug": slug,
        "title_ja": "働き方改革 専門家派遣", "title_en": "Work-style reform expert dispatch",
        "description_ja": "専門家が訪問します。", "description_en": "An expert visits you.",
        "programme_area": "work_style_reform", "kind": "expert_dispatch", "format": "online",
        "starts_at": crate::helpers::jst_in_days(0, 0), "ends_at": crate::helpers::jst_in_days(150, 0),
        "languages": ["ja", "en"], "visits_per_company": visits
    })
}

/// The visit ids on a request's back-office page, in the order shown.
fn visit_ids(html: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for part in html.split("/visits/").skip(1) {
        let id: i64 = part[..part.find('/').unwrap()].parse().unwrap();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The `.ics` attachments of a message.
fn calendars(m: &mail_parser::Message<'_>) -> Vec<String> {
    m.attachments()
        .filter(|a| a.attachment_name().is_some_and(|n| n.ends_with(".ics")))
        .map(|a| String::from_utf8(a.contents().to_vec()).unwrap())
        .collect()
}

/// What a calendar object says, parsed by the icalendar crate: METHOD, UID, SEQUENCE,
/// DESCRIPTION (unescaped).
fn parsed(ics: &str) -> (String, String, u32, String) {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a parsable calendar");
    let method = calendar
        .properties
        .iter()
        .find(|p| p.name == "METHOD")
        .unwrap()
        .val
        .to_string();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1, "one visit per calendar object");
    let prop = |n: &str| events[0].find_prop(n).unwrap().val.to_string();
    let unescape = |s: String| {
        s.replace("\\n", "\n")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\")
    };
    (
        method,
        prop("UID"),
        prop("SEQUENCE").parse().unwrap(),
        unescape(prop("DESCRIPTION")),
    )
}

fn to_of(m: &mail_parser::Message<'_>) -> String {
    m.to()
        .unwrap()
        .first()
        .unwrap()
        .address()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_request_is_assigned_scheduled_up_to_the_limit_moved_cancelled_and_reported() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("DISP", UserRole::Organizer)
        .await;
    let slug = "expert-dispatch";

    // The programme and its visits per company: set on creation, changed, checked.
    let (status, body) = app
        .api("POST", "/events", Some(&token), Some(programme(slug, 0)))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "visits_per_company");
    let (status, body) = app
        .api("POST", "/events", Some(&token), Some(programme(slug, 3)))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["visits_per_company"], 3);
    let (status, body) = app
        .api(
            "PATCH",
            &format!("/events/{slug}"),
            Some(&token),
            Some(json!({"visits_per_company": 2})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["visits_per_company"], 2);
    app.api(
        "POST",
        &format!("/events/{slug}/publish"),
        Some(&token),
        None,
    )
    .await;

    // A company requests a visit through the form; what is wrong is named on its field.
    let hanako = browser("ja");
    let register = format!("/events/{slug}/register");
    let (_, form) = get(&hanako, &app, &register).await;
    assert!(
        form.contains(r#"name="dispatch.theme" value="telework""#)
            && form.contains(r#"name="dispatch.date_3""#),
        "{form}"
    );
    assert!(!form.contains(r#"name="attendees.0.name""#), "no attendees");
    let cn_a = corporate_number(161_001);
    let base = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &cn_a,
        &[],
    );
    let with = |extra: &[(&str, &str)]| {
        let mut f = base.clone();
        f.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        f
    };
    let too_long = "あ".repeat(10_000);
    let (status, html, _) = post(
        &hanako,
        &app,
        &register,
        &with(&[
            ("dispatch.theme", "telework"),
            ("dispatch.issue", &too_long),
            ("dispatch.employees", "四十五"),
            ("dispatch.date_1", "2001-01-01"),
        ]),
    )
    .await;
    assert_eq!(status, 422);
    for field in [
        "dispatch.issue-error",
        "dispatch.employees-error",
        "dispatch.preferred_dates-error",
        "dispatch.mode-error",
    ] {
        assert!(html.contains(field), "{field}: {html}");
    }
    assert!(html.contains(r#"value="telework" checked"#), "kept");
    let (status, html, _) = post(
        &hanako,
        &app,
        &register,
        &with(&[
            ("dispatch.theme", "telework"),
            ("dispatch.issue", "a\u{0}b"),
            ("dispatch.employees", "45"),
            ("dispatch.date_1", &day(10)),
            ("dispatch.mode", "on_site"),
        ]),
    )
    .await;
    assert_eq!(status, 422, "a NUL is refused on its field");
    assert!(html.contains("dispatch.issue-error"));
    let (status, _, location) = post(
        &hanako,
        &app,
        &register,
        &with(&[
            ("dispatch.theme", "telework"),
            ("dispatch.issue", HOSTILE_ISSUE),
            ("dispatch.employees", "４５"),
            ("dispatch.date_1", &day(12)),
            ("dispatch.date_2", &day(10)),
            ("dispatch.mode", "on_site"),
        ]),
    )
    .await;
    assert_eq!(status, 303);
    let manage_a = location.unwrap().split('?').next().unwrap().to_owned();
    let (_, page) = get(&hanako, &app, &manage_a).await;
    assert!(page.contains("受付済み（専門家の調整中）"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
            && !page.contains("<script>alert"),
        "escaped on the page"
    );
    assert!(
        page.contains("申込を取り下げる") && !page.contains("申込全体をキャンセル"),
        "a request waiting for an expert may be withdrawn, not cancelled"
    );

    // Another company by the API; a company asks once per programme.
    let cn_b = corporate_number(161_002);
    let mut body = crate::helpers::company_registration(&cn_b, &[]);
    body.as_object_mut().unwrap().remove("attendees");
    body["dispatch"] = json!({
        "theme": "care_balance", "issue": "=SUM(1+1) 介護と仕事の両立支援を整えたい。", "employees": 18,
        "preferred_dates": [day(20)], "mode": "online"
    });
    let (status, b) = app.register(slug, body.clone()).await;
    assert_eq!(status, 201, "{b}");
    assert_eq!(b["shape"], "dispatch_request");
    assert_eq!(b["status"], "requested");
    assert_eq!(b["dispatch"]["preferred_dates"], json!([day(20)]));
    let (status, again) = app.register(slug, body).await;
    assert_eq!(status, 422, "{again}");
    assert_eq!(again["fields"][0]["field"], "company.corporate_number");

    app.drain(&mailer).await;
    let raw = smtp.messages();
    assert_eq!(raw.len(), 2, "two receipts");
    let receipt = MessageParser::default().parse(&raw[0]).unwrap();
    assert!(
        receipt
            .subject()
            .unwrap()
            .starts_with("【専門家派遣 申込受付】"),
        "{:?}",
        receipt.subject()
    );
    assert!(
        calendars(&receipt).is_empty(),
        "nothing to put in a calendar yet"
    );
    let html = receipt.body_html(0).unwrap();
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>alert"));
    assert!(
        receipt
            .body_text(0)
            .unwrap()
            .replace("\r\n", "\n")
            .contains(HOSTILE_ISSUE)
    );

    // The organizer's register of experts.
    let organizer = app.signed_in("DISP", UserRole::Organizer).await;
    let (status, html, _) = organizer
        .post("/admin/experts", "/admin/experts", &[("name", "佐藤 恵子")])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("1つ以上選択してください"), "{html}");
    let (status, html, _) = organizer
        .post(
            "/admin/experts",
            "/admin/experts",
            &[
                ("name", "佐藤\n恵子"),
                ("email", "sato@sr-mirai.example.jp"),
                ("fields", "telework"),
            ],
        )
        .await;
    assert_eq!(status, 422, "a name is one line");
    assert!(html.contains("改行"), "{html}");
    let (status, _, _) = organizer
        .post(
            "/admin/experts",
            "/admin/experts",
            &[
                ("name", "佐藤 恵子"),
                ("email", "sato@sr-mirai.example.jp"),
                ("affiliation", "社会保険労務士法人みらい"),
                ("fields", "telework"),
                ("fields", "leave"),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, html) = organizer.get("/admin/experts").await;
    assert!(html.contains("社会保険労務士法人みらい") && html.contains("休暇の取得促進"));
    let expert_id = {
        let start = html.find("/admin/experts?edit=").unwrap() + "/admin/experts?edit=".len();
        html[start..start + html[start..].find('#').unwrap()].to_owned()
    };

    // The programme's requests; the first company's page.
    let list = format!("/admin/events/{slug}/dispatch");
    let (status, html) = organizer.get(&list).await;
    assert_eq!(status, 200);
    assert!(html.contains("株式会社みらい製作所") && html.contains("株式会社テスト商事"));
    let event = uketsuke::store::events::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap();
    let rows = uketsuke::store::dispatch::of_event(&app.db, event.id)
        .await
        .unwrap();
    let id_a = rows
        .iter()
        .find(|r| r.corporate_number.as_deref() == Some(cn_a.as_str()))
        .unwrap()
        .registration_id;
    let page = format!("{list}/{id_a}");
    let (status, html) = organizer.get(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("★"),
        "the expert's fields match the theme: {html}"
    );

    // No visit before an expert is assigned.
    let visit = |start: String, end: String, mode: &'static str, place: &'static str| {
        vec![
            ("starts_at", start),
            ("ends_at", end),
            ("mode", mode.to_owned()),
            ("place", place.to_owned()),
        ]
    };
    let post_visit = |action: String, fields: Vec<(&'static str, String)>| {
        let organizer = &organizer;
        let page = page.clone();
        async move {
            let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            organizer.post(&page, &action, &f).await
        }
    };
    let schedule = format!("{page}/schedule");
    let (status, _, _) = post_visit(
        schedule.clone(),
        visit(
            local(10, 10),
            local(10, 12),
            "on_site",
            "東京都新宿区西新宿2-8-1",
        ),
    )
    .await;
    assert_eq!(status, 409);
    let (status, _, _) = organizer
        .post(&page, &format!("{page}/assign"), &[("expert", &expert_id)])
        .await;
    assert_eq!(status, 303);

    // Up to the visits allowed (two here); the third is refused, clearly.
    let (status, html, _) = post_visit(
        schedule.clone(),
        visit(local(10, 10), local(10, 12), "online", "東京都新宿区"),
    )
    .await;
    assert_eq!(status, 422, "an online visit needs a link");
    assert!(html.contains("で始まるURLを入力してください"), "{html}");
    let (status, _, _) = post_visit(
        schedule.clone(),
        visit(
            local(10, 10),
            local(10, 12),
            "on_site",
            "東京都新宿区西新宿2-8-1 3階",
        ),
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = post_visit(
        schedule.clone(),
        visit(
            local(10, 14),
            local(10, 15),
            "online",
            "https://meet.example.jp/dispatch-a",
        ),
    )
    .await;
    assert_eq!(status, 303);
    let (status, html, _) = post_visit(
        schedule.clone(),
        visit(
            local(10, 16),
            local(10, 17),
            "on_site",
            "東京都新宿区西新宿2-8-1",
        ),
    )
    .await;
    assert_eq!(status, 422);
    let year = FiscalYear::of(Utc::now() + Duration::days(10)).year();
    assert!(
        html.contains(&format!("{year}年度の訪問は、上限の2回に達しています")),
        "{html}"
    );
    let (_, html) = organizer.get(&page).await;
    let ids = visit_ids(&html);
    assert_eq!(ids.len(), 2, "{html}");
    let (first, second) = (ids[0], ids[1]);

    // Each visit went to the company and to the expert, with its own calendar object.
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let visits: Vec<_> = raw[2..]
        .iter()
        .map(|r| MessageParser::default().parse(r).unwrap())
        .collect();
    assert_eq!(
        visits.len(),
        4,
        "two visits, each to the company and the expert"
    );
    let to_company: Vec<_> = visits
        .iter()
        .filter(|m| to_of(m) == "sato@mirai.example.jp")
        .collect();
    let to_expert: Vec<_> = visits
        .iter()
        .filter(|m| to_of(m) == "sato@sr-mirai.example.jp")
        .collect();
    assert_eq!((to_company.len(), to_expert.len()), (2, 2));
    let mut uids = Vec::new();
    for m in &to_company {
        assert!(
            m.subject().unwrap().starts_with("【専門家派遣 訪問日程】"),
            "{:?}",
            m.subject()
        );
        let text = m.body_text(0).unwrap();
        assert!(
            text.contains("/r/"),
            "the company's message has its manage link"
        );
        assert!(
            text.contains("佐藤 恵子（社会保険労務士法人みらい）"),
            "{text}"
        );
        let html = m.body_html(0).unwrap();
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>alert"));
        let files = calendars(m);
        assert_eq!(files.len(), 1);
        assert!(
            files[0].contains("\\;") && files[0].contains("\\,"),
            "escaped"
        );
        let (method, uid, sequence, description) = parsed(&files[0]);
        assert_eq!((method.as_str(), sequence), ("REQUEST", 0));
        assert!(description.contains(HOSTILE_ISSUE), "{description}");
        uids.push(uid);
    }
    assert_eq!(
        uids,
        [first, second]
            .iter()
            .map(|id| format!("dispatch-visit-{id}@127.0.0.1"))
            .collect::<Vec<_>>(),
        "one UID per visit"
    );
    for m in &to_expert {
        let text = m.body_text(0).unwrap();
        assert!(
            !text.contains("/r/"),
            "the expert gets no manage link: {text}"
        );
        assert!(m.subject().unwrap().ends_with("株式会社みらい製作所"));
        assert_eq!(parsed(&calendars(m)[0]).0, "REQUEST");
    }

    // Moved: same UID, SEQUENCE up. Cancelled: METHOD:CANCEL, and a visit is free again.
    let (status, _, _) = post_visit(
        format!("{page}/visits/{first}/move"),
        visit(
            local(10, 9),
            local(10, 11),
            "on_site",
            "東京都新宿区西新宿2-8-1 5階",
        ),
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = post_visit(format!("{page}/visits/{second}/cancel"), Vec::new()).await;
    assert_eq!(status, 303);
    let (status, _, _) = post_visit(format!("{page}/visits/{second}/cancel"), Vec::new()).await;
    assert_eq!(status, 409, "cancelled already");
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let latest: Vec<_> = raw[6..]
        .iter()
        .map(|r| MessageParser::default().parse(r).unwrap())
        .filter(|m| to_of(m) == "sato@mirai.example.jp")
        .collect();
    assert_eq!(latest.len(), 2);
    assert!(
        latest[0]
            .subject()
            .unwrap()
            .starts_with("【専門家派遣 日程変更】")
    );
    let (method, uid, sequence, _) = parsed(&calendars(&latest[0])[0]);
    assert_eq!(
        (method.as_str(), uid.as_str(), sequence),
        ("REQUEST", uids[0].as_str(), 1)
    );
    assert!(
        latest[1]
            .subject()
            .unwrap()
            .starts_with("【専門家派遣 訪問中止】")
    );
    let (method, uid, sequence, _) = parsed(&calendars(&latest[1])[0]);
    assert_eq!(
        (method.as_str(), uid.as_str(), sequence),
        ("CANCEL", uids[1].as_str(), 1)
    );
    let (status, _, _) = post_visit(
        schedule.clone(),
        visit(
            local(10, 16),
            local(10, 17),
            "online",
            "https://meet.example.jp/dispatch-a2",
        ),
    )
    .await;
    assert_eq!(status, 303, "the cancelled visit no longer counts");

    // The outcome: a choice is required; then it is recorded.
    let outcome = format!("{page}/visits/{first}/outcome");
    let (status, _, _) = post_visit(outcome.clone(), vec![("notes", "x".into())]).await;
    assert_eq!(status, 422);
    let (status, _, _) = post_visit(
        outcome,
        vec![
            ("held", "held".into()),
            ("notes", "就業規則の改定案を説明した。".into()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = organizer.get(&page).await;
    assert!(html.contains("実施済み") && html.contains("就業規則の改定案"));
    let (status, _, _) = post_visit(
        format!("{page}/visits/{first}/move"),
        visit(local(-1, 9), local(-1, 11), "on_site", "東京都新宿区"),
    )
    .await;
    assert_eq!(status, 422, "not into the past");
    let (status, _, _) = post_visit(
        format!("{page}/visits/{first}/move"),
        visit(local(11, 9), local(11, 11), "on_site", "東京都新宿区"),
    )
    .await;
    assert_eq!(status, 409, "a visit held is not moved");

    // The company's own reading through the API: the expert and every visit.
    let token_a = manage_a.trim_start_matches("/r/");
    let (status, mine) = app
        .get_json(&format!("/api/v1/registrations/{token_a}"))
        .await;
    assert_eq!(status, 200, "{mine}");
    assert_eq!(mine["shape"], "dispatch_request");
    assert_eq!(mine["status"], "assigned");
    assert_eq!(mine["dispatch"]["expert"]["name"], "佐藤 恵子");
    let states: Vec<&str> = mine["dispatch"]["visits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["held", "cancelled", "scheduled"], "in time order");

    // The company's page in its three languages: the expert and the visits, no notes.
    for (lang, words) in [
        (
            "ja",
            [
                "専門家決定",
                "佐藤 恵子（社会保険労務士法人みらい）",
                "実施済み",
                "中止",
            ],
        ),
        (
            "en",
            [
                "Expert assigned",
                "佐藤 恵子 (社会保険労務士法人みらい)",
                "Held",
                "Cancelled",
            ],
        ),
        (
            "ja-x-easy",
            ["専門家が 決まりました", "佐藤 恵子", "行いました", "中止"],
        ),
    ] {
        let (status, page) = app.get_html(&format!("{manage_a}?lang={lang}"), None).await;
        assert_eq!(status, 200);
        for w in words {
            assert!(page.contains(w), "{lang}: {w}: {page}");
        }
        assert!(
            !page.contains("就業規則の改定案"),
            "the notes are the organizer's"
        );
        assert!(
            !page.contains("cancel-all"),
            "assigned: no longer withdrawn here"
        );
    }

    // The export: the issue on one line per cell, the formula defused.
    let (status, csv) = organizer.get(&format!("{list}.csv")).await;
    assert_eq!(status, 200);
    assert!(csv.starts_with('\u{feff}'));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let issues: Vec<String> = reader.records().map(|r| r.unwrap()[4].to_owned()).collect();
    assert!(issues.contains(&HOSTILE_ISSUE.to_owned()), "{issues:?}");
    assert!(
        issues.contains(&"'=SUM(1+1) 介護と仕事の両立支援を整えたい。".to_owned()),
        "a formula is defused: {issues:?}"
    );

    // The fiscal-year report, checked against the rows.
    let rows = uketsuke::store::dispatch::of_event(&app.db, event.id)
        .await
        .unwrap();
    let fy = FiscalYear::of(Utc::now());
    let requests = rows
        .iter()
        .filter(|r| FiscalYear::of(r.created_at) == fy)
        .count();
    let companies: std::collections::HashSet<_> = rows
        .iter()
        .filter_map(|r| r.corporate_number.clone())
        .collect();
    let held = rows
        .iter()
        .flat_map(|r| r.record.visits.iter())
        .filter(|v| v.state == VisitState::Held && v.plan.fiscal_year() == fy)
        .count();
    assert_eq!((requests, companies.len(), held), (2, 2, 1));
    let (status, report) = organizer
        .get(&format!("/admin/reports.csv?year={}", fy.year()))
        .await;
    assert_eq!(status, 200);
    let line = report
        .lines()
        .skip_while(|l| !l.contains("申込件数"))
        .nth(1)
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        line.starts_with(&format!("働き方改革,{requests},{},{held}", companies.len())),
        "{line}"
    );
    let (_, html) = organizer
        .get(&format!("/admin/reports?year={}", fy.year()))
        .await;
    assert!(html.contains("専門家派遣"), "{html}");

    // A request still waiting is withdrawn by its company (and then leaves the list); one
    // with an expert is not.
    let token_b = b["manage_token"].as_str().unwrap();
    let (status, gone) = app
        .api("DELETE", &format!("/registrations/{token_b}"), None, None)
        .await;
    assert_eq!(status, 200, "{gone}");
    assert_eq!(gone["status"], "withdrawn");
    let (status, kept) = app
        .api("DELETE", &format!("/registrations/{token_a}"), None, None)
        .await;
    assert_eq!(status, 409, "{kept}");
    assert_eq!(kept["code"], "dispatch_assigned");
    let (_, html) = organizer.get(&list).await;
    assert!(html.contains("株式会社みらい製作所") && !html.contains("株式会社テスト商事"));

    // Only its organizers act; a viewer reads, the door staff do not.
    let viewer = app.signed_in("DISP", UserRole::Viewer).await;
    assert_eq!(viewer.get(&page).await.0, 200);
    let (status, _, _) = viewer
        .post(&page, &format!("{page}/assign"), &[("expert", &expert_id)])
        .await;
    assert_eq!(status, 403);
    let door = app.signed_in("DISP", UserRole::CheckinStaff).await;
    assert_eq!(door.get(&page).await.0, 403);
}

/// "A new user, in the demo, requests an expert visit and sees it scheduled."
#[tokio::test]
async fn in_the_demo_a_new_company_requests_a_visit_and_sees_it_scheduled() {
    let (app, _) = TestApp::with_demo().await;
    let slug = "workstyle-expert-dispatch";
    let (status, page) = app.get_html(&format!("/events/{slug}"), None).await;
    assert_eq!(status, 200);
    assert!(page.contains("専門家の派遣を申し込む"), "{page}");

    let company = browser("ja");
    let register = format!("/events/{slug}/register");
    let (_, form) = get(&company, &app, &register).await;
    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(162_001),
        &[],
    );
    for (k, v) in [
        ("dispatch.theme", "working_hours".to_owned()),
        (
            "dispatch.issue",
            "残業が多く、36協定の見直しが必要。".to_owned(),
        ),
        ("dispatch.employees", "60".to_owned()),
        ("dispatch.date_1", day(15)),
        ("dispatch.mode", "online".to_owned()),
    ] {
        fields.push((k.to_owned(), v));
    }
    let (status, _, location) = post(&company, &app, &register, &fields).await;
    assert_eq!(status, 303);
    let manage = location.unwrap().split('?').next().unwrap().to_owned();
    let (_, page) = get(&company, &app, &manage).await;
    assert!(page.contains("まだ訪問日程は決まっていません"), "{page}");

    // The demo's organizer has an expert register and a request already scheduled.
    let organizer = app.signed_in("TMG", UserRole::Organizer).await;
    let (_, experts) = organizer.get("/admin/experts").await;
    assert!(experts.contains("社会保険労務士法人みらい"));
    let list = format!("/admin/events/{slug}/dispatch");
    let (_, html) = organizer.get(&list).await;
    assert!(html.contains("株式会社みどり工業") && html.contains("有限会社あおば商事"));
    let event = uketsuke::store::events::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap();
    let rows = uketsuke::store::dispatch::of_event(&app.db, event.id)
        .await
        .unwrap();
    assert_eq!(
        rows.iter()
            .find(|r| r.company.as_deref() == Some("株式会社みどり工業"))
            .unwrap()
            .record
            .visits
            .len(),
        1,
        "the demo's scheduled visit"
    );
    let id = rows
        .iter()
        .find(|r| r.corporate_number.as_deref() == Some(corporate_number(162_001).as_str()))
        .unwrap()
        .registration_id;
    let page = format!("{list}/{id}");
    let (_, html) = organizer.get(&page).await;
    // The expert whose fields include working hours is offered first.
    let start = html.find("★").expect("a matching expert");
    let value = html[..start].rfind("value=\"").unwrap() + "value=\"".len();
    let expert = html[value..value + html[value..].find('"').unwrap()].to_owned();
    let (status, _, _) = organizer
        .post(&page, &format!("{page}/assign"), &[("expert", &expert)])
        .await;
    assert_eq!(status, 303);
    let (status, _, _) = organizer
        .post(
            &page,
            &format!("{page}/schedule"),
            &[
                ("starts_at", &local(15, 10)),
                ("ends_at", &local(15, 11)),
                ("mode", "online"),
                ("place", "https://meet.example.jp/demo-dispatch"),
            ],
        )
        .await;
    assert_eq!(status, 303);

    let (_, page) = get(&company, &app, &manage).await;
    assert!(
        page.contains("専門家決定")
            && page.contains("社会保険労務士法人みらい")
            && page.contains("meet.example.jp&#x2f;demo-dispatch"),
        "{page}"
    );
}

/// Sets a date or time field the way a date picker does (typing into one depends on the
/// browser's locale).
async fn set_value(browser: &crate::chromium::Chromium, name: &str, value: &str) {
    browser
        .client
        .execute(
            "document.querySelector(\"[name='\" + arguments[0] + \"']\").value = arguments[1];",
            vec![json!(name), json!(value)],
        )
        .await
        .unwrap();
}

/// In a real browser, on the demo: a company fills the request form (the mistakes pointed
/// out on their fields), the organizer assigns an expert and schedules the visit, and the
/// company's page shows it. axe-core audits every page on the way.
#[tokio::test]
async fn in_a_browser_a_company_requests_a_visit_and_the_organizer_schedules_it() {
    use crate::chromium::{Audit, Chromium};
    let (app, _) = TestApp::with_demo().await;
    let organizer = app.staff("TMG", UserRole::Organizer).await;
    let Some(browser) = Chromium::start(&app.base_url, "ja").await else {
        return;
    };
    let mut audit = Audit::default();
    let slug = "workstyle-expert-dispatch";
    browser.goto(&format!("/events/{slug}")).await;
    audit.page(&browser, "dispatch programme (ja)").await;
    browser.follow("p.cta a.button").await;
    assert!(
        browser
            .path()
            .await
            .starts_with(&format!("/events/{slug}/register"))
    );
    audit.page(&browser, "dispatch request form (ja)").await;
    for (name, value) in [
        ("company.name", "株式会社ブラウザ工業"),
        ("company.name_kana", "ブラウザコウギョウ"),
        ("company.corporate_number", &corporate_number(163_001)),
        ("company.postal_code", "163-8001"),
        ("company.city", "新宿区"),
        ("company.street", "西新宿2-8-1"),
        ("contact.name", "佐藤 京子"),
        ("contact.kana", "サトウ キョウコ"),
        ("contact.email", "sato@browser-kogyo.example.jp"),
        ("contact.phone", "03-5321-1111"),
        ("dispatch.issue", "テレワークの規程を作りたい。"),
        ("dispatch.employees", "30"),
    ] {
        browser.fill(name, value).await;
    }
    browser.choose("company.prefecture", "東京都").await;
    browser.choose("company.industry", "manufacturing").await;
    browser.choose("company.employee_band", "21-50").await;
    browser.tick("company.tcci_member", "yes").await;
    browser.tick("dispatch.theme", "telework").await;
    browser.tick("consent", "yes").await;
    // No date and no way to meet: both are pointed out, the rest is kept.
    browser.follow("button.submit-main").await;
    assert!(!browser.text("[id='dispatch.mode-error']").await.is_empty());
    assert!(
        !browser
            .text("[id='dispatch.preferred_dates-error']")
            .await
            .is_empty()
    );
    assert_eq!(browser.value("dispatch.employees").await, "30");
    audit
        .page(&browser, "dispatch request form with errors (ja)")
        .await;
    set_value(&browser, "dispatch.date_1", &day(15)).await;
    browser.tick("dispatch.mode", "online").await;
    // The consent came back ticked, as given.
    let consent = browser
        .client
        .find(fantoccini::Locator::Css("input[name='consent']"))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    if consent.as_deref() != Some("true") {
        browser.tick("consent", "yes").await;
    }
    browser.follow("button.submit-main").await;
    let path = browser.path().await;
    assert!(path.ends_with("?done=registered"), "{path}");
    assert!(browser.body().await.contains("受付済み（専門家の調整中）"));
    audit.page(&browser, "dispatch request received (ja)").await;
    let manage = path.split('?').next().unwrap().to_owned();

    // The organizer assigns an expert and schedules the visit.
    browser.goto("/admin/login").await;
    browser.fill("email", &organizer).await;
    browser
        .fill("password", crate::helpers::STAFF_PASSWORD)
        .await;
    browser.follow("form button[type='submit']").await;
    browser
        .goto(&format!("/admin/events/{slug}/dispatch"))
        .await;
    audit.page(&browser, "dispatch requests (ja)").await;
    browser.follow_link("株式会社ブラウザ工業").await;
    audit.page(&browser, "dispatch request (ja)").await;
    let expert = browser
        .client
        .find(fantoccini::Locator::Css(
            "select[name='expert'] option:nth-child(2)",
        ))
        .await
        .unwrap()
        .attr("value")
        .await
        .unwrap()
        .unwrap();
    browser.choose("expert", &expert).await;
    browser.follow("form[action$='/assign'] button").await;
    set_value(&browser, "starts_at", &local(15, 10)).await;
    set_value(&browser, "ends_at", &local(15, 11)).await;
    browser.choose("mode", "online").await;
    browser
        .fill("place", "https://meet.example.jp/browser-dispatch")
        .await;
    browser.follow("form[action$='/schedule'] button").await;
    assert!(browser.body().await.contains("予定"));
    audit
        .page(&browser, "dispatch request with a visit (ja)")
        .await;
    browser.goto("/admin/experts").await;
    audit.page(&browser, "experts (ja)").await;

    // The company sees its visit.
    browser.goto(&manage).await;
    let body = browser.body().await;
    assert!(
        body.contains("専門家決定") && body.contains("10:00〜11:00 · オンライン · 参加用URL 予定"),
        "{body}"
    );
    audit.page(&browser, "dispatch manage page (ja)").await;
    browser.goto(&format!("{manage}?lang=ja-x-easy")).await;
    assert!(browser.body().await.contains("専門家が 決まりました"));
    audit
        .page(&browser, "dispatch manage page (ja-x-easy)")
        .await;
    browser.goto(&format!("{manage}?lang=en")).await;
    assert!(browser.body().await.contains("Expert assigned"));
    audit.page(&browser, "dispatch manage page (en)").await;
    browser.close().await;
    audit.assert_clean();
}

/// Two organizers scheduling the company's last allowed visit at the same moment: the
/// visits are counted under the programme's lock, so exactly one gets it.
#[tokio::test]
async fn two_visits_scheduled_at_once_never_exceed_the_limit() {
    use uketsuke::services::{accounts, dispatch};
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("RACE", UserRole::Organizer)
        .await;
    let slug = "dispatch-race";
    let (status, body) = app
        .api("POST", "/events", Some(&token), Some(programme(slug, 1)))
        .await;
    assert_eq!(status, 201, "{body}");
    app.api(
        "POST",
        &format!("/events/{slug}/publish"),
        Some(&token),
        None,
    )
    .await;
    let who = accounts::authenticate_token(&app.db, &token).await.unwrap();
    let now = Utc::now();
    let expert = dispatch::add_expert(
        &app.db,
        &who,
        uketsuke::domain::ExpertInput {
            name: Some("田中 一郎".into()),
            email: Some("tanaka@shindanshi.example.jp".into()),
            affiliation: None,
            fields: vec!["leave".into()],
            active: true,
        },
        now,
    )
    .await
    .unwrap();
    let at = |h: i64| Utc::now() + Duration::days(9) + Duration::hours(h);
    let visit = |h: i64| uketsuke::domain::VisitInput {
        starts_at: Some(at(h)),
        ends_at: Some(at(h + 1)),
        mode: Some("on_site".into()),
        place: Some("東京都港区芝公園1-1-1".into()),
    };
    // Two connections of their own, as two server instances would have.
    let one = sea_orm::Database::connect(&app.db_url).await.unwrap();
    let two = sea_orm::Database::connect(&app.db_url).await.unwrap();
    // Several companies, each with one visit left: a race lost once is caught.
    for n in 0..4 {
        let mut body = crate::helpers::company_registration(&corporate_number(164_001 + n), &[]);
        body.as_object_mut().unwrap().remove("attendees");
        body["dispatch"] = json!({
            "theme": "leave", "issue": "有給休暇の取得率を上げたい。", "employees": 12,
            "preferred_dates": [day(9)], "mode": "on_site"
        });
        let (status, registered) = app.register(slug, body).await;
        assert_eq!(status, 201, "{registered}");
        let id = registered["id"].as_i64().unwrap();
        dispatch::assign(&app.db, &who, slug, id, Some(expert.id), now)
            .await
            .unwrap();
        let (first, second) = tokio::join!(
            dispatch::schedule(&one, &who, slug, id, visit(0), now),
            dispatch::schedule(&two, &who, slug, id, visit(2), now),
        );
        let refused = [&first, &second]
            .iter()
            .filter(|r| {
                matches!(r, Err(uketsuke::error::AppError::Validation(e))
                    if e.fields()[0].code == "dispatch_visit_limit")
            })
            .count();
        assert_eq!(
            (first.is_ok() as u8 + second.is_ok() as u8, refused),
            (1, 1),
            "company {n}: {first:?} {second:?}"
        );
    }
    let event = uketsuke::store::events::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap();
    let rows = uketsuke::store::dispatch::of_event(&app.db, event.id)
        .await
        .unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.record.visits.len() == 1));
}
