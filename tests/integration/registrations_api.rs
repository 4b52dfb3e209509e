use crate::helpers::{TestApp, company_registration, corporate_number};
use serde_json::json;
use uketsuke::store;

#[tokio::test]
async fn a_company_registers_two_attendees_and_manages_the_registration() {
    let (app, tokens) = TestApp::with_demo().await;
    let cn = corporate_number(1);
    let (status, reg) = app
        .register(
            "lwb-expo",
            company_registration(&cn, &["a@example.co.jp", "b@example.co.jp"]),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    assert_eq!(
        (reg["status"].as_str(), reg["seats"].as_u64()),
        (Some("confirmed"), Some(2))
    );
    assert_eq!(
        reg["company"]["name_kana"], "カブシキガイシャテストショウジ",
        "kana normalised"
    );
    assert_eq!(reg["contact"]["phone"], "0312345678", "phone normalised");
    assert_eq!(reg["company"]["sme"], true);
    assert_eq!(reg["via"], "mm-2026-12");
    let token = reg["manage_token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 32);
    assert!(
        reg["manage_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/r/{token}"))
    );
    assert_eq!(app.seats_taken("lwb-expo").await, 2);

    // The confirmation waits in the outbox, written with the registration.
    let id = reg["id"].as_i64().unwrap();
    let queued = store::outbox::for_registration(&app.db, id).await.unwrap();
    // One to the contact, and a copy to each attendee.
    assert_eq!(
        queued,
        [
            (
                "confirmed".to_owned(),
                format!("contact-{cn}@example.co.jp")
            ),
            ("confirmed".to_owned(), "a@example.co.jp".to_owned()),
            ("confirmed".to_owned(), "b@example.co.jp".to_owned()),
        ]
    );

    let (status, same) = app
        .api("GET", &format!("/registrations/{token}"), None, None)
        .await;
    assert_eq!((status, same["id"].as_i64()), (200, Some(id)));
    let (status, _) = app
        .api(
            "GET",
            "/registrations/0123456789abcdef0123456789abcdef",
            None,
            None,
        )
        .await;
    assert_eq!(status, 404);

    // The organizer sees it; another organization does not.
    let (status, list) = app
        .api(
            "GET",
            "/events/lwb-expo/registrations",
            Some(&tokens.tmg),
            None,
        )
        .await;
    assert_eq!((status, list["total"].as_u64()), (200, Some(1)));
    assert!(
        list["registrations"][0]
            .get("manage_token")
            .is_none_or(|t| t.is_null())
    );
    let (status, _) = app
        .api(
            "GET",
            "/events/lwb-expo/registrations",
            Some(&tokens.tcci),
            None,
        )
        .await;
    assert_eq!(status, 403);

    // Cancel one attendee, then everything.
    let b = reg["attendees"][1]["id"].as_i64().unwrap();
    let (status, after) = app
        .api(
            "DELETE",
            &format!("/registrations/{token}/attendees/{b}"),
            None,
            None,
        )
        .await;
    assert_eq!(
        (status, after["seats"].as_u64(), after["status"].as_str()),
        (200, Some(1), Some("confirmed"))
    );
    assert_eq!(app.seats_taken("lwb-expo").await, 1);
    let (status, after) = app
        .api("DELETE", &format!("/registrations/{token}"), None, None)
        .await;
    assert_eq!((status, after["status"].as_str()), (200, Some("cancelled")));
    assert_eq!(app.seats_taken("lwb-expo").await, 0);
    // The contact hears of each step; each attendee of their own confirmation and cancellation.
    let contact = format!("contact-{cn}@example.co.jp");
    let sent: Vec<(String, String)> = store::outbox::for_registration(&app.db, id).await.unwrap();
    let expected = [
        ("confirmed", contact.as_str()),
        ("confirmed", "a@example.co.jp"),
        ("confirmed", "b@example.co.jp"),
        ("cancelled", contact.as_str()),
        ("cancelled", "b@example.co.jp"),
        ("cancelled", contact.as_str()),
        ("cancelled", "a@example.co.jp"),
    ];
    assert_eq!(sent, expected.map(|(k, to)| (k.to_owned(), to.to_owned())));
}

#[tokio::test]
async fn bad_input_names_each_field_in_the_callers_language_and_stores_nothing() {
    let (app, _) = TestApp::with_demo().await;
    let mut body = company_registration("1234567890123", &["a@example.co.jp", "a@example.co.jp"]);
    body["company"]["postal_code"] = json!("12-34");
    body["company"]["name_kana"] = json!("山田商事");
    body["contact"]["email"] = json!("not-an-email");
    body["consent"] = json!(false);
    let (status, err) = app
        .api_lang(
            "POST",
            "/events/lwb-expo/registrations",
            None,
            Some(body.clone()),
            Some("en"),
        )
        .await;
    assert_eq!(status, 422, "{err}");
    let fields: Vec<&str> = err["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    for f in [
        "company.corporate_number",
        "company.postal_code",
        "company.name_kana",
        "contact.email",
        "attendees.1.email",
        "consent",
    ] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    let cn_msg = err["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "company.corporate_number")
        .unwrap();
    assert!(
        cn_msg["message"].as_str().unwrap().contains("check digit"),
        "{cn_msg}"
    );
    let (_, err_ja) = app.register("lwb-expo", body).await;
    assert!(
        err_ja["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("チェックデジット"))
    );
    assert_eq!(app.seats_taken("lwb-expo").await, 0);

    // A company without any fields at all: every required field is named.
    let (status, err) = app
        .register(
            "lwb-expo",
            json!({"contact": {}, "company": {}, "consent": true}),
        )
        .await;
    assert_eq!(status, 422);
    for f in [
        "company.name",
        "company.prefecture",
        "company.tcci_member",
        "contact.name",
        "contact.phone",
        "attendees",
    ] {
        assert!(
            err["fields"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["field"] == f),
            "{f}"
        );
    }
    let (status, _) = app
        .register(
            "no-such-event",
            company_registration(&corporate_number(2), &["x@example.jp"]),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .register(
            "telework-rule-briefing-draft",
            company_registration(&corporate_number(2), &["x@example.jp"]),
        )
        .await;
    assert_eq!(status, 404, "drafts take no registrations");
}

#[tokio::test]
async fn a_full_event_waitlists_in_order_and_promotes_whoever_fits() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "small-seminar", Some(3), Some(3), true)
        .await;
    let reg = |n: u64, people: &[&str]| company_registration(&corporate_number(n), people).clone();
    let (_, first) = app
        .register("small-seminar", reg(10, &["a1@x.jp", "a2@x.jp"]))
        .await;
    assert_eq!(first["status"], "confirmed");
    let (_, trio) = app
        .register("small-seminar", reg(11, &["b1@x.jp", "b2@x.jp", "b3@x.jp"]))
        .await;
    assert_eq!(
        (trio["status"].as_str(), trio["waitlist_position"].as_u64()),
        (Some("waitlisted"), Some(1))
    );
    let (_, single) = app.register("small-seminar", reg(12, &["c1@x.jp"])).await;
    assert_eq!(
        single["status"], "confirmed",
        "one seat was free and nobody waiting fits it"
    );
    let (_, duo) = app
        .register("small-seminar", reg(13, &["d1@x.jp", "d2@x.jp"]))
        .await;
    assert_eq!(
        (duo["status"].as_str(), duo["waitlist_position"].as_u64()),
        (Some("waitlisted"), Some(2))
    );
    assert_eq!(app.seats_taken("small-seminar").await, 3);

    // Two seats free up: the trio still does not fit, the duo behind it does.
    let token = first["manage_token"].as_str().unwrap();
    app.api("DELETE", &format!("/registrations/{token}"), None, None)
        .await;
    let duo_token = duo["manage_token"].as_str().unwrap();
    let (_, duo_now) = app
        .api("GET", &format!("/registrations/{duo_token}"), None, None)
        .await;
    assert_eq!(duo_now["status"], "confirmed");
    let trio_token = trio["manage_token"].as_str().unwrap();
    let (_, trio_now) = app
        .api("GET", &format!("/registrations/{trio_token}"), None, None)
        .await;
    assert_eq!(
        (
            trio_now["status"].as_str(),
            trio_now["waitlist_position"].as_u64()
        ),
        (Some("waitlisted"), Some(1))
    );
    let promoted = store::outbox::for_registration(&app.db, duo["id"].as_i64().unwrap())
        .await
        .unwrap();
    // To the contact and each attendee's copy: waiting first, then the seat.
    let kinds: Vec<&str> = promoted.iter().map(|(k, _)| k.as_str()).collect();
    let split = kinds.iter().position(|k| *k == "promoted").unwrap();
    assert!(split > 0 && kinds[..split].iter().all(|k| *k == "waitlisted"));
    assert!(kinds[split..].iter().all(|k| *k == "promoted"));
    assert_eq!(split * 2, kinds.len(), "{kinds:?}");

    // The organizer raises capacity: the trio gets in, in the same change.
    let (status, _) = app
        .api(
            "PATCH",
            "/events/small-seminar",
            Some(&tokens.tmg),
            Some(json!({"capacity": 6})),
        )
        .await;
    assert_eq!(status, 200);
    let (_, trio_now) = app
        .api("GET", &format!("/registrations/{trio_token}"), None, None)
        .await;
    assert_eq!(trio_now["status"], "confirmed");
    assert_eq!(app.seats_taken("small-seminar").await, 6);
    let (total, waiting, _) =
        store::registrations::seat_totals(&app.db, trio_now_event_id(&app, "small-seminar").await)
            .await
            .unwrap();
    assert_eq!(
        (total, waiting),
        (6, 0),
        "counter equals confirmed attendees"
    );
}

async fn trio_now_event_id(app: &TestApp, slug: &str) -> i64 {
    store::events::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn without_a_waiting_list_a_full_event_says_full() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "no-waitlist", Some(2), Some(2), false)
        .await;
    let (status, _) = app
        .register(
            "no-waitlist",
            company_registration(&corporate_number(20), &["a@x.jp", "b@x.jp"]),
        )
        .await;
    assert_eq!(status, 201);
    let (status, err) = app
        .api_lang(
            "POST",
            "/events/no-waitlist/registrations",
            None,
            Some(company_registration(&corporate_number(21), &["c@x.jp"])),
            Some("ja"),
        )
        .await;
    assert_eq!((status, err["code"].as_str()), (409, Some("event_full")));
    assert!(err["message"].as_str().unwrap().contains("満席"));
}

#[tokio::test]
async fn the_per_company_limit_holds_across_registrations_of_one_corporate_number() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "limited", Some(50), Some(3), true)
        .await;
    let cn = corporate_number(30);
    let (status, _) = app
        .register("limited", company_registration(&cn, &["a@x.jp", "b@x.jp"]))
        .await;
    assert_eq!(status, 201);
    let (status, err) = app
        .register("limited", company_registration(&cn, &["c@x.jp", "d@x.jp"]))
        .await;
    assert_eq!(
        (status, err["fields"][0]["code"].as_str()),
        (422, Some("per_company_limit"))
    );
    assert!(
        err["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("あと1名")
    );
    let (status, _) = app
        .register("limited", company_registration(&cn, &["c@x.jp"]))
        .await;
    assert_eq!(status, 201, "one more fits");
    let (status, err) = app
        .register(
            "limited",
            company_registration(
                &corporate_number(31),
                &["1@x.jp", "2@x.jp", "3@x.jp", "4@x.jp"],
            ),
        )
        .await;
    assert_eq!(
        (status, err["fields"][0]["code"].as_str()),
        (422, Some("too_many_attendees"))
    );
}

