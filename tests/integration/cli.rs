//! The binary as operators and their scripts use it: exit codes, one-line reasons, tokens,
//! graceful shutdown.
use crate::helpers::TestApp;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) fn uketsuke(db_url: Option<&str>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_uketsuke"));
    cmd.env_remove("RUST_LOG")
        .env("UKETSUKE_ENV", "test")
        .env_remove("UKETSUKE__DATABASE__URL");
    if let Some(url) = db_url {
        cmd.env("UKETSUKE__DATABASE__URL", url);
    }
    cmd
}

/// Runs to the end; returns (exit code, stdout, stderr).
pub(crate) fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn one_line_reason(stderr: &str) -> &str {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line, got: {stderr}");
    assert!(lines[0].starts_with("uketsuke: "), "{stderr}");
    lines[0]
}

#[tokio::test]
async fn a_user_added_on_the_command_line_gets_a_working_token() {
    let app = TestApp::spawn().await;
    let url = app.db_url.clone();
    let (code, out, err) = run(uketsuke(Some(&url)).args([
        "org",
        "add",
        "--code",
        "tcci",
        "--kind",
        "tcci",
        "--name-ja",
        "東京商工会議所",
        "--name-en",
        "Tokyo Chamber of Commerce and Industry",
    ]));
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run(uketsuke(Some(&url)).args([
        "user",
        "add",
        "--org",
        "TCCI",
        "--email",
        "Staff@TCCI.example.jp",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("staff@tcci.example.jp") || out.contains("Staff@tcci.example.jp"));
    assert!(
        out.contains("password: "),
        "a generated password is shown once"
    );
    let token = out
        .lines()
        .find_map(|l| l.strip_prefix("API token (shown once): "))
        .expect("token printed")
        .to_owned();

    let (status, body) = app
        .api("GET", "/organizer/events", Some(&token), None)
        .await;
    assert_eq!((status, body.as_array().map(|a| a.len())), (200, Some(0)));

    // Same email twice, or an unknown organization: refused with a one-line reason.
    let (code, _, err) = run(uketsuke(Some(&url)).args([
        "user",
        "add",
        "--org",
        "TCCI",
        "--email",
        "Staff@TCCI.example.jp",
    ]));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("exists already"));
    let (code, _, err) =
        run(uketsuke(Some(&url)).args(["user", "add", "--org", "NOPE", "--email", "a@example.jp"]));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("no organization with the code NOPE"));
}

#[test]
fn bad_configuration_and_unreachable_database_exit_non_zero_with_one_line() {
    let (code, _, err) = run(uketsuke(None).arg("migrate").env("UKETSUKE_ENV", "staging"));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("UKETSUKE_ENV"));

    let (code, _, err) = run(uketsuke(None)
        .arg("migrate")
        .env("UKETSUKE__DATABASE__SQLITE_SYNCHRONOUS", "SOMETIMES"));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("invalid configuration"));

    let (code, _, err) =
        run(uketsuke(Some("postgres://postgres@127.0.0.1:1/nowhere")).arg("migrate"));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("cannot connect to the database"));

    // Production refuses the development secrets that ship in config/default.toml.
    let (code, _, err) = run(uketsuke(None)
        .arg("migrate")
        .env("UKETSUKE_ENV", "production"));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("refusing to run in production"));
    let (code, _, err) = run(uketsuke(None)
        .arg("migrate")
        .env("UKETSUKE_ENV", "production")
        .env("UKETSUKE__SECRETS__SESSION_KEY", "x".repeat(40))
        .env("UKETSUKE__SECRETS__CSRF_KEY", "short"));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("csrf_key must be at least 32 characters"));
}

#[test]
fn production_refuses_to_serve_with_one_key_for_all_three_secrets() {
    let dir = tempfile::tempdir().unwrap();
    // Random-looking (`openssl rand -hex 32`), but the same for all three.
    let key = "3f9a1c7e5b2d48f6a0e9c3b7d1f5a8e2c4b6d0f9e7a3c5b1d8f2e6a4c0b9d7e1";
    let (code, out, err) = run(uketsuke(None)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .current_dir(dir.path())
        .env("UKETSUKE_ENV", "production")
        .env("UKETSUKE__SECRETS__SESSION_KEY", key)
        .env("UKETSUKE__SECRETS__CSRF_KEY", key)
        .env("UKETSUKE__SECRETS__LINK_KEY", key));
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        one_line_reason(&err),
        "uketsuke: secrets.csrf_key must differ from secrets.session_key: \
         set UKETSUKE__SECRETS__CSRF_KEY to a key of its own"
    );

    // Three distinct keys, one of them a pattern: refused too, naming its variable.
    let (code, _, err) = run(uketsuke(None)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .current_dir(dir.path())
        .env("UKETSUKE_ENV", "production")
        .env("UKETSUKE__SECRETS__SESSION_KEY", key)
        .env("UKETSUKE__SECRETS__CSRF_KEY", "0123456789".repeat(4))
        .env(
            "UKETSUKE__SECRETS__LINK_KEY",
            key.chars().rev().collect::<String>(),
        ));
    assert_eq!(code, 1);
    let reason = one_line_reason(&err);
    assert!(
        reason.contains("secrets.csrf_key is a pattern")
            && reason.contains("UKETSUKE__SECRETS__CSRF_KEY"),
        "{reason}"
    );
}

#[test]
fn relative_sqlite_path_resolves_against_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(uketsuke(None).arg("migrate").current_dir(dir.path()));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("up to date"));
    assert!(
        dir.path().join("var/uketsuke.db").is_file(),
        "var/ created in the working directory"
    );
}

#[test]
fn a_taken_port_is_reported_and_sigterm_stops_the_server_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (code, _, err) = run(uketsuke(None)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .current_dir(dir.path()));
    assert_eq!(code, 1);
    assert!(one_line_reason(&err).contains("cannot listen on"));

    let mut child = uketsuke(None)
        .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut printed = String::new();
    let mut addr = None;
    for line in stdout.lines() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if let Some(rest) = line.strip_prefix("uketsuke is listening on http://") {
            addr = Some(rest.split_whitespace().next().unwrap().to_owned());
            break;
        }
    }
    let addr = addr.unwrap_or_else(|| panic!("no listening line in: {printed}"));
    assert!(
        printed.contains("API token: uk_"),
        "--demo prints a login: {printed}"
    );

    let body = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            reqwest::get(format!("http://{addr}/events"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        })
    })
    .join()
    .unwrap();
    assert!(body.contains("ライフ・ワーク・バランスEXPO東京"));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "a clean exit on SIGTERM, got {status}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A SIGTERM the moment the server says it listens (a supervisor restarting it at once) stops
/// it cleanly: the handlers are installed before the line is printed, not when the server
/// first looks at them.
#[test]
fn a_sigterm_right_after_the_listening_line_still_stops_the_server_cleanly() {
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let mut child = uketsuke(None)
            .args(["serve", "--bind", "127.0.0.1:0"])
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        for line in stdout.lines() {
            if line.unwrap().starts_with("uketsuke is listening on") {
                break;
            }
        }
        let status = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "a clean exit on SIGTERM, got {status}");
                break;
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
