## Labels of codes: what each value of a closed set (industry, status, role...) is called.
## Ids: label-<set>-<code>, listed beside each value in src/domain.

## Audience
label-audience-companies = 会社・団体
label-audience-individuals = 個人（ひとり）

## RegistrationStatus
label-registration-status-confirmed = 参加できます
label-registration-status-waitlisted = 空きを待っています
label-registration-status-cancelled = キャンセルしました
label-registration-status-duplicate = もう申し込んでいます

## AttendeeStatus
label-attendee-status-active = 参加します
label-attendee-status-cancelled = キャンセルしました
label-attendee-status-duplicate = 同じ人がいます

## HeardVia
label-heard-via-tcci-mail-magazine = 東京商工会議所のメールマガジン
label-heard-via-tosho-shimbun = 東商新聞（東京商工会議所の新聞）
label-heard-via-tcci-advisor = 東京商工会議所の相談員
label-heard-via-tmg-website = 東京都のホームページ
label-heard-via-municipality = 区・市・町・村からのお知らせ
label-heard-via-other = そのほか

## MessageKind
label-message-kind-confirmed = 参加できます
label-message-kind-waitlisted = 空きを待っています
label-message-kind-promoted = 空きができました。参加できます
label-message-kind-changed = 申し込みの内容を変えました
label-message-kind-cancelled = キャンセルしました
label-message-kind-already-registered = もう申し込んでいます
label-message-kind-event-changed = イベントの内容が変わりました
label-message-kind-event-cancelled = イベントは中止です
label-message-kind-reminder = イベントの前のお知らせ
label-message-kind-announcement = 主催者からのお知らせ
label-message-kind-booth-received = 出展の申し込みを受け付けました
label-message-kind-booth-decided = 出展の結果のお知らせ
label-message-kind-entry-received = 参加の登録ができました
label-message-kind-declaration-received = 宣言を受け付けました
label-message-kind-declaration-reviewed = 宣言の結果のお知らせ

## QuestionKind
label-question-kind-text = 自由に書く
label-question-kind-single-choice = 1つ選ぶ
label-question-kind-multiple-choice = いくつでも選ぶ
label-question-kind-yes-no = はい・いいえ

## CampaignAction
label-campaign-action-telework = テレワーク
label-campaign-action-staggered-commuting = 時差Biz（時間をずらして通勤）
label-campaign-action-flex-time = フレックスタイム（働く時間を自分で決める）
label-campaign-action-logistics = 物流を効率よくする・TDM
label-campaign-action-other = そのほか

## PartnerRole
label-partner-role-organizer = 主催（開く団体）
label-partner-role-co-host = 共催（一緒に開く団体）
label-partner-role-backing = 後援（応援する団体）
label-partner-role-cooperation = 協力
label-partner-role-publicity = お知らせに協力

## PartnerState
label-partner-state-requested = お願いしています
label-partner-state-approved = オーケーです
label-partner-state-declined = ことわりました

## BoothLanguage
label-booth-language-ja = 日本語
label-booth-language-en = 英語
label-booth-language-zh = 中国語
label-booth-language-ko = 韓国語
label-booth-language-vi = ベトナム語
label-booth-language-other = そのほか

## JapaneseLevel
label-japanese-level-n1 = JLPT N1
label-japanese-level-n2 = JLPT N2
label-japanese-level-n3 = JLPT N3
label-japanese-level-n4 = JLPT N4
label-japanese-level-n5 = JLPT N5
label-japanese-level-native = 母語（生まれた時から話す言葉）
label-japanese-level-learning = 勉強中（資格はありません）

## ExhibitorState
label-booth-state-under-review = 確認しています
label-booth-state-approved = 出展できます
label-booth-state-declined = 見送り（今回は出展できません）

## ProgrammeArea
label-programme-area-work-style-reform = 働き方を変える
label-programme-area-telework = テレワーク
label-programme-area-smooth-biz = スムーズビズ
label-programme-area-life-work-balance = ライフ・ワーク・バランス
label-programme-area-womens-advancement = 女性が活躍できるようにする
label-programme-area-sme-talent = 中小企業の人をさがす

## EventKind
label-event-kind-seminar = セミナー
label-event-kind-experience-seminar = 体験するセミナー
label-event-kind-expo = EXPO
label-event-kind-job-fair = 会社の説明会（いくつもの会社）
label-event-kind-campaign = キャンペーン
label-event-kind-consultation = 相談会
label-event-kind-info-exchange = 情報を交換する会
label-event-kind-case-presentation = 会社の取り組みを紹介する会
label-event-kind-matching-event = マッチングイベント
label-event-kind-internship = インターンシップ
label-event-kind-declaration = 宣言

## EventFormat
label-event-format-on-site = 会場で開きます
label-event-format-online = オンライン（インターネット）
label-event-format-hybrid = 会場とオンライン