#[tokio::test]
async fn registration_opens_and_closes_at_the_events_times() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "timed", Some(10), None, true)
        .await;
    let later = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    app.api(
        "PATCH",
        "/events/timed",
        Some(&tokens.tmg),
        Some(json!({"registration_opens_at": later})),
    )
    .await;
    let (status, err) = app
        .register(
            "timed",
            company_registration(&corporate_number(40), &["a@x.jp"]),
        )
        .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (410, Some("registration_not_open"))
    );

    let opened = (chrono::Utc::now() - chrono::Duration::days(2)).to_rfc3339();
    let closed = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
    let (status, body) = app
        .api(
            "PATCH",
            "/events/timed",
            Some(&tokens.tmg),
            Some(json!({"registration_opens_at": opened, "registration_closes_at": closed})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, err) = app
        .register(
            "timed",
            company_registration(&corporate_number(40), &["a@x.jp"]),
        )
        .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (410, Some("registration_closed"))
    );

    app.api("POST", "/events/lwb-expo/cancel", Some(&tokens.tmg), None)
        .await;
    let (status, err) = app
        .register(
            "lwb-expo",
            company_registration(&corporate_number(41), &["a@x.jp"]),
        )
        .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (410, Some("event_cancelled"))
    );
}

#[tokio::test]
async fn an_address_registered_already_is_answered_as_usual_and_its_owner_is_told() {
    let (app, _) = TestApp::with_demo().await;
    let (_, first) = app
        .register(
            "lwb-expo",
            company_registration(&corporate_number(50), &["taken@x.jp"]),
        )
        .await;
    let (status, second) = app
        .register(
            "lwb-expo",
            company_registration(&corporate_number(51), &["taken@x.jp", "new@x.jp"]),
        )
        .await;
    assert_eq!(status, 201);
    // The submitter sees an ordinary registration of two.
    assert_eq!(
        (second["status"].as_str(), second["seats"].as_u64()),
        (Some("confirmed"), Some(2))
    );
    assert!(
        second["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["status"] == "active")
    );
    // But only one seat is taken, and the owner of the address gets the email.
    assert_eq!(app.seats_taken("lwb-expo").await, 2);
    let queued = store::outbox::for_registration(&app.db, second["id"].as_i64().unwrap())
        .await
        .unwrap();
    assert!(
        queued.contains(&("already_registered".to_owned(), "taken@x.jp".to_owned())),
        "{queued:?}"
    );
    assert_eq!(first["seats"], 1);
}

#[tokio::test]
async fn idempotent_retries_create_one_registration() {
    let (app, _) = TestApp::with_demo().await;
    let body = company_registration(&corporate_number(60), &["i@x.jp"]);
    let app_ref = &app;
    let send = |key: &'static str, body: serde_json::Value| async move {
        app_ref
            .post_all(
                "/events/lwb-expo/registrations",
                vec![(Some(key.to_owned()), body)],
                1,
            )
            .await
            .remove(0)
    };
    let (s1, r1) = send("retry-1", body.clone()).await;
    let (s2, r2) = send("retry-1", body.clone()).await;
    assert_eq!((s1, s2), (201, 201));
    assert_eq!(r1, r2, "a replay returns the first answer");

    let mut other = body.clone();
    other["attendees"][0]["name"] = json!("別人");
    let (status, err) = send("retry-1", other).await;
    assert_eq!(
        (status, err["fields"][0]["code"].as_str()),
        (422, Some("idempotency_key_reused"))
    );

    // Twenty concurrent copies of one request: one registration.
    let body2 = company_registration(&corporate_number(61), &["j@x.jp"]);
    let burst = (0..20)
        .map(|_| (Some("burst-1".to_owned()), body2.clone()))
        .collect();
    let answers = app
        .post_all("/events/lwb-expo/registrations", burst, 20)
        .await;
    let ids: std::collections::HashSet<i64> = answers
        .iter()
        .map(|(s, r)| {
            assert_eq!(*s, 201, "{r}");
            r["id"].as_i64().unwrap()
        })
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(app.seats_taken("lwb-expo").await, 2);
}

