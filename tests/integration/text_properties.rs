//! A property test of text at the edge: arbitrary hostile strings (control characters, NUL,
//! CR/LF, RTL and bidi marks, combining marks, 4-byte emoji, noncharacters, formula starts,
//! 5,000–15,000 characters) go into every kind of text field — registration, walk-in, event
//! editing, questions, announcements, declarations — on whichever engine the suite runs. Each
//! is either refused with a 422 or stored; everything stored then goes out through the real
//! SMTP receiver, the public .ics, the roster CSV and XLSX, and is read back by their own
//! parsers (mail-parser, icalendar, csv, calamine). The worker still delivers afterwards.
use crate::helpers::{Browser, TestApp, company_registration, corporate_number, jst_in_days};
use crate::smtp::SmtpReceiver;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::json;
use uketsuke::domain::UserRole;
use uketsuke::domain::text::{Lines, clean};

fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\0".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\t".to_owned()),
        Just("\u{1b}[31m".to_owned()),
        Just("\u{85}".to_owned()),
        Just("\u{7f}".to_owned()),
        Just("\u{FFFF}".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("\u{200F}".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{304B}\u{3099}".to_owned()),
        Just("👩‍👩‍👧‍👦".to_owned()),
        Just("𠮷".to_owned()),
        Just("=cmd|' /C calc'!A0".to_owned()),
        Just("+1".to_owned()),
        Just("@SUM(A1)".to_owned()),
        Just("\"".to_owned()),
        Just(";,\\:".to_owned()),
        Just("<b>&amp;".to_owned()),
        Just(" ".to_owned()),
        "[a-zA-Z0-9ぁ-んァ-ヶ一-龠]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        8 => prop::collection::vec(piece, 1..6).prop_map(|v| v.concat()),
        1 => ("[a-z]{1,3}", 5_000usize..15_000).prop_map(|(s, n)| s.repeat(n / s.len().max(1))),
        1 => any::<String>(),
    ]
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Company(&'static str),
    Contact(&'static str),
    Attendee(&'static str),
    Answer,
    EventField(&'static str),
    QuestionLabel,
    Announcement(&'static str),
    Declaration(&'static str),
    WalkIn(&'static str),
}

const TARGETS: &[Target] = &[
    Target::Company("name"),
    Target::Company("city"),
    Target::Company("street"),
    Target::Contact("name"),
    Target::Contact("department"),
    Target::Contact("title"),
    Target::Attendee("name"),
    Target::Attendee("department"),
    Target::Attendee("title"),
    Target::Answer,
    Target::EventField("title_ja"),
    Target::EventField("description_ja"),
    Target::EventField("venue_name_ja"),
    Target::QuestionLabel,
    Target::Announcement("subject_ja"),
    Target::Announcement("body_ja"),
    Target::Declaration("statement"),
    Target::WalkIn("name"),
    Target::WalkIn("company"),
];

impl Target {
    fn lines(self) -> Lines {
        match self {
            Target::Answer
            | Target::EventField("description_ja")
            | Target::Announcement("body_ja")
            | Target::Declaration("statement") => Lines::Many,
            _ => Lines::One,
        }
    }
}

/// What the text rules say of a value: refused (`Err`), or kept as this.
fn expected(value: &str, lines: Lines) -> Result<String, ()> {
    clean(value.trim(), lines).map_err(|_| ())
}

#[tokio::test]
async fn hostile_text_is_refused_or_survives_every_output() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("PROP", UserRole::Organizer)
        .await;
    app.published_event(&token, "prop", None, None, false).await;
    let question =
        json!({"kind": "text", "label_ja": "ご質問", "label_en": "Questions", "required": false});
    let (status, questions) = app
        .api(
            "POST",
            "/events/prop/questions",
            Some(&token),
            Some(question),
        )
        .await;
    assert_eq!(status, 201, "{questions}");
    let question_id = questions[0]["id"].as_i64().unwrap();
    let scheme = json!({
        "slug": "prop-rule", "title_ja": "宣言", "title_en": "Declaration",
        "description_ja": "宣言してください。", "description_en": "Declare.",
        "programme_area": "telework", "kind": "declaration", "format": "online",
        "starts_at": jst_in_days(1, 0), "ends_at": jst_in_days(120, 0), "languages": ["ja", "en"]
    });
    assert_eq!(
        app.api("POST", "/events", Some(&token), Some(scheme))
            .await
            .0,
        201
    );
    app.api("POST", "/events/prop-rule/publish", Some(&token), None)
        .await;
    let door = app.signed_in("PROP", UserRole::Organizer).await;

    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[13; 32]),
    );
    let cases = (0..TARGETS.len(), hostile());
    // Names that were accepted, to find in the exports and the mail afterwards.
    let mut names = Vec::new();
    let mut accepted = 0;
    let mut tally = std::collections::BTreeMap::<String, (u32, u32)>::new();
    for case in 0..300u64 {
        let (t, value) = cases.new_tree(&mut runner).unwrap().current();
        let target = TARGETS[t];
        let want = expected(&value, target.lines());
        let (status, stored) = submit(&app, &token, &door, target, &value, question_id, case).await;
        assert!(
            status == 422 || (200..400).contains(&status),
            "{target:?} {value:?}: {status}"
        );
        if want.is_err() {
            assert_eq!(status, 422, "{target:?} {value:?} must be refused");
        }
        let seen = tally.entry(format!("{target:?}")).or_default();
        if status == 422 {
            seen.1 += 1
        } else {
            seen.0 += 1
        }
        if status != 422 {
            accepted += 1;
            let want = want.unwrap_or_else(|_| panic!("{target:?} {value:?} was accepted"));
            if let Some(stored) = stored {
                assert_eq!(stored, want, "{target:?} stored as the rules say");
            }
            if matches!(target, Target::Attendee("name")) {
                names.push(want.clone());
            }
            if let Target::EventField("title_ja") = target {
                let ics = app.get_html("/events/prop.ics", None).await.1;
                let summary = read_ics(&ics)
                    .into_iter()
                    .find_map(|(k, v)| (k == "SUMMARY").then_some(v))
                    .unwrap();
                assert_eq!(summary, want, "the calendar reads the title back");
            }
        }
    }
    // (stored, refused) per field, for whoever reads the output.
    println!("text cases per field (stored, refused): {tally:?}");
    assert!(
        accepted > 10,
        "enough cases reached the outputs: {accepted}"
    );

    // Every message goes out and reads back.
    let smtp = SmtpReceiver::start();
    app.drain(&app.mailer(smtp.port)).await;
    let counts = uketsuke::store::outbox::status_counts(&app.db)
        .await
        .unwrap();
    assert!(
        counts.iter().all(|(s, _)| s == "sent"),
        "every message sent: {counts:?}"
    );
    let messages = smtp.messages();
    assert!(!messages.is_empty());
    for raw in &messages {
        let m = mail_parser::MessageParser::default()
            .parse(raw)
            .expect("a parsable message");
        assert!(m.subject().is_some_and(|s| !s.contains(['\r', '\n'])));
        assert!(m.body_text(0).is_some() && m.body_html(0).is_some());
        for part in &m.parts {
            use mail_parser::MimeHeaders;
            if part
                .content_type()
                .is_some_and(|c| c.subtype() == Some("calendar"))
            {
                let ics = String::from_utf8(part.contents().to_vec()).unwrap();
                assert!(!read_ics(&ics).is_empty());
            }
        }
    }
    for name in &names {
        assert!(
            messages.iter().any(|raw| {
                let m = mail_parser::MessageParser::default().parse(raw).unwrap();
                m.body_text(0).is_some_and(|t| t.contains(name.as_str()))
            }),
            "{name:?} in an email"
        );
    }

    // The roster as CSV and as a workbook, read by their own parsers.
    let csv_bytes = door
        .client
        .get(app.url("/admin/events/prop/roster.csv"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let text = std::str::from_utf8(&csv_bytes).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let csv_names: Vec<String> = reader
        .records()
        .map(|r| r.expect("a CSV record")[3].to_owned())
        .collect();
    let xlsx = door
        .client
        .get(app.url("/admin/events/prop/roster.xlsx"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec();
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("名簿").expect("the roster sheet");
    let xlsx_names: Vec<String> = sheet.rows().skip(1).map(|r| r[3].to_string()).collect();
    for name in &names {
        let found = |cells: &[String]| {
            cells
                .iter()
                .any(|c| c == name || c.strip_prefix('\'') == Some(name.as_str()))
        };
        assert!(found(&csv_names), "{name:?} in the CSV");
        assert!(found(&xlsx_names), "{name:?} in the XLSX");
    }

    // And the worker still delivers.
    let (status, _) = app
        .register(
            "prop",
            company_registration(&corporate_number(89_999), &["after@prop.example.jp"]),
        )
        .await;
    assert_eq!(status, 201);
    assert!(app.drain(&app.mailer(smtp.port)).await > 0);
}

/// Sends `value` into one field; returns the status and, where the answer shows it, the value
/// as stored.
async fn submit(
    app: &TestApp,
    token: &str,
    door: &Browser,
    target: Target,
    value: &str,
    question_id: i64,
    case: u64,
) -> (u16, Option<String>) {
    let mut body = company_registration(
        &corporate_number(88_000 + case),
        &[&format!("a{case}@prop.example.jp")],
    );
    match target {
        Target::Company(f) => body["company"][f] = json!(value),
        Target::Contact(f) => body["contact"][f] = json!(value),
        Target::Attendee(f) => body["attendees"][0][f] = json!(value),
        Target::Answer => {
            body["answers"] = json!([{"question_id": question_id, "values": [value]}]);
        }
        Target::Declaration(f) => {
            body.as_object_mut().unwrap().remove("attendees");
            body["declaration"] = json!({"commitments": ["telework"], "statement": "宣言します。"});
            body["declaration"][f] = json!(value);
            let (status, answer) = app.register("prop-rule", body).await;
            return (status, answer["declaration"][f].as_str().map(str::to_owned));
        }
        Target::EventField(f) => {
            let (status, answer) = app
                .api(
                    "PATCH",
                    "/events/prop",
                    Some(token),
                    Some(json!({ f: value })),
                )
                .await;
            return (status, answer[f].as_str().map(str::to_owned));
        }
        Target::QuestionLabel => {
            let q =
                json!({"kind": "text", "label_ja": value, "label_en": "Label", "required": false});
            let (status, answer) = app
                .api("POST", "/events/prop/questions", Some(token), Some(q))
                .await;
            let stored = answer.as_array().and_then(|list| {
                list.last()
                    .and_then(|q| q["label_ja"].as_str().map(str::to_owned))
            });
            return (status, stored);
        }
        Target::Announcement(f) => {
            let mut a = json!({"subject_ja": "お知らせ", "body_ja": "本文です。"});
            a[f] = json!(value);
            let (status, answer) = app
                .api("POST", "/events/prop/announcements", Some(token), Some(a))
                .await;
            return (status, answer[f].as_str().map(str::to_owned));
        }
        Target::WalkIn(f) => {
            let email = format!("walk{case}@prop.example.jp");
            let mut fields = vec![
                ("name", "当日 太郎"),
                ("kana", "トウジツ タロウ"),
                ("company", "株式会社当日"),
                ("email", email.as_str()),
                ("consent", "on"),
            ];
            for (k, v) in fields.iter_mut() {
                if *k == f {
                    *v = value;
                }
            }
            let (status, _, _) = door
                .post(
                    "/admin/events/prop/checkin",
                    "/admin/events/prop/walkin",
                    &fields,
                )
                .await;
            return (status, None);
        }
    }
    let (status, answer) = app.register("prop", body).await;
    let stored = match target {
        Target::Company(f) => answer["company"][f].as_str(),
        Target::Contact(f) => answer["contact"][f].as_str(),
        Target::Attendee(f) => answer["attendees"][0][f].as_str(),
        _ => None,
    };
    (status, stored.map(str::to_owned))
}

/// The VEVENT properties of a calendar, unescaped by an independent parser.
fn read_ics(ics: &str) -> Vec<(String, String)> {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a parsable calendar");
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .flat_map(|c| {
            c.properties
                .iter()
                .map(|p| (p.name.to_string(), p.val.to_string()))
        })
        .collect()
}
