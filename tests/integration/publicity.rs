//! The publicity kit: ready-to-paste texts within each medium's length, each with its tracked
//! link, and a printable flyer whose QR code leads to the event page; a link's `?via=` code
//! reaches the registration form.
use crate::helpers::{TestApp, decode_qr, hidden};
use serde_json::json;
use uketsuke::domain::UserRole;

#[tokio::test]
async fn organizers_and_publicity_partners_get_texts_within_budget_and_a_flyer() {
    let app = TestApp::spawn().await;
    let a = app
        .organization_with_user("ORGA", UserRole::Organizer)
        .await;
    let p = app.organization_with_user("KOHO", UserRole::Admin).await;
    app.organization_with_user("ELSE", UserRole::Admin).await;
    let mut event = crate::helpers::seminar("koho-day");
    event["description_ja"] = json!("働き方改革の最新事例を紹介します。".repeat(60));
    assert_eq!(
        app.api("POST", "/events", Some(&a), Some(event)).await.0,
        201
    );
    let publicity = "/admin/events/koho-day/publicity";
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    assert_eq!(
        organizer.get(publicity).await.0,
        409,
        "a draft is not publicised"
    );
    app.api("POST", "/events/koho-day/publish", Some(&a), None)
        .await;
    let invite = json!({"organization": "KOHO", "role": "publicity"});
    app.api("POST", "/events/koho-day/partners", Some(&a), Some(invite))
        .await;
    app.api(
        "POST",
        "/events/koho-day/partners/KOHO/approve",
        Some(&p),
        None,
    )
    .await;

    let (status, html) = organizer.get(publicity).await;
    assert_eq!(status, 200);
    for (via, budget) in [("mailmag", 400), ("shimbun", 200), ("advisor", 300)] {
        let start = html.find(&format!(r#"id="copy-{via}""#)).expect(via);
        let text = &html[html[start..].find('>').unwrap() + start + 1..];
        let text = &text[..text.find("</textarea>").unwrap()];
        // Entities count as one character each, as pasted.
        let pasted = text
            .replace("&#x2f;", "/")
            .replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
        let n = pasted.chars().count();
        assert!(n <= budget, "{via}: {n} > {budget}\n{pasted}");
        assert!(
            pasted.contains(&format!("/events/koho-day?via={via}")),
            "{pasted}"
        );
        assert!(
            pasted.contains("【テスト用セミナー】") && pasted.contains("日時："),
            "{pasted}"
        );
        if via == "mailmag" {
            assert!(
                pasted.contains('…'),
                "the long description is cut: {pasted}"
            );
        }
    }
    let partner = app.signed_in("KOHO", UserRole::Viewer).await;
    assert_eq!(partner.get(publicity).await.0, 200, "a publicity partner");
    let stranger = app.signed_in("ELSE", UserRole::Admin).await;
    assert_eq!(stranger.get(publicity).await.0, 403);

    // The flyer's QR code leads to the event page, tracked as the flyer.
    let (status, html) = partner.get("/admin/events/koho-day/flyer").await;
    assert_eq!(status, 200);
    assert!(html.contains("テスト用セミナー") && html.contains("?via=flyer"));
    let png = partner
        .client
        .get(app.url("/admin/events/koho-day/flyer-qr.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(png.headers()["content-type"], "image/png");
    let url = decode_qr(&png.bytes().await.unwrap());
    assert!(url.ends_with("/events/koho-day?via=flyer"), "{url}");

    // Following a tracked link carries the code to the form, where it is kept for the report.
    let (_, page) = app.get_html("/events/koho-day?via=mailmag", None).await;
    assert!(page.contains("koho-day/register?via=mailmag\""), "{page}");
    let (_, form) = app
        .get_html("/events/koho-day/register?via=mailmag", None)
        .await;
    assert_eq!(hidden(&form, "via"), "mailmag");
    let (_, page) = app.get_html("/events/koho-day?via=<script>", None).await;
    assert!(page.contains("koho-day/register?via=script\""));
}
