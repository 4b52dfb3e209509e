//! One realistic event of every kind the plan names, dated from today.
use super::*;

pub(super) struct DemoEvent {
    pub(super) input: EventInput,
    pub(super) partners: &'static [(&'static str, PartnerRole)],
    pub(super) publish: bool,
    /// Talks of an EXPO, or a consultation desk's slots.
    pub(super) sessions: Vec<crate::domain::SessionInput>,
}

/// A talk or workshop of the EXPO.
fn talk(
    title: (&str, &str),
    when: (DateTime<Utc>, DateTime<Utc>),
    room: (&str, &str),
    speaker: &str,
    capacity: i64,
    language: Option<&str>,
) -> crate::domain::SessionInput {
    crate::domain::SessionInput {
        title_ja: Some(title.0.into()),
        title_en: Some(title.1.into()),
        starts_at: Some(when.0),
        ends_at: Some(when.1),
        room_ja: Some(room.0.into()),
        room_en: Some(room.1.into()),
        speaker: Some(speaker.into()),
        language: language.map(str::to_owned),
        capacity: Some(capacity),
        exclusive: false,
        online_url: None,
    }
}

/// A consultation day's slots: 45 minutes each, on the hour, from 10:00 to 16:45.
fn slots(now: DateTime<Utc>, days: i64) -> Vec<crate::domain::SessionInput> {
    (10..17)
        .map(|h| {
            let (s, e) = (jst(now, days, h, 0), jst(now, days, h, 45));
            crate::domain::SessionInput {
                title_ja: Some(format!("{h}:00〜{h}:45 相談枠")),
                title_en: Some(format!("Consultation {h}:00–{h}:45")),
                starts_at: Some(s),
                ends_at: Some(e),
                room_ja: Some(
                    if h % 2 == 0 {
                        "相談室1"
                    } else {
                        "相談室2"
                    }
                    .into(),
                ),
                room_en: Some(if h % 2 == 0 { "Room 1" } else { "Room 2" }.into()),
                speaker: Some("社会保険労務士".into()),
                language: None,
                capacity: None,
                exclusive: true,
                // The afternoon is held online, each slot in a room of its own.
                online_url: (h >= 14)
                    .then(|| format!("https://meet.example.jp/workstyle-consultation-{h}")),
            }
        })
        .collect()
}

/// `days` from today at `hour:minute` Tokyo time.
fn jst(now: DateTime<Utc>, days: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let day = (now.with_timezone(&Tokyo) + Duration::days(days)).date_naive();
    Tokyo
        .from_local_datetime(&day.and_hms_opt(hour, minute, 0).expect("valid time"))
        .single()
        .expect("Tokyo has no DST")
        .with_timezone(&Utc)
}

#[allow(clippy::too_many_arguments)]
fn event(
    slug: &str,
    title: (&str, &str),
    description: (&str, &str),
    area: ProgrammeArea,
    kind: EventKind,
    format: EventFormat,
    venue: Option<(&str, &str, &str, &str, &str)>,
    when: (DateTime<Utc>, DateTime<Utc>),
    capacity: Option<i64>,
    per_company_limit: Option<i64>,
    languages: &[Language],
) -> EventInput {
    EventInput {
        slug: Some(slug.into()),
        title_ja: Some(title.0.into()),
        title_en: Some(title.1.into()),
        description_ja: Some(description.0.into()),
        description_en: Some(description.1.into()),
        programme_area: Some(area),
        kind: Some(kind),
        format: Some(format),
        venue_name_ja: venue.map(|v| v.0.into()),
        venue_name_en: venue.map(|v| v.1.into()),
        venue_address_ja: venue.map(|v| v.2.into()),
        venue_address_en: venue.map(|v| v.3.into()),
        venue_map_url: venue.map(|v| v.4.into()),
        online_url: (format != EventFormat::OnSite)
            .then(|| "https://meet.example.jp/uketsuke-demo".into()),
        starts_at: Some(when.0),
        ends_at: Some(when.1),
        registration_opens_at: None,
        registration_closes_at: None,
        capacity,
        per_company_limit,
        languages: Some(languages.to_vec()),
        ..Default::default()
    }
}

