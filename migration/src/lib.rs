//! Schema migrations for uketsuke. They run the same on SQLite and PostgreSQL.
pub use sea_orm_migration::prelude::*;

mod m20261124_000001_foundation;
mod m20261124_000002_registrations;
mod m20261124_000003_outbox_claims;
mod m20261124_000004_notices;
mod m20261124_000005_backoffice;
mod m20261124_000006_retention;
mod m20261124_000007_administration;
mod m20261124_000008_sessions;
mod m20261124_000009_campaigns;
mod m20261124_000010_declarations;
mod m20261124_000011_session_checkins;
mod m20261124_000012_job_fairs;
mod m20261130_000013_locale_tags;
mod m20261130_000014_attendee_sessions;
mod m20261130_000016_registration_shapes;
mod m20261130_000017_registrants;
mod m20261130_000018_partner_notes;
mod m20261130_000019_expert_dispatch;
mod m20261130_000020_certification;
mod m20261130_000021_internships;
mod m20261130_000022_online_joins;
mod m20261130_000023_attendance_confirmation;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_foundation::Migration),
            Box::new(m20261124_000002_registrations::Migration),
            Box::new(m20261124_000003_outbox_claims::Migration),
            Box::new(m20261124_000004_notices::Migration),
            Box::new(m20261124_000005_backoffice::Migration),
            Box::new(m20261124_000006_retention::Migration),
            Box::new(m20261124_000007_administration::Migration),
            Box::new(m20261124_000008_sessions::Migration),
            Box::new(m20261124_000009_campaigns::Migration),
            Box::new(m20261124_000010_declarations::Migration),
            Box::new(m20261124_000011_session_checkins::Migration),
            Box::new(m20261124_000012_job_fairs::Migration),
            Box::new(m20261130_000013_locale_tags::Migration),
            Box::new(m20261130_000014_attendee_sessions::Migration),
            Box::new(m20261130_000016_registration_shapes::Migration),
            Box::new(m20261130_000017_registrants::Migration),
            Box::new(m20261130_000018_partner_notes::Migration),
            Box::new(m20261130_000019_expert_dispatch::Migration),
            Box::new(m20261130_000020_certification::Migration),
            Box::new(m20261130_000021_internships::Migration),
            Box::new(m20261130_000022_online_joins::Migration),
            Box::new(m20261130_000023_attendance_confirmation::Migration),
        ]
    }
}
