//! Demo data: the programme's organizations and one realistic event of every kind the plan
//! names, dated from today so the catalogue is never empty. Loaded through the same services
//! an organizer uses.
use super::links::ManageLinks;
use super::{accounts, events, partners, registrations};
use crate::domain::CorporateNumber;
use crate::domain::registration::{CompanyInput, PersonInput, RegistrationInput};
use crate::domain::{
    EventFormat, EventInput, EventKind, Language, OrganizationKind, PartnerRole, ProgrammeArea,
    UserRole,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};
use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use chrono_tz::Asia::Tokyo;

mod certification;
mod dispatch;
mod internships;
mod sample_events;
mod sample_registrations;

use sample_events::demo_events;
use sample_registrations::seed_registrations;

pub struct DemoLogins {
    pub accounts: Vec<DemoLogin>,
}

pub struct DemoLogin {
    pub organization: String,
    pub email: String,
    pub password: String,
    pub token: String,
}

const ORGANIZATIONS: &[(&str, OrganizationKind, &str, &str)] = &[
    (
        "TMG",
        OrganizationKind::Tmg,
        "東京都",
        "Tokyo Metropolitan Government",
    ),
    (
        "TCCI",
        OrganizationKind::Tcci,
        "東京商工会議所",
        "Tokyo Chamber of Commerce and Industry",
    ),
    (
        "HACHIOJI",
        OrganizationKind::Municipality,
        "八王子市",
        "Hachioji City",
    ),
    (
        "TOKYO-SHOKOREN",
        OrganizationKind::Association,
        "東京都商工会連合会",
        "Tokyo Federation of Societies of Commerce and Industry",
    ),
    (
        "WORKSTYLE-LAB",
        OrganizationKind::Company,
        "株式会社ワークスタイル研究所",
        "Workstyle Lab Co., Ltd.",
    ),
];

/// Loads the demo into an empty database. Refuses when organizations exist already, so that
/// demo data never mixes with real data.
pub async fn seed(db: &Db, links: &ManageLinks, now: DateTime<Utc>) -> AppResult<DemoLogins> {
    if store::organizations::count(db).await? > 0 {
        return Err(AppError::conflict("database_not_empty", Vec::new()));
    }
    for (code, kind, ja, en) in ORGANIZATIONS {
        accounts::add_organization(db, code, *kind, ja, en).await?;
    }
    let tmg = accounts::add_user(
        db,
        "TMG",
        "organizer@tmg.example",
        "都 担当者",
        UserRole::Admin,
        None,
    )
    .await?;
    // The TMG demo admin also runs the platform, so a new user sees every page.
    super::administration::set_platform_admin(db, "organizer@tmg.example", true).await?;
    let tcci = accounts::add_user(
        db,
        "TCCI",
        "partner@tcci.example",
        "東商 担当者",
        UserRole::Admin,
        None,
    )
    .await?;
    let hachioji = accounts::add_user(
        db,
        "HACHIOJI",
        "telework@city.hachioji.example",
        "八王子市 担当者",
        UserRole::Organizer,
        None,
    )
    .await?;
    let labs = accounts::add_user(
        db,
        "WORKSTYLE-LAB",
        "desk@workstyle-lab.example",
        "相談窓口",
        UserRole::Organizer,
        None,
    )
    .await?;
    let shokoren = accounts::add_user(
        db,
        "TOKYO-SHOKOREN",
        "events@shokoren.example",
        "連合会 担当者",
        UserRole::Organizer,
        None,
    )
    .await?;

    let organizer = accounts::authenticate_token(db, &tmg.token).await?;
    let partner_principals = [
        ("TCCI", accounts::authenticate_token(db, &tcci.token).await?),
        (
            "HACHIOJI",
            accounts::authenticate_token(db, &hachioji.token).await?,
        ),
        (
            "WORKSTYLE-LAB",
            accounts::authenticate_token(db, &labs.token).await?,
        ),
        (
            "TOKYO-SHOKOREN",
            accounts::authenticate_token(db, &shokoren.token).await?,
        ),
    ];

    for demo in demo_events(now) {
        let slug = demo.input.slug.clone().expect("demo events have slugs");
        events::create(db, &organizer, demo.input, now).await?;
        for session in demo.sessions {
            super::sessions::add(db, &organizer, &slug, session).await?;
        }
        for (code, role) in demo.partners {
            partners::invite(db, &organizer, &slug, code, *role, None, now).await?;
            let partner = &partner_principals
                .iter()
                .find(|(c, _)| c == code)
                .expect("demo partner")
                .1;
            partners::decide(db, partner, &slug, code, true, now).await?;
        }
        if demo.publish {
            events::publish(db, &organizer, &slug, now).await?;
        }
    }

    seed_registrations(db, links, now).await?;
    dispatch::seed(db, links, &organizer, now).await?;
    internships::seed_internships(db, links, now).await?;
    // The job fair has 20 booths; two of the three applications are approved, and two
    // students have registered, marking the first booth.
    super::job_fairs::set_capacity(db, &organizer, "foreign-students-job-fair", Some(20)).await?;
    let fair_id = store::events::by_slug(db, "foreign-students-job-fair")
        .await?
        .ok_or(AppError::NotFound)?
        .id;
    let applied = store::job_fairs::exhibitors(db, fair_id).await?;
    for x in applied.iter().take(2) {
        super::job_fairs::decide(
            db,
            &organizer,
            "foreign-students-job-fair",
            x.registration_id,
            true,
            now,
        )
        .await?;
    }
    for (name, romaji, email, level) in [
        ("阮 文安", "Nguyen Van An", "an@student.example.jp", "n2"),
        ("王 麗", "Wang Li", "wang@student.example.jp", "n1"),
    ] {
        let student = RegistrationInput {
            contact: PersonInput {
                name: Some(name.into()),
                kana: Some(romaji.into()),
                email: Some(email.into()),
                ..Default::default()
            },
            affiliation: Some("東京情報大学".into()),
            consent: true,
            student: Some(crate::domain::StudentInput {
                graduation_year: Some("2027".into()),
                japanese_level: Some(level.into()),
                field: Some("情報工学".into()),
            }),
            booths: applied.iter().take(1).map(|x| x.registration_id).collect(),
            ..Default::default()
        };
        registrations::register(db, links, "foreign-students-job-fair", student, None, now).await?;
    }
    // Two companies have declared; the first is approved and listed, the second waits.
    let declared = store::declarations::of_event(
        db,
        store::events::by_slug(db, "tokyo-telework-rule-declaration")
            .await?
            .ok_or(AppError::NotFound)?
            .id,
    )
    .await?;
    if let Some(first) = declared.first() {
        super::declarations::review(
            db,
            &organizer,
            "tokyo-telework-rule-declaration",
            first.registration_id,
            true,
            None,
            now,
        )
        .await?;
    }

    certification::seed(db, links, &organizer, now).await?;

    let login = |org: &str, a: accounts::NewAccount| DemoLogin {
        organization: org.to_owned(),
        email: a.email.as_str().to_owned(),
        password: a.generated_password.unwrap_or_default(),
        token: a.token,
    };
    Ok(DemoLogins {
        accounts: vec![login("TMG", tmg), login("TCCI", tcci)],
    })
}
