//! Companies already registered, so the roster is not empty and the seminar nearly full.
use super::*;

/// Companies that registered for the Hachioji telework seminar: 28 of its 30 seats are taken,
/// so a visitor can fill it, see the next company wait, and watch a cancellation promote it.
const DEMO_COMPANIES: &[(&str, &str, &[&str])] = &[
    (
        "株式会社八王子精工",
        "ハチオウジセイコウ",
        &["大野 健", "小林 真理", "石井 翔"],
    ),
    (
        "多摩テック株式会社",
        "タマテック",
        &["森 由美", "清水 大輔", "池田 彩"],
    ),
    (
        "有限会社ひばり印刷",
        "ヒバリインサツ",
        &["阿部 誠", "村上 咲", "中島 亮"],
    ),
    (
        "株式会社あさひ物流",
        "アサヒブツリュウ",
        &["原田 優子", "藤井 拓也", "岡田 恵"],
    ),
    (
        "武蔵野フーズ株式会社",
        "ムサシノフーズ",
        &["後藤 浩", "前田 さくら", "長谷川 剛"],
    ),
    (
        "株式会社高尾システム",
        "タカオシステム",
        &["近藤 陽介", "坂本 愛", "遠藤 隆"],
    ),
    (
        "株式会社みなみ野設計",
        "ミナミノセッケイ",
        &["青木 理恵", "西村 健太", "福田 直子"],
    ),
    (
        "浅川工業株式会社",
        "アサカワコウギョウ",
        &["太田 和也", "松田 美穂", "中川 悟"],
    ),
    (
        "株式会社めじろ台商店",
        "メジロダイショウテン",
        &["原 千尋", "小川 学"],
    ),
    (
        "株式会社ゆりのき介護サービス",
        "ユリノキカイゴサービス",
        &["竹内 葵", "金子 洋平"],
    ),
];

pub(super) async fn seed_registrations(
    db: &Db,
    links: &ManageLinks,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for (i, (name, kana, people)) in DEMO_COMPANIES.iter().enumerate() {
        let domain = format!("demo{i}.example.jp");
        let input = RegistrationInput {
            company: Some(CompanyInput {
                name: Some((*name).into()),
                name_kana: Some((*kana).into()),
                corporate_number: Some(
                    CorporateNumber::from_body(1_013_401_000_000 + i as u64 * 7919)
                        .as_str()
                        .into(),
                ),
                postal_code: Some("192-0083".into()),
                prefecture: Some("東京都".into()),
                city: Some("八王子市".into()),
                street: Some(format!("旭町{}-{}", i + 1, 10 + i)),
                industry: Some(
                    [
                        "manufacturing",
                        "information_communications",
                        "transport",
                        "retail",
                        "medical",
                    ][i % 5]
                        .into(),
                ),
                employee_band: Some(["21-50", "6-20", "51-100", "101-300"][i % 4].into()),
                tcci_member: Some(i % 2 == 0),
                ..Default::default()
            }),
            contact: PersonInput {
                name: Some(people[0].into()),
                kana: Some("タントウシャ".into()),
                department: Some("総務部".into()),
                email: Some(format!("contact@{domain}")),
                phone: Some(format!("042-6{:02}-{:04}", i, 1000 + i)),
                ..Default::default()
            },
            attendees: people
                .iter()
                .enumerate()
                .map(|(j, p)| PersonInput {
                    name: Some((*p).into()),
                    kana: Some("サンカシャ".into()),
                    department: Some(if j == 0 { "総務部" } else { "人事部" }.into()),
                    email: Some(format!("attendee{j}@{domain}")),
                    ..Default::default()
                })
                .collect(),
            consent: true,
            heard_via: Some(["municipality", "tcci_mail_magazine", "tmg_website"][i % 3].into()),
            ..Default::default()
        };
        // Three companies apply for booths at the job fair for international students.
        if (5..8).contains(&i) {
            let mut exhibiting = input.clone();
            exhibiting.attendees = Vec::new();
            exhibiting.exhibitor = Some(crate::domain::ExhibitorInput {
                staff_count: Some("2".into()),
                languages: [vec!["ja", "en"], vec!["ja", "zh"], vec!["ja", "vi"]][i - 5]
                    .iter()
                    .map(|l| (*l).to_owned())
                    .collect(),
                positions: Some(
                    [
                        "ITエンジニア（正社員）",
                        "海外営業（正社員）",
                        "生産管理（正社員）",
                    ][i - 5]
                        .into(),
                ),
                visa_support: Some(if i == 7 { "no" } else { "yes" }.into()),
                hiring_fields: Some(["情報系", "経済・商学", "工学"][i - 5].into()),
            });
            registrations::register(
                db,
                links,
                "foreign-students-job-fair",
                exhibiting,
                None,
                now,
            )
            .await?;
        }
        // Two companies declare the Tokyo Telework Rule.
        if (3..5).contains(&i) {
            let mut declaring = input.clone();
            declaring.attendees = Vec::new();
            declaring.declaration = Some(crate::domain::DeclarationInput {
                commitments: vec!["telework".into(), "paperless".into()],
                statement: Some(
                    [
                        "全社員が週2日以上テレワークできる体制を整えます。",
                        "紙の決裁を廃止し、オンライン会議を標準にします。",
                    ][i - 3]
                        .into(),
                ),
                listed: true,
                ..Default::default()
            });
            registrations::register(
                db,
                links,
                "tokyo-telework-rule-declaration",
                declaring,
                None,
                now,
            )
            .await?;
        }
        // The first companies also join the summer Smooth-Biz campaign; two agree to be listed.
        if i < 3 {
            let mut joining = input.clone();
            joining.attendees = Vec::new();
            joining.campaign = Some(crate::domain::CampaignInput {
                actions: [
                    vec!["telework", "staggered_commuting"],
                    vec!["flex_time"],
                    vec!["logistics", "telework"],
                ][i]
                    .iter()
                    .map(|a| (*a).to_owned())
                    .collect(),
                employees: Some([120, 35, 60][i].to_string()),
                listed: i != 1,
                ..Default::default()
            });
            registrations::register(db, links, "smooth-biz-summer", joining, None, now).await?;
        }
        registrations::register(db, links, "telework-experience-hachioji", input, None, now)
            .await?;
    }
    seed_registrants_of_other_kinds(db, links, now).await
}

