# 専門家派遣 in easy Japanese: the request form, the manage page, emails and calendar entries.

## Labels

label-event-kind-expert-dispatch = 専門家に 来てもらう
label-shape-dispatch-request = 専門家の 申し込み
label-dispatch-theme-work-style = 働き方を よくすること
label-dispatch-theme-telework = テレワーク
label-dispatch-theme-working-hours = 働く時間を 短くすること
label-dispatch-theme-leave = 休みを 取りやすくすること
label-dispatch-theme-care-balance = 子育てや 介護と 仕事
label-dispatch-theme-womens-advancement = 女性が 活躍すること
label-dispatch-theme-hr-systems = 評価や 給料の 決め方
label-dispatch-theme-digital = 仕事を デジタルにすること
label-visit-mode-on-site = 会社に 来てもらう
label-visit-mode-online = オンライン
label-dispatch-state-requested = 受け付けました（専門家を 探しています）
label-dispatch-state-assigned = 専門家が 決まりました
label-dispatch-state-closed = 終わりました
label-dispatch-state-withdrawn = 取り下げました
label-visit-state-scheduled = 予定
label-visit-state-held = 行いました
label-visit-state-not-held = 行いませんでした
label-visit-state-cancelled = 中止
label-message-kind-dispatch-received = 専門家の 申し込みを 受け付けました
label-message-kind-dispatch-visit = 専門家が 来る 日の お知らせ

## The form and the manage page

dispatch-request-link = 専門家に 来てもらう 申し込みを する
dispatch-section = 申し込む 内容
dispatch-intro = 働き方の 専門家が、会社に 来て、または オンラインで 相談に のります。お金は かかりません。
dispatch-theme = 相談したい こと
dispatch-issue = 困っていること
dispatch-issue-hint = 今の ようすと、困っていることを 書いてください（2,000文字まで）。
dispatch-employees = 働いている 人の 数
dispatch-preferred-dates = 来てほしい 日（3つまで）
dispatch-date-n = { $n }番目に いい日
dispatch-dates-hint = { $from }から { $to }までの 日を、1つ以上 選んでください。
dispatch-mode = 会い方
dispatch-state = 今の ようす
dispatch-company = 会社
dispatch-expert = 担当の 専門家
dispatch-expert-line = { $name }（{ $affiliation }）
dispatch-no-expert-yet = 今、専門家を 探しています。決まったら メールで 知らせます。
dispatch-visits = 来る日
dispatch-visits-hint = 来る日ごとに、カレンダーの ファイルを メールで 送ります。変わるときや 中止の ときも メールで 知らせます。
dispatch-no-visits-yet = 来る日は まだ 決まっていません。
dispatch-standing-requested = 申し込みを 受け付けました。専門家と 日を 決めて、メールで 知らせます。
dispatch-standing-assigned = 担当の 専門家が 決まりました。来る日は 下と メールで 知らせます。
dispatch-standing-closed = 今回の 相談は 終わりました。
dispatch-calendar-summary = 専門家が 来る日（{ $theme }）: { $company }

## Emails

dispatch-mail-request = 申し込んだ 内容
dispatch-mail-visit = 来る日
dispatch-mail-when = 日と 時間
dispatch-mail-where = 場所
dispatch-mail-link = 参加する URL

## Errors

error-dispatch-too-many-dates = 日は { $max }つまで 選べます。
error-dispatch-date-outside = この 事業の 期間の 中の 日を 選んでください。
error-dispatch-visit-past = これから 先の 日と 時間に してください。
error-dispatch-visit-limit = この会社は { $year }年度に もう { $max }回 来てもらっています。ほかの 日を 中止するか、次の 年度に してください。
error-dispatch-no-expert = 先に 専門家を 決めてください。
