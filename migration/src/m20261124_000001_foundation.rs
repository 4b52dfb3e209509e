//! Organizations, organizer users and their API tokens, events and event partners.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organizations::Table)
                    .col(big_pk_auto(Organizations::Id))
                    .col(string_len_uniq(Organizations::Code, 32))
                    .col(string_len(Organizations::Kind, 32))
                    .col(string_len(Organizations::NameJa, 200))
                    .col(string_len(Organizations::NameEn, 200))
                    .col(timestamp_with_time_zone(Organizations::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(big_pk_auto(Users::Id))
                    .col(big_integer(Users::OrganizationId))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 200))
                    .col(string_len(Users::Role, 32))
                    .col(string_len(Users::PasswordHash, 200))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Users::Table, Users::OrganizationId)
                            .to(Organizations::Table, Organizations::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApiTokens::Table)
                    .col(big_pk_auto(ApiTokens::Id))
                    .col(big_integer(ApiTokens::UserId))
                    .col(string_len_uniq(ApiTokens::TokenHash, 64))
                    .col(string_len(ApiTokens::Label, 100))
                    .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiTokens::Table, ApiTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Events::Table)
                    .col(big_pk_auto(Events::Id))
                    .col(string_len_uniq(Events::Slug, 64))
                    .col(big_integer(Events::OrganizerId))
                    .col(string_len(Events::TitleJa, 200))
                    .col(string_len(Events::TitleEn, 200))
                    .col(text(Events::DescriptionJa))
                    .col(text(Events::DescriptionEn))
                    .col(string_len(Events::ProgrammeArea, 32))
                    .col(string_len(Events::Kind, 32))
                    .col(string_len(Events::Format, 16))
                    .col(string_len_null(Events::VenueNameJa, 200))
                    .col(string_len_null(Events::VenueNameEn, 200))
                    .col(string_len_null(Events::VenueAddressJa, 300))
                    .col(string_len_null(Events::VenueAddressEn, 300))
                    .col(string_len_null(Events::VenueMapUrl, 500))
                    .col(string_len_null(Events::OnlineUrl, 500))
                    .col(timestamp_with_time_zone(Events::StartsAt))
                    .col(timestamp_with_time_zone(Events::EndsAt))
                    .col(timestamp_with_time_zone(Events::RegistrationOpensAt))
                    .col(timestamp_with_time_zone(Events::RegistrationClosesAt))
                    .col(integer_null(Events::Capacity))
                    .col(integer(Events::SeatsTaken).default(0))
                    .col(integer_null(Events::PerCompanyLimit))
                    .col(string_len(Events::Languages, 16))
                    .col(string_len(Events::Status, 16))
                    .col(integer(Events::FiscalYear))
                    .col(timestamp_with_time_zone(Events::CreatedAt))
                    .col(timestamp_with_time_zone(Events::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Events::Table, Events::OrganizerId)
                            .to(Organizations::Table, Organizations::Id),
                    )
                    // The seat counter can never run past capacity, whatever a bug upstream does.
                    .check(
                        Expr::col(Events::Capacity)
                            .is_null()
                            .or(Expr::col(Events::SeatsTaken).lte(Expr::col(Events::Capacity))),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_events_status_starts_at")
                    .table(Events::Table)
                    .col(Events::Status)
                    .col(Events::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_events_fiscal_year")
                    .table(Events::Table)
                    .col(Events::FiscalYear)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EventPartners::Table)
                    .col(big_pk_auto(EventPartners::Id))
                    .col(big_integer(EventPartners::EventId))
                    .col(big_integer(EventPartners::OrganizationId))
                    .col(string_len(EventPartners::Role, 32))
                    .col(string_len(EventPartners::State, 16))
                    .col(integer(EventPartners::DisplayOrder).default(0))
                    .col(big_integer_null(EventPartners::RequestedBy))
                    .col(timestamp_with_time_zone(EventPartners::RequestedAt))
                    .col(big_integer_null(EventPartners::DecidedBy))
                    .col(timestamp_with_time_zone_null(EventPartners::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventPartners::Table, EventPartners::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventPartners::Table, EventPartners::OrganizationId)
                            .to(Organizations::Table, Organizations::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventPartners::Table, EventPartners::RequestedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventPartners::Table, EventPartners::DecidedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One role per organization per event: a partner is a co-host or a backer, not both.
        manager
            .create_index(
                Index::create()
                    .name("uq_event_partners_event_org")
                    .table(EventPartners::Table)
                    .col(EventPartners::EventId)
                    .col(EventPartners::OrganizationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            EventPartners::Table.into_iden(),
            Events::Table.into_iden(),
            ApiTokens::Table.into_iden(),
            Users::Table.into_iden(),
            Organizations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    Code,
    Kind,
    NameJa,
    NameEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    OrganizationId,
    Email,
    DisplayName,
    Role,
    PasswordHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    Id,
    UserId,
    TokenHash,
    Label,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Events {
    Table,
    Id,
    Slug,
    OrganizerId,
    TitleJa,
    TitleEn,
    DescriptionJa,
    DescriptionEn,
    ProgrammeArea,
    Kind,
    Format,
    VenueNameJa,
    VenueNameEn,
    VenueAddressJa,
    VenueAddressEn,
    VenueMapUrl,
    OnlineUrl,
    StartsAt,
    EndsAt,
    RegistrationOpensAt,
    RegistrationClosesAt,
    Capacity,
    SeatsTaken,
    PerCompanyLimit,
    Languages,
    Status,
    FiscalYear,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EventPartners {
    Table,
    Id,
    EventId,
    OrganizationId,
    Role,
    State,
    DisplayOrder,
    RequestedBy,
    RequestedAt,
    DecidedBy,
    DecidedAt,
}
