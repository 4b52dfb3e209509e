## Labels of codes: what each value of a closed set (industry, status, role...) is called.
## Ids: label-<set>-<code>, listed beside each value in src/domain.

## Audience
label-audience-companies = 企業・団体
label-audience-individuals = 個人

## RegistrationStatus
label-registration-status-confirmed = 参加確定
label-registration-status-waitlisted = キャンセル待ち
label-registration-status-cancelled = キャンセル済み
label-registration-status-duplicate = 登録済み（重複）

## AttendeeStatus
label-attendee-status-active = 参加
label-attendee-status-cancelled = キャンセル
label-attendee-status-duplicate = 重複

## HeardVia
label-heard-via-tcci-mail-magazine = 東京商工会議所のメールマガジン
label-heard-via-tosho-shimbun = 東商新聞
label-heard-via-tcci-advisor = 東京商工会議所の経営指導員
label-heard-via-tmg-website = 東京都のホームページ
label-heard-via-municipality = 区市町村からの案内
label-heard-via-other = その他

## MessageKind
label-message-kind-confirmed = 参加確定のお知らせ
label-message-kind-waitlisted = キャンセル待ち受付のお知らせ
label-message-kind-promoted = キャンセル待ちから参加確定のお知らせ
label-message-kind-changed = 申込内容変更のお知らせ
label-message-kind-cancelled = キャンセル受付のお知らせ
label-message-kind-already-registered = 既にお申し込み済みです
label-message-kind-event-changed = 開催内容変更のお知らせ
label-message-kind-event-cancelled = 開催中止のお知らせ
label-message-kind-reminder = 開催前のご案内
label-message-kind-announcement = 主催者からのお知らせ
label-message-kind-booth-received = 出展申込受付のお知らせ
label-message-kind-booth-decided = 出展審査の結果のお知らせ
label-message-kind-entry-received = 参加登録受付のお知らせ
label-message-kind-declaration-received = 宣言受付のお知らせ
label-message-kind-declaration-reviewed = 宣言の審査結果のお知らせ

## QuestionKind
label-question-kind-text = 自由記述
label-question-kind-single-choice = 単一選択
label-question-kind-multiple-choice = 複数選択
label-question-kind-yes-no = はい・いいえ

## CampaignAction
label-campaign-action-telework = テレワーク
label-campaign-action-staggered-commuting = 時差Biz（時差出勤）
label-campaign-action-flex-time = フレックスタイム
label-campaign-action-logistics = 物流の効率化・TDM
label-campaign-action-other = その他

## PartnerRole
label-partner-role-organizer = 主催
label-partner-role-co-host = 共催
label-partner-role-backing = 後援
label-partner-role-cooperation = 協力
label-partner-role-publicity = 周知協力

## PartnerState
label-partner-state-requested = 依頼中
label-partner-state-approved = 承認済み
label-partner-state-declined = 辞退

## BoothLanguage
label-booth-language-ja = 日本語
label-booth-language-en = 英語
label-booth-language-zh = 中国語
label-booth-language-ko = 韓国語
label-booth-language-vi = ベトナム語
label-booth-language-other = その他

## JapaneseLevel
label-japanese-level-n1 = JLPT N1
label-japanese-level-n2 = JLPT N2
label-japanese-level-n3 = JLPT N3
label-japanese-level-n4 = JLPT N4
label-japanese-level-n5 = JLPT N5
label-japanese-level-native = 母語
label-japanese-level-learning = 学習中（資格なし）

## ExhibitorState
label-booth-state-under-review = 審査中
label-booth-state-approved = 出展決定
label-booth-state-declined = 見送り

## ProgrammeArea
label-programme-area-work-style-reform = 働き方改革
label-programme-area-telework = テレワーク
label-programme-area-smooth-biz = スムーズビズ
label-programme-area-life-work-balance = ライフ・ワーク・バランス
label-programme-area-womens-advancement = 女性の活躍推進
label-programme-area-sme-talent = 中小企業の人材確保

## EventKind
label-event-kind-seminar = セミナー
label-event-kind-experience-seminar = 体験セミナー
label-event-kind-expo = EXPO
label-event-kind-job-fair = 合同企業説明会
label-event-kind-campaign = キャンペーン
label-event-kind-consultation = 相談会
label-event-kind-info-exchange = 情報交流会
label-event-kind-case-presentation = 事例発表会
label-event-kind-matching-event = マッチングイベント
label-event-kind-internship = インターンシップ
label-event-kind-declaration = 宣言

