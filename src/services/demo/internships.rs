//! The winter SME internship programme: two host companies have posted offers, and one
//! student from abroad has applied to the first.
use super::*;

pub(super) async fn seed_internships(
    db: &Db,
    links: &ManageLinks,
    now: DateTime<Utc>,
) -> AppResult<()> {
    const SLUG: &str = "sme-internship-winter";
    let event = store::events::by_slug(db, SLUG)
        .await?
        .ok_or(AppError::NotFound)?;
    let day = |t: DateTime<Utc>| t.with_timezone(&Tokyo).date_naive();
    let (first, last) = (day(event.spec.starts_at), day(event.spec.ends_at));
    let hosts = [
        (
            "株式会社多摩グローバル商事",
            "タマグローバルショウジ",
            "山本 恵",
            "hr@tama-global.example.jp",
            "海外向けECサイトの商品ページを英語で作ります。展示会の準備も手伝います。",
            2,
            vec!["ja", "en"],
            Some("n3"),
            "yes",
        ),
        (
            "有限会社青梅木工所",
            "オウメモッコウショ",
            "井上 大地",
            "office@ome-mokko.example.jp",
            "家具づくりの工程を体験し、ベトナム語の作業手順書づくりを手伝います。",
            1,
            vec!["ja", "vi"],
            None,
            "no",
        ),
    ];
    let mut offer_ids = Vec::new();
    for (i, (name, kana, person, email, tasks, places, languages, level, allowance)) in
        hosts.into_iter().enumerate()
    {
        let input = RegistrationInput {
            company: Some(CompanyInput {
                name: Some(name.into()),
                name_kana: Some(kana.into()),
                corporate_number: Some(
                    CorporateNumber::from_body(1_013_402_000_000 + i as u64 * 7919)
                        .as_str()
                        .into(),
                ),
                postal_code: Some("198-0042".into()),
                prefecture: Some("東京都".into()),
                city: Some(["八王子市", "青梅市"][i].into()),
                street: Some(format!("東青梅{}-{}", i + 1, 5 + i)),
                industry: Some(["wholesale", "manufacturing"][i].into()),
                employee_band: Some(["21-50", "6-20"][i].into()),
                tcci_member: Some(i == 0),
                ..Default::default()
            }),
            contact: PersonInput {
                name: Some(person.into()),
                kana: Some("タントウシャ".into()),
                email: Some(email.into()),
                phone: Some(format!("0428-2{i}-{:04}", 3000 + i)),
                ..Default::default()
            },
            consent: true,
            offer: Some(crate::domain::OfferInput {
                from: Some(first.to_string()),
                to: Some(last.to_string()),
                tasks: Some(tasks.into()),
                places: Some(places.to_string()),
                languages: languages.iter().map(|l| (*l).to_owned()).collect(),
                japanese_level: level.map(str::to_owned),
                allowance: Some(allowance.into()),
            }),
            ..Default::default()
        };
        let done = registrations::register(db, links, SLUG, input, None, now).await?;
        offer_ids.push(done.registration.id);
    }
    let student = RegistrationInput {
        contact: PersonInput {
            name: Some("Maria Santos".into()),
            email: Some("maria@student.example.jp".into()),
            ..Default::default()
        },
        affiliation: Some("東京国際大学".into()),
        consent: true,
        lang: crate::i18n::Lang::parse("en").unwrap_or_default(),
        student: Some(crate::domain::StudentInput {
            graduation_year: Some("2028".into()),
            japanese_level: Some("n3".into()),
            field: Some("国際経営".into()),
        }),
        application: Some(crate::domain::InternshipApplicationInput {
            offer: offer_ids.first().map(|id| id.to_string()),
            motivation: Some("I want to learn how a small Japanese company sells abroad.".into()),
        }),
        ..Default::default()
    };
    registrations::register(db, links, SLUG, student, None, now).await?;
    Ok(())
}
