# 専門家派遣 in easy Japanese: the request form, the manage page, emails and calendar entries.

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
