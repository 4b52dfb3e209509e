//! Sessions inside one event (an EXPO's talks, a consultation desk's slots): each attendee
//! picks their own, clashing picks of one person are refused, each session's seats and waiting
//! list count people, places move up when freed (one person at a time, told by email naming
//! the session), the selection changes through the manage link, a consultation slot is the
//! whole registration's and may have its own meeting link, and under a concurrent burst a
//! session is never oversold and a slot never goes to two companies, on either engine.
use crate::helpers::{TestApp, company_registration, corporate_number, jst_in_days, seminar};
use serde_json::{Value, json};
use uketsuke::domain::{PickStatus, UserRole};
use uketsuke::store;

/// A published event of `slug` without an overall capacity, and its organizer's token.
async fn event_with_sessions(app: &TestApp, slug: &str, waitlist: bool) -> String {
    let token = app
        .organization_with_user(&slug.to_uppercase()[..6], UserRole::Organizer)
        .await;
    let mut event = seminar(slug);
    event["kind"] = json!("expo");
    event["capacity"] = json!(null);
    event["per_company_limit"] = json!(null);
    event["waitlist_enabled"] = json!(waitlist);
    event["starts_at"] = json!(jst_in_days(14, 0));
    event["ends_at"] = json!(jst_in_days(14, 6));
    let (status, body) = app.api("POST", "/events", Some(&token), Some(event)).await;
    assert_eq!(status, 201, "{body}");
    token
}

/// Adds a session `from`–`to` hours after the event's start; returns its id.
async fn add_session(
    app: &TestApp,
    token: &str,
    slug: &str,
    title: &str,
    (from, to): (i64, i64),
    capacity: Option<i64>,
    exclusive: bool,
) -> i64 {
    let body = json!({
        "title_ja": title, "starts_at": jst_in_days(14, from), "ends_at": jst_in_days(14, to),
        "room_ja": "会議室A", "speaker": "講師 一郎", "capacity": capacity, "exclusive": exclusive
    });
    let path = format!("/events/{slug}/sessions");
    let (status, list) = app.api("POST", &path, Some(token), Some(body)).await;
    assert_eq!(status, 201, "{list}");
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["title_ja"] == title)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn with_sessions(mut body: Value, ids: &[i64]) -> Value {
    body["sessions"] = json!(ids);
    body
}

