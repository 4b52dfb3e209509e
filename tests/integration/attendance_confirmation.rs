//! Attendance confirmation before the day (issue 17): the question goes once, at nine in Tokyo
//! the configured days before, to confirmed registrations only; a GET of its links changes
//! nothing; "will come" is recorded; "no longer" cancels through the registrant's own path and
//! the waiting list moves up with the usual email; the report counts answers and no-shows.
use crate::helpers::{Browser, TestApp, company_registration, corporate_number};
use crate::smtp::SmtpReceiver;
use chrono::{Duration, Utc};
use mail_parser::{Message, MessageParser};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uketsuke::domain::{AttendanceAnswer, ReminderDays, SeatState, UserRole};
use uketsuke::mail::worker::deliver_due;
use uketsuke::services::attendance::queue_due;
use uketsuke::services::links::ManageLinks;
use uketsuke::store;

fn parse(raw: &[u8]) -> Message<'_> {
    MessageParser::default().parse(raw).expect("parsable MIME")
}

fn to(m: &Message<'_>) -> String {
    m.to()
        .unwrap()
        .first()
        .unwrap()
        .address()
        .unwrap()
        .to_owned()
}

/// The path of the link in `text` that ends with `?answer=<answer>`.
fn link(text: &str, answer: &str) -> String {
    let end = format!("?answer={answer}");
    let line = text
        .lines()
        .find(|l| l.contains("/c/") && l.trim_end().ends_with(&end))
        .unwrap_or_else(|| panic!("no {answer} link in:\n{text}"));
    let start = line.find("/c/").unwrap();
    line[start..].trim_end().to_owned()
}

async fn answer_of(app: &TestApp, registration_id: i64) -> Option<Option<AttendanceAnswer>> {
    store::attendance_checks::answer_of(&app.db, registration_id)
        .await
        .unwrap()
}

async fn state_of(app: &TestApp, registration_id: i64) -> SeatState {
    store::registrations::by_id(&app.db, registration_id)
        .await
        .unwrap()
        .unwrap()
        .registration
        .participation
        .seat_state()
        .unwrap()
}