pub(super) fn demo_events(now: DateTime<Utc>) -> Vec<DemoEvent> {
    use EventFormat::*;
    use EventKind::*;
    use PartnerRole::*;
    use ProgrammeArea::*;
    const TCCI_HALL: (&str, &str, &str, &str, &str) = (
        "東京商工会議所 渋沢ホール",
        "TCCI Shibusawa Hall",
        "東京都千代田区丸の内3-2-2 丸の内二重橋ビル4階",
        "4F Marunouchi Nijubashi Bldg., 3-2-2 Marunouchi, Chiyoda-ku, Tokyo",
        "https://www.openstreetmap.org/search?query=丸の内二重橋ビル",
    );
    // Next summer's Smooth-Biz campaign: July and August, Tokyo time.
    let summer =
        now.with_timezone(&Tokyo).year() + i32::from(now.with_timezone(&Tokyo).month() >= 7);
    let campaign_start = Tokyo
        .with_ymd_and_hms(summer, 7, 1, 0, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let campaign_end = Tokyo
        .with_ymd_and_hms(summer, 8, 31, 23, 59, 0)
        .unwrap()
        .with_timezone(&Utc);

    vec![
        DemoEvent {
            input: event(
                "telework-experience-hachioji",
                (
                    "テレワーク体験セミナー in 八王子",
                    "Telework hands-on seminar in Hachioji",
                ),
                (
                    "テレワークの導入を検討している中小企業の経営者・担当者向けに、Web会議やクラウドツールを実際に操作しながら、導入の進め方と都の支援制度を紹介します。",
                    "For owners and staff of small and medium-sized companies considering telework: try web meetings and cloud tools hands-on, and learn how to introduce telework and which TMG support is available.",
                ),
                Telework,
                ExperienceSeminar,
                OnSite,
                Some((
                    "八王子市学園都市センター 第1セミナー室",
                    "Hachioji Gakuen Toshi Center, Seminar Room 1",
                    "東京都八王子市旭町9-1 八王子スクエアビル11階",
                    "11F Hachioji Square Bldg., 9-1 Asahicho, Hachioji, Tokyo",
                    "https://www.openstreetmap.org/search?query=八王子スクエアビル",
                )),
                (jst(now, 10, 14, 0), jst(now, 10, 16, 0)),
                Some(30),
                Some(3),
                &[Language::Ja],
            ),
            partners: &[("HACHIOJI", CoHost), ("TCCI", Publicity)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: event(
                "lwb-expo",
                (
                    "ライフ・ワーク・バランスEXPO東京",
                    "Life-Work Balance EXPO Tokyo",
                ),
                (
                    "ライフ・ワーク・バランス認定企業の取組紹介、育児・介護と仕事の両立支援、不妊治療と仕事の両立などをテーマに、講演・展示・相談ブースを一日で。会場とオンラインで参加できます。",
                    "Talks, exhibits and advice booths in one day: practices of certified Life-Work Balance companies, balancing work with childcare, nursing care and fertility treatment. Join on site or online.",
                ),
                LifeWorkBalance,
                Expo,
                Hybrid,
                Some((
                    "東京国際フォーラム ホールE",
                    "Tokyo International Forum, Hall E",
                    "東京都千代田区丸の内3-5-1",
                    "3-5-1 Marunouchi, Chiyoda-ku, Tokyo",
                    "https://www.openstreetmap.org/search?query=東京国際フォーラム",
                )),
                (jst(now, 40, 10, 0), jst(now, 40, 17, 0)),
                Some(1000),
                Some(5),
                &[Language::Ja, Language::En],
            ),
            partners: &[("TCCI", Backing)],
            publish: true,
            sessions: vec![
                talk(
                    (
                        "基調講演「ライフ・ワーク・バランスが企業を強くする」",
                        "Keynote: Life-work balance makes companies stronger",
                    ),
                    (jst(now, 40, 10, 0), jst(now, 40, 11, 0)),
                    ("ホールE", "Hall E"),
                    "ワーク・ライフ研究所 所長",
                    500,
                    Some("ja"),
                ),
                talk(
                    (
                        "分科会A 育児と仕事の両立",
                        "Workshop A: Balancing work and childcare",
                    ),
                    (jst(now, 40, 11, 15), jst(now, 40, 12, 15)),
                    ("会議室D1", "Room D1"),
                    "認定企業 人事部長",
                    80,
                    Some("ja"),
                ),
                talk(
                    (
                        "分科会B 介護と仕事の両立",
                        "Workshop B: Balancing work and nursing care",
                    ),
                    (jst(now, 40, 11, 15), jst(now, 40, 12, 15)),
                    ("会議室D2", "Room D2"),
                    "介護離職防止アドバイザー",
                    80,
                    Some("ja"),
                ),
                talk(
                    (
                        "認定企業 事例発表会",
                        "Case presentations by certified companies",
                    ),
                    (jst(now, 40, 13, 30), jst(now, 40, 14, 30)),
                    ("ホールE", "Hall E"),
                    "認定企業3社",
                    300,
                    Some("ja"),
                ),
                talk(
                    (
                        "Fertility treatment and work (in English)",
                        "Fertility treatment and work (in English)",
                    ),
                    (jst(now, 40, 14, 45), jst(now, 40, 15, 45)),
                    ("会議室D1", "Room D1"),
                    "Dr. Sato, reproductive medicine",
                    3,
                    Some("en"),
                ),
            ],
        },
        DemoEvent {
            input: event(
                "sme-talent-seminar",
                (
                    "中小企業の人材確保セミナー（東京商工会議所共催）",
                    "Talent acquisition seminar for SMEs (co-hosted with TCCI)",
                ),
                (
                    "採用難の時代に中小企業が選ばれるための採用戦略、求人票の書き方、定着につながる職場づくりを、専門家と先進企業の事例から学びます。",
                    "Recruiting strategy for SMEs in a tight labour market, writing job offers that work, and building workplaces people stay in: experts and pioneering companies share their experience.",
                ),
                SmeTalent,
                Seminar,
                OnSite,
                Some(TCCI_HALL),
                (jst(now, 17, 13, 30), jst(now, 17, 15, 30)),
                Some(80),
                Some(2),
                &[Language::Ja],
            ),
            partners: &[("TCCI", CoHost)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: EventInput {
                // Students register as individuals; companies apply for booths.
                audience: Some(crate::domain::Audience::Individuals),
                per_company_limit: None,
                ..event(
                    "foreign-students-job-fair",
                    (
                        "外国人留学生のための合同企業説明会",
                        "Joint company information session for international students",
                    ),
                    (
                        "都内の中小企業が出展し、外国人留学生に事業内容や採用情報を紹介します。日本語・英語対応のブースがあります。",
                        "Tokyo SMEs present their business and open positions to international students. Booths in Japanese and English.",
                    ),
                    SmeTalent,
                    JobFair,
                    OnSite,
                    Some((
                        "新宿NSビル イベントホール",
                        "Shinjuku NS Building Event Hall",
                        "東京都新宿区西新宿2-4-1",
                        "2-4-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo",
                        "https://www.openstreetmap.org/search?query=新宿NSビル",
                    )),
                    (jst(now, 55, 12, 0), jst(now, 55, 17, 0)),
                    Some(300),
                    Some(5),
                    &[Language::Ja, Language::En],
                )
            },
            partners: &[("TCCI", Cooperation)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: EventInput {
                starts_at: Some(campaign_start),
                ends_at: Some(campaign_end),
                ..event(
                    "smooth-biz-summer",
                    (
                        "スムーズビズ 夏の集中取組期間",
                        "Smooth-Biz summer campaign",
                    ),
                    (
                        "テレワーク、時差Biz、フレックスタイム、物流の効率化（TDM）などに一斉に取り組む夏の集中期間です。参加企業は取り組む内容と対象従業員数を登録してください。",
                        "A summer period in which companies take up telework, staggered commuting (Jisa Biz), flexitime and efficient logistics (TDM) together. Participating companies register the actions they take and for how many employees.",
                    ),
                    SmoothBiz,
                    Campaign,
                    Online,
                    None,
                    (campaign_start, campaign_end),
                    None,
                    None,
                    &[Language::Ja, Language::En],
                )
            },
            partners: &[("TCCI", Publicity)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: event(
                "workstyle-consultation-day",
                (
                    "働き方改革 個別相談会",
                    "Work-style reform consultation day",
                ),
                (
                    "社会保険労務士などの専門家が、就業規則の見直し、長時間労働の是正、休暇制度などの相談に1社45分でお答えします（会場またはオンライン）。",
                    "Labour and social security attorneys and other experts answer your questions on work rules, long working hours and leave systems, 45 minutes per company, on site or online.",
                ),
                WorkStyleReform,
                Consultation,
                Hybrid,
                Some((
                    "東京しごとセンター 5階",
                    "Tokyo Shigoto Center, 5th floor",
                    "東京都千代田区飯田橋3-10-3",
                    "3-10-3 Iidabashi, Chiyoda-ku, Tokyo",
                    "https://www.openstreetmap.org/search?query=東京しごとセンター",
                )),
                (jst(now, 24, 10, 0), jst(now, 24, 17, 0)),
                Some(8),
                Some(1),
                &[Language::Ja],
            ),
            partners: &[("WORKSTYLE-LAB", Cooperation)],
            publish: true,
            sessions: slots(now, 24),
        },
        DemoEvent {
            input: event(
                "lwb-case-presentation",
                (
                    "ライフ・ワーク・バランス認定企業 事例発表会",
                    "Case presentations by certified Life-Work Balance companies",
                ),
                (
                    "認定企業が、男性の育児休業取得促進や柔軟な働き方の導入について、実際の取組と成果を発表します。",
                    "Certified companies present what they did, and what came of it, to get fathers to take childcare leave and to introduce flexible work.",
                ),
                LifeWorkBalance,
                CasePresentation,
                OnSite,
                Some(TCCI_HALL),
                (jst(now, 31, 15, 0), jst(now, 31, 17, 0)),
                Some(150),
                Some(3),
                &[Language::Ja],
            ),
            partners: &[("TCCI", Backing)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            // Companies in Tokyo and abroad, and people on their own, register alike.
            input: EventInput {
                audience: Some(crate::domain::Audience::Everyone),
                ..event(
                    "overseas-online-matching",
                    (
                        "海外人材オンラインマッチング",
                        "Online matching with overseas talent",
                    ),
                    (
                        "海外在住の高度人材と都内中小企業をオンラインで結ぶマッチングイベントです。時刻は日本時間です。",
                        "An online event that connects highly skilled people abroad with Tokyo SMEs. Times are Japan Standard Time.",
                    ),
                    SmeTalent,
                    MatchingEvent,
                    Online,
                    None,
                    (jst(now, 45, 17, 0), jst(now, 45, 19, 0)),
                    Some(60),
                    Some(2),
                    &[Language::Ja, Language::En],
                )
            },
            partners: &[("TCCI", Publicity)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: event(
                "sme-school-info-exchange",
                (
                    "中小企業と学校の情報交流会",
                    "Information exchange between SMEs and schools",
                ),
                (
                    "中小企業の採用担当者と大学・専門学校のキャリアセンター担当者が、採用と就職支援について情報交換します。",
                    "Recruiters of SMEs and career-centre staff of universities and vocational schools exchange information on hiring and job support.",
                ),
                SmeTalent,
                InfoExchange,
                OnSite,
                Some(TCCI_HALL),
                (jst(now, 62, 14, 0), jst(now, 62, 17, 0)),
                Some(60),
                Some(2),
                &[Language::Ja],
            ),
            partners: &[("TOKYO-SHOKOREN", CoHost), ("TCCI", Cooperation)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: EventInput {
                // Students from abroad apply as individuals; host companies post offers.
                audience: Some(crate::domain::Audience::Individuals),
                per_company_limit: None,
                ..event(
                    "sme-internship-winter",
                    (
                        "中小企業インターンシップ（冬期）",
                        "SME internship programme (winter)",
                    ),
                    (
                        "外国人学生が都内中小企業で就業体験を行います。受入企業が募集を登録し、学生は受入企業を選んで応募します。",
                        "Students from abroad work at a Tokyo SME for a few days. Host companies post offers; students choose one and apply.",
                    ),
                    SmeTalent,
                    Internship,
                    OnSite,
                    Some(TCCI_HALL),
                    (jst(now, 75, 9, 30), jst(now, 79, 17, 30)),
                    None,
                    None,
                    &[Language::Ja, Language::En],
                )
            },
            partners: &[],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: event(
                "womens-career-seminar",
                (
                    "女性の活躍推進セミナー",
                    "Seminar on advancing women in the workplace",
                ),
                (
                    "一般事業主行動計画の策定から、女性のキャリア形成とスキルアップ支援まで、オンラインで学びます。",
                    "From drawing up the general employer action plan to supporting women's careers and skills: an online seminar.",
                ),
                WomensAdvancement,
                Seminar,
                Online,
                None,
                (jst(now, 20, 15, 0), jst(now, 20, 16, 30)),
                Some(100),
                Some(3),
                &[Language::Ja],
            ),
            partners: &[("TCCI", Publicity)],
            publish: true,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: event(
                "telework-rule-briefing-draft",
                (
                    "テレワーク東京ルール説明会（準備中）",
                    "Tokyo Telework Rule briefing (in preparation)",
                ),
                ("準備中のイベントです。", "This event is being prepared."),
                Telework,
                Seminar,
                Online,
                None,
                (jst(now, 90, 14, 0), jst(now, 90, 15, 0)),
                Some(200),
                None,
                &[Language::Ja],
            ),
            partners: &[],
            publish: false,
            sessions: Vec::new(),
        },
        DemoEvent {
            input: event(
                "tokyo-telework-rule-declaration",
                (
                    "「テレワーク東京ルール」実践企業宣言",
                    "Tokyo Telework Rule: company declarations",
                ),
                (
                    "テレワークを推進する「テレワーク東京ルール」の実践を宣言する企業を募集しています。宣言内容を確認のうえ、承認した企業を実践企業として紹介します。",
                    "Companies declare that they practise the Tokyo Telework Rule. Once reviewed and approved, they are introduced as practising companies.",
                ),
                Telework,
                Declaration,
                Online,
                None,
                (jst(now, 1, 0, 0), jst(now, 120, 23, 0)),
                None,
                None,
                &[Language::Ja, Language::En],
            ),
            partners: &[("TCCI", Publicity)],
            publish: true,
            sessions: Vec::new(),
        },
    ]
}
