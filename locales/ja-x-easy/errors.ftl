# Error messages in easy Japanese (やさしい日本語): short sentences, everyday words, です/ます.
# The same ids and arguments as locales/ja/errors.ftl.

## Whole requests

error-validation-failed = 入力にまちがいがあります。それぞれの項目のメッセージを見てください。
error-not-found = ページまたはデータが見つかりません。
error-unauthenticated = 認証が必要です。正しいAPIトークンを Authorization: Bearer で送ってください。
error-forbidden = この操作はできません。権限がありません。
error-payload-too-large = 送った内容が大きすぎます。
error-internal = システムのエラーです。少し待ってから、もう一度ためしてください。
error-request-control-character = 使えない文字（制御文字など）があります。消してから送ってください。
error-request-invalid-encoding = 送った内容に、文字として読めないデータ（UTF-8ではないデータ）がありました。受け付けていません。ブラウザの「戻る」で入力の画面にもどってください。文字がおかしい項目を入力し直して、送ってください。
error-method-not-allowed = このURLでは、その操作はできません。
error-unsupported-media-type = Content-Type: application/json で送ってください。
error-malformed-request = リクエストの形が正しくありません
error-too-many-requests = リクエストが多すぎます。{ $seconds }秒ぐらい待ってから、もう一度ためしてください。

## Any field

error-required = 入力してください。
error-choose-one = 選んでください。
error-choose-at-least-one = 1つ以上選んでください。
error-invalid-choice = 選択肢の中から選んでください。
error-too-long = { $max }文字までで入力してください。
error-too-short = { $min }文字以上にしてください。
error-out-of-range = { $min }から{ $max }までの数字で入力してください。
error-invalid-number = { $min }以上の数字で入力してください。
error-not-a-number = 数字で入力してください。
error-not-a-time = 日時は「2026-12-03T14:00」の形で入力してください。
error-invalid-date = 日付は 2026-07-01 の形で入力してください。
error-control-character = 使えない文字（制御文字など）があります。画面では見えないことがあります。この項目を全部消して、もう一度入力してください。
error-line-break = 改行しないで、1行で入力してください。
error-confirm-required = 確認のチェックを入れてください。
error-both-languages = 日本語と英語の両方で入力してください。
error-other-required = 「その他」の内容を書いてください。
error-invalid-email = メールアドレスの形が正しくありません。
error-invalid-url = https:// で始まるURLを入力してください。

## Companies and people

error-invalid-corporate-number = 法人番号は13けたの数字です。
error-corporate-number-check-digit = 法人番号が正しくありません。国税庁の法人番号公表サイトで確認してください。
error-corporate-number-required = 法人番号を入力してください。個人事業主の人は「個人事業主」にチェックしてください。
error-invalid-postal-code = 郵便番号は、日本は 7けた（例: 100-0005）、日本の 外は その 国の 書き方で 書いてください。
error-invalid-phone = 電話番号を 正しく 書いてください。日本は 0から 始まる 10けたか 11けた（例: 03-1234-5678）、日本の 外は 国の 番号から（例: +1 415 555 0123）。
error-invalid-kana = { $latin ->
    [yes] フリガナは、カタカナ・ひらがな・ローマ字のどれかで入力してください。
   *[no] フリガナは、カタカナかひらがなで入力してください。
}
error-invalid-prefecture = 都道府県を選んでください。
error-invalid-year = 卒業する年を、西暦の4けたで入力してください（例: 2027）。

## Registrations

