# 専門家派遣（expert dispatch）: the request form, the manage page, emails and calendar entries.
# The back-office's own words are in backoffice.ftl (section "Expert dispatch").

## Labels

label-event-kind-expert-dispatch = 専門家派遣
label-shape-dispatch-request = 専門家派遣の申込
label-dispatch-theme-work-style = 働き方改革全般
label-dispatch-theme-telework = テレワーク
label-dispatch-theme-working-hours = 労働時間の短縮
label-dispatch-theme-leave = 休暇の取得促進
label-dispatch-theme-care-balance = 育児・介護と仕事の両立
label-dispatch-theme-womens-advancement = 女性の活躍推進
label-dispatch-theme-hr-systems = 人事評価・賃金制度
label-dispatch-theme-digital = 業務のデジタル化
label-visit-mode-on-site = 訪問
label-visit-mode-online = オンライン
label-dispatch-state-requested = 受付済み（専門家の調整中）
label-dispatch-state-assigned = 専門家決定
label-dispatch-state-closed = 支援終了
label-dispatch-state-withdrawn = 取り下げ
label-visit-state-scheduled = 予定
label-visit-state-held = 実施済み
label-visit-state-not-held = 実施せず
label-visit-state-cancelled = 中止
label-message-kind-dispatch-received = 専門家派遣の申込受付のお知らせ
label-message-kind-dispatch-visit = 専門家の訪問日程のお知らせ

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

## Errors

error-dispatch-too-many-dates = 希望日は{ $max }つまでです。
error-dispatch-date-outside = 希望日は、この事業の期間内の日付をお選びください。
error-dispatch-visit-past = 訪問日時は、これから先の日時にしてください。
error-dispatch-visit-limit = この企業の{ $year }年度の訪問は、上限の{ $max }回に達しています。別の訪問を中止するか、翌年度の日程にしてください。
error-dispatch-no-expert = 先に担当の専門家を決めてください。
