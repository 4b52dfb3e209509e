# Error messages: `error-<code>` for each error code (the code with `_` as `-`). One code has
# one wording; the page shows the field's label next to a field's message, so a message may
# be general ("入力してください。").

## Whole requests

error-validation-failed = 入力内容に誤りがあります。各項目のメッセージをご確認ください。
error-not-found = お探しのページまたはデータは見つかりませんでした。
error-unauthenticated = 認証が必要です。有効なAPIトークンを Authorization: Bearer で送ってください。
error-forbidden = この操作を行う権限がありません。
error-payload-too-large = 送信された内容が大きすぎます。
error-internal = システムエラーが発生しました。時間をおいて再度お試しください。
error-request-control-character = 使用できない文字（制御文字など）が含まれています。取り除いてから送信してください。
error-request-invalid-encoding = 送信内容に文字として読めないデータ（UTF-8ではないバイト列）が含まれていたため、受け付けていません。ブラウザの「戻る」で入力画面に戻り、文字化けしている項目を入力し直してから送信してください。
error-method-not-allowed = このURLではその操作はできません。
error-unsupported-media-type = Content-Type: application/json で送ってください。
error-malformed-request = リクエストの形式が正しくありません
error-too-many-requests = リクエストが多すぎます。{ $seconds }秒ほど待ってから、もう一度お試しください。

## Any field

error-required = 入力してください。
error-choose-one = 選択してください。
error-choose-at-least-one = 1つ以上選択してください。
error-invalid-choice = 選択肢から選んでください。
error-too-long = { $max }文字以内で入力してください。
error-too-short = { $min }文字以上にしてください。
error-out-of-range = { $min }〜{ $max }の整数で入力してください。
error-invalid-number = { $min }以上の整数で入力してください。
error-not-a-number = 数字で入力してください。
error-not-a-time = 日時を「2026-12-03T14:00」の形で入力してください。
error-invalid-date = 日付は 2026-07-01 の形で入力してください。
error-control-character = 使用できない文字（制御文字など。画面には見えないことがあります）が含まれています。この項目を一度消して、入力し直してください。
error-line-break = 改行を含めず、1行で入力してください。
error-confirm-required = 確認のチェックを入れてください。
error-both-languages = 日本語と英語の両方で入力してください。
error-other-required = 「その他」の内容を入力してください。
error-invalid-email = メールアドレスの形式が正しくありません。
error-invalid-url = https:// で始まるURLを入力してください。

## Companies and people

error-invalid-corporate-number = 法人番号は13桁の数字で入力してください。
error-corporate-number-check-digit = 法人番号が正しくありません（チェックデジットが一致しません）。国税庁法人番号公表サイトでご確認ください。
error-corporate-number-required = 法人番号を入力してください（個人事業主の方は「個人事業主」にチェックしてください）。
error-invalid-postal-code = 郵便番号は日本国内なら7桁（例: 100-0005）、日本国外なら現地の表記（英数字・空白・ハイフン、12文字まで）で入力してください。
error-invalid-phone = 電話番号を正しく入力してください。日本国内は0から始まる10〜11桁（例: 03-1234-5678）、日本国外は国番号から（例: +1 415 555 0123）。
error-invalid-kana = { $latin ->
    [yes] フリガナはカタカナ・ひらがな、またはローマ字で入力してください。
   *[no] フリガナはカタカナまたはひらがなで入力してください。
}
error-invalid-prefecture = 都道府県を選択してください。
error-invalid-year = 卒業（予定）年を西暦4桁で入力してください（例: 2027）。

## Registrations