error-consent-required = 個人情報の使い方に同意してください。
error-answer-required = 答えてください。
error-unknown-question = この質問はありません。
error-no-attendees = 参加する人を1人以上入力してください。
error-too-many-attendees = 参加する人は{ $max }人までです。
error-per-company-limit = このイベントは1社{ $limit }人までです。この法人番号では、もう{ $others }人が申し込んでいます。あと{ $left }人まで申し込めます。
error-duplicate-attendee = 同じメールアドレスの参加者が、もう入力されています。
error-not-for-campaign = キャンペーンでは、参加する人の登録はいりません。
error-campaign-joined = この法人番号の会社は、もう登録しています。内容を変えるときは、登録したときのメールのリンクを使ってください。
error-idempotency-key-reused = この送信キーは、別の内容の申し込みで使われています。
error-event-full = 席がいっぱいです。申し込みできません。
error-event-cancelled = このイベントは中止になりました。
error-registration-not-open = 申し込みはまだ始まっていません。
error-registration-closed = 申し込みは終わりました。
error-registration-cancelled = この申し込みはキャンセルされています。
error-registration-duplicate = この申し込みは、前に登録したメールアドレスと同じでした。そのため席はとっていません。変更やキャンセルはできません。
error-changes-closed = イベントが始まった後や中止の後は、申し込みを変更できません。
error-individual-registration = 個人の申し込みでは、参加者を変更できません。
error-last-attendee = 参加する人を1人以上残してください。全員やめるときは、申し込みをキャンセルしてください。
error-unknown-attendee = この申し込みに、その参加者はいません。
error-email-fixed = 登録した参加者のメールアドレスは変えられません。別の人が参加するときは、この参加者を消して、新しく追加してください。
error-not-enough-seats = 空いている席が足りません。{ $seats }人分の席が必要です。
error-not-waitlisted = この申し込みは、空きを待つ申し込みではありません。
error-unknown-session = 選んだセッションは、このイベントにありません。ページを開き直してください。
error-one-slot = 時間は1社1つです。1つだけ選んでください。
error-sessions-clash = 「{ $first }」と「{ $second }」は時間が同じです。どちらか1つを選んでください。
error-slot-taken = 「{ $session }」の時間は、ほかの人が予約しました。別の時間を選んでください。
error-session-full = 「{ $session }」は席がいっぱいです。
error-unknown-booth = 選んだブースは、この説明会にありません。ページを開き直してください。
error-outside-period = キャンペーンの期間（{ $from }〜{ $to }）の中で選んでください。
error-last-day-before-first = 終わりの日は、始まりの日と同じか、その後にしてください。

## Events, sessions and questions (back office)

error-invalid-slug = URL名は、小さい英字・数字・ハイフンで、3〜64文字にしてください（例: telework-seminar-2026-12）。
error-slug-taken = URL名「{ $slug }」は、もう使われています。別の名前にしてください。
error-required-on-site = 会場でするイベントでは入力してください。
error-ends-before-start = 終わりは、始まりより後にしてください。
error-closes-after-start = 申し込みのしめきりは、始まりの日時（キャンペーンは終わりの日時）までにしてください。
error-closes-before-opening = 申し込みのしめきりは、受付開始より後にしてください。
error-campaign-has-no-capacity = キャンペーンと宣言には、定員はありません。
error-exceeds-capacity = 1社の上限は、定員より多くできません。
error-below-seats-taken = もう{ $seats }席が申し込まれています。定員はそれより少なくできません。
error-invalid-reminder-days = リマインダーは、イベントの1〜30日前です。5回までです。
error-event-in-past = 終わったイベントは公開できません。日時を確認してください。
error-event-not-published = 公開していないイベントには、お知らせを送れません。
error-not-published = 公開しているイベントでだけできます。
error-one-line = 件名は1行で入力してください。
error-needs-english-subject = 英語の本文があるときは、英語の件名も入力してください。
error-needs-english-body = 英語の件名があるときは、英語の本文も入力してください。
error-outside-event = セッションは、イベントの時間の中にしてください。
error-too-many-sessions = セッションは{ $max }個までです。
error-mixed-sessions = 相談の時間（1社1つ）と講演などのセッションは、同じイベントにできません。
error-session-in-use = 申し込みがあるセッションは消せません。
error-too-many-questions = 質問は{ $max }個までです。
error-options-count = 選択肢は2〜50個にしてください。
error-invalid-value = 値は、英字・数字・ハイフン・下線で入力してください。
error-duplicate-value = 同じ値の選択肢があります。
error-booths-full = ブースの数（{ $booths }）がいっぱいです。ブースの数を増やすか、ほかの出展を見送ってください。
error-not-now = 今の 状態では できません。一覧を もう一度 開いて ください。
error-return-note-required = もどす理由（直してほしいところ）を書いてください。

## Moving a registration, the door

