//! Organizer tools fit every kind of event (issue 16): the back-office event form sets what the
//! API sets (a job fair made there has its exhibitor side), the roster exports carry what the
//! registration form asks, a partner request carries a note and both sides are emailed, the
//! publicity kit says what is true of the event, and `serve --bind` links to where it listens.
use crate::helpers::{
    Browser, TestApp, company_registration, corporate_number, decode_qr, jst_in_days,
};
use crate::smtp::SmtpReceiver;
use mail_parser::MessageParser;
use serde_json::{Value, json};
use uketsuke::domain::UserRole;

/// A date and time in Tokyo `days` from now, as the form's datetime-local fields take it.
fn local_in_days(days: i64, hour: u32) -> String {
    let day = (chrono::Utc::now() + chrono::Duration::days(days))
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%Y-%m-%d")
        .to_string();
    format!("{day}T{hour:02}:00")
}

/// Text as minijinja writes it into HTML, for finding what was typed in a page.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

async fn post(
    b: &Browser,
    page: &str,
    action: &str,
    fields: &[(&str, String)],
) -> (u16, String, Option<String>) {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    b.post(page, action, &pairs).await
}

/// The fields of a new job fair, as a browser sends the whole form.
fn job_fair_form(slug: &str) -> Vec<(&'static str, String)> {
    vec![
        ("event_form", "1".into()),
        ("slug", slug.into()),
        ("kind", "job_fair".into()),
        ("programme_area", "sme_talent".into()),
        ("format", "on_site".into()),
        ("title_ja", "留学生のための合同企業説明会".into()),
        ("title_en", "Job fair for international students".into()),
        ("description_ja", "都内の中小企業が出展します。".into()),
        ("description_en", "Tokyo SMEs exhibit.".into()),
        ("starts_at", local_in_days(30, 13)),
        ("ends_at", local_in_days(30, 17)),
        ("registration_opens_at", local_in_days(1, 9)),
        ("registration_closes_at", local_in_days(29, 17)),
        ("venue_name_ja", "新宿NSビル".into()),
        ("venue_address_ja", "東京都新宿区西新宿2-4-1".into()),
        ("venue_name_en", "Shinjuku NS Building".into()),
        (
            "venue_address_en",
            "2-4-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo".into(),
        ),
        ("capacity", "200".into()),
        ("reminder_days", "3,1".into()),
        ("languages", "ja".into()),
        ("languages", "en".into()),
        // Left to the kind: a job fair's visitors register as themselves.
        ("audience", String::new()),
        ("waitlist_enabled", "on".into()),
        ("attendee_copies", "on".into()),
    ]
}

