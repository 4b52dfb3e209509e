# 専門家派遣（expert dispatch）: the request form, the manage page, emails and calendar entries.
# The back-office's own words are in backoffice.ftl (section "Expert dispatch").

## The form and the manage page

dispatch-request-link = 専門家の派遣を申し込む
dispatch-section = 専門家派遣の申込内容
dispatch-intro = 働き方改革の専門家（社会保険労務士、中小企業診断士など）が、貴社を訪問またはオンラインで支援します。費用はかかりません。
dispatch-theme = 相談のテーマ
dispatch-issue = 抱えている課題
dispatch-issue-hint = 今の状況と、困っていることを具体的にお書きください（2,000文字以内）。
dispatch-employees = 従業員数
dispatch-preferred-dates = 希望日（3つまで）
dispatch-date-n = 第{ $n }希望
dispatch-dates-hint = { $from }〜{ $to }の間で、1日以上お選びください。
dispatch-mode = 実施方法
dispatch-state = 状況
dispatch-company = 企業
dispatch-expert = 担当の専門家
dispatch-expert-line = { $name }（{ $affiliation }）
dispatch-no-expert-yet = 調整中です。決まりしだいメールでお知らせします。
dispatch-visits = 訪問日程
dispatch-visits-hint = 日程ごとにカレンダー用ファイルをメールでお送りしています。変更や中止もメールでお知らせします。
dispatch-no-visits-yet = まだ訪問日程は決まっていません。
dispatch-standing-requested = お申込みを受け付けました。担当の専門家と日程を調整し、メールでお知らせします。
dispatch-standing-assigned = 担当の専門家が決まりました。訪問日程は下の一覧とメールでお知らせします。
dispatch-standing-closed = 今回の支援は終了しました。
dispatch-calendar-summary = 専門家派遣（{ $theme }）: { $company }

## Emails

dispatch-mail-request = お申込み内容
dispatch-mail-visit = 訪問日程
dispatch-mail-when = 日時
dispatch-mail-where = 場所
dispatch-mail-link = 参加URL
