//! Campaign entries: a company joining a campaign (Smooth-Biz) declares its actions, the
//! employees they cover and the days it takes part; it may agree to be listed publicly.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CampaignEntries::Table)
                    .col(big_integer(CampaignEntries::RegistrationId).primary_key())
                    .col(big_integer(CampaignEntries::EventId))
                    // Action codes, comma-separated.
                    .col(string_len(CampaignEntries::Actions, 200))
                    .col(string_len_null(CampaignEntries::OtherAction, 200))
                    .col(integer(CampaignEntries::Employees))
                    .col(date(CampaignEntries::FromDate))
                    .col(date(CampaignEntries::ToDate))
                    .col(boolean(CampaignEntries::Listed))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CampaignEntries::Table, CampaignEntries::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_campaign_entries_event")
                    .table(CampaignEntries::Table)
                    .col(CampaignEntries::EventId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CampaignEntries::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CampaignEntries {
    Table,
    RegistrationId,
    EventId,
    Actions,
    OtherAction,
    Employees,
    FromDate,
    ToDate,
    Listed,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
}