/// A Japanese-language school at the SME-school information exchange (counted as a school,
/// not a company) and a company in San Francisco at the overseas matching event (its own
/// address, phone and time zone).
async fn seed_registrants_of_other_kinds(
    db: &Db,
    links: &ManageLinks,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let school = RegistrationInput {
        company: Some(CompanyInput {
            kind: Some("school".into()),
            school_type: Some("japanese_language_school".into()),
            name: Some("東京みらい日本語学院".into()),
            name_kana: Some("トウキョウミライニホンゴガクイン".into()),
            postal_code: Some("169-0073".into()),
            prefecture: Some("東京都".into()),
            city: Some("新宿区".into()),
            street: Some("百人町1-2-3".into()),
            tcci_member: Some(false),
            ..Default::default()
        }),
        contact: PersonInput {
            name: Some("佐藤 美咲".into()),
            kana: Some("サトウ ミサキ".into()),
            department: Some("進路指導室".into()),
            email: Some("career@mirai-jls.example.jp".into()),
            phone: Some("03-5555-0101".into()),
            ..Default::default()
        },
        attendees: vec![PersonInput {
            name: Some("佐藤 美咲".into()),
            kana: Some("サトウ ミサキ".into()),
            email: Some("career@mirai-jls.example.jp".into()),
            ..Default::default()
        }],
        consent: true,
        ..Default::default()
    };
    registrations::register(db, links, "sme-school-info-exchange", school, None, now).await?;
    let abroad = RegistrationInput {
        company: Some(CompanyInput {
            name: Some("Golden Gate Robotics, Inc.".into()),
            country: Some("US".into()),
            postal_code: Some("94105".into()),
            region: Some("California".into()),
            city: Some("San Francisco".into()),
            street: Some("535 Mission St, Suite 1400".into()),
            industry: Some("manufacturing".into()),
            employee_band: Some("51-100".into()),
            tcci_member: Some(false),
            ..Default::default()
        }),
        contact: PersonInput {
            name: Some("Ann Walker".into()),
            email: Some("ann.walker@ggr.example.com".into()),
            phone: Some("+1 415 555 2671".into()),
            ..Default::default()
        },
        attendees: vec![PersonInput {
            name: Some("Ann Walker".into()),
            email: Some("ann.walker@ggr.example.com".into()),
            ..Default::default()
        }],
        consent: true,
        lang: crate::i18n::Lang::parse("en").expect("English is a locale"),
        time_zone: Some("America/Los_Angeles".into()),
        ..Default::default()
    };
    registrations::register(db, links, "overseas-online-matching", abroad, None, now).await?;
    Ok(())
}