error-consent-required = 個人情報の利用目的に同意いただく必要があります。
error-answer-required = 回答してください。
error-unknown-question = この質問はありません。
error-no-attendees = 参加者を1名以上入力してください。
error-too-many-attendees = 参加者は{ $max }名までです。
error-per-company-limit = このイベントは1社{ $limit }名までです（この法人番号では既に{ $others }名が申込済みのため、あと{ $left }名まで）。
error-duplicate-attendee = 同じメールアドレスの参加者が既に入力されています。
error-not-for-campaign = キャンペーンへの参加には参加者の登録は不要です。
error-campaign-joined = この法人番号の企業は既に参加登録済みです。内容の変更は登録時のメールのリンクから行ってください。
error-idempotency-key-reused = この送信キーは別の内容の申込に使われています。
error-event-full = 満席のため、お申し込みいただけません。
error-event-cancelled = このイベントは中止になりました。
error-registration-not-open = 申込受付はまだ始まっていません。
error-registration-closed = 申込受付は終了しました。
error-registration-cancelled = この申込はキャンセル済みです。
error-registration-duplicate = この申込は、既に登録済みのメールアドレスと重複したため席を確保していません。変更・キャンセルできる内容はありません。
error-changes-closed = 開催後または中止のイベントの申込は変更できません。
error-individual-registration = 個人での申込では参加者を変更できません。
error-last-attendee = 参加者を1名以上残してください（すべて取り消す場合は申込をキャンセルしてください）。
error-unknown-attendee = この申込にその参加者はいません。
error-email-fixed = 登録済みの参加者のメールアドレスは変更できません。別の方に替わる場合は、この参加者を削除して新しく追加してください。
error-not-enough-seats = 残席が足りません（{ $seats }名分の席が必要です）。
error-not-waitlisted = この申込はキャンセル待ちではありません。
error-unknown-session = 選んだセッションはこのイベントにありません。ページを開き直してください。
error-one-slot = 時間枠は1社1枠です。1つだけ選んでください。
error-sessions-clash = 「{ $first }」と「{ $second }」は時間が重なっています。どちらか一方を選んでください。
error-slot-taken = 「{ $session }」の時間枠は他の方が予約しました。別の枠を選んでください。
error-session-full = 「{ $session }」は満席です。
error-unknown-booth = 選んだブースはこの説明会にありません。ページを開き直してください。
error-outside-period = 取組期間はキャンペーン期間（{ $from }〜{ $to }）の中で選んでください。
error-last-day-before-first = 終了日は開始日以降にしてください。

## Events, sessions and questions (back office)

error-invalid-slug = URL名は半角英小文字・数字・ハイフンの3〜64文字で入力してください（例: telework-seminar-2026-12）。
error-slug-taken = URL名「{ $slug }」は既に使われています。別の名前にしてください。
error-required-on-site = 会場で開催するイベントでは入力してください。
error-ends-before-start = 終了は開始より後にしてください。
error-closes-after-start = 申込締切は開始日時（キャンペーンは終了日時）までにしてください。
error-closes-before-opening = 申込締切は受付開始より後にしてください。
error-campaign-has-no-capacity = キャンペーン・宣言には定員を設定できません。
error-exceeds-capacity = 1社あたりの上限は定員以下にしてください。
error-below-seats-taken = 既に{ $seats }席が申し込まれています。定員はそれ以上にしてください。
error-invalid-reminder-days = リマインダーは開催の1〜30日前で、5回までにしてください。
error-event-in-past = 終了したイベントは公開できません。日時を確認してください。
error-event-not-published = 公開前のイベントにはお知らせを送れません。
error-not-published = この操作は公開中のイベントでのみできます。
error-one-line = 件名は1行で入力してください。
error-needs-english-subject = 英語の本文があるときは英語の件名も入力してください。
error-needs-english-body = 英語の件名があるときは英語の本文も入力してください。
error-outside-event = セッションはイベントの開催時間内に収めてください。
error-too-many-sessions = セッションは{ $max }個までです。
error-mixed-sessions = 相談枠（1社1枠）と講演などのセッションは同じイベントに混在できません。
error-session-in-use = 申込のあるセッションは削除できません。
error-too-many-questions = 質問は{ $max }個までです。
error-options-count = 選択肢は2〜50個にしてください。
error-invalid-value = 値は半角英数字・ハイフン・下線で入力してください。
error-duplicate-value = 同じ値の選択肢があります。
error-booths-full = ブース数（{ $booths }）に達しています。ブース数を増やすか、他の出展を見送ってください。
error-not-now = この申込の今の状態では、その操作はできません（承認済みのものをもう一度承認するなど）。一覧を開き直して、今の状態を確かめてください。
error-return-note-required = 差し戻す理由（修正してほしい点）を入力してください。

## Moving a registration, the door

