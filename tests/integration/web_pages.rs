use crate::helpers::{TestApp, seminar};
use uketsuke::services::catalogue::Month;

/// The titles of the event cards on a catalogue page, in order.
fn titles(html: &str) -> Vec<String> {
    html.split("<h3><a href=")
        .skip(1)
        .map(|s| {
            s.split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn catalogue_is_japanese_by_default_and_hides_drafts() {
    let (app, _) = TestApp::with_demo().await;
    for path in ["/", "/events"] {
        let (status, html) = app.get_html(path, None).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"<html lang="ja">"#));
        assert!(html.contains("イベント・セミナー一覧"));
        assert_eq!(titles(&html).len(), 14, "{path}");
        assert!(!html.contains("準備中"), "the draft is hidden");
        assert!(html.contains("主催 東京都 &#x2f; 共催 八王子市 &#x2f; 周知協力 東京商工会議所"));
        assert!(
            html.contains("残り2席（定員30名）"),
            "demo registrations hold 28 seats"
        );
        // A campaign takes no seats: its card has no seats line at all (it once said "no
        // limit", as if it were a seminar without a cap).
        let campaign = html
            .split(r#"<li class="event-card"#)
            .find(|card| card.contains("smooth-biz-summer"))
            .expect("the campaign is listed");
        assert!(!campaign.contains(r#"class="seats"#), "{campaign}");
        assert!(
            html.contains("(") && html.contains("〜"),
            "JST dates with weekday and range"
        );
        assert!(!html.contains("meet.example.jp"));
    }
}

#[tokio::test]
async fn english_by_accept_language_switch_or_cookie() {
    let (app, _) = TestApp::with_demo().await;
    let (_, html) = app.get_html("/events", Some("en-GB,en;q=0.9")).await;
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("Events and seminars"));
    assert!(html.contains("Life-Work Balance EXPO Tokyo"));
    assert!(html.contains("JST"));
    assert!(html.contains("Organized by Tokyo Metropolitan Government"));
    // The switch link leads to the other language, keeping the filters.
    assert!(
        html.contains(r#"href="&#x2f;events?lang=ja""#),
        "switch back to Japanese"
    );

    let resp = app
        .client
        .get(app.url("/events?kind=seminar&lang=en"))
        .send()
        .await
        .unwrap();
    let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("lang=en"));
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("kind=seminar&amp;lang=ja"),
        "switch keeps the filter"
    );

    // The remembered choice beats the browser's preference.
    let html = app
        .client
        .get(app.url("/events/lwb-expo"))
        .header("cookie", "lang=en")
        .header("accept-language", "ja")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("Tokyo International Forum, Hall E"));
}

#[tokio::test]
async fn catalogue_filters_by_area_kind_format_month_and_text() {
    let (app, _) = TestApp::with_demo().await;
    let (_, html) = app.get_html("/events?area=life_work_balance", None).await;
    let mut t = titles(&html);
    t.sort();
    let call = format!(
        "ライフ・ワーク・バランス認定企業 {}年度募集",
        uketsuke::domain::FiscalYear::of(chrono::Utc::now()).year()
    );
    assert_eq!(
        t,
        [
            "ライフ・ワーク・バランスEXPO東京",
            call.as_str(),
            "ライフ・ワーク・バランス認定企業 事例発表会"
        ]
    );

    let (_, html) = app
        .get_html("/events?area=sme_talent&format=online", None)
        .await;
    assert_eq!(titles(&html), ["海外人材オンラインマッチング"]);

    let (_, html) = app.get_html("/events?kind=job_fair", None).await;
    assert_eq!(titles(&html), ["外国人留学生のための合同企業説明会"]);

    let (_, html) = app
        .get_html("/events?q=%E7%95%99%E5%AD%A6%E7%94%9F", None)
        .await; // 留学生
    assert_eq!(titles(&html), ["外国人留学生のための合同企業説明会"]);
    let (_, html) = app.get_html("/events?q=hands-on&lang=en", None).await;
    assert_eq!(titles(&html), ["Telework hands-on seminar in Hachioji"]);
    let (_, html) = app.get_html("/events?q=100%25", None).await;
    assert_eq!(titles(&html).len(), 0, "% is a literal, not a wildcard");
    assert!(html.contains("条件に合うイベントはありません"));

    // The Smooth-Biz campaign starts on 1 July: the July filter finds it.
    let campaign = uketsuke::store::events::by_slug(&app.db, "smooth-biz-summer")
        .await
        .unwrap()
        .unwrap();
    let july = Month::of(campaign.spec.starts_at).code();
    let (_, html) = app.get_html(&format!("/events?month={july}"), None).await;
    assert!(titles(&html).contains(&"スムーズビズ 夏の集中取組期間".to_owned()));
    assert!(html.contains(&format!(r#"<option value="{july}" selected>"#)));

    // Values from edited links are ignored, not failed.
    let (status, html) = app
        .get_html("/events?area=nonsense&month=13&page=-3", None)
        .await;
    assert_eq!((status, titles(&html).len()), (200, 14));
}

#[tokio::test]
async fn event_page_shows_details_partners_and_never_the_meeting_link() {
    let (app, tokens) = TestApp::with_demo().await;
    let (status, html) = app.get_html("/events/lwb-expo", None).await;
    assert_eq!(status, 200);
    for expected in [
        "ライフ・ワーク・バランスEXPO東京",
        "東京国際フォーラム ホールE",
        "東京都千代田区丸の内3-5-1",
        "後援",
        "東京商工会議所",
        "地図を開く",
        "参加用URLは",
        "令和",
        "日本語、英語",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    assert!(!html.contains("meet.example.jp"));

    // A cancelled event keeps its page, marked as such; a draft has none.
    app.api("POST", "/events/lwb-expo/cancel", Some(&tokens.tmg), None)
        .await;
    let (status, html) = app.get_html("/events/lwb-expo", None).await;
    assert_eq!(status, 200);
    assert!(html.contains("このイベントは中止になりました。"));
    let (_, catalogue) = app.get_html("/events", None).await;
    assert!(!titles(&catalogue).contains(&"ライフ・ワーク・バランスEXPO東京".to_owned()));

    let (status, html) = app
        .get_html("/events/telework-rule-briefing-draft", Some("en"))
        .await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found") && html.contains(r#"lang="en""#));
    let (status, html) = app.get_html("/no/such/page", None).await;
    assert_eq!(status, 404);
    assert!(html.contains("ページが見つかりません"));
}

#[tokio::test]
async fn a_full_event_shows_full_and_user_text_is_escaped() {
    let (app, tokens) = TestApp::with_demo().await;
    let event = uketsuke::store::events::by_slug(&app.db, "sme-talent-seminar")
        .await
        .unwrap()
        .unwrap();
    uketsuke::store::events::set_seats_taken(&app.db, event.id, 80)
        .await
        .unwrap();
    let (_, html) = app.get_html("/events?kind=seminar", None).await;
    // It takes a waiting list: the seats and the button say so.
    assert!(html.contains(r#"<dd class="seats seats-full">満席（キャンセル待ちで申込可）</dd>"#));
    let (_, html) = app
        .get_html("/events/sme-talent-seminar?lang=en", None)
        .await;
    assert!(html.contains(">Full (you can join the waiting list)</dd>"));
    assert!(html.contains(
        r#"<span class="cta-note seats-full">Full (you can join the waiting list)</span>"#
    ));
    let (_, html) = app
        .get_html("/events/sme-talent-seminar?lang=ja-x-easy", None)
        .await;
    assert!(html.contains("満席です（空きを 待つ 申し込みが できます）"));

    let mut body = seminar("escaped-title");
    body["title_ja"] = serde_json::json!("<script>alert(1)</script>セミナー");
    app.api("POST", "/events", Some(&tokens.tmg), Some(body))
        .await;
    app.api(
        "POST",
        "/events/escaped-title/publish",
        Some(&tokens.tmg),
        None,
    )
    .await;
    let (_, html) = app.get_html("/events/escaped-title", None).await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn operations_endpoints_static_css_and_api_docs() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_html("/healthz", None).await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let (status, body) = app.get_html("/readyz", None).await;
    assert_eq!((status, body.as_str()), (200, "ready"));
    let resp = app
        .client
        .get(app.url("/static/style.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["content-type"], "text/css; charset=utf-8");
    assert!(resp.headers().contains_key("x-request-id"));
    let (status, html) = app.get_html("/docs", None).await;
    assert_eq!(status, 200);
    assert!(html.to_lowercase().contains("swagger"));
    // An empty catalogue says so.
    let (_, html) = app.get_html("/events", None).await;
    assert!(html.contains("条件に合うイベントはありません"));

    // /readyz tells when the database is gone.
    app.db.clone().close().await.unwrap();
    let (status, _) = app.get_html("/readyz", None).await;
    assert_eq!(status, 503);
}

/// What a first walk through the public pages found, in each locale: time zones named as
/// places in the page's language, ASCII brackets on English pages, folded filters, a favicon.
#[tokio::test]
async fn time_zones_brackets_filters_and_favicon_read_right_in_every_locale() {
    let (app, _) = TestApp::with_demo().await;
    let zones = "/events/overseas-online-matching?tz=Asia/Ho_Chi_Minh&lang=";
    let (_, html) = app.get_html(&format!("{zones}en"), None).await;
    assert!(html.contains("Ho Chi Minh City (Vietnam)") && !html.contains("Ho Chi Minh<"));
    assert!(
        !html.contains('（') && !html.contains('）'),
        "English uses ASCII brackets"
    );
    let (_, html) = app.get_html(&format!("{zones}ja"), None).await;
    assert!(html.contains("ホーチミン（ベトナム）"));
    let (_, html) = app.get_html(&format!("{zones}ja-x-easy"), None).await;
    assert!(html.contains("ホーチミン（ベトナム）") && html.contains(r#"<html lang="ja">"#));

    for lang in ["ja", "ja-x-easy", "en"] {
        let (_, html) = app.get_html(&format!("/events?lang={lang}"), None).await;
        assert!(html.contains(r#"<details class="filters-fold">"#), "{lang}");
        assert!(html.contains(r#"<link rel="icon" href="/static/favicon.svg""#));
    }
    let (_, html) = app.get_html("/events?kind=seminar&lang=en", None).await;
    assert!(
        html.contains(r#"<details class="filters-fold" open>"#),
        "open while in use"
    );

    for path in ["/static/favicon.svg", "/favicon.ico"] {
        let resp = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(resp.status().as_u16(), 200, "{path}");
        assert_eq!(resp.headers()["content-type"], "image/svg+xml");
    }
}
