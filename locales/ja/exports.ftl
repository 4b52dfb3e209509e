## Column headers of the back-office's CSV and Excel files, and the labels of the report
## tables, in the order the columns appear. Back-office only: やさしい日本語 reads them from ja.

## The roster (roster.csv, roster.xlsx)
col-attendee-id = 参加者ID
col-registration-id = 申込ID
col-status = 申込状態
col-attendee = 参加者
col-kana = フリガナ
col-department = 部署
col-title = 役職
col-email = メールアドレス
col-check-in = 受付
col-company = 会社名
col-company-kana = 会社名フリガナ
col-corporate-number = 法人番号
col-employees = 従業員数
col-prefecture = 都道府県
col-city = 区市町村
col-contact = 申込担当者
col-contact-email = 担当者メール
col-contact-phone = 担当者電話
col-heard-via = 認知経路
col-registered-at = 申込日時
col-sessions = セッション
# The worksheet's name in roster.xlsx.
export-roster-sheet = 名簿

## A campaign's entries (campaign.csv)
col-industry = 業種
col-company-employees = 従業員数
col-actions = 取組
col-employees-covered = 対象従業員数
col-first-day = 開始日
col-last-day = 終了日
col-listed = 一覧掲載

## Declarations (declarations.csv)
col-commitments = 宣言する取組
col-statement = 宣言文
col-review = 審査状況
col-reviewed-at = 審査日時

## Booth applications (exhibitors.csv)
col-positions = 募集職種
col-languages = 対応言語
col-booth-staff = 担当者数
col-visa-support = 就労ビザ支援
col-fields = 採用分野
col-students-interested = 訪問希望の学生

## Yes and no in a cell
export-yes = はい
export-no = いいえ
# Whether a company supports a work visa.
export-has = あり
export-has-not = なし

## An event's report (report.csv) and its charts
col-section = 項目
col-label = 区分
col-count = 件数
report-over-time = 申込数の推移（累計）
report-via-code = 申込経路コード（?via=）
report-company-size = 従業員規模
report-city = 所在地（区市町村）

## The fiscal year's report (reports.csv) and its chart
col-programme-area = 分野
col-events-held = 開催数
col-seats-offered = 定員合計
col-companies = 参加企業数
col-smes = うち中小企業
col-schools = 参加学校数
col-other-organizations = その他の参加団体数
col-attendees = 参加者数（確定）
col-checked-in = 受付済み
col-attendance-rate = 出席率
col-campaign-employees = キャンペーン対象従業員数
report-attendees-by-area = 分野別の参加者数

## The roster's columns added for every kind of event (issue 16), after col-heard-via:
## the ?via= code of the link the registrant came by, then the company's industry
## (col-industry above), TCCI membership and the rest of its address. One column per
## question of the event follows, headed by the question's own text.
col-via-code = 経路コード（?via=）
col-tcci-member = 東商会員
col-postal-code = 郵便番号
col-street = 町名・番地

## Who registered and where (issue 16)
col-registrant-kind = 申込者区分
col-country = 国・地域
col-region = 州・省など
## Expert dispatch (the fiscal-year report)

report-dispatch-title = 専門家派遣
report-dispatch-note = この年度に受け付けた申込（取り下げを除く）、申込んだ企業の数（同じ企業は1社）、この年度に実施した訪問の数です。
col-dispatch-requests = 申込件数
col-dispatch-companies = 申込企業数
col-dispatch-visits-held = 実施した訪問

## Expert dispatch (dispatch.csv)

col-dispatch-requested-at = 申込日時
col-dispatch-theme = テーマ
col-dispatch-issue = 課題
col-dispatch-employees = 従業員数
col-dispatch-state = 状況
col-dispatch-expert = 専門家
col-dispatch-visits = 訪問