#[tokio::test]
async fn registrants_change_attendees_within_limits_and_seats() {
    let (app, tokens) = TestApp::with_demo().await;
    app.published_event(&tokens.tmg, "changes", Some(4), Some(3), true)
        .await;
    let (_, reg) = app
        .register(
            "changes",
            company_registration(&corporate_number(90), &["a@x.jp", "b@x.jp"]),
        )
        .await;
    let token = reg["manage_token"].as_str().unwrap().to_owned();
    let (_, waiting) = app
        .register(
            "changes",
            company_registration(&corporate_number(91), &["w1@x.jp", "w2@x.jp", "w3@x.jp"]),
        )
        .await;
    assert_eq!(waiting["status"], "waitlisted");
    let a = reg["attendees"][0]["id"].as_i64().unwrap();
    let b = reg["attendees"][1]["id"].as_i64().unwrap();
    let path = format!("/registrations/{token}");

    // Rename a, keep b, add c: three seats of four.
    let change = json!({"attendees": [
        {"id": a, "name": "改名 太郎", "kana": "カイメイ タロウ", "email": "a@x.jp"},
        {"id": b, "name": "参加者 1", "kana": "サンカシャ", "email": "b@x.jp"},
        {"name": "追加 花子", "kana": "ツイカ ハナコ", "email": "c@x.jp"}
    ]});
    let (status, changed) = app.api("PATCH", &path, None, Some(change)).await;
    assert_eq!(
        (status, changed["seats"].as_u64()),
        (200, Some(3)),
        "{changed}"
    );
    assert_eq!(changed["attendees"][0]["name"], "改名 太郎");
    assert_eq!(app.seats_taken("changes").await, 3);

    // A fourth would break the company limit; an email cannot change under an id.
    let four = json!({"attendees": [
        {"id": a, "name": "x", "kana": "エックス", "email": "a@x.jp"}, {"id": b, "name": "x", "kana": "エックス", "email": "b@x.jp"},
        {"name": "x", "kana": "エックス", "email": "c2@x.jp"}, {"name": "x", "kana": "エックス", "email": "d@x.jp"}
    ]});
    let (status, err) = app.api("PATCH", &path, None, Some(four)).await;
    assert_eq!(
        (status, err["fields"][0]["code"].as_str()),
        (422, Some("per_company_limit"))
    );
    let swap =
        json!({"attendees": [{"id": a, "name": "x", "kana": "エックス", "email": "other@x.jp"}]});
    let (status, err) = app.api("PATCH", &path, None, Some(swap)).await;
    assert_eq!(
        (status, err["fields"][0]["code"].as_str()),
        (422, Some("email_fixed"))
    );

    // Down to one: three seats free, exactly what the waiting trio needs.
    let one = json!({"attendees": [{"id": a, "name": "改名 太郎", "kana": "カイメイ タロウ", "email": "a@x.jp"}]});
    let (status, changed) = app.api("PATCH", &path, None, Some(one)).await;
    assert_eq!((status, changed["seats"].as_u64()), (200, Some(1)));
    let (_, waiting_now) = app
        .api(
            "GET",
            &format!(
                "/registrations/{}",
                waiting["manage_token"].as_str().unwrap()
            ),
            None,
            None,
        )
        .await;
    assert_eq!(
        waiting_now["status"], "confirmed",
        "three seats freed for the trio"
    );
    assert_eq!(app.seats_taken("changes").await, 4);

    // Now full: adding someone back needs a seat there is not.
    let again = json!({"attendees": [
        {"id": a, "name": "改名 太郎", "kana": "カイメイ タロウ", "email": "a@x.jp"},
        {"name": "x", "kana": "エックス", "email": "e@x.jp"}
    ]});
    let (status, err) = app.api("PATCH", &path, None, Some(again)).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (409, Some("not_enough_seats"))
    );
}