error-choose-event = 振替先のイベントを選んでください。
error-unknown-event = 振替先は自分の団体のイベントから選んでください。
error-slot-booking = { $event } は時間枠の予約制のため、申込者ご本人が枠を選んで申し込む必要があります。
error-move-other-shape = { $event } は申込の種類または対象が違うため、移せません。移せるのは、同じ種類（セミナーの席など）で同じ対象（企業・個人）のイベントだけです。
error-not-open = { $event } は公開中で開催前のイベントではありません。
error-already-registered-there = { $names } は振替先に既に申し込まれています。
error-target-full = { $event } は満席です（{ $seats }名分の空きがありません）。
error-cancelled = キャンセル済みの申込は振り替えられません。
error-already-registered = このメールアドレスは既に申し込まれています。名前で検索して受付してください。
error-not-confirmed = { $name } 様は参加確定ではないため、受付できません。
error-not-in-session = { $name } 様はこのセッションの参加確定者ではありません。
error-walk-in-consent = 利用目的を説明し、同意を得たらチェックを入れてください。

## Accounts, organizations and partners

error-login-failed = メールアドレスまたはパスワードが正しくありません。何度も失敗した場合は、15分ほどおいてからお試しください。
error-wrong-password = 現在のパスワードが正しくありません。
error-passwords-differ = 確認用のパスワードが一致しません。
error-user-exists = このメールアドレスのユーザーは既に登録されています。
error-own-account = 自分自身の権限や利用停止は変更できません。別の管理者に依頼してください。
error-invalid-org-code = 団体コードは英数字・ハイフン・下線の2〜32文字です。
error-organization-exists = 団体コード { $code } は既に使われています。
error-unknown-organization = 団体コード { $code } の団体はありません。
error-organizer-is-fixed = 主催はイベントを作成した団体です。パートナーとして追加できません。
error-is-organizer = 主催団体を自分のパートナーにはできません。
error-partner-exists = { $name } は既にこのイベントのパートナーです。
error-database-not-empty = データベースに既にデータがあります。デモデータは空のデータベースにのみ入れられます。

## Who registers (issue 16)
error-invalid-country = 国・地域を選択してください。
error-invalid-time-zone = タイムゾーンを一覧から選択してください。
error-not-for-sole-proprietor = 個人事業主には法人番号がありません。法人番号がある場合は区分を「企業（法人）」にしてください。
## Certification: documents and calls
error-document-too-large = 「{ $name }」は大きすぎます。1ファイル { $max } MB までにしてください。
error-document-type = 「{ $name }」は PDF、PNG、JPEG のいずれでもありません（ファイルの中身で確認しています）。
error-document-empty = 「{ $name }」は空のファイルです。
error-document-required = 書類を1つ以上添付してください。
error-document-unreadable = 添付ファイルを読み取れませんでした。もう一度送信してください。
error-too-many-documents = 添付できる書類は { $max } 個までです。
error-invalid-category-code = コードは半角英小文字・数字・「_」「-」で32文字以内にしてください。
error-duplicate-category = 同じコードの部門がすでにあります。
error-too-many-categories = 部門は { $max } 個までです。
## Expert dispatch

error-dispatch-too-many-dates = 希望日は{ $max }つまでです。
error-dispatch-date-outside = 希望日は、この事業の期間内の日付をお選びください。
error-dispatch-visit-past = 訪問日時は、これから先の日時にしてください。
error-dispatch-visit-limit = この企業の{ $year }年度の訪問は、上限の{ $max }回に達しています。別の訪問を中止するか、翌年度の日程にしてください。
error-dispatch-no-expert = 先に担当の専門家を決めてください。
error-dispatch-assigned = 担当の専門家が決まっているため、ここでは取り下げられません。お問い合わせ先にご連絡ください。
error-internship-offer-unavailable = 選んだ受入企業は募集を終了したか、このプログラムのものではありません。ページを開き直して選び直してください。
error-internship-applied-already = この受入企業には既に応募しています。
error-internship-places-full = 受入人数（{ $places }名）に達しています。受け入れる前に、ほかの応募者の判断を見直してください。

## Check-in through the API (issue 17)
error-attendee-or-code = 参加者ID（attendee_id）か受付コード（code）のどちらか一方を指定してください。
error-invalid-confirm-days-before = 出席確認は開催の1〜30日前で指定してください。
