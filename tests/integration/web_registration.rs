//! The registration form and the manage page, as a browser without JavaScript uses them:
//! cookies kept, redirects seen, HTML read back.
use crate::helpers::{TestApp, corporate_number, hidden};
use reqwest::redirect::Policy;

/// A browser: keeps cookies, does not follow redirects (so tests see them).
pub(crate) fn browser(lang: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("accept-language", lang.parse().unwrap());
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

pub(crate) fn company_form(
    csrf: &str,
    form_token: &str,
    cn: &str,
    attendees: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = [
        ("csrf_token", csrf),
        ("form_token", form_token),
        ("company.name", "株式会社みらい製作所"),
        ("company.name_kana", "ミライセイサクショ"),
        ("company.corporate_number", cn),
        ("company.postal_code", "１６３－８００１"),
        ("company.prefecture", "東京都"),
        ("company.city", "新宿区"),
        ("company.street", "西新宿2-8-1"),
        ("company.industry", "manufacturing"),
        ("company.employee_band", "51-100"),
        ("company.tcci_member", "no"),
        ("contact.name", "佐藤 京子"),
        ("contact.kana", "さとう きょうこ"),
        ("contact.email", "sato@mirai.example.jp"),
        ("contact.phone", "03-5321-1111"),
        ("consent", "yes"),
        ("heard_via", "tosho_shimbun"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (i, (name, email)) in attendees.iter().enumerate() {
        f.push((format!("attendees.{i}.name"), name.to_string()));
        f.push((format!("attendees.{i}.kana"), "サンカシャ".into()));
        f.push((format!("attendees.{i}.email"), email.to_string()));
    }
    f
}

pub(crate) async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let resp = client.get(app.url(path)).send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

pub(crate) async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(String, String)],
) -> (u16, String, Option<String>) {
    let resp = client.post(app.url(path)).form(form).send().await.unwrap();
    let location = resp
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    (resp.status().as_u16(), resp.text().await.unwrap(), location)
}

#[tokio::test]
async fn a_company_registers_two_attendees_cancels_one_and_a_waiting_company_moves_up() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "web-seminar", Some(2), Some(2), true)
        .await;
    let hanako = browser("ja");

    let (status, form) = get(&hanako, &app, "/events/web-seminar/register?via=tcci-mm").await;
    assert_eq!(status, 200);
    assert!(form.contains("参加申込") && form.contains(r#"lang="ja""#));
    let (csrf, token) = (hidden(&form, "csrf_token"), hidden(&form, "form_token"));
    assert_eq!(hidden(&form, "via"), "tcci-mm");
    let mut fields = company_form(
        &csrf,
        &token,
        &corporate_number(70),
        &[
            ("田中 一郎", "tanaka@mirai.example.jp"),
            ("鈴木 二郎", "suzuki@mirai.example.jp"),
        ],
    );
    fields.push(("via".into(), "tcci-mm".into()));
    let (status, _, location) = post(&hanako, &app, "/events/web-seminar/register", &fields).await;
    assert_eq!(status, 303);
    let manage = location.unwrap();
    assert!(
        manage.starts_with("/r/") && manage.ends_with("?done=registered"),
        "{manage}"
    );

    // Pressing the button twice registers once.
    let (status, _, again) = post(&hanako, &app, "/events/web-seminar/register", &fields).await;
    assert_eq!((status, again.as_deref()), (303, Some(manage.as_str())));

    let (status, page) = get(&hanako, &app, &manage).await;
    assert_eq!(status, 200);
    assert!(page.contains("お申し込みを受け付けました。"));
    assert!(page.contains("参加が確定しています。"));
    assert!(page.contains("確認のメールをお送りします"));
    assert!(page.contains("田中 一郎") && page.contains("鈴木 二郎"));

    // A second company, in English, waits.
    let john = browser("en");
    let (_, form) = get(&john, &app, "/events/web-seminar/register").await;
    let fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(71),
        &[("John Smith", "john@acme.example.com")],
    );
    let (status, _, location) = post(&john, &app, "/events/web-seminar/register", &fields).await;
    assert_eq!(status, 303);
    let john_manage = location.unwrap();
    let (_, page) = get(&john, &app, &john_manage).await;
    assert!(
        page.contains("You are number 1 on the waiting list"),
        "{page}"
    );

    // Hanako cancels one attendee: John's company gets the seat.
    let (_, page) = get(&hanako, &app, &manage).await;
    let base = manage.split('?').next().unwrap();
    let suzuki_id = page
        .split("/attendees/")
        .nth(2)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let csrf = hidden(&page, "csrf_token");
    // The button asks first: nothing is cancelled until the question is answered.
    let (status, question, _) = post(
        &hanako,
        &app,
        &format!("{base}/attendees/{suzuki_id}/cancel"),
        &[("csrf_token".into(), csrf.clone())],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        question.contains("鈴木 二郎 さんの参加をキャンセルしますか。"),
        "{question}"
    );
    assert!(question.contains(r#"name="confirm" value="yes""#));
    assert_eq!(app.seats_taken("web-seminar").await, 2);
    let (status, _) = get(
        &hanako,
        &app,
        &format!("{base}/attendees/{suzuki_id}/cancel"),
    )
    .await;
    assert_eq!(status, 200, "the question is a page of its own too");
    let (status, _, location) = post(
        &hanako,
        &app,
        &format!("{base}/attendees/{suzuki_id}/cancel"),
        &[
            ("csrf_token".into(), csrf),
            ("confirm".into(), "yes".into()),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (
            303,
            Some(format!("{base}?done=attendee_cancelled").as_str())
        )
    );
    let (_, page) = get(&hanako, &app, &format!("{base}?done=attendee_cancelled")).await;
    assert!(page.contains("参加者のキャンセルを受け付けました。"));
    let (_, page) = get(&john, &app, &john_manage).await;
    assert!(
        page.contains("Confirmed") && !page.contains("waiting list"),
        "promoted: {page}"
    );
    assert_eq!(app.seats_taken("web-seminar").await, 2);

    // Cancelling everything needs the confirmation box.
    let (_, page) = get(&hanako, &app, base).await;
    let csrf = hidden(&page, "csrf_token");
    let (status, body, _) = post(
        &hanako,
        &app,
        &format!("{base}/cancel"),
        &[("csrf_token".into(), csrf.clone())],
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("確認のチェックを入れてください"));
    let (status, _, _) = post(
        &hanako,
        &app,
        &format!("{base}/cancel"),
        &[
            ("csrf_token".into(), csrf),
            ("confirm".into(), "yes".into()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, page) = get(&hanako, &app, base).await;
    assert!(page.contains("このお申し込みはキャンセル済みです。"));
}

#[tokio::test]
async fn form_errors_stand_next_to_their_fields_keep_what_was_typed_in_both_languages() {
    let (app, _) = TestApp::with_demo().await;
    for (lang, corporate_msg, required_msg) in [
        ("ja", "チェックデジット", "入力してください。"),
        ("en", "check digit", "This field is required."),
    ] {
        let client = browser(lang);
        let (_, form) = get(&client, &app, "/events/lwb-expo/register").await;
        let mut fields = company_form(
            &hidden(&form, "csrf_token"),
            &hidden(&form, "form_token"),
            "1234567890123",
            &[("山本 三郎", "not-an-email")],
        );
        fields.retain(|(k, _)| k != "company.city" && k != "consent");
        let (status, page, _) = post(&client, &app, "/events/lwb-expo/register", &fields).await;
        assert_eq!(status, 422, "{lang}");
        assert!(page.contains(&format!(r#"<html lang="{lang}">"#)));
        assert!(page.contains(r#"class="error-summary""#));
        for field in [
            "company.corporate_number",
            "company.city",
            "attendees.0.email",
            "consent",
        ] {
            assert!(
                page.contains(&format!(r#"id="{field}-error""#)),
                "{lang}: no error next to {field}"
            );
        }
        assert!(
            page.contains(corporate_msg) && page.contains(required_msg),
            "{lang}"
        );
        // What was typed is still there.
        assert!(page.contains(r#"value="株式会社みらい製作所""#));
        assert!(page.contains(r#"value="not-an-email""#));
        assert!(page.contains(r#"<option value="manufacturing" selected>"#));
        assert!(page.contains(r#"value="no" checked"#));
    }
    assert_eq!(app.seats_taken("lwb-expo").await, 0, "nothing stored");
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_and_keeps_the_input() {
    let (app, _) = TestApp::with_demo().await;
    let client = browser("ja");
    let (_, form) = get(&client, &app, "/events/lwb-expo/register").await;
    let mut fields = company_form(
        "forged",
        &hidden(&form, "form_token"),
        &corporate_number(80),
        &[("高橋 四郎", "takahashi@x.example.jp")],
    );
    let (status, page, _) = post(&client, &app, "/events/lwb-expo/register", &fields).await;
    assert_eq!(status, 403);
    assert!(page.contains("フォームの有効期限が切れた"));
    assert!(page.contains(r#"value="高橋 四郎""#), "input kept");
    // From another site entirely (no cookie), the real token does not help either.
    fields[0].1 = hidden(&form, "csrf_token");
    let stranger = browser("ja");
    let (status, _, _) = post(&stranger, &app, "/events/lwb-expo/register", &fields).await;
    assert_eq!(status, 403);
    assert_eq!(app.seats_taken("lwb-expo").await, 0);
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413_on_the_form_and_the_api() {
    let (app, _) = TestApp::with_demo().await;
    let big = "あ".repeat(200_000);
    let client = browser("en");
    let resp = client
        .post(app.url("/events/lwb-expo/register"))
        .form(&[("company.name", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 413);
    assert!(resp.text().await.unwrap().contains("too large"));
    let resp = app
        .client
        .post(app.url("/api/v1/events/lwb-expo/registrations"))
        .header("content-type", "application/json")
        .body(format!(
            r#"{{"contact":{{"name":"{big}"}},"consent":true}}"#
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 413);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["code"], "payload_too_large");
}

#[tokio::test]
async fn a_full_or_closed_event_says_so_on_the_form_and_keeps_the_input() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "tiny", Some(1), Some(1), false)
        .await;
    let first = browser("ja");
    let (_, form) = get(&first, &app, "/events/tiny/register").await;
    let fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(85),
        &[("一番 乗り", "first@x.example.jp")],
    );
    let (status, _, _) = post(&first, &app, "/events/tiny/register", &fields).await;
    assert_eq!(status, 303);

    let second = browser("en");
    let (_, form) = get(&second, &app, "/events/tiny/register").await;
    let fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(86),
        &[("Late Comer", "late@x.example.jp")],
    );
    let (status, page, _) = post(&second, &app, "/events/tiny/register", &fields).await;
    assert_eq!(status, 409);
    assert!(page.contains("This event is full."));
    assert!(page.contains(r#"value="Late Comer""#), "input kept");

    // Registration closes: the form says so instead of showing fields.
    let opened = (chrono::Utc::now() - chrono::Duration::days(2)).to_rfc3339();
    let closed = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
    app.api(
        "PATCH",
        "/events/lwb-expo",
        Some(&tokens.tmg),
        Some(
            serde_json::json!({"registration_opens_at": opened, "registration_closes_at": closed}),
        ),
    )
    .await;
    let (status, page) = get(&second, &app, "/events/lwb-expo/register").await;
    assert_eq!(status, 200);
    assert!(page.contains("Registration has closed.") && !page.contains(r#"name="company.name""#));
    let (status, page, _) = post(&second, &app, "/events/lwb-expo/register", &fields).await;
    assert_eq!(status, 410);
    assert!(page.contains("Registration has closed."));
}

#[tokio::test]
async fn a_rejected_answers_post_leaves_the_attendee_form_as_the_registration_stands() {
    let (app, tokens) = TestApp::with_demo().await;
    let question = serde_json::json!({"kind": "text", "label_ja": "ご質問", "label_en": "Your question", "required": true});
    app.api(
        "POST",
        "/events/lwb-expo/questions",
        Some(&tokens.tmg),
        Some(question),
    )
    .await;
    let client = browser("ja");
    let (_, form) = get(&client, &app, "/events/lwb-expo/register").await;
    let qid = form
        .split("name=\"answers.")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(87),
        &[("伊藤 五郎", "ito@x.example.jp")],
    );
    fields.push((format!("answers.{qid}"), "駐車場はありますか".into()));
    let (status, _, location) = post(&client, &app, "/events/lwb-expo/register", &fields).await;
    assert_eq!(status, 303);
    let base = location.unwrap().split('?').next().unwrap().to_owned();
    let (_, page) = get(&client, &app, &base).await;
    let csrf = hidden(&page, "csrf_token");
    // Clearing the required answer is refused …
    let (status, page, _) = post(
        &client,
        &app,
        &format!("{base}/answers"),
        &[
            ("csrf_token".into(), csrf),
            (format!("answers.{qid}"), "".into()),
        ],
    )
    .await;
    assert_eq!(status, 422);
    // … and the attendee form still shows the attendee with its id, so saving it changes nothing.
    assert!(page.contains(r#"value="伊藤 五郎""#) && page.contains(r#"name="attendees.0.id""#));
}

/// The contact person need not type themselves again, and attendee blocks come one at a time,
/// all without JavaScript: "add another attendee" sends the form back as typed with one more
/// block; "I will attend myself" makes attendee 1 the contact person.
#[tokio::test]
async fn the_contact_attends_by_one_tick_and_blocks_are_added_on_demand() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "tick-seminar", Some(10), Some(3), true)
        .await;
    let kyoko = browser("ja");
    let (_, form) = get(&kyoko, &app, "/events/tick-seminar/register").await;
    assert!(form.contains(r#"name="attendees.0.name""#));
    assert!(
        !form.contains(r#"name="attendees.1.name""#),
        "one block to start with"
    );
    assert!(form.contains(r#"name="self_attends""#) && form.contains(r#"name="add_attendee""#));

    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(72),
        &[],
    );
    fields.push(("self_attends".into(), "on".into()));
    let mut adding = fields.clone();
    adding.push(("add_attendee".into(), "yes".into()));
    let (status, page, _) = post(&kyoko, &app, "/events/tick-seminar/register", &adding).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(r#"name="attendees.1.name""#) && !page.contains(r#"name="attendees.2.name""#)
    );
    assert!(
        page.contains(r#"value="株式会社みらい製作所""#),
        "what was typed is kept"
    );
    assert!(
        !page.contains("error-summary"),
        "adding a block is not a failed submission"
    );
    assert_eq!(app.seats_taken("tick-seminar").await, 0);

    fields.extend([
        ("attendees.1.name".into(), "田中 一郎".into()),
        ("attendees.1.kana".into(), "タナカ イチロウ".into()),
        ("attendees.1.email".into(), "tanaka@mirai.example.jp".into()),
    ]);
    let (status, _, location) = post(&kyoko, &app, "/events/tick-seminar/register", &fields).await;
    assert_eq!(status, 303);
    let (_, manage) = get(&kyoko, &app, &location.unwrap()).await;
    assert!(
        manage.contains("佐藤 京子（サトウ キョウコ） — sato@mirai.example.jp")
            && manage.contains("田中 一郎"),
        "{manage}"
    );
    assert_eq!(app.seats_taken("tick-seminar").await, 2);
}
