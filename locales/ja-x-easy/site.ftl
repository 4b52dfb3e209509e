site-name = 受付 uketsuke
site-tagline = 東京都と東京商工会議所の イベントの 申し込み
skip-to-content = 本文へ 行く
language = ことば
catalogue-title = イベントと セミナー
catalogue-intro = 東京都と 東京商工会議所が 一緒に 行う セミナーや イベントです。働き方、テレワーク、人を 集める ことなどを 学べます。
filters = しぼりこむ
filter-area = 分野
filter-kind = 種類
filter-format = 参加の しかた
filter-month = 月
filter-text = ことばで 探す
filter-all = すべて
filter-submit = 探す
filter-reset = 条件を 消す
results-count = 件の イベント
no-results = 合う イベントが ありません。ほかの 条件で 探してください。
date-time = 日と 時間
period = 期間（いつから いつまで）
venue = 場所
seats = 席
full = 満席です
seats-left = あと { $left } 席です（全部で { $capacity } 席）
online-too = ／オンライン
lang-ja = 日本語
lang-en = 英語
no-seat-limit = 席の 数に 決まりは ありません
partners = イベントを する 団体
online = オンライン
online-note = 参加が 決まった 人に、参加する ための URLを メールで 送ります。
map = 地図を 見る
languages = 使う ことば
per-company-limit = 1つの 会社から 参加できる 人数
persons = 人
registration = 申し込み
registration-open = 申し込みが できます
registration-not-yet = まだ 申し込みは できません
registration-closed = 申し込みは 終わりました
registration-period = 申し込みが できる 期間
fiscal-year = 年度
cancelled-banner = この イベントは 中止に なりました。
description = 内容
back-to-catalogue = イベントの 一覧に 戻る
previous-page = 前の ページ
next-page = 次の ページ
page = ページ
footer-note = この サイトは、東京都と 東京商工会議所の 約束（働き方を よく する ための 協定）に よる イベントの 申し込みの サイトです。
api-docs = API
calendar = カレンダー
add-to-calendar = カレンダーに 入れる（.ics）
unsubscribe-stopped = お知らせの メールを 止めました。
unsubscribe-resumed = お知らせの メールを また 送ります。
error-title = エラー
register-link = この イベントに 申し込む
required = 必ず
optional = しなくても よい
employee-band = 働く 人の 数
yes = はい
no = いいえ
section-contact = 申し込む 人
name = 名前
department = 部署
job-title = 役職
email = メールアドレス
section-attendees = 参加する 人
registration-not-open-yet = まだ 申し込みは できません。
registration-closed-message = 申し込みは 終わりました。
csrf-failed = 時間が たちすぎたか、ほかの 画面から 送りました。書いた 内容は 残っています。もう一度 送ってください。
form-resubmitted = この フォームは もう 送りました。直した 内容で 申し込む ときは、もう一度「申し込む」を 押してください。
done-changed = 申し込みの 内容を 変えました。
done-cancelled = 申し込みを キャンセルしました。
done-attendee-cancelled = 参加する 人を キャンセルしました。
company = 会社・団体
not-found-title = ページが ありません
exhibit-link = 会社の 方へ: ブースを 出す 申し込み
booth-languages = ブースで 話せる ことば / Languages at the booth
booth-positions = 募集する 仕事 / Positions offered
booth-visa-support = 仕事の ビザの 手伝い / Work visa support
exhibitors = ブースを 出す 会社 / Exhibitors
no-exhibitors = ブースを 出す 会社は、決まったら ここに 出します。
booth-interested = 行きたい 学生の 数 / Students who want to visit
join-link = キャンペーンに 参加する
declare-link = 宣言する
declaration-commitments = 宣言する こと
declaration-state = チェックの 結果
declared-companies = 宣言した 会社
campaign-actions = する こと
campaign-period = キャンペーンの 期間:
participants = 参加する 会社
participants-note = 名前を 出して よいと 言った 会社です。
no-participants = 名前を 出して よいと 言った 会社は まだ ありません。
sessions = プログラム
slots = 時間
session-seats-left = あと { $n } 席
session-full = 満席です
session-full-waitlist = 満席です（空きを 待つ 申し込みが できます）
no-limit = 決まりは ありません
slot-free = 空いています
slot-taken = 予約が あります
room = 部屋
speaker = 話す 人
your-time = あなたの 国の 時間
show-in-zone = ほかの 国の 時間で 見る
zone-tokyo = 日本の 時間（東京）
show = 見る
preview-banner = プレビューです。イベントを 作る 人だけが 見られます（まだ 出していない 内容も あります）。

## added for issue 14
full-waitlist = 満席です（空きを 待つ 申し込みが できます）
full-no-waitlist = 満席です。もう 申し込みは できません
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
    [America-New_York] ニューヨーク（アメリカの 東）
    [America-Los_Angeles] ロサンゼルス（アメリカの 西）
    [UTC] 世界の 基準の 時間（UTC）
   *[other] { $zone }
}
