//! The words of the public pages, in Japanese and English. Templates read them as
//! `t.<key>`; a missing key fails rendering (and the tests), it never shows blank.
use crate::domain::Lang;
use std::collections::BTreeMap;

const STRINGS: &[(&str, &str, &str)] = &[
    ("site_name", "受付 uketsuke", "uketsuke"),
    (
        "site_tagline",
        "東京都・東京商工会議所 働き方改革 イベント申込",
        "Work-style reform events of TMG and TCCI",
    ),
    ("skip_to_content", "本文へ移動", "Skip to main content"),
    ("language", "言語", "Language"),
    ("switch_language", "English", "日本語"),
    (
        "switch_language_label",
        "Switch to English",
        "日本語に切り替え",
    ),
    (
        "catalogue_title",
        "イベント・セミナー一覧",
        "Events and seminars",
    ),
    (
        "catalogue_intro",
        "東京都と東京商工会議所が連携して実施する、働き方改革・テレワーク・人材確保などのセミナーやイベントです。",
        "Seminars and events on work-style reform, telework, talent acquisition and more, run by the Tokyo Metropolitan Government with the Tokyo Chamber of Commerce and Industry.",
    ),
    ("filters", "絞り込み", "Filter"),
    ("filter_area", "分野", "Programme area"),
    ("filter_kind", "種類", "Kind"),
    ("filter_format", "開催形式", "Format"),
    ("filter_month", "開催月", "Month"),
    ("filter_text", "キーワード", "Keywords"),
    ("filter_all", "すべて", "All"),
    ("filter_submit", "この条件で探す", "Search"),
    ("filter_reset", "条件をクリア", "Clear filters"),
    ("results_count", "件のイベント", "events"),
    (
        "no_results",
        "条件に合うイベントはありません。条件を変えてお探しください。",
        "No events match. Try other filters.",
    ),
    ("date_time", "日時", "Date and time"),
    ("venue", "会場", "Venue"),
    ("seats", "定員・残席", "Seats"),
    ("full", "満席", "Full"),
    (
        "seats_left",
        "残り{left}席（定員{capacity}名）",
        "{left} of {capacity} seats left",
    ),
    ("online_too", "／オンライン", " / online"),
    ("lang_ja", "日本語", "Japanese"),
    ("lang_en", "英語", "English"),
    ("no_seat_limit", "定員なし", "No seat limit"),
    ("partners", "主催・共催・後援", "Organizers and partners"),
    ("online", "オンライン", "Online"),
    (
        "online_note",
        "参加用URLは、申込が確定した方にメールでお知らせします。",
        "The meeting link is sent by email once your registration is confirmed.",
    ),
    ("map", "地図を開く", "Open map"),
    ("languages", "使用言語", "Languages"),
    (
        "per_company_limit",
        "1社あたりの参加上限",
        "Attendees per company, at most",
    ),
    ("persons", "名", "people"),
    ("registration", "申込受付", "Registration"),
    ("registration_open", "受付中", "Open"),
    ("registration_not_yet", "受付開始前", "Not open yet"),
    ("registration_closed", "受付終了", "Closed"),
    ("registration_period", "受付期間", "Registration period"),
    ("fiscal_year", "年度", "Fiscal year"),
    (
        "cancelled_banner",
        "このイベントは中止になりました。",
        "This event has been cancelled.",
    ),
    ("cancelled", "中止", "Cancelled"),
    ("description", "内容", "About"),
    (
        "back_to_catalogue",
        "イベント一覧へ戻る",
        "Back to all events",
    ),
    ("previous_page", "前のページ", "Previous page"),
    ("next_page", "次のページ", "Next page"),
    ("page", "ページ", "Page"),
    (
        "footer_note",
        "本サイトは東京都と東京商工会議所の「東京における働き方改革等に関する連携協定」に基づく取組のイベント申込窓口です。",
        "This site takes registrations for events under the cooperation agreement on work-style reform between the Tokyo Metropolitan Government and the Tokyo Chamber of Commerce and Industry.",
    ),
    ("api_docs", "API", "API"),
    ("error_title", "エラー", "Error"),
    (
        "not_found_title",
        "ページが見つかりません",
        "Page not found",
    ),
];

/// One word in one language, for views built in Rust. Panics on an unknown key: that is a
/// typo caught by the first test that renders the page.
pub fn text(lang: Lang, key: &str) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, ja, en)| lang.pick(ja, en))
        .unwrap_or_else(|| panic!("no page text {key:?}"))
}

/// The strings of one language, keyed for templates.
pub fn strings(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    STRINGS
        .iter()
        .map(|(key, ja, en)| (*key, lang.pick(ja, en)))
        .collect()
}
