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
    ("calendar", "カレンダー", "Calendar"),
    (
        "add_to_calendar",
        "カレンダーに追加（.ics）",
        "Add to your calendar (.ics)",
    ),
    (
        "add_my_registration_to_calendar",
        "参加予定をカレンダーに追加（.ics、参加用URL付き）",
        "Add your place to your calendar (.ics, with the meeting link)",
    ),
    (
        "unsubscribe_title",
        "リマインダー・お知らせメールの配信設定",
        "Reminders and announcements",
    ),
    (
        "unsubscribe_explain",
        "このイベントの開催前リマインダーと主催者からのお知らせメールを停止できます。申込・変更・キャンセル・開催内容の変更・中止に関するメールは、停止後もお送りします。",
        "You can stop the reminders and the organizer's announcements for this event. Messages about your registration and about changes to or cancellation of the event still come.",
    ),
    ("unsubscribe_stop", "配信を停止する", "Stop them"),
    ("unsubscribe_resume", "配信を再開する", "Start them again"),
    (
        "unsubscribe_state_stopped",
        "現在、配信を停止しています。",
        "They are stopped.",
    ),
    (
        "unsubscribe_stopped",
        "リマインダーとお知らせメールの配信を停止しました。",
        "Reminders and announcements are stopped.",
    ),
    (
        "unsubscribe_resumed",
        "リマインダーとお知らせメールの配信を再開しました。",
        "Reminders and announcements will come again.",
    ),
    ("error_title", "エラー", "Error"),
    (
        "register_link",
        "このイベントに申し込む",
        "Register for this event",
    ),
    ("register_title", "参加申込", "Registration"),
    ("required", "必須", "required"),
    ("optional", "任意", "optional"),
    ("choose", "選択してください", "Choose"),
    (
        "error_summary_title",
        "入力内容をご確認ください",
        "Please check the following",
    ),
    ("section_company", "会社・団体の情報", "Company"),
    ("company_name", "会社・団体名", "Company name"),
    (
        "company_name_kana",
        "会社・団体名（フリガナ）",
        "Company name (reading in kana)",
    ),
    (
        "corporate_number",
        "法人番号（13桁）",
        "Corporate number (13 digits)",
    ),
    (
        "corporate_number_hint",
        "国税庁の法人番号公表サイトで調べられます。",
        "You can look it up on the National Tax Agency's corporate number site.",
    ),
    (
        "sole_proprietor",
        "個人事業主のため法人番号はありません",
        "Sole proprietor: no corporate number",
    ),
    ("postal_code", "郵便番号", "Postal code"),
    ("postal_code_hint", "例: 100-0005", "e.g. 100-0005"),
    ("prefecture", "都道府県", "Prefecture"),
    ("city", "市区町村", "City, ward or town"),
    ("street", "番地・建物名", "Street address and building"),
    ("industry", "業種", "Industry"),
    ("employee_band", "従業員数", "Employees"),
    (
        "tcci_member",
        "東京商工会議所の会員ですか",
        "Is the company a member of the Tokyo Chamber of Commerce and Industry?",
    ),
    ("yes", "はい", "Yes"),
    ("no", "いいえ", "No"),
    ("section_contact", "ご担当者", "Contact person"),
    ("section_person", "お申込者", "About you"),
    ("name", "氏名", "Name"),
    ("kana", "フリガナ", "Reading (katakana or hiragana)"),
    (
        "kana_or_romaji",
        "フリガナ（またはローマ字）",
        "Reading (kana or Latin letters)",
    ),
    ("department", "部署", "Department"),
    ("job_title", "役職", "Title"),
    ("email", "メールアドレス", "Email"),
    ("phone", "電話番号", "Phone"),
    ("phone_hint", "例: 03-1234-5678", "e.g. 03-1234-5678"),
    (
        "affiliation",
        "所属（学校名・勤務先）",
        "School or employer",
    ),
    ("section_attendees", "参加者", "Attendees"),
    (
        "attendees_hint",
        "1社{limit}名まで申し込めます。使わない参加者欄は空欄のままにしてください。ご担当者が参加する場合は、参加者欄にも入力してください。",
        "Up to {limit} people per company. Leave unused attendee blocks empty. If the contact person attends, enter them as an attendee too.",
    ),
    ("attendee", "参加者", "Attendee"),
    ("section_questions", "アンケート", "Questions"),
    (
        "section_heard",
        "このイベントを何で知りましたか",
        "How did you hear of this event?",
    ),
    (
        "section_consent",
        "個人情報の取り扱い",
        "Personal information",
    ),
    (
        "consent_label",
        "上記の利用目的に同意します",
        "I agree to the purpose of use above",
    ),
    ("submit_registration", "申し込む", "Register"),
    (
        "registration_not_open_yet",
        "申込受付はまだ始まっていません。",
        "Registration has not opened yet.",
    ),
    (
        "registration_closed_message",
        "申込受付は終了しました。",
        "Registration has closed.",
    ),
    (
        "csrf_failed",
        "フォームの有効期限が切れたか、別の画面から送信されました。入力内容はそのままですので、もう一度送信してください。",
        "The form expired or was sent from elsewhere. What you typed is kept: please send it again.",
    ),
    (
        "form_resubmitted",
        "このフォームは既に送信されています。変更した内容で申し込む場合は、もう一度「申し込む」を押してください。",
        "This form was sent already. To register with what you changed, press Register again.",
    ),
    ("manage_title", "お申し込み内容", "Your registration"),
    (
        "done_registered",
        "お申し込みを受け付けました。",
        "Your registration has been received.",
    ),
    (
        "email_on_the_way",
        "確認のメールをお送りします。このページのURLで、申込内容の確認・変更・キャンセルができます。大切に保管してください。",
        "A confirmation email is on its way. This page's address lets you see, change or cancel your registration: keep it.",
    ),
    (
        "confirmed_note",
        "参加が確定しています。",
        "Your place is confirmed.",
    ),
    (
        "waitlist_note",
        "キャンセル待ち {n} 番目です。席が空き次第、自動的に参加確定となり、メールでお知らせします。",
        "You are number {n} on the waiting list. When a seat frees up you are confirmed automatically and told by email.",
    ),
    (
        "done_changed",
        "申込内容を変更しました。",
        "Your registration has been changed.",
    ),
    (
        "done_cancelled",
        "お申し込みをキャンセルしました。",
        "Your registration has been cancelled.",
    ),
    (
        "done_attendee_cancelled",
        "参加者のキャンセルを受け付けました。",
        "The attendee has been cancelled.",
    ),
    ("status", "申込状況", "Status"),
    (
        "cancel_attendee",
        "この参加者をキャンセル",
        "Cancel this attendee",
    ),
    ("change_attendees", "参加者を変更する", "Change attendees"),
    (
        "change_attendees_hint",
        "追加する方は空欄に入力し、取り消す方は欄を空にしてください。登録済みの方のメールアドレスは変更できません。",
        "To add someone, fill in an empty block; to remove someone, clear their block. A registered attendee's email cannot change.",
    ),
    ("save_changes", "変更を保存する", "Save changes"),
    (
        "change_answers",
        "アンケートの回答を変更する",
        "Change your answers",
    ),
    (
        "cancel_registration",
        "申込全体をキャンセルする",
        "Cancel the whole registration",
    ),
    (
        "cancel_confirm",
        "この申込をキャンセルします",
        "Yes, cancel this registration",
    ),
    ("cancel_button", "キャンセルする", "Cancel registration"),
    (
        "cancelled_note",
        "このお申し込みはキャンセル済みです。",
        "This registration has been cancelled.",
    ),
    ("company", "会社・団体", "Company"),
    ("contact", "ご担当者", "Contact"),
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