## EventStatus
label-event-status-draft = 下書き
label-event-status-published = 公開しています
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
label-industry-other-services = そのほかのサービス業
label-industry-other = そのほか

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
label-organization-kind-municipality = 区・市・町・村
label-organization-kind-association = 会社の団体
label-organization-kind-company = 会社
label-organization-kind-other = そのほか

## Commitment
label-commitment-telework = テレワークを進める
label-commitment-flexible-hours = 時間をずらした通勤・フレックスタイムを使う
label-commitment-online-meetings = オンラインで会議や商談をする
label-commitment-paperless = 紙を使わない・電子で決める
label-commitment-satellite = サテライトオフィス（家の近くの事務所）を使う
label-commitment-other = そのほか

## ReviewState
label-declaration-state-under-review = 確認しています
label-declaration-state-approved = オーケーです
label-declaration-state-returned = もう一度書いてください

## PickStatus
label-pick-status-confirmed = 参加できます
label-pick-status-waitlisted = 空きを待っています
label-pick-status-cancelled = やめました

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
# One role of the partner line.
partner-line-role = { $role } { $names }
partner-line-separator = { " / " }
channel-walk-in = 当日 来た
venue-line = { $name } { $address }
venue-line-hybrid = { $name } { $address }（オンラインでも 参加できます）
venue-line-online = オンライン（インターネット）
# The days a company takes part in a campaign (dates as 2027-07-01).
campaign-days = { $from }から{ $to }まで
# A booth: the positions, the languages, and whether a work visa is supported ($visa: yes, no).
booth-details = { $positions } · { $languages } · { $visa ->
        [yes] 仕事の ビザを とる 手伝いが あります
       *[no] 仕事の ビザを とる 手伝いは ありません
    }
answer-yes = はい
answer-no = いいえ
report-not-given = 答えて いません
report-total = 合計
# The statement registrants agree to when an event has none of its own.
default-purpose-of-use = 登録した あなたの 情報は、この イベントの ために 使います（参加する 人の 確認、連絡、資料を 送る こと、当日の 受付）。主催者と 共催者が これからの イベントを お知らせする ためと、結果の 数を 数える ためにも 使います。法律で 決まっている とき 以外は、あなたが いいと 言わないと、ほかの 人や 会社に 渡しません。
# An event by its title and time.
event-with-time = { $title }（{ $when }）
label-shape-seats = 申し込み
label-shape-booth = ブースを出す申し込み
label-shape-student-visit = 見に行く申し込み
label-shape-campaign-entry = キャンペーンに参加
label-shape-declaration = 宣言
label-booth-state-withdrawn = やめました
label-declaration-state-withdrawn = やめました
label-entry-state-joined = 参加しています
label-entry-state-withdrawn = やめました
session-status-who = { $status }（{ $names }）

## Who registers (issue 16)
label-audience-everyone = 会社・団体と 個人
label-registrant-kind-company = 会社
label-registrant-kind-sole-proprietor = 個人事業主（ひとりで 仕事を している 人）
label-registrant-kind-school = 学校（大学・専門学校・日本語学校など）
label-registrant-kind-municipality = 市・区・町・村
label-registrant-kind-association = 会社の グループ（団体）
label-registrant-kind-other-organization = その ほかの 団体
label-registrant-kind-individual = 個人（ひとり）
label-school-type-university = 大学・大学院
label-school-type-junior-college = 短期大学
label-school-type-vocational-school = 専門学校
label-school-type-japanese-language-school = 日本語学校
label-school-type-high-school = 高校
label-school-type-other = その ほかの 学校
# Messages to the staff of organizations (issue 16): a partner request and its answer.
label-message-kind-partner-requested = 共催・後援などのお願い
label-message-kind-partner-answered = 共催・後援などのお願いへの答え
## Certification schemes
label-event-kind-certification = 認定
label-shape-certification-application = 認定の申し込み
label-message-kind-certification-received = 認定の申し込みを受け付けました
label-message-kind-certification-decided = 認定の結果のお知らせ
label-certification-state-under-review = いま、見ています
label-certification-state-certified = 認定しました
label-certification-state-not-certified = 認定になりませんでした
label-certification-state-withdrawn = やめました
## Expert dispatch

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
label-shape-internship-offer = インターンシップの 受け入れ
label-shape-internship-application = インターンシップの 応募
label-offer-state-open = 募集中
label-offer-state-closed = 募集は 終わりました（人数が いっぱい）
label-offer-state-withdrawn = 取り下げ
label-application-state-applied = 結果を 待っています
label-application-state-accepted = 受け入れが 決まりました
label-application-state-declined = 今回は 見送り
label-application-state-withdrawn = 取り下げ
label-message-kind-internship-offer-received = 受け入れの 登録が できました
label-message-kind-internship-applied = 応募が できました
label-message-kind-internship-application-arrived = 新しい 応募が ありました
label-message-kind-internship-decided = 応募の 結果
label-message-kind-attendance-check = 来ることが できるかの 確認
