## Words the email templates share (emails/*/*.j2 call them with t("mail-…")).
## Prose that belongs to one message stays in that message's template.
mail-brand = 受付 uketsuke
mail-dear = { $name } 様
mail-copy-note = { $contact } 様が、あなたを参加者としてお申し込みくださいました。このメールはその写しです。変更・キャンセルは { $contact } 様にお申し出ください。
mail-event = イベント
mail-when = 日時
mail-where = 会場
mail-map = 地図
mail-map-link = 地図
mail-meeting-link = 参加用URL
mail-details = 詳細
mail-sessions = プログラム
mail-door = 当日受付
mail-door-show-qr = 受付でこのQRコードをご提示ください。
mail-door-show-qr-text = 受付でこのメールのQRコード（HTML版）をご提示ください。表示できない場合は、お名前と下記の受付コードをお伝えください。
mail-checkin-line = { $name }　受付コード: { $code }
mail-manage = 申込内容の確認・変更・キャンセル
mail-manage-private = このリンクはお申し込みごとに異なります。他の方に共有しないでください。
mail-questions = お問い合わせ
mail-privacy = 個人情報の取り扱い
mail-unsubscribe = リマインダー・お知らせメールの配信停止
mail-unsubscribe-note = 申込・変更・中止に関するメールは引き続きお送りします。
mail-footer = 東京都・東京商工会議所 働き方改革 イベント申込
mail-attendees = 参加者
mail-calendar-attached = カレンダーに登録できるファイル（invite.ics）を添付しています。
mail-calendar-removed = カレンダーの予定を取り消すファイル（invite.ics）を添付しています。
mail-calendar-updated = カレンダーの予定も更新されます（invite.ics を添付しています）。
mail-declaration = 宣言内容
mail-commitments = 取組
mail-statement = 宣言文
mail-campaign-entry = 参加内容
mail-campaign-actions = 取組
mail-campaign-employees = 対象従業員数
mail-people = { $n }名
mail-campaign-period = 取組期間
mail-campaign-listed = 参加企業一覧への掲載
mail-campaign-listed-yes = 希望する
mail-campaign-listed-no = 希望しない
## Where the review of a booth application or a declaration stands, in its receipt.
mail-review = 審査状況
mail-under-review = 審査中（まだ決定していません）
mail-booth = ブース
mail-positions = 募集職種
mail-languages = 対応言語
## A job fair's message carries the English version below the Japanese one, under this heading.
mail-english-version = English
mail-promoted-who = 確定した参加者: { $names }
