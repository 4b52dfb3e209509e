//! Expert dispatch (専門家派遣): a programme's visits per company and fiscal year, the
//! organizer's register of experts, each company's request and the visits scheduled for it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .add_column(ColumnDef::new(Events::VisitsPerCompany).integer().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Experts::Table)
                    .col(big_pk_auto(Experts::Id))
                    .col(big_integer(Experts::OrganizationId))
                    .col(string_len(Experts::Name, 100))
                    .col(string_len(Experts::Email, 254))
                    .col(string_len_null(Experts::Affiliation, 200))
                    .col(string_len(Experts::Fields, 200))
                    .col(boolean(Experts::Active))
                    .col(timestamp_with_time_zone(Experts::CreatedAt))
                    .col(timestamp_with_time_zone(Experts::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_experts_organization")
                    .table(Experts::Table)
                    .col(Experts::OrganizationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DispatchRequests::Table)
                    .col(big_integer(DispatchRequests::RegistrationId).primary_key())
                    .col(big_integer(DispatchRequests::EventId))
                    .col(string_len(DispatchRequests::Theme, 32))
                    .col(text(DispatchRequests::Issue))
                    .col(integer(DispatchRequests::Employees))
                    .col(string_len(DispatchRequests::PreferredDates, 40))
                    .col(string_len(DispatchRequests::Mode, 16))
                    .col(string_len(DispatchRequests::State, 16))
                    .col(big_integer_null(DispatchRequests::ExpertId))
                    .col(big_integer_null(DispatchRequests::AssignedBy))
                    .col(timestamp_with_time_zone_null(DispatchRequests::AssignedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DispatchRequests::Table, DispatchRequests::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DispatchRequests::Table, DispatchRequests::ExpertId)
                            .to(Experts::Table, Experts::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dispatch_requests_event_state")
                    .table(DispatchRequests::Table)
                    .col(DispatchRequests::EventId)
                    .col(DispatchRequests::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DispatchVisits::Table)
                    .col(big_pk_auto(DispatchVisits::Id))
                    .col(big_integer(DispatchVisits::RegistrationId))
                    .col(big_integer(DispatchVisits::EventId))
                    .col(big_integer(DispatchVisits::ExpertId))
                    .col(timestamp_with_time_zone(DispatchVisits::StartsAt))
                    .col(timestamp_with_time_zone(DispatchVisits::EndsAt))
                    .col(integer(DispatchVisits::FiscalYear))
                    .col(string_len(DispatchVisits::Mode, 16))
                    .col(string_len(DispatchVisits::Place, 500))
                    .col(string_len(DispatchVisits::State, 16))
                    .col(text_null(DispatchVisits::Outcome))
                    .col(integer(DispatchVisits::Sequence))
                    .col(timestamp_with_time_zone(DispatchVisits::CreatedAt))
                    .col(timestamp_with_time_zone(DispatchVisits::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DispatchVisits::Table, DispatchVisits::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DispatchVisits::Table, DispatchVisits::ExpertId)
                            .to(Experts::Table, Experts::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dispatch_visits_registration")
                    .table(DispatchVisits::Table)
                    .col(DispatchVisits::RegistrationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dispatch_visits_event_year")
                    .table(DispatchVisits::Table)
                    .col(DispatchVisits::EventId)
                    .col(DispatchVisits::FiscalYear)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DispatchVisits::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(DispatchRequests::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Experts::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .drop_column(Events::VisitsPerCompany)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Events {
    Table,
    VisitsPerCompany,
}

#[derive(DeriveIden)]
enum Experts {
    Table,
    Id,
    OrganizationId,
    Name,
    Email,
    Affiliation,
    Fields,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DispatchRequests {
    Table,
    RegistrationId,
    EventId,
    Theme,
    Issue,
    Employees,
    PreferredDates,
    Mode,
    State,
    ExpertId,
    AssignedBy,
    AssignedAt,
}

#[derive(DeriveIden)]
enum DispatchVisits {
    Table,
    Id,
    RegistrationId,
    EventId,
    ExpertId,
    StartsAt,
    EndsAt,
    FiscalYear,
    Mode,
    Place,
    State,
    Outcome,
    Sequence,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
}