#[tokio::test]
async fn organizers_add_questions_that_registrants_must_answer() {
    let (app, tokens) = TestApp::with_demo().await;
    let question = json!({
        "kind": "single_choice", "label_ja": "参加方法", "label_en": "How will you join?", "required": true,
        "options": [{"value": "onsite", "label_ja": "会場", "label_en": "On site"}, {"value": "online", "label_ja": "オンライン", "label_en": "Online"}]
    });
    let (status, list) = app
        .api(
            "POST",
            "/events/lwb-expo/questions",
            Some(&tokens.tmg),
            Some(question.clone()),
        )
        .await;
    assert_eq!(status, 201, "{list}");
    let qid = list[0]["id"].as_i64().unwrap();
    let (status, _) = app
        .api(
            "POST",
            "/events/lwb-expo/questions",
            Some(&tokens.tcci),
            Some(question),
        )
        .await;
    assert_eq!(status, 403);
    let (_, public) = app.get_json("/api/v1/events/lwb-expo/questions").await;
    assert_eq!(public[0]["label_en"], "How will you join?");

    let body = company_registration(&corporate_number(95), &["q@x.jp"]);
    let (status, err) = app.register("lwb-expo", body.clone()).await;
    assert_eq!(
        (status, err["fields"][0]["field"].as_str()),
        (422, Some(format!("answers.{qid}").as_str()))
    );
    let mut answered = body.clone();
    answered["answers"] = json!([{"question_id": qid, "values": ["online"]}]);
    let (status, reg) = app.register("lwb-expo", answered).await;
    assert_eq!(status, 201);
    assert_eq!(reg["answers"][0]["values"][0], "online");
    let token = reg["manage_token"].as_str().unwrap();
    let (status, reg) = app
        .api(
            "PATCH",
            &format!("/registrations/{token}"),
            None,
            Some(json!({"answers": [{"question_id": qid, "values": ["onsite"]}]})),
        )
        .await;
    assert_eq!(
        (status, reg["answers"][0]["values"][0].as_str()),
        (200, Some("onsite"))
    );
}

