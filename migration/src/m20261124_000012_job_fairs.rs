//! Job fairs: exhibitors' booths and their review, the number of booths, students' profiles,
//! and the booths each student wants to visit.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ExhibitorProfiles::Table)
                    .col(big_integer(ExhibitorProfiles::RegistrationId).primary_key())
                    .col(big_integer(ExhibitorProfiles::EventId))
                    .col(integer(ExhibitorProfiles::StaffCount))
                    .col(string_len(ExhibitorProfiles::Languages, 64))
                    .col(text(ExhibitorProfiles::Positions))
                    .col(boolean(ExhibitorProfiles::VisaSupport))
                    .col(string_len_null(ExhibitorProfiles::HiringFields, 200))
                    .col(string_len(ExhibitorProfiles::State, 16))
                    .col(big_integer_null(ExhibitorProfiles::DecidedBy))
                    .col(timestamp_with_time_zone_null(ExhibitorProfiles::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ExhibitorProfiles::Table, ExhibitorProfiles::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_exhibitor_profiles_event_state")
                    .table(ExhibitorProfiles::Table)
                    .col(ExhibitorProfiles::EventId)
                    .col(ExhibitorProfiles::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JobFairs::Table)
                    .col(big_integer(JobFairs::EventId).primary_key())
                    .col(integer_null(JobFairs::ExhibitorCapacity))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StudentProfiles::Table)
                    .col(big_integer(StudentProfiles::RegistrationId).primary_key())
                    .col(integer(StudentProfiles::GraduationYear))
                    .col(string_len(StudentProfiles::JapaneseLevel, 16))
                    .col(string_len(StudentProfiles::Field, 100))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StudentProfiles::Table, StudentProfiles::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BoothInterests::Table)
                    .col(big_integer(BoothInterests::RegistrationId))
                    .col(big_integer(BoothInterests::ExhibitorId))
                    .primary_key(
                        Index::create()
                            .col(BoothInterests::RegistrationId)
                            .col(BoothInterests::ExhibitorId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(BoothInterests::Table, BoothInterests::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_booth_interests_exhibitor")
                    .table(BoothInterests::Table)
                    .col(BoothInterests::ExhibitorId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            BoothInterests::Table.into_iden(),
            StudentProfiles::Table.into_iden(),
            JobFairs::Table.into_iden(),
            ExhibitorProfiles::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ExhibitorProfiles {
    Table,
    RegistrationId,
    EventId,
    StaffCount,
    Languages,
    Positions,
    VisaSupport,
    HiringFields,
    State,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum JobFairs {
    Table,
    EventId,
    ExhibitorCapacity,
}

#[derive(DeriveIden)]
enum StudentProfiles {
    Table,
    RegistrationId,
    GraduationYear,
    JapaneseLevel,
    Field,
}

#[derive(DeriveIden)]
enum BoothInterests {
    Table,
    RegistrationId,
    ExhibitorId,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
}
