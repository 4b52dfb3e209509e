site-name = 受付 uketsuke
site-tagline = 東京都・東京商工会議所 働き方改革 イベント申込
skip-to-content = 本文へ移動
language = 言語
catalogue-title = イベント・セミナー一覧
catalogue-intro = 東京都と東京商工会議所が連携して実施する、働き方改革・テレワーク・人材確保などのセミナーやイベントです。
filters = 絞り込み
filter-area = 分野
filter-kind = 種類
filter-format = 開催形式
filter-month = 開催月
filter-text = キーワード
filter-all = すべて
filter-submit = この条件で探す
filter-reset = 条件をクリア
results-count = 件のイベント
no-results = 条件に合うイベントはありません。条件を変えてお探しください。
date-time = 日時
period = 期間
venue = 会場
seats = 定員・残席
full = 満席
seats-left = 残り{ $left }席（定員{ $capacity }名）
online-too = ／オンライン
lang-ja = 日本語
lang-en = 英語
no-seat-limit = 定員なし
partners = 主催・共催・後援
online = オンライン
online-note = 参加用URLは、申込が確定した方にメールでお知らせします。
map = 地図を開く
languages = 使用言語
per-company-limit = 1社あたりの参加上限
persons = 名
registration = 申込受付
registration-open = 受付中
registration-not-yet = 受付開始前
registration-closed = 受付終了
registration-period = 受付期間
fiscal-year = 年度
cancelled-banner = このイベントは中止になりました。
description = 内容
back-to-catalogue = イベント一覧へ戻る
previous-page = 前のページ
next-page = 次のページ
page = ページ
footer-note = 本サイトは東京都と東京商工会議所の「東京における働き方改革等に関する連携協定」に基づく取組のイベント申込窓口です。
api-docs = API
calendar = カレンダー
add-to-calendar = カレンダーに追加（.ics）
unsubscribe-stopped = リマインダーとお知らせメールの配信を停止しました。
unsubscribe-resumed = リマインダーとお知らせメールの配信を再開しました。
error-title = エラー
register-link = このイベントに申し込む
required = 必須
optional = 任意
employee-band = 従業員数
yes = はい
no = いいえ
section-contact = ご担当者
name = 氏名
department = 部署
job-title = 役職
email = メールアドレス
section-attendees = 参加者
registration-not-open-yet = 申込受付はまだ始まっていません。
registration-closed-message = 申込受付は終了しました。
csrf-failed = フォームの有効期限が切れたか、別の画面から送信されました。入力内容はそのままですので、もう一度送信してください。
form-resubmitted = このフォームは既に送信されています。変更した内容で申し込む場合は、もう一度「申し込む」を押してください。
done-changed = 申込内容を変更しました。
done-cancelled = お申し込みをキャンセルしました。
done-attendee-cancelled = 参加者のキャンセルを受け付けました。
company = 会社・団体
not-found-title = ページが見つかりません
exhibit-link = 企業の方: 出展を申し込む
booth-languages = 対応できる言語 / Languages at the booth
booth-positions = 募集職種・雇用形態 / Positions offered
booth-visa-support = 就労ビザ取得の支援 / Work visa support
exhibitors = 出展企業 / Exhibitors
no-exhibitors = 出展企業は決まり次第掲載します。
booth-interested = 訪問希望の学生 / Students who want to visit
join-link = キャンペーンに参加登録する
declare-link = 宣言する
declaration-commitments = 宣言する取組
declaration-state = 審査状況
declared-companies = 実践企業一覧
campaign-actions = 取り組む内容
campaign-period = キャンペーン期間:
participants = 参加企業一覧
participants-note = 掲載を希望した参加企業です。
no-participants = 掲載を希望した参加企業はまだありません。
sessions = プログラム（セッション）
slots = ご希望の時間枠
session-seats-left = 残り{ $n }席
session-full = 満席
session-full-waitlist = 満席（キャンセル待ちで申込可）
no-limit = 定員なし
slot-free = 予約可
slot-taken = 予約済み
room = 会場
speaker = 登壇者
your-time = あなたの時間帯
show-in-zone = 別の時間帯で表示
zone-tokyo = 日本時間（東京）
show = 表示
preview-banner = プレビュー：主催者だけに表示しています（未公開の内容を含む場合があります）。

## added for issue 14
full-waitlist = 満席（キャンセル待ちで申込可）
full-no-waitlist = 満席のため、申込を受け付けていません
in-brackets = （{ $text }）
time-range = { $from }〜{ $to }
# A visitor's time zone, by its IANA name with '/' written as '-'.
zone-name = { $zone ->
    [Asia-Seoul] ソウル（韓国）
    [Asia-Shanghai] 上海（中国）
    [Asia-Taipei] 台北（台湾）
    [Asia-Manila] マニラ（フィリピン）
    [Asia-Singapore] シンガポール
    [Asia-Bangkok] バンコク（タイ）
    [Asia-Ho_Chi_Minh] ホーチミン（ベトナム）
    [Asia-Jakarta] ジャカルタ（インドネシア）
    [Asia-Kolkata] インド
    [Australia-Sydney] シドニー（オーストラリア）
    [Europe-London] ロンドン（イギリス）
    [Europe-Paris] パリ（フランス）
    [Europe-Berlin] ベルリン（ドイツ）
    [America-New_York] ニューヨーク（アメリカ東部）
    [America-Los_Angeles] ロサンゼルス（アメリカ西部）
    [UTC] 協定世界時（UTC）
   *[other] { $zone }
}
