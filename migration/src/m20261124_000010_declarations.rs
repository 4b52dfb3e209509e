//! Declarations (「テレワーク東京ルール」実践企業宣言): what a company declares, and the
//! organizer's review of it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Declarations::Table)
                    .col(big_integer(Declarations::RegistrationId).primary_key())
                    .col(big_integer(Declarations::EventId))
                    .col(string_len(Declarations::Commitments, 200))
                    .col(string_len_null(Declarations::OtherCommitment, 200))
                    .col(text(Declarations::Statement))
                    .col(boolean(Declarations::Listed))
                    .col(string_len(Declarations::State, 16))
                    .col(big_integer_null(Declarations::ReviewedBy))
                    .col(timestamp_with_time_zone_null(Declarations::ReviewedAt))
                    .col(text_null(Declarations::Note))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Declarations::Table, Declarations::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_declarations_event_state")
                    .table(Declarations::Table)
                    .col(Declarations::EventId)
                    .col(Declarations::State)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Declarations::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Declarations {
    Table,
    RegistrationId,
    EventId,
    Commitments,
    OtherCommitment,
    Statement,
    Listed,
    State,
    ReviewedBy,
    ReviewedAt,
    Note,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
}