fn status_in(reg: &Value, session: i64) -> String {
    reg["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["session"]["id"] == session)
        .map(|p| p["status"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Where attendee `i` of a registration stands in `session` (empty when they did not pick it).
fn attendee_status(reg: &Value, i: usize, session: i64) -> String {
    reg["attendees"][i]["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["session"]["id"] == session)
        .map(|p| p["status"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

async fn seats_left(app: &TestApp, slug: &str, session: i64) -> Value {
    let (_, list) = app
        .api("GET", &format!("/events/{slug}/sessions"), None, None)
        .await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == session)
        .unwrap()["seats_left"]
        .clone()
}

#[tokio::test]
async fn picks_clash_fill_wait_and_move_up_per_session() {
    let app = TestApp::spawn().await;
    let token = event_with_sessions(&app, "lwb-expo-test", true).await;
    let a = add_session(
        &app,
        &token,
        "lwb-expo-test",
        "基調講演",
        (0, 1),
        Some(2),
        false,
    )
    .await;
    let b = add_session(
        &app,
        &token,
        "lwb-expo-test",
        "分科会",
        (0, 2),
        Some(5),
        false,
    )
    .await;
    let c = add_session(
        &app,
        &token,
        "lwb-expo-test",
        "事例発表",
        (1, 2),
        Some(1),
        false,
    )
    .await;
    // Outside the event's time: refused on the field.
    let late = json!({"title_ja": "夜の部", "starts_at": jst_in_days(14, 7), "ends_at": jst_in_days(14, 8)});
    let (status, body) = app
        .api(
            "POST",
            "/events/lwb-expo-test/sessions",
            Some(&token),
            Some(late),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["field"], "starts_at");
    app.api("POST", "/events/lwb-expo-test/publish", Some(&token), None)
        .await;

    // Overlapping picks, and none at all, are refused.
    let one = |n: u64, emails: &[&str]| company_registration(&corporate_number(n), emails);
    let (status, body) = app
        .register(
            "lwb-expo-test",
            with_sessions(one(51_001, &["x@a.jp"]), &[a, b]),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["code"], "sessions_clash", "{body}");
    // Talks are optional: a visitor may come for the exhibits alone.
    let (status, body) = app
        .register("lwb-expo-test", one(51_001, &["x@a.jp"]))
        .await;
    assert_eq!(status, 201, "{body}");
    assert!(body["sessions"].as_array().unwrap().is_empty());

    // Two people: the keynote seats both; the case talk has one seat: the first attendee
    // takes it, the second waits there.
    let (status, first) = app
        .register(
            "lwb-expo-test",
            with_sessions(one(51_002, &["p1@a.jp", "p2@a.jp"]), &[c, a]),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(status_in(&first, a), "confirmed");
    assert_eq!(attendee_status(&first, 0, c), "confirmed");
    assert_eq!(attendee_status(&first, 1, c), "waitlisted");
    assert_eq!(seats_left(&app, "lwb-expo-test", a).await, json!(0));
    // The keynote is full: the next company waits for it.
    let (_, second) = app
        .register(
            "lwb-expo-test",
            with_sessions(one(51_003, &["q@b.jp"]), &[a]),
        )
        .await;
    assert_eq!(status_in(&second, a), "waitlisted");

    // The first company cancels: the second moves up in the keynote and is told.
    let first_token = first["manage_token"].as_str().unwrap();
    let (status, _) = app
        .api(
            "DELETE",
            &format!("/registrations/{first_token}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 200);
    let second_token = second["manage_token"].as_str().unwrap();
    let (_, second) = app
        .api("GET", &format!("/registrations/{second_token}"), None, None)
        .await;
    assert_eq!(status_in(&second, a), "confirmed");
    let kinds: Vec<String> =
        store::outbox::for_registration(&app.db, second["id"].as_i64().unwrap())
            .await
            .unwrap()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
    assert!(kinds.contains(&"promoted".to_owned()), "{kinds:?}");
    assert_eq!(seats_left(&app, "lwb-expo-test", a).await, json!(1));
    assert_eq!(seats_left(&app, "lwb-expo-test", c).await, json!(1));

    // The second changes to the case talk through the manage link: the keynote seat is freed.
    let (status, changed) = app
        .api(
            "PATCH",
            &format!("/registrations/{second_token}"),
            None,
            Some(json!({"sessions": [c]})),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(status_in(&changed, c), "confirmed");
    assert_eq!(status_in(&changed, a), "cancelled");
    assert_eq!(seats_left(&app, "lwb-expo-test", a).await, json!(2));
    assert_eq!(seats_left(&app, "lwb-expo-test", c).await, json!(0));
    // A session someone holds cannot be removed; an empty one can.
    let (status, _) = app
        .api(
            "DELETE",
            &format!("/events/lwb-expo-test/sessions/{c}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(status, 409);
    let (status, _) = app
        .api(
            "DELETE",
            &format!("/events/lwb-expo-test/sessions/{b}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_concurrent_burst_never_oversells_a_session_nor_gives_a_slot_twice() {
    let app = TestApp::spawn().await;
    // An EXPO session of 5 seats with a waiting list.
    let token = event_with_sessions(&app, "burst-expo", true).await;
    let talk = add_session(
        &app,
        &token,
        "burst-expo",
        "人気講演",
        (0, 1),
        Some(5),
        false,
    )
    .await;
    app.api("POST", "/events/burst-expo/publish", Some(&token), None)
        .await;
    let bodies = (0..40)
        .map(|i| {
            let email = format!("t{i}@burst.jp");
            (
                None,
                with_sessions(
                    company_registration(&corporate_number(52_000 + i), &[&email]),
                    &[talk],
                ),
            )
        })
        .collect();
    let answers = app
        .post_all("/events/burst-expo/registrations", bodies, 16)
        .await;
    assert!(
        answers.iter().all(|(s, _)| *s == 201),
        "{:?}",
        answers.iter().find(|(s, _)| *s != 201)
    );
    let confirmed = answers
        .iter()
        .filter(|(_, b)| status_in(b, talk) == "confirmed")
        .count();
    assert_eq!(confirmed, 5, "exactly the seats there are");
    let stored = store::event_sessions::of_event(
        &app.db,
        store::events::by_slug(&app.db, "burst-expo")
            .await
            .unwrap()
            .unwrap()
            .id,
    )
    .await
    .unwrap();
    assert_eq!(stored[0].seats_taken, 5, "the counter agrees");

    // A consultation slot, booked by twenty companies at once: one gets it.
    let token = event_with_sessions(&app, "desk-day", true).await;
    let slot = add_session(&app, &token, "desk-day", "10:00〜10:45", (0, 1), None, true).await;
    let other = add_session(&app, &token, "desk-day", "11:00〜11:45", (1, 2), None, true).await;
    // Slots and talks are not mixed.
    let talk =
        json!({"title_ja": "講演", "starts_at": jst_in_days(14, 2), "ends_at": jst_in_days(14, 3)});
    assert_eq!(
        app.api(
            "POST",
            "/events/desk-day/sessions",
            Some(&token),
            Some(talk)
        )
        .await
        .0,
        409
    );
    app.api("POST", "/events/desk-day/publish", Some(&token), None)
        .await;
    let bodies = (0..20)
        .map(|i| {
            let email = format!("c{i}@desk.jp");
            (
                None,
                with_sessions(
                    company_registration(&corporate_number(53_000 + i), &[&email]),
                    &[slot],
                ),
            )
        })
        .collect();
    let answers = app
        .post_all("/events/desk-day/registrations", bodies, 20)
        .await;
    let booked: Vec<&Value> = answers
        .iter()
        .filter(|(s, _)| *s == 201)
        .map(|(_, b)| b)
        .collect();
    assert_eq!(booked.len(), 1, "one company per slot");
    assert_eq!(status_in(booked[0], slot), "confirmed");
    let refused = answers.iter().find(|(s, _)| *s == 422).unwrap();
    assert_eq!(refused.1["fields"][0]["code"], "slot_taken");
    // Two slots at once: refused; cancelling frees the slot for the next company.
    let (status, body) = app
        .register(
            "desk-day",
            with_sessions(
                company_registration(&corporate_number(53_100), &["two@desk.jp"]),
                &[slot, other],
            ),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("one_slot"))
    );
    let token = booked[0]["manage_token"].as_str().unwrap();
    app.api("DELETE", &format!("/registrations/{token}"), None, None)
        .await;
    let (status, again) = app
        .register(
            "desk-day",
            with_sessions(
                company_registration(&corporate_number(53_101), &["next@desk.jp"]),
                &[slot],
            ),
        )
        .await;
    assert_eq!(status, 201, "{again}");
    assert_eq!(status_in(&again, slot), PickStatus::Confirmed.code());
}

#[tokio::test]
async fn a_company_picks_sessions_in_the_browser_and_gets_one_calendar_entry_for_each() {
    use crate::smtp::SmtpReceiver;
    use crate::web_registration::{browser, company_form, get, post};
    use mail_parser::{MessageParser, MimeHeaders};
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = event_with_sessions(&app, "expo-web", true).await;
    let a = add_session(&app, &token, "expo-web", "基調講演", (0, 1), Some(1), false).await;
    let b = add_session(&app, &token, "expo-web", "分科会", (0, 2), Some(5), false).await;
    let c = add_session(&app, &token, "expo-web", "事例発表", (1, 2), None, false).await;
    app.api("POST", "/events/expo-web/publish", Some(&token), None)
        .await;
    let (_, page) = app.get_html("/events/expo-web", None).await;
    assert!(page.contains("基調講演") && page.contains("講師 一郎") && page.contains("残り1席"));

    let hanako = browser("ja");
    let (_, form) = get(&hanako, &app, "/events/expo-web/register").await;
    assert!(form.contains(&format!(r#"name="sessions" value="{a}""#)));
    let mut fields = company_form(
        &crate::helpers::hidden(&form, "csrf_token"),
        &crate::helpers::hidden(&form, "form_token"),
        &corporate_number(54_001),
        &[("田中 一郎", "tanaka@expo.example.jp")],
    );
    let clash = [
        fields.clone(),
        vec![
            ("sessions".into(), a.to_string()),
            ("sessions".into(), b.to_string()),
        ],
    ]
    .concat();
    let (status, html, _) = post(&hanako, &app, "/events/expo-web/register", &clash).await;
    assert_eq!(status, 422);
    assert!(html.contains("時間が重なっています"), "{html}");
    assert!(
        html.contains(&format!(
            r#"value="{b}" aria-describedby="sessions-hint" checked"#
        )),
        "kept"
    );
    fields.push(("sessions".into(), a.to_string()));
    fields.push(("sessions".into(), c.to_string()));
    let (status, _, location) = post(&hanako, &app, "/events/expo-web/register", &fields).await;
    assert_eq!(status, 303);
    let manage = location.unwrap();
    let (_, page) = get(&hanako, &app, &manage).await;
    assert!(
        page.contains("お申込みのセッション") && page.contains("事例発表"),
        "{page}"
    );
    let token_path = manage.split('?').next().unwrap().to_owned();

    // The confirmation lists both and invites to each.
    deliver(&app, &mailer).await;
    let raw = smtp.messages();
    let mail = MessageParser::default().parse(&raw[0]).unwrap();
    let text = mail.body_text(0).unwrap();
    assert!(
        text.contains("■ プログラム") && text.contains("基調講演") && text.contains("事例発表"),
        "{text}"
    );
    // One calendar object per session (one UID each), attached as invite-1.ics, invite-2.ics.
    let mut uids: Vec<String> = Vec::new();
    let files = mail
        .attachments()
        .filter(|x| x.attachment_name().is_some_and(|n| n.ends_with(".ics")));
    for (i, file) in files.enumerate() {
        assert_eq!(
            file.attachment_name(),
            Some(format!("invite-{}.ics", i + 1).as_str())
        );
        let ics = icalendar::parser::unfold(std::str::from_utf8(file.contents()).unwrap());
        let cal = icalendar::parser::read_calendar(&ics).unwrap();
        let events: Vec<_> = cal
            .components
            .iter()
            .filter(|x| x.name == "VEVENT")
            .collect();
        assert_eq!(events.len(), 1, "{ics}");
        uids.push(events[0].find_prop("UID").unwrap().val.as_str().to_owned());
    }
    assert_eq!(uids.len(), 2, "{uids:?}");
    assert!(uids.iter().all(|u| u.contains("-session-")));

    // Change to the case talk only: the keynote seat is free again, the download follows.
    let (_, page) = get(&hanako, &app, &token_path).await;
    let change = vec![
        (
            "csrf_token".to_owned(),
            crate::helpers::hidden(&page, "csrf_token"),
        ),
        ("sessions".to_owned(), c.to_string()),
    ];
    let (status, _, _) = post(&hanako, &app, &format!("{token_path}/sessions"), &change).await;
    assert_eq!(status, 303);
    let (_, page) = app.get_html("/events/expo-web", None).await;
    assert!(page.contains("残り1席"), "the keynote has its seat back");
    let (_, ics) = get(&hanako, &app, &format!("{token_path}/calendar.ics")).await;
    let ics = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&ics).unwrap();
    let summaries: Vec<String> = cal
        .components
        .iter()
        .filter(|x| x.name == "VEVENT")
        .map(|x| x.find_prop("SUMMARY").unwrap().val.as_str().to_owned())
        .collect();
    assert_eq!(summaries.len(), 1);
    assert!(summaries[0].starts_with("事例発表"), "{summaries:?}");
    // The organizer's export says which sessions each attendee holds.
    let organizer = app.signed_in("EXPO-W", UserRole::Organizer).await;
    let (status, report) = organizer.get("/admin/events/expo-web/report").await;
    assert_eq!(status, 200);
    assert!(report.contains("<svg"));
    let (_, csv) = organizer.get("/admin/events/expo-web/roster.csv").await;
    assert!(csv.lines().next().unwrap().ends_with("セッション"), "{csv}");
    assert!(
        csv.contains("田中 一郎") && csv.lines().nth(1).unwrap().ends_with("事例発表"),
        "{csv}"
    );
}

async fn deliver(app: &TestApp, mailer: &uketsuke::mail::Mailer) {
    uketsuke::mail::worker::deliver_due(&app.db, mailer, chrono::Utc::now())
        .await
        .unwrap();
}

#[tokio::test]
async fn organizers_make_a_day_of_consultation_slots_and_see_each_slots_booking() {
    let app = TestApp::spawn().await;
    let token = event_with_sessions(&app, "desk-admin", false).await;
    let code = &"DESK-ADMIN".to_uppercase()[..6];
    let organizer = app.signed_in(code, UserRole::Organizer).await;
    let page = "/admin/events/desk-admin/sessions";
    let (status, html) = organizer.get(page).await;
    assert_eq!(status, 200, "{html}");
    // The event starts at jst_in_days(14, 0); three 45-minute slots with 15 minutes between.
    let start = &jst_in_days(14, 1)[..16];
    let end = {
        let t = chrono::DateTime::parse_from_rfc3339(&jst_in_days(14, 1)).unwrap()
            + chrono::Duration::minutes(45);
        t.format("%Y-%m-%dT%H:%M").to_string()
    };
    let (status, html, _) = organizer
        .post(
            page,
            page,
            &[("exclusive", "on"), ("starts_at", &end), ("ends_at", start)],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("終了は開始より後にしてください"), "{html}");
    let (status, _, _) = organizer
        .post(
            page,
            page,
            &[
                ("exclusive", "on"),
                ("starts_at", start),
                ("ends_at", &end),
                ("count", "3"),
                ("gap", "15"),
                ("speaker", "社会保険労務士 山本"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, list) = app
        .api("GET", "/events/desk-admin/sessions", None, None)
        .await;
    // Not published yet: the public list is not there.
    assert_eq!(list["code"], "not_found");
    app.api("POST", "/events/desk-admin/publish", Some(&token), None)
        .await;
    let (_, list) = app
        .api("GET", "/events/desk-admin/sessions", None, None)
        .await;
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 3);
    assert!(list[0]["title_ja"].as_str().unwrap().ends_with("相談枠"));
    assert!(list.iter().all(|s| s["exclusive"] == true));
    let gap = chrono::DateTime::parse_from_rfc3339(list[1]["starts_at"].as_str().unwrap()).unwrap()
        - chrono::DateTime::parse_from_rfc3339(list[0]["ends_at"].as_str().unwrap()).unwrap();
    assert_eq!(gap, chrono::Duration::minutes(15));

    // A company books the second slot with the topic of its question; the roster of that slot
    // shows it, the others do not.
    let topic =
        json!({"kind": "text", "label_ja": "ご相談内容", "label_en": "Topic", "required": true});
    let (_, questions) = app
        .api(
            "POST",
            "/events/desk-admin/questions",
            Some(&token),
            Some(topic),
        )
        .await;
    let qid = questions[0]["id"].as_i64().unwrap();
    let second = list[1]["id"].as_i64().unwrap();
    let mut booking = with_sessions(
        company_registration(&corporate_number(55_001), &["asks@desk.jp"]),
        &[second],
    );
    booking["answers"] = json!([{"question_id": qid, "values": ["就業規則の見直しについて"]}]);
    let (status, body) = app.register("desk-admin", booking).await;
    assert_eq!(status, 201, "{body}");
    let (_, roster) = organizer
        .get(&format!("/admin/events/desk-admin/roster?session={second}"))
        .await;
    assert!(roster.contains("asks@desk.jp"), "{roster}");
    let first = list[0]["id"].as_i64().unwrap();
    let (_, roster) = organizer
        .get(&format!("/admin/events/desk-admin/roster?session={first}"))
        .await;
    assert!(!roster.contains("asks@desk.jp"));
    let (_, html) = organizer.get(page).await;
    assert!(html.contains("社会保険労務士 山本"));
    // The booked slot is gone from the public page.
    let (_, public) = app.get_html("/events/desk-admin", None).await;
    assert!(!public.contains(list[1]["title_ja"].as_str().unwrap()));
    assert!(public.contains(list[0]["title_ja"].as_str().unwrap()));

    let viewer = app.signed_in(code, UserRole::Viewer).await;
    assert_eq!(viewer.get(page).await.0, 403);

    // The consultant (a viewer) sees the day: who is booked in which slot, and about what.
    let (status, day) = viewer.get("/admin/events/desk-admin/bookings").await;
    assert_eq!(status, 200);
    let at = day
        .find("株式会社テスト商事")
        .expect("the booking is shown");
    assert!(
        day[..at].contains(list[1]["title_ja"].as_str().unwrap()),
        "under its slot"
    );
    assert!(day.contains("就業規則の見直しについて"), "{day}");
    // At the door of one slot, only its booking is found.
    let door = app.signed_in(code, UserRole::CheckinStaff).await;
    assert_eq!(door.get("/admin/events/desk-admin/bookings").await.0, 403);
    let (_, found) = door
        .get(&format!(
            "/admin/events/desk-admin/checkin?q=テスト&session={second}"
        ))
        .await;
    assert!(found.contains("参加者 0"), "{found}");
    let (_, other) = door
        .get(&format!(
            "/admin/events/desk-admin/checkin?q=テスト&session={first}"
        ))
        .await;
    assert!(!other.contains("参加者 0"));
    // Checked in at the slot's door: recorded for the slot and for the event; at another
    // slot's door the same person is refused.
    let attendee = {
        let start = found.find("/checkin/").unwrap() + "/checkin/".len();
        found[start..start + found[start..].find('"').unwrap()].to_owned()
    };
    let from = format!("/admin/events/desk-admin/checkin?q=テスト&session={second}");
    let (status, _, location) = door
        .post(
            &from,
            &format!("/admin/events/desk-admin/checkin/{attendee}"),
            &[("q", "テスト"), ("session", &second.to_string())],
        )
        .await;
    assert_eq!(status, 303);
    let (_, after) = door.get(&location.unwrap()).await;
    assert!(after.contains("参加者 0 様を受付しました。"), "{after}");
    let (status, _, _) = door
        .post(
            &from,
            &format!("/admin/events/desk-admin/checkin/{attendee}"),
            &[("q", "テスト"), ("session", &first.to_string())],
        )
        .await;
    assert_eq!(status, 409, "not booked in that slot");
    let event = uketsuke::store::events::by_slug(&app.db, "desk-admin")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        uketsuke::store::roster::checked_in_count(&app.db, event.id)
            .await
            .unwrap(),
        1,
        "arrived at the event too"
    );
}

/// A registration body whose attendee `i` picks `picks[i]` (issue 15: sessions per attendee).
fn with_attendee_sessions(mut body: Value, picks: &[&[i64]]) -> Value {
    for (i, ids) in picks.iter().enumerate() {
        body["attendees"][i]["sessions"] = json!(ids);
    }
    body
}

#[tokio::test]
async fn two_colleagues_go_to_two_parallel_workshops_and_each_holds_one_seat() {
    let app = TestApp::spawn().await;
    let token = event_with_sessions(&app, "pair-expo", true).await;
    let a = add_session(&app, &token, "pair-expo", "分科会A", (1, 2), Some(5), false).await;
    let b = add_session(&app, &token, "pair-expo", "分科会B", (1, 2), Some(5), false).await;
    app.api("POST", "/events/pair-expo/publish", Some(&token), None)
        .await;
    let two = || company_registration(&corporate_number(56_001), &["x@pair.jp", "y@pair.jp"]);

    // One person cannot be in both at once; the error names that attendee.
    let (status, body) = app
        .register("pair-expo", with_attendee_sessions(two(), &[&[a], &[a, b]]))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["code"], "sessions_clash", "{body}");
    assert_eq!(body["fields"][0]["field"], "attendees.1.sessions", "{body}");

    // Two people, two parallel workshops: one seat in each.
    let (status, reg) = app
        .register("pair-expo", with_attendee_sessions(two(), &[&[a], &[b]]))
        .await;
    assert_eq!(status, 201, "{reg}");
    assert_eq!(attendee_status(&reg, 0, a), "confirmed");
    assert_eq!(attendee_status(&reg, 0, b), "");
    assert_eq!(attendee_status(&reg, 1, b), "confirmed");
    assert_eq!(seats_left(&app, "pair-expo", a).await, json!(4));
    assert_eq!(seats_left(&app, "pair-expo", b).await, json!(4));
    // The summary names who is where.
    let x = reg["attendees"][0]["id"].clone();
    let in_a = reg["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["session"]["id"] == a)
        .unwrap();
    assert_eq!(in_a["attendee_ids"], json!([x]));

    // The manage page shows who goes where, and the second swaps to workshop A.
    let token = reg["manage_token"].as_str().unwrap();
    let (_, page) = app.get_html(&format!("/r/{token}"), None).await;
    assert!(
        page.contains("分科会A") && page.contains("（参加者 0）") && page.contains("（参加者 1）"),
        "{page}"
    );
    let y = reg["attendees"][1]["id"].as_i64().unwrap();
    let (status, changed) = app
        .api(
            "PATCH",
            &format!("/registrations/{token}"),
            None,
            Some(json!({"attendee_sessions": [{"attendee_id": y, "sessions": [a]}]})),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(attendee_status(&changed, 0, a), "confirmed");
    assert_eq!(attendee_status(&changed, 1, a), "confirmed");
    assert_eq!(attendee_status(&changed, 1, b), "cancelled");
    assert_eq!(seats_left(&app, "pair-expo", a).await, json!(3));
    assert_eq!(seats_left(&app, "pair-expo", b).await, json!(5));
}

#[tokio::test]
async fn a_company_of_two_asking_for_the_last_seat_gets_one_in_and_one_waiting_and_is_told_so() {
    let app = TestApp::spawn().await;
    let token = event_with_sessions(&app, "last-seat", true).await;
    let talk = add_session(
        &app,
        &token,
        "last-seat",
        "人気講演",
        (0, 1),
        Some(1),
        false,
    )
    .await;
    app.api("POST", "/events/last-seat/publish", Some(&token), None)
        .await;
    let (status, reg) = app
        .register(
            "last-seat",
            with_sessions(
                company_registration(&corporate_number(56_101), &["p@last.jp", "q@last.jp"]),
                &[talk],
            ),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    assert_eq!(reg["status"], "confirmed");
    assert_eq!(attendee_status(&reg, 0, talk), "confirmed");
    assert_eq!(attendee_status(&reg, 1, talk), "waitlisted");
    assert_eq!(seats_left(&app, "last-seat", talk).await, json!(0));
    // The page does not say "confirmed" alone: it says which session waits, for whom.
    let token = reg["manage_token"].as_str().unwrap();
    let (_, page) = app
        .get_html(&format!("/r/{token}?done=registered"), None)
        .await;
    assert!(!page.contains("参加が確定しています。"), "{page}");
    assert!(
        page.contains("次のセッションはキャンセル待ちです")
            && page.contains("<strong>人気講演</strong>: 参加者 1"),
        "{page}"
    );
}

#[tokio::test]
async fn a_freed_seat_goes_to_the_first_waiting_attendee_who_is_emailed_about_the_session() {
    use crate::smtp::SmtpReceiver;
    use mail_parser::MessageParser;
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = event_with_sessions(&app, "move-up", true).await;
    let talk = add_session(&app, &token, "move-up", "人気講演", (0, 1), Some(1), false).await;
    app.api("POST", "/events/move-up/publish", Some(&token), None)
        .await;
    let (_, holder) = app
        .register(
            "move-up",
            with_sessions(
                company_registration(&corporate_number(56_201), &["h@move.jp"]),
                &[talk],
            ),
        )
        .await;
    let (_, pair) = app
        .register(
            "move-up",
            with_sessions(
                company_registration(&corporate_number(56_202), &["p@move.jp", "q@move.jp"]),
                &[talk],
            ),
        )
        .await;
    assert_eq!(attendee_status(&pair, 0, talk), "waitlisted");
    assert_eq!(attendee_status(&pair, 1, talk), "waitlisted");
    app.drain(&mailer).await;
    let before = smtp.messages().len();

    // The holder cancels: one seat frees, the pair's first attendee moves up, the second waits.
    let holder_token = holder["manage_token"].as_str().unwrap();
    let (status, _) = app
        .api(
            "DELETE",
            &format!("/registrations/{holder_token}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 200);
    let pair_token = pair["manage_token"].as_str().unwrap();
    let (_, pair) = app
        .api("GET", &format!("/registrations/{pair_token}"), None, None)
        .await;
    assert_eq!(attendee_status(&pair, 0, talk), "confirmed");
    assert_eq!(attendee_status(&pair, 1, talk), "waitlisted");
    assert_eq!(seats_left(&app, "move-up", talk).await, json!(0));

    app.drain(&mailer).await;
    let promoted: Vec<String> = smtp.messages()[before..]
        .iter()
        .map(|raw| {
            let m = MessageParser::default().parse(raw).unwrap();
            format!(
                "To: {:?}\n{}",
                m.to().and_then(|a| a.first()).and_then(|a| a.address()),
                m.body_text(0).unwrap()
            )
        })
        .filter(|t| t.contains("空きが出たため"))
        .collect();
    assert!(!promoted.is_empty(), "a promoted email was sent");
    for text in &promoted {
        assert!(
            text.contains("セッション「人気講演」") && text.contains("確定した参加者: 参加者 0"),
            "{text}"
        );
    }
    assert!(
        promoted.iter().all(|t| !t.contains("q@move.jp")),
        "the one still waiting gets no promotion: {promoted:?}"
    );
}

#[tokio::test]
async fn a_consultation_slot_with_its_own_link_sends_that_link_and_one_without_the_events() {
    use crate::smtp::SmtpReceiver;
    use mail_parser::{MessageParser, MimeHeaders};
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = event_with_sessions(&app, "desk-links", false).await;
    let own = "https://meet.example.jp/slot-room-1";
    let slot = |title: &str, (from, to): (i64, i64), link: Option<&str>| {
        json!({
            "title_ja": title, "starts_at": jst_in_days(14, from), "ends_at": jst_in_days(14, to),
            "exclusive": true, "online_url": link
        })
    };
    // A link must be a web address on one line.
    let (status, body) = app
        .api(
            "POST",
            "/events/desk-links/sessions",
            Some(&token),
            Some(slot("枠0", (0, 1), Some("javascript:alert(1)"))),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "online_url");
    let (status, _) = app
        .api(
            "POST",
            "/events/desk-links/sessions",
            Some(&token),
            Some(slot("枠1", (0, 1), Some(own))),
        )
        .await;
    assert_eq!(status, 201);
    let (status, list) = app
        .api(
            "POST",
            "/events/desk-links/sessions",
            Some(&token),
            Some(slot("枠2", (1, 2), None)),
        )
        .await;
    assert_eq!(status, 201);
    // The public list never shows a meeting link.
    assert!(!list.to_string().contains(own));
    let id = |t: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|s| s["title_ja"] == t)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let (first, second) = (id("枠1"), id("枠2"));
    app.api("POST", "/events/desk-links/publish", Some(&token), None)
        .await;

    // A company of two books the slot with its own link: both of them are in it, together.
    let (status, pair) = app
        .register(
            "desk-links",
            with_sessions(
                company_registration(&corporate_number(56_301), &["a@desk.jp", "b@desk.jp"]),
                &[first],
            ),
        )
        .await;
    assert_eq!(status, 201, "{pair}");
    assert_eq!(attendee_status(&pair, 0, first), "confirmed");
    assert_eq!(attendee_status(&pair, 1, first), "confirmed");
    assert_eq!(seats_left(&app, "desk-links", first).await, json!(0));
    let (status, other) = app
        .register(
            "desk-links",
            with_sessions(
                company_registration(&corporate_number(56_302), &["c@desk.jp"]),
                &[second],
            ),
        )
        .await;
    assert_eq!(status, 201, "{other}");
    app.drain(&mailer).await;

    let mails: Vec<(String, String, String)> = smtp
        .messages()
        .iter()
        .map(|raw| {
            let m = MessageParser::default().parse(raw).unwrap();
            let to = m
                .to()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_owned();
            let ics = m
                .attachments()
                .find(|x| x.attachment_name() == Some("invite.ics"))
                .map(|x| icalendar::parser::unfold(std::str::from_utf8(x.contents()).unwrap()))
                .unwrap_or_default();
            (to, m.body_text(0).unwrap().into_owned(), ics)
        })
        .collect();
    let event_link = "https://meet.example.jp/secret-room";
    // Each person gets a personal join link (online attendance), which forwards to the room
    // that person's meeting is in; the rooms themselves stay out of the emails.
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let forwards_to = |text: String| {
        let client = no_redirects.clone();
        let url = app.url("");
        async move {
            let text = text.replace("&#x2f;", "/");
            let start = text.find("/j/").expect("a join link") + 3;
            let token: String = text[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let resp = client.get(format!("{url}/j/{token}")).send().await.unwrap();
            assert_eq!(resp.status().as_u16(), 303);
            resp.headers()["location"].to_str().unwrap().to_owned()
        }
    };
    let to_pair: Vec<_> = mails
        .iter()
        .filter(|(to, _, _)| to.contains("56301") || to.ends_with("@desk.jp") && to != "c@desk.jp")
        .collect();
    assert!(!to_pair.is_empty());
    for (to, text, ics) in &to_pair {
        assert!(
            !text.contains(own) && !text.contains(event_link),
            "{to}: {text}"
        );
        assert!(
            !ics.contains(own) && !ics.contains(event_link),
            "{to}: {ics}"
        );
        // An attendee's own invitation holds their link; the contact's, for two people, none
        // (a calendar entry holds one link; the email lists both).
        assert_eq!(ics.contains("/j/"), to.ends_with("@desk.jp"), "{to}: {ics}");
        assert_eq!(forwards_to(text.clone()).await, own, "{to}");
    }
    let to_other: Vec<_> = mails
        .iter()
        .filter(|(to, _, _)| to.contains("56302") || to == "c@desk.jp")
        .collect();
    assert!(!to_other.is_empty());
    for (to, text, ics) in &to_other {
        assert!(
            !text.contains(event_link) && !text.contains(own),
            "{to}: {text}"
        );
        assert!(
            ics.contains("/j/") && !ics.contains(event_link),
            "{to}: {ics}"
        );
        assert_eq!(forwards_to(text.clone()).await, event_link, "{to}");
    }
    // The manage page gives each attendee's join link, which leads to the slot's own room; the
    // API answer gives the room to the registrant.
    let token = pair["manage_token"].as_str().unwrap();
    let (_, page) = app.get_html(&format!("/r/{token}"), None).await;
    assert!(!page.contains("slot-room-1"), "{page}");
    assert_eq!(forwards_to(page).await, own);
    let in_slot = &pair["attendees"][0]["sessions"][0];
    assert_eq!(in_slot["online_url"], own);
}

#[tokio::test]
async fn migration_14_turns_a_registrations_pick_into_one_per_attendee_and_back() {
    use migration::MigratorTrait;
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let token = event_with_sessions(&app, "old-picks", true).await;
    let talk = add_session(&app, &token, "old-picks", "講演", (0, 1), Some(10), false).await;
    app.api("POST", "/events/old-picks/publish", Some(&token), None)
        .await;
    let (status, reg) = app
        .register(
            "old-picks",
            with_sessions(
                company_registration(&corporate_number(56_401), &["m@old.jp", "n@old.jp"]),
                &[talk],
            ),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let count = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            let row = db
                .query_one_raw(sea_orm::Statement::from_string(
                    db.get_database_backend(),
                    sql.to_owned(),
                ))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<i64>(0).unwrap()
        }
    };
    assert_eq!(count("SELECT COUNT(*) FROM registration_sessions").await, 2);
    // Back to one row per registration and session (the shape before issue 15) ...
    // (Migrations after it, the shapes and whatever came later, go down first.)
    let from_14 = {
        use migration::MigratorTrait;
        migration::Migrator::migrations()
            .iter()
            .rev()
            .position(|m| m.name() == "m20261130_000014_attendee_sessions")
            .expect("migration 14")
            + 1
    };
    migration::Migrator::down(&app.db, Some(from_14 as u32))
        .await
        .unwrap();
    assert_eq!(count("SELECT COUNT(*) FROM registration_sessions").await, 1);
    assert_eq!(
        count("SELECT CAST(MAX(seats) AS BIGINT) FROM registration_sessions").await,
        2
    );
    assert_eq!(
        count("SELECT CAST(MAX(seats_taken) AS BIGINT) FROM event_sessions").await,
        2
    );
    // ... and up again: one row per active attendee, the counter recounted.
    migration::Migrator::up(&app.db, None).await.unwrap();
    assert_eq!(
        count("SELECT COUNT(DISTINCT attendee_id) FROM registration_sessions").await,
        2
    );
    assert_eq!(count("SELECT COUNT(*) FROM registration_sessions").await, 2);
    assert_eq!(
        count("SELECT CAST(MAX(seats) AS BIGINT) FROM registration_sessions").await,
        1
    );
    assert_eq!(seats_left(&app, "old-picks", talk).await, json!(8));
    let token = reg["manage_token"].as_str().unwrap();
    let (_, now) = app
        .api("GET", &format!("/registrations/{token}"), None, None)
        .await;
    assert_eq!(attendee_status(&now, 0, talk), "confirmed");
    assert_eq!(attendee_status(&now, 1, talk), "confirmed");
}

#[tokio::test]
async fn in_the_browser_each_colleague_picks_their_own_workshop() {
    use crate::web_registration::{browser, company_form, get, post};
    let app = TestApp::spawn().await;
    let token = event_with_sessions(&app, "grid-expo", true).await;
    let a = add_session(&app, &token, "grid-expo", "分科会A", (1, 2), Some(5), false).await;
    let b = add_session(&app, &token, "grid-expo", "分科会B", (1, 2), Some(5), false).await;
    app.api("POST", "/events/grid-expo/publish", Some(&token), None)
        .await;
    let client = browser("ja");
    let (_, form) = get(&client, &app, "/events/grid-expo/register").await;
    // One attendee: the single list, as before.
    assert!(form.contains(&format!(r#"name="sessions" value="{a}""#)));
    let people = [
        ("田中 一郎", "tanaka@grid.example.jp"),
        ("鈴木 二郎", "suzuki@grid.example.jp"),
    ];
    let fields = company_form(
        &crate::helpers::hidden(&form, "csrf_token"),
        &crate::helpers::hidden(&form, "form_token"),
        &corporate_number(56_501),
        &people,
    );
    // Two attendees shown: a list for each.
    let more = [fields.clone(), vec![("add_attendee".into(), "yes".into())]].concat();
    let (status, grid, _) = post(&client, &app, "/events/grid-expo/register", &more).await;
    assert_eq!(status, 200);
    assert!(
        grid.contains(&format!(r#"name="sessions.1" value="{b}""#)),
        "{grid}"
    );
    let picks = [
        fields,
        vec![
            ("session_grid".into(), "on".into()),
            ("sessions.0".into(), a.to_string()),
            ("sessions.1".into(), b.to_string()),
        ],
    ]
    .concat();
    let (status, _, location) = post(&client, &app, "/events/grid-expo/register", &picks).await;
    assert_eq!(status, 303);
    let (_, page) = get(&client, &app, &location.unwrap()).await;
    assert!(
        page.contains("<strong>分科会A</strong>")
            && page.contains("（田中 一郎）")
            && page.contains("（鈴木 二郎）"),
        "{page}"
    );
    assert_eq!(seats_left(&app, "grid-expo", a).await, json!(4));
    assert_eq!(seats_left(&app, "grid-expo", b).await, json!(4));
}
