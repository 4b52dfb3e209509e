## Words the email templates share (emails/*/*.j2 call them with t("mail-…")).
## Prose that belongs to one message stays in that message's template.
## やさしい日本語: short sentences, everyday words, です/ます.
mail-brand = 受付 uketsuke
mail-dear = { $name } さん
mail-copy-note = { $contact } さんが、あなたを参加する人として申し込みました。このメールは、そのコピーです。変えたいときや、キャンセルしたいときは、{ $contact } さんに言ってください。
mail-event = イベント
mail-when = 日にちと時間
mail-your-time = あなたの 国の 時間
mail-period = 期間
mail-where = 場所
mail-map = 地図
mail-map-link = 地図
mail-meeting-link = 参加するURL
mail-details = くわしい説明
mail-sessions = あなたのプログラム
mail-door = 当日の受付
mail-door-show-qr = 受付で、このQRコードを見せてください。
mail-door-show-qr-text = 受付で、このメールのQRコードを見せてください（QRコードは、HTMLのメールにあります）。見せられないときは、あなたの名前と、下の受付コードを言ってください。
mail-checkin-line = { $name }　受付コード: { $code }
mail-manage = 申し込みを見る・変える・キャンセルする
mail-manage-private = このリンクは、あなただけのものです。ほかの人に教えないでください。
mail-questions = 質問があるとき
mail-privacy = あなたの情報の使い方
mail-unsubscribe = お知らせのメール（リマインダーなど）を止める
mail-unsubscribe-note = 申し込みのメールや、イベントが変わったとき・中止のときのメールは、これからも送ります。
mail-footer = 東京都と東京商工会議所の「働き方改革」のイベントの申し込み
mail-attendees = 参加する人
mail-calendar-attached = カレンダーに入れるファイル（.ics）を付けています。
mail-calendar-removed = カレンダーから予定を消すファイル（.ics）を付けています。
mail-calendar-updated = カレンダーの予定も新しくなります（.ics ファイルを付けています）。
mail-declaration = 宣言の内容
mail-commitments = 取り組み
mail-statement = 宣言の文
mail-campaign-entry = 参加の内容
mail-campaign-actions = 取り組み
mail-campaign-employees = 対象の社員の数
mail-people = { $n }人
mail-campaign-period = 取り組む期間
mail-campaign-listed = 参加する会社のリストに名前をのせる
mail-campaign-listed-yes = はい
mail-campaign-listed-no = いいえ
## Where the review of a booth application or a declaration stands, in its receipt.
mail-review = いまの状況
mail-under-review = いま、見ています（まだ決まっていません）
mail-booth = ブース
mail-positions = 募集する仕事
mail-languages = 使える言葉
## A job fair's message carries the English version below the Japanese one, under this heading.
mail-english-version = English
mail-promoted-who = 参加が 決まった 人: { $names }