## EventFormat
label-event-format-on-site = 会場開催
label-event-format-online = オンライン
label-event-format-hybrid = 会場・オンライン併用

## EventStatus
label-event-status-draft = 下書き
label-event-status-published = 公開中
label-event-status-cancelled = 中止

## UserRole
label-user-role-admin = 管理者
label-user-role-organizer = 担当者
label-user-role-checkin-staff = 受付スタッフ
label-user-role-viewer = 閲覧者

## Industry
label-industry-construction = 建設業
label-industry-manufacturing = 製造業
label-industry-information-communications = 情報通信業
label-industry-transport = 運輸業・郵便業
label-industry-wholesale = 卸売業
label-industry-retail = 小売業
label-industry-finance = 金融業・保険業
label-industry-real-estate = 不動産業・物品賃貸業
label-industry-professional-services = 学術研究・専門・技術サービス業
label-industry-hospitality = 宿泊業・飲食サービス業
label-industry-living-services = 生活関連サービス業・娯楽業
label-industry-education = 教育・学習支援業
label-industry-medical = 医療・福祉
label-industry-other-services = サービス業（他に分類されないもの）
label-industry-other = その他

## EmployeeBand
label-employee-band-1-5 = 1〜5人
label-employee-band-6-20 = 6〜20人
label-employee-band-21-50 = 21〜50人
label-employee-band-51-100 = 51〜100人
label-employee-band-101-300 = 101〜300人
label-employee-band-301-1000 = 301〜1,000人
label-employee-band-1001-or-more = 1,001人以上

## OrganizationKind
label-organization-kind-tmg = 東京都
label-organization-kind-tcci = 東京商工会議所
label-organization-kind-municipality = 区市町村
label-organization-kind-association = 商工団体・業界団体
label-organization-kind-company = 企業
label-organization-kind-other = その他

## Commitment
label-commitment-telework = テレワークの推進
label-commitment-flexible-hours = 時差出勤・フレックスタイムの活用
label-commitment-online-meetings = オンライン会議・商談の活用
label-commitment-paperless = ペーパーレス化・電子決裁
label-commitment-satellite = サテライトオフィスの活用
label-commitment-other = その他

## ReviewState
label-declaration-state-under-review = 審査中
label-declaration-state-approved = 承認済み
label-declaration-state-returned = 差し戻し

## PickStatus
label-pick-status-confirmed = 参加確定
label-pick-status-waitlisted = キャンセル待ち
label-pick-status-cancelled = 取消

## Prefectures
label-prefecture-hokkaido = 北海道
label-prefecture-aomori = 青森県
label-prefecture-iwate = 岩手県
label-prefecture-miyagi = 宮城県
label-prefecture-akita = 秋田県
label-prefecture-yamagata = 山形県
label-prefecture-fukushima = 福島県
label-prefecture-ibaraki = 茨城県
label-prefecture-tochigi = 栃木県
label-prefecture-gunma = 群馬県
label-prefecture-saitama = 埼玉県
label-prefecture-chiba = 千葉県
label-prefecture-tokyo = 東京都
label-prefecture-kanagawa = 神奈川県
label-prefecture-niigata = 新潟県
label-prefecture-toyama = 富山県
label-prefecture-ishikawa = 石川県
label-prefecture-fukui = 福井県
label-prefecture-yamanashi = 山梨県
label-prefecture-nagano = 長野県
label-prefecture-gifu = 岐阜県
label-prefecture-shizuoka = 静岡県
label-prefecture-aichi = 愛知県
label-prefecture-mie = 三重県
label-prefecture-shiga = 滋賀県
label-prefecture-kyoto = 京都府
label-prefecture-osaka = 大阪府
label-prefecture-hyogo = 兵庫県
label-prefecture-nara = 奈良県
label-prefecture-wakayama = 和歌山県
label-prefecture-tottori = 鳥取県
label-prefecture-shimane = 島根県
label-prefecture-okayama = 岡山県
label-prefecture-hiroshima = 広島県
label-prefecture-yamaguchi = 山口県
label-prefecture-tokushima = 徳島県
label-prefecture-kagawa = 香川県
label-prefecture-ehime = 愛媛県
label-prefecture-kochi = 高知県
label-prefecture-fukuoka = 福岡県
label-prefecture-saga = 佐賀県
label-prefecture-nagasaki = 長崎県
label-prefecture-kumamoto = 熊本県
label-prefecture-oita = 大分県
label-prefecture-miyazaki = 宮崎県
label-prefecture-kagoshima = 鹿児島県
label-prefecture-okinawa = 沖縄県

