//! Certification schemes (the LWB certified-company scheme): the organizer sets a call's
//! categories in the back-office; a company applies with real documents over a multipart
//! form (a `.pdf` that is really HTML and an oversize file are refused on the field, with
//! what was typed kept); documents go to the company and the organizer's reviewers only, each
//! download logged and audited; reviewers score and decide per category; the company is
//! emailed; the public list shows the company once certified, and not before.
use crate::helpers::{TestApp, corporate_number, hidden, jst_in_days};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get};
use mail_parser::MessageParser;
use serde_json::json;
use uketsuke::domain::UserRole;

/// A small but real PDF (one page, one line of text).
const PDF: &[u8] = b"%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Root 1 0 R >>
%%EOF
";

/// The eight bytes every PNG starts with, and a little more.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

/// A `multipart/form-data` body as a browser sends it: the text fields, then the files.
fn multipart(fields: &[(String, String)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----uketsukeTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, filename, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_multipart(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
    files: &[(&str, &str, &[u8])],
) -> (u16, String, Option<String>) {
    let (content_type, body) = multipart(fields, files);
    let resp = client
        .post(app.url(path))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let location = resp
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    (resp.status().as_u16(), resp.text().await.unwrap(), location)
}

/// The first number after `prefix` in `html`.
fn id_after(html: &str, prefix: &str) -> String {
    let start = html
        .find(prefix)
        .unwrap_or_else(|| panic!("{prefix} in {html}"))
        + prefix.len();
    html[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[tokio::test]
async fn a_company_applies_with_a_pdf_is_scored_certified_and_listed() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let deliver = || async {
        uketsuke::mail::worker::deliver_due(&app.db, &mailer, chrono::Utc::now())
            .await
            .unwrap();
    };
    let token = app.organization_with_user("LWB", UserRole::Organizer).await;
    let call = json!({
        "slug": "lwb-call", "title_ja": "ライフ・ワーク・バランス認定企業 募集", "title_en": "LWB certification call",
        "description_ja": "申請してください。", "description_en": "Apply.",
        "programme_area": "life_work_balance", "kind": "certification", "format": "online",
        "starts_at": jst_in_days(1, 0), "ends_at": jst_in_days(120, 0), "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(call)).await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/lwb-call/publish", Some(&token), None)
        .await;

    // Until its categories are set, the call's form takes nothing.
    let (status, form) = app.get_html("/events/lwb-call/register", None).await;
    assert_eq!(status, 200);
    assert!(
        form.contains("募集部門の準備中です")
            && !form.contains("<form method=\"post\" action=\"/events/lwb-call/register\""),
        "{form}"
    );

    // The organizer sets the categories and the validity; a bad line is named.
    let organizer = app.signed_in("LWB", UserRole::Organizer).await;
    let review = "/admin/events/lwb-call/certification";
    let (status, page) = organizer.get(review).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("まだ設定されていません"), "{page}");
    let (status, page, _) = organizer
        .post(
            review,
            &format!("{review}/call"),
            &[
                ("categories", "Child Care / 育児 / Childcare"),
                ("valid_from", "2027-04-01"),
                ("valid_until", "2029-03-31"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("半角英小文字") && page.contains("Child Care"),
        "{page}"
    );
    let (status, _, _) = organizer
        .post(
            review,
            &format!("{review}/call"),
            &[
                (
                    "categories",
                    "childcare / 育児・介護との両立推進部門 / Childcare and caregiving\nworkstyle / 働き方・休み方改革部門 / How people work and rest",
                ),
                ("valid_from", "2027-04-01"),
                ("valid_until", "2029-03-31"),
            ],
        )
        .await;
    assert_eq!(status, 303);

    // The form offers the categories and takes files.
    let hanako = browser("ja");
    let (status, form) = get(&hanako, &app, "/events/lwb-call/register").await;
    assert_eq!(status, 200);
    assert!(form.contains(r#"enctype="multipart/form-data""#), "{form}");
    assert!(
        form.contains(r#"name="certification.categories" value="childcare""#)
            && form.contains("育児・介護との両立推進部門")
            && form.contains(r#"type="file""#),
        "{form}"
    );
    let cn = corporate_number(95_001);
    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &cn,
        &[],
    );
    fields.push(("certification.categories".into(), "childcare".into()));
    fields.push(("certification.categories".into(), "workstyle".into()));
    let measures = "ノー残業デーを毎週水曜に実施。\n育児短時間勤務を小学校卒業まで延長。";
    fields.push(("certification.measures".into(), measures.into()));

    // An HTML page named .pdf is refused by its content; what was typed stays.
    let html_as_pdf: &[u8] = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
    let (status, page, _) = post_multipart(
        &hanako,
        &app,
        "/events/lwb-call/register",
        &fields,
        &[("certification.documents", "plan.pdf", html_as_pdf)],
    )
    .await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("certification.documents-error")
            && page.contains("plan.pdf")
            && page.contains("PDF、PNG、JPEG のいずれでもありません"),
        "{page}"
    );
    assert!(
        page.contains("ノー残業デーを毎週水曜に実施。"),
        "kept: {page}"
    );
    assert!(
        page.contains(r#"value="workstyle" checked"#),
        "kept: {page}"
    );
    assert!(page.contains("株式会社みらい製作所"), "kept: {page}");

    // A file over 5 MB is refused on the field too; the form is shown again.
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(5 * 1024 * 1024 + 1, b'0');
    let (status, page, _) = post_multipart(
        &hanako,
        &app,
        "/events/lwb-call/register",
        &fields,
        &[("certification.documents", "big.pdf", &big)],
    )
    .await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("「big.pdf」は大きすぎます") && page.contains("5 MB"),
        "{page}"
    );
    assert!(page.contains("ノー残業デーを毎週水曜に実施。"));
    // 10,000 characters of measures are too many; emoji are text like any other.
    let mut long = fields.clone();
    long.retain(|(k, _)| k != "certification.measures");
    long.push(("certification.measures".into(), "🌱".repeat(10_000)));
    let (status, page, _) = post_multipart(
        &hanako,
        &app,
        "/events/lwb-call/register",
        &long,
        &[("certification.documents", "a.pdf", PDF)],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("certification.measures-error"), "{page}");
    // No file at all, and a NUL in the measures: each named on its field.
    let mut nul = fields.clone();
    nul.retain(|(k, _)| k != "certification.measures");
    nul.push(("certification.measures".into(), "a\0b".into()));
    let (status, page, _) =
        post_multipart(&hanako, &app, "/events/lwb-call/register", &nul, &[]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("certification.measures-error")
            && page.contains("書類を1つ以上添付してください"),
        "{page}"
    );

    // Not listed before anything is decided (nor after applying).
    let (_, public) = app.get_html("/certified", None).await;
    assert!(!public.contains("株式会社みらい製作所"));

    // A real PDF and a PNG whose name tries a path and a header break.
    let (status, page, location) = post_multipart(
        &hanako,
        &app,
        "/events/lwb-call/register",
        &fields,
        &[
            ("certification.documents", "取組計画.pdf", PDF),
            ("certification.documents", "../../写真;x.pdf", PNG),
        ],
    )
    .await;
    assert_eq!(status, 303, "{page}");
    let manage = location.unwrap();
    let manage_path = manage.split('?').next().unwrap().to_owned();
    let (_, page) = get(&hanako, &app, &manage).await;
    assert!(page.contains("申請を受け付けました"), "{page}");
    assert!(
        page.contains("取組計画.pdf") && page.contains("写真x.png"),
        "{page}"
    );
    let doc = id_after(&page, &format!("{manage_path}/documents/"));
    let (_, en) = get(&hanako, &app, &format!("{manage_path}?lang=en")).await;
    assert!(
        en.contains("Childcare and caregiving")
            && en.contains("We have received your application")
            && en.contains("取組計画.pdf"),
        "{en}"
    );
    let (_, easy) = get(&hanako, &app, &format!("{manage_path}?lang=ja-x-easy")).await;
    assert!(easy.contains("結果は メールで 知らせます"), "{easy}");
    // Back to Japanese for the rest.
    get(&hanako, &app, &format!("{manage_path}?lang=ja")).await;

    // The company gets its document back, as an attachment that is never sniffed.
    let resp = hanako
        .get(app.url(&format!("{manage_path}/documents/{doc}")))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
    let disposition = resp.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment;")
            && disposition.contains("filename*=UTF-8''%E5%8F%96%E7%B5%84"),
        "{disposition}"
    );
    assert_eq!(resp.bytes().await.unwrap().as_ref(), PDF);

    // Strangers get nothing: a made-up link, another company's link, no sign-in, another
    // organization's staff.
    let stranger = browser("ja");
    let (status, _) = get(&stranger, &app, &format!("/r/not-a-token/documents/{doc}")).await;
    assert_eq!(status, 404);
    let (status, other_form) = get(&stranger, &app, "/events/lwb-call/register").await;
    assert_eq!(status, 200);
    let mut other = company_form(
        &hidden(&other_form, "csrf_token"),
        &hidden(&other_form, "form_token"),
        &corporate_number(95_002),
        &[],
    );
    other.retain(|(k, _)| !k.starts_with("contact.email") && k != "company.name");
    other.push(("company.name".into(), "株式会社ほかの会社".into()));
    other.push(("contact.email".into(), "other@example.jp".into()));
    other.push(("certification.categories".into(), "workstyle".into()));
    other.push((
        "certification.measures".into(),
        "=HYPERLINK(\"http://x.example\")".into(),
    ));
    let (status, page, other_location) = post_multipart(
        &stranger,
        &app,
        "/events/lwb-call/register",
        &other,
        &[("certification.documents", "b.pdf", PDF)],
    )
    .await;
    assert_eq!(status, 303, "{page}");
    let other_manage = other_location.unwrap();
    let other_manage = other_manage.split('?').next().unwrap();
    let (status, _) = get(&stranger, &app, &format!("{other_manage}/documents/{doc}")).await;
    assert_eq!(status, 404);
    let (_, html) = organizer.get(review).await;
    let reg = id_after(&html, "/admin/events/lwb-call/registrations/");
    let staff_doc = format!("{review}/{reg}/documents/{doc}");
    let (status, _) = get(&stranger, &app, &staff_doc).await;
    assert!(matches!(status, 303 | 401 | 403), "{status}");
    app.organization_with_user("ELSE", UserRole::Organizer)
        .await;
    let elsewhere = app.signed_in("ELSE", UserRole::Admin).await;
    let (status, _) = elsewhere.get(&staff_doc).await;
    assert!(matches!(status, 403 | 404), "{status}");

    // A reviewer of the organizer opens it: audited, and logged beside the document.
    let reviewer = app.signed_in("LWB", UserRole::Viewer).await;
    let resp = reviewer
        .client
        .get(app.url(&staff_doc))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.bytes().await.unwrap().as_ref(), PDF);
    let event_id = uketsuke::store::events::by_slug(&app.db, "lwb-call")
        .await
        .unwrap()
        .unwrap()
        .id;
    let audit = uketsuke::store::audit::of_event(&app.db, event_id)
        .await
        .unwrap();
    assert!(
        audit.iter().any(|a| a.action == "roster_view"
            && a.detail
                .as_deref()
                .unwrap_or_default()
                .contains("取組計画.pdf")),
        "{audit:?}"
    );
    let log = uketsuke::store::certification::log_of_event(&app.db, event_id)
        .await
        .unwrap();
    let of_doc: Vec<(&str, bool)> = log
        .iter()
        .filter(|l| l.document_id.to_string() == doc)
        .map(|l| (l.action.as_str(), l.user_id.is_some()))
        .collect();
    assert_eq!(
        of_doc,
        [("upload", false), ("download", false), ("download", true)]
    );

    // Reviewers score (1–5); the organizer decides per category.
    let (status, _, _) = reviewer
        .post(
            review,
            &format!("{review}/{reg}/score"),
            &[("score", "4"), ("comment", "制度が具体的")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, page, _) = organizer
        .post(review, &format!("{review}/{reg}/score"), &[("score", "6")])
        .await;
    assert_eq!(status, 422, "{page}");
    let (status, _, _) = organizer
        .post(review, &format!("{review}/{reg}/score"), &[("score", "5")])
        .await;
    assert_eq!(status, 303);
    let (_, page) = organizer.get(review).await;
    assert!(
        page.contains("平均 4.5") && page.contains("制度が具体的"),
        "{page}"
    );
    // A viewer may score but not decide.
    let (status, _, _) = reviewer
        .post(
            review,
            &format!("{review}/{reg}/decide"),
            &[("certified", "childcare")],
        )
        .await;
    assert_eq!(status, 403);
    let (_, public) = app.get_html("/certified", None).await;
    assert!(
        !public.contains("株式会社みらい製作所"),
        "not before approval"
    );
    let (status, _, _) = organizer
        .post(
            review,
            &format!("{review}/{reg}/decide"),
            &[("certified", "childcare")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, _, _) = organizer
        .post(
            review,
            &format!("{review}/{reg}/decide"),
            &[("certified", "childcare")],
        )
        .await;
    assert_eq!(status, 409, "the same decision again changes nothing");

    // The organizer's export: one row per application, formula-safe, audited.
    let resp = organizer
        .client
        .get(app.url(&format!("{review}.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let bytes = resp.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let mirai = rows
        .iter()
        .find(|r| &r[col("会社名")] == "株式会社みらい製作所")
        .unwrap();
    assert_eq!(&mirai[col("認定部門")], "育児・介護との両立推進部門");
    assert_eq!(&mirai[col("評点の平均")], "4.5");
    assert!(mirai[col("法人番号")].contains('-'), "{mirai:?}");
    let other_row = rows
        .iter()
        .find(|r| &r[col("会社名")] == "株式会社ほかの会社")
        .unwrap();
    assert!(
        other_row[col("取組内容")].starts_with("'="),
        "{other_row:?}"
    );

    // The company is told: certified in one category, not in the other, with the validity.
    deliver().await;
    let raw = smtp.messages();
    let parsed: Vec<_> = raw
        .iter()
        .map(|m| MessageParser::default().parse(m).unwrap())
        .collect();
    assert!(
        parsed
            .iter()
            .any(|m| m.subject().unwrap().starts_with("【認定申請受付】"))
    );
    let decided = parsed
        .iter()
        .find(|m| m.subject().unwrap().starts_with("【認定のお知らせ】"))
        .expect("the decision is mailed");
    assert!(
        decided
            .to()
            .unwrap()
            .first()
            .unwrap()
            .address()
            .unwrap()
            .contains("sato@mirai.example.jp")
    );
    let text = decided.body_text(0).unwrap();
    assert!(
        text.contains("育児・介護との両立推進部門")
            && text.contains("働き方・休み方改革部門")
            && text.contains("認定となりませんでした")
            && text.contains("2027年4月1日")
            && text.contains("取組計画.pdf"),
        "{text}"
    );

    // Listed now, by fiscal year and category, in every language; the other company is not.
    let (_, public) = app.get_html("/certified", None).await;
    assert!(
        public.contains("株式会社みらい製作所")
            && public.contains("育児・介護との両立推進部門")
            && !public.contains("株式会社ほかの会社")
            && public.contains("2027年4月1日"),
        "{public}"
    );
    let (_, en) = app.get_html("/certified?lang=en", None).await;
    assert!(
        en.contains("Childcare and caregiving") && en.contains("株式会社みらい製作所"),
        "{en}"
    );
    let (_, easy) = app.get_html("/certified?lang=ja-x-easy", None).await;
    assert!(easy.contains("認定企業の一覧"), "{easy}");
    let (_, page) = get(&hanako, &app, &manage_path).await;
    assert!(
        page.contains("認定されました") && page.contains("有効期間"),
        "{page}"
    );
    let (_, catalogue) = app.get_html("/events", None).await;
    assert!(catalogue.contains(r#"href="/certified""#));

    // The API reads the application in its own terms.
    let token = manage_path.trim_start_matches("/r/");
    let (status, body) = app
        .get_json(&format!("/api/v1/registrations/{token}"))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["shape"].as_str(), body["status"].as_str()),
        (Some("certification"), Some("certified")),
        "{body}"
    );
    assert!(body.get("seats").is_none(), "{body}");

    // A company that withdraws is no longer listed, and its link serves no document.
    let (_, page) = get(&hanako, &app, &manage_path).await;
    let withdraw = vec![
        ("csrf_token".to_owned(), hidden(&page, "csrf_token")),
        ("confirm".to_owned(), "yes".to_owned()),
    ];
    let (status, body, location) =
        crate::web_registration::post(&hanako, &app, &format!("{manage_path}/cancel"), &withdraw)
            .await;
    assert_eq!(status, 303, "{body}");
    assert!(
        location
            .as_deref()
            .unwrap_or_default()
            .contains("done=cancelled"),
        "{location:?}"
    );
    let (_, public) = app.get_html("/certified", None).await;
    assert!(!public.contains("株式会社みらい製作所"), "{public}");
    let (_, page) = get(&hanako, &app, &manage_path).await;
    assert!(page.contains("取り下げ"), "{page}");
    deliver().await;
    let raw = smtp.messages();
    let last = MessageParser::default().parse(raw.last().unwrap()).unwrap();
    assert!(
        last.subject().unwrap().starts_with("【キャンセル受付】"),
        "{:?}",
        last.subject()
    );
}

#[tokio::test]
async fn the_demo_lists_its_certified_company_and_marks_its_booth() {
    let (app, _) = TestApp::with_demo().await;
    let (status, public) = app.get_html("/certified", None).await;
    assert_eq!(status, 200);
    assert!(
        public.contains("株式会社高尾システム")
            && public.contains("育児・介護との両立推進部門")
            && !public.contains("株式会社みなみ野設計"),
        "{public}"
    );
    // An approved exhibitor at the job fair with a valid certification is marked.
    let (_, fair) = app
        .get_html("/events/foreign-students-job-fair", None)
        .await;
    let booth = fair
        .find("株式会社高尾システム")
        .expect("an approved booth");
    let next = fair[booth..].find("</li>").unwrap();
    assert!(fair[booth..booth + next].contains("認定企業"), "{fair}");
    // The call's page sends companies to the application form.
    let (_, call) = app.get_html("/events/lwb-certification", None).await;
    assert!(call.contains("認定を申請する"), "{call}");
    // The fiscal year's report counts the certified company, and it among the participants
    // (its booth at the job fair).
    let organizer = app.signed_in("TMG", UserRole::Organizer).await;
    let (status, report) = organizer.get("/admin/reports").await;
    assert_eq!(status, 200);
    assert!(
        report.contains("<dt>この年度の募集で認定した企業</dt><dd>1</dd>")
            && report.contains("<dt>参加企業のうち認定企業</dt><dd>1</dd>"),
        "{report}"
    );
}

/// The application form in a real browser: a company chooses its categories, attaches a PDF
/// with the file picker, first forgets the measures (the form says so on the field and keeps
/// the rest), then sends it; the organizer certifies it and the public list shows it. axe
/// audits each page.
#[tokio::test]
async fn a_company_applies_in_the_browser_and_appears_on_the_list() {
    use crate::chromium::{Audit, Chromium};
    let (app, _) = TestApp::with_demo().await;
    let Some(browser) = Chromium::start(&app.base_url, "ja").await else {
        return;
    };
    let mut audit = Audit::default();
    browser.goto("/events/lwb-certification").await;
    audit.page(&browser, "certification call (ja)").await;
    browser.follow("p.cta a.button").await;
    assert!(
        browser
            .path()
            .await
            .starts_with("/events/lwb-certification/register"),
        "{}",
        browser.body().await
    );
    audit.page(&browser, "certification form (ja)").await;
    for (name, value) in [
        ("company.name", "株式会社ブラウザ認定"),
        ("company.name_kana", "ブラウザニンテイ"),
        ("company.corporate_number", &corporate_number(72_001)),
        ("company.postal_code", "163-8001"),
        ("company.city", "新宿区"),
        ("company.street", "西新宿2-8-1"),
        ("contact.name", "佐藤 京子"),
        ("contact.kana", "サトウ キョウコ"),
        ("contact.email", "sato@lwb-browser.example.jp"),
        ("contact.phone", "03-5321-1111"),
    ] {
        browser.fill(name, value).await;
    }
    browser.choose("company.prefecture", "東京都").await;
    browser.choose("company.industry", "manufacturing").await;
    browser.choose("company.employee_band", "51-100").await;
    browser.tick("company.tcci_member", "yes").await;
    browser.tick("certification.categories", "women").await;
    browser.tick("consent", "yes").await;
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("取組計画.pdf");
    std::fs::write(&pdf, PDF).unwrap();
    let attach = || async {
        browser
            .client
            .find(fantoccini::Locator::Css(
                "input[name='certification.documents']",
            ))
            .await
            .unwrap()
            .send_keys(pdf.to_str().unwrap())
            .await
            .unwrap();
    };
    attach().await;
    browser.follow("button.submit-main").await;
    let summary = browser.text("[role='alert']").await;
    assert!(summary.contains("取組内容"), "{summary}");
    assert!(
        !browser
            .text("[id='certification.measures-error']")
            .await
            .is_empty()
    );
    assert_eq!(browser.value("company.name").await, "株式会社ブラウザ認定");
    audit
        .page(&browser, "certification form with errors (ja)")
        .await;
    browser
        .fill("certification.measures", "女性管理職を3年で2倍にしました。")
        .await;
    attach().await;
    browser.follow("button.submit-main").await;
    let path = browser.path().await;
    assert!(
        path.ends_with("?done=registered"),
        "{path}: {}",
        browser.body().await
    );
    let body = browser.body().await;
    assert!(
        body.contains("取組計画.pdf") && body.contains("審査中"),
        "{body}"
    );
    audit.page(&browser, "application received (ja)").await;

    // The organizer certifies it; the list shows it.
    let organizer = app.signed_in("TMG", UserRole::Organizer).await;
    let review = "/admin/events/lwb-certification/certification";
    let (_, html) = organizer.get(review).await;
    let at = html
        .find("株式会社ブラウザ認定")
        .expect("listed for review");
    // The registration link just before the company's name.
    let link = html[..at].rfind("/registrations/").unwrap();
    let reg = id_after(&html[link..], "/registrations/");
    let (status, _, _) = organizer
        .post(
            review,
            &format!("{review}/{reg}/decide"),
            &[("certified", "women")],
        )
        .await;
    assert_eq!(status, 303);
    browser.goto("/certified").await;
    let body = browser.body().await;
    assert!(
        body.contains("株式会社ブラウザ認定") && body.contains("女性の活躍推進部門"),
        "{body}"
    );
    audit.page(&browser, "certified companies (ja)").await;
    browser.goto("/certified?lang=en").await;
    audit.page(&browser, "certified companies (en)").await;
    browser.close().await;
    audit.assert_clean();
}

#[tokio::test]
async fn the_api_sets_and_reads_a_call() {
    let app = TestApp::spawn().await;
    let token = app.organization_with_user("LWB", UserRole::Organizer).await;
    let other = app
        .organization_with_user("ELSE", UserRole::Organizer)
        .await;
    let call = json!({
        "slug": "lwb-api", "title_ja": "認定 募集", "title_en": "Certification call",
        "description_ja": "申請してください。", "description_en": "Apply.",
        "programme_area": "life_work_balance", "kind": "certification", "format": "online",
        "starts_at": jst_in_days(1, 0), "ends_at": jst_in_days(120, 0)
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(call)).await;
    assert_eq!(status, 201, "{body}");
    let settings = |code: &str, until: &str| {
        json!({
            "categories": [
                {"code": "childcare", "name_ja": "育児", "name_en": "Childcare"},
                {"code": code, "name_ja": "女性\u{0}活躍", "name_en": "Women"}
            ],
            "valid_from": "2027-04-01", "valid_until": until
        })
    };
    let (status, body) = app
        .api(
            "PUT",
            "/events/lwb-api/certification",
            Some(&token),
            Some(settings("childcare", "2026-03-31")),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["categories.1.code", "categories.1.name_ja", "valid_until"],
        "{body}"
    );
    let good = json!({
        "categories": [
            {"code": "childcare", "name_ja": "育児", "name_en": "Childcare"},
            {"code": "women", "name_ja": "女性の活躍", "name_en": "Women"}
        ],
        "valid_from": "2027-04-01", "valid_until": "2029-03-31"
    });
    let (status, _) = app
        .api(
            "PUT",
            "/events/lwb-api/certification",
            Some(&other),
            Some(good.clone()),
        )
        .await;
    assert_eq!(status, 403);
    let (status, body) = app
        .api(
            "PUT",
            "/events/lwb-api/certification",
            Some(&token),
            Some(good),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // A draft's call is not public; a published one is.
    let (status, _) = app.get_json("/api/v1/events/lwb-api/certification").await;
    assert_eq!(status, 404);
    app.api("POST", "/events/lwb-api/publish", Some(&token), None)
        .await;
    let (status, body) = app.get_json("/api/v1/events/lwb-api/certification").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["categories"][1]["code"], "women");
    assert_eq!(body["valid_until"], "2029-03-31");
}