#[tokio::test]
async fn the_event_form_sets_what_the_api_sets_and_a_job_fair_made_there_has_both_sides() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("FORMS", UserRole::Organizer)
        .await;
    let organizer = app.signed_in("FORMS", UserRole::Organizer).await;
    let new = "/admin/events/new";
    let (status, page) = organizer.get(new).await;
    assert_eq!(status, 200);
    for field in [
        r#"name="registration_opens_at""#,
        r#"name="registration_closes_at""#,
        r#"name="venue_name_en""#,
        r#"name="venue_address_en""#,
        r#"name="languages" value="en""#,
        r#"name="audience""#,
        r#"name="attendee_copies""#,
    ] {
        assert!(page.contains(field), "{field} on the new-event form");
    }

    // Bad input: each on its field, in the reader's language, with what was typed kept.
    let mut bad = job_fair_form("fair-made-here");
    bad.retain(|(k, _)| *k != "languages");
    for (k, v) in bad.iter_mut() {
        match *k {
            "venue_name_en" => *v = "Shinjuku\nNS Building".into(),
            "registration_closes_at" => *v = local_in_days(31, 9),
            "audience" => *v = "robots".into(),
            _ => {}
        }
    }
    let (status, body, _) = post(&organizer, new, new, &bad).await;
    assert_eq!(status, 422, "{body}");
    for (field, label) in [
        ("venue_name_en", "会場名（英語）"),
        ("registration_closes_at", "申込受付の締切（日本時間）"),
        ("languages", "開催言語"),
        ("audience", "申込者"),
    ] {
        assert!(
            body.contains(&format!(r##"<a href="#{field}">{label}: "##)),
            "{field} named by its label: {body}"
        );
    }
    assert!(
        body.contains(&escaped("東京都新宿区西新宿2-4-1")),
        "typed text kept"
    );
    assert!(body.contains(&escaped("Job fair for international students")));
    let (status, body, _) = post(
        &organizer,
        "/admin/events/new?lang=en",
        "/admin/events/new?lang=en",
        &bad,
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains(r##"<a href="#languages">Languages: "##),
        "English words in English: {body}"
    );

    // The whole form saves; the API reads back every field the form set.
    let (status, body, location) =
        post(&organizer, new, new, &job_fair_form("fair-made-here")).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/admin/events/fair-made-here?saved=1")),
        "{body}"
    );
    let (status, event) = app
        .api(
            "GET",
            "/organizer/events/fair-made-here",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(status, 200, "{event}");
    assert_eq!(
        event["audience"], "individuals",
        "a job fair's visitors by default"
    );
    assert_eq!(event["languages"], json!(["ja", "en"]));
    assert_eq!(event["venue"]["name_en"], "Shinjuku NS Building");
    assert_eq!(
        event["venue"]["address_en"],
        "2-4-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo"
    );
    assert_eq!(event["attendee_copies"], true);
    let tokyo = |v: &Value| {
        chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap())
            .unwrap()
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    assert_eq!(tokyo(&event["registration_opens_at"]), local_in_days(1, 9));
    assert_eq!(
        tokyo(&event["registration_closes_at"]),
        local_in_days(29, 17)
    );

    // Published, students register as themselves and companies apply for booths.
    let patch = json!({"registration_opens_at": jst_in_days(-1, 0)});
    assert_eq!(
        app.api("PATCH", "/events/fair-made-here", Some(&token), Some(patch))
            .await
            .0,
        200
    );
    app.api("POST", "/events/fair-made-here/publish", Some(&token), None)
        .await;
    let (status, students) = app.get_html("/events/fair-made-here/register", None).await;
    assert_eq!(status, 200);
    assert!(
        !students.contains(r#"name="company.tcci_member""#),
        "students are not asked for company data"
    );
    let (status, exhibitors) = app.get_html("/events/fair-made-here/exhibit", None).await;
    assert_eq!(status, 200);
    assert!(exhibitors.contains(r#"name="company.tcci_member""#));
    assert!(exhibitors.contains(r#"name="exhibitor.positions""#));

    // Editing shows what is stored, and changes it: English only, no copies, no English venue.
    let edit = "/admin/events/fair-made-here/edit";
    let (status, page) = organizer.get(edit).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"value="Shinjuku NS Building""#));
    assert!(page.contains(r#"name="languages" value="en" checked"#));
    assert!(page.contains(r#"<option value="individuals" selected>"#));
    let mut change: Vec<(&str, String)> = job_fair_form("fair-made-here")
        .into_iter()
        .filter(|(k, _)| {
            !matches!(
                *k,
                "slug" | "kind" | "languages" | "attendee_copies" | "registration_opens_at"
            )
        })
        .collect();
    change.push(("languages", "en".into()));
    change.push(("registration_opens_at", tokyo(&json!(jst_in_days(-1, 0)))));
    for (k, v) in change.iter_mut() {
        if matches!(*k, "venue_name_en" | "venue_address_en") {
            v.clear();
        }
    }
    let (status, body, _) = post(&organizer, edit, edit, &change).await;
    assert_eq!(status, 303, "{body}");
    let (_, event) = app
        .api(
            "GET",
            "/organizer/events/fair-made-here",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(event["languages"], json!(["en"]));
    assert_eq!(event["attendee_copies"], false);
    assert!(event["venue"].get("name_en").is_none(), "{event}");
}

#[tokio::test]
async fn exports_carry_membership_industry_address_answers_and_the_link_code_apart() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("EXPO", UserRole::Organizer)
        .await;
    app.published_event(&token, "export-all", Some(40), None, true)
        .await;
    let topic = json!({"kind": "text", "label_ja": "ご相談内容", "label_en": "Your topic"});
    let (status, qs) = app
        .api(
            "POST",
            "/events/export-all/questions",
            Some(&token),
            Some(topic),
        )
        .await;
    assert_eq!(status, 201, "{qs}");
    let text_q = qs[0]["id"].as_i64().unwrap();
    let choice = json!({"kind": "multiple_choice", "label_ja": "関心のある制度", "label_en": "Schemes of interest",
        "options": [{"value": "flex", "label_ja": "フレックス", "label_en": "Flextime"},
                    {"value": "remote", "label_ja": "テレワーク", "label_en": "Telework"}]});
    let (status, qs) = app
        .api(
            "POST",
            "/events/export-all/questions",
            Some(&token),
            Some(choice),
        )
        .await;
    assert_eq!(status, 201, "{qs}");
    let choice_q = qs[1]["id"].as_i64().unwrap();

    let mut member = company_registration(&corporate_number(16_001), &["member@kaisha.example.jp"]);
    member["company"]["street"] = json!("=cmd|' /C calc'!A0");
    member["answers"] = json!([
        {"question_id": text_q, "values": ["=HYPERLINK(\"http://evil.example\")"]},
        {"question_id": choice_q, "values": ["flex", "remote"]}
    ]);
    let (status, body) = app.register("export-all", member).await;
    assert_eq!(status, 201, "{body}");
    let mut other = company_registration(&corporate_number(16_002), &["other@kaisha.example.jp"]);
    other["company"]["tcci_member"] = json!(false);
    other["company"]["industry"] = json!("construction");
    other["heard_via"] = json!(null);
    other["via"] = json!(null);
    let (status, body) = app.register("export-all", other).await;
    assert_eq!(status, 201, "{body}");

    let organizer = app.signed_in("EXPO", UserRole::Organizer).await;
    let csv = organizer
        .client
        .get(app.url("/admin/events/export-all/roster.csv"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row_of = |email: &str| {
        rows.iter()
            .find(|r| r.iter().any(|c| c == email))
            .unwrap_or_else(|| panic!("{email}"))
            .clone()
    };
    let m = row_of("member@kaisha.example.jp");
    assert_eq!(&m[col("東商会員")], "はい");
    assert_eq!(&m[col("業種")], "製造業");
    assert_eq!(&m[col("郵便番号")], "100-0005");
    assert_eq!(&m[col("都道府県")], "東京都");
    assert_eq!(&m[col("区市町村")], "千代田区");
    assert_eq!(
        &m[col("町名・番地")],
        "'=cmd|' /C calc'!A0",
        "made text, never run"
    );
    assert_eq!(
        &m[col("認知経路")],
        "東京商工会議所のメールマガジン",
        "the answer, in words"
    );
    assert_eq!(
        &m[col("経路コード（?via=）")],
        "mm-2026-12",
        "the link's code, apart"
    );
    assert_eq!(
        &m[col("ご相談内容")],
        "'=HYPERLINK(\"http://evil.example\")",
        "a question's column, headed by its text, formula-safe"
    );
    assert_eq!(&m[col("関心のある制度")], "フレックス、テレワーク");
    let o = row_of("other@kaisha.example.jp");
    assert_eq!(&o[col("東商会員")], "いいえ");
    assert_eq!(&o[col("業種")], "建設業");
    assert_eq!(&o[col("認知経路")], "");
    assert_eq!(&o[col("経路コード（?via=）")], "");
    assert_eq!(&o[col("ご相談内容")], "", "no answer, an empty cell");

    // The workbook: English headers, the same cells, text never a formula.
    use calamine::{Data, Reader, Xlsx};
    let xlsx = organizer
        .client
        .get(app.url("/admin/events/export-all/roster.xlsx?lang=en"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let name = book.sheet_names()[0].clone();
    let sheet = book.worksheet_range(&name).unwrap();
    let mut sheet_rows = sheet.rows();
    let headers: Vec<String> = sheet_rows
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    let member = sheet_rows
        .find(|r| {
            r.iter()
                .any(|c| *c == Data::String("member@kaisha.example.jp".into()))
        })
        .unwrap();
    let text = |s: &str| Data::String(s.into());
    assert_eq!(member[col("TCCI member")], text("yes"));
    assert_eq!(member[col("Industry")], text("Manufacturing"));
    assert_eq!(member[col("Postal code")], text("100-0005"));
    assert_eq!(member[col("Street address")], text("=cmd|' /C calc'!A0"));
    assert_eq!(member[col("Link code (?via=)")], text("mm-2026-12"));
    assert_eq!(
        member[col("Schemes of interest")],
        text("Flextime, Telework")
    );
    assert_eq!(
        member[col("Your topic")],
        text("=HYPERLINK(\"http://evil.example\")")
    );
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell is a formula"
    );
}

/// The messages the receiver got, parsed: (to, subject, text).
fn read(raw: &[Vec<u8>]) -> Vec<(String, String, String)> {
    raw.iter()
        .map(|r| {
            let m = MessageParser::default().parse(r).unwrap();
            (
                m.to()
                    .unwrap()
                    .first()
                    .unwrap()
                    .address()
                    .unwrap()
                    .to_owned(),
                m.subject().unwrap_or_default().to_owned(),
                m.body_text(0).unwrap_or_default().replace("\r\n", "\n"),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_partner_request_carries_a_note_to_the_partners_admins_and_the_answer_to_who_asked() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("ASKER", UserRole::Organizer)
        .await;
    app.organization_with_user("KOUEN", UserRole::Viewer).await;
    let kouen_admin = app.staff("KOUEN", UserRole::Admin).await;
    let kouen_organizer = app.staff("KOUEN", UserRole::Organizer).await;
    app.published_event(&token, "asked-day", Some(30), None, true)
        .await;
    let asker = app.signed_in("ASKER", UserRole::Organizer).await;
    let page = "/admin/events/asked-day/partners";

    // A note that is not text is refused on its field, and what was typed stays.
    let long = "お願い".repeat(700);
    let (status, body, _) = asker
        .post(
            page,
            page,
            &[
                ("organization", "KOUEN"),
                ("role", "backing"),
                ("note", &long),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains(r##"<a href="#note">"##), "{body}");
    assert!(body.contains(&long), "the note typed is kept");
    let (status, body) = app
        .api(
            "POST",
            "/events/asked-day/partners",
            Some(&token),
            Some(json!({"organization": "KOUEN", "role": "backing", "note": "a\u{0}b"})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "note");

    let note = "後援名義の使用をお願いします。\n会報<b>での</b>告知もご検討ください 🙏";
    let (status, _, location) = asker
        .post(
            page,
            page,
            &[
                ("organization", "KOUEN"),
                ("role", "backing"),
                ("note", note),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location:?}");
    let (_, listed) = asker.get(page).await;
    assert!(
        listed.contains(&escaped("会報<b>での</b>告知")),
        "the note is shown, escaped"
    );

    // The partner's admins hear of it, with the note; its other staff do not.
    app.drain(&mailer).await;
    let mail = read(&smtp.messages());
    assert_eq!(mail.len(), 1, "{mail:?}");
    let (to, subject, text) = &mail[0];
    assert_eq!(to, &kouen_admin);
    assert!(
        subject.contains("後援") && subject.contains("テスト用セミナー"),
        "{subject}"
    );
    assert!(
        text.contains("後援名義の使用をお願いします。\n会報<b>での</b>告知もご検討ください 🙏"),
        "{text}"
    );
    assert!(text.contains("/admin/partners"), "{text}");
    assert!(
        text.contains("asks KOUEN Co., Ltd. to take the role"),
        "English below the Japanese: {text}"
    );
    assert!(!mail.iter().any(|(to, _, _)| to == &kouen_organizer));
    let html = MessageParser::default()
        .parse(&smtp.messages()[0])
        .unwrap()
        .body_html(0)
        .unwrap()
        .into_owned();
    assert!(
        html.contains("会報&lt;b&gt;での&lt;&#x2f;b&gt;告知")
            || html.contains("会報&lt;b&gt;での&lt;/b&gt;告知"),
        "{html}"
    );

    // The partner sees what waits for its answer, and answers in the back-office.
    let partner = app.signed_in("KOUEN", UserRole::Admin).await;
    let (_, home) = partner.get("/admin").await;
    assert!(home.contains("回答待ちの依頼が1件あります。"), "{home}");
    let (_, requests) = partner.get("/admin/partners").await;
    assert!(requests.contains("ASKER 株式会社") && requests.contains(&escaped("後援名義の使用")));
    let (status, _, _) = partner
        .post("/admin/partners", "/admin/partners/asked-day/approve", &[])
        .await;
    assert_eq!(status, 303);
    let (_, home) = partner.get("/admin").await;
    assert!(!home.contains("回答待ち"), "nothing waits any more");

    // Whoever asked hears the answer.
    app.drain(&mailer).await;
    let mail = read(&smtp.messages());
    assert_eq!(mail.len(), 2, "{mail:?}");
    let (to, subject, text) = &mail[1];
    assert!(to.starts_with("asker-"), "the requester: {to}");
    assert!(subject.contains("承認"), "{subject}");
    assert!(
        text.contains("KOUEN 株式会社") && text.contains("後援"),
        "{text}"
    );
}

/// The kit's text for one medium, as pasted.
fn kit_text(html: &str, via: &str) -> String {
    let start = html.find(&format!(r#"id="copy-{via}""#)).expect(via);
    let text = &html[html[start..].find('>').unwrap() + start + 1..];
    text[..text.find("</textarea>").unwrap()]
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[tokio::test]
async fn the_publicity_kit_says_what_is_true_of_each_kind() {
    let app = TestApp::spawn().await;
    let token = app.organization_with_user("KIT", UserRole::Organizer).await;
    let create = |body: Value| {
        let (app, token) = (&app, &token);
        async move {
            let slug = body["slug"].as_str().unwrap().to_owned();
            let (status, created) = app.api("POST", "/events", Some(token), Some(body)).await;
            assert_eq!(status, 201, "{created}");
            app.api(
                "POST",
                &format!("/events/{slug}/publish"),
                Some(token),
                None,
            )
            .await;
        }
    };
    create(crate::helpers::seminar("kit-seminar")).await;
    create(json!({
        "slug": "kit-campaign", "title_ja": "集中取組期間", "title_en": "Campaign",
        "description_ja": "一斉に取り組みます。", "description_en": "Together.",
        "programme_area": "smooth_biz", "kind": "campaign", "format": "online",
        "starts_at": jst_in_days(10, 0), "ends_at": jst_in_days(40, 0), "languages": ["ja"]
    }))
    .await;
    create(json!({
        "slug": "kit-rule", "title_ja": "実践企業宣言", "title_en": "Declaration",
        "description_ja": "宣言してください。", "description_en": "Declare.",
        "programme_area": "telework", "kind": "declaration", "format": "online",
        "starts_at": jst_in_days(1, 0), "ends_at": jst_in_days(120, 0), "languages": ["ja"]
    }))
    .await;
    create(json!({
        "slug": "kit-fair", "title_ja": "合同企業説明会", "title_en": "Job fair",
        "description_ja": "説明会", "description_en": "Fair",
        "programme_area": "sme_talent", "kind": "job_fair", "format": "on_site", "audience": "individuals",
        "venue_name_ja": "新宿NSビル", "venue_address_ja": "東京都新宿区西新宿2-4-1",
        "starts_at": jst_in_days(30, 0), "ends_at": jst_in_days(30, 5), "capacity": 200, "languages": ["ja", "en"]
    }))
    .await;
    let b = app.signed_in("KIT", UserRole::Organizer).await;
    let kit = |slug: &'static str, query: &'static str| {
        let b = &b;
        async move {
            let (status, html) = b
                .get(&format!("/admin/events/{slug}/publicity{query}"))
                .await;
            assert_eq!(status, 200, "{html}");
            kit_text(&html, "mailmag")
        }
    };

    // A seminar: seats by order of arrival, free.
    let text = kit("kit-seminar", "").await;
    assert!(
        text.contains("定員：40名（先着順）") && text.contains("参加費：無料"),
        "{text}"
    );
    assert!(text.contains("日時：") && text.contains("会場："), "{text}");
    assert!(text.contains("/events/kit-seminar?via=mailmag"), "{text}");

    // A campaign online: its days, no time, no place, no seats.
    let text = kit("kit-campaign", "").await;
    assert!(text.contains("期間："), "{text}");
    for absent in ["日時：", "00:00", "23:59", "会場：", "先着順", "定員"] {
        assert!(!text.contains(absent), "{absent} in {text}");
    }
    assert!(text.contains("参加費：無料"), "{text}");

    // A declaration: reviewed, not first come.
    let text = kit("kit-rule", "").await;
    assert!(
        text.contains("選考：宣言内容を確認のうえ") && !text.contains("先着順"),
        "{text}"
    );
    assert!(!text.contains("会場："), "{text}");

    // A job fair: companies are sent to the booth form and told booths are reviewed; students
    // to the visitor form, first come.
    let text = kit("kit-fair", "").await;
    assert!(
        text.contains("/events/kit-fair/exhibit?via=mailmag"),
        "{text}"
    );
    assert!(
        text.contains("選考：お申込み内容を審査のうえ") && !text.contains("先着順"),
        "{text}"
    );
    assert!(text.contains("出展"), "{text}");
    let text = kit("kit-fair", "?for=students").await;
    assert!(
        text.contains("/events/kit-fair?via=mailmag") && !text.contains("/exhibit"),
        "{text}"
    );
    assert!(
        text.contains("定員：200名（先着順）") && text.contains("学生"),
        "{text}"
    );

    // The company-facing flyer's QR code opens the booth form.
    let png = b
        .client
        .get(app.url("/admin/events/kit-fair/flyer-qr.png?for=exhibitors"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(decode_qr(&png).ends_with("/events/kit-fair/exhibit?via=flyer"));
    let (status, flyer) = b.get("/admin/events/kit-campaign/flyer").await;
    assert_eq!(status, 200);
    assert!(
        flyer.contains("期間") && !flyer.contains("先着順"),
        "{flyer}"
    );
}

/// Starts `serve --demo` with `bind` (and extra environment), waits for it to listen, reads
/// one demo event from the API and stops it; returns (printed lines, the event's `url`).
fn serve_and_read_url(bind: &str, env: &[(&str, &str)]) -> (String, String) {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = crate::cli::uketsuke(None);
    cmd.args(["serve", "--demo", "--bind", bind])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut printed = String::new();
    let mut port = None;
    for line in stdout.lines() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if let Some(rest) = line.strip_prefix("uketsuke is listening on http://") {
            let addr = rest.split_whitespace().next().unwrap();
            port = Some(addr.rsplit(':').next().unwrap().to_owned());
            break;
        }
    }
    let port = port.unwrap_or_else(|| panic!("no listening line in: {printed}"));
    let url = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let body: Value =
                reqwest::get(format!("http://127.0.0.1:{port}/api/v1/events/lwb-expo"))
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
            body["url"].as_str().unwrap_or_default().to_owned()
        })
    })
    .join()
    .unwrap();
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    (printed, url)
}

#[test]
fn serve_links_to_the_address_it_listens_on_unless_a_public_url_is_set() {
    let free_port = || {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    let port = free_port();
    let (printed, url) = serve_and_read_url(&format!("127.0.0.1:{port}"), &[]);
    let base = format!("http://127.0.0.1:{port}");
    assert_eq!(url, format!("{base}/events/lwb-expo"), "{printed}");
    assert!(printed.contains(&format!("{base}/admin")), "{printed}");

    // Every address: a browser opens it as localhost.
    let port = free_port();
    let (printed, url) = serve_and_read_url(&format!("0.0.0.0:{port}"), &[]);
    assert_eq!(
        url,
        format!("http://localhost:{port}/events/lwb-expo"),
        "{printed}"
    );

    // Set explicitly, the public address wins.
    let (printed, url) = serve_and_read_url(
        "127.0.0.1:0",
        &[(
            "UKETSUKE__SERVER__PUBLIC_URL",
            "https://uketsuke.example.jp",
        )],
    );
    assert_eq!(url, "https://uketsuke.example.jp/events/lwb-expo");
    assert!(
        printed.contains("https://uketsuke.example.jp/admin"),
        "{printed}"
    );
}

#[tokio::test]
async fn in_the_browser_an_organizer_makes_a_job_fair_fixing_what_the_form_points_out() {
    use crate::chromium::{Audit, Chromium};
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("BRFAIR", UserRole::Organizer)
        .await;
    let email = app.staff("BRFAIR", UserRole::Organizer).await;
    let Some(browser) = Chromium::start(&app.base_url, "ja").await else {
        return;
    };
    let mut audit = Audit::default();
    browser.goto("/admin/login").await;
    browser.fill("email", &email).await;
    browser
        .fill("password", crate::helpers::STAFF_PASSWORD)
        .await;
    browser.follow("form button[type='submit']").await;
    browser.follow("a[href='/admin/events/new']").await;
    audit.page(&browser, "new event (ja)").await;

    browser.fill("slug", "browser-fair").await;
    browser.choose("kind", "job_fair").await;
    browser.choose("programme_area", "sme_talent").await;
    browser.choose("format", "on_site").await;
    for (name, value) in [
        ("title_ja", "ブラウザで作った合同企業説明会"),
        ("title_en", "Job fair made in the browser"),
        ("description_ja", "都内の中小企業が出展します。"),
        ("description_en", "Tokyo SMEs exhibit."),
        ("venue_name_ja", "新宿NSビル"),
        ("venue_address_ja", "東京都新宿区西新宿2-4-1"),
        ("venue_name_en", "Shinjuku NS Building"),
        ("capacity", "120"),
    ] {
        browser.fill(name, value).await;
    }
    // A datetime-local field's segments follow the browser's locale: set the values directly.
    let times = json!([
        ["starts_at", local_in_days(30, 13)],
        ["ends_at", local_in_days(30, 17)],
        ["registration_closes_at", local_in_days(29, 12)]
    ]);
    browser
        .client
        .execute(
            "for (const [id, v] of arguments[0]) document.getElementById(id).value = v;",
            vec![times],
        )
        .await
        .unwrap();
    // Both languages are ticked for a new event; untick them both.
    browser.click("input[name='languages'][value='ja']").await;
    browser.click("input[name='languages'][value='en']").await;
    browser.follow("form.form button[type='submit']").await;
    let body = browser.body().await;
    assert!(
        body.contains("開催言語: "),
        "the list above the form names the field: {body}"
    );
    assert_eq!(
        browser.value("venue_name_en").await,
        "Shinjuku NS Building",
        "what was typed stays"
    );
    audit.page(&browser, "new event with an error (ja)").await;

    browser.tick("languages", "ja").await;
    browser.tick("languages", "en").await;
    browser.follow("form.form button[type='submit']").await;
    assert_eq!(browser.path().await, "/admin/events/browser-fair?saved=1");
    let (_, event) = app
        .api("GET", "/organizer/events/browser-fair", Some(&token), None)
        .await;
    assert_eq!(event["audience"], "individuals", "{event}");
    assert_eq!(event["languages"], json!(["ja", "en"]));
    assert_eq!(event["venue"]["name_en"], "Shinjuku NS Building");

    browser
        .goto("/admin/events/browser-fair/edit?lang=en")
        .await;
    audit.page(&browser, "edit event (en)").await;
    browser.close().await;
    audit.assert_clean();
}

/// The id of the event's first question.
async fn first_question(app: &TestApp, slug: &str) -> i64 {
    let (_, qs) = app
        .api("GET", &format!("/events/{slug}/questions"), None, None)
        .await;
    qs[0]["id"].as_i64().unwrap()
}

/// A CSV download read back: (headers, rows).
async fn csv_of(b: &Browser, app: &TestApp, path: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let resp = b.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(resp.status(), 200, "{path}");
    let bytes = resp.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

#[tokio::test]
async fn booth_and_campaign_exports_carry_who_registered_too() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("SHAPES", UserRole::Organizer)
        .await;
    for body in [
        json!({
            "slug": "shape-campaign", "title_ja": "集中取組期間", "title_en": "Campaign",
            "description_ja": "一斉に取り組みます。", "description_en": "Together.",
            "programme_area": "smooth_biz", "kind": "campaign", "format": "online",
            "starts_at": jst_in_days(-1, 0), "ends_at": jst_in_days(40, 0),
            "registration_opens_at": jst_in_days(-2, 0), "languages": ["ja", "en"]
        }),
        json!({
            "slug": "shape-fair", "title_ja": "合同企業説明会", "title_en": "Job fair",
            "description_ja": "説明会", "description_en": "Fair",
            "programme_area": "sme_talent", "kind": "job_fair", "format": "on_site", "audience": "individuals",
            "venue_name_ja": "新宿NSビル", "venue_address_ja": "東京都新宿区西新宿2-4-1",
            "starts_at": jst_in_days(30, 0), "ends_at": jst_in_days(30, 5), "capacity": 50, "languages": ["ja", "en"]
        }),
    ] {
        let slug = body["slug"].as_str().unwrap().to_owned();
        let (status, created) = app.api("POST", "/events", Some(&token), Some(body)).await;
        assert_eq!(status, 201, "{created}");
        let question =
            json!({"kind": "text", "label_ja": "担当部署", "label_en": "Department in charge"});
        let (status, _) = app
            .api(
                "POST",
                &format!("/events/{slug}/questions"),
                Some(&token),
                Some(question.clone()),
            )
            .await;
        assert_eq!(status, 201);
        app.api(
            "POST",
            &format!("/events/{slug}/publish"),
            Some(&token),
            None,
        )
        .await;
    }
    let mut entry = company_registration(&corporate_number(17_001), &[]);
    entry.as_object_mut().unwrap().remove("attendees");
    entry["campaign"] = json!({"actions": ["telework"], "employees": 30, "listed": false});
    entry["answers"] = json!([{"question_id": first_question(&app, "shape-campaign").await, "values": ["@総務部"]}]);
    let (status, body) = app.register("shape-campaign", entry).await;
    assert_eq!(status, 201, "{body}");
    let mut booth = company_registration(&corporate_number(17_002), &[]);
    booth.as_object_mut().unwrap().remove("attendees");
    booth["exhibitor"] =
        json!({"staff_count": 2, "languages": ["ja"], "positions": "営業", "visa_support": true});
    booth["company"]["tcci_member"] = json!(false);
    let (status, body) = app.register("shape-fair", booth).await;
    assert_eq!(status, 201, "{body}");

    let organizer = app.signed_in("SHAPES", UserRole::Organizer).await;
    let (headers, rows) = csv_of(
        &organizer,
        &app,
        "/admin/events/shape-campaign/campaign.csv",
    )
    .await;
    assert_eq!(rows.len(), 1);
    let cell = |name: &str| {
        let i = headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {headers:?}"));
        rows[0][i].clone()
    };
    assert_eq!(cell("申込担当者"), "山田 花子");
    assert_eq!(cell("東商会員"), "はい");
    assert_eq!(cell("郵便番号"), "100-0005");
    assert_eq!(cell("町名・番地"), "丸の内3-2-2");
    assert_eq!(cell("認知経路"), "東京商工会議所のメールマガジン");
    assert_eq!(cell("経路コード（?via=）"), "mm-2026-12");
    assert_eq!(cell("担当部署"), "'@総務部", "formula-safe");
    assert_eq!(
        headers.iter().filter(|h| *h == "業種").count(),
        1,
        "industry once: {headers:?}"
    );

    let (headers, rows) = csv_of(
        &organizer,
        &app,
        "/admin/events/shape-fair/exhibitors.csv?lang=en",
    )
    .await;
    assert_eq!(rows.len(), 1);
    let cell = |name: &str| {
        let i = headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {headers:?}"));
        rows[0][i].clone()
    };
    assert_eq!(cell("TCCI member"), "no");
    assert_eq!(cell("Industry"), "Manufacturing");
    assert!(
        !headers.iter().any(|h| h == "Department in charge"),
        "a job fair's questions are its visitors': {headers:?}"
    );
    assert_eq!(cell("Link code (?via=)"), "mm-2026-12");
    assert_eq!(cell("Contact phone"), "03-1234-5678");
}

#[tokio::test]
async fn the_event_form_sets_a_dispatch_programmes_visits_per_company() {
    let (app, tokens) = TestApp::with_demo().await;
    let organizer = app.signed_in("TMG", UserRole::Organizer).await;
    let edit = "/admin/events/workstyle-expert-dispatch/edit";
    let (status, page) = organizer.get(edit).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(r#"name="visits_per_company" type="text" value="3""#),
        "the stored number is shown"
    );
    // Out of range: refused on its field, what was typed kept, nothing stored.
    let (status, page, _) = post(
        &organizer,
        edit,
        edit,
        &[("visits_per_company", "99".into())],
    )
    .await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains(r#"value="99""#), "kept");
    assert_eq!(visits(&app, &tokens.tmg).await, json!(3));
    let (status, body, _) = post(
        &organizer,
        edit,
        edit,
        &[("visits_per_company", "2".into())],
    )
    .await;
    assert_eq!(status, 303, "{body}");
    assert_eq!(visits(&app, &tokens.tmg).await, json!(2));
}

/// A dispatch programme's visits per company, as the API gives them.
async fn visits(app: &TestApp, token: &str) -> Value {
    let (_, event) = app
        .api(
            "GET",
            "/organizer/events/workstyle-expert-dispatch",
            Some(token),
            None,
        )
        .await;
    event["visits_per_company"].clone()
}