error-choose-event = 移す先のイベントを選んでください。
error-unknown-event = 移す先は、自分の団体のイベントから選んでください。
error-slot-booking = { $event } は時間を予約するイベントです。申し込んだ本人が時間を選んで申し込む必要があります。
error-move-other-shape = { $event } には 移せません。申し込みの 種類か 対象が ちがいます。
error-not-open = { $event } は、公開していて、まだ始まっていないイベントではありません。
error-already-registered-there = { $names } は、移す先のイベントにもう申し込んでいます。
error-target-full = { $event } は席がいっぱいです（{ $seats }人分の空きがありません）。
error-cancelled = キャンセルした申し込みは移せません。
error-already-registered = このメールアドレスは、もう申し込んでいます。名前でさがして受付してください。
error-not-confirmed = { $name } さんは参加が決まっていないため、受付できません。
error-not-in-session = { $name } さんは、このセッションの参加が決まっていません。
error-walk-in-consent = 個人情報の使い方を説明して、同意をもらったらチェックを入れてください。

## Accounts, organizations and partners

error-login-failed = メールアドレスかパスワードが正しくありません。何回もまちがえたときは、15分ぐらい待ってから、もう一度ためしてください。
error-wrong-password = 今のパスワードが正しくありません。
error-passwords-differ = 確認のパスワードが同じではありません。
error-user-exists = このメールアドレスのユーザーは、もう登録されています。
error-own-account = 自分の権限や利用停止は変えられません。ほかの管理者にたのんでください。
error-invalid-org-code = 団体コードは、英字・数字・ハイフン・下線で、2〜32文字です。
error-organization-exists = 団体コード { $code } は、もう使われています。
error-unknown-organization = 団体コード { $code } の団体はありません。
error-organizer-is-fixed = 主催は、イベントを作った団体です。パートナーにはできません。
error-is-organizer = 主催の団体は、自分のパートナーにはできません。
error-partner-exists = { $name } は、もうこのイベントのパートナーです。
error-database-not-empty = データベースにもうデータがあります。デモのデータは、空のデータベースにだけ入れられます。

## Who registers (issue 16)
error-invalid-country = 国・地域を 選んでください。
error-invalid-time-zone = 時間（タイムゾーン）を リストから 選んでください。
error-not-for-sole-proprietor = 個人事業主には 法人番号が ありません。法人番号が あるときは「会社」を 選んでください。
## Certification: documents and calls
error-document-too-large = 「{ $name }」は 大きすぎます。1こ { $max } MB までに してください。
error-document-type = 「{ $name }」は PDF、PNG、JPEG では ありません（ファイルの 中を 見て 調べています）。
error-document-empty = 「{ $name }」は 中が 空の ファイルです。
error-document-required = ファイルを 1こ以上 つけてください。
error-document-unreadable = ファイルを 読めませんでした。もう一度 送ってください。
error-too-many-documents = ファイルは { $max }こまで です。
error-invalid-category-code = コードは 英語の小文字、数字、「_」「-」で、32文字までです。
error-duplicate-category = 同じコードの 部門が もう あります。
error-too-many-categories = 部門は { $max }こまで です。
## Expert dispatch

error-dispatch-too-many-dates = 日は { $max }つまで 選べます。
error-dispatch-date-outside = この 事業の 期間の 中の 日を 選んでください。
error-dispatch-visit-past = これから 先の 日と 時間に してください。
error-dispatch-visit-limit = この会社は { $year }年度に もう { $max }回 来てもらっています。ほかの 日を 中止するか、次の 年度に してください。
error-dispatch-no-expert = 先に 専門家を 決めてください。
error-dispatch-assigned = 専門家が もう 決まっているので、ここでは 取り下げられません。問い合わせ先に 連絡してください。
error-internship-offer-unavailable = 選んだ 会社は、もう 募集を して いないか、この プログラムの 会社では ありません。ページを 開き直して、もう一度 選んで ください。
error-internship-applied-already = この 会社には、もう 応募して います。
error-internship-places-full = 受け入れる 人数（{ $places }人）が いっぱいです。ほかの 学生を 見送ってから 受け入れて ください。

## Check-in through the API (issue 17)
error-attendee-or-code = 参加者の 番号（attendee_id）か 受付の コード（code）の どちらか 1つを 書いてください。
error-invalid-confirm-days-before = 出席確認は 開催の 1〜30日前に してください。