#[tokio::test]
async fn students_register_as_individuals_with_romaji_readings() {
    let (app, tokens) = TestApp::with_demo().await;
    let mut event = crate::helpers::seminar("student-session");
    event["audience"] = json!("individuals");
    app.api("POST", "/events", Some(&tokens.tmg), Some(event))
        .await;
    app.api(
        "POST",
        "/events/student-session/publish",
        Some(&tokens.tmg),
        None,
    )
    .await;
    let body = json!({
        "contact": {"name": "NGUYEN Van An", "kana": "Nguyen Van An", "email": "an@u-tokyo.example.ac.jp"},
        "affiliation": "東京大学大学院",
        "consent": true,
        "lang": "en"
    });
    let (status, reg) = app.register("student-session", body).await;
    assert_eq!(status, 201, "{reg}");
    assert!(reg["company"].is_null());
    assert_eq!(
        (reg["seats"].as_u64(), reg["lang"].as_str()),
        (Some(1), Some("en"))
    );
    assert_eq!(reg["attendees"][0]["email"], "an@u-tokyo.example.ac.jp");
    let (status, err) = app
        .register(
            "student-session",
            json!({"contact": {"name": "A"}, "consent": true}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        err["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["field"] == "affiliation")
    );

    let (_, html) = app.get_html("/events/student-session", None).await;
    assert!(
        html.contains("student-session/register"),
        "the page links to the form"
    );
    let (_, form) = app
        .get_html("/events/student-session/register", Some("en"))
        .await;
    assert!(form.contains("School or employer") && !form.contains("Corporate number"));
}

#[tokio::test]
async fn review_regressions_capacity_removed_readded_attendee_cancelled_event_and_late_replay() {
    let (app, tokens) = TestApp::with_demo().await;
    // Removing the capacity takes everyone waiting.
    app.published_event(&tokens.tmg, "uncapped", Some(2), Some(2), true)
        .await;
    app.register(
        "uncapped",
        company_registration(&corporate_number(40_001), &["u0@x.jp", "u1@x.jp"]),
    )
    .await;
    let (_, waiting) = app
        .register(
            "uncapped",
            company_registration(&corporate_number(40_002), &["u2@x.jp", "u3@x.jp"]),
        )
        .await;
    assert_eq!(waiting["status"], "waitlisted");
    let (status, _) = app
        .api(
            "PATCH",
            "/events/uncapped",
            Some(&tokens.tmg),
            Some(json!({"capacity": null})),
        )
        .await;
    assert_eq!(status, 200);
    let (_, now) = app
        .api(
            "GET",
            &format!(
                "/registrations/{}",
                waiting["manage_token"].as_str().unwrap()
            ),
            None,
            None,
        )
        .await;
    assert_eq!(now["status"], "confirmed");

    // A registrant sending the whole list again without ids keeps everyone attending.
    let (_, reg) = app
        .register(
            "lwb-expo",
            company_registration(&corporate_number(40_003), &["r1@x.jp", "r2@x.jp"]),
        )
        .await;
    let token = reg["manage_token"].as_str().unwrap().to_owned();
    let list = json!({"attendees": [
        {"name": "参加者 0", "kana": "サンカシャ", "email": "r1@x.jp"},
        {"name": "参加者 1", "kana": "サンカシャ", "email": "r2@x.jp"}
    ]});
    let (status, changed) = app
        .api(
            "PATCH",
            &format!("/registrations/{token}"),
            None,
            Some(list),
        )
        .await;
    assert_eq!(
        (status, changed["seats"].as_u64()),
        (200, Some(2)),
        "{changed}"
    );
    let kinds: Vec<String> = store::outbox::for_registration(&app.db, reg["id"].as_i64().unwrap())
        .await
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(
        !kinds.contains(&"already_registered".to_owned()),
        "{kinds:?}"
    );
    assert_eq!(app.seats_taken("lwb-expo").await, 2);

    // An address registered already counts toward room beside a new one: a full event
    // answers as for anyone. (One of nothing but such addresses takes nothing and is answered
    // as a duplicate: tests/integration/duplicates.rs.)
    app.published_event(&tokens.tmg, "one-seat", Some(2), Some(2), false)
        .await;
    app.register(
        "one-seat",
        company_registration(&corporate_number(40_004), &["taken@x.jp", "first@x.jp"]),
    )
    .await;
    let (status, err) = app
        .register(
            "one-seat",
            company_registration(&corporate_number(40_005), &["taken@x.jp", "new@x.jp"]),
        )
        .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (409, Some("event_full")),
        "same answer as for two new addresses"
    );

    // Once the organizer cancels the event, a registrant's cancellation promotes nobody.
    app.published_event(&tokens.tmg, "called-off", Some(1), Some(1), true)
        .await;
    let (_, first) = app
        .register(
            "called-off",
            company_registration(&corporate_number(40_006), &["c1@x.jp"]),
        )
        .await;
    let (_, second) = app
        .register(
            "called-off",
            company_registration(&corporate_number(40_007), &["c2@x.jp"]),
        )
        .await;
    app.api("POST", "/events/called-off/cancel", Some(&tokens.tmg), None)
        .await;
    app.api(
        "DELETE",
        &format!("/registrations/{}", first["manage_token"].as_str().unwrap()),
        None,
        None,
    )
    .await;
    let (_, second_now) = app
        .api(
            "GET",
            &format!(
                "/registrations/{}",
                second["manage_token"].as_str().unwrap()
            ),
            None,
            None,
        )
        .await;
    assert_eq!(second_now["status"], "waitlisted");

    // A retry after registration closed still finds its first answer.
    app.published_event(&tokens.tmg, "late-retry", Some(10), Some(3), true)
        .await;
    let body = company_registration(&corporate_number(40_008), &["late@x.jp"]);
    let first = app
        .post_all(
            "/events/late-retry/registrations",
            vec![(Some("k-1".into()), body.clone())],
            1,
        )
        .await
        .remove(0);
    assert_eq!(first.0, 201);
    let opened = (chrono::Utc::now() - chrono::Duration::days(2)).to_rfc3339();
    let closed = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
    app.api(
        "PATCH",
        "/events/late-retry",
        Some(&tokens.tmg),
        Some(json!({"registration_opens_at": opened, "registration_closes_at": closed})),
    )
    .await;
    let replay = app
        .post_all(
            "/events/late-retry/registrations",
            vec![(Some("k-1".into()), body)],
            1,
        )
        .await
        .remove(0);
    assert_eq!(
        (replay.0, replay.1["id"].clone()),
        (201, first.1["id"].clone())
    );
}
