//! Internships for students from abroad: a host company's offer (period, tasks, places,
//! languages, allowance) and students' applications to one offer each, with the host's
//! decision.
use sea_orm_migration::sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // `internship_application` is longer than the 20 characters the shape column held.
        // SQLite does not hold text to a declared length; PostgreSQL does.
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("ALTER TABLE registrations ALTER COLUMN shape TYPE varchar(32)")
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(InternshipOffers::Table)
                    .col(big_integer(InternshipOffers::RegistrationId).primary_key())
                    .col(big_integer(InternshipOffers::EventId))
                    .col(date(InternshipOffers::FromDate))
                    .col(date(InternshipOffers::ToDate))
                    .col(text(InternshipOffers::Tasks))
                    .col(integer(InternshipOffers::Places))
                    .col(string_len(InternshipOffers::Languages, 64))
                    .col(string_len_null(InternshipOffers::JapaneseLevel, 16))
                    .col(boolean(InternshipOffers::Allowance))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InternshipOffers::Table, InternshipOffers::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_internship_offers_event")
                    .table(InternshipOffers::Table)
                    .col(InternshipOffers::EventId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InternshipApplications::Table)
                    .col(big_integer(InternshipApplications::RegistrationId).primary_key())
                    .col(big_integer(InternshipApplications::EventId))
                    .col(big_integer(InternshipApplications::OfferId))
                    .col(integer(InternshipApplications::GraduationYear))
                    .col(string_len(InternshipApplications::JapaneseLevel, 16))
                    .col(string_len(InternshipApplications::Field, 100))
                    .col(text(InternshipApplications::Motivation))
                    .col(string_len(InternshipApplications::State, 16))
                    .col(big_integer_null(InternshipApplications::DecidedBy))
                    .col(timestamp_with_time_zone_null(
                        InternshipApplications::DecidedAt,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                InternshipApplications::Table,
                                InternshipApplications::RegistrationId,
                            )
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                InternshipApplications::Table,
                                InternshipApplications::OfferId,
                            )
                            .to(InternshipOffers::Table, InternshipOffers::RegistrationId)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_internship_applications_offer_state")
                    .table(InternshipApplications::Table)
                    .col(InternshipApplications::OfferId)
                    .col(InternshipApplications::State)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            InternshipApplications::Table.into_iden(),
            InternshipOffers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum InternshipOffers {
    Table,
    RegistrationId,
    EventId,
    FromDate,
    ToDate,
    Tasks,
    Places,
    Languages,
    JapaneseLevel,
    Allowance,
}

#[derive(DeriveIden)]
enum InternshipApplications {
    Table,
    RegistrationId,
    EventId,
    OfferId,
    GraduationYear,
    JapaneseLevel,
    Field,
    Motivation,
    State,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
}
