//! The expert dispatch programme of the demo: an expert register, one company whose visit is
//! scheduled with its expert, and one request still waiting for an expert, so a new user can
//! try both sides.
use super::*;
use crate::domain::{DispatchInput, ExpertInput, FiscalYear, Principal, VisitInput};

pub(super) const SLUG: &str = "workstyle-expert-dispatch";

fn at(now: DateTime<Utc>, days: i64, hour: u32) -> DateTime<Utc> {
    let day = (now.with_timezone(&Tokyo) + Duration::days(days)).date_naive();
    Tokyo
        .from_local_datetime(&day.and_hms_opt(hour, 0, 0).expect("valid time"))
        .single()
        .expect("Tokyo has no DST")
        .with_timezone(&Utc)
}

fn company(
    name: &str,
    kana: &str,
    number: u64,
    street: &str,
    contact: (&str, &str),
    dispatch: DispatchInput,
) -> RegistrationInput {
    RegistrationInput {
        company: Some(CompanyInput {
            name: Some(name.into()),
            name_kana: Some(kana.into()),
            corporate_number: Some(CorporateNumber::from_body(number).as_str().into()),
            postal_code: Some("135-0016".into()),
            prefecture: Some("東京都".into()),
            city: Some("江東区".into()),
            street: Some(street.into()),
            industry: Some("manufacturing".into()),
            employee_band: Some("21-50".into()),
            tcci_member: Some(true),
            ..Default::default()
        }),
        contact: PersonInput {
            name: Some(contact.0.into()),
            kana: Some("タントウシャ".into()),
            department: Some("総務部".into()),
            email: Some(contact.1.into()),
            phone: Some("03-5600-1234".into()),
            ..Default::default()
        },
        consent: true,
        dispatch: Some(dispatch),
        ..Default::default()
    }
}

pub(super) async fn seed(
    db: &Db,
    links: &ManageLinks,
    organizer: &Principal,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let year = FiscalYear::of(now).year();
    let input = EventInput {
        slug: Some(SLUG.into()),
        title_ja: Some(format!("働き方改革 専門家派遣 {year}年度")),
        title_en: Some(format!("Work-style reform expert dispatch FY{year}")),
        description_ja: Some(
            "社会保険労務士や中小企業診断士などの専門家が、貴社を訪問（またはオンラインで）し、テレワークの導入、労働時間の短縮、休暇の取得促進など、働き方改革の課題を一緒に考えます。1社あたり年度内3回まで、無料でご利用いただけます。".into(),
        ),
        description_en: Some(
            "An expert (a labour and social security attorney, an SME consultant and the like) visits your company, or meets you online, to work on your work-style reform: introducing telework, shorter hours, taking leave. Up to three visits per company in a fiscal year, free of charge.".into(),
        ),
        programme_area: Some(ProgrammeArea::WorkStyleReform),
        kind: Some(EventKind::ExpertDispatch),
        format: Some(EventFormat::Hybrid),
        venue_name_ja: Some("貴社または東京商工会議所".into()),
        venue_name_en: Some("Your office or the Tokyo Chamber of Commerce and Industry".into()),
        venue_address_ja: Some("東京都千代田区丸の内3-2-2".into()),
        venue_address_en: Some("3-2-2 Marunouchi, Chiyoda-ku, Tokyo".into()),
        starts_at: Some(at(now, 0, 0)),
        ends_at: Some(at(now, 180, 23)),
        languages: Some(vec![Language::Ja, Language::En]),
        visits_per_company: Some(3),
        ..Default::default()
    };
    events::create(db, organizer, input, now).await?;
    events::publish(db, organizer, SLUG, now).await?;

    let dispatch = super::super::dispatch::add_expert;
    let expert = |name: &str, email: &str, affiliation: &str, fields: &[&str]| ExpertInput {
        name: Some(name.into()),
        email: Some(email.into()),
        affiliation: Some(affiliation.into()),
        fields: fields.iter().map(|f| (*f).to_owned()).collect(),
        active: true,
    };
    let sato = dispatch(
        db,
        organizer,
        expert(
            "佐藤 恵子",
            "sato@sr-mirai.example.jp",
            "社会保険労務士法人みらい",
            &["telework", "working_hours", "leave"],
        ),
        now,
    )
    .await?;
    dispatch(
        db,
        organizer,
        expert(
            "田中 一郎",
            "tanaka@shindanshi.example.jp",
            "中小企業診断士 田中事務所",
            &["work_style", "hr_systems", "digital"],
        ),
        now,
    )
    .await?;
    dispatch(
        db,
        organizer,
        expert(
            "鈴木 美香",
            "suzuki@career.example.jp",
            "キャリアコンサルタント",
            &["care_balance", "womens_advancement"],
        ),
        now,
    )
    .await?;

    let day = |d: i64| {
        (now.with_timezone(&Tokyo) + Duration::days(d))
            .date_naive()
            .to_string()
    };
    // A company whose expert and first visit are set.
    let scheduled = registrations::register(
        db,
        links,
        SLUG,
        company(
            "株式会社みどり工業",
            "ミドリコウギョウ",
            1_010_601_000_019,
            "東陽2-4-1",
            ("山本 直樹", "yamamoto@midori-kogyo.example.jp"),
            DispatchInput {
                theme: Some("telework".into()),
                issue: Some(
                    "事務部門でテレワークを始めたいが、就業規則や労務管理をどう変えればよいか分からない。\n工場部門との公平感も心配している。".into(),
                ),
                employees: Some("45".into()),
                preferred_dates: vec![day(14), day(21)],
                mode: Some("on_site".into()),
            },
        ),
        None,
        now,
    )
    .await?;
    let id = scheduled.registration.id;
    super::super::dispatch::assign(db, organizer, SLUG, id, Some(sato.id), now).await?;
    super::super::dispatch::schedule(
        db,
        organizer,
        SLUG,
        id,
        VisitInput {
            starts_at: Some(at(now, 14, 14)),
            ends_at: Some(at(now, 14, 16)),
            mode: Some("on_site".into()),
            place: Some("東京都江東区東陽2-4-1 株式会社みどり工業 3階会議室".into()),
        },
        now,
    )
    .await?;
    // A request still waiting for an expert.
    registrations::register(
        db,
        links,
        SLUG,
        company(
            "有限会社あおば商事",
            "アオバショウジ",
            1_010_601_000_027,
            "亀戸1-5-7",
            ("小野 真由美", "ono@aoba-shoji.example.jp"),
            DispatchInput {
                theme: Some("care_balance".into()),
                issue: Some(
                    "介護をしながら働く社員が増えており、休暇や短時間勤務の制度を整えたい。".into(),
                ),
                employees: Some("18".into()),
                preferred_dates: vec![day(20), day(27), day(34)],
                mode: Some("online".into()),
            },
        ),
        None,
        now,
    )
    .await?;
    Ok(())
}
