//! The calendar objects of real mail flows, checked by independent software: each is stored in a
//! real CalDAV server (Radicale, from PyPI) and parsed by Python's `icalendar`. A CalDAV server
//! refuses an object holding two UIDs (RFC 4791 §4.1), which is what an EXPO confirmation used
//! to carry; so every object must hold one UID, with the method the message means.
//!
//! Radicale and icalendar come from the virtualenv `.ci/run` makes (`target/caldav-venv`), or
//! from `UKETSUKE_CALDAV_PYTHON`, or from `python3` on the PATH. Without them the test is skipped
//! and says so, unless `UKETSUKE_REQUIRE_CALDAV=1` (set by `.ci/run`) makes that a failure.
use crate::helpers::{TestApp, company_registration, corporate_number};
use crate::smtp::SmtpReceiver;
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::{Value, json};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn required() -> bool {
    std::env::var("UKETSUKE_REQUIRE_CALDAV").is_ok_and(|v| v == "1")
}

/// A Python that has both `radicale` and `icalendar`.
fn python() -> Option<PathBuf> {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/caldav-venv/bin/python");
    let candidates = std::env::var_os("UKETSUKE_CALDAV_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .chain([venv, PathBuf::from("python3")]);
    for python in candidates {
        let ok = Command::new(&python)
            .args(["-c", "import radicale, icalendar"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(python);
        }
    }
    None
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Radicale on a free port with a storage folder of its own and no authentication, and one
/// calendar collection in it; stopped when dropped.
struct Radicale {
    child: Child,
    calendar: String,
    client: reqwest::Client,
    _storage: tempfile::TempDir,
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Radicale {
    async fn start(python: &PathBuf) -> Radicale {
        let storage = tempfile::tempdir().unwrap();
        let port = free_port();
        let child = Command::new(python)
            .args(["-m", "radicale", "--config", ""])
            .arg(format!(
                "--storage-filesystem-folder={}",
                storage.path().join("collections").display()
            ))
            .arg("--auth-type=none")
            .arg(format!("--server-hosts=127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("radicale starts");
        let client = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        let mut radicale = Radicale {
            child,
            calendar: format!("{base}/uketsuke/calendar/"),
            client,
            _storage: storage,
        };
        let mut up = false;
        for _ in 0..100 {
            if radicale.client.get(&base).send().await.is_ok() {
                up = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(up, "radicale answers on {base}");
        let status = radicale
            .request("MKCOL", &format!("{base}/uketsuke/"))
            .send()
            .await
            .unwrap()
            .status();
        assert!(status.is_success(), "MKCOL: {status}");
        let status = radicale
            .request("MKCALENDAR", &radicale.calendar.clone())
            .send()
            .await
            .unwrap()
            .status();
        assert!(status.is_success(), "MKCALENDAR: {status}");
        if let Some(s) = radicale.child.try_wait().unwrap() {
            panic!("radicale exited: {s}");
        }
        radicale
    }

    fn request(&self, method: &str, url: &str) -> reqwest::RequestBuilder {
        self.client
            .request(reqwest::Method::from_bytes(method.as_bytes()).unwrap(), url)
    }

    /// Stores `text` as a client would: under a name made from its UID, so a later version of
    /// the same entry replaces the earlier one. Returns the HTTP status.
    async fn put(&self, uid: &str, text: &str) -> u16 {
        let name: String = uid
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        self.request("PUT", &format!("{}{name}.ics", self.calendar))
            .header("content-type", "text/calendar; charset=utf-8")
            .body(stored(text))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }
}

/// What a CalDAV client stores of a received object: the same text without its METHOD line,
/// which a calendar object resource must not have (RFC 4791 §4.1). Nothing else is removed.
fn stored(text: &str) -> String {
    text.split_inclusive("\r\n")
        .filter(|line| !line.starts_with("METHOD:"))
        .collect()
}

/// What Python's `icalendar` reads in one calendar object.
#[derive(Debug)]
struct Parsed {
    method: String,
    uids: Vec<String>,
    statuses: Vec<String>,
    attendees: usize,
}

fn parse_with_icalendar(python: &PathBuf, text: &str) -> Parsed {
    const SCRIPT: &str = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = list(cal.walk("VEVENT"))
print(json.dumps({
    "method": str(cal.get("METHOD", "")),
    "uids": sorted({str(e["UID"]) for e in events}),
    "statuses": [str(e.get("STATUS", "")) for e in events],
    "attendees": sum(len(e.get("ATTENDEE", [])) if isinstance(e.get("ATTENDEE"), list) else (1 if e.get("ATTENDEE") else 0) for e in events),
}))
"#;
    let mut child = Command::new(python)
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "icalendar refuses the object: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let strings = |k: &str| -> Vec<String> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    Parsed {
        method: v["method"].as_str().unwrap().to_owned(),
        uids: strings("uids"),
        statuses: strings("statuses"),
        attendees: v["attendees"].as_u64().unwrap() as usize,
    }
}

/// One calendar object as a message carries it.
#[derive(Debug, Clone)]
struct Object {
    method: String,
    uid: String,
    text: String,
}

/// The calendar objects of one message: its `.ics` attachments (with one object, the inline
/// `text/calendar` part holds the same text as `invite.ics`). Each is parsed with icalendar:
/// one UID, the METHOD its MIME part names, CANCEL objects cancelled and REQUESTs confirmed.
fn objects_of(python: &PathBuf, raw: &[u8]) -> Vec<Object> {
    let message = MessageParser::default().parse(raw).unwrap();
    let files: Vec<_> = message
        .attachments()
        .filter(|a| a.attachment_name().is_some_and(|n| n.ends_with(".ics")))
        .collect();
    let inline: Vec<_> = message
        .parts
        .iter()
        .filter(|p| {
            p.attachment_name().is_none()
                && p.content_type()
                    .is_some_and(|c| c.ctype() == "text" && c.subtype() == Some("calendar"))
        })
        .collect();
    let mut objects = Vec::new();
    for file in &files {
        let text = String::from_utf8(file.contents().to_vec()).unwrap();
        let parsed = parse_with_icalendar(python, &text);
        assert_eq!(parsed.uids.len(), 1, "one UID per object: {text}");
        assert_eq!(parsed.statuses.len(), 1, "one VEVENT per object: {text}");
        let method = parsed.method.clone();
        assert!(method == "REQUEST" || method == "CANCEL", "{method}");
        let status = if method == "CANCEL" {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        assert_eq!(parsed.statuses, [status], "{text}");
        assert_eq!(parsed.attendees, 1, "the recipient is the attendee: {text}");
        // Several objects travel as text/calendar attachments naming their method.
        if files.len() > 1 {
            let ct = file.content_type().unwrap();
            assert_eq!(
                (ct.ctype(), ct.subtype(), ct.attribute("method")),
                ("text", Some("calendar"), Some(method.as_str()))
            );
        }
        objects.push(Object {
            method,
            uid: parsed.uids[0].clone(),
            text,
        });
    }
    // One object: also inline in the alternative part, with its method (what Outlook reads).
    match objects.as_slice() {
        [one] => {
            assert_eq!(inline.len(), 1, "one inline text/calendar part");
            assert_eq!(
                inline[0].content_type().unwrap().attribute("method"),
                Some(one.method.as_str())
            );
            let lines = |t: &str| t.replace("\r\n", "\n");
            assert_eq!(inline[0].text_contents().map(lines), Some(lines(&one.text)));
        }
        _ => assert!(inline.is_empty(), "several objects: none inline"),
    }
    objects
}

/// The messages to `to` among `raw`.
fn to<'a>(raw: &'a [Vec<u8>], to: &str) -> Vec<&'a Vec<u8>> {
    raw.iter()
        .filter(|m| {
            let message = MessageParser::default().parse(m.as_slice()).unwrap();
            message
                .to()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .is_some_and(|a| a == to)
        })
        .collect()
}

#[tokio::test]
async fn every_calendar_object_from_the_mail_is_stored_by_a_caldav_server() {
    let Some(python) = python() else {
        assert!(
            !required(),
            "UKETSUKE_REQUIRE_CALDAV=1 but no Python with radicale and icalendar \
             (python3 -m venv target/caldav-venv && target/caldav-venv/bin/pip install radicale icalendar)"
        );
        eprintln!("SKIPPED: Radicale and icalendar are not installed (see .ci/run)");
        return;
    };
    let radicale = Radicale::start(&python).await;
    let (app, tokens) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    // The demo's own confirmations go first; each step below reads only what it sent.
    app.drain(&mailer).await;
    let mut seen = smtp.messages().len();
    let mut next = |all: Vec<Vec<u8>>| {
        let new = all[seen..].to_vec();
        seen = all.len();
        new
    };

    // The old form, one object with two UIDs, is refused: the checks below can fail.
    let two = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
        BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261201T010000Z\r\nSUMMARY:a\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:b@test\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261201T020000Z\r\nSUMMARY:b\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let status = radicale.put("two-uids", two).await;
    assert!(
        (400..500).contains(&status),
        "Radicale refuses two UIDs in one object: {status}"
    );

    // A seminar: one object, a REQUEST for the event.
    app.published_event(&tokens.tmg, "caldav-seminar", Some(40), None, false)
        .await;
    let cn = corporate_number(70_001);
    let contact = format!("contact-{cn}@example.co.jp");
    let (status, reg) = app
        .register("caldav-seminar", company_registration(&cn, &[&contact]))
        .await;
    assert_eq!(status, 201, "{reg}");
    app.drain(&mailer).await;
    let raw = next(smtp.messages());
    let mail = to(&raw, &contact);
    assert_eq!(mail.len(), 1);
    let seminar = objects_of(&python, mail[0]);
    assert_eq!(seminar.len(), 1);
    assert_eq!(seminar[0].method, "REQUEST");
    assert!(seminar[0].uid.contains("-event-caldav-seminar@"));
    let mut stored_objects = seminar.clone();

    // The EXPO with three talks: three objects, each a REQUEST for one session.
    let (status, sessions) = app.get_json("/api/v1/events/lwb-expo/sessions").await;
    assert_eq!(status, 200, "{sessions}");
    let id = |i: usize| sessions[i]["id"].as_i64().unwrap();
    let (keynote, workshop, cases) = (id(0), id(1), id(3));
    let cn = corporate_number(70_002);
    let contact = format!("contact-{cn}@example.co.jp");
    let mut body = company_registration(&cn, &[&contact]);
    body["sessions"] = json!([keynote, workshop, cases]);
    let (status, reg) = app.register("lwb-expo", body).await;
    assert_eq!(status, 201, "{reg}");
    let token = reg["manage_token"].as_str().unwrap().to_owned();
    app.drain(&mailer).await;
    let raw = next(smtp.messages());
    let mail = to(&raw, &contact);
    assert_eq!(mail.len(), 1);
    let expo = objects_of(&python, mail[0]);
    assert_eq!(expo.len(), 3, "{expo:?}");
    assert!(expo.iter().all(|o| o.method == "REQUEST"));
    let uid_of = |session: i64| {
        expo.iter()
            .find(|o| o.uid.contains(&format!("-session-{session}@")))
            .unwrap_or_else(|| panic!("session {session} in {expo:?}"))
            .uid
            .clone()
    };
    let workshop_uid = uid_of(workshop);
    stored_objects.extend(expo.iter().cloned());

    // Dropping the workshop: a CANCEL of its UID, REQUESTs for the two kept.
    let (status, changed) = app
        .api(
            "PATCH",
            &format!("/registrations/{token}"),
            None,
            Some(json!({ "sessions": [keynote, cases] })),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    app.drain(&mailer).await;
    let raw = next(smtp.messages());
    let mail = to(&raw, &contact);
    assert_eq!(mail.len(), 1);
    let change = objects_of(&python, mail[0]);
    let cancels: Vec<&Object> = change.iter().filter(|o| o.method == "CANCEL").collect();
    assert_eq!(cancels.len(), 1, "{change:?}");
    assert_eq!(cancels[0].uid, workshop_uid);
    let mut kept: Vec<&str> = change
        .iter()
        .filter(|o| o.method == "REQUEST")
        .map(|o| o.uid.as_str())
        .collect();
    kept.sort_unstable();
    let mut expected = vec![uid_of(keynote), uid_of(cases)];
    expected.sort_unstable();
    assert_eq!(kept, expected);
    stored_objects.extend(change.iter().cloned());

    // The registrant's own download may hold both sessions in one file: it is a PUBLISH (a copy
    // to keep), names no attendee, and uses the invitations' UIDs.
    let download = app
        .client
        .get(app.url(&format!("/r/{token}/calendar.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let parsed = parse_with_icalendar(&python, &download);
    assert_eq!(parsed.method, "PUBLISH", "{download}");
    assert_eq!(parsed.uids, expected, "{download}");
    assert_eq!(parsed.attendees, 0, "{download}");

    // Cancelling the registration: a CANCEL for each session, each its own object.
    let (status, _) = app
        .api("DELETE", &format!("/registrations/{token}"), None, None)
        .await;
    assert!((200..300).contains(&status), "{status}");
    app.drain(&mailer).await;
    let raw = next(smtp.messages());
    let mail = to(&raw, &contact);
    assert_eq!(mail.len(), 1);
    let cancelled = objects_of(&python, mail[0]);
    assert!(cancelled.len() >= 2, "{cancelled:?}");
    assert!(cancelled.iter().all(|o| o.method == "CANCEL"));
    for uid in &expected {
        assert!(cancelled.iter().any(|o| &o.uid == uid), "{uid} cancelled");
    }
    stored_objects.extend(cancelled.iter().cloned());

    // Radicale stores every one, in the order they arrived (updates replace earlier copies).
    for object in &stored_objects {
        let status = radicale.put(&object.uid, &object.text).await;
        assert!(
            (200..300).contains(&status),
            "Radicale refused {} {} ({status}):\n{}",
            object.method,
            object.uid,
            object.text
        );
    }
}
