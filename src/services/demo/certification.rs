//! The LWB certified-company scheme (ライフ・ワーク・バランス認定企業) in the demo: this fiscal
//! year's call with its categories, one company certified (also an exhibitor at the job fair,
//! whose booth is marked) and one still under review, each with a small PDF.
use super::*;
use crate::domain::{CallInput, CategoryInput, FiscalYear, Principal};

pub(super) const SLUG: &str = "lwb-certification";

/// A one-page PDF: what a company would attach (its plan), small enough to keep in the demo.
pub(super) const SAMPLE_PDF: &[u8] = b"%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 53 >> stream
BT /F1 18 Tf 72 760 Td (Work-life balance plan) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
";

pub(super) async fn seed(
    db: &Db,
    links: &ManageLinks,
    organizer: &Principal,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let fy = FiscalYear::of(now);
    let day = |d: DateTime<Utc>| d.with_timezone(&Tokyo).date_naive();
    let opens = now;
    // The call runs to the end of the fiscal year; certificates hold for two fiscal years.
    let year_end = FiscalYear::new(fy.year() + 1).starts_at() - Duration::minutes(1);
    let input = EventInput {
        slug: Some(SLUG.into()),
        title_ja: Some(format!("ライフ・ワーク・バランス認定企業 {}年度募集", fy.year())),
        title_en: Some(format!(
            "Life-Work Balance certified companies: call for FY{}",
            fy.year()
        )),
        description_ja: Some(
            "仕事と生活の調和（ライフ・ワーク・バランス）に優れた取組を行う中小企業等を認定します。部門を選び、取組内容と資料（PDF・画像）を添えて申請してください。審査のうえ、認定企業を公表します。".into(),
        ),
        description_en: Some(
            "The Tokyo Metropolitan Government certifies small and medium-sized companies with outstanding work–life balance measures. Choose your categories and apply with your measures and documents (PDF or images). Certified companies are published.".into(),
        ),
        programme_area: Some(ProgrammeArea::LifeWorkBalance),
        kind: Some(EventKind::Certification),
        format: Some(EventFormat::Online),
        starts_at: Some(opens),
        ends_at: Some(year_end.max(opens + Duration::days(60))),
        languages: Some(vec![Language::Ja, Language::En]),
        ..Default::default()
    };
    events::create(db, organizer, input, now).await?;
    let category = |code: &str, ja: &str, en: &str| CategoryInput {
        code: Some(code.into()),
        name_ja: Some(ja.into()),
        name_en: Some(en.into()),
    };
    super::super::certification::set_call(
        db,
        organizer,
        SLUG,
        CallInput {
            categories: vec![
                category(
                    "childcare",
                    "育児・介護との両立推進部門",
                    "Balancing work with childcare and caregiving",
                ),
                category(
                    "workstyle",
                    "働き方・休み方改革部門",
                    "Reforming how people work and take leave",
                ),
                category(
                    "women",
                    "女性の活躍推進部門",
                    "Advancing women in the workplace",
                ),
            ],
            valid_from: Some(day(fy.starts_at())),
            valid_until: Some(day(FiscalYear::new(fy.year() + 2).starts_at()) - Duration::days(1)),
        },
    )
    .await?;
    events::publish(db, organizer, SLUG, now).await?;

    // 株式会社高尾システム (an approved exhibitor at the job fair) is certified in two
    // categories; 株式会社みなみ野設計 waits for review.
    let applicants = [
        (
            5u64,
            "株式会社高尾システム",
            "タカオシステム",
            "坂本 愛",
            vec!["childcare", "workstyle"],
            "育児短時間勤務を子が小学校を卒業するまで延長。全社でノー残業デー（水曜）を実施し、月平均残業時間を12時間に削減しました。",
        ),
        (
            6,
            "株式会社みなみ野設計",
            "ミナミノセッケイ",
            "青木 理恵",
            vec!["women"],
            "女性管理職比率を3年で10%から25%に。設計職の時短正社員制度を導入しました。",
        ),
    ];
    let mut ids = Vec::new();
    for (i, name, kana, person, categories, measures) in applicants {
        let input = RegistrationInput {
            company: Some(CompanyInput {
                name: Some(name.into()),
                name_kana: Some(kana.into()),
                corporate_number: Some(
                    CorporateNumber::from_body(1_013_401_000_000 + i * 7919)
                        .as_str()
                        .into(),
                ),
                postal_code: Some("192-0083".into()),
                prefecture: Some("東京都".into()),
                city: Some("八王子市".into()),
                street: Some(format!("旭町{}-{}", i + 1, 10 + i)),
                industry: Some("information_communications".into()),
                employee_band: Some("51-100".into()),
                tcci_member: Some(true),
                ..Default::default()
            }),
            contact: PersonInput {
                name: Some(person.into()),
                kana: Some("タントウシャ".into()),
                department: Some("人事部".into()),
                email: Some(format!("lwb@demo{i}.example.jp")),
                phone: Some(format!("042-6{i:02}-{:04}", 2000 + i)),
                ..Default::default()
            },
            consent: true,
            certification: Some(crate::domain::ApplicationInput {
                categories: categories.into_iter().map(str::to_owned).collect(),
                measures: Some(measures.into()),
                documents: vec![crate::domain::Upload {
                    filename: "取組計画.pdf".into(),
                    bytes: SAMPLE_PDF.to_vec(),
                    too_large: false,
                }],
            }),
            ..Default::default()
        };
        let done = registrations::register(db, links, SLUG, input, None, now).await?;
        ids.push(done.registration.id);
    }
    super::super::certification::decide(
        db,
        organizer,
        SLUG,
        ids[0],
        &["childcare".into(), "workstyle".into()],
        now,
    )
    .await?;
    Ok(())
}