## Lines built from codes and data (src/i18n/words.rs)
# Between the items of a list (names, labels).
list-separator = 、
# Between the languages spoken at a booth.
list-separator-languages = ・
# A choice "other" with the registrant's own words.
label-with-other = { $label }（{ $other }）
# One role of the partner line: 主催 東京都
partner-line-role = { $role } { $names }
partner-line-separator = { " / " }
channel-walk-in = 当日参加
venue-line = { $name } { $address }
venue-line-hybrid = { $name } { $address }（オンライン併用）
venue-line-online = オンライン
# The days a company takes part in a campaign (dates as 2027-07-01).
campaign-days = { $from }〜{ $to }
# A booth: the positions, the languages, and whether a work visa is supported ($visa: yes, no).
booth-details = { $positions } · { $languages } · { $visa ->
        [yes] 就労ビザ取得支援あり
       *[no] 就労ビザ取得支援なし
    }
answer-yes = はい
answer-no = いいえ
report-not-given = 未回答
report-total = 合計
# The statement registrants agree to when an event has none of its own.
default-purpose-of-use = ご登録いただいた個人情報は、本イベントの運営（参加者の確認、連絡、資料の送付、当日の受付）および主催者・共催者による今後の事業のご案内、実施結果の統計的な分析にのみ利用し、法令に基づく場合を除き、ご本人の同意なく第三者に提供することはありません。
# An event by its title and time.
event-with-time = { $title }（{ $when }）
label-shape-seats = 参加申込
label-shape-booth = 出展申込
label-shape-student-visit = 来場申込
label-shape-campaign-entry = キャンペーン参加
label-shape-declaration = 宣言
label-booth-state-withdrawn = 取り下げ
label-declaration-state-withdrawn = 取り下げ
label-entry-state-joined = 参加登録済み
label-entry-state-withdrawn = 取り下げ
session-status-who = { $status }（{ $names }）

## Who registers (issue 16)
label-audience-everyone = 企業・団体と個人
label-registrant-kind-company = 企業（法人）
label-registrant-kind-sole-proprietor = 個人事業主
label-registrant-kind-school = 学校（大学・専門学校・日本語学校など）
label-registrant-kind-municipality = 自治体
label-registrant-kind-association = 経済団体・業界団体
label-registrant-kind-other-organization = その他の団体（NPO・財団など）
label-registrant-kind-individual = 個人
label-school-type-university = 大学・大学院
label-school-type-junior-college = 短期大学
label-school-type-vocational-school = 専門学校
label-school-type-japanese-language-school = 日本語学校
label-school-type-high-school = 高等学校
label-school-type-other = その他の学校
# Messages to the staff of organizations (issue 16): a partner request and its answer.
label-message-kind-partner-requested = 共催・後援等のご依頼
label-message-kind-partner-answered = 共催・後援等のご依頼への回答
## Certification schemes
label-event-kind-certification = 認定制度
label-shape-certification-application = 認定申請
label-message-kind-certification-received = 認定申請受付のお知らせ
label-message-kind-certification-decided = 認定審査結果のお知らせ
label-certification-state-under-review = 審査中
label-certification-state-certified = 認定
label-certification-state-not-certified = 認定されず
label-certification-state-withdrawn = 取り下げ
## Expert dispatch

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
label-shape-internship-offer = インターンシップ受入
label-shape-internship-application = インターンシップ応募
label-offer-state-open = 募集中
label-offer-state-closed = 募集終了（定員）
label-offer-state-withdrawn = 取下げ
label-application-state-applied = 選考中
label-application-state-accepted = 受入決定
label-application-state-declined = 見送り
label-application-state-withdrawn = 取下げ
label-message-kind-internship-offer-received = 受入登録受付のお知らせ
label-message-kind-internship-applied = 応募受付のお知らせ
label-message-kind-internship-application-arrived = 新しい応募のお知らせ
label-message-kind-internship-decided = 選考結果のお知らせ
label-message-kind-attendance-check = 出席確認