#[tokio::test]
async fn asked_once_before_the_day_and_no_longer_gives_the_seat_to_the_waiting_list() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("CONF", UserRole::Organizer)
        .await;
    app.published_event(&token, "confirm-day", Some(2), None, true)
        .await;

    // The setting is validated, then set through the API.
    for bad in [31, -1] {
        let (status, body) = app
            .api(
                "PATCH",
                "/events/confirm-day",
                Some(&token),
                Some(json!({"confirm_days_before": bad})),
            )
            .await;
        assert_eq!(status, 422, "{bad}: {body}");
        assert!(body.to_string().contains("confirm_days_before"), "{body}");
    }
    let (status, body) = app
        .api(
            "PATCH",
            "/events/confirm-day",
            Some(&token),
            Some(json!({"confirm_days_before": 2})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["confirm_days_before"], 2);

    let (cn_a, cn_b, cn_c) = (
        corporate_number(91_001),
        corporate_number(91_002),
        corporate_number(91_003),
    );
    let (_, a) = app
        .register("confirm-day", company_registration(&cn_a, &["a@x.jp"]))
        .await;
    let (_, b) = app
        .register("confirm-day", company_registration(&cn_b, &["b@x.jp"]))
        .await;
    let (_, c) = app
        .register("confirm-day", company_registration(&cn_c, &["c@x.jp"]))
        .await;
    assert_eq!(
        (&a["status"], &b["status"], &c["status"]),
        (
            &json!("confirmed"),
            &json!("confirmed"),
            &json!("waitlisted")
        )
    );
    let id = |r: &serde_json::Value| r["id"].as_i64().unwrap();
    let (a_id, b_id, c_id) = (id(&a), id(&b), id(&c));
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let before = smtp.messages().len();

    // At nine, two days before, in Tokyo: once, to the contacts of the confirmed two.
    let event = store::events::by_slug(&app.db, "confirm-day")
        .await
        .unwrap()
        .unwrap();
    let at = ReminderDays::send_time(2, event.spec.starts_at);
    assert_eq!(
        queue_due(&app.db, at - Duration::minutes(1)).await.unwrap(),
        0
    );
    assert_eq!(queue_due(&app.db, at).await.unwrap(), 2);
    assert_eq!(
        queue_due(&app.db, at + Duration::hours(3)).await.unwrap(),
        0,
        "once"
    );
    assert_eq!(deliver_due(&app.db, &mailer, at).await.unwrap().sent, 2);
    let raw = smtp.messages();
    let asked: Vec<Message> = raw[before..].iter().map(|r| parse(r)).collect();
    assert_eq!(asked.len(), 2);
    let contact = |cn: &str| format!("contact-{cn}@example.co.jp");
    let to_a = asked.iter().find(|m| to(m) == contact(&cn_a)).unwrap();
    let to_b = asked.iter().find(|m| to(m) == contact(&cn_b)).unwrap();
    assert!(
        asked.iter().all(|m| to(m) != contact(&cn_c)),
        "the waiting list is not asked"
    );
    assert!(
        to_a.subject().unwrap().starts_with("【ご出席の確認】"),
        "{:?}",
        to_a.subject()
    );
    let text_a = to_a.body_text(0).unwrap();
    assert!(text_a.contains("2日後"), "{text_a}");
    let will_come = link(&text_a, "will_come");
    let cannot_come_b = link(&to_b.body_text(0).unwrap(), "cannot_come");
    assert!(
        will_come.starts_with(&format!("/c/c{a_id}-")),
        "{will_come}"
    );
    assert!(cannot_come_b.starts_with(&format!("/c/c{b_id}-")));
    assert!(
        to_a.body_html(0)
            .unwrap()
            .contains("参加できなくなりました"),
        "both answers in the HTML too"
    );

    // A GET (a mail scanner's prefetch) shows the question and changes nothing.
    let browser_a = Browser::new(&app);
    let (status, page) = browser_a.get(&will_come).await;
    assert_eq!(status, 200);
    assert!(page.contains("参加します"), "{page}");
    let (status, page) = Browser::new(&app).get(&cannot_come_b).await;
    assert_eq!(status, 200);
    assert!(page.contains("キャンセルする"), "{page}");
    // The page in the registrant's language, English and easy Japanese too.
    let (_, page) = Browser::new(&app)
        .get(&format!("{will_come}&lang=en"))
        .await;
    assert!(page.contains("I will come"), "{page}");
    let (_, page) = Browser::new(&app)
        .get(&format!("{cannot_come_b}&lang=ja-x-easy"))
        .await;
    assert!(
        page.contains("行けなくなりました（キャンセルする）"),
        "{page}"
    );
    assert_eq!(answer_of(&app, a_id).await, Some(None));
    assert_eq!(answer_of(&app, b_id).await, Some(None));
    assert_eq!(state_of(&app, b_id).await, SeatState::Confirmed);
    assert_eq!(state_of(&app, c_id).await, SeatState::Waitlisted);

    // A post without the CSRF token is refused.
    let action_a = will_come.split('?').next().unwrap().to_owned();
    let resp = reqwest::Client::new()
        .post(app.url(&action_a))
        .form(&[("answer", "will_come")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 403);
    assert_eq!(answer_of(&app, a_id).await, Some(None));

    // "I will come" is recorded; the seat stays.
    let (status, page, _) = browser_a
        .post(&will_come, &action_a, &[("answer", "will_come")])
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("当日お待ちしております"), "{page}");
    assert_eq!(
        answer_of(&app, a_id).await,
        Some(Some(AttendanceAnswer::WillCome))
    );
    assert_eq!(state_of(&app, a_id).await, SeatState::Confirmed);

    // "I can no longer come" cancels B at once; C moves up and is told.
    let action_b = cannot_come_b.split('?').next().unwrap().to_owned();
    let (status, page, _) = Browser::new(&app)
        .post(&cannot_come_b, &action_b, &[("answer", "cannot_come")])
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("キャンセルしました"), "{page}");
    assert_eq!(
        answer_of(&app, b_id).await,
        Some(Some(AttendanceAnswer::CannotCome))
    );
    assert_eq!(state_of(&app, b_id).await, SeatState::Cancelled);
    assert_eq!(state_of(&app, c_id).await, SeatState::Confirmed);
    let before = smtp.messages().len();
    deliver_due(&app.db, &mailer, Utc::now() + Duration::days(30))
        .await
        .unwrap();
    let raw = smtp.messages();
    let later: Vec<Message> = raw[before..].iter().map(|r| parse(r)).collect();
    let promoted = later
        .iter()
        .find(|m| to(m) == contact(&cn_c))
        .expect("the waiting registrant is told");
    assert!(
        promoted
            .subject()
            .unwrap()
            .contains("キャンセル待ちから繰り上がりました"),
        "{:?}",
        promoted.subject()
    );
    assert!(
        later.iter().any(|m| to(m) == contact(&cn_b)),
        "the cancelled registrant is told too"
    );
    // C now holds a seat: asked at the next look, once (those moved up are the likeliest
    // not to come); B, cancelled, is not asked again.
    assert_eq!(
        queue_due(&app.db, at + Duration::hours(4)).await.unwrap(),
        1
    );
    assert_eq!(
        queue_due(&app.db, at + Duration::hours(5)).await.unwrap(),
        0
    );
    assert_eq!(answer_of(&app, c_id).await, Some(None));

    // A token that is not ours, or one for a registration never asked, is not found.
    let (_, other) = app
        .register(
            "confirm-day",
            company_registration(&corporate_number(91_004), &["d@x.jp"]),
        )
        .await;
    let d_id = id(&other);
    let tampered = format!(
        "{}{}",
        &action_a[..action_a.len() - 1],
        if action_a.ends_with('0') { '1' } else { '0' }
    );
    assert_eq!(browser_a.get(&tampered).await.0, 404);
    let resp = reqwest::Client::new()
        .post(app.url(&tampered))
        .form(&[("answer", "cannot_come")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 404);
    let never_asked = ManageLinks::new(&app.link_key).attendance_token(d_id);
    assert_eq!(browser_a.get(&format!("/c/{never_asked}")).await.0, 404);
    assert_eq!(state_of(&app, a_id).await, SeatState::Confirmed);

    // After the event: A came, C did not. No-shows are attendees holding a seat not checked in.
    use uketsuke::store::entities::event as ev;
    ev::Entity::update_many()
        .col_expr(
            ev::Column::StartsAt,
            sea_orm::sea_query::Expr::value(Utc::now() - Duration::hours(3)),
        )
        .col_expr(
            ev::Column::EndsAt,
            sea_orm::sea_query::Expr::value(Utc::now() - Duration::hours(1)),
        )
        .filter(ev::Column::Id.eq(event.id))
        .exec(&app.db)
        .await
        .unwrap();
    let a_attendee = a["attendees"][0]["id"].as_i64().unwrap();
    let door = app.signed_in("CONF", UserRole::CheckinStaff).await;
    door.post(
        "/admin/events/confirm-day/checkin?q=x",
        &format!("/admin/events/confirm-day/checkin/{a_attendee}"),
        &[],
    )
    .await;
    let (rows, _) = store::roster::page(&app.db, event.id, &Default::default(), 100, 0)
        .await
        .unwrap();
    let by_hand = rows
        .iter()
        .filter(|r| {
            r.status == SeatState::Confirmed
                && r.attendee_status == uketsuke::domain::AttendeeStatus::Active
                && r.checked_in_at.is_none()
        })
        .count();
    assert_eq!(by_hand, 1, "C's attendee: {rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.attendee_id == a_attendee && r.checked_in_at.is_some()),
        "A was checked in"
    );
    let organizer = app.signed_in("CONF", UserRole::Organizer).await;
    let (status, roster) = organizer.get("/admin/events/confirm-day/roster").await;
    assert_eq!(status, 200);
    assert!(roster.contains("出席確認: 参加する"), "{roster}");
    assert!(roster.contains("出席確認: 回答なし"), "C did not answer");
    let (status, page) = organizer.get("/admin/events/confirm-day/report").await;
    assert_eq!(status, 200);
    let count = |id: &str| -> String {
        let marker = format!(r#"id="{id}">"#);
        let start = page.find(&marker).unwrap_or_else(|| panic!("no {id}")) + marker.len();
        page[start..start + page[start..].find('<').unwrap()].to_owned()
    };
    assert_eq!(count("no-shows"), by_hand.to_string());
    // A, B and C (after it moved up) were asked; C did not answer.
    assert_eq!(count("confirm-asked"), "3");
    assert_eq!(count("confirm-will-come"), "1");
    assert_eq!(count("confirm-cannot-come"), "1");
    assert_eq!(count("confirm-no-answer"), "1");
}

/// The value of a form's input, with minijinja's HTML escapes undone.
fn input_value(form: &str, name: &str, kind: &str) -> String {
    crate::helpers::hidden(
        &form.replace(
            &format!(r#"id="{name}" name="{name}" type="{kind}""#),
            &format!(r#"name="{name}""#),
        ),
        name,
    )
}

#[tokio::test]
async fn the_event_form_sets_the_days_before_and_names_a_bad_value_on_its_field() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("CONF", UserRole::Organizer)
        .await;
    app.published_event(&token, "confirm-form", Some(5), None, true)
        .await;
    let organizer = app.signed_in("CONF", UserRole::Organizer).await;
    let edit = "/admin/events/confirm-form/edit";
    let (status, form) = organizer.get(edit).await;
    assert_eq!(status, 200);
    assert!(
        form.contains(r#"id="confirm_days_before""#),
        "the field is there"
    );
    let start = input_value(&form, "starts_at", "datetime-local");
    let end = input_value(&form, "ends_at", "datetime-local");
    let fields = |days: &str| {
        vec![
            ("title_ja", "テスト用セミナー".to_owned()),
            ("title_en", "Test seminar".to_owned()),
            ("description_ja", "説明".to_owned()),
            ("description_en", "About".to_owned()),
            ("starts_at", start.clone()),
            ("ends_at", end.clone()),
            ("venue_name_ja", "都庁第一本庁舎".to_owned()),
            ("venue_address_ja", "東京都新宿区西新宿2-8-1".to_owned()),
            (
                "online_url",
                "https://meet.example.jp/secret-room".to_owned(),
            ),
            ("capacity", "5".to_owned()),
            ("reminder_days", "3,1".to_owned()),
            ("waitlist_enabled", "on".to_owned()),
            ("confirm_days_before", days.to_owned()),
        ]
    };
    let stored = || async {
        store::events::by_slug(&app.db, "confirm-form")
            .await
            .unwrap()
            .unwrap()
            .spec
            .confirm_days_before
    };
    let long = "9".repeat(10_000);
    for bad in ["=cmd", "31", "0x2", "2\n3", "🎉", long.as_str()] {
        let f = fields(bad);
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body, _) = organizer.post(edit, edit, &pairs).await;
        assert_eq!(status, 422, "{bad:?}");
        assert!(
            body.contains(r#"<div class="field has-error"><label for="confirm_days_before">"#),
            "{bad:?}: the error is on its field"
        );
        if bad == "31" {
            assert!(body.contains("出席確認は開催の1〜30日前"), "{body}");
        }
        assert_eq!(stored().await, None, "{bad:?}: nothing saved");
    }
    let f = fields("2");
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = organizer.post(edit, edit, &pairs).await;
    assert_eq!(status, 303);
    assert_eq!(stored().await, Some(2));
    let (_, form) = organizer.get(edit).await;
    assert!(form.contains(r#"name="confirm_days_before" type="text" value="2""#));
    // Emptied, the question is off again.
    let f = fields("");
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(organizer.post(edit, edit, &pairs).await.0, 303);
    assert_eq!(stored().await, None);
    // The API reads what the form stored.
    let (_, event) = app.get_json("/api/v1/events/confirm-form").await;
    assert!(event["confirm_days_before"].is_null(), "{event}");
}
